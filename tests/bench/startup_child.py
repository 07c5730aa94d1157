# SPDX-License-Identifier: MIT
"""Started by the start-up benchmark: opens Journal's main window on a journal, a bare PySide6 window (a QMainWindow
with a QTableView) or a pyqtgraph window with one empty plot, and prints the wall-clock time at its first paint."""

from __future__ import annotations

import os
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication


class FirstPaint(QObject):
    """The first paint event of any widget of the window (a plot paints on its viewport, not on itself)."""

    def __init__(self) -> None:
        super().__init__()
        self.done = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and not self.done:
            self.done = True
            print(f"painted {time.time():.6f}", flush=True)
            QTimer.singleShot(0, QApplication.quit)
        return False


def main() -> None:
    kind = sys.argv[1]
    app = QApplication(sys.argv[:1])
    if kind == "bare":  # a bare PySide6 window: a QMainWindow holding a QTableView
        from PySide6.QtWidgets import QMainWindow, QTableView

        window = QMainWindow()
        window.setCentralWidget(QTableView())
    elif kind == "pyqtgraph":  # the same, with pyqtgraph imported and one empty plot
        import pyqtgraph as pg

        window = pg.PlotWidget()
    else:
        from pathlib import Path

        from journal.ui.main_window import MainWindow
        from journal.ui.service import JournalService

        window = MainWindow(JournalService(Path(sys.argv[2])))
    spy = FirstPaint()
    app.installEventFilter(spy)
    window.resize(1200, 780)
    window.show()
    app.exec()


if __name__ == "__main__":
    main()
