"""The review console in real Chromium (Selenium, headless), against `bsm-relay serve` with a
real SMTP sink: sign in, list, filter, read a held message with its phrase marked, correct and
resend it, release, delete, bulk-act; roles, sessions, CSRF, and a tracking pixel that never
fires. One browser session for all of it; screenshots of the list and of a message (docs/img,
see SCREENSHOTS_ENV).
"""

from __future__ import annotations

import http.client
import http.server
import json
import os
import re
import shutil
import smtplib
import threading
import time
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path
from typing import ClassVar

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webdriver import WebDriver

from tests.conftest import BUYER, SELLER, Sink, free_port, quarantine_id_of, write_settings
from tests.console_support import Client, Served, add_user, cli, run
from tests.runtime.test_smtp import ORDERS_CSV, compliant_reply, with_attachment

# The README's screenshots are taken by this test; BSM_RELAY_SCREENSHOTS=docs/img refreshes
# them (a plain run writes them to its temporary folder, so it leaves the checkout unchanged).
SCREENSHOTS_ENV = "BSM_RELAY_SCREENSHOTS"
REVIEWER, REVIEWER_PASSWORD = "rita", "rita-reviews-daily"
ADMIN, ADMIN_PASSWORD = "ada", "ada-administers-all"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
THREAD = "<buyer-question-7@marketplace.amazon.de>"
PHRASE = "hinterlassen Sie uns bitte eine 5-Sterne-Bewertung"
FIXED_TEXT = (
    "Guten Tag,\n\nvielen Dank für Ihre Nachricht zur Bestellung 302-1234567-1234567. Das Paket "
    "wurde am Donnerstag an den Zusteller übergeben und sollte laut Sendungsverfolgung morgen "
    "bei Ihnen ankommen.\n\nMit freundlichen Grüßen\nIhr Kundenservice\n"
)


class PixelHost(http.server.BaseHTTPRequestHandler):
    """Stands for a tracker's server: every request it sees is a leak."""

    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        PixelHost.seen.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "image/gif")
        self.end_headers()
        self.wfile.write(b"GIF89a\x01\x00\x01\x00\x00\x00\x00;")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def pixel_host() -> Iterator[int]:
    PixelHost.seen = []
    server = http.server.ThreadingHTTPServer(("127.0.0.1", free_port()), PixelHost)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver]:
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--window-size=1320,1000",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
    ):
        options.add_argument(argument)
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not fetch drivers
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    driver.set_page_load_timeout(30)
    # A click that submits a form returns before the next page is there: wait for elements.
    driver.implicitly_wait(10)
    try:
        yield driver
    finally:
        driver.quit()


@pytest.fixture
def served(tmp_path: Path, sink: Sink) -> Iterator[tuple[Served, Path]]:
    policy_file = tmp_path / "review.toml"
    # This seller wants review requests and wrong file names looked at by a person.
    policy_file.write_text(
        '[rules.CNT005]\nseverity = "hold"\n\n[rules.ATT002]\nseverity = "hold"\n',
        encoding="utf-8",
    )
    settings = write_settings(
        tmp_path / "bsm-relay.toml",
        tmp_path,
        sink.url,
        extra=f'[policy]\nfiles = ["{policy_file}"]\n',
    )
    orders = tmp_path / "orders.csv"
    orders.write_text(ORDERS_CSV, encoding="utf-8")
    assert cli(settings, "orders", "import", str(orders)).returncode == 0
    add_user(settings, REVIEWER, REVIEWER_PASSWORD, "reviewer")
    add_user(settings, ADMIN, ADMIN_PASSWORD, "admin")
    process = run(settings, "serve", listen_port(settings, "http"), tmp_path / "serve.log")
    try:
        yield process, settings
    finally:
        process.stop()


def listen_port(settings: Path, section: str) -> int:
    found = re.search(rf'\[{section}\]\nlisten = "127.0.0.1:(\d+)"', settings.read_text())
    assert found
    return int(found.group(1))


def smtp_port(settings: Path) -> int:
    return listen_port(settings, "smtp")


def submit(settings: Path, raw: bytes) -> tuple[int, str]:
    with smtplib.SMTP("127.0.0.1", smtp_port(settings), timeout=30) as client:
        client.ehlo()
        client.mail(SELLER)
        client.rcpt(BUYER)
        code, reply = client.data(raw)
    return code, reply.decode()


