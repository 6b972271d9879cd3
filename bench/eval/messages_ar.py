from build import M

M("801", "ar-AE", "رد: موعد توصيل الطلب {OID}", reply=True, mailer="gmail", body="""\
مرحباً أستاذ خالد،

شكراً لتواصلك معنا. تم تسليم شحنتك أمس إلى أرامكس، ومن المتوقع أن تصلك يوم الخميس 26 نوفمبر.
يمكنك تتبع الشحنة من هنا:
https://www.aramex.com/ae/ar/track/results?ShipmentNumber=44123456789

مع أطيب التحيات،
سارة
خدمة العملاء - بيت الأناقة

في الأربعاء، 18 نوفمبر 2026 في 7:15 م، كتب خالد المنصوري <{ALIAS}>:
> السلام عليكم، متى يصل طلبي؟ سأكون مسافراً يوم الجمعة.
""", note="compliant delivery-time answer with https Aramex link; buyer quoted in the Arabic 'كتب' block")

M("802", "ar-SA", "الفاتورة الضريبية للطلب {OID}", body="""\
مرحباً،

الفاتورة الضريبية لطلبك رقم {OID} متاحة الآن في حسابك على أمازون، ويمكنك تنزيلها من صفحة
تفاصيل الطلب:
https://www.amazon.sa/gp/your-account/order-details?orderID={OID}

مع التحية،
متجر النخيل
""", note="compliant tax-invoice notice with Amazon order-details link")

M("803", "ar-AE", "ما رأيك في طلبك {OID}؟", mailer="freshdesk", body="""\
مرحباً،

نأمل أن تكون ماكينة القهوة قد وصلتك بحالة جيدة وأنك تستمتع باستخدامها.

إذا سمح وقتك، يسعدنا أن تشارك تجربتك مع العملاء الآخرين بكتابة تقييم على أمازون. سواء كان
رأيك إيجابياً أو سلبياً، فكل تقييم صادق يساعد غيرك على الاختيار.
https://www.amazon.ae/review/review-your-purchases/?asin=B0C3MN8QWE

مع أطيب التحيات،
بن وهيل
""", note="compliant neutral review request")

M("804", "ar-SA", "رد: هل يوجد خصم على الطلب {OID}؟", reply=True, mailer="gmail", body="""\
مرحباً أستاذة نورة،

شكراً على كلماتك اللطيفة. للأسف لا يمكننا تقديم أكواد خصم أو قسائم عبر رسائل أمازون، فالسعر
المعروض واحد لجميع العملاء.

الغطاء الزجاجي الذي سألتِ عنه متوفر على أمازون باسم "غطاء زجاجي النخيل 24 سم".

مع التحية،
فهد

في الثلاثاء، 17 نوفمبر 2026 في 9:20 م، كتبت نورة العتيبي <{ALIAS}>:
> القدر رائع! هل لديكم كود خصم للطلب القادم؟
""", note="hard compliant: negated discount codes ('لا يمكننا تقديم أكواد خصم'); buyer's 'كود خصم' quoted")

M("805", "ar-SA", "تحديد موعد توصيل الطلب {OID}", html="""\
<div dir="rtl" style="text-align:right">
<p>مرحباً أستاذ عبدالله،</p>
<p>الكنبة التي طلبتها جاهزة للتوصيل. نرجو اختيار أحد الموعدين التاليين بالرد على هذه الرسالة:</p>
<ul><li>الأحد 22 نوفمبر، من 9 صباحاً إلى 1 ظهراً</li><li>الثلاثاء 24 نوفمبر، من 2 إلى 6 مساءً</li></ul>
<p>مع التحية،<br>مفروشات الرياض</p>
</div>
""", note="compliant delivery scheduling, right-to-left HTML")

