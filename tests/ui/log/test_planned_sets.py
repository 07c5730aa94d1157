# SPDX-License-Identifier: MIT
"""Planned sets in the window: a session started from a routine, or filled "as last time", shows its plan as ghost
rows that count nowhere; Enter (or the tick box) logs one as shown or as typed, in one undo step; the + row stores
nothing the lifter did not confirm."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, PlannedSet, Session, SetRecord, SetType
from journal.domain.routines import Routine, RoutineItem
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import open_database
from journal.storage.queries import list_sessions, stats
from journal.storage.routines import save_routine
from journal.ui.log.exercise_block import ExerciseBlock
from journal.ui.main_window import MainWindow
from journal.ui.routines.routine_models import COLUMNS
from tests.ui.helpers import focused, press, type_text

Key = Qt.Key
Mod = Qt.KeyboardModifier
EARLIER = datetime.now().replace(second=0, microsecond=0) - timedelta(days=3)


def seed_routine(db_path: Path) -> int:
    """A routine (bench 3 × 5 @ RIR 2, load suggested; curl 2 × 10–12 with the last set all out) done once: every
    bench set 100 × 5 with 3 in reserve, so next time's bench load is one step up."""
    open_database(db_path)
    bench, curl = (exercises.find_exercise(n) for n in ("Bench Press", "Dumbbell Curl"))
    assert bench is not None and curl is not None
    routine, _ = save_routine(
        Routine(
            name="Push A",
            items=(
                RoutineItem(exercise=bench, sets=3, reps_low=5, reps_high=5, target_rir=2.0),
                RoutineItem(
                    exercise=curl, sets=2, reps_low=10, reps_high=12, target_rir=1.0, load_kg=12.0, calibration=True
                ),
            ),
        )
    )
    repo.add_session(
        Session(
            start=EARLIER,
            title="Push A",
            routine_id=routine.id,
            entries=(
                Entry(
                    exercise=bench,
                    sets=(
                        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
                        *[SetRecord(load_kg=100, reps=5, rir=3.0)] * 3,
                    ),
                ),
            ),
        )
    )
    assert routine.id is not None
    return routine.id


def figures() -> tuple[object, ...]:
    """What the journal counts: sets in the file, in the session list, in stats."""
    totals = stats()
    return (sum(s.set_count for s in list_sessions()), totals["sets"], totals["working_sets"], totals["tonnage_kg"])


def start_routine(qtbot: QtBot, window: MainWindow) -> tuple[int, ExerciseBlock]:
    window.tabs.setCurrentWidget(window.routines)
    qtbot.mouseClick(window.routines.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.pages)
    qtbot.waitUntil(lambda: window.editor.blocks[0].table.isVisible())  # as a person sees it before typing
    session_id = window.sessions.selected_id()
    assert session_id is not None
    return session_id, window.editor.blocks[0]


def cells(block: ExerciseBlock, row: int, *keys: str) -> tuple[str, ...]:
    model = block.model
    return tuple(model.data(model.index(row, model.column_of(k))) for k in keys)


def next_time(window: MainWindow) -> str:
    window.tabs.setCurrentWidget(window.routines)
    items = window.routines.items
    text = items.data(items.index(0, COLUMNS.index("next")))
    window.tabs.setCurrentWidget(window.pages)
    return str(text)


def test_a_session_started_from_a_routine_shows_its_plan_as_ghost_rows_that_count_nowhere(
    qtbot: QtBot, db_path: Path, open_window
) -> None:
    seed_routine(db_path)
    window: MainWindow = open_window(db_path)
    before = figures()
    assert before == (4, 4, 3, 1500.0)
    assert next_time(window) == "▲ 102.5 kg"
    session_id, bench = start_routine(qtbot, window)

    session = repo.get_session(session_id)
    assert [len(e.sets) for e in session.entries] == [0, 0]  # nothing done yet
    assert figures() == before  # nothing counted: list, stats
    assert next_time(window) == "▲ 102.5 kg"  # still from the session done, not from this plan
    summary = next(s for s in list_sessions() if s.id == session_id)
    assert summary.set_count == 0 and summary.tonnage_kg == 0

    # Three ghost rows, then the + row: the target (suggested load, top of the range, target RIR), grey and italic.
    model = bench.model
    assert model.rowCount() == 4 and [model.headerData(r, Qt.Orientation.Vertical) for r in range(4)] == [
        "○",
        "○",
        "○",
        "+",
    ]
    assert [cells(bench, r, "load", "reps", "effort") for r in range(3)] == [("102.5", "5", "2")] * 3
    grey = QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
    index = model.index(0, model.column_of("reps"))
    assert model.data(index, Qt.ItemDataRole.ForegroundRole) == grey
    assert model.data(index, Qt.ItemDataRole.FontRole).italic()
    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert "Planned: 102.5 kg 5 reps @ RIR 2" in tip and "last time: 100 kg × 5 @ RIR 3" in tip
    assert "0 working sets" in bench.summary.text()
    # The calibration item: last set planned all out, at the routine's load.
    curl = window.editor.blocks[1]
    assert [cells(curl, r, "set_type", "load", "reps", "effort") for r in range(2)] == [
        ("Working", "12", "12", "1"),
        ("Failure/AMRAP", "12", "12", "0"),
    ]


