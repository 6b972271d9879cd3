from build import M

M("001", "en-GB", "Re: Broken glass in order {OID}", reply=True, crlf=True, body="""\
Hi Sarah,

I'm so sorry that one of the tumblers arrived broken. We've sent a replacement glass out this
morning by Royal Mail Tracked 48 and there is no need to return the broken one - please dispose
of it safely.

You can follow the replacement here:
https://www.royalmail.com/track-your-item#/tracking-results/JD123456789GB

Kind regards,
Tom
Customer Service

On Wed, 18 Nov 2026 at 09:14, Sarah <{ALIAS}> wrote:
> Hello, one of the six glasses from order {OID} was smashed when I opened the box.
> What can you do about it?
""", note="compliant reply: Royal Mail https tracking link, email only in quoted attribution line")

M("002", "en-GB", "How are you getting on with your order {OID}?", mailer="freshdesk", body="""\
Dear Customer,

We hope your new bamboo chopping board arrived safely.

If you're happy with your purchase, please leave us a 5-star review on Amazon - it really helps
a small business like ours!

https://www.amazon.co.uk/review/review-your-purchases/?asin=B0CX7Y2KQM

Best wishes,
The Oak & Ash team
""", codes=["CNT005"], note="review request asking for 5 stars only if happy")

M("003", "en-US", "RE: Question about order {OID}", reply=True, mailer="outlook", crlf=True, html="""\
<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head>
<body lang="EN-US" link="#0563C1" vlink="#954F72">
<div class="WordSection1">
<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif">Hi Michael,</span></p>
<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif">Yes, the replacement filter cartridges fit the model you bought. The pack includes two cartridges, and each lasts around two months with daily use.</span></p>
<p class="MsoNormal"><span style="font-size:11.0pt;font-family:&quot;Calibri&quot;,sans-serif">Best regards,<br>Jennifer</span></p>
<div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0in 0in 0in">
<p class="MsoNormal"><b>From:</b> Michael &lt;{ALIAS}&gt;<br><b>Sent:</b> Tuesday, November 17, 2026 4:02 PM<br><b>To:</b> support@shop.example<br><b>Subject:</b> Question about order {OID}</p>
</div>
<p class="MsoNormal">Do the replacement cartridges fit the jug I bought? How long does one last?</p>
</div></body></html>
""", codes=["STY002"], note="Outlook HTML reply with font-family overrides; content compliant; Outlook From/Sent block quoted")

M("004", "en-US", "Engraving text for your order {OID}", body="""\
Hello Emily,

Thank you for ordering the personalized cutting board. Before we engrave it, please confirm the
text and font:

Text: "The Millers - Est. 2019"
Font: Classic Serif (option 2 on the listing)

The engraving can't be changed once it's done, so please reply with "confirmed" or with any
corrections. As soon as we hear from you, the board goes into production.

Thanks,
Rachel
Oak & Ash Customization Team
""", note="compliant custom-design verification")

M("005", "en-US", "Delivery update for order {OID}", mailer="freshdesk", body="""\
Hi David,

Unfortunately our warehouse had a system outage on Monday, so your desk lamp will leave us two
days later than planned. We expect it to arrive by November 24. We apologize for the delay.

Once it has left us, you can follow it on UPS's website:
https://www.ups.com/track?loc=en_US&tracknum=1Z999AA10123456784

Regards,
Brian Walsh
Fulfillment Team | Lumen Home
Call us: +1 (555) 010-4477 (Mon-Fri 9am-5pm EST)
""", codes=["CTC002"], optional=["CNT003"], note="delay notice, seller phone number in signature ('Call us:' makes CNT003 arguable); UPS https link and 1Z tracking number compliant")

M("006", "en-GB", "Your VAT invoice for order {OID}", body="""\
Dear James,

Your VAT invoice for order {OID} has been uploaded to your Amazon account. You can download it
from the order details page:
https://www.amazon.co.uk/gp/your-account/order-details?orderID={OID}

Follow us on Instagram @oakandash_home for recipes and styling ideas!

Kind regards,
Oak & Ash
""", codes=["CNT004"], note="invoice message with 'follow us on Instagram'")

M("007", "en-US", "Re: Order {OID} - discount?", reply=True, mailer="gmail", body="""\
Hi Karen,

Thanks for getting in touch. I'm afraid we can't offer discount codes or coupons through Amazon
messages. The price on the listing is the same for every customer.

The spare lid you asked about is listed separately on Amazon as "Lumen Home Glass Lid 24cm".

Best,
Mark

On Tue, Nov 17, 2026 at 7:45 PM Karen <{ALIAS}> wrote:
> Love the pan! Do you have a coupon code for my next order? I'd also like a spare lid.
""", note="hard compliant: negation of coupons, buyer's quoted 'coupon'")

