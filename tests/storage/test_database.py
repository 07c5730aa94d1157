# SPDX-License-Identifier: MIT
"""Opening the journal file: WAL, foreign keys, permissions, the catalogue, and files that must be left alone."""

from __future__ import annotations

import sqlite3
import stat
import threading
from pathlib import Path

import pytest

from journal.storage.database import JournalFileError, close_database, open_database
from journal.storage.exercises import find_exercise, list_exercises
from journal.storage.migrations import SCHEMA_VERSION, DatabaseTooNew
from journal.storage.models import db


def table_rows(table: str) -> list[tuple[object, ...]]:
    return list(db.execute_sql(f'SELECT * FROM "{table}" ORDER BY id'))


def test_open_creates_file_with_wal_and_foreign_keys(db_path: Path) -> None:
    assert not db_path.exists()
    open_database(db_path)
    try:
        assert db_path.is_file()
        assert db.execute_sql("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert db.execute_sql("PRAGMA foreign_keys").fetchone()[0] == 1
        assert db.execute_sql("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    finally:
        close_database()
    # WAL is persistent: it is in the file, not only in the connection
    with sqlite3.connect(db_path) as raw:
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    raw.close()


def test_open_creates_missing_folders(tmp_path: Path) -> None:
    path = tmp_path / "a" / "b" / "journal.sqlite"
    open_database(path)
    close_database()
    assert path.is_file()


def test_new_file_is_readable_by_the_user_only(db_path: Path) -> None:
    open_database(db_path)
    try:
        db.execute_sql("CREATE TABLE scratch (x)")  # a write, so that the WAL file exists
        wal = Path(f"{db_path}-wal")
        assert wal.exists()
        assert stat.S_IMODE(wal.stat().st_mode) & 0o077 == 0
    finally:
        close_database()
    assert stat.S_IMODE(db_path.stat().st_mode) == 0o600


def test_catalogue_is_loaded(database: Path) -> None:
    exercises = list_exercises()
    assert len(exercises) >= 120
    assert db.execute_sql("SELECT count(*) FROM exercise WHERE builtin = 0").fetchone()[0] == 0
    assert db.execute_sql("SELECT count(*) FROM meta WHERE key = 'catalogue'").fetchone()[0] == 1


def test_catalogue_is_loaded_once(db_path: Path) -> None:
    open_database(db_path)
    exercises, aliases, meta = table_rows("exercise"), table_rows("alias"), list(db.execute_sql("SELECT * FROM meta"))
    close_database()
    for _ in range(2):
        open_database(db_path)
        assert table_rows("exercise") == exercises
        assert table_rows("alias") == aliases
        assert list(db.execute_sql("SELECT * FROM meta")) == meta
        close_database()


def test_catalogue_reload_keeps_ids_and_adds_nothing_when_forced(db_path: Path) -> None:
    open_database(db_path)
    exercises, aliases = table_rows("exercise"), table_rows("alias")
    # as if the catalogue file changed since the last load: every row is already there, nothing is duplicated
    db.execute_sql("DELETE FROM meta WHERE key = 'catalogue'")
    close_database()
    open_database(db_path)
    try:
        assert table_rows("exercise") == exercises
        assert table_rows("alias") == aliases
    finally:
        close_database()


@pytest.mark.parametrize(
    ("typed", "name"),
    [
        ("squat (barbell)", "Back Squat"),
        ("Squat (Barbell)", "Back Squat"),
        ("  SQUAT  ( barbell ) ", "Back Squat"),
        ("Bench Press (Barbell)", "Bench Press"),
        ("bench press", "Bench Press"),
        ("Deadlift (Barbell)", "Deadlift"),
        ("lat pulldown (cable)", "Lat Pulldown"),
    ],
)
def test_aliases_resolve(database: Path, typed: str, name: str) -> None:
    found = find_exercise(typed)
    assert found is not None
    assert found.name == name
    assert found.id is not None


def test_unknown_name_does_not_resolve(database: Path) -> None:
    assert find_exercise("Underwater Basket Curl") is None


def test_hyphenated_alias_resolves(database: Path) -> None:
    found = find_exercise("Close-Grip Bench Press (Barbell)")
    assert found is not None and found.name == "Close-Grip Bench Press"


def test_non_sqlite_file_is_left_byte_for_byte(db_path: Path) -> None:
    content = b"name,reps\nnot a database\n" * 200
    db_path.write_bytes(content)
    with pytest.raises(Exception):  # noqa: B017 - which exception is checked below
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_non_sqlite_file_raises_journal_file_error(db_path: Path) -> None:
    content = b"name,reps\nnot a database\n" * 200
    db_path.write_bytes(content)
    with pytest.raises(JournalFileError):
        open_database(db_path)
    assert db_path.read_bytes() == content


def _too_new_file(path: Path, journal_mode: str) -> bytes:
    raw = sqlite3.connect(path)
    raw.execute(f"PRAGMA journal_mode = {journal_mode}")
    raw.execute("CREATE TABLE future (x)")
    raw.execute("INSERT INTO future VALUES (1)")
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    return path.read_bytes()


def test_too_new_file_is_refused_and_unchanged(db_path: Path) -> None:
    # a file written by a newer Journal (which keeps its files in WAL mode)
    content = _too_new_file(db_path, "wal")
    with pytest.raises(DatabaseTooNew):
        open_database(db_path)
    assert db_path.read_bytes() == content
    raw = sqlite3.connect(db_path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert raw.execute("SELECT name FROM sqlite_master").fetchall() == [("future",)]
    raw.close()


def test_too_new_rollback_journal_file_is_unchanged(db_path: Path) -> None:
    content = _too_new_file(db_path, "delete")
    with pytest.raises(DatabaseTooNew):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_sqlite_file_of_another_program_is_refused_and_unchanged(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE contacts (name TEXT)")
    raw.execute("INSERT INTO contacts VALUES ('Ann')")
    raw.commit()
    raw.close()
    content = db_path.read_bytes()
    with pytest.raises(JournalFileError, match="another program"):
        open_database(db_path)
    assert db_path.read_bytes() == content


def test_a_transaction_that_reads_then_writes_waits_for_another_programs_write(database: Path) -> None:
    """Another program writes while a transaction has read but not yet written: the other waits for the transaction
    to end, and both changes are kept (a transaction begun without the write lock fails with 'database is locked')."""
    other_wrote = threading.Event()
    errors: list[BaseException] = []

    def other_program() -> None:
        raw = sqlite3.connect(database, timeout=5)
        try:
            raw.execute("INSERT INTO session (start, title) VALUES ('2026-01-02 09:00:00', 'Elsewhere')")
            raw.commit()
        except sqlite3.Error as error:
            errors.append(error)
        finally:
            raw.close()
            other_wrote.set()

    with db.atomic():
        db.execute_sql("SELECT COUNT(*) FROM session").fetchone()
        writer = threading.Thread(target=other_program)
        writer.start()
        assert not other_wrote.wait(0.3)  # it waits for this transaction
        db.execute_sql("INSERT INTO session (start, title) VALUES ('2026-01-01 09:00:00', 'Here')")
    writer.join(10)
    assert not errors
    titles = {row[0] for row in db.execute_sql("SELECT title FROM session")}
    assert titles == {"Here", "Elsewhere"}
