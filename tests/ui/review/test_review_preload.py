# SPDX-License-Identifier: MIT
"""The Review's code is imported on a worker thread once the window is up, so the first switch to Review only
builds the screen."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from pytestqt.qtbot import QtBot

from journal.ui import main_window


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
    assert main_window.REVIEW_MODULE in sys.modules
