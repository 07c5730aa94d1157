# SPDX-License-Identifier: MIT
"""The Review opened before its code is loaded: a placeholder at once, the data read meanwhile, then the screen built
in steps that never hold the window for long."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from journal.ui.review import opening
from tests.ui.helpers import click, screenshots

LONGEST_GAP_S = 0.2  # generous: each step takes 50 ms or less on a quiet machine; the screen at once took 0.35 s


def test_review_opened_before_its_code_is_loaded_shows_a_placeholder_then_the_charts(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.ui.review.review_screen import ReviewScreen
    from tests.ui.review.test_review import journal_with_two_weeks

    journal_with_two_weeks(db_path)
    held, importing = threading.Event(), opening._import

    def slow_import(relay: object) -> None:  # the code's import, under way until the test lets it end
        held.wait(30)
        importing(relay)  # type: ignore[arg-type]

    monkeypatch.setattr(opening, "_import", slow_import)
    monkeypatch.setattr(opening, "_worker", None)
    monkeypatch.setattr(opening, "_loaded", threading.Event())
    window = open_window(db_path)
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    try:
        bar = window.tabs.tabBar()
        click(qtbot, bar, bar.tabRect(1).center())
        shown = window.tabs.currentWidget()
        assert isinstance(shown, QLabel) and shown.isVisible()
        assert shown.text() == "Bringing up the review…"
        # the data is read and handed to the window while the code is still on its way
        qtbot.waitUntil(lambda: window.review_data.snapshot is not None, timeout=5000)
        assert not window.review_built and window.tabs.currentWidget() is shown
        if not held.is_set():
            screenshots(window, "review-placeholder")
        held.set()
        qtbot.waitUntil(lambda: window.review_built, timeout=10000)
        review = window.tabs.currentWidget()
        assert isinstance(review, ReviewScreen) and review is window.review
        qtbot.waitUntil(lambda: review.insights_scope.text().startswith("For the last year"), timeout=5000)
        assert review.volume.isVisible()
    finally:
        timer.stop()
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:], strict=False)]
    assert gaps and max(gaps) < LONGEST_GAP_S, f"the window was held {max(gaps):.3f} s"
    screenshots(window, "review-opened")


def test_the_review_asked_for_at_once_is_built_at_once(qtbot: QtBot, db_path: Path, open_window) -> None:
    """A caller that needs the screen now (a session shown from a chart, a test) gets it whole, drawn if shown."""
    from tests.ui.review.test_review import journal_with_two_weeks

    journal_with_two_weeks(db_path)
    window = open_window(db_path)
    window.tabs.setCurrentIndex(1)
    review = window.review  # the steps under way are finished now, not twice
    assert window.tabs.currentWidget() is review and window.review_built
    qtbot.waitUntil(lambda: review.insights_scope.text().startswith("For "), timeout=5000)
    qtbot.wait(50)  # the steps that were queued find the work done
    assert window.review is review and window.tabs.widget(1) is review


def test_a_window_closed_while_its_review_is_brought_up_hears_nothing_after(
    qtbot: QtBot, database: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication
    from shiboken6 import delete

    from journal.ui.main_window import MainWindow
    from journal.ui.service import JournalService
    from journal.ui.tasks import wait_for_background

    held, importing, loaded = threading.Event(), opening._import, threading.Event()

    def slow_import(relay: object) -> None:
        held.wait(30)
        importing(relay)  # type: ignore[arg-type]

    monkeypatch.setattr(opening, "_import", slow_import)
    monkeypatch.setattr(opening, "_worker", None)
    monkeypatch.setattr(opening, "_loaded", loaded)
    service = JournalService(database)
    window = MainWindow(service)
    window.show()
    window.tabs.setCurrentIndex(1)
    assert wait_for_background()  # the data read
    QApplication.processEvents()
    delete(window)
    held.set()
    qtbot.waitUntil(loaded.is_set, timeout=10000)
    qtbot.wait(50)  # the code's news and any step left are handed to no one: nothing raised
    service.close()


def test_a_long_history_is_shown_once_what_its_first_draw_needs_is_worked_out_on_a_worker_thread(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    from journal.review.data import set_figures
    from journal.ui.review import review_screen
    from tests.ui.review.test_review import journal_with_two_weeks

    journal_with_two_weeks(db_path)
    monkeypatch.setattr(review_screen, "INSIGHTS_AT_ONCE", 0)  # as a journal of more sets than that
    drawing, ready_at_draw = review_screen.draw_volume, []

    def draw_volume(chart: object, snapshot: object, *rest: object) -> None:
        figures = set_figures(snapshot)  # type: ignore[arg-type]
        ready_at_draw.append("estimates" in figures and "heavy" in figures)
        drawing(chart, snapshot, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(review_screen, "draw_volume", draw_volume)
    window = open_window(db_path)
    qtbot.waitUntil(lambda: window.review_data.snapshot is not None, timeout=5000)
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(1).center())
    qtbot.waitUntil(lambda: window.review_built, timeout=10000)
    review = window.review
    assert ready_at_draw and ready_at_draw[0]  # worked out before the first draw, not by it
    qtbot.waitUntil(lambda: review.insights_scope.text().startswith("For the last year"), timeout=5000)
