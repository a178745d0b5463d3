"""One run at a time per output folder: two refreshes never interleave their writes."""

from __future__ import annotations

import fcntl
import os
import time
from contextlib import contextmanager
from pathlib import Path

LOCK = ".intervju.lock"


class Busy(RuntimeError):
    pass


@contextmanager
def locked(out: Path, wait: bool = True, on_wait=None):
    """Hold an exclusive lock on `out`. The lock dies with the process, so a killed run never leaves a
    stale lock behind."""
    path = Path(out) / LOCK
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode(errors="replace").strip() or "?"
            if not wait:
                raise Busy(f"another intervju run (pid {holder}) is writing to {out}; "
                           "try again when it has finished, or leave out --no-wait to wait for it") from None
            if on_wait:
                on_wait(holder)
            while True:
                try:
                    fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                    break
                except BlockingIOError:
                    time.sleep(0.2)
        os.ftruncate(fd, 0)
        os.pwrite(fd, str(os.getpid()).encode(), 0)
        yield
    finally:
        os.close(fd)
