# SPDX-License-Identifier: MIT
"""The review's charts read at a glance: keys in rows of their own (never over the data), date ticks on whole days
and Mondays, tooltips that stay while the pointer rests, the calibration chart square from 0 with its verdict, and
empty and sparse charts that say what they need and keep a sensible scale."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest

import pyqtgraph as pg
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QToolTip
from pytestqt.qtbot import QtBot

from journal.charts.axes import DayAxis
from journal.charts.base import DAY
from journal.charts.calibration import CalibrationChart
from journal.charts.volume import VolumeChart
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from tests.ui.review.test_review import journal_with_two_weeks

MONDAY_2026_07_20 = (date(2026, 7, 20) - date(1970, 1, 1)).days * DAY


@pytest.fixture
def review(qtbot: QtBot, db_path: Path, open_window) -> MainWindow:
    journal_with_two_weeks(db_path)
    window: MainWindow = open_window(db_path)
    window.resize(1024, 700)
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: window.review.data.snapshot is not None, timeout=20000)
    window.review.range.setCurrentText("4 weeks")
    return window


def test_every_key_sits_outside_the_plots(review: MainWindow, qtbot: QtBot) -> None:
    screen = review.review
    for index, chart in enumerate(screen.charts):
        screen.tabs.setCurrentIndex(index)
        qtbot.wait(20)
        shown = [key for key in chart.keys if key.isVisible() and key.entries]
        assert shown, f"{type(chart).__name__} shows a key"
        for key in shown:
            for plot in chart.plots:
                assert not key.sceneBoundingRect().intersects(plot.vb.sceneBoundingRect()), (
                    f"{type(chart).__name__}: the key {key.names()} lies over a plot"
                )
    names = [name for key in screen.volume.keys for name in key.names()]
    assert names[:2] == ["Working sets", "Hard sets"]


def test_date_ticks_are_whole_days_on_mondays(qapp: object) -> None:
    axis = DayAxis()
    start = MONDAY_2026_07_20 - 3 * DAY
    ((_, values),) = axis.tickValues(start, start + 10 * 7 * DAY, 700)
    assert axis.step == "week"
    days = [date(1970, 1, 1) + timedelta(seconds=v) for v in values]
    assert all(day.weekday() == 0 for day in days)  # on Mondays, where the week bars start
    assert days[0] == date(2026, 7, 20)
    strings = axis.tickStrings(values, 1, DAY)
    assert strings[:2] == ["20 Jul", "27 Jul"]
    ((_, new_year),) = axis.tickValues(start + 22 * 7 * DAY, start + 30 * 7 * DAY, 700)
    assert "4 Jan 2027" in axis.tickStrings(new_year, 1, DAY)  # the year where one begins
    # a year over 900 px: months; ten years: years; never a time of day or a fraction
    ((_, months),) = axis.tickValues(start, start + 365 * DAY, 900)
    assert axis.tickStrings(months, 1, DAY)[:2] == ["Aug 2026", "Sep"]
    ((_, years),) = axis.tickValues(start - 3650 * DAY, start, 600)
    assert axis.tickStrings(years, 1, DAY)[-1] == "2026"
    assert axis.tickValues(0, 1, 600) == []  # an empty plot's -0.5 to 0.5 has no day in it: no ticks


def test_an_empty_journal_says_what_each_chart_needs(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    close_database()
    window: MainWindow = open_window(db_path)
    window.tabs.setCurrentWidget(window.review)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    needs = {
        0: "Log or import a session to see weekly volume",
        1: "Log or import a session, with RIR or RPE on its sets",
        2: "Log or import a session with loads to see your e1RM",
        3: "No sets taken to failure",
    }
    for index, text in needs.items():
        screen.tabs.setCurrentIndex(index)
        chart = screen.current_chart()
        shown = [m.textItem.toPlainText() for m in chart._messages.values() if m.isVisible()]
        assert any(message.startswith(text) for message in shown), shown
        for plot in chart.plots:  # no axis runs over a meaningless range
            assert not plot.getAxis("left").style["showValues"]
            assert not plot.getAxis("bottom").style["showValues"]
        assert not [key for key in chart.keys if key.isVisible() and key.entries], "no key to nothing"
    message = screen.calibration.verdict.plain
    assert message.startswith("Log the reps you reach when you take a set on to failure")
    assert screen.calibration.verdict.isVisible()


def test_one_week_is_drawn_at_the_scale_of_a_month_and_the_week_so_far_is_paler(qtbot: QtBot) -> None:
    chart = VolumeChart()
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    qtbot.waitExposed(chart)
    week = np.array([MONDAY_2026_07_20])
    chart.set_series(week, np.array([5000.0]), np.array([12.0]), np.array([8.0]), "kg", now=week[0] + 2 * DAY)
    (x0, x1), _ = chart.bottom.viewRange()
    assert x1 - x0 >= 28 * DAY  # not one bar stretched over the whole width
    assert x0 <= week[0] and x1 >= week[0] + 7 * DAY
    brush = chart.hard_bars.opts["brushes"][-1]
    assert brush.color().alpha() < 255  # the week so far
    assert "This week so far" in chart.key.names()
    assert "week of 20 Jul 2026 (so far)" in (chart.describe(chart.bottom, week[0] + 3 * DAY, 1) or "")
    # a year's range with sets in its last two weeks only: drawn from the first week with sets
    weeks = MONDAY_2026_07_20 - np.arange(51, -1, -1) * 7 * DAY
    working = np.zeros(52)
    working[-2:] = 10
    chart.set_series(weeks, working * 500, working, working / 2, "kg", now=weeks[-1] + 9 * DAY)
    (x0, x1), _ = chart.bottom.viewRange()
    assert 28 * DAY <= x1 - x0 <= 35 * DAY


def test_volume_tooltip_stays_while_the_pointer_rests(review: MainWindow, qtbot: QtBot) -> None:
    screen = review.review
    screen.tabs.setCurrentIndex(0)
    chart = screen.volume
    qtbot.wait(50)
    x, _ = chart.week_centres()
    index = int(np.flatnonzero(chart.values[1])[0])  # the first week with sets
    point = chart.bottom.vb.mapViewToScene(pg_point(x[index], 0.5))
    where = chart.mapFromScene(point)
    qtbot.mouseMove(chart.viewport(), where + QPoint(0, -2))
    qtbot.mouseMove(chart.viewport(), where)
    qtbot.waitUntil(QToolTip.isVisible, timeout=3000)
    qtbot.wait(1500)
    assert QToolTip.isVisible()
    assert QToolTip.text().startswith("Week of ") or "week of" in QToolTip.text().lower()


def pg_point(x: float, y: float) -> object:
    from PySide6.QtCore import QPointF

    return QPointF(x, y)


def test_calibration_is_square_from_zero_with_its_verdict_above(qtbot: QtBot) -> None:
    chart = CalibrationChart()
    qtbot.addWidget(chart)
    chart.resize(1000, 560)
    chart.show()
    qtbot.waitExposed(chart)
    reported = np.array([1.0, 2.0, 2.0, 3.0, 1.0, 0.0])
    actual = np.array([2.0, 3.0, 4.0, 5.0, 3.0, 1.0])
    day = MONDAY_2026_07_20 + np.arange(6) * DAY
    verdict = "On isolation sets of 11–15 reps you call 1.2 reps fewer than you have (6 sets taken to failure)"
    chart.set_series(reported, actual, day, np.arange(6), day[2:], np.full(4, -1.2), np.full(4, 1.2), verdict=verdict)

    def square() -> bool:  # a rep as long across as up: the line of agreement at 45° (the layout settles first)
        box = chart.scatter_plot.vb.sceneBoundingRect()
        return abs(box.width() - box.height()) <= 3

    qtbot.waitUntil(square, timeout=3000)
    (x0, x1), (y0, y1) = chart.scatter_plot.viewRange()
    assert (x0, y0) == pytest.approx((-0.5, -0.5), abs=0.05) and x1 == pytest.approx(y1, abs=0.05)
    box = chart.scatter_plot.vb.sceneBoundingRect()
    assert chart.verdict.plain == verdict
    assert chart.verdict.sceneBoundingRect().bottom() <= box.top()
    ticks = chart.scatter_plot.getAxis("bottom").tickValues(x0, x1, box.width())
    assert all(float(v).is_integer() for _, values in ticks for v in values)


def test_one_session_of_strength_counts_heavy_sets_from_zero(qtbot: QtBot) -> None:
    from journal.charts.strength import StrengthChart, StrengthSeries

    chart = StrengthChart()
    qtbot.addWidget(chart)
    chart.resize(800, 500)
    chart.show()
    qtbot.waitExposed(chart)
    day = np.array([MONDAY_2026_07_20 + DAY])
    one = StrengthSeries(
        "Bench Press",
        day,
        np.array([100.0]),
        np.array([False]),
        np.array([1]),
        day,
        np.array([90.0]),
        np.array([3]),
        np.array([1]),
        np.array([MONDAY_2026_07_20]),
        np.array([0.0]),
    )
    chart.set_series([one], "kg")
    _, (y0, y1) = chart.heavy_plot.viewRange()
    assert y0 == pytest.approx(0) and y1 >= 4  # not -0.4 to 0.4 around a single 0
    (x0, x1), _ = chart.plot.viewRange()
    assert x1 - x0 >= 28 * DAY
    assert chart.key.names()[0] == "Bench Press"


def test_the_rir_key_names_only_the_bins_drawn(qtbot: QtBot) -> None:
    from journal.charts.proximity import ProximityChart, ProximitySeries

    chart = ProximityChart()
    qtbot.addWidget(chart)
    weeks = np.array([MONDAY_2026_07_20, MONDAY_2026_07_20 + 7 * DAY])
    unrated = np.array([[0, 0, 0, 0, 0, 1.0], [0, 0, 0, 0, 0, 1.0]])  # an import without RPE
    none = np.empty(0)
    series = ProximitySeries(
        none, none, np.empty(0, np.int8), np.empty(0, np.int64), weeks, np.full(2, np.nan), unrated, np.array([5, 6.0])
    )
    chart.set_series(series)
    assert chart.shares_key.names() == ["Not rated"]
    rated = np.array([[0.5, 0.5, 0, 0, 0, 0], [0, 0.2, 0, 0, 0.3, 0.5]])
    chart.set_series(
        ProximitySeries(
            none, none, np.empty(0, np.int8), np.empty(0, np.int64), weeks, np.full(2, 2.0), rated, np.array([5, 6.0])
        )
    )
    assert chart.shares_key.names() == ["RIR 0", "RIR 1", "RIR 4+", "Not rated"]


def test_each_exercise_has_its_own_dash_for_black_and_white_print(qtbot: QtBot) -> None:
    from PySide6.QtCore import Qt

    from journal.charts.strength import StrengthChart, StrengthSeries

    chart = StrengthChart()
    qtbot.addWidget(chart)
    day = MONDAY_2026_07_20 + np.arange(4) * 7 * DAY
    none = np.empty(0)

    def series(name: str) -> StrengthSeries:
        ids = np.arange(4)
        return StrengthSeries(name, day, np.full(4, 100.0), np.zeros(4, bool), ids, none, none, ids[:0], ids[:0])

    chart.set_series([series("Squat"), series("Bench"), series("Row")], "kg")
    lines = [item for item in chart.items if isinstance(item, pg.PlotDataItem)][::2]  # each line, then its heavy sets
    styles = [line.opts["pen"].style() for line in lines[:3]]
    assert styles == [Qt.PenStyle.SolidLine, Qt.PenStyle.DashLine, Qt.PenStyle.DotLine]
    assert [entry.mark for entry in chart.key.entries[:3]] == ["line", "dash", "dot"]


def test_the_heavy_sets_plot_describes_its_week(qtbot: QtBot) -> None:
    from journal.charts.strength import StrengthChart, StrengthSeries

    chart = StrengthChart()
    qtbot.addWidget(chart)
    day = np.array([MONDAY_2026_07_20 + DAY])
    ids = np.array([1])
    one = StrengthSeries(
        "Bench Press",
        day,
        np.array([100.0]),
        np.array([False]),
        ids,
        day[:0],
        day[:0],
        ids[:0],
        ids[:0],
        np.array([MONDAY_2026_07_20]),
        np.array([3.0]),
    )
    chart.set_series([one], "kg")
    text = chart.describe(chart.heavy_plot, MONDAY_2026_07_20 + 3.5 * DAY, 2.9)
    assert text == "Week of 20 Jul 2026\nBench Press: 3 heavy sets"
    assert chart.describe(chart.heavy_plot, MONDAY_2026_07_20 + 10 * DAY, 2.9) is None


def test_the_rir_bars_name_their_week_with_its_month_as_written(qtbot: QtBot) -> None:
    from journal.charts.proximity import ProximityChart, ProximitySeries

    chart = ProximityChart()
    qtbot.addWidget(chart)
    weeks = np.array([MONDAY_2026_07_20])
    none = np.empty(0)
    shares = np.array([[0.5, 0.5, 0, 0, 0, 0]])
    chart.set_series(
        ProximitySeries(none, none, np.empty(0, np.int8), np.empty(0, np.int64), weeks, np.ones(1), shares, np.ones(1))
    )
    text = chart.describe(chart.shares_plot, MONDAY_2026_07_20 + 3 * DAY, 0.5) or ""
    assert text.startswith("Week of 20 Jul 2026 · 1 working sets")  # not "20 jul"


def test_an_insight_about_whole_sessions_rings_no_set(qtbot: QtBot) -> None:
    from journal.charts.proximity import ProximityChart, ProximitySeries

    chart = ProximityChart()
    qtbot.addWidget(chart)
    day = MONDAY_2026_07_20 + np.array([0.5, 0.5, 2.5]) * DAY
    chart.set_series(
        ProximitySeries(
            day,
            np.array([0.0, 2.0, 1.0]),
            np.zeros(3, np.int8) + 1,  # working sets
            np.array([7, 7, 8]),
            np.array([MONDAY_2026_07_20]),
            np.ones(1),
            np.array([[1 / 3, 1 / 3, 1 / 3, 0, 0, 0]]),
            np.array([3.0]),
            exercise=np.array([1, 1, 2]),
            set_ids=np.array([70, 71, 80]),
        )
    )
    chart.highlight(np.array([71]), np.array([7]), np.empty(0))
    x, y = chart._marks[id(chart.points_plot)].getData()
    assert len(x) == 1 and abs(y[0] - 2.0) < 0.2  # the set, not its session
    chart.highlight(np.empty(0, np.int64), np.array([7]), np.empty(0))  # a stall: sessions only
    assert len(chart._marks[id(chart.points_plot)].getData()[0]) == 0
