# SPDX-License-Identifier: MIT
"""The review opens on the data: a journal whose sets all lie before the range chosen opens on the year up to its
latest session and says so; strength lines break across gaps of more than 8 weeks; the Strength chart starts with
the most-trained exercises ticked."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.charts.strength import broken_at_gaps
from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow

DAY = 86400.0


def old_journal(path: Path) -> None:
    """An import from 2023-24: bench twice a week for 30 weeks, squat once, curls five times; nothing since."""
    open_database(path)
    bench, squat, curl = (exercises.find_exercise(n) for n in ("Bench Press", "Back Squat", "Barbell Curl"))
    assert bench and squat and curl
    start = datetime(2023, 9, 4, 18)
    for week in range(30):
        day = start + timedelta(weeks=week)
        entries = [Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5, rir=2, effort_scale=EffortScale.RIR),))]
        if week % 2 == 0:
            entries.append(Entry(exercise=squat, sets=(SetRecord(load_kg=140, reps=5),)))
        if week < 5:
            entries.append(Entry(exercise=curl, sets=(SetRecord(load_kg=40, reps=10),)))
        repo.add_session(Session(start=day, entries=tuple(entries)))
        repo.add_session(
            Session(
                start=day + timedelta(days=3), entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5),)),)
            )
        )
    close_database()


def test_an_old_import_opens_on_its_latest_year_and_says_so(qtbot: QtBot, db_path: Path, open_window) -> None:
    old_journal(db_path)
    window: MainWindow = open_window(db_path)
    window.tabs.setCurrentWidget(window.review)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None and screen.range.currentText() == "Custom", timeout=20000)
    latest = date(2023, 9, 7) + timedelta(weeks=29)  # the last session, a Thursday: 2024-03-28
    sunday = latest + timedelta(days=6 - latest.weekday())
    assert screen.until.date().toPython() == sunday
    assert screen.since.date().toPython() == max(date(2023, 9, 4), sunday - timedelta(days=364))
    assert screen.range_note.isVisible()
    assert screen.range_note.text() == "No sets in the last year: showing the year to your latest session"
    assert any(float(h) for h in screen.volume.working_bars.opts["height"])
    # choosing a range again is the lifter's choice: the note goes
    screen.range.setCurrentText("All")
    assert not screen.range_note.isVisible()
    # the strength list starts with the two most-trained exercises ticked, not the curl
    ticked = {
        screen.strength_choice.item(r).text()
        for r in range(screen.strength_choice.rowCount())
        if screen.strength_choice.item(r).checkState() == Qt.CheckState.Checked
    }
    assert {"Bench Press", "Back Squat"} <= ticked


def test_strength_lines_break_across_gaps_of_more_than_8_weeks() -> None:
    day = np.array([0.0, 7.0, 14.0, 14.0 + 57, 14.0 + 64]) * DAY  # 57 days between the third and the fourth
    values = np.array([100.0, 101.0, 102.0, 95.0, 96.0])
    x, y = broken_at_gaps(day, values)
    assert np.isnan(x[3]) and np.isnan(y[3]) and len(x) == 6
    assert list(y[[0, 1, 2, 4, 5]]) == [100.0, 101.0, 102.0, 95.0, 96.0]
    x, _ = broken_at_gaps(np.array([0.0, 56.0]) * DAY, np.array([1.0, 2.0]))  # exactly 8 weeks: no break
    assert not np.isnan(x).any()
