"""ATT001-ATT005 through the real pipeline: each rule fires, and compliant cases do not."""

from __future__ import annotations

import io
import zipfile
from email.message import EmailMessage
from pathlib import Path

import pytest

from relay.policy import Policy, load_policy
from relay.verdict import Action, Finding, RuleMode, Severity, Verdict
from tests.conftest import JudgeFn, make_message
from tests.model.test_extract import make_doc, make_docx, make_pdf
from tests.model.test_sniff import GIF, JPEG, PNG, _docm, _exe, _zip

BODY = (
    "Guten Tag, vielen Dank für Ihre Bestellung 302-1234567-1234567. Im Anhang finden Sie das "
    "Dokument zu Ihrer Bestellung. Bitte prüfen Sie die Angaben in Ruhe und antworten Sie auf "
    "diese Nachricht, falls etwas nicht stimmt. Mit freundlichen Grüßen, Ihr Team"
)
INVOICE = make_pdf(
    [
        "Rechnung Nr. 2026-0815",
        "Bestellung 302-1234567-1234567",
        "1 x Kaffeemühle Edelstahl 49,90 EUR",
        "Gesamtbetrag 49,90 EUR inkl. MwSt.",
    ]
)
REPLY = {
    "In-Reply-To": "<buyer-1@marketplace.amazon.de>",
    "References": "<buyer-1@marketplace.amazon.de>",
}


def att(verdict: Verdict) -> list[Finding]:
    return [f for f in verdict.findings if f.code.startswith("ATT")]


def att_codes(verdict: Verdict) -> set[str]:
    return {f.code for f in att(verdict)}


def judge_with(judge_raw: JudgeFn, files: list[tuple[str, str, bytes]], **kw: object) -> Verdict:
    headers = kw.pop("headers", None)
    raw = make_message(BODY, attachments=files, headers=headers)  # type: ignore[arg-type]
    return judge_raw(raw, **kw)


# ---- ATT001 / ATT002 ------------------------------------------------------------------------


def test_compliant_invoice_pdf(judge_raw: JudgeFn) -> None:
    verdict = judge_with(
        judge_raw, [("Rechnung_302-1234567-1234567.pdf", "application/pdf", INVOICE)]
    )
    assert att(verdict) == []


@pytest.mark.parametrize(
    ("name", "mime", "data", "expected"),
    [
        ("Rechnung.pdf", "application/pdf", _exe(), {"ATT001", "ATT002"}),
        (
            "Anleitung.docx",
            "application/octet-stream",
            _zip({"setup.exe": _exe()}),
            {"ATT001", "ATT002"},
        ),
        ("Anleitung.docm", "application/vnd.ms-word.document.macroEnabled.12", _docm(), {"ATT001"}),
        ("Anleitung.docx", "application/octet-stream", _docm(), {"ATT001", "ATT002"}),
        (
            "Preise.xlsx",
            "application/octet-stream",
            _zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<w/>"}),
            {"ATT001"},
        ),
        ("Rechnung.html", "text/html", b"<!DOCTYPE html><html><body>x</body></html>", {"ATT001"}),
        (
            "Rechnung.txt",
            "text/plain",
            b"<html><body><script>x()</script></body></html>",
            {"ATT001", "ATT002"},
        ),
        ("logo.svg", "image/svg+xml", b"<svg xmlns='http://www.w3.org/2000/svg'/>", {"ATT001"}),
        ("Rechnung.pdf", "application/pdf", b"", {"ATT001"}),
        ("Anleitung.bat", "text/plain", b"echo Anleitung zum Aufbau", {"ATT001", "ATT002"}),
        ("Anleitung.pdf.exe", "application/pdf", INVOICE, {"ATT001", "ATT002"}),
        ("Foto.jpg", "image/jpeg", PNG, {"ATT002", "ATT004"}),  # a photo, proactive: held too
        ("Versandetikett.gz", "application/gzip", b"\x1f\x8b\x08\x00" + b"\x00" * 20, {"ATT001"}),
    ],
)
def test_type_and_extension(
    judge_raw: JudgeFn, name: str, mime: str, data: bytes, expected: set[str]
) -> None:
    verdict = judge_with(judge_raw, [(name, mime, data)])
    assert att_codes(verdict) == expected
    assert verdict.action is Action.REJECT
    for finding in att(verdict):
        assert finding.evidence


