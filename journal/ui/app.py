# SPDX-License-Identifier: MIT
"""Starting the GUI: the QApplication, the theme, the journal file, the main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QApplication, QMessageBox

from journal import APP_NAME
from journal.lock import JournalLocked, acquire
from journal.paths import default_db_path
from journal.qtapp import application
from journal.storage.database import STORAGE_ERRORS, JournalFileError
from journal.storage.migrations import DatabaseTooNew
from journal.ui.service import JournalService

if TYPE_CHECKING:
    from journal.ui.main_window import MainWindow

log = logging.getLogger(__name__)


def make_application(argv: list[str] | None = None) -> QApplication:
    app = application(argv)
    app.setDesktopFileName("journal")  # matches installer/journal.desktop, so a desktop shows its icon
    from journal.ui.dialogs.about import app_icon

    app.setWindowIcon(app_icon())
    return app


def run_app(db_path: Path | None) -> int:
    from journal.logs import setup_logging
    from journal.settings import Preferences
    from journal.ui.dialogs.crash import install_crash_handlers
    from journal.ui.tasks import wait_for_background
    from journal.ui.theme import apply_theme

    app = make_application()
    setup_logging()
    install_crash_handlers()
    log.info("Starting the window: Python %s, Qt %s", sys.version.split()[0], qVersion())
    apply_theme(app, Preferences.load().theme)
    path = Path(db_path or default_db_path())
    try:
        lock = acquire(path)
    except JournalLocked as error:
        log.warning("%s", error)
        QMessageBox.warning(None, APP_NAME, str(error))
        return 2
    window = open_window(path)
    if window is None:
        return 2
    window.show()
    code = app.exec()
    wait_for_background()
    window.service.close()
    lock.unlock()
    return int(code)


def open_window(path: Path) -> MainWindow | None:
    """Open the journal and build the window on it (SQLite's quick check of the file runs meanwhile, and a damaged
    file is refused before the window is shown); when it cannot be opened, say why and offer its backups (never
    repairing or overwriting the file)."""
    try:
        return _window(JournalService(path))
    except (JournalFileError, DatabaseTooNew) as error:
        from journal.storage.backup import list_backups
        from journal.ui.dialogs.backups_dialog import choose_backup_to_restore

        log.warning("%s cannot be opened", path, exc_info=True)
        backups = list_backups(path)
        box = QMessageBox(QMessageBox.Icon.Critical, APP_NAME, str(error))
        box.setInformativeText(
            "The file was left as it is."
            + (" You can put one of its backups in its place (the file is kept beside it)." if backups else "")
        )
        restore = box.addButton("Open a backup…", QMessageBox.ButtonRole.AcceptRole) if backups else None
        box.addButton(QMessageBox.StandardButton.Close)
        box.exec()
        if restore is not None and box.clickedButton() is restore and choose_backup_to_restore(path, backups):
            return open_window(path)
        return None


def _window(service: JournalService) -> MainWindow:
    from journal.ui.main_window import MainWindow

    try:
        return MainWindow(service)  # confirms the file whole (service.confirm_whole) before it returns
    except STORAGE_ERRORS:
        service.confirm_whole()  # a damaged page read while the window was built is refused as the check would
        raise
