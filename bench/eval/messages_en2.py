from build import M

M("101", "en-GB", "Re: Where's my parcel? Order {OID}", reply=True, mailer="gmail", body="""\
Hi Gemma,

Thanks for your message. Your parcel was handed to Evri yesterday afternoon and is due with you on
Thursday 26 November. You can keep an eye on it here:
https://www.evri.com/track/parcel/H01NZA0012345678

If you're out, the courier will leave it in your nominated safe place or with a neighbour.

Kind regards,
Priya
Customer Service, Oak & Ash

On Wed, 18 Nov 2026 at 18:02, Gemma Hughes <{ALIAS}> wrote:
> Hiya, any idea when my parcel will turn up? I'm away on Friday.
""", note="compliant British delivery-time answer with https Evri tracking link")

M("102", "en-US", "Your invoice for order {OID}", mailer="freshdesk", html="""\
<div style="font-size:14px">
<p>Hi Jessica,</p>
<p>Your itemized invoice for order {OID} is now available in your Amazon account. You can download
it from the order details page:
<a href="https://www.amazon.com/gp/your-account/order-details?orderID={OID}">View order details on Amazon</a></p>
<p>The invoice lists the sales tax separately, so you can use it for your business expenses.</p>
<p>Best regards,<br>Lumen Home Support</p>
</div>
""", note="compliant Freshdesk HTML invoice notice with an Amazon order-details link")

M("103", "en-GB", "How are you finding your new rug? Order {OID}", body="""\
Dear Customer,

We hope your new wool rug arrived safely and that the colour works well in your room.

If you have a moment, we'd be grateful if you could share your honest experience with other
customers by leaving a review on Amazon. Whether you loved it or think we could do better, every
review helps other shoppers decide.

https://www.amazon.co.uk/review/review-your-purchases/?asin=B0CRG8W2PL

Kind regards,
The Loom Room
""", note="compliant neutral British review request")

M("104", "en-US", "Re: Promo code for order {OID}?", reply=True, mailer="zendesk", body="""\
Hi Brandon,

Glad to hear the skillet is working out! We don't offer promo codes or coupons through Amazon
messaging, so there isn't one we can send you, sorry. The listing price is the same for everyone.

The matching lid is sold separately on Amazon as "Lumen Home Cast Iron Lid 10 inch".

Best,
Tyler

On Tue, Nov 17, 2026 at 6:12 PM Brandon <{ALIAS}> wrote:
> Love the skillet. Any promo code for a second one? Also is there a lid?
""", note="hard compliant: negated promo codes ('don't offer promo codes or coupons'); buyer's 'promo code' quoted")

M("105", "en-GB", "Re: Wool blanket care - order {OID}", reply=True, mailer="gmail", html="""\
<div dir="ltr">Hi Fiona,<div><br></div><div>Lovely to hear the blanket has arrived. To keep it soft, hand wash it
in lukewarm water with a wool detergent and dry it flat, away from the radiator. It shouldn't go
in the tumble dryer.</div><div><br></div><div>Best wishes,</div><div>Harriet</div></div><br>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Wed, 18 Nov 2026 at 10:44, Fiona Reid &lt;{ALIAS}&gt; wrote:<br></div>
<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">
I've already left you 5 stars, it's gorgeous! How do I wash it? And please unsubscribe me from
any newsletters, I don't want a discount code, I just want to know how to wash it. You can also
email me at fiona.reid@example.co.uk.
</blockquote></div>
""", note="hard compliant: '5 stars', 'unsubscribe', 'discount code' and an e-mail address only in the buyer's Gmail blockquote")

M("106", "en-US", "[Important] Safety recall for the charger in order {OID}", body="""\
Dear Customer,

The manufacturer of the USB-C wall charger you bought from us has issued a safety recall: a small
number of units can overheat. Please stop using the charger and unplug it now.

You can return it for a full refund, even after the normal return window, from your Amazon orders
page:
https://www.amazon.com/gp/css/order-history

We are sorry for the inconvenience.

Sincerely,
Voltique Electronics
""", note="hard compliant: [Important] on a product-safety recall (a critical message)")

M("107", "en-CA", "Scheduling the delivery of your sofa - order {OID}", mailer="outlook", body="""\
Hello Mr. Tremblay,

Your sofa is ready to leave our warehouse. Because it needs a two-person delivery, we'd like to
book a time with you. Please reply with the window that suits you best:

- Tuesday, November 24, 8 a.m. to noon
- Thursday, November 26, 1 p.m. to 5 p.m.

The colour is the charcoal grey you chose.

Kind regards,
Maple Living
""", note="compliant Canadian delivery-scheduling message")