def test_utf16_text_file_is_allowed(judge_raw: JudgeFn) -> None:
    text = "Pflegehinweise: Nur mit einem feuchten Tuch reinigen.".encode("utf-16")
    verdict = judge_with(judge_raw, [("Pflegehinweise.txt", "text/plain", text)])
    assert att(verdict) == []


# ---- ATT003 ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def small_limit_policy(tmp_path_factory: pytest.TempPathFactory) -> Policy:
    overlay = Path(tmp_path_factory.mktemp("policy")) / "limits.toml"
    overlay.write_text("[options.attachments]\nmax_total_bytes = 4000\n", encoding="utf-8")
    return load_policy([str(overlay)])


def test_more_than_five_attachments(judge_raw: JudgeFn) -> None:
    files = [(f"Rechnung_{i}.pdf", "application/pdf", INVOICE) for i in range(6)]
    verdict = judge_with(judge_raw, files)
    assert att_codes(verdict) == {"ATT003"}
    assert "6 attachments" in att(verdict)[0].message


def test_five_attachments_are_fine(judge_raw: JudgeFn) -> None:
    files = [(f"Rechnung_{i}.pdf", "application/pdf", INVOICE) for i in range(5)]
    assert att(judge_with(judge_raw, files)) == []


def test_total_decoded_size(small_limit_policy: Policy) -> None:
    from relay.model.message import parse
    from relay.model.types import Envelope, OrderContext, RelayConfig
    from relay.pipeline import judge
    from tests.conftest import BUYER, NOW, SELLER, default_order

    def run(files: list[tuple[str, str, bytes]]) -> Verdict:
        message = parse(make_message(BODY, attachments=files))
        orders = OrderContext(order_id="302-1234567-1234567", order=default_order())
        config = RelayConfig(approved_senders=(SELLER,))
        return judge(message, Envelope(SELLER, (BUYER,)), small_limit_policy, config, orders, NOW)[
            1
        ]

    big = INVOICE + b"\n%" + b"0" * 4000
    verdict = run([("Rechnung.pdf", "application/pdf", big)])
    assert att_codes(verdict) == {"ATT003"}
    assert "bytes decoded" in att(verdict)[0].message
    assert att(run([("Rechnung.pdf", "application/pdf", INVOICE)])) == []


def test_inline_images_do_not_count(judge_raw: JudgeFn) -> None:
    msg = EmailMessage()
    msg["From"] = "support@shop.example"
    msg["To"] = "a1b2c3d4e5@marketplace.amazon.de"
    msg["Subject"] = "Bestellung 302-1234567-1234567"
    msg.set_content(BODY)
    msg.add_alternative(f"<p>{BODY}</p><img src='cid:logo1'><img src='cid:logo2'>", subtype="html")
    html = msg.get_payload()[1]
    for cid in ("logo1", "logo2"):
        html.add_related(PNG, maintype="image", subtype="png", cid=f"<{cid}>")
    for i in range(5):
        msg.add_attachment(
            INVOICE, maintype="application", subtype="pdf", filename=f"Rechnung_{i}.pdf"
        )
    verdict = judge_raw(msg.as_bytes())
    assert "ATT003" not in att_codes(verdict)
    assert "ATT004" not in att_codes(verdict)  # inline images are not judged for purpose


def test_inline_part_nothing_shows_is_a_file(judge_raw: JudgeFn) -> None:
    """Content-ID and inline disposition, but no <img src="cid:..."> shows it: a file."""
    msg = EmailMessage()
    msg["From"] = "support@shop.example"
    msg["To"] = "a1b2c3d4e5@marketplace.amazon.de"
    msg["Subject"] = "Bestellung 302-1234567-1234567"
    msg.set_content(BODY)
    msg.add_alternative(f"<p>{BODY}</p>", subtype="html")
    msg.get_payload()[1].add_related(PNG, maintype="image", subtype="png", cid="<unused1>")
    verdict = judge_raw(msg.as_bytes())
    assert att_codes(verdict) == {"ATT004"}  # a proactive image without a purpose


def test_body_fragments_are_not_attachments(judge_raw: JudgeFn) -> None:
    """Apple Mail: text/plain, the PDF, then the rest of the text as another unnamed part."""
    msg = EmailMessage()
    msg["From"] = "support@shop.example"
    msg["To"] = "a1b2c3d4e5@marketplace.amazon.de"
    msg["Subject"] = "Bestellung 302-1234567-1234567"
    msg.set_content(BODY)
    msg.add_attachment(INVOICE, maintype="application", subtype="pdf", filename="Rechnung.pdf")
    msg.attach(_text_part("Mit freundlichen Grüßen\nIhr Kundenservice"))
    assert att(judge_raw(msg.as_bytes())) == []


