from build import M

M("068", "ja", "Re: 配送状況について（注文番号 {OID}）", reply=True, mailer="gmail", body="""\
山田様

お問い合わせありがとうございます。
ご注文の商品はヤマト運輸にてお届け中です。配送状況は以下のページでご確認いただけます。
https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=483012345678

明日の午前中にお届け予定となっております。

日本ショップ カスタマーサービス
佐藤

2026年11月17日(火) 10:15 山田太郎 <{ALIAS}>:
> 注文した商品がまだ届きません。いつ届きますか？
""", note="compliant reply with https Yamato tracking link")

M("069", "ja", "商品レビューのお願い（注文番号 {OID}）", crlf=True, body="""\
お客様

この度は当店の商品をご購入いただき、誠にありがとうございます。
商品はお手元に届きましたでしょうか。

お使いになったご感想を、他のお客様のためにAmazonのレビューとしてご投稿いただけますと幸いです。
https://www.amazon.co.jp/review/review-your-purchases/?asin=B0B7KX3N2P

日本ショップ
""", note="compliant neutral review request")

M("070", "ja", "ご購入ありがとうございます（注文番号 {OID}）", mailer="freshdesk", body="""\
お客様

この度はご購入いただき、誠にありがとうございます。
商品にご満足いただけましたら、ぜひ★5の評価をお願いいたします。
皆様のレビューが当店の励みになります。

日本ショップ
""", codes=["CNT005"], note="review request asking for 5 stars if satisfied")

M("071", "ja", "Re: 使い方について（注文番号 {OID}）", reply=True, mailer="zendesk", body="""\
鈴木様

お問い合わせありがとうございます。
タイマーは電源ボタンを3秒間長押しすると設定画面に切り替わります。

その他ご不明な点がございましたら、お気軽にお問い合わせください。

日本ショップ カスタマーサービス
高橋

> タイマーの設定方法がわかりません。
""", codes=["CNT003"], warn=["CNT003"], note="reply with a closing offer of further help: warning only")

M("072", "ja", "発送遅延のお詫び（注文番号 {OID}）", body="""\
お客様

ご注文いただいた商品につきまして、仕入れ先からの入荷が遅れているため、発送が2日ほど遅れる
見込みです。11月21日に発送予定です。ご迷惑をおかけし、誠に申し訳ございません。
ご不明な点がございましたら、お気軽にお問い合わせください。

日本ショップ
TEL: 03-1234-5678（平日10:00〜17:00）
""", codes=["CTC002", "CNT003"], note="proactive delay notice with a contact-us line and the seller phone in the signature")

M("073", "ja", "領収書について（注文番号 {OID}）", body="""\
お客様

ご注文いただいた商品の領収書は、Amazonの注文履歴から発行いただけます。
https://www.amazon.co.jp/gp/your-account/order-details?orderID={OID}

※宛名は発行時にご自由に入力いただけます。

日本ショップ
""", note="compliant invoice/receipt message with Amazon order link; ※ is not an emoji")

M("074", "ja", "領収書発行のご案内（注文番号 {OID}）", body="""\
お客様

ご注文の領収書は、Amazonの注文履歴からダウンロードいただけます。

【ご購入者様限定】次回のお買い物で使える10%OFFクーポンコード：THANKS10

日本ショップ
""", codes=["CNT004"], note="invoice message with a coupon code")

M("075", "ja", "Re: 色違いについて（注文番号 {OID}）", reply=True, mailer="gmail", body="""\
中村様

お問い合わせありがとうございます。
お届けした商品はネイビーで間違いございません。照明の加減で黒っぽく見える場合がございます。

日本ショップ カスタマーサービス
伊藤

2026年11月18日(水) 14:02 中村 <{ALIAS}>:
> 届いた商品が黒に見えるのですが、ネイビーで合っていますか？
""", note="compliant reply")

M("076", "ja", "名入れ内容のご確認（注文番号 {OID}）", body="""\
お客様

この度は名入れタンブラーをご注文いただきありがとうございます😊
名入れの文字は「Hanako」でよろしいでしょうか。

加工後は変更ができませんので、内容をご確認のうえご返信ください。

日本ショップ
""", codes=["STY001"], note="customization question with an emoji")

M("077", "ja", "Re: クーポンについて（注文番号 {OID}）", reply=True, mailer="zendesk", body="""\
小林様

お問い合わせありがとうございます。
申し訳ございませんが、当店ではクーポンの発行は行っておりません。

日本ショップ カスタマーサービス

> 次回使えるクーポンはありますか？
""", note="hard compliant: negated coupon, buyer's quoted 'クーポン'")

M("078", "ja", "商品発送の遅れについて（注文番号 {OID}）", body="""\
お客様

ご注文の商品は、メーカーからの入荷遅れにより発送が11月22日になる見込みです。
ご迷惑をおかけして申し訳ございません。

なお、次回からは当店の公式サイト https://www.nihon-shop.jp でご購入いただくと送料無料でお届けします。

日本ショップ
""", codes=["CNT007", "LNK001"], optional=["CNT004"], note="delay notice that diverts future purchases to the seller's own site")

M("079", "ja", "配達日時のご確認（注文番号 {OID}）", html="""\
<div>
<p>お客様</p>
<p>ご注文の冷蔵庫は大型商品のため、配達日時のご指定が必要です。<br><br><br>
<span style="color:#d0021b">11月24日〜11月28日の間でご希望の日時をご返信ください。</span></p>
<p>日本ショップ</p>
</div>
""", codes=["STY002"], note="delivery scheduling with three line breaks and a colour override")

M("080", "ja", "配達日時のご相談（注文番号 {OID}）", body="""\
お客様

ご注文の商品は日本郵便にてお届けしておりますが、ご不在のため持ち戻りとなっております。
再配達のお日にちは、以下の日本郵便のページからご指定いただけます。
https://trackings.post.japanpost.jp/services/srv/search/?requestNo1=123456789012

日本ショップ
""", note="compliant delivery scheduling with https Japan Post link")
