from build import M

# Fourth blind batch, Arabic (UAE, Saudi Arabia): 881-884. Written from docs/policy.md alone.

M("881", "ar-SA", "فاتورة الطلب {OID}", mailer="zendesk", body="""\
عزيزنا العميل،

نود إعلامكم بأن الفاتورة الضريبية لطلبكم رقم {OID} (مكنسة كهربائية لاسلكية) متاحة الآن في حسابكم
على أمازون ضمن قسم "طلباتي".

رقم الفاتورة: INV-2026-11-2284
تاريخ الفاتورة: 2026-11-12
المبلغ قبل الضريبة: 652.17 ريال
ضريبة القيمة المضافة 15%: 97.83 ريال
الإجمالي: 750.00 ريال

مع خالص التحية،
مؤسسة النقاء للأجهزة المنزلية
الرياض، حي العليا، الرمز البريدي 12214
الرقم الضريبي: 310123456700003
السجل التجاري: 1010654321
""", note="compliant invoice notice with Saudi legal footer (VAT number 15 digits, commercial register, "
     "postal code)")

M("882", "ar-AE", "Re: متى يصل طلبي {OID}؟", reply=True, mailer="gmail", body="""\
مرحباً أستاذ خالد،

تم تسليم جهاز قياس ضغط الدم إلى أرامكس يوم الثلاثاء، ومن المتوقع توصيله إليكم في دبي يوم الخميس.
يمكنكم متابعة الشحنة من هنا:
https://www.aramex.com/ae/en/track/results?ShipmentNumber=47281930561

مع التحية،
مريم
صحتك أولاً

في الأربعاء، 18 نوفمبر 2026 في 8:14 م، كتب خالد <{ALIAS}>:
> متى يصل الجهاز؟ أحتاجه لوالدي.
""", note="compliant reply to the buyer's delivery question with an Aramex https link; Arabic Gmail "
     "attribution and quote")

M("883", "ar-AE", "عرض خاص على طلبك {OID}", mailer="zendesk", body="""\
مرحباً،

نأمل أن يكون عطر العود قد وصلك بحالة ممتازة.

لطلب عطور أخرى وعينات مجانية بسعر أقل من أمازون، اطلب مباشرة عبر واتساب على الرقم
\u202a+971\u200f 50\u200f 637\u200f 2914\u202c والدفع عند الاستلام.

مع التحية،
دار العود الذهبي
""", codes=["CNT007", "CTC002", "CNT004"], optional=["CNT012"],
  note="obf:bidi WhatsApp named for ordering and paying outside Amazon, the number wrapped in bidi embedding "
       "and RLM marks; promotion of other products; no permitted purpose")

M("884", "ar-SA", "Re: الطلب {OID} لم يصل", reply=True, mailer="freshdesk", body="""\
يا أحمد،

هذه رسالتك الخامسة عن نفس الموضوع. الشحنة سُلّمت ووُقّع عليها، فكفّ عن إزعاجنا يا غبي وراجع
شركة الشحن بنفسك.

خدمة العملاء

في 2026/11/18، كتب أحمد <{ALIAS}>:
> أين طلبي؟؟؟ ردوا علي!!!
""", codes=["CNT011"], note="reply insulting the buyer ('stop bothering us, you idiot')")
