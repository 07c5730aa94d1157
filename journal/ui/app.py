# SPDX-License-Identifier: MIT
"""Starting the GUI: the QApplication, the theme, the journal file, the main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from journal import APP_NAME, ORG_NAME, __version__
from journal.paths import default_db_path
from journal.storage.database import JournalFileError
from journal.storage.migrations import DatabaseTooNew


def make_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    app.setApplicationVersion(__version__)
    return app


def run_app(db_path: Path | None) -> int:
    from journal.ui.main_window import MainWindow
    from journal.ui.service import JournalService, Preferences
    from journal.ui.tasks import wait_for_background
    from journal.ui.theme import apply_theme

    app = make_application()
    apply_theme(app, Preferences.load().theme)
    try:
        service = JournalService(Path(db_path or default_db_path()))
    except (JournalFileError, DatabaseTooNew) as error:
        QMessageBox.critical(None, APP_NAME, str(error))
        return 2
    window = MainWindow(service)
    window.show()
    code = app.exec()
    wait_for_background()
    service.close()
    return int(code)
