from build import M

# Third blind batch (901-999), written from docs/policy.md alone. English: 901-910.

M("901", "en-CA", "Booking a delivery window for order {OID}", body="""\
Hello Daniel,

Your three-seat sofa is ready to leave our Mississauga warehouse. Because it travels on a pallet,
the courier needs someone at home to receive it and can't leave it at the door.

Please reply with the window that suits you best:

1. Tuesday, November 24, 8 a.m. to noon
2. Wednesday, November 25, 1 p.m. to 5 p.m.
3. Friday, November 27, 8 a.m. to noon

Once the window is booked, you can follow the shipment on Purolator's site with PIN 335123456789:
https://www.purolator.com/en/shipping/tracker?pin=335123456789

Regards,
Priya
Northway Furniture, Delivery Desk
""", note="compliant delivery scheduling (en-CA): Purolator https tracking link, 12-digit PIN and dates are not phone numbers")

M("902", "en-GB", "RE: Second cushion cover - order {OID}", reply=True, mailer="outlook", crlf=True, body="""\
Dear Ms Okafor,

As you asked, I've cancelled the second cushion cover, which we no longer have in the ochre
colour, and refunded £14.99 to your original payment method through Amazon. Banks usually show
the refund within three to five working days.

Kind regards,
Graham
Customer Service

-----Original Message-----
From: Ngozi Okafor <{ALIAS}>
Sent: 18 November 2026 19:47
To: support@shop.example
Subject: Second cushion cover - order {OID}

Please cancel the second cover if you can't send it this week, otherwise I'll have to leave a
bad review. I'd rather have my money back.
""", note="compliant reply: the seller reports a cancellation and a refund it made (not asking the buyer to cancel); 'bad review' only in the quoted Outlook block")

M("903", "en-US", "A quick question about order {OID}", mailer="freshdesk", html_only=True, html="""\
<html><body>
<p>Hi there,</p>
<p>Your walnut desk organizer was delivered a few days ago. When you have had some time with it,
would you consider writing a review on Amazon? Other shoppers rely on honest accounts, so please
tell them what you actually think, whatever that turns out to be.</p>
<p><a href="https://www.amazon.com/review/review-your-purchases/?asin=B0DF4TQ21K">Write a review on Amazon</a></p>
<p>Best,<br>Harbor &amp; Pine</p>
</body></html>
""", note="compliant neutral review request, HTML-only Freshdesk message with one Amazon review link")

M("904", "en-GB", "Your VAT invoice - order {OID}", mailer="freshdesk", body="""\
Dear Mr Hughes,

We have uploaded the VAT invoice for order {OID} (invoice no. INV-2026-118204) to your Amazon
account. You will find it under "Your Orders", next to the order, by choosing "Invoice".

Yours sincerely,
Accounts team

--
Oak & Ash Home Ltd. Registered in England and Wales, company number 09876543.
Registered office: 14 Canal Wharf, Leeds LS11 5PS. VAT registration number GB 284 6613 72.
""", note="compliant invoice notice with a UK legal footer: company number, postcode and spaced VAT number are not phone numbers")

M("905", "en-US", "Re: Can I pay you directly? Order {OID}", reply=True, mailer="gmail", body="""\
Hi Marcus,

Thanks for asking first. We aren't able to take payments outside Amazon, by PayPal or otherwise,
and we can't knock anything off the price that way either. If you'd like a second rug in the same
size, it has to be ordered through Amazon like the first one.

On your other question: the rug is 5 x 8 ft and the pile is about half an inch high.

Cheers,
Jenna

On Wed, Nov 18, 2026 at 6:12 PM Marcus <{ALIAS}> wrote:
> I want another one of these rugs. Can I just PayPal you and skip Amazon's cut? You could give
> me 20% off then. Call me at (555) 201-3344 if that's easier.
""", note="compliant reply: negated off-Amazon payment and discount; buyer's phone, PayPal and discount only in the Gmail quote")

M("906", "en-US", "Good news about order {OID}!", body="""\
Hi Angela,

Good news - your order has shipped! Your ceramic dinner set left our warehouse this morning with
USPS and should be with you in 3-4 business days.

Track it here: https://tools.usps.com/go/TrackConfirmAction?tLabels=9400111899223344556677

If you have any questions or problems at all, don't hesitate to reach out to us. We're always
happy to help!

Warmly,
The Claybrook team
""", codes=["CNT001", "CNT003"], note="proactive shipping confirmation with a contact-us-if-problems line (USPS link itself is fine)")

M("907", "en-GB", "Re: Wrong size duvet - order {OID}", reply=True, mailer="gmail", body="""\
Hi Fiona,

Sorry the duvet turned out to be a single rather than a double. You can send it back through
your Amazon orders page and we'll refund it as soon as it arrives.

For anything to do with the exchange, it's quicker to write to our returns desk directly at
returns (at) oakandash (dot) co (dot) uk - they reply within the hour.

Best wishes,
Sam

On Wed, 18 Nov 2026 at 08:55, Fiona <{ALIAS}> wrote:
> I ordered a double duvet and got a single. How do I swap it?
""", codes=["CTC001"], optional=["LNK001"], note="obf:at-dot email address '(at) ... (dot)' in a reply; its domain as a bare domain is arguable for LNK001")

M("908", "en-US", "How is your new coffee grinder? Order {OID}", mailer="freshdesk", html_only=True, html="""\
<html><body>
<p>Hello Kevin,</p>
<p>We hope the burr grinder is treating you well. If you have a minute, we'd be grateful for an
honest review on Amazon, good or bad:</p>
<p><a href="https://reviews.harborpine-coffee.example/r/{OID}">https://www.amazon.com/review/review-your-purchases/?asin=B0C88GR1ND</a></p>
<p>Thanks,<br>Harbor &amp; Pine Coffee</p>
</body></html>
""", codes=["LNK001"], note="obf:link-mismatch the visible text is an Amazon review URL but the href goes to the seller's own host; wording neutral")

M("909", "en-CA", "Your opinion on order {OID}", mailer="zendesk", body="""\
Hi Melissa,

We hope your insulated winter boots have been keeping your feet warm. Would you share your
experience with other shoppers by writing a review on Amazon?

https://www.amazon.ca/review/review-your-purchases/?asin=B0BW7TRK9X

As a thank-you, everyone who posts a review this month is entered into our draw for a $50 gift
card.

All the best,
Maple Trail Outfitters
""", codes=["CNT005"], optional=["CNT004"], note="review request with an incentive (gift card draw for reviewers); the draw as promotion is arguable for CNT004")

M("910", "en-GB", "Caring for your linen bedding - order {OID}", mailer="zendesk", headers=[
    ("List-Unsubscribe", "<https://mail.oakandash.example/unsubscribe?u=8812>"),
    ("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"),
], body="""\
Hello Hannah,

A few tips to keep your new linen duvet set soft: wash it at 40 degrees, skip the fabric softener
and tumble dry on low.

Join our newsletter and get 10% off your next order, plus first look at our seasonal collections.

To stop receiving these emails, unsubscribe here:
https://mail.oakandash.example/unsubscribe?u=8812

Oak & Ash
""", codes=["CNT004", "CNT008", "LNK001", "ENV004"], optional=["CNT012"], note="marketing-tool message: newsletter discount, unsubscribe text and link, List-Unsubscribe headers; care tips as a purpose are arguable for CNT012")
