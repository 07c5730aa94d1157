# SPDX-License-Identifier: MIT
"""Scatters of many sets draw an even sample (the figures and lines keep every set), and a click on a sampled point
still names its own session; long lines are drawn at the detail of their pixels."""

from __future__ import annotations

import numpy as np
import pytest

from pytestqt.qtbot import QtBot

from journal.charts.base import MAX_POINTS, even_sample
from journal.charts.calibration import CalibrationChart
from journal.charts.lines import KEEP_LAST, peaks
from journal.charts.volume import VolumeChart


def test_even_sample_keeps_all_below_the_limit_and_exactly_the_limit_above() -> None:
    rng = np.random.default_rng(1)
    assert even_sample(10, rng).all()
    keep = even_sample(50_000, rng)
    assert keep.sum() == MAX_POINTS
    # evenly spread: each tenth of the history keeps about a tenth of the points
    per_tenth = keep.reshape(10, -1).sum(axis=1)
    assert (abs(per_tenth - MAX_POINTS / 10) < MAX_POINTS / 10 * 0.15).all()


def test_calibration_chart_samples_a_large_history(qtbot: QtBot) -> None:
    chart = CalibrationChart()
    qtbot.addWidget(chart)
    count = MAX_POINTS * 3
    reported = np.full(count, 2.0)
    actual = np.arange(count, dtype=np.float64) % 5
    day = np.arange(count, dtype=np.float64) * 86400
    session = np.arange(count, dtype=np.int64) + 1000
    chart.set_series(reported, actual, day, session, day[:3], np.zeros(3), np.ones(3))
    assert len(chart.points.data) == MAX_POINTS
    assert len(chart.errors.data) == MAX_POINTS
    assert "12,000 of 36,000" in chart.scatter_plot.titleLabel.text
    assert len(chart.table[1]) == count  # the export keeps every set
    clicked: list[int] = []
    chart.session_clicked.connect(lambda session, _set: clicked.append(session))
    spot = chart.points.points()[5]
    chart._clicked(chart.points, [spot], None)
    index = int(spot.data())
    # the session of the drawn point: its error (reported - actual) matches that session's set
    assert clicked == [int(chart._sessions[index])]
    original = clicked[0] - 1000
    assert abs(spot.pos().y() - actual[original]) <= 0.12 + 1e-9


def test_few_sets_are_all_drawn_without_a_note(qtbot: QtBot) -> None:
    chart = CalibrationChart()
    qtbot.addWidget(chart)
    chart.set_series(
        np.array([1.0, 2.0]),
        np.array([1.0, 3.0]),
        np.array([0.0, 86400.0]),
        np.array([7, 8]),
        np.empty(0),
        np.empty(0),
        np.empty(0),
    )
    assert len(chart.points.data) == 2
    assert not chart.scatter_plot.titleLabel.text


def test_lines_draw_their_points_where_they_lie(qtbot: QtBot) -> None:
    """A line keeps its points at their own days, across a layoff and up to the latest session (a line thinned as
    if its points were evenly spaced would move them, and drop the last ones)."""
    chart = CalibrationChart()
    qtbot.addWidget(chart)
    chart.resize(800, 400)
    chart.show()
    qtbot.waitExposed(chart)
    before = np.arange(3000, dtype=np.float64)  # eight years of sessions, a six-month layoff, then six more
    day = np.concatenate([before, 3180 + np.arange(6, dtype=np.float64)]) * 86400
    bias = np.concatenate([np.full(3000, -1.0), np.full(6, 0.5)])
    chart.set_series(np.ones(3), np.ones(3), day[:3], np.arange(3), day, bias, np.abs(bias))
    qtbot.wait(50)
    x, y = chart.bias_line.getData()
    assert set(x) <= set(day) and x[-1] == day[-1] and y[-1] == 0.5  # points of its own (of each pixel column)
    at = np.searchsorted(x, 2999 * 86400)
    assert x[at] == 2999 * 86400 and y[at] == -1.0  # the last session before the layoff, on its own day


