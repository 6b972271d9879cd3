"""Build the spelled-phone fixtures of the golden corpus (run from the repository root).

    .venv/bin/python tests/corpus/phones/make_fixtures.py

A phone number written out in number words after a phone cue is still a phone number (CTC002):
the number words of Swedish, Polish, Turkish, Portuguese (Brazilian "meia" for six) and Arabic,
each beside a compliant twin whose number words are counts in a normal reply ("en", "um" and
"bir" are articles too).

Order ids are `xxx-8500xxx-xxxxxxx`, delivered on 2026-11-13 (orders.csv beside this file).
"""

# ruff: noqa: E501  (message bodies are kept as the paragraphs a seller types)

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import fixture_kit  # noqa: E402  (tests/corpus, beside this family's folder)

SELLER = "support@shop.example"
DATE = "Mon, 23 Nov 2026 09:40:05 +0100"
ORDERS: list[fixture_kit.Order] = [
    ("408-8500001-1223344", "k1n5q9s3v7x2z6@marketplace.amazon.se", "amazon.se", "sv-SE"),
    ("407-8500002-2334455", "l2p6r1t4w8y3a7@marketplace.amazon.pl", "amazon.pl", "pl-PL"),
    ("406-8500003-3445566", "m3q7s2u5x9z4b8@marketplace.amazon.com.tr", "amazon.com.tr", "tr-TR"),
    ("701-8500004-4556677", "n4r8t3v6y1a5c9@marketplace.amazon.com.br", "amazon.com.br", "pt-BR"),
    ("402-8500005-5667788", "p5s9u4w7z2b6d1@marketplace.amazon.ae", "amazon.ae", "ar-AE"),
]

