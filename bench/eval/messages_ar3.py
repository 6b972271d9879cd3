from build import M

# Third blind batch, Arabic (UAE, Saudi Arabia): 991-996.

M("991", "ar-AE", "الفاتورة الضريبية للطلب {OID}", mailer="freshdesk", body="""\
مرحباً،

فاتورتكم الضريبية للطلب {OID} (رقم الفاتورة INV-2026-7741) متاحة الآن في حسابكم على أمازون،
ضمن "طلباتي" بجانب الطلب.

مع خالص التحية،
قسم الحسابات

--
شركة بيت العود للتجارة ذ.م.م · دبي، الإمارات العربية المتحدة
رقم التسجيل الضريبي (TRN): 100234567800003 · رخصة تجارية رقم 812345
""", note="compliant tax-invoice notice with a UAE company footer: the 15-digit TRN and licence number are not phone numbers")

M("992", "ar-SA", "Re: إبريق مكسور - الطلب {OID}", reply=True, mailer="gmail", body="""\
مرحباً خالد،

نعتذر عن وصول الإبريق مكسوراً. أرسلنا لك اليوم إبريقاً بديلاً عبر أرامكس، ويمكنك متابعة الشحنة
من هنا:
https://www.aramex.com/sa/ar/track/results?ShipmentNumber=34567890123

لا حاجة لإعادة الإبريق المكسور.

مع التحية،
نورة
متجر دلة القهوة

في الأربعاء، 18 نوفمبر 2026 في 4:10 م، كتب خالد <{ALIAS}>:
> وصل الإبريق مكسوراً. أريد استرجاع المبلغ أو إبريقاً جديداً، وإلا سأكتب تقييماً سيئاً.
""", note="compliant reply: the seller reports sending a replacement by Aramex (https); the review threat only in the Gmail quote")

M("993", "ar-AE", "رأيكم في الطلب {OID}", mailer="zendesk", body="""\
مرحباً،

نأمل أن تكون مبخرة العود قد وصلتكم بحالة جيدة. إذا كان لديكم وقت، يسعدنا أن تشاركوا تجربتكم مع
العملاء الآخرين بكتابة مراجعة على أمازون، سواء كانت إيجابية أو سلبية.

https://www.amazon.ae/review/review-your-purchases/?asin=B0CAEOUD01

مع التحية،
بيت العود
""", note="compliant neutral review request with the amazon.ae review link")

M("994", "ar-SA", "تأخير في شحن الطلب {OID}", mailer="zendesk", body="""\
مرحباً،

نعتذر، سيتأخر شحن طلبكم يومين بسبب نفاد الكمية لدى المورد. نتوقع وصوله بحلول 26 نوفمبر.

لأي استفسار أو مشكلة، تواصلوا معنا مباشرة عبر واتساب على الرقم +\u2067966\u2069 5\u200f5 12\u202b3\u202c 45\u200e67

مع التحية،
متجر دلة القهوة
""", codes=["CTC002", "CNT003"], note="obf:bidi delay notice with a WhatsApp number broken up by bidi controls (isolates, embeddings, RLM/LRM) and a proactive contact-us line")

M("995", "ar-AE", "فاتورة الطلب {OID}", mailer="freshdesk", body="""\
مرحباً،

نود إعلامكم بأن فاتورة طلبكم {OID} متاحة الآن في حسابكم على أمازون بجانب الطلب.

🎁 احصلوا على خصم 15% على طلبكم القادم باستخدام الكود OUD15

مع التحية،
بيت العود
""", codes=["CNT004", "STY001"], note="invoice notice with a discount code for the next order and a gift emoji")

M("996", "ar-SA", "طلب تقييم - الطلب {OID}", mailer="zendesk", body="""\
مرحباً،

نتمنى أن تكون دلة القهوة قد نالت إعجابكم. نرجو منكم تقييمنا بخمس نجوم على أمازون، فتقييمكم
الإيجابي يساعد متجرنا الصغير كثيراً.

https://www.amazon.sa/review/review-your-purchases/?asin=B0CSADAL01

مع التحية،
متجر دلة القهوة
""", codes=["CNT005"], note="review request asking for a five-star rating")