def test_proximity_points_stay_inside_their_own_day(qtbot: QtBot) -> None:
    """A point is spread within its session's day only: never onto a rest day, before the range or after today."""
    from journal.charts.proximity import ProximityChart, ProximitySeries

    chart = ProximityChart()
    qtbot.addWidget(chart)
    day = np.array([0.0, 0.9, 1.0, 6.5, 6.99]) * 86400 + 20 * 365 * 86400  # sessions at any hour of five days
    count = len(day)
    chart.set_series(
        ProximitySeries(
            day,
            np.full(count, 2.0),
            np.full(count, 1, np.int8),
            np.arange(count, dtype=np.int64),
            np.array([day[0]]),
            np.array([2.0]),
            np.zeros((1, 6)),
            np.array([float(count)]),
        )
    )
    x, _y = next(item for item in chart.scatter.values() if len(item.data)).getData()
    midnight = np.floor(day / 86400) * 86400
    assert np.all((x > midnight) & (x < midnight + 86400))


def test_peaks_keep_each_columns_lowest_and_highest_its_gaps_and_the_latest_points() -> None:
    x = np.arange(40, dtype=np.float64)
    y = np.array([5, 1, 9, 3] * 10, dtype=np.float64)
    y[8:12] = np.nan  # a column with no value: a gap in the line
    keep = peaks(x, y, width=4.0, keep_last=8)
    head = keep[(keep > 0) & (keep < 32)]  # the first point is kept too
    assert set(y[head][np.isfinite(y[head])]) == {1.0, 9.0}  # each column's lowest and highest, never 5 or 3
    assert np.isnan(y[head]).any()
    assert keep[0] == 0 and list(keep[-8:]) == list(range(32, 40))


def test_a_long_line_is_drawn_at_its_pixels_detail_and_whole_when_zoomed_in(qtbot: QtBot) -> None:
    chart = VolumeChart()
    chart.resize(600, 400)
    qtbot.addWidget(chart)
    chart.show()
    qtbot.waitExposed(chart)
    weeks = np.arange(5000, dtype=np.float64) * 7 * 86400
    values = (np.arange(5000) % 7).astype(np.float64)
    chart.set_series(weeks, values * 1000, values + 1, values, "kg")
    chart.set_estimates(values)
    line = chart.estimated
    x, y = line.getData()
    assert len(x) <= 2 * chart.bottom.vb.width() + KEEP_LAST + 1 and {0.0, 6.0} <= set(y)
    assert list(y[-KEEP_LAST:]) == list(values[-KEEP_LAST:])  # the latest weeks as they are
    chart.bottom.setXRange(weeks[-60], weeks[-1])  # zoomed in: every week in view drawn
    qtbot.waitUntil(lambda: set(weeks[-60:] + 3.5 * 86400) <= set(line.getData()[0]))  # bars' centres


def test_a_long_dashed_line_is_fitted_to_its_pixels_before_it_is_first_painted(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A chart drawn while hidden (a tab not shown) is laid out when shown: the view's first sizes come in quick
    succession, and a line still drawn whole (36,000 rolling errors, a dashed 2-pixel pen) would be stroked whole
    once (18 MB more resident on the million sets) before the throttle let it be fitted."""
    from journal.charts import lines

    monkeypatch.setattr(lines, "THROTTLE_S", 60.0)  # no refit by the timer within the test
    chart = CalibrationChart()
    qtbot.addWidget(chart)
    count = 36_000
    rng = np.random.default_rng(1)
    reported = rng.integers(0, 5, count).astype(np.float64)
    actual = rng.integers(0, 5, count).astype(np.float64)
    day = np.arange(count, dtype=np.float64) * 86400
    chart.set_series(reported, actual, day, np.arange(count), day, reported - actual, np.abs(reported - actual))
    chart.resize(900, 500)
    chart.show()
    qtbot.waitExposed(chart)
    drawn = len(chart.mae_line.getData()[0])
    assert drawn <= 2 * chart.time_plot.vb.width() + KEEP_LAST + 1, drawn
