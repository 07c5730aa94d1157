# SPDX-License-Identifier: MIT
"""A whole session typed through the keyboard, then found again after a restart."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.domain.effort import EffortScale
from journal.domain.records import SetType
from journal.settings import Preferences
from journal.storage import repository as repo
from journal.storage.queries import list_sessions
from journal.ui.main_window import MainWindow
from tests.ui.helpers import KEYSTROKES, focused, press, shoot, type_text

Key = Qt.Key
Mod = Qt.KeyboardModifier


def add_exercise(qtbot: QtBot, name: str) -> None:
    press(qtbot, Key.Key_E, Mod.ControlModifier)
    type_text(qtbot, name)
    press(qtbot, Key.Key_Return)


def enter_set(qtbot: QtBot, *cells: str) -> None:
    """From the Load cell: type each cell, Tab between them, Enter at the end."""
    for i, text in enumerate(cells):
        if text:
            type_text(qtbot, text)
        if i < len(cells) - 1:
            press(qtbot, Key.Key_Tab)
    press(qtbot, Key.Key_Return)


def mark(qtbot: QtBot, letter: str) -> None:
    """From the draft row: up to the set just entered, Home to its Type, a letter for the type, Enter."""
    press(qtbot, Key.Key_Up)
    press(qtbot, Key.Key_Home)
    type_text(qtbot, letter)
    press(qtbot, Key.Key_Return)


def test_type_a_whole_session_and_find_it_after_restart(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    assert window.pages.currentWidget() is window.empty

    press(qtbot, Key.Key_N, Mod.ControlModifier)
    assert window.pages.currentWidget() is window.splitter
    assert focused() is window.editor.picker.field
    window.editor.title.setFocus()
    type_text(qtbot, "Upper A")
    press(qtbot, Key.Key_Tab)  # leaving the field saves it
    window.editor.bodyweight.setFocus()
    type_text(qtbot, "81.5")
    press(qtbot, Key.Key_Tab)

    # Bench: two warm-ups, three working sets in RIR; Enter on the draft repeats the set above.
    add_exercise(qtbot, "Bench Press (Barbell)")
    enter_set(qtbot, "40", "10")
    mark(qtbot, "w")
    enter_set(qtbot, "60", "5")  # the draft repeats the type above: a warm-up
    enter_set(qtbot, "100", "5", "2")
    mark(qtbot, "n")  # the first working set
    press(qtbot, Key.Key_Return)  # third working set: the same again
    enter_set(qtbot, "100", "4", "1", "6")  # last set taken on to failure: 6 reps in all

    # Squat in RPE.
    window.service.set_preferences(
        Preferences(**{**window.service.preferences.__dict__, "effort_scale": EffortScale.RPE})
    )
    add_exercise(qtbot, "squat (barbell)")
    enter_set(qtbot, "140", "3", "8")
    press(qtbot, Key.Key_Return)
    enter_set(qtbot, "140", "3", "8.5")

    # Pull-ups: bodyweight plus 10 kg, RIR back on.
    window.service.set_preferences(
        Preferences(**{**window.service.preferences.__dict__, "effort_scale": EffortScale.RIR})
    )
    add_exercise(qtbot, "Pull-up")
    enter_set(qtbot, "10", "8", "2")
    enter_set(qtbot, "", "", "1")

    shoot(window, "session-typed")
    session_id = window.sessions.selected_id()
    assert session_id is not None
    window.close()
    window.service.close()

    again: MainWindow = open_window(db_path)
    assert again.sessions.selected_id() == session_id
    session = repo.get_session(session_id)
    assert session.title == "Upper A"
    assert session.bodyweight_kg == pytest.approx(81.5)
    bench, squat, pullup = session.entries
    assert bench.exercise.name == "Bench Press"
    assert [(s.set_type, s.load_kg, s.reps, s.rir, s.failure_reps) for s in bench.sets] == [
        (SetType.WARMUP, 40, 10, None, None),
        (SetType.WARMUP, 60, 5, None, None),
        (SetType.WORKING, 100, 5, 2, None),
        (SetType.WORKING, 100, 5, 2, None),
        (SetType.WORKING, 100, 4, 1, 6),
    ]
    assert squat.exercise.name == "Back Squat"
    assert [(s.load_kg, s.reps, s.rir, s.effort_scale) for s in squat.sets] == [
        (140, 3, 2, EffortScale.RPE),
        (140, 3, 2, EffortScale.RPE),
        (140, 3, 1.5, EffortScale.RPE),
    ]
    assert [(s.load_kg, s.reps, s.rir) for s in pullup.sets] == [(10, 8, 2), (10, 8, 1)]
    # The list shows the session with its sets and the tonnage computed by hand.
    tonnage = 100 * 5 * 2 + 100 * 4 + 140 * 3 * 3 + (81.5 + 10) * 8 * 2
    (summary,) = list_sessions()
    assert summary.set_count == 10
    assert summary.tonnage_kg == pytest.approx(tonnage)
    # The editor shows the same values the lifter typed.
    block = again.editor.blocks[0]
    assert block.model.data(block.model.index(4, block.model.column_of("failure_reps"))) == "6"
    assert "3 working sets" in block.summary.text() and "3 hard" in block.summary.text()


def test_a_five_exercise_session_takes_a_few_hundred_keystrokes(qtbot: QtBot, db_path: Path, open_window) -> None:
    """Searching by a word and repeating sets with Enter: 5 exercises, 17 sets, in under 200 keys (about a
    minute at three keys a second)."""
    window: MainWindow = open_window(db_path)
    KEYSTROKES[0] = 0
    press(qtbot, Key.Key_N, Mod.ControlModifier)
    plan = [
        ("bench", [(("60", "8", ""), "w"), (("100", "5", "2"), "n")], 3),
        ("ohp", [(("50", "8", "2"), "")], 3),
        ("lat pull", [(("65", "10", "2"), "")], 3),
        ("lat raise", [(("10", "15", "1"), "")], 4),
        ("tri push", [(("30", "12", "1"), "")], 3),
    ]
    for search, typed, repeats in plan:
        type_text(qtbot, search)
        press(qtbot, Key.Key_Return)
        for cells, set_type in typed:
            enter_set(qtbot, *cells)
            if set_type:
                mark(qtbot, set_type)
                press(qtbot, Key.Key_Down)
        for _ in range(repeats - 1):
            press(qtbot, Key.Key_Return)
        press(qtbot, Key.Key_E, Mod.ControlModifier)
    session = repo.get_session(window.sessions.selected_id())
    assert [e.exercise.name for e in session.entries] == [
        "Bench Press",
        "Overhead Press",
        "Lat Pulldown",
        "Lateral Raise",
        "Tricep Pushdown",
    ]
    assert [len(e.sets) for e in session.entries] == [4, 3, 3, 4, 3]
    assert session.entries[0].sets[0].set_type is SetType.WARMUP
    assert [s.set_type for s in session.entries[0].sets[1:]] == [SetType.WORKING] * 3
    print(f"keystrokes for a five-exercise session of 17 sets: {KEYSTROKES[0]}")
    assert KEYSTROKES[0] < 200, KEYSTROKES[0]