def review_request(message_id: str, pixel_port: int) -> bytes:
    """A reply that asks for five stars, with a tracking pixel in its HTML part."""
    msg = EmailMessage()
    msg["From"] = SELLER
    msg["To"] = BUYER
    msg["Subject"] = "AW: Lieferung der Bestellung 302-1234567-1234567"
    msg["Message-ID"] = message_id
    msg["In-Reply-To"] = THREAD
    msg["References"] = THREAD
    text = (
        "Guten Tag,\n\nvielen Dank für Ihre Nachricht zur Bestellung 302-1234567-1234567. Das "
        "Paket wurde am Donnerstag an den Zusteller übergeben.\n\nWenn Sie zufrieden sind, "
        f"{PHRASE}.\n\nMit freundlichen Grüßen\nIhr Kundenservice\n"
    )
    msg.set_content(text)
    paragraphs = "".join(f"<p>{p}</p>" for p in text.split("\n\n"))
    msg.add_alternative(
        f'<html><body>{paragraphs}<img src="http://127.0.0.1:{pixel_port}/open.gif" '
        'width="1" height="1" alt=""></body></html>',
        subtype="html",
    )
    return msg.as_bytes(policy=policy.SMTP)


def wrong_name(message_id: str, subject: str) -> bytes:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + b"\x00" * 64
    raw = with_attachment(compliant_reply(message_id), "foto.jpg", "image/jpeg", png)
    return raw.replace(
        b"Subject: AW: Frage zur Lieferung der Bestellung 302-1234567-1234567",
        f"Subject: {subject}".encode(),
    )


def held_id(reply: str) -> str:
    return quarantine_id_of(reply)


def announced_post(port: int, path: str, length: int) -> int:
    """The status of a POST that announces `length` bytes and sends none of them."""
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        conn.putrequest("POST", path)
        conn.putheader("Content-Type", "application/x-www-form-urlencoded")
        conn.putheader("Content-Length", str(length))
        conn.endheaders()
        return conn.getresponse().status
    finally:
        conn.close()


def sign_in(browser: WebDriver, base: str, name: str, password: str) -> None:
    browser.get(f"{base}/quarantine")
    assert "/login" in browser.current_url  # no page without a session
    browser.find_element(By.ID, "username").send_keys(name)
    browser.find_element(By.ID, "password").send_keys(password)
    browser.find_element(By.CSS_SELECTOR, "button[type=submit].primary").click()
    browser.find_element(By.ID, "entries")  # waits for the list
    assert browser.current_url.startswith(f"{base}/quarantine"), browser.page_source[:500]


def rows(browser: WebDriver) -> list[str]:
    found = browser.find_elements(By.CSS_SELECTOR, "tr.entry")
    return [row.get_attribute("data-id") or "" for row in found]


def sign_out(browser: WebDriver) -> None:
    browser.find_element(By.CSS_SELECTOR, ".signout button").click()
    browser.find_element(By.ID, "username")  # waits for the sign-in page
    assert "/login" in browser.current_url


