"""The way out: the upstream, the quarantine folder, and the MIME rewrite of what is forwarded."""
