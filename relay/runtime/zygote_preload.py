"""Imported by the zygote alone, as its fork server's preload (relay.runtime.zygote.start).

The fork server takes module names, and runs what their import runs: here, the worker's code
(relay.runtime.server, with the console and the SMTP libraries), then the policy and the tables
judging needs, which `preload` freezes with everything imported before it.
"""

from __future__ import annotations

import os

from relay.runtime import (
    server,  # noqa: F401  (what a worker runs)
    zygote,
)

request = os.environ.pop(zygote.ENV, None)
if request is not None:
    zygote.preload(request)
