# SPDX-License-Identifier: MIT
"""Backups through SQLite's online backup API, into a `backups` folder beside the journal file."""

from __future__ import annotations

import os
import sqlite3
from datetime import datetime
from pathlib import Path

from peewee import SqliteDatabase


def backup_dir(db_path: Path) -> Path:
    return db_path.parent / "backups"


def backup_to(db: SqliteDatabase, db_path: Path, reason: str) -> Path:
    """Copy the open database to `backups/<name>-<time>-<reason>.sqlite`, readable by the user only."""
    folder = backup_dir(db_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"{db_path.stem}-{stamp}-{reason}.sqlite"
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    os.close(fd)
    dest = sqlite3.connect(target)
    try:
        db.connection().backup(dest)
    finally:
        dest.close()
    return target


def snapshot(source: Path, target: Path) -> None:
    """Copy a journal file that is not open here, read-only, through the online backup API. When no other program
    has it open (no write-ahead log beside it), it is read as immutable, so not even an empty log is left behind."""
    closed = not Path(f"{source}-wal").exists()
    reader = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro{'&immutable=1' if closed else ''}", uri=True)
    writer = sqlite3.connect(target)
    try:
        reader.backup(writer)
    finally:
        writer.close()
        reader.close()
