# SPDX-License-Identifier: MIT
"""An exercise's page opened from the Review and the Routines editor: a double click on an exercise's line in the
Strength chart or on its name in the chart's key, an insight about one exercise (its button and its context menu),
and a double click on an exercise's name in a routine."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path

import numpy as np

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.charts.strength import StrengthChart
from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.exercises.library import ExercisesScreen
from journal.ui.main_window import MainWindow
from journal.ui.review.review_screen import ReviewScreen
from tests.ui.exercises.test_exercise_page import double_click
from tests.ui.helpers import click, screenshots
from tests.ui.scenarios.test_review import make_journal


def review(qtbot: QtBot, window: MainWindow, chart: int) -> ReviewScreen:
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(1).center())
    qtbot.waitUntil(lambda: isinstance(window.tabs.currentWidget(), ReviewScreen), timeout=5000)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    charts = screen.tabs.tabBar()
    click(qtbot, charts, charts.tabRect(chart).center())
    qtbot.wait(50)  # the first paint lays the plots out
    return screen


def page_shown(window: MainWindow) -> str:
    screen = window.tabs.currentWidget()
    assert isinstance(screen, ExercisesScreen), "the Exercises tab is not shown"
    return screen.page.title.text()


def key_point(chart: StrengthChart, name: str) -> QPoint:
    """Where the key writes `name`, in the chart's viewport."""
    key = chart.key
    start = 0
    for entry in key.entries:
        if entry.name == name:
            break
        start += len(entry.name) + 7  # the mark, a space, the name, and the four spaces and a space between
    block = key.text.document().firstBlock()
    layout = block.layout()
    at = start + 4  # inside the name
    line = layout.lineForTextPosition(at)
    local = QPointF(line.cursorToX(at)[0] + 2, line.y() + line.height() / 2) + layout.position()
    return chart.mapFromScene(key.text.mapToScene(local))


def line_point(chart: StrengthChart, index: int) -> QPoint:
    """A point on the exercise's line halfway between its first two sessions (no session's point there)."""
    _plot, line, _ = next(found for found in chart._lines if found[2] == index and found[0] is chart.plot)
    x, y = line.getData()
    middle = QPointF(float(np.mean(x[:2])), float(np.mean(y[:2])))
    return chart.mapFromScene(chart.plot.vb.mapViewToScene(middle))


def test_a_double_click_on_a_strength_line_or_its_key_opens_the_exercise(
    qtbot: QtBot, db_path: Path, open_window
) -> None:
    make_journal(db_path)
    window: MainWindow = open_window(db_path)
    window.resize(1400, 900)
    screen = review(qtbot, window, 2)
    chart = screen.strength
    names = [one.name for one in chart.series]
    assert sorted(names) == ["Back Squat", "Bench Press"]
    screenshots(window, "review-strength-lines")
    double_click(qtbot, chart.viewport(), key_point(chart, "Back Squat"))
    assert page_shown(window) == "Back Squat"

    screen = review(qtbot, window, 2)
    bench = names.index("Bench Press")
    where = line_point(chart, bench)
    assert "Bench Press" in (chart.text_at(chart.mapToScene(where)) or "")  # the tooltip says what a double click does
    double_click(qtbot, chart.viewport(), where)
    assert page_shown(window) == "Bench Press"

    screen = review(qtbot, window, 2)
    double_click(qtbot, chart.viewport(), QPoint(chart.width() // 2, chart.height() - 30))  # on no line
    assert window.tabs.currentWidget() is screen


def with_raises(path: Path) -> None:
    """Six lateral raises rated RIR 3: an isolation lift never taken near failure, an insight about one exercise."""
    open_database(path)
    try:
        raise_ = exercises.find_exercise("Lateral Raise")
        assert raise_ is not None
        start = datetime.combine(date.today() - timedelta(days=2), time(18))
        sets = tuple(SetRecord(load_kg=10, reps=12, rir=3) for _ in range(6))
        repo.add_session(Session(start=start, title="Shoulders", entries=(Entry(exercise=raise_, sets=sets),)))
    finally:
        close_database()


def test_an_insight_about_one_exercise_offers_its_page(qtbot: QtBot, db_path: Path, open_window) -> None:
    make_journal(db_path)
    with_raises(db_path)
    window: MainWindow = open_window(db_path)
    window.resize(1400, 900)
    screen = review(qtbot, window, 3)
    qtbot.waitUntil(lambda: bool(screen.insights.cards), timeout=5000)
    about = [card for card in screen.insights.cards if card.item.exercise]
    assert about, f"no insight about one exercise in {screen.insights.headlines()}"
    card = about[0]
    name = card.item.exercise
    click(qtbot, card, QPoint(40, 10))  # opens the card
    assert card.open_exercise is not None and card.open_exercise.isVisible()
    screenshots(window, "review-insight-open-exercise")
    click(qtbot, card.open_exercise)
    assert page_shown(window) == name

    # its context menu names the exercise; an insight about sessions only keeps double-click for the latest
    screen = review(qtbot, window, 3)
    card = next(c for c in screen.insights.cards if c.item.exercise == name)
    menu = card.context_menu()
    texts = [a.text() for a in menu.actions()]
    assert texts[0] == f"Open exercise: {name}"
    menu.actions()[0].trigger()
    assert page_shown(window) == name


def test_a_double_click_on_an_exercise_of_a_routine_opens_its_page(qtbot: QtBot, db_path: Path, open_window) -> None:
    from tests.ui.routines.test_routines import make_routine

    window: MainWindow = open_window(db_path)
    screen = make_routine(qtbot, window)
    table = screen.table  # type: ignore[attr-defined]
    sets = table.visualRect(screen.items.index(1, 1))  # type: ignore[attr-defined]
    double_click(qtbot, table.viewport(), sets.center())  # another cell: edited in place, no page
    assert window.tabs.currentWidget() is screen
    QApplication.processEvents()
    if QApplication.focusWidget() is not None and QApplication.focusWidget() is not table:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    name = table.visualRect(screen.items.index(1, 0))  # type: ignore[attr-defined]
    double_click(qtbot, table.viewport(), name.center())
    assert page_shown(window) == "Lat Pulldown"


def test_a_double_click_on_an_exercise_in_an_insights_table_asks_for_its_page(qtbot: QtBot) -> None:
    from journal.domain.review import InsightKind
    from journal.domain.review.panel import PanelItem
    from journal.ui.review.insights_panel import InsightCard

    item = PanelItem(
        InsightKind.STRENGTH_STALL, "e1RM flat on 2 exercises", "d", "s", ("Exercise",), (("Curl",), ("Dip",)), (), (1,)
    )
    card = InsightCard(item)
    qtbot.addWidget(card)
    card.show()
    card.set_open(True)
    qtbot.waitExposed(card)
    assert card.open_exercise is None  # about two exercises: no one page to offer
    assert [a.text() for a in card.context_menu().actions()] == ["Open the latest session"]
    table = card.table
    assert table is not None
    rect = table.visualRect(table.model().index(1, 0))
    with qtbot.waitSignal(card.exercise_opened) as opened:
        double_click(qtbot, table.viewport(), rect.center())
    assert opened.args == ["Dip"]
