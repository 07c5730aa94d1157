# SPDX-License-Identifier: MIT
"""Decades of weeks and sessions are drawn at the detail of the pixels shown, and still tell each week and session
exactly: bars as one rectangle a pixel column, e1RM points one a few pixels' square, estimates as an even sample."""

from __future__ import annotations

from datetime import date

import numpy as np

from pytestqt.qtbot import QtBot

from journal.charts.base import DAY, MAX_POINTS
from journal.charts.points import FittedScatter, one_a_cell
from journal.charts.proximity import ProximityChart, ProximitySeries
from journal.charts.strength import StrengthChart, StrengthSeries
from journal.charts.style import KEEP_LAST_BARS
from journal.charts.volume import VolumeChart

MONDAY = (date(1900, 1, 1) - date(1970, 1, 1)).days * DAY  # 1 Jan 1900 was a Monday
WEEKS = 6_000  # about 115 years: more weeks than the chart has pixel columns


def shown(qtbot: QtBot, chart: object, width: int = 800) -> None:
    qtbot.addWidget(chart)
    chart.resize(width, 500)  # type: ignore[attr-defined]
    chart.show()  # type: ignore[attr-defined]
    qtbot.waitExposed(chart)


def test_a_long_history_of_bars_is_drawn_a_column_at_a_time_with_each_week_told(qtbot: QtBot) -> None:
    chart = VolumeChart()
    shown(qtbot, chart)
    weeks = MONDAY + np.arange(WEEKS) * 7 * DAY
    working = (np.arange(WEEKS) % 13).astype(np.float64)
    tonnage = working * 1000 + 7
    chart.set_series(weeks, tonnage, working, working / 2, "kg", now=weeks[-1] + 2 * DAY)
    bars = chart.tonnage_bars
    qtbot.waitUntil(lambda: bars._dense_columns() is not None)  # once the view has taken its range
    found = bars._dense_columns()
    assert found is not None
    cells, head = found
    assert head == WEEKS - KEEP_LAST_BARS  # the latest weeks are drawn as they are, the week so far paler
    assert len(cells) <= chart.top.vb.width() + 1  # one rectangle a pixel column
    # each column reaches as high as the highest week in it: the pixels of every bar drawn in turn
    assert cells[:, 3].max() == tonnage[:head].max()
    assert (cells[:, 1] == 0).all()
    # and a week under the pointer is told exactly, whatever is drawn
    for index in (17, 3_001, WEEKS - 1):
        text = chart.describe(chart.bottom, weeks[index] + 3 * DAY, 1) or ""
        assert f"Tonnage {tonnage[index]:,.0f} kg" in text and f"Working sets {working[index]:g}" in text
    # zoomed in to a year, the bars are drawn one by one again
    chart.top.setXRange(weeks[100], weeks[152], padding=0)
    qtbot.waitUntil(lambda: bars._dense_columns() is None)


def test_bars_stacked_by_share_still_add_up_in_a_column_of_many_weeks(qtbot: QtBot) -> None:
    chart = ProximityChart()
    shown(qtbot, chart)
    weeks = MONDAY + np.arange(WEEKS) * 7 * DAY
    working = np.where(np.arange(WEEKS) % 4 == 0, 0.0, 10.0)  # a week in four without sets
    shares = np.zeros((WEEKS, 6))
    shares[:, 0] = np.where(working > 0, (np.arange(WEEKS) % 5) / 10, 0)
    shares[:, 5] = np.where(working > 0, 1 - shares[:, 0], 0)
    none = np.empty(0)
    chart.set_series(
        ProximitySeries(
            none, none, none.astype(np.int8), none.astype(np.int64), weeks, np.full(WEEKS, np.nan), shares, working
        )
    )
    qtbot.waitUntil(lambda: chart.stack[0]._dense_columns() is not None)
    tops = []
    for bar in chart.stack:
        found = bar._dense_columns()
        if bar is chart.stack[0] or bar is chart.stack[5]:
            assert found is not None
            tops.append(found[0])
    first, unrated = tops
    # the weeks without sets do not thin the stack: every column reaches 1, its first bin the mean of its weeks
    assert np.allclose(unrated[:, 1] + unrated[:, 3], 1.0)
    assert np.allclose(first[:, 3], unrated[:, 1])
    assert 0.15 < float(first[:, 3].mean()) < 0.25  # shares of 0 to 0.4, evenly


def test_one_point_a_cell_keeps_the_latest_points_and_drops_only_points_under_another() -> None:
    x = np.arange(10_000, dtype=np.float64)
    y = np.where(np.arange(10_000) % 2, 1.0, 1.2)
    keep = one_a_cell(x, y, 100.0, 1.0)
    assert list(keep[-16:]) == list(range(10_000 - 16, 10_000))
    assert len(keep) < 200
    kept_cells = {(np.floor(x[i] / 100), np.floor(y[i])) for i in keep}
    assert all((np.floor(a / 100), np.floor(b)) in kept_cells for a, b in zip(x, y, strict=True))


