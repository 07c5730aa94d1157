# SPDX-License-Identifier: MIT
"""Opening the journal file: the one function the app, the command line and the tests all use."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

from peewee import SqliteDatabase

from journal.domain.catalogue import read_catalogue
from journal.domain.names import name_key
from journal.resources import resource_path
from journal.storage.migrations import migrate
from journal.storage.models import AliasRow, ExerciseRow, db

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": "normal",  # with WAL: durable at each checkpoint, never corrupt
    "cache_size": -32000,
    "busy_timeout": 5000,
}


class JournalFileError(RuntimeError):
    """The file cannot be opened as a journal; the message says why, and the file was not changed."""


def open_database(path: Path | str, catalogue: bool = True) -> SqliteDatabase:
    """Open (or create) the journal at `path`, migrate it, load the exercise catalogue, and bind the models to it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    database = SqliteDatabase(str(path), pragmas=PRAGMAS, check_same_thread=False)
    try:
        database.connect()
        database.execute_sql("SELECT count(*) FROM sqlite_master").fetchone()
        migrate(database, path)
    except sqlite3.DatabaseError as error:
        database.close()
        raise JournalFileError(f"{path} is not a journal file that can be opened: {error}") from error
    db.initialize(database)
    if catalogue:
        load_catalogue(database)
    return database


def close_database() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()


def load_catalogue(database: SqliteDatabase) -> None:
    """Add the catalogue's exercises and aliases that the file lacks. Skipped when the catalogue has not changed
    since it was last loaded; names the lifter has already used are never altered."""
    text = resource_path("exercises.csv").read_text(encoding="utf-8")
    digest = hashlib.sha256(text.encode()).hexdigest()
    row = database.execute_sql('SELECT value FROM meta WHERE "key" = ?', ("catalogue",)).fetchone()
    if row and row[0] == digest:
        return
    with database.atomic():
        for exercise in read_catalogue(text):
            row_ = ExerciseRow.get_or_none(ExerciseRow.name == exercise.name)
            if row_ is None:
                row_ = ExerciseRow.create(
                    name=exercise.name, mechanic=exercise.mechanic, primary="|".join(exercise.primary),
                    secondary="|".join(exercise.secondary), equipment=exercise.equipment,
                    bodyweight=exercise.bodyweight, measure=exercise.measure, builtin=True)
            for alias in (exercise.name, *exercise.aliases):
                (AliasRow.insert(key=name_key(alias), alias=alias, exercise=row_)
                 .on_conflict_ignore().execute())
        database.execute_sql('INSERT OR REPLACE INTO meta ("key", value) VALUES (?, ?)', ("catalogue", digest))
