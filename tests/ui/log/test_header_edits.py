# SPDX-License-Identifier: MIT
"""What is still being typed is saved to the right session, whatever the lifter does next."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.domain.units import Unit
from journal.settings import Preferences
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from tests.ui.helpers import focused, press, type_text

Key = Qt.Key
Mod = Qt.KeyboardModifier


def make_journal(path: Path, title: str, bodyweight: float | None = 80.0) -> int:
    open_database(path)
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    session, _ = repo.add_session(
        Session(
            start=datetime(2026, 11, 2, 18),
            title=title,
            bodyweight_kg=bodyweight,
            entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5),)),),
        )
    )
    close_database()
    assert session.id is not None
    return session.id


def test_new_session_keeps_the_title_being_typed_on_the_old_one(qtbot: QtBot, db_path: Path, open_window) -> None:
    old = make_journal(db_path, "Push")
    window: MainWindow = open_window(db_path)
    window.editor.title.setFocus()
    window.editor.title.selectAll()
    type_text(qtbot, "Push heavy")
    press(qtbot, Key.Key_N, Mod.ControlModifier)
    qtbot.waitUntil(lambda: window.sessions.selected_id() not in (None, old))
    new = window.sessions.selected_id()
    assert repo.get_session(old).title == "Push heavy"
    assert repo.get_session(new).title == ""
    assert window.editor.title.text() == ""


def test_notes_typed_before_switching_files_stay_in_their_file(qtbot: QtBot, tmp_path: Path, open_window) -> None:
    first, second = tmp_path / "a.sqlite", tmp_path / "b.sqlite"
    make_journal(first, "A")
    make_journal(second, "B")
    window: MainWindow = open_window(first)
    window.editor.notes.setFocus()
    type_text(qtbot, "knee ok")
    assert window._open(second)
    (session_b,) = [repo.get_session(s.id) for s in window.sessions.model.rows]
    assert session_b.notes == ""
    assert window._open(first)
    assert repo.get_session(window.sessions.model.rows[0].id).notes == "knee ok"


def test_deleting_a_session_keeps_its_unsaved_notes_for_undo(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = make_journal(db_path, "Pull")
    window: MainWindow = open_window(db_path)
    window.editor.notes.setFocus()
    type_text(qtbot, "grip gave out")
    window.delete_session()
    stack = window.service.undo_stack
    assert [stack.text(i) for i in range(stack.count())] == ["Edit notes", "Delete session “Pull”"]
    stack.undo()
    assert repo.get_session(session_id).notes == "grip gave out"


def test_notes_typed_in_bursts_are_one_undo_step(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = make_journal(db_path, "Legs")
    window: MainWindow = open_window(db_path)
    window.editor.notes.setFocus()
    type_text(qtbot, "slept 5h")
    window.editor.flush()
    type_text(qtbot, ", legs heavy")
    window.editor.flush()
    assert repo.get_session(session_id).notes == "slept 5h, legs heavy"
    window.service.undo_stack.undo()
    assert repo.get_session(session_id).notes == ""


def test_closing_the_window_saves_the_field_being_typed(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = make_journal(db_path, "Arms")
    window: MainWindow = open_window(db_path)
    window.editor.title.setFocus()
    window.editor.title.selectAll()
    type_text(qtbot, "Arms and abs")
    window.close()
    assert repo.get_session(session_id).title == "Arms and abs"


def test_undo_from_the_menu_shows_the_stored_title(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = make_journal(db_path, "Push")
    window: MainWindow = open_window(db_path)
    window.editor.title.setFocus()
    window.editor.title.selectAll()
    type_text(qtbot, "Heavy day")
    window.editor.flush()
    assert repo.get_session(session_id).title == "Heavy day"
    window.undo_action.trigger()
    assert repo.get_session(session_id).title == "Push"
    assert window.editor.title.text() == "Push"


def test_an_unchanged_value_in_pounds_keeps_the_stored_kilograms(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = make_journal(db_path, "Push", bodyweight=80.0)
    window: MainWindow = open_window(db_path)
    window.service.set_preferences(Preferences(**{**window.service.preferences.__dict__, "units": Unit.LB}))
    block = window.editor.blocks[0]
    block.table.go_to(0, "load")
    press(qtbot, Key.Key_F2)
    press(qtbot, Key.Key_Return)
    window.editor.bodyweight.setFocus()
    press(qtbot, Key.Key_End)
    press(qtbot, Key.Key_Return)
    window.editor.flush()
    session = repo.get_session(session_id)
    assert session.entries[0].sets[0].load_kg == 100.0
    assert session.bodyweight_kg == 80.0
    assert window.service.undo_stack.count() == 0


def test_a_refused_cell_opens_again_with_what_was_typed(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = make_journal(db_path, "Push")
    window: MainWindow = open_window(db_path)
    block = window.editor.blocks[0]
    block.table.go_to(0, "reps")
    type_text(qtbot, "5x")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: isinstance(focused(), QLineEdit) and focused().text() == "5x")
    assert focused().selectedText() == "5x"  # typing replaces it; End and Backspace mend it
    assert focused().objectName() == "refusedCell" and "not a number" in focused().toolTip()  # why, at the cell
    press(qtbot, Key.Key_End)
    press(qtbot, Key.Key_Backspace)
    type_text(qtbot, "6")
    press(qtbot, Key.Key_Return)
    assert repo.get_session(session_id).entries[0].sets[0].reps == 56
    assert block.table.currentIndex().row() == 1  # Enter went on to the next set


def test_enter_on_the_empty_first_row_adds_nothing(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    window.new_session()
    type_text(qtbot, "Leg Press")
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_Return)
    session = repo.get_session(window.sessions.selected_id())
    assert session.entries[0].sets == ()
    assert "first set" in window.editor.blocks[0].error.text()


def test_exercise_note_is_saved_and_undone(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = make_journal(db_path, "Push")
    window: MainWindow = open_window(db_path)
    window.editor.blocks[0].note.setFocus()
    type_text(qtbot, "seat 4, elbows in")
    press(qtbot, Key.Key_Tab)
    assert repo.get_session(session_id).entries[0].note == "seat 4, elbows in"
    window.service.undo_stack.undo()
    assert repo.get_session(session_id).entries[0].note == ""
    assert window.editor.blocks[0].note.text() == ""


def test_leaving_the_date_field_unchanged_writes_nothing(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    session, _ = repo.add_session(Session(start=datetime(2026, 11, 2, 18, 0, 37), title="Pull"))
    close_database()
    assert session.id is not None
    window: MainWindow = open_window(db_path)
    steps = window.service.undo_stack.count()
    press(qtbot, Key.Key_D, Mod.AltModifier)
    assert focused() is window.editor.when
    press(qtbot, Key.Key_T, Mod.AltModifier)  # on to the title: the date field is left as it was
    assert focused() is window.editor.title
    window.editor.flush()  # as switching sessions or closing does
    assert repo.get_session(session.id).start == datetime(2026, 11, 2, 18, 0, 37)
    assert window.service.undo_stack.count() == steps


def test_alt_and_a_letter_reach_each_header_field(qtbot: QtBot, db_path: Path, open_window) -> None:
    make_journal(db_path, "Push")
    window: MainWindow = open_window(db_path)
    editor = window.editor
    for letter, field in (
        (Key.Key_T, editor.title),
        (Key.Key_B, editor.bodyweight),
        (Key.Key_O, editor.notes),
        (Key.Key_D, editor.when),
    ):
        press(qtbot, letter, Mod.AltModifier)
        assert focused() is field
    press(qtbot, Key.Key_T, Mod.AltModifier)
    press(qtbot, Key.Key_A, Mod.ControlModifier)
    type_text(qtbot, "Push heavy")
    press(qtbot, Key.Key_Tab)
    assert repo.get_session(window.sessions.selected_id()).title == "Push heavy"
