# SPDX-License-Identifier: MIT
"""Backups through SQLite's online backup API: before every import and migration, once a day on opening, kept in
rotation (a settable count); `journal backup [--to PATH]` and `journal restore PATH` (checked first, the current
journal kept as a backup, the two never mixed); and the same from the window."""

from __future__ import annotations

import sqlite3
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from peewee import SqliteDatabase

from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.qtbot import QtBot

from journal import settings
from journal.domain.records import Entry, Session, SetRecord
from journal.storage import repository as repo
from journal.storage.backup import (
    BackupError,
    backup_to,
    check_backup,
    daily_backup,
    list_backups,
    restore_into,
)
from journal.storage.database import close_database, open_database
from journal.storage.exercises import find_exercise
from journal.storage.migrations import SCHEMA_VERSION, STEPS
from journal.storage.models import db
from tests.reliability.support import SAMPLES, content, digest, make_journal, run_journal, side_files

HEVY = SAMPLES / "hevy" / "hevy-kg.csv"


def _add(title: str, when: datetime = datetime(2026, 3, 1, 18)) -> int:
    bench = find_exercise("Bench Press")
    assert bench is not None
    session, _ = repo.add_session(
        Session(
            start=when, title=title, entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5, rir=2),)),)
        )
    )
    assert session.id is not None
    return session.id


