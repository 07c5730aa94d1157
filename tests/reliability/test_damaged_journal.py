# SPDX-License-Identifier: MIT
"""A journal with a damaged page: no backup of it is taken (so none pushes a whole backup out of rotation), the
window refuses it with a dialog that offers its backups, and `journal backup` says it is damaged instead of copying
the damage."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from PySide6.QtWidgets import QMessageBox

from journal.storage.backup import list_backups
from tests.reliability.support import digest, make_journal, run_journal
from tests.reliability.test_bad_databases import _corrupt_pages


def _ten_daily_backups(db: Path) -> list[str]:
    folder = db.parent / "backups"
    folder.mkdir()
    for day in range(1, 11):
        shutil.copyfile(db, folder / f"{db.stem}-202601{day:02d}-080000-000000-daily.sqlite")
    return sorted(p.name for p in folder.iterdir())


def test_the_window_refuses_a_damaged_journal_and_keeps_every_good_backup(
    qapp: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.ui import app

    make_journal(db_path, years=0.3)
    good = _ten_daily_backups(db_path)
    _corrupt_pages(db_path)
    before = digest(db_path)
    shown: list[tuple[str, list[str]]] = []

    def message_exec(box: QMessageBox) -> int:
        shown.append((box.text(), [b.text() for b in box.buttons()]))
        return 0

    monkeypatch.setattr(QMessageBox, "exec", message_exec)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: None)  # closed without a choice
    assert app.open_window(db_path) is None
    ((text, buttons),) = shown
    assert f"{db_path} is damaged" in text and "Open a backup…" in buttons
    assert sorted(p.name for p in (db_path.parent / "backups").iterdir()) == good
    assert digest(db_path) == before


def test_journal_backup_of_a_damaged_journal_is_refused(tmp_path: Path, data_dir: Path) -> None:
    db = make_journal(tmp_path / "journal.sqlite", years=0.3)
    _corrupt_pages(db)
    result = run_journal(data_dir, "backup", "--db", db)
    assert result.returncode == 1
    assert f"{db} is damaged" in result.stderr and "Traceback" not in result.stderr, result.stderr
    assert list_backups(db) == [] and not [p for p in (tmp_path / "backups").iterdir()]


def test_damage_the_window_never_reads_at_start_is_refused_before_it_shows(
    qapp: object, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The quick check runs while the window is built: damage only in a table the log does not read (the routines)
    still has the window refused, with the same dialog, before it is shown."""
    import random
    import sqlite3

    from journal.ui import app
    from journal.ui.main_window import MainWindow

    make_journal(db_path, years=0.1)
    connection = sqlite3.connect(db_path)
    (root,) = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = 'routine'").fetchone()
    (page,) = connection.execute("PRAGMA page_size").fetchone()
    connection.close()
    data = bytearray(db_path.read_bytes())
    data[(root - 1) * page : root * page] = random.Random(3).randbytes(page)
    db_path.write_bytes(bytes(data))
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()) or 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: None)
    monkeypatch.setattr(MainWindow, "show", lambda window: shown.append("window shown"))
    assert app.open_window(db_path) is None
    assert len(shown) == 1 and f"{db_path} is damaged" in shown[0]
