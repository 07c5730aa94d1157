# SPDX-License-Identifier: MIT
"""Looking at a journal file without writing to it, and the one refusal of a file from a newer Journal."""

from __future__ import annotations

import sqlite3
from pathlib import Path


class DatabaseTooNew(RuntimeError):
    """The file was written by a newer Journal; it is left untouched."""

    @classmethod
    def of(cls, where: Path | str, version: int, known: int) -> DatabaseTooNew:
        return cls(
            f"{where} has schema version {version}; this Journal knows versions up to {known}. "
            "Open it with a newer Journal."
        )


def read_only(source: Path) -> sqlite3.Connection:
    """A read-only connection to a journal file that is not open here. When no other program has it open (no
    write-ahead log beside it), it is read as immutable, so not even an empty log is left behind."""
    closed = not Path(f"{source}-wal").exists()
    return sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro{'&immutable=1' if closed else ''}", uri=True)
