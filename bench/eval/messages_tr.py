from build import M

M("761", "tr", "Ynt: {OID} numaralı siparişim ne zaman gelir?", reply=True, mailer="gmail", body="""\
Merhaba Ayşe Hanım,

Mesajınız için teşekkür ederiz. Kargonuz dün Yurtiçi Kargo'ya teslim edildi ve 26 Kasım Perşembe
günü adresinize ulaşması bekleniyor. Gönderinizi buradan takip edebilirsiniz:
https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=412345678901

İyi günler dileriz,
Zeynep
Müşteri Hizmetleri, Ev Dekor

18 Kas 2026 Çar, 19:05 tarihinde Ayşe Yılmaz <{ALIAS}> şunu yazdı:
> Merhaba, siparişim ne zaman gelir? Hafta sonu şehir dışında olacağım.
""", note="compliant delivery-time answer with https Yurtiçi Kargo link; buyer quoted ('şunu yazdı')")

M("762", "tr", "{OID} numaralı siparişinizin faturası", body="""\
Merhaba,

{OID} numaralı siparişinize ait e-Arşiv faturanız Amazon hesabınıza yüklenmiştir. Faturayı sipariş
ayrıntıları sayfasından indirebilirsiniz:
https://www.amazon.com.tr/gp/your-account/order-details?orderID={OID}

Saygılarımızla,
Ev Dekor
""", note="compliant invoice notice (issue 14: a Turkish invoice was held) with Amazon order-details link")

M("763", "tr", "{OID} numaralı siparişiniz hakkında görüşünüz", mailer="freshdesk", body="""\
Merhaba,

Çay makinenizin sorunsuz ulaştığını ve keyifle kullandığınızı umuyoruz.

Vaktiniz olursa, deneyiminizi Amazon'da bir değerlendirme yazarak diğer müşterilerle
paylaşabilirsiniz. Olumlu ya da olumsuz, her dürüst yorum diğer alıcılara yardımcı olur.
https://www.amazon.com.tr/review/review-your-purchases/?asin=B0BZX9KL2M

Saygılarımızla,
Çaydanlık Dünyası
""", note="compliant neutral review request")

M("764", "tr", "Ynt: {OID} için indirim var mı?", reply=True, mailer="gmail", body="""\
Merhaba Mehmet Bey,

Güzel sözleriniz için çok teşekkür ederiz. Maalesef Amazon mesajları üzerinden indirim kodu veya
kupon sunamıyoruz; ilandaki fiyat tüm müşterilerimiz için aynıdır.

Sorduğunuz yedek cam demlik Amazon'da "Çaydanlık Dünyası yedek demlik 1,2 L" adıyla satılmaktadır.

Saygılarımızla,
Burak

17 Kas 2026 Sal, 21:40 tarihinde Mehmet Demir <{ALIAS}> şunu yazdı:
> Makine harika! Bir sonraki alışverişim için indirim kodunuz var mı?
""", note="hard compliant: negated discount code/coupon ('sunamıyoruz'); buyer's 'indirim kodu' quoted")

M("765", "tr", "{OID} numaralı siparişinizin iadesi", body="""\
Merhaba Elif Hanım,

Halı için iade talebi oluşturduğunuzu gördük. Ürün hasarlı mı geldi, yoksa odanıza mı uymadı? Hasar
varsa, ambalajımızı iyileştirebilmemiz için bu mesaja bir fotoğraf eklemeniz bize çok yardımcı
olur.

İade etiketinize Amazon'daki İade Merkezi'nden ulaşabilirsiniz:
https://www.amazon.com.tr/gp/orc/returns/homepage.html

Saygılarımızla,
Ev Dekor
""", note="compliant return question with Amazon returns link")

