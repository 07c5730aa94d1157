# SPDX-License-Identifier: MIT
"""Opening the journal file: the one function the app, the command line and the tests all use."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path
from typing import Any

import peewee
from peewee import SqliteDatabase

from journal.domain.catalogue import read_catalogue
from journal.domain.names import name_key
from journal.resources import resource_path
from journal.storage.backup import backup_to
from journal.storage.files import DatabaseTooNew, read_only
from journal.storage.migrations import SCHEMA_VERSION, migrate, schema_version
from journal.storage.models import db

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",  # with WAL: durable at each checkpoint, never corrupt
    "cache_size": -8000,  # 8 MB a connection: scans of a large journal stay out of memory
    "busy_timeout": 5000,
}
SQLITE_MAGIC = b"SQLite format 3\x00"


STORAGE_ERRORS = (sqlite3.Error, peewee.DatabaseError)  # what a failed read or write raises (disk full, locked…)


def storage_reason(error: BaseException) -> str:
    """Why a write failed, in plain words with SQLite's after them. When SQLite has already rolled back (a full disk
    does), the ROLLBACK that follows fails with 'no transaction is active' and hides the cause: the cause, found
    along the chain of errors, is reported instead."""
    found: BaseException | None = error
    while found is not None and "no transaction is active" in str(found):
        found = found.__context__
    cause = found if isinstance(found, STORAGE_ERRORS) else error
    words = str(cause)
    for sqlite_says, plain in _PLAIN_REASONS:
        if sqlite_says in words:
            return f"{plain} ({words})"
    return words


_PLAIN_REASONS = (
    ("database or disk is full", "the disk is full"),
    ("disk I/O error", "the file cannot be written: the disk may be full"),
    ("readonly database", "the file cannot be written: it is read-only"),
)


class JournalFileGone(peewee.OperationalError):
    """The journal file was deleted, or another file put in its place, while it was open: nothing is written."""


def file_identity(path: Path | str) -> tuple[int, int] | None:
    """(device, inode) of the file at `path`, None when there is none: the same name may come to be another file."""
    try:
        found = os.stat(path)
    except OSError:
        return None
    return found.st_dev, found.st_ino


class JournalDatabase(SqliteDatabase):
    """The journal's connection, which checks before each write that its file is still the one it opened: a write
    into a deleted (unlinked) file would be lost when the window closes."""

    identity: tuple[int, int] | None = None  # set once the file is open

    def file_gone(self) -> bool:
        return self.identity is not None and file_identity(self.database) != self.identity

    def check_file(self) -> None:
        if self.file_gone():
            gone = "deleted or replaced" if os.path.exists(self.database) else "deleted"
            raise JournalFileGone(f"{self.database} was {gone} while it was open; nothing was written to it")

    def begin(self, lock_type: str | None = None) -> None:
        self.check_file()
        super().begin(lock_type)

    def execute_sql(self, sql: str, params: Any = None) -> Any:
        if not self.in_transaction() and sql.lstrip()[:6].upper() not in ("SELECT", "PRAGMA"):
            self.check_file()
        return SqliteDatabase.execute_sql(self, sql, params)


class JournalFileError(RuntimeError):
    """The file cannot be opened as a journal; the message says why, and the file was not changed."""


def _check_existing(path: Path) -> None:
    """Look at an existing file read-only before anything writes to it: it must be SQLite, be a journal (or
    empty), and not come from a newer Journal."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise JournalFileError(f"{path} is not a journal file (it is not an SQLite database)")
    try:
        connection = read_only(path)  # a refused file gets no side files
        try:
            version = connection.execute("PRAGMA user_version").fetchone()[0]
            tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as error:
        raise JournalFileError(f"{path} cannot be read as a journal file: {error}") from error
    if version > SCHEMA_VERSION:
        raise DatabaseTooNew.of(path, version, SCHEMA_VERSION)
    if version == 0 and tables - {"sqlite_sequence"}:
        raise JournalFileError(f"{path} is an SQLite database of another program, not a journal file")