CASES: list[fixture_kit.Case] = [
    (
        "sv_telefonnummer_i_ord_reply",
        0,
        "Kan ni leverera på fredag i stället?",
        "Re: Leverans av order {order}",
        "Hej Anna,\n\ntack för ditt meddelande om order {order}. Om du vill boka om leveransen kan du ringa oss på noll sju noll, ett två tre, fyra fem, sex sju.\n\nVänliga hälsningar,\nNordlys Lampor",
        ["CTC002"],
        "reject",
        "A phone number written out in Swedish number words after the cue 'ringa' (CTC002).",
    ),
    (
        "sv_antal_i_ord_compliant_reply",
        0,
        "Jag hittar inte alla delar.",
        "Re: Delar till order {order}",
        "Hej Anna,\n\ntack för ditt meddelande om order {order}. I kartongen ska det finnas en lampfot, två skärmar och tre skruvar. Saknas något skickar vi det kostnadsfritt.\n\nVänliga hälsningar,\nNordlys Lampor",
        [],
        "deliver",
        "Compliant twin: Swedish number words as counts, no phone cue and no number.",
    ),
    (
        "pl_numer_slownie_reply",
        1,
        "Czy możecie dostarczyć paczkę w piątek?",
        "Re: Dostawa zamówienia {order}",
        "Dzień dobry,\n\ndziękujemy za wiadomość w sprawie zamówienia {order}. W sprawie nowego terminu dostawy proszę zadzwonić: pięć zero jeden, dwa trzy cztery, pięć sześć siedem.\n\nPozdrawiamy,\nDomowe Lampy",
        ["CTC002"],
        "reject",
        "A phone number written out in Polish number words after the cue 'zadzwonić' (CTC002).",
    ),
    (
        "pl_liczby_slownie_compliant_reply",
        1,
        "Nie mogę znaleźć wszystkich części.",
        "Re: Części do zamówienia {order}",
        "Dzień dobry,\n\ndziękujemy za wiadomość w sprawie zamówienia {order}. W paczce powinny być dwa klosze, jeden przewód i trzy śruby. Jeśli czegoś brakuje, wyślemy to bezpłatnie.\n\nPozdrawiamy,\nDomowe Lampy",
        [],
        "deliver",
        "Compliant twin: Polish number words as counts, no phone cue and no number.",
    ),
    (
        "tr_numara_yaziyla_reply",
        2,
        "Teslimatı cuma gününe alabilir misiniz?",
        "Re: {order} numaralı siparişin teslimatı",
        "Merhaba,\n\n{order} numaralı siparişiniz hakkındaki mesajınız için teşekkür ederiz. Teslimat gününü değiştirmek için bizi arayın: sıfır beş üç iki, bir iki üç, dört beş, altı yedi.\n\nSaygılarımızla,\nIşık Dünyası",
        ["CNT003", "CTC002"],
        "reject",
        "A phone number written out in Turkish number words after the cue 'arayın' (CTC002); 'bizi arayın' invites a call to the seller (CNT003).",
    ),
    (
        "tr_sayilar_yaziyla_compliant_reply",
        2,
        "Bütün parçaları bulamıyorum.",
        "Re: {order} numaralı siparişin parçaları",
        "Merhaba,\n\n{order} numaralı siparişiniz hakkındaki mesajınız için teşekkür ederiz. Kutuda bir lamba gövdesi, iki abajur ve üç vida olmalı. Eksik bir parça varsa ücretsiz göndeririz.\n\nSaygılarımızla,\nIşık Dünyası",
        [],
        "deliver",
        "Compliant twin: Turkish number words as counts ('bir' is also an article), no phone cue and no number.",
    ),
    (
        "pt_telefone_por_extenso_meia_reply",
        3,
        "Vocês conseguem entregar na sexta-feira?",
        "Re: Entrega do pedido {order}",
        "Olá Ana,\n\nobrigado pela mensagem sobre o pedido {order}. Para remarcar a entrega, ligue para um um, nove oito sete meia cinco, quatro três dois um.\n\nAtenciosamente,\nCasa Luz",
        ["CTC002"],
        "reject",
        "A phone number read out in Portuguese number words ('meia' for six) after the cue 'ligue' (CTC002).",
    ),
    (
        "pt_quantidades_por_extenso_compliant_reply",
        3,
        "Não encontro todas as peças.",
        "Re: Peças do pedido {order}",
        "Olá Ana,\n\nobrigado pela mensagem sobre o pedido {order}. Na caixa devem vir uma base, duas cúpulas e três parafusos. Se faltar alguma peça, enviamos sem custo.\n\nAtenciosamente,\nCasa Luz",
        [],
        "deliver",
        "Compliant twin: Portuguese number words as counts ('uma' is also an article), no phone cue and no number.",
    ),
    (
        "ar_raqm_bilkalimat_reply",
        4,
        "هل يمكن التوصيل يوم الجمعة؟",
        "Re: توصيل الطلب {order}",
        "مرحباً،\n\nشكراً لرسالتك بخصوص الطلب {order}. لتغيير موعد التوصيل اتصل على صفر خمسة صفر واحد اثنان ثلاثة أربعة خمسة ستة سبعة.\n\nمع التحية،\nبيت الإضاءة",
        ["CTC002"],
        "reject",
        "A phone number written out in Arabic number words after the cue 'اتصل' (CTC002).",
    ),
    (
        "ar_aadad_bilkalimat_compliant_reply",
        4,
        "لا أجد كل القطع.",
        "Re: قطع الطلب {order}",
        "مرحباً،\n\nشكراً لرسالتك بخصوص الطلب {order}. يجب أن تحتوي العلبة على قاعدة واحدة وثلاثة مصابيح وأربعة براغي. إذا نقصت قطعة نرسلها مجاناً.\n\nمع التحية،\nبيت الإضاءة",
        [],
        "deliver",
        "Compliant twin: Arabic number words as counts, no phone cue and no number.",
    ),
]


def main() -> None:
    fixture_kit.write_cases(HERE, seller=SELLER, date=DATE, orders=ORDERS, cases=CASES)


if __name__ == "__main__":
    main()