def test_a_reviewer_works_through_the_quarantine_in_a_browser(
    served: tuple[Served, Path], sink: Sink, pixel_host: int, browser: WebDriver
) -> None:
    relay, settings = served
    base = relay.base
    screenshots = Path(os.environ.get(SCREENSHOTS_ENV) or settings.parent)
    code, reply = submit(settings, review_request("<stars-1@shop.example>", pixel_host))
    assert code == 250 and "held for review" in reply
    asks_stars = held_id(reply)
    to_release = held_id(submit(settings, wrong_name("<photo-1@shop.example>", "Ihr Foto"))[1])
    bulk = [
        held_id(submit(settings, wrong_name(f"<photo-{n}@shop.example>", f"Foto {n}"))[1])
        for n in (2, 3)
    ]
    exe = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200
    code, reply = submit(
        settings,
        with_attachment(
            compliant_reply("<exe-1@shop.example>"), "rechnung.pdf", "application/pdf", exe
        ),
    )
    assert code == 550
    rejected = held_id(reply)
    assert sink.messages == []

    # Nothing without a session: no page, no message byte, no action.
    anonymous = Client(base)
    status, headers, _ = anonymous.request(f"/quarantine/{asks_stars}")
    assert status == 303 and headers["location"].startswith("/login")
    status, _, body = anonymous.request(f"/quarantine/{asks_stars}/attachments/0")
    assert status == 303 and body == ""
    assert anonymous.request(f"/quarantine/{to_release}/release", {"csrf": "x"})[0] == 401
    assert announced_post(relay.http_port, "/login", 3_000_000) == 413  # refused unread

    # The list: held and rejected messages newest first, filters, search.
    sign_in(browser, base, REVIEWER, REVIEWER_PASSWORD)
    assert rows(browser) == [rejected, *reversed(bulk), to_release, asks_stars]
    table = browser.find_element(By.ID, "entries").text
    assert "biased review request" in table and "attachment extension" in table
    assert "a1b***@marketplace.amazon.de" in table and BUYER not in table
    assert "302-1234567-1234567" in table
    browser.save_screenshot(str(screenshots / "console-list.png"))
    browser.get(f"{base}/quarantine?state=held&rule=CNT005")
    assert rows(browser) == [asks_stars]
    browser.get(f"{base}/quarantine?state=any&q=Ihr+Foto")
    assert rows(browser) == [to_release]
    browser.get(f"{base}/quarantine?state=rejected")
    assert rows(browser) == [rejected]
    browser.get(f"{base}/quarantine?state=held")
    assert rows(browser) == [*reversed(bulk), to_release, asks_stars]

    # One message: the phrase marked in place, reasons beside it, the HTML part inert.
    browser.get(f"{base}/quarantine?state=held&rule=CNT005")
    browser.find_element(By.CSS_SELECTOR, "a.subject").click()
    marks = [m.text for m in browser.find_elements(By.CSS_SELECTOR, "#body mark.finding")]
    assert any("5-Sterne-Bewertung" in m for m in marks), marks
    note = browser.find_element(By.ID, "finding-1").text
    assert "biased review request" in note and "How to fix it" in note and "For example" in note
    assert "Communication Guidelines" in note
    frame = browser.find_element(By.ID, "html-part")
    assert frame.get_attribute("sandbox") == ""
    browser.save_screenshot(str(screenshots / "console-message.png"))
    time.sleep(1.0)
    assert PixelHost.seen == []  # the tracking pixel never fired

    # Edit and resend: a version still asking for stars is refused with its findings...
    browser.find_element(By.ID, "resend").click()
    verdict = browser.find_element(By.ID, "resend-verdict").text
    assert "not sent" in verdict and "CNT005" in verdict
    assert sink.messages == []
    # ...a compliant one goes out in the same conversation.
    area = browser.find_element(By.ID, "edit-text")
    area.clear()
    area.send_keys(FIXED_TEXT)
    browser.find_element(By.ID, "resend").click()
    sent_notice = browser.find_element(By.ID, "notice").text
    assert "Sent the corrected version" in sent_notice and "(checked: compliant" in sent_notice
    assert len(sink.messages) == 1
    sent = message_from_bytes(sink.messages[0].data, policy=policy.default)
    assert sent["In-Reply-To"] == THREAD and sent["References"] == THREAD
    assert sent["Subject"] == "AW: Lieferung der Bestellung 302-1234567-1234567"
    assert sent["From"] == SELLER and sink.messages[0].rcpt_tos == [BUYER]
    assert sent["Message-ID"] != "<stars-1@shop.example>"
    assert "5-Sterne" not in sink.messages[0].data.decode("utf-8", "replace")
    plain = sent.get_body(("plain",))
    html = sent.get_body(("html",))
    assert plain is not None and "Sendungsverfolgung" in plain.get_content()
    assert html is not None and "Sendungsverfolgung" in html.get_content()

    # Release, and a second release of the same message refused. The corrected version above
    # went to the same buyer about the same order after this one was held: the page says so,
    # and the release needs a tick, or the buyer would get both unasked.
    browser.get(f"{base}/quarantine/{to_release}")
    stale_release_page = browser.current_url
    # Its attachment listed with the type its bytes show (a PNG named .jpg) and its size.
    listed = browser.find_element(By.CSS_SELECTOR, "ul.attachments")
    assert "foto.jpg" in listed.text and "png" in listed.text.lower() and "80 bytes" in listed.text
    assert listed.find_element(By.TAG_NAME, "a").get_attribute("href") == (
        f"{base}/quarantine/{to_release}/attachments/0"
    )
    assert "newer message" in browser.find_element(By.ID, "newer").text
    browser.find_element(By.ID, "release").click()
    refusal = browser.find_element(By.CSS_SELECTOR, "#release-form #release-refused")
    assert "send it as well" in refusal.text and "corrected version" in refusal.text
    assert "@" not in refusal.text and "--" not in refusal.text  # no Message-ID, no CLI flag
    tick = browser.find_element(By.ID, "even-if-newer")
    # The answer and the tick are in view together: the page came back scrolled to the form.
    in_view = (
        "const r = arguments[0].getBoundingClientRect(); "
        "return r.top >= 0 && r.bottom <= innerHeight"
    )
    assert browser.execute_script(in_view, refusal) and browser.execute_script(in_view, tick)
    browser.save_screenshot(str(screenshots / "console-release-refused.png"))
    assert len(sink.messages) == 1
    browser.find_element(By.ID, "even-if-newer").click()
    browser.find_element(By.ID, "release").click()
    assert "Released" in browser.find_element(By.ID, "notice").text
    assert len(sink.messages) == 2
    reviewer = Client(base)
    reviewer.set_session(browser.get_cookie("bsm_session")["value"])  # type: ignore[index]
    token = reviewer.csrf()
    status, _, page = reviewer.request(f"/quarantine/{to_release}/release", {"csrf": token})
    assert status == 409 and "released" in page
    status, headers, _ = reviewer.request(f"/quarantine/{to_release}/attachments/0")
    assert status == 200 and headers["content-type"] == "application/octet-stream"
    assert headers["content-disposition"] == 'attachment; filename="foto.jpg"'
    assert int(headers["content-length"]) == 80
    browser.get(stale_release_page)
    browser.find_element(By.ID, "audit")  # the page is there
    browser.implicitly_wait(0)
    assert browser.find_elements(By.ID, "release") == []  # no button for a released message
    browser.implicitly_wait(10)
    assert len(sink.messages) == 2

    # A rejected message: a reviewer cannot release it; without a CSRF token nothing happens.
    status, _, page = reviewer.request(
        f"/quarantine/{rejected}/release", {"csrf": token, "reason": "looks fine"}
    )
    assert status == 409 and "only an admin" in page
    assert reviewer.request(f"/quarantine/{rejected}/delete", {"reason": "x"})[0] == 403
    assert reviewer.request(f"/quarantine/{rejected}/delete", {"csrf": "forged"})[0] == 403
    assert reviewer.request("/admin/users")[0] == 403
    browser.get(f"{base}/admin/users")
    assert "for admins" in browser.page_source

    # Delete one, with a reason: its body is gone, its record and history stay.
    to_delete = held_id(submit(settings, wrong_name("<photo-4@shop.example>", "Foto 4"))[1])
    browser.get(f"{base}/quarantine/{to_delete}")
    browser.find_element(By.ID, "delete-reason").send_keys("sent twice by mistake")
    browser.find_element(By.ID, "delete").click()
    assert f"Deleted {to_delete}" in browser.find_element(By.ID, "notice").text
    browser.get(f"{base}/quarantine/{to_delete}")
    assert browser.find_element(By.ID, "state").text == "deleted"
    assert "sent twice by mistake" in browser.find_element(By.ID, "audit").text
    assert "gone (deleted)" in browser.find_element(By.CSS_SELECTOR, "p.empty").text
    assert reviewer.request(f"/quarantine/{to_delete}/attachments/0")[0] == 404

    # Bulk delete with one confirmation.
    browser.get(f"{base}/quarantine?state=held")
    for entry_id in bulk:
        browser.find_element(By.CSS_SELECTOR, f"input[value='{entry_id}']").click()
    browser.find_element(By.ID, "bulk-delete").click()
    assert "Delete 2 messages?" in browser.find_element(By.TAG_NAME, "h1").text
    browser.find_element(By.ID, "confirm").click()
    assert "2 done" in browser.find_element(By.ID, "bulk-result").text
    browser.get(f"{base}/quarantine?state=deleted")
    assert sorted(rows(browser)) == sorted([*bulk, to_delete])
    assert reviewer.request(f"/quarantine/{bulk[0]}/attachments/0")[0] == 404  # body gone

    # Sign out ends the session for every copy of the cookie.
    sign_out(browser)
    assert reviewer.request("/quarantine")[0] == 303

    # An admin releases the rejected message, with a reason.
    sign_in(browser, base, ADMIN, ADMIN_PASSWORD)
    browser.get(f"{base}/quarantine/{rejected}")
    browser.find_element(By.ID, "release-reason").send_keys("customer asked for the invoice")
    browser.find_element(By.ID, "even-if-newer").click()  # two went to this buyer since
    browser.find_element(By.ID, "release").click()
    assert "Released" in browser.find_element(By.ID, "notice").text
    assert len(sink.messages) == 3

    browser.get(f"{base}/quarantine/{rejected}")
    audit = browser.find_element(By.ID, "audit").text
    assert "customer asked for the invoice" in audit and "ada" in audit
    browser.get(f"{base}/admin/users")
    assert "rita" in browser.find_element(By.CSS_SELECTOR, "table.entries").text
    admin = Client(base)
    admin.set_session(browser.get_cookie("bsm_session")["value"])  # type: ignore[index]
    form = {"csrf": admin.csrf("/admin/users"), "name": "tom", "role": "reviewer"}
    status, _, page = admin.request("/admin/users", {**form, "password": "short"})
    assert status == 400 and "at least 12" in page
    status, _, page = admin.request("/admin/users", {**form, "password": "tom-reviews-too"})
    assert status == 200 and "Saved tom as reviewer" in page
    tom = Client(base)
    assert tom.sign_in("tom", "tom-reviews-too") == 303
    # Only the console's own status lines are shown: a crafted link's text is not.
    forged = "/quarantine?notice=Session+expired,+sign+in+at+https://evil.example&sig=00"
    status, _, page = tom.request(forged)
    assert status == 200 and "evil.example" not in page
    sign_out(browser)

    # The command line prints the same audit trail and refuses the same second release.
    shown = cli(settings, "quarantine", "show", to_release)
    assert shown.returncode == 0, shown.stderr
    assert re.search(r"release\s+by rita", shown.stdout) and "released  by rita" in shown.stdout
    again = cli(settings, "quarantine", "release", to_release)
    assert again.returncode == 2 and "released" in again.stderr
    listed = json.loads(cli(settings, "quarantine", "list", "--json").stdout)
    assert {row["id"]: row["state"] for row in listed} == {
        asks_stars: "resent",
        to_release: "released",
        bulk[0]: "deleted",
        bulk[1]: "deleted",
        to_delete: "deleted",
        rejected: "released",
    }
    assert len(sink.messages) == 3

    # A sender (SMTP only) has no console access at all. Failed sign-ins wait after five
    # different wrong passwords for one account from one address; the same wrong password
    # again counts once, and a colleague at the same address still signs in.
    add_user(settings, "helpdesk", "helpdesk-smtp-only", "sender")
    client = Client(base)
    assert client.sign_in("helpdesk", "helpdesk-smtp-only") == 401
    for _ in range(3):
        assert client.sign_in(REVIEWER, "the same typo") == 401
    for n in range(4):
        assert client.sign_in(REVIEWER, f"wrong password {n}") == 401
    assert client.sign_in(REVIEWER, REVIEWER_PASSWORD) == 429
    assert Client(base).sign_in(ADMIN, ADMIN_PASSWORD) == 303