M("108", "en-US", "Re: Espresso machine won't heat - {OID}", reply=True, mailer="outlook", body="""\
Hi Nicole,

Sorry the machine isn't heating up. It's covered by the manufacturer's two-year warranty, and the
fastest fix is their warranty line at 1-866-BREWPRO (1-866-273-9776): they'll send a prepaid
label and ship a replacement. You can also return it through your Amazon orders for a refund.

Regards,
Jennifer
Customer Support

From: Nicole Evans <{ALIAS}>
Sent: Wednesday, November 18, 2026 2:40 PM
To: support@shop.example
Subject: Espresso machine won't heat - {OID}

My espresso machine stopped heating after a week. What should I do?
""", codes=["CTC002"], warn=["CTC002"], note="manufacturer warranty line written with letters and digits: warn only; Outlook From/Sent block")

M("109", "en-GB", "Your order {OID}: the blue colour is out of stock", body="""\
Dear Mr Walker,

I'm sorry to say that the navy version of the throw you ordered was damaged in our warehouse, and
the next delivery from the mill isn't due until 2 December.

Would you prefer the charcoal one instead, or would you rather wait for the navy? If neither
suits you, just reply and we will cancel the order for you; you won't be charged anything.

Kind regards,
The Loom Room
""", note="hard compliant: fulfilment problem where the seller offers to cancel (not asking the buyer to cancel)")

M("110", "en-US", "Re: Please cancel order {OID}", reply=True, mailer="zendesk", body="""\
Hi Samantha,

No problem at all - we've cancelled the order as you asked, before it shipped. Amazon will release
the payment hold within a few days, so you won't be charged.

Best regards,
Lumen Home Support

On Wed, Nov 18, 2026 at 9:03 AM Samantha <{ALIAS}> wrote:
> Hi, I ordered the wrong size. Can you please cancel my order?
""", note="hard compliant: the seller reports that it cancelled (buyer's own request quoted)")

M("111", "en-US", "Share your thoughts on order {OID}", html="""\
<div>
<p><a href="https://www.lumenhome-shop.com/"><img src="https://cdn.lumenhome-shop.com/mail/logo.png" alt="Lumen Home" width="160" height="40"></a></p>
<p>Hello,</p>
<p>We hope the reading lamp is brightening your evenings. If you have a moment, would you share
your experience with other customers by reviewing it on Amazon?</p>
<p><a href="https://www.amazon.com/review/review-your-purchases/?asin=B0D7LMP2QA">Write a review on Amazon</a></p>
<p>Thank you,<br>Lumen Home</p>
</div>
""", codes=["IMG004"], note="neutral review request whose logo is wrapped in a link to the shop: the link wrapper is stripped")

M("112", "en-US", "A little thank-you for your review - order {OID}", mailer="freshdesk", body="""\
Hi there,

We hope you're enjoying your new air purifier!

Leave us a review on Amazon and we'll refund $10 to your card as a thank-you. Just reply with a
screenshot of your review once it's live.

Cheers,
PureAir Co.
""", codes=["CNT005"], note="review request with a refund incentive")

M("113", "en-GB", "Delivery update for order {OID}", html="""\
<div>
<p>Dear Customer,</p>
<p>Your bedding set will now reach you on Tuesday 24 November, a day later than planned, because of
a delay at Royal Mail's sorting office. Please accept our apologies.</p>
<div style="font-size:0;line-height:0;max-height:0;overflow:hidden">Exclusive: 20% off your next order with code SLEEP20 at checkout.</div>
<p>Kind regards,<br>Oak &amp; Ash</p>
</div>
""", body="""\
Dear Customer,

Your bedding set will now reach you on Tuesday 24 November, a day later than planned, because of
a delay at Royal Mail's sorting office. Please accept our apologies.

Kind regards,
Oak & Ash
""", codes=["CNT004"], note="obf:hidden delay notice; discount code in a zero-font-size block of the HTML only")

M("114", "en-US", "Your invoice for order {OID}", body="""\
Hello,

The invoice for order {OID} is now available in your Amazon account under Your Orders.

As a thank-you, use dis\u00adcount co\u00adde SAVE\u00ad15 for 15% off your next pur\u00adchase with us.

Best regards,
Lumen Home
""", codes=["CNT004"], note="obf:soft-hyphen invoice notice with soft hyphens inside 'discount code' and the code")

M("115", "en-US", "Return started for order {OID}", body="""\
Hi Kevin,

We saw that you started a return for the desk chair. Was something wrong with it, or did it just not
fit your space? If it arrived damaged, please send a photo to returns (at) lumenhome (dot) com so
we can check with the carrier.

Thanks,
Lumen Home
""", codes=["CTC001"], note="obf:at-dot return question with an e-mail written 'returns (at) lumenhome (dot) com'")

