# SPDX-License-Identifier: MIT
"""The review does no work twice: the screen shows with its first chart and builds the others a moment later, a
chart's tab shown again over the same data is not drawn again, a range switched back tells its insights at once,
and coming back after an edit draws once; a date axis over decades labels whole decades."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from pytestqt.qtbot import QtBot

from journal.charts.axes import step_for, tick_days, tick_text
from journal.charts.base import DAY
from journal.charts.calibration import CalibrationChart
from journal.charts.proximity import ProximityChart
from journal.charts.volume import VolumeChart
from journal.domain.units import Unit
from journal.review.figures import Scope
from journal.settings import Preferences
from journal.storage import repository as repo
from journal.ui.main_window import MainWindow
from journal.ui.review import review_screen
from tests.ui.review.test_review import journal_with_two_weeks


@pytest.fixture
def journal_ids(db_path: Path) -> dict[str, int]:
    return journal_with_two_weeks(db_path)


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, journal_ids: dict[str, int], open_window) -> MainWindow:
    shown: MainWindow = open_window(db_path)
    return shown


def test_the_review_shows_with_one_chart_and_builds_the_others_after(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentIndex(1)
    screen = window.review
    assert list(screen._built) == [VolumeChart]  # the chart shown, and no other yet
    qtbot.waitUntil(lambda: len(screen._built) == 4, timeout=5000)  # the others one at a time, a moment later
    assert screen.tabs.widget(1) is screen.proximity and screen.tabs.widget(3) is screen.calibration
    assert screen.tabs.currentIndex() == 0


def test_a_chart_asked_for_before_its_turn_is_built_into_its_tab(qtbot: QtBot, window: MainWindow) -> None:
    window.tabs.setCurrentIndex(1)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    screen.tabs.setCurrentIndex(3)  # the calibration tab, before its turn
    assert isinstance(screen.current_chart(), CalibrationChart)
    assert screen.tabs.currentWidget() is screen.calibration
    assert screen.calibration.points.data.size  # drawn
    assert ProximityChart not in screen._built or screen.tabs.widget(1) is screen.proximity


def test_a_tab_shown_again_over_the_same_data_is_not_drawn_again(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.tabs.setCurrentIndex(1)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    drawn: list[str] = []
    real = review_screen.draw_volume
    monkeypatch.setattr(review_screen, "draw_volume", lambda *args: drawn.append("volume") or real(*args))
    screen.tabs.setCurrentIndex(1)
    screen.tabs.setCurrentIndex(0)  # the same data, range and preferences: left as drawn
    assert drawn == []
    screen.range.setCurrentText("All")  # another range: drawn
    assert drawn == ["volume"]
    screen.tabs.setCurrentIndex(1)
    window.service.set_preferences(Preferences(**{**window.service.preferences.__dict__, "units": Unit.LB}))
    screen.tabs.setCurrentIndex(0)
    assert drawn == ["volume", "volume"]  # the unit changed meanwhile: drawn again


def test_a_range_switched_back_tells_its_insights_without_working_them_out(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.tabs.setCurrentIndex(1)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    scopes: list[Scope] = []
    real = review_screen.review_insights
    monkeypatch.setattr(review_screen, "review_insights", lambda *args: scopes.append(args[1]) or real(*args))
    screen.range.setCurrentText("All")
    shown = screen.insights.headlines()
    screen.range.setCurrentText("4 weeks")
    screen.range.setCurrentText("All")
    assert len(scopes) == 2  # "All" and "4 weeks" once each
    assert screen.insights.headlines() == shown


def test_back_to_the_review_after_an_edit_draws_once(
    qtbot: QtBot, window: MainWindow, journal_ids: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    window.tabs.setCurrentIndex(1)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    window.tabs.setCurrentIndex(0)
    from journal.ui import undo

    record = repo.get_session(journal_ids["second"]).entries[0].sets[2]
    window.service.push(undo.EditSet(window.service, record, record.replace(load_kg=90.0)))
    drawn: list[str] = []
    real = review_screen.draw_volume
    monkeypatch.setattr(review_screen, "draw_volume", lambda *args: drawn.append("volume") or real(*args))
    window.tabs.setCurrentIndex(1)
    assert drawn == ["volume"]


def test_a_date_axis_over_decades_labels_whole_decades() -> None:
    span = (date(2026, 1, 1) - date(1843, 1, 1)).days * DAY
    step = step_for(span, 1200)
    assert step == "10 years"
    first = (date(1843, 1, 1) - date(1970, 1, 1)).days * DAY
    days = tick_days(first, first + span, step)
    assert [d.year for d in days[:3]] == [1850, 1860, 1870] and len(days) == 18
    assert tick_text(days[0], step) == "1850"
    assert step_for(10 * 365 * DAY, 1200) == "half"  # ten years still by half-years


def test_a_long_history_tells_its_insights_when_worked_out_on_a_worker_thread(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.tabs.setCurrentIndex(1)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    qtbot.waitUntil(lambda: "most important first" in screen.insights_scope.text())
    monkeypatch.setattr(review_screen, "INSIGHTS_AT_ONCE", 0)  # as for a journal of a million sets
    screen.range.setCurrentText("All")
    assert screen.insights_scope.text().startswith("Working out the insights for all your training")
    screen.range.setCurrentText("12 weeks")  # another scope before the first is ready: the latest is told
    qtbot.waitUntil(lambda: "most important first" in screen.insights_scope.text(), timeout=10000)
    assert screen.insights_scope.text().startswith("For the last 12 weeks")
    assert screen._insights_for is not None and screen._insights_for[1][0] == screen.scope()
    screen.range.setCurrentText("All")
    qtbot.waitUntil(lambda: "most important first" in screen.insights_scope.text(), timeout=10000)
    assert screen.insights_scope.text().startswith("For all your training")


def test_an_insight_card_makes_its_table_when_first_opened(qtbot: QtBot) -> None:
    from journal.domain.review import InsightKind
    from journal.domain.review.panel import PanelItem
    from journal.ui.review.insights_panel import InsightCard

    item = PanelItem(
        InsightKind.STRENGTH_STALL,
        "Bench has stalled",
        "No new e1RM in 6 weeks",
        "Source",
        exercise="Bench",
        header=("Exercise", "e1RM"),
        rows=(("Bench", "100"),),
    )
    card = InsightCard(item)
    qtbot.addWidget(card)
    assert card.table is None and card.open_exercise is None  # a closed card: its headline only
    card.set_open(True)
    assert card.table is not None and card.table.model().rowCount() == 1
    assert card.open_exercise is not None
    card.set_open(False)
    card.set_open(True)
    assert card.body.layout() is not None and card.table.model().rowCount() == 1


def test_the_strength_chart_draws_again_into_the_same_items(qtbot: QtBot) -> None:
    import numpy as np

    from journal.charts.strength import StrengthChart, StrengthSeries

    chart = StrengthChart()
    qtbot.addWidget(chart)
    day = np.arange(5) * 7 * DAY + 1_700_000_000.0
    ids = np.arange(5)
    none = np.empty(0)

    def series(name: str, base: float) -> StrengthSeries:
        return StrengthSeries(name, day, np.full(5, base), np.zeros(5, bool), ids, none, none, ids[:0], ids[:0])

    chart.set_series([series("Squat", 100.0), series("Bench", 80.0)], "kg")
    first = list(chart.items)
    chart.set_series([series("Squat", 110.0), series("Bench", 85.0)], "kg")
    assert chart.items == first  # the same items, with the new figures
    assert list(first[1].getData()[1]) == [110.0] * 5
    chart.set_series([series("Row", 60.0)], "kg")  # one exercise: the second's items leave the plots
    assert chart.items == first[:5]
    assert all(item.scene() is None for item in first[5:])
    assert chart.describe(chart.plot, day[2], 60.0) is not None and "Row" in (
        chart.describe(chart.plot, day[2], 60.0) or ""
    )