M("008", "en-GB", "Delay to your order {OID}", html="""\
<div style="margin:0;padding:0">
<p>Dear Olivia,</p>
<p>We're sorry, but your duvet cover set has been delayed at our courier's depot because of
the storms in the north of England. The courier now expects to deliver it by 23 November.</p>
<p>You can check the latest status on DPD's website:
<a href="https://track.dpd.co.uk/parcels/15501234567890">track your parcel</a></p>
<p>Kind regards,<br>Amy<br>Customer Care</p>
<img src="https://oakandash.zendesk.com/tracking/open/e5c2a9d1f0.gif" width="1" height="1" alt="" style="display:none">
</div>
""", codes=["IMG001"], optional=["IMG003"], note="Zendesk open-tracking pixel (1x1 hidden gif); the gif extension makes IMG003 arguable")

M("009", "en-US", "[Important] How was your order {OID}?", body="""\
Hello,

We hope you are enjoying your new air fryer. Would you take a moment to share your experience
with other customers by writing a review on Amazon?

https://www.amazon.com/review/review-your-purchases/?asin=B0D2KL8MNP

Thank you,
Lumen Home
""", codes=["CNT009"], note="[Important] on a review request (not critical)")

M("010", "en-GB", "Re: Kettle stopped working - {OID}", reply=True, mailer="outlook", body="""\
Dear Mr Patel,

I'm sorry to hear the kettle has stopped heating. As it's within the two-year manufacturer's
warranty, the quickest route is the manufacturer's warranty service line on 0345 601 2345; they
will arrange a collection and replacement. Alternatively, you can return it to us through your
Amazon orders page for a refund.

Kind regards,
Helen
Customer Service

-----Original Message-----
From: Raj Patel <{ALIAS}>
Sent: 18 November 2026 20:31
To: support@shop.example
Subject: Kettle stopped working - {OID}

The kettle I bought last week doesn't heat any more. What should I do?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty hotline: warn only; Outlook original-message block")

M("011", "en-US", "Return request for order {OID}", mailer="freshdesk", body="""\
Hi Laura,

We saw that you started a return for the ceramic planter. Could you tell us whether it arrived
damaged or whether it just wasn't the right size? If it was damaged, a photo would help us
improve our packaging.

Thanks,
Greenleaf Pots
Shop our full range of planters at www.greenleafpots.com
""", codes=["LNK001", "CNT004"], optional=["CNT007"], note="return question; signature promotes the seller's own web shop (bare domain)")

M("012", "en-GB", "Re: Missing screws - order {OID}", reply=True, mailer="gmail", body="""\
Hi Chris,

Sorry about that - the fixing kit should have been taped inside the top panel. We've posted a
new kit to you today by first class post, it should arrive within two working days.

If there's anything else we can help with, just let us know.

Thanks,
Dan

On Wed, 18 Nov 2026 at 21:02, Chris <{ALIAS}> wrote:
> The shelf unit came without the screws. Can you send them?
""", codes=["CNT003"], warn=["CNT003"], note="reply with an offer of further help: warning only")

M("013", "en-US", "Problem with your order {OID}", body="""\
Hello Steven,

We're very sorry, but the last unit of the espresso grinder you ordered was damaged in our
warehouse, and our supplier can't send new stock until January.

Please cancel the order from your Amazon account so that you are not charged.

Our apologies for the inconvenience,
Lumen Home
""", codes=["CNT010"], note="fulfilment problem, asks the buyer to cancel")

M("014", "en-US", "Re: Re: Re: order {OID}", reply=True, mailer="gmail", body="""\
Jason,

This is the fourth time you've asked the same thing. We're not idiots. The tracking shows the
parcel was delivered and signed for, so stop sending us this crap and take it up with USPS.

Mike

On Wed, Nov 18, 2026 at 11:20 PM Jason <{ALIAS}> wrote:
> Where is my package??? Answer me!!!
""", codes=["CNT011"], note="offensive language by a frustrated agent")

M("015", "en-GB", "[Important] Address problem with order {OID}", body="""\
Dear Ms Clarke,

Royal Mail has returned your parcel to us because the house number in the delivery address seems
to be missing (the label reads "Mill Lane, Hebden Bridge HX7 8AB").

Could you please check the address in your Amazon account and reply with the correct house
number? We will resend the parcel the same day.

Kind regards,
Oak & Ash Customer Service
""", note="hard compliant: [Important] on a critical shipping-address problem; postcode not a phone")

M("016", "en-US", "Share your experience with order {OID}", body="""\
Hello,

We hope the weighted blanket is helping you sleep well. If you have a moment, would you share
your experience with other shoppers by leaving a review on Amazon? Positive or negative, every
honest review helps.

https://www.amazon.com/review/review-your-purchases/?asin=B0C9WQ4ZXR

Best regards,
Lumen Home
""", note="compliant neutral review request with the Amazon review link")
