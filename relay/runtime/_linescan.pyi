"""relay/runtime/_linescan.c: the DATA reader's per-chunk line scan, compiled."""

def scan(chunk: bytes | bytearray, /) -> tuple[int, int, int, int, int, int]:
    """(first, longest, last, crlf, lf, cr): relay.runtime.smtp_data.scan_in_python's answer."""
