# SPDX-License-Identifier: MIT
"""Reviewing training (README): the Review tab, each chart, and a click on a point that opens its session at the
set it stands for."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import numpy as np

from PySide6.QtCore import QPoint, QPointF
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord, SetType
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.queries import list_sessions
from journal.ui.main_window import MainWindow
from journal.ui.review.review_screen import ReviewScreen
from tests.ui.helpers import click, focused, screenshots, shoot

TABS = ("Volume", "Proximity to failure", "Strength", "RIR calibration")


def make_journal(path: Path) -> tuple[list[int], int]:
    """Three weekly sessions: bench at RIR 2 and 3, then squat at RIR 1 with the last set taken to failure."""
    open_database(path)
    try:
        bench, squat = exercises.find_exercise("Bench Press"), exercises.find_exercise("Back Squat")
        assert bench is not None and squat is not None
        ids = []
        for week in range(3):
            day = date.today() - timedelta(days=7 * (3 - week))
            session, _ = repo.add_session(
                Session(
                    start=datetime.combine(day, time(18)),
                    title=f"Week {week + 1}",
                    entries=(
                        Entry(
                            exercise=bench,
                            sets=(
                                SetRecord(load_kg=100 + 2.5 * week, reps=5, rir=2),
                                SetRecord(load_kg=100 + 2.5 * week, reps=5, rir=3),
                            ),
                        ),
                        Entry(
                            exercise=squat,
                            sets=(
                                SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
                                SetRecord(load_kg=140, reps=3, rir=1),
                                SetRecord(load_kg=140, reps=3, rir=1, failure_reps=5),
                            ),
                        ),
                    ),
                )
            )
            ids.append(session.id)
    finally:
        close_database()
    return ids, squat.id


def test_review_each_chart_and_open_a_set_from_a_point(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_ids, squat_id = make_journal(db_path)
    window: MainWindow = open_window(db_path)
    window.resize(1400, 900)
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(1).center())
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), ReviewScreen), timeout=5000)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)

    charts = screen.tabs.tabBar()
    assert [charts.tabText(i) for i in range(charts.count())] == list(TABS)
    for index, name in enumerate(TABS):
        click(qtbot, charts, charts.tabRect(index).center())
        assert screen.tabs.currentIndex() == index
        chart = screen.current_chart()
        assert chart.isVisible()
        shown = [item for item in chart._messages.values() if item.isVisible()]
        assert not shown, f"{name} says there is nothing to show"
        shoot(window, f"scenario-review-{index}")
    screenshots(window, "scenario-review")

    # A squat set's point on the proximity chart: its session opens at the squat, on that set.
    click(qtbot, charts, charts.tabRect(1).center())
    chart = screen.proximity
    qtbot.wait(50)  # the first paint lays out the plot
    item = chart.scatter[SetType.WORKING]
    _days, rirs, exercise = chart._truth[SetType.WORKING]
    (squat_points,) = np.nonzero(exercise == squat_id)
    point = int(squat_points[-1])
    x, y = item.getData()
    where = chart.mapFromScene(chart.points_plot.vb.mapViewToScene(QPointF(float(x[point]), float(y[point]))))
    session_id = int(chart._sessions[SetType.WORKING][point])
    click(qtbot, chart.viewport(), QPoint(int(where.x()), int(where.y())))
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.pages, timeout=5000)
    assert window.sessions.selected_id() == session_id
    block = window.editor.blocks[1]
    assert block.title.text() == "Back Squat"
    assert focused() is block.table or block.table.isAncestorOf(focused()), "the session opened at its top"
    row = block.table.currentIndex().row()
    assert block.model.sets[row].rir == rirs[point]

    # Looking changed nothing.
    assert sorted(s.id for s in list_sessions()) == sorted(session_ids)
    assert sum(s.set_count for s in list_sessions()) == 3 * 5
    screenshots(window, "scenario-review-opened")