def test_a_long_strength_history_draws_fewer_points_and_tells_each_session(qtbot: QtBot) -> None:
    chart = StrengthChart()
    shown(qtbot, chart)
    count = 20_000
    day = MONDAY + np.arange(count) * 2 * DAY
    e1rm = 100 + 10 * np.sin(np.arange(count) / 300) + (np.arange(count) % 3) * 0.5
    session = np.arange(count, dtype=np.int64) + 1
    none = np.empty(0)
    chart.set_series(
        [StrengthSeries("Squat", day, e1rm, np.zeros(count, bool), session, none, none, session[:0], session[:0])],
        "kg",
    )
    qtbot.waitUntil(lambda: chart.plot.vb.viewRange()[1][0] > 50)  # the e1RM axis fitted to the points
    points = next(i for i in chart.items if isinstance(i, FittedScatter) and i.whole is not None and len(i.whole[0]))
    points.fit()
    drawn = len(points.data)
    assert drawn < count / 2
    assert list(points.data["x"][-16:]) == list(day[-16:])  # the latest sessions exactly
    index = 12_345
    text = chart.describe(chart.plot, day[index], e1rm[index]) or ""
    assert f"e1RM {e1rm[index]:.1f} kg" in text
    assert len(chart.table[1]) == count  # the export keeps every session


def test_a_long_history_of_estimates_draws_an_even_sample_and_says_so(qtbot: QtBot) -> None:
    chart = ProximityChart()
    shown(qtbot, chart, 1024)
    count = MAX_POINTS * 2
    day = MONDAY + np.arange(count) * DAY
    weeks = MONDAY + np.arange(count // 7 + 1) * 7 * DAY
    working = np.ones(weeks.size)
    shares = np.zeros((weeks.size, 6))
    shares[:, 5] = 1
    none = np.empty(0)
    chart.set_series(
        ProximitySeries(
            none, none, none.astype(np.int8), none.astype(np.int64), weeks, np.full(weeks.size, np.nan), shares, working
        )
    )
    ids = np.arange(count, dtype=np.int64)
    chart.set_estimates(day, np.full(count, 2.0), ids, ids + 1, np.zeros(count, np.int64), None, "accuracy")
    assert len(chart.estimated.data) == MAX_POINTS
    assert f"{MAX_POINTS:,} of {count:,} estimates shown" in chart.points_plot.titleLabel.text
    # a point drawn still names its own set
    tip_day, _, _ = (values[5] for values in chart._estimates)
    assert chart._estimate_ids[1][5] == chart._estimate_ids[0][5] + 1
    assert tip_day in day


def test_points_that_look_alike_find_the_same_picture_as_pyqtgraph_and_own_looks_keep_theirs(qtbot: QtBot) -> None:
    import pyqtgraph as pg

    from journal.charts.points import Points

    x, y = np.arange(50.0), np.arange(50.0)
    plain = pg.ScatterPlotItem(x=x, y=y, size=5, pen=None, brush=pg.mkBrush("#0072b2"))
    alike = Points(x=x, y=y, size=5, pen=None, brush=pg.mkBrush("#0072b2"))
    rects = [tuple(r) for r in alike.data["sourceRect"]]
    assert len(set(rects)) == 1 and rects[0][2] > 0  # one picture, found once
    assert plain.fragmentAtlas[[("o", 5, plain.opts["pen"], plain.opts["brush"])]][0][2:] == rects[0][2:]
    own = Points(x=x[:2], y=y[:2], size=5, pen=None, brush=[pg.mkBrush("#0072b2"), pg.mkBrush("#d55e00")])
    assert own.data["sourceRect"][0]["x"] != own.data["sourceRect"][1]["x"] or (
        own.data["sourceRect"][0]["y"] != own.data["sourceRect"][1]["y"]
    )


def test_every_bar_is_painted_the_first_as_the_others(qtbot: QtBot) -> None:
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QColor

    from journal.charts.style import TONNAGE

    chart = VolumeChart()
    shown(qtbot, chart)
    count = 60  # a year and more: bars drawn one by one, from memory the allocator hands back when freed
    weeks = MONDAY + np.arange(count) * 7 * DAY
    tonnage = np.full(count, 1000.0)
    chart.set_series(weeks, tonnage, np.full(count, 5.0), np.full(count, 2.0), "kg", now=weeks[-1] + 2 * DAY)
    qtbot.wait(50)
    for _ in range(3):  # painted again and again, each bar where it stands
        image = chart.grab().toImage()
        for index in (0, 1, 30, count - 2):
            at = chart.mapFromScene(chart.top.vb.mapViewToScene(QPointF(weeks[index] + 3.5 * DAY, 330.0)))
            found, bar = image.pixelColor(at.x(), at.y()), QColor(TONNAGE)  # (a faint grid line may cross it)
            assert (
                max(abs(found.red() - bar.red()), abs(found.green() - bar.green()), abs(found.blue() - bar.blue())) < 20
            ), index
