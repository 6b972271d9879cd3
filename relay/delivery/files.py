"""Files that survive a crash: written whole under a temporary name, fsync'd, renamed into place.

The quarantine and the maildir upstream answer `250` only after this returned, so a message is
on disk under its final name or not there at all; a reader never sees half a file.
"""

from __future__ import annotations

import os
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """Make a rename or a new file in `path` durable (the folder's entry, not the file's data)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_then_rename(tmp: Path, final: Path, data: bytes) -> None:
    """Write `data` to the new file `tmp` (mode 0600; it must not exist), fsync it, rename it to
    `final`. On any failure the temporary file is removed and the error raised."""
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            view = memoryview(data)
            while view:
                # os.write may write less than asked (a signal, a full disk on the way).
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