def test_enter_on_a_ghost_row_logs_it_as_shown_in_one_undo_step(qtbot: QtBot, db_path: Path, open_window) -> None:
    seed_routine(db_path)
    window: MainWindow = open_window(db_path)
    before = figures()
    session_id, bench = start_routine(qtbot, window)
    assert focused() is bench.table and bench.table.currentIndex().row() == 0

    press(qtbot, Key.Key_Return)  # the first planned set, done as planned; the target RIR is no rating of it
    (done,) = repo.get_session(session_id).entries[0].sets
    assert (done.set_type, done.load_kg, done.reps, done.rir) == (SetType.WORKING, 102.5, 5, None)
    assert len(repo.get_session(session_id).entries[0].plans) == 2
    assert figures() == (before[0] + 1, before[1] + 1, before[2] + 1, before[3] + 512.5)
    assert bench.model.headerData(0, Qt.Orientation.Vertical) == "1"
    assert bench.table.currentIndex().row() == 1  # on to the next planned set
    assert "1 working set" in bench.summary.text()

    # The second: 4 reps at RIR 1, typed over the plan; the load stays as planned.
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "4")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "1")
    assert len(repo.get_session(session_id).entries[0].sets) == 1  # typing stores nothing yet
    press(qtbot, Key.Key_Return)
    sets = repo.get_session(session_id).entries[0].sets
    assert [(s.load_kg, s.reps, s.rir) for s in sets] == [(102.5, 5, None), (102.5, 4, 1.0)]

    stack = window.service.undo_stack
    assert stack.undoText() == "Log planned set"
    press(qtbot, Key.Key_Z, Mod.ControlModifier)
    entry = repo.get_session(session_id).entries[0]
    assert [s.reps for s in entry.sets] == [5] and len(entry.plans) == 2  # the plan is back, as planned
    assert [cells(bench, r, "load", "reps", "effort") for r in (1, 2)] == [("102.5", "5", "2")] * 2
    assert figures()[1] == before[1] + 1
    press(qtbot, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    entry = repo.get_session(session_id).entries[0]
    assert [s.reps for s in entry.sets] == [5, 4] and len(entry.plans) == 1


def test_ticking_a_ghost_row_logs_it_and_delete_drops_a_plan(qtbot: QtBot, db_path: Path, open_window) -> None:
    seed_routine(db_path)
    window: MainWindow = open_window(db_path)
    session_id, bench = start_routine(qtbot, window)
    table, model = bench.table, bench.model
    index = model.index(1, 0)
    option = QStyleOptionViewItem()
    option.rect = table.visualRect(index)
    option.features |= QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator
    box = table.style().subElementRect(QStyle.SubElement.SE_ItemViewItemCheckIndicator, option, table)
    assert box.isValid()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=box.center())
    qtbot.waitUntil(lambda: len(repo.get_session(session_id).entries[0].sets) == 1)
    entry = repo.get_session(session_id).entries[0]
    assert [(s.load_kg, s.reps, s.rir) for s in entry.sets] == [(102.5, 5, None)] and len(entry.plans) == 2

    table.go_to(2)
    press(qtbot, Key.Key_Delete)  # the last planned set will not be done
    entry = repo.get_session(session_id).entries[0]
    assert len(entry.sets) == 1 and len(entry.plans) == 1
    press(qtbot, Key.Key_Z, Mod.ControlModifier)
    assert len(repo.get_session(session_id).entries[0].plans) == 2


