# SPDX-License-Identifier: MIT
"""One writer per journal file: a QLockFile beside it, held while the window (or a command that writes) runs.

A lock left by a process that is no longer running (a crash, a kill) is recovered at once; a live one is never
taken over, however old.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLockFile


class JournalLocked(RuntimeError):
    """Another Journal has the file open; the message says which process."""


def lock_path(db_path: Path) -> Path:
    return db_path.parent / f"{db_path.name}.lock"


def acquire(db_path: Path) -> QLockFile:
    """Take the file's lock (keep the returned object alive while writing); JournalLocked if another has it."""
    db_path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    lock = QLockFile(str(lock_path(db_path)))
    lock.setStaleLockTime(0)  # never stale by age: only when its process is gone
    if lock.tryLock(200):
        return lock
    if lock.error() != QLockFile.LockError.LockFailedError:  # no one holds it: the lock file cannot be written
        raise JournalLocked(f"{db_path} cannot be opened for writing: its folder does not let Journal create "
                            f"{lock_path(db_path).name} (is the folder read-only?)")
    pid, host, _app = lock.getLockInfo()
    who = f" (process {pid} on {host})" if pid else ""
    raise JournalLocked(f"{db_path} is already open in another Journal{who}: close it there first")