def _text_part(text: str) -> EmailMessage:
    part = EmailMessage()
    part.set_content(text)
    return part


# ---- ATT004 ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("Rechnung_302-1234567-1234567.pdf", INVOICE),
        ("Ruecksendeetikett.pdf", make_pdf(["DHL Retoure"])),
        ("scan_0001.pdf", make_pdf(["Garantiekarte", "Garantiezeit: 24 Monate ab Kaufdatum"])),
        ("document.pdf", make_pdf(["Bedienungsanleitung", "1. Gerät auspacken"])),
        ("Entwurf_Gravur_v2.pdf", make_pdf(["Ihr Text: Für Anna"])),
        ("ReturnLabel.pdf", make_pdf(["UPS"])),
        ("取扱説明書.docx", make_docx(["電源を入れてください"])),
        ("Anleitung.txt", b"Schritt 1: auspacken"),
        ("Datei.docx", make_docx(["Mode d'emploi", "Étape 1 : déballer l'appareil."])),
    ],
)
def test_permitted_purposes(judge_raw: JudgeFn, name: str, data: bytes) -> None:
    mime = "application/pdf" if name.endswith(".pdf") else "application/octet-stream"
    verdict = judge_with(judge_raw, [(name, mime, data)])
    assert "ATT004" not in att_codes(verdict), att(verdict)


@pytest.mark.parametrize(
    ("name", "data", "category"),
    [
        ("Katalog_Herbst_2026.pdf", make_pdf(["Unsere Neuheiten"]), "catalogue"),
        ("info.pdf", make_pdf(["Newsletter November", "Neues aus unserem Shop"]), "newsletter"),
        ("Gutschein.pdf", make_pdf(["10 EUR"]), "coupon"),
        ("brochure.pdf", make_pdf(["Spring collection"]), "flyer"),
        ("Kochbuch-eBook.pdf", make_pdf(["Rezepte"]), "ebook"),
        ("cupon.docx", make_docx(["Cupón de descuento para su próxima compra"]), "coupon"),
        ("flyer.jpg", JPEG, "flyer"),
    ],
)
def test_forbidden_purposes_are_rejected(
    judge_raw: JudgeFn, name: str, data: bytes, category: str
) -> None:
    mime = "application/pdf" if name.endswith(".pdf") else "application/octet-stream"
    verdict = judge_with(judge_raw, [(name, mime, data)])
    (finding,) = [f for f in att(verdict) if f.code == "ATT004"]
    assert finding.severity is Severity.REJECT
    assert category in finding.message
    assert finding.evidence


def test_invoice_mentioning_a_voucher_is_still_an_invoice(judge_raw: JudgeFn) -> None:
    pdf = make_pdf(
        ["Rechnung Nr. 77", "Rechnungsdatum 12.11.2026", "Gutschein eingelöst -5,00 EUR"]
    )
    verdict = judge_with(judge_raw, [("document.pdf", "application/pdf", pdf)])
    assert "ATT004" not in att_codes(verdict)


def test_unclear_purpose_is_held(judge_raw: JudgeFn) -> None:
    pdf = make_pdf(["Liebe Kundin, lieber Kunde", "wir freuen uns, dass Sie da sind."])
    verdict = judge_with(judge_raw, [("Dokument.pdf", "application/pdf", pdf)])
    (finding,) = att(verdict)
    assert finding.code == "ATT004" and finding.severity is Severity.HOLD
    assert "unclear" in finding.message


def test_photo_in_a_reply_is_fine(judge_raw: JudgeFn) -> None:
    verdict = judge_with(judge_raw, [("IMG_2231.jpg", "image/jpeg", JPEG)], headers=REPLY)
    assert att(verdict) == []


def test_photo_in_a_proactive_message_is_held(judge_raw: JudgeFn) -> None:
    verdict = judge_with(judge_raw, [("IMG_2231.jpg", "image/jpeg", JPEG)])
    (finding,) = att(verdict)
    assert finding.code == "ATT004" and finding.severity is Severity.HOLD


