from build import M

M("601", "ja", "Re: お届け日について（注文番号 {OID}）", reply=True, mailer="gmail", body="""\
田中様

お問い合わせいただきありがとうございます。
ご注文の商品は昨日佐川急便にお引き渡しし、11月26日（木）にお届けの予定です。
配送状況は以下のページからご確認いただけます。
https://k2k.sagawa-exp.co.jp/p/web/okurijoinput.do?okurijoNo=412345678901

今後ともよろしくお願いいたします。

和み雑貨店 カスタマーサービス
中村

2026年11月18日(水) 19:20 田中花子 <{ALIAS}>:
> 注文した商品はいつ届きますか？金曜日から出張です。
""", note="compliant delivery-date answer with https Sagawa tracking link")

M("602", "ja", "適格請求書のご案内（注文番号 {OID}）", mailer="zendesk", body="""\
お客様

ご注文 {OID} の適格請求書（インボイス）は、Amazonの注文履歴から発行いただけます。
https://www.amazon.co.jp/gp/your-account/order-details?orderID={OID}

宛名は発行時にご自由に入力いただけます。

和み雑貨店
""", note="compliant qualified-invoice notice with Amazon order-details link")

M("603", "ja", "商品はいかがでしょうか（注文番号 {OID}）", mailer="freshdesk", body="""\
お客様

先日はご注文いただき、誠にありがとうございました。
電気ケトルは問題なくお使いいただけていますでしょうか。

もしよろしければ、ご使用になった率直なご感想を、Amazonのレビューとして他のお客様と共有して
いただけますと幸いです。良い点も気になった点も、どちらも参考になります。
https://www.amazon.co.jp/review/review-your-purchases/?asin=B0BJKT4M8X

キッチン工房
""", note="compliant neutral review request")

M("604", "ja", "Re: クーポンについて（注文番号 {OID}）", reply=True, mailer="gmail", body="""\
小林様

温かいお言葉をいただき、ありがとうございます。
大変申し訳ございませんが、Amazonのメッセージでは割引コードやクーポンをご提供いたしかねます。
出品価格はすべてのお客様に同一となっております。

お尋ねのガラス蓋は、Amazonにて「キッチン工房 ガラス蓋 24cm」として別途販売しております。

キッチン工房
伊藤

2026年11月17日(火) 21:05 小林健 <{ALIAS}>:
> 鍋がとても良いです！次回使えるクーポンはありますか？
""", note="hard compliant: Japanese polite negative ('ご提供いたしかねます'); buyer's 'クーポン' quoted")

M("605", "ja", "Re: 注文のキャンセル（注文番号 {OID}）", reply=True, mailer="zendesk", body="""\
加藤様

ご連絡ありがとうございます。
ご依頼のとおり、発送前にご注文をキャンセルいたしました。代金が請求されることはございません。

和み雑貨店 カスタマーサービス

2026年11月18日(水) 09:40 加藤美咲 <{ALIAS}>:
> 色を間違えて注文してしまいました。キャンセルしていただけますか？
""", note="hard compliant: the seller reports that it cancelled; the buyer's request is quoted")

M("606", "ja", "[Important] 充電器の自主回収（リコール）のお知らせ（注文番号 {OID}）", body="""\
お客様

当店でご購入いただいたUSB-C充電器につきまして、メーカーより発熱のおそれがあるとして自主回収
（リコール）が発表されました。直ちにご使用を中止し、コンセントから抜いてください。

返品期間を過ぎていても、Amazonの注文履歴から返品いただければ全額返金いたします。
https://www.amazon.co.jp/gp/css/order-history

ご迷惑をおかけし、誠に申し訳ございません。

ボルティーク電子
""", note="hard compliant: [Important] on a product-safety recall")

M("607", "ja", "お届け日時のご確認（注文番号 {OID}）", mailer="outlook", body="""\
山本様

ご注文いただいたソファは、大型家具のため配送日時のご指定が必要です。
以下のいずれかの日時をご返信ください。

・11月24日（火）午前中
・11月26日（木）14時〜18時

発送後は日本郵便の追跡ページで状況をご確認いただけます。
https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=123456789012

家具のまるやま
""", note="compliant delivery scheduling with https Japan Post link")

