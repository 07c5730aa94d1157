# SPDX-License-Identifier: MIT
"""Going from session to session: every exercise block shows its own entry's sets, in the blocks kept from before."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from tests.ui.helpers import click, press, type_text

Key = Qt.Key
DAY = datetime(2024, 3, 4, 18, 0)


def entry(name: str, *sets: SetRecord, superset: int | None = None) -> Entry:
    exercise = exercises.find_exercise(name)
    assert exercise is not None, name
    return Entry(exercise=exercise, sets=sets, superset=superset)


def seed(db_path: Path) -> None:
    """Three sessions, newest first in the list: three exercises (one timed), one, and four (the first two a
    superset)."""
    open_database(db_path)
    sessions = [
        (
            "Push",
            [
                entry("Bench Press", SetRecord(load_kg=100, reps=5), SetRecord(load_kg=102.5, reps=4)),
                entry("Squat", SetRecord(load_kg=140, reps=3)),
                entry("Plank", SetRecord(duration_s=60)),
            ],
        ),
        ("Legs", [entry("Squat", SetRecord(load_kg=150, reps=2), SetRecord(load_kg=150, reps=2))]),
        (
            "Pull",
            [
                entry("Deadlift", SetRecord(load_kg=200, reps=1), superset=1),
                entry("Plank", SetRecord(duration_s=45), SetRecord(duration_s=50), superset=1),
                entry("Bench Press"),
                entry("Squat", SetRecord(load_kg=60, reps=10)),
            ],
        ),
    ]
    for days, (title, entries) in enumerate(sessions):
        repo.add_session(Session(start=DAY - timedelta(days=days), title=title, entries=tuple(entries)))
    close_database()


def check_shown(window: MainWindow) -> None:
    """The blocks shown are the session's exercises, in order, each with its columns and its own sets."""
    editor = window.editor
    assert editor.session is not None and editor.session.id is not None
    stored = repo.get_session(editor.session.id)
    shown = [block for block in editor.pool if block.isVisible()]
    assert shown == editor.blocks
    assert [b.title.text() for b in shown] == [e.exercise.name for e in stored.entries]
    for block, stored_entry in zip(shown, stored.entries, strict=True):
        assert block.entry_id == stored_entry.id
        model = block.model
        assert [s.id for s in model.sets] == [s.id for s in stored_entry.sets]
        assert model.rowCount() == len(stored_entry.sets) + 1  # and the + row
        text = [
            model.index(row, model.column_of("duration" if model.column_of("reps") < 0 else "reps")).data()
            for row in range(len(stored_entry.sets))
        ]
        expected = [model.text(s, "duration" if model.column_of("reps") < 0 else "reps") for s in stored_entry.sets]
        assert text == expected
        assert block.table.horizontalHeader().count() == len(model.columns)
        assert block.group.isVisible() == (stored_entry.superset is not None)  # A1, A2: only in a superset
        assert block.superset.isChecked() == (
            len(shown) > 1 and block is shown[1] and stored_entry.superset is not None
        )


def test_switching_sessions_back_and_forth_shows_each_entrys_sets_in_the_blocks_kept(
    qtbot: QtBot, db_path: Path, open_window: object
) -> None:
    seed(db_path)
    window: MainWindow = open_window(db_path)  # type: ignore[operator]
    sessions = window.sessions
    click(qtbot, sessions.view.viewport(), QPoint(40, 20))  # the newest: Push
    qtbot.waitUntil(lambda: window.editor.session is not None and window.editor.session.title == "Push")
    check_shown(window)
    made = list(window.editor.pool)
    assert len(made) == 3
    titles = []
    for key in (Key.Key_Down, Key.Key_Down, Key.Key_Up, Key.Key_Up, Key.Key_Down, Key.Key_Down):
        press(qtbot, key)
        assert window.editor.session is not None
        titles.append(window.editor.session.title)
        check_shown(window)
        assert window.editor.pool[: len(made)] == made  # the blocks made before are shown again, not made anew
    assert titles == ["Legs", "Pull", "Legs", "Push", "Legs", "Pull"]
    assert len(window.editor.pool) == 4  # one more made for Pull's fourth exercise, kept since