def test_a_ghost_row_without_a_load_asks_for_it(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    row = exercises.find_exercise("Barbell Row")
    assert row is not None
    save_routine(Routine(name="Pull", items=(RoutineItem(exercise=row, sets=2),)))
    window: MainWindow = open_window(db_path)
    session_id, block = start_routine(qtbot, window)
    assert cells(block, 0, "load", "reps", "effort") == ("", "12", "2")
    press(qtbot, Key.Key_Return)
    assert repo.get_session(session_id).entries[0].sets == ()
    assert "Type the load of this set first" in block.error.text()
    assert block.table.currentIndex().column() == block.model.column_of("load")
    type_text(qtbot, "60")
    press(qtbot, Key.Key_Return)
    (done,) = repo.get_session(session_id).entries[0].sets
    assert (done.load_kg, done.reps, done.rir) == (60, 12, None)


def test_as_last_time_plans_ghost_rows_and_enter_logs_them(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    repo.add_session(
        Session(
            start=EARLIER,
            entries=(
                Entry(
                    exercise=bench,
                    sets=(
                        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
                        SetRecord(load_kg=100, reps=5, rir=2, failure_reps=7, note="felt easy"),
                    ),
                ),
            ),
        )
    )
    window: MainWindow = open_window(db_path)
    before = figures()
    press(qtbot, Key.Key_N, Mod.ControlModifier)
    session_id = window.sessions.selected_id()
    type_text(qtbot, "Bench Press")
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_L, Mod.ControlModifier)

    entry = repo.get_session(session_id).entries[0]
    assert entry.sets == () and figures() == before
    assert [(p.planned.set_type, p.planned.load_kg, p.planned.reps, p.planned.rir) for p in entry.plans] == [
        (SetType.WARMUP, 60, 5, None),
        (SetType.WORKING, 100, 5, 2),
    ]
    block = window.editor.blocks[0]
    assert [cells(block, r, "set_type", "load", "reps", "effort", "note") for r in range(2)] == [
        ("Warm-up", "60", "5", "", ""),
        ("Working", "100", "5", "2", ""),
    ]

    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_Return)
    sets = repo.get_session(session_id).entries[0].sets
    assert [(s.set_type, s.load_kg, s.reps, s.rir, s.failure_reps, s.note) for s in sets] == [
        (SetType.WARMUP, 60, 5, None, None, ""),
        (SetType.WORKING, 100, 5, None, None, ""),
    ]  # last time's RIR is no rating of this set
    assert figures()[1] == before[1] + 2
    press(qtbot, Key.Key_Z, Mod.ControlModifier)
    entry = repo.get_session(session_id).entries[0]
    assert len(entry.sets) == 1 and len(entry.plans) == 1
    press(qtbot, Key.Key_Z, Mod.ControlModifier)
    press(qtbot, Key.Key_Z, Mod.ControlModifier)  # the plan itself
    entry = repo.get_session(session_id).entries[0]
    assert entry.sets == () and entry.plans == ()


def test_tab_through_the_plus_row_stores_nothing(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    session, _ = repo.add_session(
        Session(start=EARLIER, entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5, rir=2),)),))
    )
    window: MainWindow = open_window(db_path)
    window.sessions.select(session.id)
    block = window.editor.blocks[0]
    block.table.go_to(1)  # the + row, grey 100 × 5 @ 2 from the set above
    type_text(qtbot, "105")
    for _ in range(6):
        press(qtbot, Key.Key_Tab)
    assert len(repo.get_session(session.id).entries[0].sets) == 1  # Tab stores nothing
    assert cells(block, 1, "load", "reps", "effort") == ("105", "5", "2")
    index = block.model.index(1, block.model.column_of("load"))
    assert block.model.data(index, Qt.ItemDataRole.ForegroundRole) is None  # typed: drawn plain
    press(qtbot, Key.Key_Up)  # leaving the row: the reps were not typed, so still nothing
    assert len(repo.get_session(session.id).entries[0].sets) == 1
    assert "not stored yet: type its reps too" in block.error.text()

    # Typed load and reps, then the lifter leaves the row: stored with what was typed only (no grey RIR).
    block.table.go_to(1, "reps")
    type_text(qtbot, "4")
    press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_Up)
    sets = repo.get_session(session.id).entries[0].sets
    assert [(s.load_kg, s.reps, s.rir) for s in sets] == [(100, 5, 2), (105, 4, None)]

    # Enter on the + row still stores it as shown: the set above, again.
    block.table.go_to(2)
    press(qtbot, Key.Key_Return)
    sets = repo.get_session(session.id).entries[0].sets
    assert [(s.load_kg, s.reps, s.rir) for s in sets] == [(100, 5, 2), (105, 4, None), (105, 4, None)]


def test_plans_left_when_the_session_is_over_show_as_skipped(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    session, _ = repo.add_session(
        Session(
            start=EARLIER,
            entries=(
                Entry(
                    exercise=bench,
                    sets=(SetRecord(load_kg=100, reps=5, rir=2),),
                    plans=(PlannedSet(SetRecord(load_kg=100, reps=5, rir=2)),),
                ),
            ),
        )
    )
    window: MainWindow = open_window(db_path)
    window.sessions.select(session.id)
    model = window.editor.blocks[0].model
    assert model.headerData(1, Qt.Orientation.Vertical) == "–"
    index = model.index(1, model.column_of("reps"))
    assert model.data(index, Qt.ItemDataRole.FontRole).strikeOut()
    assert "Skipped" in model.data(index, Qt.ItemDataRole.ToolTipRole)
    assert figures() == (1, 1, 1, 500.0)


def test_reps_and_effort_typed_over_a_plan_are_kept_when_the_lifter_moves_on(
    qtbot: QtBot, db_path: Path, open_window
) -> None:
    """The usual edit of a ghost row: the planned load left as it is, the reps and RIR done typed. Switching to
    another session (or closing the window) stores it, at the planned load; nothing typed is lost."""
    seed_routine(db_path)
    window: MainWindow = open_window(db_path)
    session_id, bench = start_routine(qtbot, window)
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "4")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "1")
    other = next(s.id for s in list_sessions() if s.id != session_id)
    window.sessions.select(other)
    entry = repo.get_session(session_id).entries[0]
    assert [(s.load_kg, s.reps, s.rir) for s in entry.sets] == [(102.5, 4, 1.0)]
    assert len(entry.plans) == 2
