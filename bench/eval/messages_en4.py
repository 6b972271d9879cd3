from build import M

# Fourth blind batch (813-884), English: 813-820. Written from docs/policy.md alone.

M("813", "en-US", "Re: Will order {OID} make it before Thanksgiving?", reply=True, mailer="gmail",
  html="""\
<div dir="ltr"><div>Hi Denise,</div><div><br></div>
<div>Good news on the roasting rack: USPS scanned it in Memphis last night and the current
estimate is Monday, November 23, so it should be with you before the holiday. The live status
is here:</div>
<div><a href="https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677">USPS tracking 9400 1118 9922 3344 5566 77</a></div>
<div><br></div>
<div>If it does slip past Wednesday, we won't be able to refund the shipping ourselves, but the
Amazon A-to-z guarantee still covers the order.</div>
<div><br></div><div>Cheers,</div><div>Paula</div></div><br>
<div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Wed, Nov 18, 2026 at 6:12 PM Denise &lt;{ALIAS}&gt; wrote:<br></div>
<blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex">
I need the rack for Thursday. Will order {OID} arrive in time? If not, call me at (312) 555-0147
or text me, and I want a discount for the delay.</blockquote></div>
""", optional=["STY002"], note="compliant reply answering the buyer's own delivery question: USPS https link, tracking digits; "
     "negated refund; phone number and 'discount' only in the buyer's gmail_quote")

M("814", "en-GB", "[Important] Safety notice: USB-C cable supplied with your baby monitor ({OID})",
  mailer="outlook", crlf=True, body="""\
Dear Mrs Okafor,

The manufacturer of the baby monitor you bought from us (order {OID}) has told us that a small
batch of the supplied USB-C charging cables can overheat at the connector. Your parcel came from
that batch.

Please stop using the supplied cable straight away. The monitor itself is not affected and can
be charged safely with any other USB-C cable rated for 3 A.

We will post you a replacement cable free of charge; you do not need to send anything back.
If you would rather have a full refund for the monitor, you can start a return from your orders
page at any time before 31 January 2027:
https://www.amazon.co.uk/gp/css/order-history

We apologise for the inconvenience.

Yours sincerely,
Gareth Hughes
Product Safety, Brightnest Baby
""", note="compliant: [Important] on a product-safety notice (critical message); Amazon order-history link; "
     "no contact line")

M("815", "en-CA", "Invoice for order {OID}", mailer="freshdesk", body="""\
Hello Mr. Tremblay,

As requested at checkout, the invoice for your snow blower cover is now attached to the order in
your Amazon account (Your Orders > Invoice).

Invoice no.: NW-2026-11-04417
Invoice date: 2026-11-12
Subtotal: CAD 64.99
GST/HST (13%): CAD 8.45
Total: CAD 73.44

Northwind Outdoor Supply Ltd.
1180 Dundas Street West, Toronto, ON M6J 1X6
GST/HST Reg. No. 81234 5678 RT0001
Corporation No. 1234567-8
""", note="compliant invoice notice with legal footer: GST/HST and corporation numbers after their labels "
     "(not phones), postal code and address")

M("816", "en-GB", "Re: Refill pads for order {OID}", reply=True, mailer="zendesk", html="""\
<p>Hello Niamh,</p>
<p>Thanks for your message about the floor mop. The refill pads are sold only through Amazon;
we don't have a shop of our own and we can't take a bank transfer or PayPal payment outside
Amazon, so please order any extra pads there as usual.</p>
<p>The two pads that came with order {OID} can go in the washing machine at 60 degrees up to
about 100 times, so you may not need more for a while.</p>
<p>All the best,<br>Rowan<br>Clearfloor Support</p>
<blockquote>
<p>Niamh wrote on 18 Nov 2026, 21:47:</p>
<p>Can I buy the refill pads straight from your website and pay by PayPal? It would be cheaper
than Amazon I'm sure.</p>
</blockquote>
""", note="compliant reply: negated off-Amazon buying/payment (CNT007 near-miss); 'website' and 'PayPal' "
     "in the buyer's quoted blockquote")

M("817", "en-US", "A quick favor about order {OID}", mailer="gmail", body="""\
Hi there,

Your trail camera should have reached you a few days ago. We'd love to hear what you think!

Here's our thank-you offer: post a review of the camera on Amazon, reply to this email with a
screenshot of it, and we'll send you a $10 Amazon gift card within 48 hours.

https://www.amazon.com/review/create-review?asin=B0DTR4CAM9

Happy trails,
Ridgeback Optics
""", codes=["CNT005"], note="review request with a gift-card incentive for posting it")

M("818", "en-GB", "RE: Hiking boots - order {OID}", reply=True, mailer="outlook", body="""\
Hi Craig,

Glad to hear the replacement pair in size 10 fits properly and the sole is holding up.

Since the original problem has now been sorted, would you mind going back to the 2-star review
you left last week and bringing it up to reflect how things turned out? It makes a real
difference to a small workshop like ours.

Many thanks,
Isla
Fellgate Footwear

-----Original Message-----
From: Craig <{ALIAS}>
Sent: 18 November 2026 19:05
To: support@shop.example
Subject: Hiking boots - order {OID}

The new boots came today, much better fit than the first pair.
""", codes=["CNT006"], note="reply asking the buyer to raise an existing 2-star review")

M("819", "en-US", "New delivery date for order {OID}", html_only=True, mailer="zendesk", html="""\
<html><body>
<p>Hi Marcus,</p>
<p>The heavy-duty grill cover you ordered is back-ordered at our distribution center after a
forklift damaged the pallet. We now expect it to leave on November 24 and reach you about three
days later.</p>
<p>If that date doesn't work for you, call our order desk at 1-888-GRILL-4U and we'll sort it
out.</p>
<p>Sorry for the wait,<br>Emberline Outdoor</p>
</body></html>
""", codes=["CTC002", "CNT003"], note="obf:phone-letters seller phone written with letters (1-888-474-5548) "
     "in a delay notice; 'if that doesn't work, call us' is a contact-us line")

M("820", "en-CA", "Warranty registration for order {OID}", mailer="zendesk", body="""\
Hello Aisha,

Your electric snow shovel comes with a 3-year limited warranty. To register it, keep your
Amazon order number ({OID}) and the serial number on the underside of the motor housing; no
other paperwork is needed.

Winter is coming early this year: take 15% off our ice scraper and the spare battery with
code FROSTBITE15 at checkout.

Warm regards,
Northwind Outdoor Supply
""", codes=["CNT004"], note="warranty message with a discount code for other products")