def open_database(path: Path | str, catalogue: bool = True) -> SqliteDatabase:
    """Open (or create) the journal at `path`, migrate it, load the exercise catalogue, and bind the models to it.

    Raises JournalFileError or DatabaseTooNew, leaving the file as it was, when it cannot be used."""
    path = Path(path).absolute()
    _check_existing(path)
    if path.exists() and not os.access(path, os.W_OK):  # SQLite would leave read-only side files that outlive a fix
        raise JournalFileError(
            f"{path} is read-only: its permissions do not let Journal write to it (make it writable, or work on a copy)"
        )
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    # Every transaction takes the write lock when it begins: one that read first and wrote later would fail at once
    # ("database is locked", which no busy timeout waits out) when another program wrote in between.
    database = JournalDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False, lock_type="IMMEDIATE")
    try:
        database.connect()
        database.identity = file_identity(path)
        _migrate_alone(database, path)
    except (sqlite3.DatabaseError, peewee.DatabaseError) as error:
        database.close()
        raise JournalFileError(f"{path} cannot be opened as a journal file: {error}") from error
    db.initialize(database)
    if catalogue:
        load_catalogue(database)
    return database


MIGRATION_WAIT_MS = 120_000  # how long another Journal opening the file waits for a migration to finish


def _migrate_alone(database: SqliteDatabase, path: Path) -> None:
    """Migrate holding the file's write lock, so that of several Journals opening an old file at once (the window,
    `stats`, `export`, `import`) one migrates and the others wait, then find it done. The backup of the old version
    is taken first, outside the lock (the backup API cannot read from a connection that holds it)."""
    current = schema_version(database)
    if current >= SCHEMA_VERSION:
        return
    if current > 0:
        backup_to(database, path, f"before-migration-v{current}")
    database.execute_sql(f"PRAGMA busy_timeout = {MIGRATION_WAIT_MS}")
    try:
        with database.atomic("IMMEDIATE"):
            migrate(database, None)  # reads the version again, under the lock: done meanwhile, it does nothing
    finally:
        database.execute_sql(f"PRAGMA busy_timeout = {PRAGMAS['busy_timeout']}")


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()


def load_catalogue(database: SqliteDatabase) -> None:
    """Add the catalogue's exercises and aliases that the file lacks. Skipped when the catalogue has not changed
    since it was last loaded; exercises already in the file are never altered."""
    text = resource_path("exercises.csv").read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    row = database.execute_sql('SELECT value FROM meta WHERE "key" = ?', ("catalogue",)).fetchone()
    if row and row[0] == digest:
        return
    connection = database.connection()
    known = {key for (key,) in connection.execute('SELECT "key" FROM alias')}
    # A name the file already knows as an alias (an exercise renamed, or merged into another) is not added again.
    exercises = [e for e in read_catalogue(text) if name_key(e.name) not in known]
    with database.atomic():
        connection.executemany(
            'INSERT OR IGNORE INTO exercise (name, mechanic, "primary", secondary, equipment, bodyweight, measure, '
            "builtin) VALUES (?, ?, ?, ?, ?, ?, ?, 1)",
            [
                (
                    e.name,
                    e.mechanic,
                    "|".join(e.primary),
                    "|".join(e.secondary),
                    e.equipment,
                    int(e.bodyweight),
                    e.measure,
                )
                for e in exercises
            ],
        )
        ids = dict(connection.execute("SELECT name, id FROM exercise"))
        connection.executemany(
            'INSERT OR IGNORE INTO alias ("key", alias, exercise_id) VALUES (?, ?, ?)',
            [(name_key(alias), alias, ids[e.name]) for e in exercises for alias in (e.name, *e.aliases)],
        )
        connection.execute('INSERT OR REPLACE INTO meta ("key", value) VALUES (?, ?)', ("catalogue", digest))
