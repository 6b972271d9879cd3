from build import M

# Third blind batch, Japanese: 951-960.

M("951", "ja", "ご注文{OID}の請求書について", mailer="freshdesk", body="""\
佐藤様

ご注文番号{OID}の適格請求書（請求書番号：INV-2026-11-0458）を、Amazonアカウントの
「注文履歴」から発行できるようにいたしました。該当の注文の「領収書等」からご確認ください。

よろしくお願いいたします。

--
株式会社木曽木工
〒399-5301 長野県木曽郡南木曽町読書2345-6
適格請求書発行事業者登録番号：T3100001012345
""", note="compliant invoice notice with the qualified-invoice registration number and postal code (neither is a phone number)")

M("952", "ja", "Re: 配送状況と問い合わせ先について（{OID}）", reply=True, mailer="gmail", body="""\
高橋様

お問い合わせありがとうございます。
恐れ入りますが、Amazonの規約により、当店の電話番号やメールアドレスをお伝えすることはできません。

お荷物はヤマト運輸でお届け中で、伝票番号は1234-5678-9012です。最新の状況は以下でご確認いただけます。
https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=123456789012

木曽木工 カスタマーサポート 中村

2026年11月18日(水) 10:15 高橋 <{ALIAS}>:
> 荷物がまだ届きません。電話で確認したいので、お店の電話番号を教えてください。
""", note="compliant reply: negated sharing of phone/e-mail; Yamato https tracking link; the hyphenated 12-digit waybill number is not a phone number; the buyer's request only in the quote")

M("953", "ja", "お届け日時のご指定のお願い（ご注文{OID}）", body="""\
山本様

ご注文いただいた食器棚は大型商品のため、配送業者がお届け日時をお約束してからのお届けとなります。
下記の候補からご都合のよい日時を、このメッセージへのご返信でお知らせください。

・11月24日（火）午前中
・11月25日（水）14時～16時
・11月26日（木）18時～20時

佐川急便のお問い合わせ番号は123456789012です。
https://k2k.sagawa-exp.co.jp/p/web/okurijosearch.do?okurijoNo=123456789012

家具工房ひのき
""", note="compliant delivery scheduling with a Sagawa https tracking link; dates, time slots and tracking number are not phone numbers")

M("954", "ja", "ご注文{OID}の商品はいかがでしょうか", mailer="zendesk", body="""\
お客様

先日は南部鉄器の急須をお届けいたしました。
お使いになってみてのご感想を、Amazonのレビューでほかのお客様に共有していただけませんか。
良い点も気になった点も、率直なご意見が参考になります。

https://www.amazon.co.jp/review/review-your-purchases/?asin=B0CKTS9NBU

岩鋳堂
""", note="compliant neutral review request with the amazon.co.jp review link")

M("955", "ja", "Re: 電源が入りません（{OID}）", reply=True, mailer="outlook", body="""\
小林様

ご不便をおかけして申し訳ございません。
本製品にはメーカー保証（1年間）が付いております。メーカーのサポートセンター
（0120-123-456、平日9時～17時）にご連絡いただくと、修理または交換の手続きをご案内します。

Amazonの注文履歴から当店への返品も可能です。その場合は全額を返金いたします。

木曽木工 カスタマーサポート

-----Original Message-----
From: 小林 <{ALIAS}>
Sent: 2026年11月18日 21:03
To: support@shop.example
Subject: 電源が入りません（{OID}）

届いた加湿器の電源が入りません。どうすればいいですか。
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty support number in a reply: warning only")

M("956", "ja", "ご注文{OID}の出荷遅延について", mailer="zendesk", body="""\
お客様

ご注文の炊飯器は、メーカーからの入荷が遅れているため、出荷が3日ほど遅れる見込みです。
ご迷惑をおかけして申し訳ございません。

ご不明な点がございましたら、お気軽に当店までお電話ください。
お電話（０３－６１２３－４５６７、平日１０時～１８時）でも承っております。

家電のミヤタ
""", codes=["CTC002", "CNT003"], note="obf:compat delay notice; full-width digits and dashes in the seller's phone number, with a proactive contact-us line")

M("957", "ja", "レビューのお願い（ご注文{OID}）", body="""\
お客様

この度はご購入いただきありがとうございました。
商品にご満足いただけた場合のみ、Amazonで★5の評価をお願いいたします。
ご満足いただけなかった場合は、レビューの前に当店までご連絡ください。

https://www.amazon.co.jp/review/review-your-purchases/?asin=B0D7HNK2SX

家電のミヤタ
""", codes=["CNT005", "CNT003"], note="asks for 5 stars only if satisfied and steers unhappy buyers to the seller before reviewing")

M("958", "ja", "商品発送のお知らせ（ご注文{OID}）", mailer="freshdesk", body="""\
お客様

ご注文いただいた商品を本日発送いたしました。
日本郵便のゆうパックでお届けします。追跡番号：123456789012
https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=123456789012

到着まで今しばらくお待ちください。

和菓子 さくら庵
""", codes=["CNT001"], note="proactive shipping confirmation (Japan Post link itself is fine)")

M("959", "ja", "ご注文{OID}のお手入れ方法", mailer="zendesk", html="""\
<html><body>
<div style="text-align:center">
<p>お客様</p>
<p>木製のお椀は、使用後すぐに手洗いし、よく乾かしてください。食洗機はご使用いただけません。</p>
<p><font color="#06C755">LINE公式アカウントを友だち追加すると、次回使える10％OFFクーポンをプレゼント！</font></p>
<p><a href="https://line.me/R/ti/p/@kisomokko">友だち追加はこちら</a></p>
<p>木曽木工</p>
</div>
</body></html>
""", codes=["CNT004", "LNK001", "STY002"], optional=["CNT012"], note="care tips with a LINE friend-add coupon and link; centred body and font colour; care tips as a purpose arguable for CNT012")

M("960", "ja", "Re: レビューについて（{OID}）", reply=True, mailer="gmail", body="""\
松本様

交換品が無事に届いたとのこと、安心いたしました。

大変恐縮ですが、問題は解決いたしましたので、先日の星1つのレビューを星5に変更していただけないでしょうか。
お礼としてAmazonギフトカード500円分をお送りいたします。

さくら庵

2026年11月18日(水) 19:40 松本 <{ALIAS}>:
> 交換品が届きました。今度は大丈夫でした。
""", codes=["CNT006"], optional=["CNT005"], note="asks the buyer to change an existing 1-star review to 5 stars, with a gift card for it (CNT005 arguable)")