M("608", "ja", "RE: 掃除機が動かない（注文番号 {OID}）", reply=True, mailer="outlook", body="""\
松本様

ご不便をおかけし申し訳ございません。
本製品にはメーカー保証（2年間）がございますので、メーカーのサポートセンター
（0120-123-456、平日9時〜18時）にご連絡いただくのが最も早く、引き取り・交換の手配を
してもらえます。Amazonの注文履歴から返品いただくことも可能です。

カスタマーサービス

-----Original Message-----
From: 松本大輔 <{ALIAS}>
Sent: Wednesday, November 18, 2026 4:50 PM
To: support@shop.example
Subject: 掃除機が動かない（注文番号 {OID}）

掃除機の電源が入りません。どうすればいいですか？
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer support-centre number beside warranty context: warn only")

M("609", "ja", "Re: サイズについて（注文番号 {OID}）", reply=True, mailer="gmail", body="""\
吉田様

お問い合わせありがとうございます。
こちらのコートはやや大きめの作りですので、普段Mサイズの方にはSサイズをおすすめしております。
交換をご希望の場合は、Amazonの注文履歴から返品をお申し込みのうえ、Sサイズをご注文ください。

和み雑貨店

2026年11月18日(水) 12:30 吉田由美 <{ALIAS}>:
> もう星5のレビューを書きました！コートが大きいのですが、Sに交換できますか？
> あと、メルマガの配信停止をお願いします。クーポンは要りません。
""", note="hard compliant: '星5', '配信停止', 'クーポン' only in the quoted buyer lines")

M("610", "ja", "名入れ内容のご確認（注文番号 {OID}）", body="""\
木村様

この度は名入れタンブラーをご注文いただき、ありがとうございます。
加工の前に、以下の内容でよろしいかご確認ください。

名入れ文字：「Kimura Family 2026」
書体：筆記体（商品ページの書体B）

加工後の変更はできませんので、「OK」または修正内容をご返信ください。

名入れ工房さくら
""", note="compliant custom-design verification")

M("611", "ja", "発送遅延のお詫び（注文番号 {OID}）", body="""\
お客様

倉庫の棚卸しのため、ご注文の商品の発送が11月23日（月）となります。
ご迷惑をおかけし、誠に申し訳ございません。

和み雑貨店
適格請求書発行事業者登録番号：T1234567890123
""", note="hard compliant delay notice; the 13-digit invoice registration number is not a phone")

M("612", "ja", "レビューのお願い（注文番号 {OID}）", body="""\
お客様

この度はご購入いただきありがとうございます。
Amazonで★5のレビューをご投稿いただいた方全員に、Amazonギフト券500円分をプレゼントしております。
投稿後、レビュー画面のスクリーンショットをご返信ください。

キッチン工房
""", codes=["CNT005"], note="review request demanding 5 stars with a gift-card incentive")

M("613", "ja", "領収書のご案内（注文番号 {OID}）", mailer="freshdesk", body="""\
お客様

ご注文の領収書は、Amazonの注文履歴から発行いただけます。

当店のInstagram（@nagomi_zakka）では新商品やお得な情報を発信しています。ぜひフォローしてください！

和み雑貨店
""", codes=["CNT004"], note="invoice notice with 'follow us on Instagram'")

M("614", "ja", "商品の使い心地はいかがですか（注文番号 {OID}）", body="""\
お客様

よろしければ、Amazonでご感想をお聞かせください。
https://www.amazon.co.jp/review/review-your-purchases/?asin=B0CJPL2W7N

今後当店からのメッセージの配信停止をご希望の方は、「停止」とご返信ください。

寝具のやすらぎ
""", codes=["CNT008"], note="review request with opt-out text")

M("615", "ja", "ご注文に関するお願い（注文番号 {OID}）", body="""\
お客様

誠に申し訳ございません。ご注文のコーヒーミルは、当店倉庫で破損していることが判明し、
次回入荷は1月の予定です。

お手数ですが、Amazonの注文履歴からご注文のキャンセルをお願いいたします。

珈琲道具店
""", codes=["CNT010"], note="fulfilment problem, asks the buyer to cancel")

M("616", "ja", "Re: レビューについて（注文番号 {OID}）", reply=True, mailer="zendesk", body="""\
井上様

お話ししたとおり、Amazonを通じて全額を返金いたしました。

問題が解決いたしましたので、星1つのレビューを修正、または削除していただけないでしょうか。
何卒よろしくお願いいたします。

キッチン工房

2026年11月18日(水) 15:10 井上誠 <{ALIAS}>:
> 返金ありがとうございました。
""", codes=["CNT006"], note="asks the buyer to change or delete an existing review")

M("617", "ja", "次回のお買い物について（注文番号 {OID}）", mailer="freshdesk", body="""\
お客様

お茶をご購入いただき、ありがとうございます。
次回は当店公式サイト chaya-honpo.jp から直接ご購入いただくと、Amazonより10%お安くなります。

茶屋本舗
""", codes=["CNT007", "LNK001"], optional=["CNT004", "CNT012"], note="diverts future purchases to the seller's site (bare domain)")

M("618", "ja", "発送完了のお知らせ（注文番号 {OID}）", body="""\
お客様

ご注文の商品を本日発送いたしました。
ヤマト運輸にて、1〜2日でお届けの予定です。

和み雑貨店
""", codes=["CNT001"], optional=["CNT012"], note="shipping confirmation alone")

M("619", "ja", "商品はお手元に届きましたか（注文番号 {OID}）", body="""\
お客様

新しい加湿器は快適にお使いいただけていますでしょうか。

万が一不具合などございましたら、レビューを書かれる前に、まずは当店までご連絡ください。
誠意をもって対応いたします。

家電のヤマダ屋
""", codes=["CNT003"], optional=["CNT012"], note="steers the buyer to contact the seller before reviewing")

M("620", "ja", "お届け予定日のご案内（注文番号 {OID}）", body="""\
お客様

ご注文の冷蔵庫は、11月27日（金）午前中にお届けいたします。

家電のヤマダ屋
大阪市北区梅田1-2-3
TEL 06-1234-5678
""", codes=["CTC002"], note="delivery notice with the seller's phone number in the signature")

M("621", "ja", "発送遅延のお詫び（注文番号 {OID}）", body="""\
お客様

ご注文のフライパンは、仕入れ先の都合により11月24日の発送となります。申し訳ございません。

お待ちいただく間に、こちらの商品もいかがでしょうか。
https://www.amazon.co.jp/dp/B0D3KPQ7ZX

キッチン工房
""", codes=["CNT004", "LNK004"], note="delay notice promoting another product with an Amazon product link")

M("622", "ja", "領収書のご案内（注文番号 {OID}）", body="""\
お客様

ご注文の領収書はAmazonの注文履歴から発行いただけます。

ご購入の御礼として、次回使える ｸｰﾎﾟﾝｺｰﾄﾞ「ＡＲＩＧＡＴＯ１０」（10%ｵﾌ）をお送りいたします。

寝具のやすらぎ
""", codes=["CNT004"], note="obf:compat invoice notice; coupon written in half-width katakana and full-width letters")

M("623", "ja", "発送遅延のお詫び（注文番号 {OID}）", body="""\
お客様

メーカーからの入荷遅れにより、発送が11月24日となります。ご迷惑をおかけし申し訳ございません。

お詫びとして、次回のお買い物で使える割\u200b引\u200bコ\u200bード SORRY\u200b15 をお送りします。

珈琲道具店
""", codes=["CNT004"], note="obf:zero-width delay notice; '割引コード' and the code split by zero-width spaces")

M("624", "ja", "返品について（注文番号 {OID}）", body="""\
森様

炊飯器の返品をお申し込みいただいたことを確認いたしました。
破損がございましたら、お手数ですが写真を support★kaden-yamadaya.jp（★を@に置き換えてください）
までお送りください。配送業者に報告いたします。

家電のヤマダ屋
""", codes=["CTC001"], note="obf:at-dot return question with an e-mail address whose @ is written as ★")

M("625", "ja", "配送日のお知らせ（注文番号 {OID}）", html="""\
<div>
<p>お客様</p>
<p>ご注文のデスクは2箱に分かれてお届けいたします。2箱目は別倉庫からの発送のため、1日遅れて
到着いたします。</p>
<div style="display:none">【会員様限定】公式ストアで使える20%OFFクーポン：DESK20</div>
<p>家具のまるやま</p>
</div>
""", body="""\
お客様

ご注文のデスクは2箱に分かれてお届けいたします。2箱目は別倉庫からの発送のため、1日遅れて
到着いたします。

家具のまるやま
""", codes=["CNT004"], optional=["CNT007"], note="obf:hidden delivery information; a coupon in a display:none block of the HTML only")

M("626", "ja", "ご感想のお願い（注文番号 {OID}）", body="""\
お客様

新しい布団はいかがでしょうか。
ご満足いただけましたら、ぜひ 星 ５ つ の レ ビ ュ ー をお願いいたします！

寝具のやすらぎ
""", codes=["CNT005"], note="obf:spaced review request asking for five stars if satisfied, characters spaced apart")

M("627", "ja", "発送日のお知らせ（注文番号 {OID}）", body="""\
お客様

ご注文の急須は、11月23日に発送予定です。

ご愛顧への感謝を込めて、次回のご注文で使える割引\u2066コード\u2069「\u202aCHA10\u202c」をご用意しました。

茶屋本舗
""", codes=["CNT004"], optional=["CNT001"], note="obf:bidi shipping-date notice with a discount code wrapped in bidi isolate/embedding controls")
