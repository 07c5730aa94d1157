# SPDX-License-Identifier: MIT
"""The journal file deleted (or another put in its place) while the window has it open: no later change is written
into the unlinked file and lost at closing; the window says so before the write and when it comes to the front, and
saves what is open in a new file, which it then works on."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from journal.storage import repository as repo
from journal.storage.database import JournalFileGone
from journal.ui.main_window import MainWindow
from tests.reliability.support import connect, counts, make_journal
from tests.ui.helpers import answering, press, type_text, wait_active


def _titles(path: Path) -> list[str]:
    connection = connect(path)
    try:
        return [row[0] for row in connection.execute("SELECT title FROM session")]
    finally:
        connection.close()


def _text(dialog: QWidget) -> str:
    assert isinstance(dialog, QMessageBox)
    return f"{dialog.text()}\n{dialog.informativeText()}"


@pytest.mark.parametrize("how", ["deleted", "replaced"])
def test_a_change_to_a_deleted_journal_is_refused_told_and_saved_elsewhere(
    how: str, qtbot: QtBot, db_path: Path, tmp_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = make_journal(tmp_path / "other.sqlite", years=0.0)
    make_journal(db_path, years=0.1)
    sessions, sets = counts(db_path)
    window: MainWindow = open_window(db_path)
    if how == "deleted":
        db_path.unlink()
    else:
        os.replace(other, db_path)  # another file under the journal's name
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
    saved = tmp_path / "kept" / "saved.sqlite"
    saved.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    told: list[str] = []
    window.editor.title.setFocus()
    window.editor.title.selectAll()
    with answering(qtbot, "Save elsewhere…", fill=lambda d: told.append(_text(d))):
        type_text(qtbot, "Typed after the file went")
        press(qtbot, Qt.Key.Key_Tab)  # leaving the field saves it
    assert f"{db_path} was deleted" in told[0] and "Nothing more is written to it" in told[0], told
    if how == "deleted":
        assert not db_path.exists(), "the deleted journal was created again"
    else:
        assert counts(db_path) == (0, 0), "a write went into the file put in the journal's place"
    assert window.service.path == saved and counts(saved) == (sessions, sets)
    wait_active(qtbot, window)
    window.editor.title.setFocus()
    window.editor.title.selectAll()
    type_text(qtbot, "Written to the new file")
    press(qtbot, Qt.Key.Key_Tab)
    assert "Written to the new file" in _titles(saved)
    assert counts(saved) == (sessions, sets)


def test_coming_to_the_front_tells_that_the_file_is_gone(qtbot: QtBot, db_path: Path, open_window) -> None:
    make_journal(db_path, years=0.1)
    window: MainWindow = open_window(db_path)
    shutil.move(db_path, db_path.with_name("moved.sqlite"))
    told: list[str] = []
    with answering(qtbot, "Not now", fill=lambda d: told.append(_text(d))):
        QApplication.sendEvent(window, QEvent(QEvent.Type.ActivationChange))  # as when it comes to the front
    assert f"{db_path} was deleted" in told[0]
    with pytest.raises(JournalFileGone):
        repo.update_session(window.sessions.selected_id() or 0, title="never written")
