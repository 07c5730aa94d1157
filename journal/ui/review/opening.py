# SPDX-License-Identifier: MIT
"""The Review brought up without holding the window: its code imported once on a worker thread, then its screen
built in steps on the window's thread, a placeholder shown meanwhile.

Signals (ReviewOpening):
    built(object): the screen is made, its first chart in it; the window puts it in the Review's tab.
"""

from __future__ import annotations

import importlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel

from journal.ui.review.review_data import ReviewData
from journal.ui.service import JournalService

if TYPE_CHECKING:
    from journal.ui.review.review_screen import ReviewScreen

REVIEW_MODULE = "journal.ui.review.review_screen"
PLACEHOLDER_TEXT = "Bringing up the review…"
CODE_AFTER_DATA_MS = 500  # the longest the code's import waits for a read under way to end
WAIT_FOR_WORK_MS, WAIT_STEP_MS = 1500, 15  # the longest the screen waits for the work of its first draw, and how


class _Relay(QObject):
    loaded = Signal()


_relay: _Relay | None = None  # made on the window's thread when first asked for; lives as long as the program
_worker: threading.Thread | None = None
_loaded = threading.Event()


def _the_relay() -> _Relay:
    global _relay
    if _relay is None:
        _relay = _Relay()
    return _relay


def load_review_code() -> threading.Thread:
    """Import the Review's code (pyqtgraph, numpy, the charts) on a worker thread, unless it is imported or on its
    way. Importing makes no widget: pyqtgraph and the charts make their Qt objects when a chart is built."""
    global _worker
    relay = _the_relay()
    if _worker is None:
        _worker = threading.Thread(target=_import, args=(relay,), name="review-code", daemon=True)
        _worker.start()
    return _worker


def _import(relay: _Relay) -> None:
    try:
        importlib.import_module(REVIEW_MODULE)
        import numpy.ma  # noqa: F401  numpy's first np.unique imports it (30 ms or more): here, not in the window
    finally:  # a failed import is raised again where the screen imports it, on the window's thread
        _loaded.set()
        relay.loaded.emit()


def placeholder() -> QLabel:
    """What the Review's tab shows while its screen is brought up."""
    label = QLabel(PLACEHOLDER_TEXT)
    label.setObjectName("reviewPlaceholder")
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setEnabled(False)  # in the palette's quiet text colour
    return label


class ReviewOpening(QObject):
    """Brings the Review up once: open() starts the data's read and the code's import, and builds the screen in
    steps each well under a frame's worth of 50 ms, handing the events in between (the data, shown as soon as it
    is read, the window's paints and keys); now() finishes at once whatever is left (a caller that needs it)."""

    built = Signal(object)

    def __init__(self, service: JournalService, data: ReviewData, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.data = data
        self.screen: ReviewScreen | None = None
        self.started = False
        self.code_loaded = False
        self.done = False

    def open(self) -> None:
        self.data.start()  # the read first: it runs while the code is imported and the screen built
        if self.started:
            return
        self.started = True
        relay = _the_relay()
        relay.loaded.connect(self._code_loaded, Qt.ConnectionType.QueuedConnection)
        if _worker is None and self.data.loading:  # the data first: both would share the interpreter, and numpy
            self.data.ready.connect(self._load_code, Qt.ConnectionType.SingleShotConnection)
            QTimer.singleShot(CODE_AFTER_DATA_MS, self, self._load_code)  # at the latest (a read that failed)
        else:
            self._load_code()

    def _load_code(self) -> None:
        load_review_code()
        if _loaded.is_set():  # it may have told no one: the step comes next round all the same (once)
            QTimer.singleShot(0, self, self._code_loaded)

    def _code_loaded(self) -> None:
        if self.code_loaded:  # told by the signal and by the round after open(): once is enough
            return
        self.code_loaded = True
        _the_relay().loaded.disconnect(self._code_loaded)
        if self.screen is None and not self.done:
            QTimer.singleShot(0, self, self._make_screen)

    def _make_screen(self) -> None:
        if self.screen is None and not self.done:
            from journal.ui.review.review_screen import ReviewScreen

            self.screen = ReviewScreen(self.service, self.data)
            QTimer.singleShot(0, self, self._make_chart)

    def _make_chart(self) -> None:
        if self.screen is not None and not self.done:
            self.screen.current_chart()  # the chart it shows first (20 to 45 ms)
            QTimer.singleShot(0, self, lambda: self._prepare(0))

    def _prepare(self, step: int) -> None:
        if self.screen is not None and not self.done:
            self.screen.prepare(step)
            QTimer.singleShot(0, self, (lambda: self._prepare(1)) if step == 0 else self._hand_over)

    def _hand_over(self, waited: int = 0) -> None:
        if self.screen is not None and not self.done:
            if self.screen.working and waited < WAIT_FOR_WORK_MS:  # what its first draw needs, worked out meanwhile
                QTimer.singleShot(WAIT_STEP_MS, self, lambda: self._hand_over(waited + WAIT_STEP_MS))
                return
            self._finish()

    def _finish(self) -> None:
        assert self.screen is not None
        self.screen.current_chart()
        self.done = True
        self.built.emit(self.screen)  # shown, and drawn, in the Review's tab

    def now(self) -> ReviewScreen:
        """The screen, its first chart built; made now if it was not (the code imported on this thread if need be)."""
        self.data.start()
        self.started = True
        if self.screen is None:
            from journal.ui.review.review_screen import ReviewScreen

            self.screen = ReviewScreen(self.service, self.data)
        if not self.done:
            self._finish()
        return self.screen
