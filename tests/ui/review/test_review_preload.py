# SPDX-License-Identifier: MIT
"""The Review's code is imported on a worker thread once the window is up, so the first switch to Review only
builds the screen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pytestqt.qtbot import QtBot

from journal.ui import main_window
from journal.ui.review import opening


def test_the_window_imports_the_review_code_after_it_is_up(
    qtbot: QtBot, database: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[bool] = []
    monkeypatch.setattr(main_window, "preload_review_code", lambda: asked.append(True))
    window = open_window(database)
    qtbot.waitUntil(lambda: asked == [True], timeout=3000)
    assert window._review is None  # imported only: the screen is built when Review is first shown


def test_the_review_code_is_imported_on_a_worker_thread() -> None:
    worker = main_window.preload_review_code()
    assert worker.daemon and worker.name == "review-code"
    worker.join(timeout=30)
    assert not worker.is_alive()
    assert opening.REVIEW_MODULE in sys.modules


def test_the_review_data_is_read_once_the_window_is_up_before_review_is_shown(
    qtbot: QtBot, database: Path, open_window
) -> None:
    window = open_window(database)
    qtbot.waitUntil(lambda: window.review_data.snapshot is not None, timeout=5000)
    assert window._review is None
    window.tabs.setCurrentIndex(1)
    assert window.review.data is window.review_data  # the screen draws the data read before it was built


def test_review_data_arriving_after_its_window_is_gone_is_dropped(qtbot: QtBot, database: Path) -> None:
    from PySide6.QtWidgets import QApplication
    from shiboken6 import delete

    from journal.ui.main_window import MainWindow
    from journal.ui.service import JournalService
    from journal.ui.tasks import wait_for_background

    service = JournalService(database)
    window = MainWindow(service)
    window.review_data.start()
    assert wait_for_background()  # read; what it read is yet to be handed over
    delete(window)
    QApplication.processEvents()  # handed to no one: nothing raised
    service.close()


def test_the_review_draws_every_chart_range_and_filter_from_the_data_kept_in_the_file(
    qtbot: QtBot, db_path: Path, open_window
) -> None:
    """The kept columns are loaded as read-only arrays: nothing the review works out may write into them."""
    from journal.storage import review_kept
    from journal.storage.database import close_database, open_database
    from journal.ui.tasks import wait_for_background
    from tests.ui.review.test_review import journal_with_two_weeks

    journal_with_two_weeks(db_path)
    first = open_window(db_path)
    qtbot.waitUntil(lambda: first.review_data.snapshot is not None, timeout=5000)
    assert wait_for_background()  # kept
    first.close()
    first.service.close()
    open_database(db_path)
    assert review_kept.state().key is not None and review_kept.state().changed == 0
    close_database()

    window = open_window(db_path)
    window.tabs.setCurrentIndex(1)
    review = window.review
    qtbot.waitUntil(lambda: review.data.snapshot is not None, timeout=5000)
    assert not review.data.snapshot.points.set_id.flags.writeable  # loaded, not read again
    for choice in ("4 weeks", "1 year", "All"):
        review.range.setCurrentText(choice)
        for index in range(review.filter.count()):
            review.filter.setCurrentIndex(index)
            for tab in range(review.tabs.count()):
                review.tabs.setCurrentIndex(tab)
                review.redraw()


def test_a_change_to_everything_is_read_again_while_the_review_is_hidden(
    qtbot: QtBot, database: Path, open_window
) -> None:
    from journal.storage.changes import Change

    window = open_window(database)
    data = window.review_data
    qtbot.waitUntil(lambda: data.snapshot is not None, timeout=5000)
    old = data.snapshot
    window.service.publish(Change(everything=True, exercises=True))  # as an import or a merge announces
    assert data.loading
    qtbot.waitUntil(lambda: data.snapshot is not None and data.snapshot is not old, timeout=5000)
    assert window._review is None
