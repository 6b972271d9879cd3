"""relay/model/quoting.py: the quoted reply markers of the six newer marketplace languages."""

from __future__ import annotations

import pytest

from relay.model.quoting import quoted_line_flags, split_plain

ATTRIBUTIONS = {
    "nl": "Op wo 18 nov 2026 om 09:14 schreef Jan de Vries <x@marketplace.amazon.nl>:",
    "sv": "Den ons 18 nov. 2026 kl. 09:14 skrev Anna Lund <x@marketplace.amazon.se>:",
    "pl": "W dniu śr., 18.11.2026 o 09:14 Jan Nowak <x@marketplace.amazon.pl> napisał:",
    "tr": "18 Kas 2026 Çar, saat 09:14 tarihinde Ali Kaya <x@amazon.com.tr> şunu yazdı:",
    "pt": "Em qua., 18 de nov. de 2026 às 09:14, João Silva <x@amazon.com.br> escreveu:",
    "ar": "\u200fفي الأربعاء، 18 نوفمبر 2026 في 9:14 ص، كتب أحمد <x@marketplace.amazon.sa>:",
}
SEPARATORS = {
    "nl": "-----Oorspronkelijk bericht-----",
    "sv": "-----Ursprungligt meddelande-----",
    "pl": "-----Wiadomość oryginalna-----",
    "tr": "-----Orijinal İleti-----",
    "pt": "-----Mensagem original-----",
    "ar": "-----الرسالة الأصلية-----",
}
OUTLOOK_HEADERS = {
    "nl": ("Van: Jan <x@marketplace.amazon.nl>", "Verzonden: woensdag 18 november 2026 09:14"),
    "sv": ("Från: Anna <x@marketplace.amazon.se>", "Skickat: den 18 november 2026 09:14"),
    "pl": ("Od: Jan <x@marketplace.amazon.pl>", "Wysłano: środa, 18 listopada 2026 09:14"),
    "tr": ("Kimden: Ali <x@marketplace.amazon.com.tr>", "Gönderildi: 18 Kasım 2026 Çarşamba 09:14"),
    "pt": ("De: João <x@marketplace.amazon.com.br>", "Enviado: quarta-feira, 18 de novembro"),
    "ar": ("من: أحمد <x@marketplace.amazon.sa>", "تاريخ الإرسال: الأربعاء 18 نوفمبر 2026"),
    # Outlook's own wording in Brazil and Spain, and the French and Italian header lines
    "pt-BR": ("De: Ana <x@marketplace.amazon.com.br>", "Enviado em: quarta-feira, 18 de novembro"),
    "es": ("De: Lucía <x@marketplace.amazon.es>", "Enviado el: miércoles, 18 de noviembre"),
    "fr": ("De : Claire <x@marketplace.amazon.fr>", "Envoyé : mercredi 18 novembre 2026 09:14"),
    "it": ("Da: Marco <x@marketplace.amazon.it>", "Inviato: mercoledì 18 novembre 2026 09:14"),
}


@pytest.mark.parametrize("language", sorted(ATTRIBUTIONS))
def test_attribution_line_starts_the_quote(language: str) -> None:
    own, quoted = split_plain(f"Our answer.\n\n{ATTRIBUTIONS[language]}\n> coupon please")
    assert own == "Our answer."
    assert "coupon please" in quoted


@pytest.mark.parametrize("language", sorted(SEPARATORS))
def test_original_message_separator_starts_the_quote(language: str) -> None:
    own, quoted = split_plain(f"Our answer.\n{SEPARATORS[language]}\nthe buyer's words")
    assert own == "Our answer."
    assert "the buyer's words" in quoted


@pytest.mark.parametrize("language", sorted(OUTLOOK_HEADERS))
def test_outlook_header_block_starts_the_quote(language: str) -> None:
    sender, sent = OUTLOOK_HEADERS[language]
    own, quoted = split_plain(f"Our answer.\n\n{sender}\n{sent}\n\nthe buyer's words")
    assert own == "Our answer."
    assert "the buyer's words" in quoted


def test_right_to_left_marks_before_a_quote_mark() -> None:
    text = "\u200fشكرا على سؤالك.\n\u200f> هل يمكنني الحصول على كوبون خصم؟"
    assert quoted_line_flags(text) == [False, True]
    assert split_plain(text)[0] == "\u200fشكرا على سؤالك."


def test_sentences_with_the_verbs_are_not_attributions() -> None:
    for line in ("Vi skrev till dig igår:", "Size yazdı:", "Ela escreveu:"):
        _own, quoted = split_plain(f"{line}\nthe parcel is on its way")
        assert quoted == "", line
