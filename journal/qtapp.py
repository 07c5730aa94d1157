# SPDX-License-Identifier: MIT
"""The one QApplication of a process, named as Journal: for the window, and for the commands that draw a chart or
print a document without one (offscreen)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from journal import APP_NAME, ORG_NAME


def application(argv: list[str] | None = None) -> QApplication:
    """The QApplication, made on first use."""
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_NAME)
    return app