M("116", "en-GB", "Your thoughts on order {OID}", body="""\
Hello,

We hope you're pleased with your new kettle. If it's made your mornings a little easier, we'd be
ever so grateful for an f.i.v.e s.t.a.r r.e.v.i.e.w on Amazon. It means the world to a small
British business.

Warm regards,
Kettle & Co
""", codes=["CNT005"], note="obf:dotted review request asking for five stars, letters dotted apart")

M("117", "en-US", "Track the delivery of order {OID}", html="""\
<div>
<p>Hello,</p>
<p>Your standing desk ships in two boxes; the second one follows a day later because it comes from
a different warehouse. You can see the status of both boxes here:</p>
<p><a href="https://xn--mazon-3ve.com/gp/your-orders/{OID}">https://amazon.com/gp/your-orders/{OID}</a></p>
<p>Best regards,<br>Deskline</p>
</div>
""", codes=["LNK001"], note="obf:idn link text shows amazon.com, href is the punycode look-alike xn--mazon-3ve.com (Cyrillic а)")

M("118", "en-US", "Delay on order {OID}", mailer="freshdesk", body="""\
Hi Ashley,

Our supplier is running late, so your dining chairs will ship on November 23 instead of November
20. We're sorry for the wait.

Questions? Call us any time at 1-800-LUMEN-4U.

Best,
Lumen Home
""", codes=["CTC002"], optional=["CNT003"], note="obf:phone-letters delay notice with the seller's number spelled in letters (vanity number)")

M("119", "en-GB", "Re: Your feedback on order {OID}", reply=True, mailer="outlook", body="""\
Dear Mrs Thompson,

Thank you for letting us know about the scratch on the table top. As agreed, we've refunded
GBP 25.00 through Amazon.

Now that this is sorted, would you consider updating your seller feedback to reflect how we
resolved it? It would mean a lot to our small team.

Kind regards,
Helen

-----Original Message-----
From: Susan Thompson <{ALIAS}>
Sent: 18 November 2026 12:10
To: support@shop.example
Subject: Your feedback on order {OID}

Thanks for the partial refund.
""", codes=["CNT006"], note="British reply asking to update existing seller feedback")

M("120", "en-US", "Good news: order {OID} is on its way!", body="""\
Hi there,

Great news - your order has shipped! It's travelling with FedEx and should arrive in 2-3 business
days.

Track it here: https://www.fedex.com/fedextrack/?trknbr=771234567890

Thanks for shopping with us,
Deskline
""", codes=["CNT001"], optional=["CNT012"], note="shipping confirmation alone")

M("121", "en-US", "Save on your next order {OID}", mailer="zendesk", body="""\
Hi Melissa,

Thanks for ordering the yoga mat! Did you know you can save 15% by ordering directly from our own
website? Next time, skip the Amazon fees and shop at zenflowyoga.com.

Namaste,
ZenFlow
""", codes=["CNT007", "LNK001"], optional=["CNT004", "CNT012"], note="diverts future purchases to the seller's site (bare domain)")

M("122", "en-GB", "How did we do? Order {OID}", body="""\
Hello,

We hope your new teapot is serving you well. If you have a moment, please share your experience
by leaving a review on Amazon:
https://www.amazon.co.uk/review/review-your-purchases/?asin=B0B5TEA77K

Don't want to hear from us again? Reply STOP to unsubscribe from our messages.

Kind regards,
Kettle & Co
""", codes=["CNT008"], note="review request with unsubscribe text")

M("123", "en-US", "Quick favor about order {OID}", body="""\
Hello,

We hope you're enjoying your new blender. Would you take thirty seconds to tell other shoppers
what you think? Here's a direct link to the review page:

https://bit.ly/3LmnRvw

Thank you!
BlendPro
""", codes=["LNK003", "LNK001"], note="review request through a URL shortener")

M("124", "en-US", "Your warranty card for order {OID}", html="""\
<div>
<p><img src="https://cdn.lumenhome-shop.com/mail/logo.png" alt="Lumen Home - winter sale: code WINTER20 takes 20% off everything" title="Use code WINTER20 for 20% off" width="160" height="40"></p>
<p>Hello,</p>
<p>Your lamp comes with a two-year warranty. Please keep your Amazon order confirmation as proof of
purchase. Within those two years, any fault is repaired or the lamp is replaced.</p>
<p>Best regards,<br>Lumen Home</p>
</div>
""", body="""\
Hello,

Your lamp comes with a two-year warranty. Please keep your Amazon order confirmation as proof of
purchase. Within those two years, any fault is repaired or the lamp is replaced.

Best regards,
Lumen Home
""", codes=["CNT004"], note="obf:alt-title warranty notice; the coupon code is only in the logo's alt and title attributes")
