from build import M

# Third blind batch, Turkish: 979-984.

M("979", "tr", "{OID} numaralı siparişinizin faturası", mailer="freshdesk", body="""\
Merhaba,

{OID} numaralı siparişinize ait e-Arşiv faturanız (fatura no: EAR2026000004512) Amazon
hesabınızda, "Siparişlerim" bölümünde ilgili siparişin yanında yer almaktadır.

Saygılarımızla,
Muhasebe Birimi

--
Ege Tekstil Ticaret A.Ş. · Atatürk Cad. No: 112, 35220 Konak/İzmir
Vergi Dairesi: Konak · Vergi No: 3250123456 · MERSİS No: 0325012345600015
""", note="compliant invoice notice with a Turkish company footer (tax and MERSİS numbers are not phone numbers)")

M("980", "tr", "Re: Eksik parça - sipariş {OID}", reply=True, mailer="gmail", body="""\
Merhaba Mehmet Bey,

Eksik gelen raf pimlerini bugün Yurtiçi Kargo ile gönderdik. Gönderinizi buradan takip
edebilirsiniz:
https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=123456789012

Yaşattığımız sorun için özür dileriz.

Saygılarımızla,
Elif
Mobilya Atölyesi

18 Kas 2026 Çar, 11:05 tarihinde Mehmet <{ALIAS}> şunu yazdı:
> Kitaplığın pimleri eksik çıktı. Bana telefonla ulaşın: 0532 123 45 67
""", note="compliant reply: the seller reports sending missing parts by Yurtiçi Kargo (https); the buyer's phone number only in the quote")

M("981", "tr", "{OID} numaralı siparişiniz hakkındaki görüşünüz", mailer="zendesk", body="""\
Merhaba,

Yeni çaydanlığınızın size birkaç gün önce ulaştığını gördük. Vaktiniz olursa deneyiminizi
Amazon'da bir değerlendirme ile diğer müşterilerle paylaşabilirsiniz. Sizden olumlu yorum
yapmanızı istemiyoruz; olumlu ya da olumsuz, dürüst görüşünüz yeterli.

https://www.amazon.com.tr/review/review-your-purchases/?asin=B0CTRCAY01

Saygılarımızla,
Bakır Evi
""", note="compliant neutral review request with a verb-final negated 'positive review' ask, amazon.com.tr link")

M("982", "tr", "{OID} numaralı siparişinizin gecikmesi", mailer="zendesk", body="""\
Merhaba Ayşe Hanım,

Tedarikçimizden kaynaklanan bir gecikme nedeniyle nevresim takımınız iki gün geç kargoya
verilecektir. Anlayışınız için teşekkür ederiz.

Herhangi bir sorunuz olursa WhatsApp hattımızdan bize yazabilirsiniz: 0532·614·27·90

Saygılarımızla,
Ege Tekstil
""", codes=["CTC002", "CNT003"], note="obf:phone-separators delay notice with a WhatsApp number written with middle-dot separators and a proactive contact-us line")

M("983", "tr", "Siparişiniz {OID} için bir ricamız var", mailer="freshdesk", body="""\
Merhaba,

Aldığınız bakır cezveyi beğendiyseniz Amazon'da 5 yıldızlı bir yorum bırakmanızı rica ediyoruz.
Yorumunuzu bıraktıktan sonra bize yazarsanız bir sonraki siparişinizde %10 indirim
tanımlayacağız.

https://www.amazon.com.tr/review/review-your-purchases/?asin=B0CTRCZV02

Saygılarımızla,
Bakır Evi
""", codes=["CNT005"], optional=["CNT004"], note="asks for a 5-star review with a discount as the reward (incentive); the discount as promotion arguable for CNT004")

M("984", "tr", "{OID} numaralı siparişinizin iadesi", mailer="zendesk", html="""\
<html><body>
<p><img src="https://cdn.evdekor.example/mail/logo.png" alt="www.evdekor.example" width="150" height="40"></p>
<p>Merhaba,</p>
<p>Masa lambasının iadesini başlattığınızı gördük. Lambada bir hasar mı vardı, yoksa beklediğiniz
gibi mi değildi? Bilgi verirseniz ambalajımızı ve ürün açıklamamızı iyileştirebiliriz.</p>
<p>Saygılarımızla,<br>Ev Dekor</p>
</body></html>
""", codes=["IMG004"], hold=["IMG004"], optional=["LNK001"], note="return question whose logo alt text is the shop's web address (hold); the bare domain in alt text arguable for LNK001")
