# SPDX-License-Identifier: MIT
"""Timed and distance sets in the editor: a plank shows a Time column, a carry Distance, a run both; what is typed is
read at the field (1:30 is 90 s; a bad time is refused there), stored, and counted as time under load or distance,
never as tonnage or hard sets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.queries import stats
from journal.ui.main_window import MainWindow
from tests.ui.helpers import press, screenshots, type_text, wait_active

Key = Qt.Key


def test_time_and_distance_are_typed_stored_and_counted_apart(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    found = [exercises.find_exercise(n) for n in ("Plank", "Farmer's Walk", "Running")]
    session, _ = repo.add_session(
        Session(
            start=datetime(2026, 11, 2, 18), title="Conditioning", entries=tuple(Entry(exercise=e) for e in found if e)
        )
    )
    close_database()
    window: MainWindow = open_window(db_path)
    wait_active(qtbot, window)
    plank, walk, run = window.editor.blocks
    assert [c.title(window.service.preferences) for c in plank.model.columns] == [
        "Type",
        "Load (kg)",
        "Time",
        "RIR",
        "Note",
    ]
    assert "Distance (m)" in [c.title(window.service.preferences) for c in walk.model.columns]

    plank.table.go_to(0, "duration")
    type_text(qtbot, "1:75")
    press(qtbot, Key.Key_Return)
    assert "Time: '1:75' is not a time like 1:30 or 1:02:30" in plank.error.text()
    assert repo.get_session(session.id).entries[0].sets == ()
    press(qtbot, Key.Key_Escape)
    plank.table.go_to(0, "duration")
    type_text(qtbot, "1:30")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "1")  # RIR 1: rated, and still no hard set
    press(qtbot, Key.Key_Return)
    press(qtbot, Key.Key_Return)  # the + row repeats it
    qtbot.waitUntil(lambda: len(repo.get_session(session.id).entries[0].sets) == 2)
    assert [s.duration_s for s in repo.get_session(session.id).entries[0].sets] == [90.0, 90.0]
    assert plank.summary.text() == "2 sets · 3:00 under load"

    walk.table.go_to(0, "load")
    type_text(qtbot, "40")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "50")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(repo.get_session(session.id).entries[1].sets) == 1)
    assert walk.summary.text() == "1 set · 50 m"

    run.table.go_to(0, "distance")
    type_text(qtbot, "5200")
    press(qtbot, Key.Key_Tab)
    type_text(qtbot, "28:30")
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(repo.get_session(session.id).entries[2].sets) == 1)
    (done,) = repo.get_session(session.id).entries[2].sets
    assert (done.distance_m, done.duration_s) == (5200.0, 1710.0)
    assert run.summary.text() == "1 set · 5.2 km in 28:30"

    figures = stats(3.0)
    assert (figures["tonnage_kg"], figures["weeks"][0]["hard_sets"]) == (0.0, 0)
    assert (figures["time_s"], figures["distance_m"]) == (180.0, 5250.0)
    screenshots(window, "timed-sets")
