"""bsm-relay: an SMTP relay that keeps Amazon buyer-seller messages within the guidelines."""

__version__ = "0.1.0"
