# SPDX-License-Identifier: MIT
"""Notes of megabytes: the forms refuse more than 10,000 characters at the field, and a note stored before the caps
prints capped, so a sheet prints in a moment (a 1 MB note took over 250 s to lay out)."""

from __future__ import annotations

import subprocess
import time
from datetime import datetime
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.domain.validation import NOTE_MAX_CHARS
from journal.settings import Preferences
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.exercises import find_exercise
from journal.ui.main_window import MainWindow

HUGE = "lorem ipsum dolor sit amet " * 40_000  # about 1 MB


def journal_with_a_huge_note(path: Path) -> int:
    open_database(path)
    bench = find_exercise("Bench Press")
    assert bench is not None
    session, _ = repo.add_session(
        Session(
            start=datetime(2026, 11, 2, 18),
            title="Push",
            notes=HUGE,
            entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5),), note=HUGE),),
        )
    )
    close_database()
    assert session.id is not None
    return session.id


def test_a_session_with_a_1_mb_note_prints_in_a_moment(db_path: Path, tmp_path: Path, qapp: object) -> None:
    from journal.printing.document import write_pdf
    from journal.printing.documents import session_document

    session_id = journal_with_a_huge_note(db_path)
    open_database(db_path)
    try:
        started = time.perf_counter()
        out = tmp_path / "session.pdf"
        write_pdf(session_document([session_id], Preferences()), out)
        took = time.perf_counter() - started
    finally:
        close_database()
    assert took < 10, f"printing took {took:.1f} s"
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "more characters not printed" in text


def test_notes_over_the_cap_are_refused_at_the_field(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    bench = find_exercise("Bench Press")
    assert bench is not None
    session, _ = repo.add_session(
        Session(
            start=datetime(2026, 11, 2, 18),
            title="Push",
            notes="slept well",
            entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5),)),),
        )
    )
    close_database()
    window: MainWindow = open_window(db_path)
    editor = window.editor
    editor.notes.setFocus()
    editor.notes.selectAll()
    editor.notes.insertPlainText("x" * (NOTE_MAX_CHARS + 1))  # as a paste does
    editor.flush()
    assert editor.notes_error.isVisible() and "10,000" in editor.notes_error.text()
    assert repo.get_session(session.id).notes == "slept well"
    block = editor.blocks[0]
    assert block.note.maxLength() == NOTE_MAX_CHARS and editor.title.maxLength() == 200
    model = block.model
    assert not model.setData(
        model.index(0, model.column_of("note")), "y" * (NOTE_MAX_CHARS + 1), Qt.ItemDataRole.EditRole
    )
    assert repo.get_session(session.id).entries[0].sets[0].note == ""


@pytest.mark.parametrize("length", [NOTE_MAX_CHARS])
def test_a_note_at_the_cap_is_kept_whole(qtbot: QtBot, db_path: Path, open_window, length: int) -> None:
    open_database(db_path)
    session, _ = repo.add_session(Session(start=datetime(2026, 11, 2, 18), title="Push"))
    close_database()
    window: MainWindow = open_window(db_path)
    window.editor.notes.setFocus()
    window.editor.notes.insertPlainText("z" * length)
    window.editor.flush()
    assert repo.get_session(session.id).notes == "z" * length