M("766", "tr", "YNT: Süpürge şarj olmuyor - {OID}", reply=True, mailer="outlook", body="""\
Merhaba Can Bey,

Süpürgenin şarj olmamasına üzüldük. Ürün iki yıllık üretici garantisi kapsamında olduğu için en
hızlı çözüm, üreticinin garanti hattını 0850 123 45 67 numarasından aramanızdır; cihazı
adresinizden alıp yenisiyle değiştirirler. Dilerseniz Amazon siparişleriniz üzerinden iade de
edebilirsiniz.

Saygılarımızla,
Müşteri Hizmetleri

-----Özgün İleti-----
Kimden: Can Aydın <{ALIAS}>
Gönderildi: 18 Kasım 2026 Çarşamba 16:12
Kime: support@shop.example
Konu: Süpürge şarj olmuyor - {OID}

Süpürge artık şarj olmuyor, ne yapmalıyım?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty hotline: warn only; Turkish Outlook block")

M("767", "tr", "Faturanız hazır - sipariş {OID}", body="""\
Merhaba,

Siparişinizin faturası Amazon hesabınızda "Siparişlerim" bölümünde hazır.

Bize gösterdiğiniz ilgi için teşekkür olarak, bir sonraki alışverişinizde TESEKKUR20 kupon koduyla
%20 indirim kazanırsınız!

Saygılarımızla,
Çaydanlık Dünyası
""", codes=["CNT004"], note="invoice notice with a coupon code (issue 14: a Turkish coupon passed)")

M("768", "tr", "Memnun kaldınız mı? Sipariş {OID}", mailer="freshdesk", body="""\
Merhaba,

Yeni nevresim takımınızdan memnun kaldıysanız, Amazon'da bize 5 yıldız vermeyi unutmayın! Küçük
bir aile işletmesi olarak her olumlu yorum bizim için çok değerli.

Sevgiler,
Pamuk Ev Tekstili
""", codes=["CNT005"], note="review request asking for 5 stars if satisfied")

M("769", "tr", "Siparişiniz {OID} gecikecek", body="""\
Merhaba,

Tedarikçimizden kaynaklanan bir gecikme nedeniyle siparişiniz planlanandan iki gün sonra, en geç
24 Kasım'da kargoya verilecektir. Gecikme için özür dileriz.

Anlayışınız için ku\u200bpon ko\u200bdu: OZUR\u200b15 ile sonraki siparişinizde %15 in\u200bdi\u200brim.

Saygılarımızla,
Ev Dekor
""", codes=["CNT004"], note="obf:zero-width delay notice; coupon words and code split by zero-width spaces")

M("770", "tr", "{OID} numaralı siparişinizin teslimatı", html="""\
<div>
<p>Merhaba,</p>
<p>Koltuğunuz 27 Kasım Cuma günü saat 09:00 ile 13:00 arasında teslim edilecektir.</p>
<p>Teslimat durumunu ve montaj randevusunu buradan görebilirsiniz:
<a href="https://www.\u0430mazon.com.tr/teslimat/{OID}">https://www.\u0430mazon.com.tr/teslimat/{OID}</a></p>
<p>Saygılarımızla,<br>Mobilya Evi</p>
</div>
""", codes=["LNK001"], note="obf:idn delivery scheduling with a link to a look-alike IDN host (Cyrillic а in 'amazon')")

M("771", "tr", "Siparişiniz {OID} ile ilgili", body="""\
Merhaba,

Yeni lambanızı güzel günlerde kullanmanızı dileriz.

Herhangi bir sorun yaşarsanız, Amazon'a yorum yazmadan önce lütfen bize ulaşın; her sorunu
birlikte çözeriz.

Saygılarımızla,
Işık Tasarım
""", codes=["CNT003"], optional=["CNT012"], note="steers the buyer to contact the seller before reviewing")

M("772", "tr", "Kış kampanyası - sipariş {OID}", mailer="zendesk", body="""\
Merhaba,

Kış koleksiyonumuz yayında! Battaniye ve yastıklarda %30'a varan indirimleri kaçırmayın.

Bu e-postaları artık almak istemiyorsanız, abonelikten çıkmak için "İPTAL" yazarak yanıt verin.

Saygılarımızla,
Pamuk Ev Tekstili
""", codes=["CNT004", "CNT008"], optional=["CNT012"], note="promotional newsletter with opt-out text in the body")
