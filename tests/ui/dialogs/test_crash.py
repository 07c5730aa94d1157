# SPDX-License-Identifier: MIT
"""An error nothing caught, in the window: logged with its traceback, told in a dialog that copies the report;
Qt's own warnings go to the log; Help ▸ Open log folder shows the log's folder."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import pytest

from PySide6.QtCore import QUrl, qInstallMessageHandler, qWarning
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from journal.logs import log_folder, log_path, setup_logging
from journal.ui.dialogs import crash
from journal.ui.tasks import run_in_background
from tests.ui.helpers import button, click, click_button, modal_dialog, pick_menu, plain


@pytest.fixture
def hooks(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """The crash handlers installed as the window installs them (undone after); the folders asked to be opened."""
    opened: list[QUrl] = []
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)
    monkeypatch.setattr(crash.QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    setup_logging()
    crash.install_crash_handlers()
    yield opened
    qInstallMessageHandler(None)


@pytest.mark.qt_no_exception_capture
def test_an_error_in_a_slot_is_logged_and_told(qtbot: QtBot, hooks: list[QUrl]) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    broken, working = QPushButton("Break"), QPushButton("Still works")
    layout.addWidget(broken)
    layout.addWidget(working)
    clicks: list[bool] = []

    def breaks() -> None:
        raise ValueError("the slot broke")

    broken.clicked.connect(breaks)
    working.clicked.connect(lambda: clicks.append(True))
    window.show()
    qtbot.waitExposed(window)

    click(qtbot, broken)
    qtbot.waitUntil(lambda: crash.shown_dialog() is not None and crash.shown_dialog().isVisible(), timeout=3000)
    dialog = modal_dialog()
    assert dialog is crash.shown_dialog()
    text = " ".join(plain(label.text()) for label in dialog.findChildren(QLabel))
    assert "ValueError: the slot broke" in text and str(log_path()) in text

    click_button(qtbot, "Copy report", dialog)
    copied = QApplication.clipboard().text()
    assert "Traceback (most recent call last)" in copied and "in breaks" in copied
    assert "ValueError: the slot broke" in copied and "PySide6-Essentials 6." in copied and "Python 3." in copied
    click_button(qtbot, "Open log folder", dialog)
    assert [url.toLocalFile() for url in hooks] == [str(log_folder())]
    click_button(qtbot, "Close", dialog)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=3000)
    assert crash.shown_dialog() is None

    logged = log_path().read_text(encoding="utf-8")
    assert "CRITICAL journal.crash" in logged and "Uncaught ValueError" in logged
    assert "Traceback (most recent call last)" in logged and "in breaks" in logged
    assert "ValueError: the slot broke" in logged

    click(qtbot, button(window, "Still works"))  # the program runs on
    assert clicks == [True]


@pytest.mark.no_qt_log
def test_qt_warnings_go_to_the_log(hooks: list[QUrl], capfd: pytest.CaptureFixture[str]) -> None:
    qWarning("a warning from Qt")
    logged = log_path().read_text(encoding="utf-8")
    assert "WARNING journal.qt [MainThread]: a warning from Qt" in logged
    assert "a warning from Qt" in capfd.readouterr().err


def test_help_opens_the_log_folder(qtbot: QtBot, open_window: object, db_path: Path, hooks: list[QUrl]) -> None:
    window = open_window(db_path)  # type: ignore[operator]
    pick_menu(qtbot, window, "Help", "Open log folder")
    assert [url.toLocalFile() for url in hooks] == [str(log_folder())]
    assert log_folder().is_dir()


def test_a_failed_background_task_is_logged_with_its_traceback(qtbot: QtBot) -> None:
    setup_logging()
    failures: list[BaseException] = []

    def work() -> None:
        raise OSError(28, "No space left on device")

    run_in_background(work, lambda result: None, failures.append)
    qtbot.waitUntil(lambda: bool(failures), timeout=5000)
    logged = log_path().read_text(encoding="utf-8")
    assert "WARNING journal.ui.tasks" in logged and "A background task failed" in logged
    assert "Traceback (most recent call last)" in logged and "in work" in logged and "No space left" in logged


def test_an_error_that_ends_a_thread_is_logged(hooks: list[QUrl]) -> None:
    def work() -> None:
        raise LookupError("no such exercise")

    thread = threading.Thread(target=work, name="reader")
    thread.start()
    thread.join()
    logged = log_path().read_text(encoding="utf-8")
    assert "Uncaught LookupError in thread reader" in logged and "in work" in logged