def test_opening_a_message_runs_none_of_its_html_and_fetches_nothing(
    served: tuple[Served, Path], pixel_host: int, browser: WebDriver
) -> None:
    """Script, event handlers, styles, frames, forms and refresh in the HTML part: the page shows
    it, and not one request reaches the tracker's server."""
    relay, settings = served
    tracker = f"http://127.0.0.1:{pixel_host}"
    msg = message_from_bytes(
        review_request("<scripted-1@shop.example>", pixel_host), policy=policy.SMTP
    )
    assert isinstance(msg, EmailMessage)
    html = msg.get_body(("html",))
    assert html is not None
    active = (
        f'<meta http-equiv="refresh" content="0; url={tracker}/refresh">'
        f'<link rel="stylesheet" href="{tracker}/style.css">'
        f'<style>@import url("{tracker}/import.css");'
        f' body {{ background: url("{tracker}/bg.gif") }}</style>'
        f"<script>new Image().src = '{tracker}/script.gif'; fetch('{tracker}/fetch');</script>"
        f'<img src="missing.gif" onerror="this.src=\'{tracker}/onerror.gif\'">'
        f'<iframe src="{tracker}/frame.html"></iframe>'
        f'<object data="{tracker}/object.swf"></object>'
        f'<video poster="{tracker}/poster.jpg"></video>'
        f'<form action="{tracker}/form"><input type="image" src="{tracker}/input.gif"></form>'
    )
    html.set_content(html.get_content().replace("<body>", "<body>" + active), subtype="html")
    code, reply = submit(settings, msg.as_bytes(policy=policy.SMTP))
    assert code in (250, 550), reply
    entry_id = held_id(reply)
    sign_in(browser, relay.base, REVIEWER, REVIEWER_PASSWORD)
    browser.get(f"{relay.base}/quarantine/{entry_id}")
    frame = browser.find_element(By.ID, "html-part")
    assert frame.get_attribute("sandbox") == ""
    browser.switch_to.frame(frame)
    assert "Guten Tag" in browser.find_element(By.TAG_NAME, "body").text  # it is shown
    browser.switch_to.default_content()
    time.sleep(1.5)
    assert browser.current_url == f"{relay.base}/quarantine/{entry_id}"  # no refresh away
    assert PixelHost.seen == []
    sign_out(browser)
