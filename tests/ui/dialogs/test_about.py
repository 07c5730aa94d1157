# SPDX-License-Identifier: MIT
"""The About dialog and the application icon (issue 8)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

import journal
from journal.ui.dialogs.about import ICON_SIZES, AboutDialog, app_icon
from tests.ui.helpers import shoot


def test_app_icon_has_every_size(qapp: QApplication) -> None:  # QIcon needs the application
    icon = app_icon()
    assert not icon.isNull()
    assert {size.width() for size in icon.availableSizes()} == set(ICON_SIZES)


def test_about_dialog_says_what_and_where(qtbot: QtBot, data_dir: Path, tmp_path: Path) -> None:
    journal_file = tmp_path / "my journal.sqlite"
    dialog = AboutDialog(journal_file)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    def text(name: str) -> str:
        label = dialog.findChild(QLabel, name)
        assert label is not None, name
        return label.text()

    assert text("aboutName") == "Journal"
    assert journal.__version__ in text("aboutVersion")
    assert text("aboutDataFolder") == str(data_dir)
    assert text("aboutJournalFile") == str(journal_file)
    assert "MIT" in text("aboutLicence")
    assert text("aboutDescription")
    icon = dialog.findChild(QLabel, "aboutIcon")
    assert icon is not None and not icon.pixmap().isNull()
    shoot(dialog, "about")


def test_help_about_opens_the_dialog_on_this_journal(qtbot: QtBot, db_path: Path) -> None:
    from journal.ui.main_window import MainWindow
    from journal.ui.service import JournalService

    window = MainWindow(JournalService(db_path))
    qtbot.addWidget(window)
    dialog = window.show_about()
    qtbot.waitExposed(dialog)
    label = dialog.findChild(QLabel, "aboutJournalFile")
    assert label is not None and label.text() == str(db_path)
    dialog.close()


def test_the_application_carries_the_icon(qapp: QApplication) -> None:
    from journal.ui.app import make_application

    assert make_application() is qapp
    assert not qapp.windowIcon().isNull()
    assert qapp.desktopFileName() == "journal"
