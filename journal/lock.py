# SPDX-License-Identifier: MIT
"""One writer per journal file: a QLockFile beside it, held while the window (or a command that writes) runs.

A lock left by a process that is no longer running (a crash, a kill) is recovered at once; a live one is never
taken over, however old. A lock file that names no process (empty or garbage, left by a crash while it was being
written) is taken over once it has stayed so for a moment. The lock belongs to the real file: a symbolic link to a
journal (or a folder link on the way to it) takes the same lock as the journal's own name.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Qt is loaded when a lock is taken, not by a command that only reads
    from PySide6.QtCore import QLockFile


class JournalLocked(RuntimeError):
    """Another Journal has the file open; the message says which process."""


def real_path(db_path: Path) -> Path:
    """The file a name leads to, every symbolic link on the way followed."""
    return Path(os.path.realpath(db_path))


def lock_path(db_path: Path) -> Path:
    real = real_path(db_path)
    return real.parent / f"{real.name}.lock"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


def acquire(db_path: Path) -> QLockFile:
    """Take the file's lock (keep the returned object alive while writing); JournalLocked if another has it."""
    db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    real_path(db_path).parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = _take(db_path)
    if _identity(db_path) != _identity(real_path(db_path)):  # a link changed while the lock was being taken
        lock.unlock()
        raise JournalLocked(f"{db_path} changed (a link now leads elsewhere) while Journal was opening it: try again")
    return lock


def _take(db_path: Path) -> QLockFile:
    from PySide6.QtCore import QLockFile

    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    if lock.tryLock(200):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:  # no one holds it: the lock file cannot be written
        raise JournalLocked(
            f"{db_path} cannot be opened for writing: its folder does not let Journal create "
            f"{lock_path(db_path).name} (is the folder read-only?)"
        )
    pid, host, _app = lock.getLockInfo()
    if not pid and _unreadable_for_a_while(lock_path(db_path)) and lock.tryLock(200):
        return lock
    pid, host, _app = lock.getLockInfo()
    who = f" (process {pid} on {host})" if pid else ""
    raise JournalLocked(f"{db_path} is already open in another Journal{who}: close it there first")


def _unreadable_for_a_while(path: Path, wait_s: float = 1.0) -> bool:
    """Whether the lock file still names no process after `wait_s` (a Journal writing its lock takes microseconds):
    then no process holds it, and it is removed so that the lock can be taken."""
    from PySide6.QtCore import QLockFile

    seen = _identity(path)
    deadline = time.monotonic() + wait_s
    while time.monotonic() < deadline:
        time.sleep(0.1)
        if _identity(path) != seen or QLockFile(str(path)).getLockInfo()[0]:
            return False  # written meanwhile, or replaced: someone holds it
    if _identity(path) != seen:
        return False
    path.unlink(missing_ok=True)
    return True
