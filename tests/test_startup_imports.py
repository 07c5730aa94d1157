# SPDX-License-Identifier: MIT
"""What the window's start leaves for later: numpy, the importers and exports, the dialogs, the log's code."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.reliability.support import make_journal

LATER = ("numpy", "journal.io", "journal.storage.importing", "journal.ui.importing.import_dialog", "pyqtgraph")
# Not needed to paint the log either: the dialogs, printing, the log's code, the routines' code (a session shows its
# plans without it), PySide's resolution of every widget class (QWizard is one no screen uses: it exists once that
# resolution ran), and the stdlib's costlier modules.
AT_FIRST_PAINT = (
    *LATER,
    "journal.ui.dialogs.crash",
    "journal.ui.dialogs.backups_dialog",
    "journal.ui.dialogs.preferences",
    "journal.ui.dialogs.about",
    "journal.printing",
    "journal.domain.routines",
    "journal.storage.routines",
    "journal.logs",
    "logging.handlers",
    "PySide6.QtPrintSupport",
    "PySide6.QtSvg",
    "html",
    "_strptime",
    "QWizard",
)
FIRST_PAINT = """
import sys
from pathlib import Path
from PySide6 import QtWidgets
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint and not hasattr(self, "seen"):
            self.seen = [m for m in {names!r} if m in sys.modules or QtWidgets.__dict__.get(m) is not None]
            QTimer.singleShot(0, QApplication.quit)
        return False

app = QApplication([])
from journal.ui.main_window import MainWindow
from journal.ui.service import JournalService
window = MainWindow(JournalService(Path(sys.argv[1])))
spy = FirstPaint()
window.installEventFilter(spy)  # on the window only: a filter on the application is handed every widget
window.show()
app.exec()
print(" ".join(spy.seen) or "none")
"""


def test_the_main_window_starts_without_numpy_the_importers_or_the_dialogs() -> None:
    code = (
        "import sys; import journal.ui.main_window; "
        f"print(' '.join(m for m in {LATER!r} if m in sys.modules) or 'none')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["none"]


def test_the_first_paint_of_the_log_needs_no_dialog_printing_or_log_code(tmp_path: Path, data_dir: Path) -> None:
    make_journal(tmp_path / "journal.sqlite", years=0.1)
    result = subprocess.run(
        [sys.executable, "-c", FIRST_PAINT.format(names=AT_FIRST_PAINT), str(tmp_path / "journal.sqlite")],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen", "JOURNAL_DATA_DIR": str(data_dir)},
    )
    assert result.stdout.split() == ["none"]


def test_the_review_data_and_its_per_set_figures_are_read_without_the_chart_code() -> None:
    """The worker thread that reads the review data works out the per-set figures too: were they to import the
    charts, it would import pyqtgraph (about 0.2 s) before the data is ready."""
    code = (
        "import sys; import journal.review.data, journal.review.set_figures, journal.ui.review.review_data; "
        "print(sorted(m for m in sys.modules if m.startswith(('pyqtgraph', 'journal.charts'))))"
    )
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60)
    assert found.stdout.strip() == "[]"
