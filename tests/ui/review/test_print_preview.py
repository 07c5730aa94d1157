# SPDX-License-Identifier: MIT
"""The print preview's own "Save as PDF…" button writes the document shown."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from PySide6.QtWidgets import QApplication, QToolBar
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from tests.printing.test_report_pages import text_of
from tests.ui.helpers import answering, click
from tests.ui.scenarios.conftest import type_file_name


@pytest.fixture
def journal_for_report(db_path: Path) -> Path:
    open_database(db_path)
    try:
        from journal.storage import repository as repo

        bench = exercises.find_exercise("Bench Press")
        assert bench is not None
        start = datetime.now() - timedelta(days=3)
        repo.add_session(
            Session(start=start, entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=100, reps=5, rir=2),)),))
        )
    finally:
        close_database()
    return db_path


def test_the_print_preview_saves_a_pdf(qtbot: QtBot, journal_for_report: Path, open_window, tmp_path: Path) -> None:
    window: MainWindow = open_window(journal_for_report)
    window.tabs.setCurrentWidget(window.review)
    screen = window.review
    qtbot.waitUntil(lambda: screen.data.snapshot is not None, timeout=20000)
    click(qtbot, screen.report_button)
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is not None, timeout=10000)
    dialog = QApplication.activeModalWidget()
    toolbar = dialog.findChild(QToolBar)
    action = next(a for a in toolbar.actions() if a.objectName() == "savePdf")
    button = toolbar.widgetForAction(action)
    assert button.isVisible() and "PDF" in button.text()
    out = tmp_path / "report.pdf"
    with answering(qtbot, "Save", type_file_name(qtbot, out)):
        click(qtbot, button)
    assert out.read_bytes().startswith(b"%PDF")
    assert "Training report" in text_of(out, 1) and "Bench Press" in text_of(out, 1)
    dialog.reject()
