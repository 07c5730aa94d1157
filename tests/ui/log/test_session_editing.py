# SPDX-License-Identifier: MIT
"""Refusing bad cells, undo and redo, reordering, "as last time", and the unit preference."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Session, SetRecord, SetType
from journal.domain.units import KG_PER_LB, Unit
from journal.settings import Preferences
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.changes import Change
from journal.storage.database import close_database, open_database
from journal.ui.log.exercise_block import ExerciseBlock
from journal.ui.main_window import MainWindow
from tests.ui.helpers import press, shoot, type_text

Key = Qt.Key
Mod = Qt.KeyboardModifier


def seeded(db_path: Path, sets: tuple[SetRecord, ...], when: datetime, name: str = "Bench Press") -> int:
    open_database(db_path)
    exercise = exercises.find_exercise(name)
    assert exercise is not None
    session, _ = repo.add_session(Session(start=when, title="Push", entries=(Entry(exercise=exercise, sets=sets),)))
    assert session.id is not None
    return session.id


def edit_cell(qtbot: QtBot, block: ExerciseBlock, row: int, key: str, text: str) -> None:
    block.table.go_to(row, key)
    type_text(qtbot, text)
    press(qtbot, Key.Key_Return)


WORK = SetRecord(load_kg=100, reps=5, rir=2)


@pytest.mark.parametrize(
    ("key", "text", "message"),
    [
        ("reps", "abc", "Reps: 'abc' is not a number"),
        ("reps", "5.5", "Reps: '5.5' is not a whole number"),
        ("reps", "1001", "Reps: must be a whole number from 0 to 1000"),
        ("load", "1200", "Load: must be between 0 and 1000 kg"),
        ("load", "-5", "Load: a negative load is assistance, for bodyweight exercises only"),
        ("effort", "11", "RIR: must be 0 to 10 in half steps"),
        ("effort", "2.3", "RIR: must be 0 to 10 in half steps"),
        ("failure_reps", "3", "Failure reps: must be at least the 5 reps of the set"),
    ],
)
def test_bad_cell_is_refused_with_a_message_and_nothing_written(
    qtbot: QtBot, db_path: Path, open_window, key: str, text: str, message: str
) -> None:
    session_id = seeded(db_path, (WORK,), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    block = window.editor.blocks[0]
    edit_cell(qtbot, block, 0, key, text)
    assert block.error.isVisible()
    assert message in block.error.text()
    assert block.error.text().startswith("Row 1")
    stored = repo.get_session(session_id).entries[0].sets
    assert [(s.load_kg, s.reps, s.rir, s.failure_reps) for s in stored] == [(100, 5, 2, None)]
    # A good value afterwards clears the message and is saved.
    edit_cell(qtbot, block, 0, key, {"reps": "6", "load": "102.5", "effort": "1.5", "failure_reps": "8"}[key])
    assert not block.error.isVisible()
    assert repo.get_session(session_id).entries[0].sets[0] != stored[0]


def test_bad_value_on_the_draft_row_adds_no_set(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = seeded(db_path, (WORK,), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    block = window.editor.blocks[0]
    edit_cell(qtbot, block, 1, "reps", "lots")
    assert "New set · Reps" in block.error.text()
    shoot(window, "cell-refused")
    assert len(repo.get_session(session_id).entries[0].sets) == 1


def test_rpe_entry_refuses_out_of_scale(qtbot: QtBot, db_path: Path, open_window) -> None:
    seeded(db_path, (WORK,), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    window.service.set_preferences(
        Preferences(**{**window.service.preferences.__dict__, "effort_scale": EffortScale.RPE})
    )
    block = window.editor.blocks[0]
    assert block.model.headerData(block.model.column_of("effort"), Qt.Orientation.Horizontal) == "RPE"
    assert block.model.data(block.model.index(0, block.model.column_of("effort"))) == "8"
    edit_cell(qtbot, block, 0, "effort", "0.5")
    assert "RPE: must be 1 to 10 in half steps" in block.error.text()


def test_bad_bodyweight_is_refused_at_the_field(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = seeded(db_path, (WORK,), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    window.editor.bodyweight.setFocus()
    type_text(qtbot, "8000")
    press(qtbot, Key.Key_Tab)
    assert window.editor.bodyweight_error.isVisible()
    assert "between 20 and 400 kg" in window.editor.bodyweight_error.text()
    assert repo.get_session(session_id).bodyweight_kg is None


def test_undo_and_redo_set_exercise_and_session_edits(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = seeded(db_path, (WORK,), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    stack = window.service.undo_stack
    block = window.editor.blocks[0]
    edit_cell(qtbot, block, 0, "reps", "7")
    assert repo.get_session(session_id).entries[0].sets[0].reps == 7
    press(qtbot, Key.Key_Z, Mod.ControlModifier)
    assert repo.get_session(session_id).entries[0].sets[0].reps == 5
    assert window.editor.blocks[0].model.data(window.editor.blocks[0].model.index(0, 2)) == "5"
    press(qtbot, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    assert repo.get_session(session_id).entries[0].sets[0].reps == 7

    # Delete a set, then the exercise, then the whole session; undo brings each back with its values.
    block = window.editor.blocks[0]
    block.table.go_to(0)
    press(qtbot, Key.Key_Delete)
    assert repo.get_session(session_id).entries[0].sets == ()
    window.editor.remove_entry(block.entry_id)
    assert repo.get_session(session_id).entries == ()
    window.delete_session()
    assert repo.session_count() == 0
    assert window.pages.currentWidget() is window.empty
    stack.undo()
    stack.undo()
    stack.undo()
    restored = repo.get_session(session_id)
    assert [(s.load_kg, s.reps, s.rir) for s in restored.entries[0].sets] == [(100, 7, 2)]
    qtbot.waitUntil(lambda: window.sessions.selected_id() == session_id)
    assert window.editor.blocks[0].model.sets[0].reps == 7
    while stack.canRedo():
        stack.redo()
    assert repo.session_count() == 0


def test_title_and_bodyweight_edits_undo(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = seeded(db_path, (WORK,), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    window.editor.title.selectAll()
    window.editor.title.setFocus()
    type_text(qtbot, "Heavy day")
    press(qtbot, Key.Key_Tab)
    assert repo.get_session(session_id).title == "Heavy day"
    window.service.undo_stack.undo()
    assert repo.get_session(session_id).title == "Push"
    assert window.editor.title.text() == "Push"


def test_duplicate_and_move_sets_and_exercises(qtbot: QtBot, db_path: Path, open_window) -> None:
    sets = (SetRecord(load_kg=60, reps=8, rir=3), SetRecord(load_kg=80, reps=5, rir=1, note="grindy"))
    session_id = seeded(db_path, sets, datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    block = window.editor.blocks[0]
    block.table.go_to(1)
    press(qtbot, Key.Key_D, Mod.ControlModifier)
    assert [(s.load_kg, s.note) for s in repo.get_session(session_id).entries[0].sets] == [
        (60, ""),
        (80, "grindy"),
        (80, "grindy"),
    ]
    block.table.go_to(0)
    press(qtbot, Key.Key_Down, Mod.AltModifier)
    assert [s.load_kg for s in repo.get_session(session_id).entries[0].sets] == [80, 60, 80]
    assert block.table.currentIndex().row() == 1

    window.editor.focus_picker()
    type_text(qtbot, "Lateral Raise")
    press(qtbot, Key.Key_Return)
    names = [e.exercise.name for e in repo.get_session(session_id).entries]
    assert len(names) == 2
    press(qtbot, Key.Key_Up, Mod.ControlModifier | Mod.ShiftModifier)
    assert [e.exercise.name for e in repo.get_session(session_id).entries] == names[::-1]
    assert window.editor.blocks[0].entry.exercise.name == names[1]


def test_as_last_time_plans_the_previous_session(qtbot: QtBot, db_path: Path, open_window) -> None:
    earlier = (
        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
        SetRecord(load_kg=100, reps=5, rir=2, failure_reps=7, note="felt easy"),
    )
    seeded(db_path, earlier, datetime(2026, 10, 1, 18))
    seeded(db_path, (SetRecord(load_kg=90, reps=5, rir=3),), datetime(2026, 9, 1, 18))  # older: not used
    window: MainWindow = open_window(db_path)
    window.new_session()
    session_id = window.sessions.selected_id()
    type_text(qtbot, "Bench Press")
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_L, Mod.ControlModifier)
    entry = repo.get_session(session_id).entries[0]
    assert entry.sets == ()  # a plan, not sets: see tests/ui/log/test_planned_sets.py
    assert [
        (p.planned.set_type, p.planned.load_kg, p.planned.reps, p.planned.rir, p.planned.failure_reps, p.planned.note)
        for p in entry.plans
    ] == [(SetType.WARMUP, 60, 5, None, None, ""), (SetType.WORKING, 100, 5, 2, None, "")]
    window.service.undo_stack.undo()
    assert repo.get_session(session_id).entries[0].plans == ()


def test_as_last_time_without_history_says_so(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    window.new_session()
    type_text(qtbot, "Hip Thrust")
    press(qtbot, Key.Key_Return)
    window.editor.blocks[0].fill_as_last_time()
    assert "No earlier session has Hip Thrust" in window.editor.blocks[0].error.text()


def test_new_exercise_name_is_created_after_confirmation(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    window.new_session()
    asked: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *args, **kw: asked.append(args[2]) or QMessageBox.StandardButton.Yes
    )
    type_text(qtbot, "Zercher Carry Deluxe")
    press(qtbot, Key.Key_Return)
    assert asked and "Zercher Carry Deluxe" in asked[0]
    assert exercises.find_exercise("zercher carry deluxe") is not None
    assert window.editor.blocks[0].entry.exercise.name == "Zercher Carry Deluxe"


def test_creating_an_exercise_is_undone_with_its_entry_and_redone_with_the_same_id(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    window.new_session()
    monkeypatch.setattr(QMessageBox, "question", lambda *args, **kw: QMessageBox.StandardButton.Yes)
    type_text(qtbot, "Zercher Carry Deluxe")
    press(qtbot, Key.Key_Return)
    created = exercises.find_exercise("Zercher Carry Deluxe")
    assert created is not None and len(window.editor.blocks) == 1
    stack = window.service.undo_stack
    assert stack.undoText() == "Add new exercise “Zercher Carry Deluxe”"  # one step: the exercise and its entry
    stack.undo()
    assert exercises.find_exercise("Zercher Carry Deluxe") is None
    assert not window.editor.blocks and "Zercher Carry Deluxe" not in window.editor.picker.owner
    stack.redo()
    again = exercises.find_exercise("Zercher Carry Deluxe")
    assert again is not None and again.id == created.id
    assert window.editor.blocks[0].entry.exercise.id == created.id


def test_an_exercise_in_use_is_never_removed(db_path: Path) -> None:
    session_id = seeded(db_path, (WORK,), datetime(2026, 11, 2, 18))  # leaves the file open
    try:
        used = repo.get_session(session_id).entries[0].exercise
        assert used.id is not None
        assert exercises.delete_exercise(used.id) == Change()  # a catalogue exercise a session uses
        mine, _ = exercises.create_exercise("Zercher Carry Deluxe")
        bench = exercises.find_exercise("Bench Press")
        assert mine.id is not None and bench is not None and bench.id is not None
        repo.add_session(Session(start=datetime(2026, 11, 3, 18), entries=(Entry(exercise=mine, sets=(WORK,)),)))
        assert exercises.delete_exercise(mine.id) == Change()
        assert exercises.find_exercise("Zercher Carry Deluxe") is not None
        assert exercises.delete_exercise(bench.id) == Change()  # from the catalogue: stays, used or not
        assert exercises.find_exercise("Bench Press") is not None
    finally:
        close_database()


def test_pounds_change_every_display_and_never_the_stored_kilograms(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = seeded(db_path, (SetRecord(load_kg=100, reps=5, rir=2),), datetime(2026, 11, 2, 18))
    window: MainWindow = open_window(db_path)
    window.service.set_preferences(Preferences(**{**window.service.preferences.__dict__, "units": Unit.LB}))
    block = window.editor.blocks[0]
    load = block.model.column_of("load")
    assert block.model.headerData(load, Qt.Orientation.Horizontal) == "Load (lb)"
    assert block.model.data(block.model.index(0, load)) == "220.46"
    assert window.sessions.model.headerData(3, Qt.Orientation.Horizontal) == "Tonnage (lb)"
    assert window.sessions.model.data(window.sessions.model.index(0, 3)) == f"{500 / KG_PER_LB:,.0f}"
    assert repo.get_session(session_id).entries[0].sets[0].load_kg == 100
    edit_cell(qtbot, block, 0, "load", "225")
    assert repo.get_session(session_id).entries[0].sets[0].load_kg == pytest.approx(225 * KG_PER_LB)
    assert block.model.data(block.model.index(0, load)) == "225"


def test_session_list_is_newest_first_and_filters(qtbot: QtBot, db_path: Path, open_window) -> None:
    base = datetime(2026, 1, 5, 18)
    for days in (0, 2, 4):
        seeded(db_path, (WORK,), base + timedelta(days=days))
    seeded(db_path, (SetRecord(load_kg=50, reps=10, rir=1),), base + timedelta(days=1), "Leg Press")
    window: MainWindow = open_window(db_path)
    model = window.sessions.proxy
    dates = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert dates == ["Fri 09 Jan 2026", "Wed 07 Jan 2026", "Tue 06 Jan 2026", "Mon 05 Jan 2026"]
    window.sessions.search.setText("leg press")
    qtbot.waitUntil(lambda: model.rowCount() == 1)  # once the typing pauses
    assert model.index(0, 0).data() == "Tue 06 Jan 2026"
