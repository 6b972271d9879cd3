from build import M

# Fourth blind batch, Turkish: 873-876. Written from docs/policy.md alone.

M("873", "tr", "{OID} numaralı siparişinizin faturası", mailer="freshdesk", body="""\
Merhaba Ayşe Hanım,

{OID} numaralı siparişinizin (çelik demlik takımı) e-arşiv faturası Amazon hesabınızda
"Siparişlerim" bölümünden indirilebilir.

Fatura No: EAR2026000004812
Fatura Tarihi: 12.11.2026
KDV Hariç Tutar: 1.250,00 TL
KDV (%20): 250,00 TL
Toplam: 1.500,00 TL

Saygılarımızla,
Demlik Evi Ticaret Ltd. Şti.
Moda Cad. No: 88, 34710 Kadıköy/İstanbul
Vergi Dairesi: Kadıköy, Vergi No: 2930481756
MERSİS No: 0293048175600019
""", note="compliant invoice notice with Turkish legal footer (Vergi No, MERSİS No, postcode)")

M("874", "tr", "Ynt: {OID} siparişim ne zaman gelir?", reply=True, mailer="gmail", body="""\
Merhaba Emre Bey,

Kahve değirmeniniz salı günü Yurtiçi Kargo'ya teslim edildi ve yarın dağıtıma çıkması bekleniyor.
Gönderinizi buradan takip edebilirsiniz:
https://www.yurticikargo.com/tr/online-servisler/gonderi-sorgula?code=817263540912

İyi günler dileriz,
Selin
Kahve Dünyası Aksesuar

18 Kas 2026 Çar, 16:20 tarihinde Emre <{ALIAS}> şunu yazdı:
> Siparişim ne zaman gelir? Kargo numarası var mı?
""", note="compliant reply to the buyer's delivery question with a Yurtiçi Kargo https link")

M("875", "tr", "{OID} numaralı siparişiniz hakkında görüşünüz", mailer="zendesk", html="""\
<html><body>
<p>Merhaba,</p>
<p>Geçen hafta teslim edilen yoga bloklarınızı kullanmaya başladığınızı umuyoruz. Deneyiminizi
diğer müşterilerle paylaşmak isterseniz Amazon'da bir değerlendirme yazabilirsiniz; olumlu ya da
olumsuz, her dürüst yorum işe yarar.</p>
<p><a href="https://www.xn--mazon-3ve.com.tr/review/review-your-purchases/?asin=B0DYOGA123">www.\u0430mazon.com.tr/review/review-your-purchases</a></p>
<p>Teşekkürler,<br>Denge Yoga</p>
</body></html>
""", codes=["LNK001"], note="obf:idn neutral review request whose link goes to a look-alike amazon.com.tr "
     "with a Cyrillic а (Unicode text, punycode href)")

M("876", "tr", "{OID} numaralı siparişinizde gecikme", mailer="zendesk", body="""\
Merhaba Burak Bey,

Siparişiniz olan kamp sandalyesi, tedarikçimizdeki stok sorunu nedeniyle 25 Kasım'da
gönderilebilecek. Gecikme için özür dileriz.

Herhangi bir sorunuz olursa bizi 0542 318 66 04 numarasından arayabilirsiniz.

Saygılarımızla,
Kamp Ekipmanları Deposu
""", codes=["CTC002", "CNT003"], note="delay notice with 'call us if you have any question' and the "
     "seller's mobile number")