def _titles(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return sorted(row[0] for row in connection.execute("SELECT title FROM session"))
    finally:
        connection.close()


def _reasons(db_path: Path) -> list[str]:
    return [b.reason for b in list_backups(db_path)]


# ---- when backups are taken -------------------------------------------------------------------------------------


def test_journal_import_backs_up_first_through_the_backup_api(tmp_path: Path, data_dir: Path) -> None:
    db = make_journal(tmp_path / "j" / "journal.sqlite", years=0.2)
    before = content(db)
    result = run_journal(data_dir, "import", HEVY, "--db", db)
    assert result.returncode == 0, result.stderr
    (backup,) = list_backups(db)
    assert backup.reason == "before-import"
    check_backup(backup.path, SCHEMA_VERSION)
    assert content(backup.path) == before  # the journal as it was before the import, whole
    assert backup.path.stat().st_mode & 0o777 == 0o600


def test_a_backup_of_an_open_journal_holds_what_is_still_only_in_its_write_ahead_log(db_path: Path) -> None:
    """The online backup API, not a copy of the file: a session committed moments ago lives in the -wal file, not
    yet in the journal file itself, and the backup has it."""
    make_journal(db_path, years=0)
    open_database(db_path)
    try:
        db.execute_sql("PRAGMA wal_autocheckpoint = 0")
        _add("committed, not yet checkpointed")
        assert Path(f"{db_path}-wal").stat().st_size > 0
        raw_copy = db_path.with_name("raw-copy.sqlite")
        raw_copy.write_bytes(db_path.read_bytes())  # what a plain file copy would have kept
        backup = backup_to(db.obj, db_path, "manual")
    finally:
        close_database()
    assert _titles(backup) == ["committed, not yet checkpointed"]
    assert _titles(raw_copy) == []


def test_a_migration_is_preceded_by_a_backup_of_the_old_version(db_path: Path) -> None:
    old = SqliteDatabase(str(db_path))
    old.connect()
    for step in STEPS[:2]:
        step(old)
    old.execute_sql("PRAGMA user_version = 2")
    old.execute_sql("INSERT INTO exercise (id, name) VALUES (1, 'Old Press')")
    old.execute_sql("INSERT INTO session (id, start, title) VALUES (5, '2024-01-02 10:00:00', 'Before v3')")
    old.close()
    open_database(db_path)
    close_database()
    (backup,) = list_backups(db_path)
    assert backup.reason == "before-migration-v2"
    raw = sqlite3.connect(backup.path)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == 2
    assert raw.execute("SELECT title FROM session").fetchall() == [("Before v3",)]
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    assert _titles(db_path) == ["Before v3"]


def test_a_daily_backup_on_opening_once_a_day(qapp: object, db_path: Path) -> None:
    from journal.ui.service import JournalService

    make_journal(db_path, years=0.1)
    JournalService(db_path).close()
    JournalService(db_path).close()  # the same day: no second one
    assert _reasons(db_path) == ["daily"]
    open_database(db_path)
    try:
        assert daily_backup(db.obj, db_path, today=date.today() + timedelta(days=1)) is not None
    finally:
        close_database()
    assert _reasons(db_path) == ["daily", "daily"]


def test_rotation_keeps_the_set_number_of_each_kind(qapp: object, db_path: Path) -> None:
    from journal.ui.service import JournalService

    settings.put(settings.BACKUPS_KEEP, 3)
    make_journal(db_path, years=0.1)
    service = JournalService(db_path)
    try:
        taken = [service.backup_now() for _ in range(5)]
        for _ in range(4):
            backup_to(db.obj, db_path, "before-import", keep=2)
    finally:
        service.close()
    manual = [b.path for b in list_backups(db_path) if b.reason == "manual"]
    assert manual == taken[:-4:-1]  # the newest three, newest first
    assert _reasons(db_path).count("before-import") == 2
    assert _reasons(db_path).count("daily") == 1  # another kind is never rotated away


# ---- journal backup ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["default", "file", "folder"])
def test_journal_backup(where: str, tmp_path: Path, data_dir: Path) -> None:
    db = make_journal(tmp_path / "j" / "journal.sqlite", years=0.2)
    target = {"default": None, "file": tmp_path / "copy.sqlite", "folder": tmp_path / "elsewhere"}[where]
    if where == "folder":
        target.mkdir()
    before = digest(db)
    result = run_journal(data_dir, "backup", "--db", db, *(["--to", target] if target else []))
    assert result.returncode == 0, result.stderr
    written = Path(result.stdout.strip().removeprefix("backed up to "))
    written = written if written.is_absolute() else data_dir / written
    assert written.is_file()
    check_backup(written, SCHEMA_VERSION)
    assert content(written) == content(db)
    assert written.stat().st_mode & 0o777 == 0o600
    assert digest(db) == before


def test_journal_backup_leaves_nothing_beside_a_closed_journal(tmp_path: Path, data_dir: Path) -> None:
    db = make_journal(tmp_path / "j" / "journal.sqlite", years=0.1)
    sides = side_files(db)
    assert run_journal(data_dir, "backup", "--db", db).returncode == 0
    assert side_files(db) == sides


def test_journal_backup_to_a_missing_folder_is_a_clear_error(tmp_path: Path, data_dir: Path) -> None:
    db = make_journal(tmp_path / "j" / "journal.sqlite", years=0.1)
    target = tmp_path / "no" / "such" / "folder" / "copy.sqlite"
    result = run_journal(data_dir, "backup", "--db", db, "--to", target)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr and str(target) in result.stderr, result.stderr


# ---- journal restore --------------------------------------------------------------------------------------------


def test_journal_restore_checks_keeps_the_current_journal_and_never_mixes(tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "j" / "journal.sqlite"
    open_database(db)
    _add("in the backup")
    close_database()
    backup = tmp_path / "then.sqlite"
    assert run_journal(data_dir, "backup", "--db", db, "--to", backup).returncode == 0
    open_database(db)
    _add("only now")
    close_database()
    now = content(db)

    # A damaged or foreign file is refused before anything is touched.
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(backup.read_bytes()[:8192])
    refused = run_journal(data_dir, "restore", junk, "--db", db)
    assert refused.returncode == 2 and str(junk) in refused.stderr
    assert content(db) == now

    result = run_journal(data_dir, "restore", backup, "--db", db)
    assert result.returncode == 0, result.stderr
    assert _titles(db) == ["in the backup"]  # the backup whole, nothing of the current journal left in it
    assert content(db) == content(backup)
    (kept,) = [b for b in list_backups(db) if b.reason == "before-restore"]
    assert content(kept.path) == now
    assert kept.path.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize("journal", ["opens", "damaged"])
def test_journal_restore_leaves_nothing_beside_the_backup_it_read(journal: str, tmp_path: Path, data_dir: Path) -> None:
    """The backup is only read: no write-ahead log or shared-memory file is left beside it (a backup of a journal
    in WAL mode is one too), and its bytes stay as they were."""
    db = make_journal(tmp_path / "j" / "journal.sqlite", years=0.1)
    backup = tmp_path / "then.sqlite"
    assert run_journal(data_dir, "backup", "--db", db, "--to", backup).returncode == 0
    assert side_files(backup) == {"-wal": False, "-shm": False, "-journal": False}
    if journal == "damaged":
        db.write_bytes(b"not a journal" * 100)
    before = digest(backup)
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(backup.read_bytes()[:8192])
    assert run_journal(data_dir, "restore", junk, "--db", db).returncode == 2

    result = run_journal(data_dir, "restore", backup, "--db", db)
    assert result.returncode == 0, result.stderr
    assert side_files(backup) == {"-wal": False, "-shm": False, "-journal": False}
    assert side_files(junk) == {"-wal": False, "-shm": False, "-journal": False}
    assert digest(backup) == before
    assert content(db) == content(backup)


def test_restoring_an_older_version_backup_migrates_it(tmp_path: Path, data_dir: Path) -> None:
    db = make_journal(tmp_path / "j" / "journal.sqlite", years=0.1)
    old = tmp_path / "v2.sqlite"
    legacy = SqliteDatabase(str(old))
    legacy.connect()
    for step in STEPS[:2]:
        step(legacy)
    legacy.execute_sql("PRAGMA user_version = 2")
    legacy.execute_sql("INSERT INTO session (id, start, title) VALUES (1, '2020-01-01 09:00:00', 'Old days')")
    legacy.close()
    result = run_journal(data_dir, "restore", old, "--db", db)
    assert result.returncode == 0, result.stderr
    raw = sqlite3.connect(db)
    assert raw.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    raw.close()
    assert _titles(db) == ["Old days"]


def test_restore_refuses_a_backup_from_a_newer_journal(db_path: Path, tmp_path: Path) -> None:
    newer = make_journal(tmp_path / "newer.sqlite", years=0.1)
    raw = sqlite3.connect(newer)
    raw.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    raw.commit()
    raw.close()
    database = open_database(db_path)
    try:
        _add("mine")
        with pytest.raises(BackupError, match="newer"):
            restore_into(database, db_path, newer, SCHEMA_VERSION)
        assert [s.title for s in map(repo.get_session, [1])] == ["mine"]
    finally:
        close_database()
    assert list_backups(db_path) == []  # refused before the current journal was even backed up


# ---- from the window --------------------------------------------------------------------------------------------


def test_backups_dialog_backs_up_and_restores(qtbot: QtBot, db_path: Path, open_window) -> None:
    make_journal(db_path, years=0.1)
    window = open_window(db_path)
    dialog = window.show_backups()
    dialog.back_up()
    assert "Backed up to" in dialog.message.text()
    count = repo.session_count()
    window.new_session()  # a change after the backup
    assert repo.session_count() == count + 1
    dialog.view.selectRow(0)
    assert dialog.selected().reason == "manual"
    assert dialog.restore_selected(confirm=False)
    assert repo.session_count() == count
    assert window.service.undo_stack.count() == 0  # the undo history belonged to the replaced content
    assert "before-restore" in _reasons(db_path)
    dialog.close()


def test_the_window_offers_a_backup_when_the_journal_cannot_be_opened(
    qapp: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """open_window on a file that is not a journal: the message box offers its backups, the chosen one is put in
    its place, and the file is kept beside it, byte for byte."""
    from journal.ui import app

    make_journal(db_path, years=0.1)
    open_database(db_path)
    backup_to(db.obj, db_path, "manual")
    close_database()
    db_path.write_bytes(b"not a journal at all\n" * 100)
    shown: list[str] = []

    def message_exec(box: QMessageBox) -> int:
        shown.append(box.text())
        return 0

    monkeypatch.setattr(QMessageBox, "exec", message_exec)
    monkeypatch.setattr(
        QMessageBox, "clickedButton", lambda box: next(b for b in box.buttons() if b.text() == "Open a backup…")
    )
    monkeypatch.setattr(QDialog, "exec", lambda dialog: 1)  # the backups list: Open, on the newest
    window = app.open_window(db_path)
    assert window is not None
    try:
        assert str(db_path) in shown[0]
        assert repo.session_count() > 0
    finally:
        window.service.close()
        window.deleteLater()
    (kept,) = [p for p in db_path.parent.glob("journal.sqlite.unusable-*") if not p.name.endswith(("-wal", "-shm"))]
    assert kept.read_bytes() == b"not a journal at all\n" * 100