def test_gif_in_a_reply_still_needs_a_purpose(judge_raw: JudgeFn) -> None:
    verdict = judge_with(judge_raw, [("animation.gif", "image/gif", GIF)], headers=REPLY)
    assert att_codes(verdict) == {"ATT004"}


def test_return_label_image_in_a_proactive_message(judge_raw: JudgeFn) -> None:
    verdict = judge_with(judge_raw, [("return-label.png", "image/png", PNG)])
    assert att(verdict) == []


def test_renamed_executable_is_not_judged_for_purpose(judge_raw: JudgeFn) -> None:
    verdict = judge_with(judge_raw, [("Katalog.pdf", "application/pdf", _exe())])
    assert att_codes(verdict) == {"ATT001", "ATT002"}


# ---- ATT005 ---------------------------------------------------------------------------------


def test_phone_number_in_a_docx(judge_raw: JudgeFn) -> None:
    data = make_docx(["Bedienungsanleitung", "Bei Fragen rufen Sie uns an: 030 12345678"])
    verdict = judge_with(
        judge_raw, [("Bedienungsanleitung.docx", "application/octet-stream", data)]
    )
    findings = [f for f in att(verdict) if f.code == "ATT005"]
    assert findings, verdict.findings
    assert any(f.message.startswith("Bedienungsanleitung.docx: CTC002") for f in findings)
    assert all(f.severity is Severity.REJECT for f in findings)
    assert any("12345678" in f.evidence for f in findings)
    assert "CTC002" not in {f.code for f in verdict.findings}  # the body is clean


def test_email_address_in_a_legacy_doc(judge_raw: JudgeFn) -> None:
    data = make_doc("Rechnung Nr. 12\rFragen an buchhaltung@shop-beispiel.de\r")
    verdict = judge_with(judge_raw, [("Rechnung.doc", "application/msword", data)])
    messages = [f.message for f in att(verdict) if f.code == "ATT005"]
    assert any(m.startswith("Rechnung.doc: CTC001") for m in messages), verdict.findings


def test_email_address_in_a_pdf_footer(judge_raw: JudgeFn) -> None:
    pdf = make_pdf(["Rechnung Nr. 12", "Fragen? Schreiben Sie an service@shop-beispiel.de"])
    verdict = judge_with(judge_raw, [("Rechnung.pdf", "application/pdf", pdf)])
    messages = [f.message for f in att(verdict) if f.code == "ATT005"]
    assert any(m.startswith("Rechnung.pdf: CTC001") for m in messages), verdict.findings


def test_invoice_letterhead_contact_details_only_warn(judge_raw: JudgeFn) -> None:
    lines = [
        "Werkstatt Lindner GmbH, Hauptstraße 12, 33602 Bielefeld",
        "Tel. +49 521 9876543, rechnung@werkstatt-lindner.de, USt-IdNr. DE298765432",
        "Rechnung Nr. 12",
        "1 x Tischleuchte 79,90 EUR",
    ]
    verdict = judge_with(judge_raw, [("Rechnung.pdf", "application/pdf", make_pdf(lines))])
    findings = [f for f in att(verdict) if f.code == "ATT005"]
    assert {f.message.split(" ", 2)[1] for f in findings} == {"CTC001", "CTC002"}
    assert all(f.severity is Severity.WARN for f in findings), findings
    assert all("letterhead or footer" in f.message for f in findings)
    assert not any(f.code.startswith("ATT") for f in verdict.blocking)


def test_contact_details_inside_an_invoice_body_are_refused(judge_raw: JudgeFn) -> None:
    # Beyond the letterhead (the first and last eight lines): judged as in the message body.
    items = [f"{n} x Ersatzteil {n} 1,00 EUR" for n in range(1, 9)]
    middle = "Für 10 % Rabatt rufen Sie uns an: +49 521 9876543"
    lines = ["Rechnung Nr. 12", *items, middle, *items]
    verdict = judge_with(judge_raw, [("Rechnung.pdf", "application/pdf", make_pdf(lines))])
    phones = [f for f in att(verdict) if f.code == "ATT005" and ": CTC002" in f.message]
    assert [f.severity for f in phones] == [Severity.REJECT], phones


