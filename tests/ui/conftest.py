# SPDX-License-Identifier: MIT
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.ui.main_window import MainWindow
from journal.ui.service import JournalService
from journal.ui.tasks import wait_for_background
from tests.ui.helpers import wait_active


@pytest.fixture
def open_window(qtbot: QtBot) -> Iterator[object]:
    """open_window(path) -> a shown, active MainWindow on the journal file at path; closed after the test."""
    opened: list[tuple[MainWindow, JournalService]] = []

    def open_(path: Path) -> MainWindow:
        service = JournalService(path)
        window = MainWindow(service)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        wait_active(qtbot, window)
        opened.append((window, service))
        return window

    yield open_
    wait_for_background()
    for window, service in opened:
        window.close()
        service.close()
    QApplication.processEvents()
