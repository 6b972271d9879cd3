"""Benchmark: bsm-relay against a no-filter aiosmtpd->aiosmtplib baseline and Postfix."""