def test_a_set_half_typed_in_one_session_shows_in_no_other(qtbot: QtBot, db_path: Path, open_window: object) -> None:
    seed(db_path)
    window: MainWindow = open_window(db_path)  # type: ignore[operator]
    click(qtbot, window.sessions.view.viewport(), QPoint(40, 20))
    qtbot.waitUntil(lambda: window.editor.session is not None and window.editor.session.title == "Push")
    bench = window.editor.blocks[0]
    bench.table.go_to(2, "load")  # the + row of Bench Press: a load typed, no reps
    type_text(qtbot, "77")
    press(qtbot, Key.Key_Tab)
    assert bench.model.typed_keys(2) == {"load"}
    click(qtbot, window.sessions.view.viewport(), QPoint(40, 20))
    press(qtbot, Key.Key_Down)  # to Legs: its Squat shown in the block that showed Bench Press
    qtbot.waitUntil(lambda: window.editor.session is not None and window.editor.session.title == "Legs")
    check_shown(window)
    squat = window.editor.blocks[0]
    assert squat is bench
    assert not squat.model.typed_keys(squat.model.rowCount() - 1)
    assert "77" not in {squat.model.index(row, 1).data() for row in range(squat.model.rowCount())}
    qtbot.wait(50)  # the row left in Bench Press is not stored in Squat
    assert [s.load_kg for s in repo.get_session(window.editor.session.id).entries[0].sets] == [150, 150]


def test_a_set_stored_redraws_no_other_exercise(qtbot: QtBot, db_path: Path, open_window: object) -> None:
    """Storing a set re-reads its own exercise; the others' cells are as they were, and are not drawn again."""
    seed(db_path)
    window: MainWindow = open_window(db_path)  # type: ignore[operator]
    click(qtbot, window.sessions.view.viewport(), QPoint(40, 20))
    qtbot.waitUntil(lambda: window.editor.session is not None and window.editor.session.title == "Push")
    bench, squat = window.editor.blocks[:2]
    told: list[object] = []
    squat.model.dataChanged.connect(lambda *_: told.append("cells"))
    squat.model.headerDataChanged.connect(lambda *_: told.append("header"))
    bench.table.go_to(2, "load")  # the + row: Enter stores it as shown
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(bench.model.sets) == 3)
    assert told == []
    assert "3 working sets" in bench.summary.text()


def test_a_note_being_typed_is_stored_with_its_exercise_when_the_exercises_change(
    qtbot: QtBot, db_path: Path, open_window: object
) -> None:
    seed(db_path)
    window: MainWindow = open_window(db_path)  # type: ignore[operator]
    click(qtbot, window.sessions.view.viewport(), QPoint(40, 20))
    qtbot.waitUntil(lambda: window.editor.session is not None and window.editor.session.title == "Push")
    session_id = window.editor.session.id
    bench, squat = (block.entry_id for block in window.editor.blocks[:2])
    click(qtbot, window.editor.blocks[0].note)
    type_text(qtbot, "wide grip")
    press(qtbot, Key.Key_Down, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)  # moved down
    qtbot.waitUntil(lambda: repo.get_entry(bench).note == "wide grip")
    assert [e.id for e in repo.get_session(session_id).entries][:2] == [squat, bench]
    click(qtbot, window.editor.blocks[1].note)  # Bench Press's, second now
    type_text(qtbot, ", thumbs around")
    press(qtbot, Key.Key_G, Qt.KeyboardModifier.ControlModifier)  # in a superset with Back Squat, above
    qtbot.waitUntil(lambda: repo.get_entry(bench).note == "wide grip, thumbs around")
    stored = repo.get_session(session_id).entries
    assert stored[1].superset is not None and stored[1].superset == stored[0].superset
    assert [e.note for e in stored] == ["", "wide grip, thumbs around", ""]
    assert [b.note.text() for b in window.editor.blocks] == ["", "wide grip, thumbs around", ""]


def test_a_value_refused_as_another_session_is_chosen_opens_no_cell_of_that_session(
    qtbot: QtBot, db_path: Path, open_window: object
) -> None:
    seed(db_path)
    window: MainWindow = open_window(db_path)  # type: ignore[operator]
    click(qtbot, window.sessions.view.viewport(), QPoint(40, 20))
    qtbot.waitUntil(lambda: window.editor.session is not None and window.editor.session.title == "Push")
    bench = window.editor.blocks[0]
    bench.table.go_to(0, "reps")
    press(qtbot, Key.Key_F2)
    type_text(qtbot, "lots")  # refused when the cell is left
    second = window.sessions.view.visualRect(window.sessions.view.model().index(1, 0)).center()
    click(qtbot, window.sessions.view.viewport(), second)  # Legs
    qtbot.waitUntil(lambda: window.editor.session is not None and window.editor.session.title == "Legs")
    qtbot.wait(50)
    assert bench.table.state() != bench.table.State.EditingState  # Squat's cell is not opened for typing
    assert window.sessions.view.hasFocus()
    check_shown(window)
    assert [s.reps for s in repo.get_session(window.editor.session.id).entries[0].sets] == [2, 2]
