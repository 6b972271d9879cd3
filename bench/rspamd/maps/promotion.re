# CNT004: promotion words, one regular expression a line (rspamd's /pattern/flags form).
# English
/\b(coupon|voucher|discount|promo(tion(al)?)? ?code|\d+ ?% off|special offer|exclusive offer|flash sale|newsletter|follow us|like us on|loyalty (program|points|club)|refer a friend|our (other|new) products|check out our)\b/i
# German
/\b(gutschein(code)?|rabatt(code|aktion)?|\d+ ?% (rabatt|nachlass)|sonderangebot|aktionscode|folgen sie uns|newsletter|treuepunkte|kundenkarte|unsere (anderen|weiteren|neuen) produkte|empfehlen sie uns)\b/iu
# French
/\b(code promo|bon de r(é|e)duction|r(é|e)duction de \d+|remise|offre sp(é|e)ciale|suivez-nous|lettre d.information|nos autres produits)\b/iu
# Italian
/\b(codice sconto|coupon|buono sconto|sconto del|offerta speciale|seguici|i nostri altri prodotti)\b/iu
# Spanish
/\b(c(ó|o)digo de descuento|cup(ó|o)n|descuento del|oferta especial|s(í|i)guenos|nuestros otros productos)\b/iu
# Japanese
/(クーポン|割引コード|割引|セール|フォローして|メルマガ)/u