def test_a_shop_address_in_an_invoice_footer_is_refused(judge_raw: JudgeFn) -> None:
    lines = ["Rechnung Nr. 12", "1 x Tischleuchte 79,90 EUR", "Shop: www.werkstatt-lindner.de"]
    verdict = judge_with(judge_raw, [("Rechnung.pdf", "application/pdf", make_pdf(lines))])
    links = [f for f in att(verdict) if f.code == "ATT005" and ": LNK001" in f.message]
    assert [f.severity for f in links] == [Severity.REJECT], att(verdict)


def test_link_in_a_text_attachment(judge_raw: JudgeFn) -> None:
    text = b"Montageanleitung\nVideo: https://www.youtube.com/watch?v=abc123\n"
    verdict = judge_with(judge_raw, [("Montageanleitung.txt", "text/plain", text)])
    messages = [f.message for f in att(verdict) if f.code == "ATT005"]
    assert any(m.startswith("Montageanleitung.txt: LNK") for m in messages), verdict.findings


def test_link_annotation_in_a_pdf(judge_raw: JudgeFn) -> None:
    pdf = make_pdf(["Rechnung Nr. 12"], links=("http://bit.ly/abc",))
    verdict = judge_with(judge_raw, [("Rechnung.pdf", "application/pdf", pdf)])
    assert any(f.code == "ATT005" and ": LNK" in f.message for f in att(verdict))


def test_marketing_inside_an_invoice(judge_raw: JudgeFn) -> None:
    pdf = make_pdf(
        [
            "Rechnung Nr. 12",
            "Gesamtbetrag 49,90 EUR",
            "Mit dem Gutscheincode HERBST20 erhalten Sie 20% Rabatt auf Ihre nächste Bestellung!",
        ]
    )
    verdict = judge_with(judge_raw, [("Rechnung.pdf", "application/pdf", pdf)])
    messages = [f.message for f in att(verdict) if f.code == "ATT005"]
    assert any(m.startswith("Rechnung.pdf: CNT004") for m in messages), verdict.findings


def test_clean_invoice_has_no_text_findings(judge_raw: JudgeFn) -> None:
    verdict = judge_with(judge_raw, [("Rechnung.pdf", "application/pdf", INVOICE)])
    assert "ATT005" not in att_codes(verdict)
    assert verdict.action is Action.DELIVER or "ATT" not in str(verdict.blocking)


def test_unreadable_pdf_is_held(judge_raw: JudgeFn) -> None:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(INVOICE)))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    verdict = judge_with(judge_raw, [("Rechnung.pdf", "application/pdf", out.getvalue())])
    (finding,) = att(verdict)
    assert finding.code == "ATT005" and finding.severity is Severity.HOLD
    assert finding.evidence == "encrypted PDF"


def test_scanned_pdf_without_text_is_not_held(judge_raw: JudgeFn) -> None:
    verdict = judge_with(judge_raw, [("Rechnung.pdf", "application/pdf", make_pdf([""]))])
    assert att(verdict) == []


def test_shadow_mode_is_kept(tmp_path: Path) -> None:
    from relay.model.message import parse
    from relay.model.types import Envelope, OrderContext, RelayConfig
    from relay.pipeline import judge
    from tests.conftest import BUYER, NOW, SELLER, default_order

    overlay = tmp_path / "shadow.toml"
    overlay.write_text('[rules.ATT005]\nmode = "log"\n', encoding="utf-8")
    policy = load_policy([str(overlay)])
    data = make_docx(["Bedienungsanleitung", "Rufen Sie uns an: 030 12345678"])
    raw = make_message(BODY, attachments=[("Anleitung.docx", "application/octet-stream", data)])
    orders = OrderContext(order_id="302-1234567-1234567", order=default_order())
    _ctx, verdict, _fwd = judge(
        parse(raw),
        Envelope(SELLER, (BUYER,)),
        policy,
        RelayConfig(approved_senders=(SELLER,)),
        orders,
        NOW,
    )
    findings = [f for f in verdict.findings if f.code == "ATT005"]
    assert findings and all(f.mode is RuleMode.LOG for f in findings)
    assert not any(f.code.startswith("ATT") for f in verdict.blocking)


def test_zip_member_listing_is_not_text(judge_raw: JudgeFn) -> None:
    data = io.BytesIO()
    with zipfile.ZipFile(data, "w") as archive:
        archive.writestr("call-us.txt", "030 12345678")
    verdict = judge_with(judge_raw, [("Anleitung.zip", "application/zip", data.getvalue())])
    assert att_codes(verdict) == {"ATT001"}
