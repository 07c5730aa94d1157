# SPDX-License-Identifier: MIT
"""The Volume chart tells the conditioning done (time under load, distance) in a line under its plots and in each
week's tooltip, for the exercise or muscle shown: never in tonnage or hard sets (figures as `journal stats`)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord, SetType
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from tests.ui.helpers import screenshots

BENCH = (SetRecord(load_kg=100, reps=5, rir=1),)
PLANK = (SetRecord(set_type=SetType.WARMUP, duration_s=30), SetRecord(duration_s=60, rir=1))
RUN = (SetRecord(distance_m=5200, duration_s=1800),)


def seed(db_path: Path) -> datetime:
    open_database(db_path)
    bench, plank, run = (exercises.find_exercise(n) for n in ("Bench Press", "Plank", "Running"))
    assert bench and plank and run
    today = datetime.now().replace(hour=7, minute=0, second=0, microsecond=0)
    monday = today - timedelta(days=today.weekday())
    last_week = monday - timedelta(days=7)
    repo.add_session(
        Session(start=last_week, entries=(Entry(exercise=bench, sets=BENCH), Entry(exercise=plank, sets=PLANK)))
    )
    repo.add_session(Session(start=monday, entries=(Entry(exercise=run, sets=RUN), Entry(exercise=bench, sets=BENCH))))
    close_database()
    return last_week


def test_conditioning_beside_the_volume(qtbot: QtBot, db_path: Path, open_window) -> None:
    last_week = seed(db_path)
    window: MainWindow = open_window(db_path)
    window.tabs.setCurrentWidget(window.review)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    screen.range.setCurrentText("4 weeks")
    chart = screen.volume
    qtbot.waitUntil(lambda: chart.conditioning_key.isVisible())
    assert chart.conditioning_key.plain == (
        "Conditioning in this range: 1:00 under load · 5.2 km (not in tonnage or sets)"
    )
    tonnage, working, hard = chart.values
    assert tonnage[-2:].tolist() == [500.0, 500.0] and hard[-2:].tolist() == [1.0, 1.0]  # bench only
    x, _ = chart.week_centres()
    first = chart.describe(chart.top, float(x[-2]), 1.0) or ""
    assert first.endswith("\nConditioning 1:00 under load") and f"{last_week:%-d %b %Y}" in first
    assert (chart.describe(chart.top, float(x[-1]), 1.0) or "").endswith("\nConditioning 5.2 km")
    header, rows = chart.table  # the Data CSV: the figures beside the week's, apart
    at = header.index("time_under_load_s")
    assert header[at + 1] == "distance_m"
    assert [tuple(r[at : at + 2]) for r in rows[-2:]] == [(60.0, 0.0), (0.0, 5200.0)]
    screenshots(window, "review-volume-conditioning")

    screen.filter.setCurrentIndex(screen.filter.findText("Bench Press"))  # the exercise shown: no conditioning
    qtbot.waitUntil(lambda: not chart.conditioning_key.isVisible())
    assert "Conditioning" not in (chart.describe(chart.top, float(x[-1]), 1.0) or "")
    screen.filter.setCurrentIndex(screen.filter.findText("Plank"))
    qtbot.waitUntil(lambda: chart.conditioning_key.isVisible())
    assert chart.conditioning_key.plain.startswith("Conditioning in this range: 1:00 under load (")
    assert not np.asarray(chart.values[0]).any()  # a plank moves no tonnage
