# SPDX-License-Identifier: MIT
"""The insights panel: cards with a headline and an icon, opened by a click that also marks the sets behind the item
in the chart, a double-click that opens the latest session behind it, and what each insight needs when none has
anything to say."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import numpy as np

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from tests.ui.helpers import click, press
from tests.ui.review.test_review import journal_with_two_weeks


def open_review(qtbot: QtBot, window: MainWindow) -> None:
    window.resize(1024, 700)
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: window.review.data.snapshot is not None, timeout=20000)
    window.review.range.setCurrentText("4 weeks")


def test_nothing_to_say_lists_what_each_insight_needs(qtbot: QtBot, db_path: Path, open_window) -> None:
    journal_with_two_weeks(db_path)
    window: MainWindow = open_window(db_path)
    open_review(qtbot, window)
    panel = window.review.insights
    assert panel.cards == []
    text = panel.empty.text()
    assert panel.empty.isVisible() and "Nothing stands out in this range." in text
    assert "“To failure” reps on 3 or more sets of an exercise" in text
    assert "Failure before the last set: compound lifts with RIR or RPE on their sets" in text


def test_choosing_an_item_opens_it_and_marks_its_sets(qtbot: QtBot, db_path: Path, open_window) -> None:
    journal_with_two_weeks(db_path)
    open_database(db_path)
    squat = exercises.find_exercise("Back Squat")
    assert squat is not None
    start = datetime.now().replace(hour=7, minute=0, second=0, microsecond=0) - timedelta(days=1)
    failed, _ = repo.add_session(  # two sets at RIR 0 before the last set of a compound lift
        Session(
            start=start,
            title="Heavy",
            entries=(Entry(exercise=squat, sets=tuple(SetRecord(load_kg=150, reps=3, rir=r) for r in (0, 0, 1))),),
        )
    )
    close_database()
    window: MainWindow = open_window(db_path)
    open_review(qtbot, window)
    screen = window.review
    screen.tabs.setCurrentWidget(screen.proximity)
    panel = screen.insights
    qtbot.waitUntil(lambda: bool(panel.cards) and panel.cards[0].headline.isVisible(), timeout=5000)
    card = panel.cards[0]
    assert card.item.headline == "Failure before the last set: 2 sets on 1 compound lift"
    assert not card.is_open
    click(qtbot, card.headline)
    assert card.is_open and card.property("selected")
    assert QApplication.focusWidget() is card  # the keyboard follows: Space closes and opens it again
    press(qtbot, Qt.Key.Key_Space)
    assert not card.is_open
    press(qtbot, Qt.Key.Key_Space)
    assert card.is_open
    assert card.table is not None or card.item.rows == ()
    marks = screen.proximity._marks[id(screen.proximity.points_plot)]
    x, y = marks.getData()
    assert len(x) == 2  # the two sets, ringed where they are drawn
    assert np.all(np.abs(y) <= 0.2)  # at RIR 0 (a little jitter)
    # scoped to what is shown: bench alone has no failure before its last set; the squat has
    screen.filter.setCurrentIndex(screen.filter.findText("Bench Press"))
    assert not any(h.startswith("Failure before the last set") for h in panel.headlines())
    assert "Bench Press" in screen.insights_scope.text()
    assert len(screen.proximity._marks[id(screen.proximity.points_plot)].getData()[0]) == 0  # the marks went too
    screen.filter.setCurrentIndex(screen.filter.findText("Back Squat"))
    qtbot.waitUntil(lambda: bool(panel.cards) and panel.cards[0].headline.isVisible(), timeout=5000)
    card = panel.cards[0]
    assert card.item.headline.startswith("Failure before the last set")
    qtbot.mouseDClick(card.headline, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.pages, timeout=3000)
    assert window.sessions.selected_id() == failed.id


def test_cards_follow_a_change_of_theme(qtbot: QtBot) -> None:
    from PySide6.QtGui import QPalette
    from PySide6.QtWidgets import QApplication

    from journal.domain.review import InsightKind
    from journal.domain.review.panel import PanelItem
    from journal.ui.review.insights_panel import InsightsPanel
    from journal.ui.theme import apply_theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    style, palette = app.style().name(), QPalette(app.palette())
    apply_theme(app, "dark")  # made in one theme, then shown in the other and back
    panel = InsightsPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 300)
    panel.set_items([PanelItem(InsightKind.FAR_FROM_FAILURE, "12 sets ended 5+ reps from failure", "d", "s")], [])
    panel.show()
    qtbot.waitExposed(panel)
    try:
        for theme in ("light", "dark"):
            apply_theme(app, theme)
            qtbot.wait(20)
            card = panel.cards[0]
            colour = card.grab().toImage().pixelColor(card.width() // 2, card.height() - 4)
            assert colour == card.palette().color(QPalette.ColorRole.Base), theme
            below = panel.inner.grab().toImage().pixelColor(panel.inner.width() // 2, panel.inner.height() - 4)
            assert below == panel.inner.palette().color(QPalette.ColorRole.Window), theme
    finally:
        from PySide6.QtWidgets import QStyleFactory

        restored = QStyleFactory.create(style)
        if restored is not None:
            app.setStyle(restored)
        app.setPalette(palette)


def test_every_kind_of_insight_has_an_icon_and_a_card(qtbot: QtBot) -> None:
    from journal.domain.review.insights import InsightKind
    from journal.domain.review.panel import PanelItem
    from journal.ui.review.insights_panel import KIND_LOOK, InsightCard

    assert set(KIND_LOOK) == set(InsightKind)
    for kind in InsightKind:
        card = InsightCard(PanelItem(kind, f"{kind.value} headline", "detail", "source"))
        qtbot.addWidget(card)
        assert card.findChildren(object)  # built, with its icon and headline


def test_cards_told_again_replace_the_old_ones_at_once(qtbot: QtBot) -> None:
    """The cards of the insights told before leave the panel when new ones are told, not only when the event loop
    next deletes them (until then they were drawn, under the new ones, at every paint of the panel)."""
    from journal.domain.review import InsightKind
    from journal.domain.review.panel import PanelItem
    from journal.ui.review.insights_panel import InsightCard, InsightsPanel

    panel = InsightsPanel()
    qtbot.addWidget(panel)
    panel.resize(320, 300)
    panel.show()
    qtbot.waitExposed(panel)
    for told in range(3):  # told again and again in one round of event handling
        panel.set_items([PanelItem(InsightKind.FAR_FROM_FAILURE, f"{n} sets ended 5+ reps from failure", "d", "s")
                         for n in range(told, told + 4)], [])  # fmt: skip
    QApplication.processEvents()  # the new cards shown (the old ones' deletion waits for the event loop)
    shown = [card for card in panel.inner.findChildren(InsightCard) if card.isVisible()]
    assert shown == panel.cards and [card.item.headline for card in shown][0] == "2 sets ended 5+ reps from failure"
