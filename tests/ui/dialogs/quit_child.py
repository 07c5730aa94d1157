# SPDX-License-Identifier: MIT
"""Run as a program: start the window on a journal, import a file, change preferences through File > Preferences,
then quit through File > Quit; Qt's own messages go to stderr, where the test looks for them."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMenu

from journal.ui.app import make_application, run_app
from journal.ui.dialogs.preferences import PreferencesDialog
from journal.ui.importing.import_dialog import ImportDialog
from journal.ui.main_window import MainWindow


def window() -> MainWindow:
    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())


def file_action(text: str) -> None:
    menu = window().menuBar().findChild(QMenu)
    assert menu is not None
    next(a for a in menu.actions() if a.text().replace("&", "").startswith(text)).trigger()


def when(test: object, then: object, tries: int = 300) -> None:
    """Run `then` once `test()` holds, checking every 50 ms."""
    if test():  # type: ignore[operator]
        then()  # type: ignore[operator]
    elif tries:
        QTimer.singleShot(50, lambda: when(test, then, tries - 1))
    else:
        sys.exit("gave up waiting")


def start_import() -> None:
    dialog = window().import_file(Path(sys.argv[2]))
    assert isinstance(dialog, ImportDialog)
    when(
        lambda: dialog.parsed is not None and dialog.import_button.isEnabled(),
        lambda: (
            QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton),
            when(
                lambda: not any(isinstance(w, ImportDialog) and w.isVisible() for w in QApplication.topLevelWidgets()),
                change_preferences,
            ),
        ),
    )


def change_preferences() -> None:
    QTimer.singleShot(300, choose_preferences)  # the dialog may run its own event loop
    file_action("Preferences")


def choose_preferences() -> None:
    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, PreferencesDialog) and w.isVisible())
    dialog.unit.setCurrentIndex(1)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    buttons = dialog.findChild(QDialogButtonBox)
    QTest.mouseClick(buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    QTimer.singleShot(200, lambda: file_action("Quit"))


if __name__ == "__main__":
    make_application()
    QTimer.singleShot(300, start_import if len(sys.argv) > 2 else change_preferences)
    code = run_app(Path(sys.argv[1]))
    print("quit", code, flush=True)
    sys.exit(code)