M("806", "ar-AE", "رد: المكنسة لا تعمل - {OID}", reply=True, mailer="outlook", body="""\
مرحباً أستاذ عمر،

نأسف لتوقف المكنسة عن العمل. بما أنها مشمولة بضمان الشركة المصنّعة لمدة سنتين، فأسرع حل هو
الاتصال بخدمة الضمان لدى الشركة المصنّعة على الرقم 800 123 4567، حيث يستلمون الجهاز ويستبدلونه.
ويمكنك أيضاً إرجاعها من خلال طلباتك على أمازون.

مع التحية،
خدمة العملاء

-----Original Message-----
From: Omar Haddad <{ALIAS}>
Sent: Wednesday, November 18, 2026 5:10 PM
To: support@shop.example
Subject: المكنسة لا تعمل - {OID}

المكنسة لم تعد تعمل، ماذا أفعل؟
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty service number: warn only; Outlook original-message block")

M("807", "ar-SA", "رأيك يهمنا - الطلب {OID}", body="""\
مرحباً،

إذا كنت راضياً عن طقم المفارش، نرجو منك تقييمنا بخمس نجوم على أمازون! نحن شركة عائلية صغيرة
وكل تقييم إيجابي يعني لنا الكثير.

مع خالص الشكر،
مفروشات الرياض
""", codes=["CNT005"], note="review request asking for five stars if satisfied")

M("808", "ar-AE", "فاتورتك جاهزة - الطلب {OID}", body="""\
مرحباً،

فاتورة طلبك متاحة الآن في حسابك على أمازون ضمن "طلباتي".

وتقديراً لك، استخدم كود الخصم SHUKRAN15 للحصول على خصم 15% على طلبك القادم.

مع التحية،
بيت الأناقة
""", codes=["CNT004"], note="invoice notice with a discount code")

M("809", "ar-AE", "تأخير في شحن الطلب {OID}", body="""\
مرحباً،

بسبب تأخر المورد، سيتم شحن طلبك بعد يومين من الموعد المحدد، أي في موعد أقصاه 24 نوفمبر. نعتذر
عن هذا التأخير.

مع التحية،
بن وهيل
""", html="""\
<div dir="rtl">
<p>مرحباً،</p>
<p>بسبب تأخر المورد، سيتم شحن طلبك بعد يومين من الموعد المحدد، أي في موعد أقصاه 24 نوفمبر. نعتذر
عن هذا التأخير.</p>
<p>وتعويضاً لك، استخدم الكوبون <b>SORRY20</b> لخصم 20% على مشترياتك القادمة.</p>
<p>مع التحية،<br>بن وهيل</p>
</div>
""", codes=["CNT004"], note="obf:html-alternative delay notice; coupon only in the right-to-left HTML alternative")

M("810", "ar-SA", "إرجاع الطلب {OID}", body="""\
مرحباً أستاذة ريم،

لاحظنا أنك طلبتِ إرجاع المصباح. هل وصل تالفاً أم لم يناسب المكان؟ إذا كان تالفاً، أرسلي لنا صورة
على البريد support [at] alnakheel-store dot sa لنحسّن التغليف.

مع التحية،
متجر النخيل
""", codes=["CTC001"], note="obf:at-dot return question with an e-mail address written '[at] ... dot sa'")

M("811", "ar-AE", "بخصوص طلبك {OID}", body="""\
مرحباً،

نتمنى أن تكون سعيداً بالمصباح الجديد.

إذا واجهتك أي مشكلة، نرجو التواصل معنا أولاً قبل كتابة أي تقييم على أمازون، وسنحلها معاً.

مع التحية،
بيت الأناقة
""", codes=["CNT003"], optional=["CNT012"], note="steers the buyer to contact the seller before reviewing")

M("812", "ar-SA", "اطلب القهوة مباشرة - الطلب {OID}", mailer="freshdesk", body="""\
مرحباً،

شكراً لشرائك قهوتنا. في المرة القادمة اطلب مباشرة من متجرنا الإلكتروني www.bunwahail.sa وادفع
عند الاستلام، وستحصل على سعر أقل من أمازون.

مع التحية،
بن وهيل
""", codes=["CNT007", "LNK001"], optional=["CNT004", "CNT012"], note="diverts future purchases off Amazon to the seller's own shop (bare domain)")
