from build import M

# Fourth blind batch, Japanese: 853-860. Written from docs/policy.md alone.

M("853", "ja", "Re: ご注文 {OID} のお届け日について", reply=True, mailer="gmail", qp=True, body="""\
佐藤様

お問い合わせいただきありがとうございます。
ご注文の電気ケトル用の替えフタは、ヤマト運輸にて配送中で、明日11月20日の午前中にお届け予定です。
配送状況は下記のページでご確認いただけます。
https://toi.kuronekoyamato.co.jp/cgi-bin/tneko?number00=1&number01=482910375566

よろしくお願いいたします。
暮らしの道具 いろは
吉田

2026年11月18日(水) 21:05 佐藤 <{ALIAS}>:
> 注文した替えフタはいつ届きますか？週末に使いたいので教えてください。
""", note="compliant reply to the buyer's own delivery question, Yamato https tracking link; Gmail "
     "Japanese attribution line with quoted text")

M("854", "ja", "ご注文 {OID} の適格請求書について", mailer="zendesk", body="""\
お客様

このたびはご注文いただき誠にありがとうございます。
ご注文 {OID}（ステンレス製保温ボトル 500ml）の適格請求書を、Amazonアカウントの「注文履歴」から
ダウンロードいただけるようにいたしました。

請求書番号：INV-20261112-0341
発行日：2026年11月12日
合計：3,280円（うち消費税10%：298円）

株式会社みなと工房
〒104-0061 東京都中央区銀座四丁目1番2号
登録番号：T4010001234567
""", note="compliant invoice notice with qualified-invoice registration number T + 13 digits and postal "
     "code (not phones)")

M("855", "ja", "[Important] モバイルバッテリーの安全に関する重要なお知らせ（ご注文 {OID}）",
  mailer="outlook", body="""\
お客様

ご注文 {OID} でお買い上げいただいたモバイルバッテリー（型番 MB-10K）について、製造元より、
一部の製造ロットで充電中に異常発熱するおそれがあるとの連絡がありました。
お客様にお届けした製品は対象ロットに含まれております。

安全のため、直ちにご使用と充電を中止してください。
代替品を無償でお送りいたしますので、お手元の製品はAmazonの注文履歴から返品手続きを
していただければ、返送料はかかりません。

ご迷惑をおかけし、誠に申し訳ございません。
株式会社ライトチャージ 品質保証部
""", note="compliant: [Important] on a product-safety warning (critical message); no contact line")

M("856", "ja", "Re: レビューについて（ご注文 {OID}）", reply=True, mailer="outlook", body="""\
山本様

この度はご不便をおかけし、申し訳ございませんでした。
不良のあった加湿器につきましては、本日Amazonを通じて全額返金の手続きを完了いたしました。
返品も不要です。

なお、すでに投稿されたレビューの変更や削除をお願いすることはございません。
率直なご意見として、今後の品質改善に活かしてまいります。

ミストライフ カスタマーサポート
中村

-----Original Message-----
From: 山本 <{ALIAS}>
Sent: Wednesday, November 18, 2026 8:15 PM
Subject: レビューについて（ご注文 {OID}）

星1つのレビューを書きました。返金してくれたらレビューを消してもいいです。
""", note="compliant reply: negated request to change or delete a review (CNT006 near-miss); the "
     "seller reports the refund it made; the buyer's offer only in the quoted block")

M("857", "ja", "ご注文 {OID} の商品について", html_only=True, mailer="zendesk", html="""\
<html><body>
<p>お客様</p>
<p>先日は木製スパイスラックをお買い上げいただき、ありがとうございます。組み立て方法は同梱の説明書をご覧ください。</p>
<p>次回からは当店の公式オンラインストア（ｗｗｗ．ｋａｇｕ－ｍｏｒｉ．ｊｐ）でご購入いただくと、全商品１０％ＯＦＦ・送料無料でお届けします。</p>
<p>家具の森</p>
</body></html>
""", codes=["CNT007", "LNK001", "CNT004"], optional=["CNT012"], note="obf:compat full-width web address of the seller's own shop, "
     "buying there with a 10% discount")

M("858", "ja", "ご注文 {OID} のレビューのお願い", mailer="zendesk", body="""\
お客様

先日お届けしたワイヤレスイヤホンはいかがでしょうか。
商品にご満足いただけましたら、ぜひ星5つのレビューをお願いいたします。
小さなお店にとって、高評価が何よりの励みになります。

https://www.amazon.co.jp/review/create-review?asin=B0DEARPH55

オトノハ オーディオ
""", codes=["CNT005"], note="review request asking for five stars if satisfied")

M("859", "ja", "Re: 追加注文について（ご注文 {OID}）", reply=True, mailer="gmail", body="""\
小林様

お問い合わせありがとうございます。
同じ柄の手ぬぐいの追加注文でしたら、当店のLINE公式アカウント（ID：@tenugui_kobo）から
ご注文いただけます。お支払いは銀行振込でも承ります。

手ぬぐい工房 そめや

2026年11月18日(水) 14:22 小林 <{ALIAS}>:
> 同じ柄の手ぬぐいをあと3枚ほしいのですが、注文できますか？
""", codes=["CNT007"], optional=["CNT004"], note="reply naming a LINE account for ordering and bank transfer "
     "for paying outside Amazon; selling more of the product makes CNT004 arguable")

M("860", "ja", "ご注文 {OID} の発送遅延のお詫び", mailer="freshdesk", body="""\
お客様

ご注文いただいた土鍋（9号）は、窯元からの入荷が遅れており、お届けが11月26日頃になる見込みです。
ご迷惑をおかけして申し訳ございません。

※今後、当店からのお知らせメールが不要な場合は、件名に「配信停止」と書いてご返信ください。

陶器の店 やまぶき
""", codes=["CNT008"], note="delay notice with an unsubscribe instruction in the body")
