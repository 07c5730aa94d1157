# SPDX-License-Identifier: MIT
"""The rest timer in the status bar: a countdown after a set is stored, paused, resumed or skipped by keyboard."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

PAUSE_KEY = "F9"  # pause or resume the rest
SKIP_KEY = "Shift+F9"  # end it now
OVER_SHOWN_MS = 15_000  # "Rest over" stays this long


def clock(seconds: int) -> str:
    """'1:45', '0:05'."""
    return f"{seconds // 60}:{seconds % 60:02d}"


class RestTimer(QLabel):
    """A countdown of whole seconds, one a tick of `tick_ms` (a second; tests make it shorter).

    Signals:
        finished(str): the rest ran out (not skipped); the exercise it followed.
    """

    finished = Signal(str)

    def __init__(self, parent: QWidget | None = None, tick_ms: int = 1000) -> None:
        super().__init__(parent)
        self.setObjectName("restTimer")
        font = self.font()
        font.setBold(True)  # read from a bench's distance
        self.setFont(font)
        self.left = 0
        self.paused = False
        self.exercise = ""
        self.timer = QTimer(self)
        self.timer.setInterval(tick_ms)
        self.timer.timeout.connect(self._tick)
        self._clear = QTimer(self)
        self._clear.setSingleShot(True)
        self._clear.timeout.connect(self.hide)
        self.hide()

    @property
    def running(self) -> bool:
        """Counting down or paused: a rest is on."""
        return self.left > 0

    def start(self, seconds: int, exercise: str) -> None:
        """A new rest of `seconds` after a set of `exercise` (a rest already on starts over)."""
        self.left, self.paused, self.exercise = max(1, seconds), False, exercise
        self._clear.stop()
        self.timer.start()
        self._show()
        self.show()

    def toggle_pause(self) -> None:
        if not self.running:
            return
        self.paused = not self.paused
        if self.paused:
            self.timer.stop()
        else:
            self.timer.start()
        self._show()

    def skip(self) -> None:
        """End the rest now, without the end's sound or notice."""
        if not self.running:
            return
        self.left, self.paused = 0, False
        self.timer.stop()
        self.setText("Rest skipped")
        self._clear.start(2000)

    def _tick(self) -> None:
        self.left -= 1
        if self.left > 0:
            self._show()
            return
        self.timer.stop()
        self.setText(f"Rest over: next set of {self.exercise}" if self.exercise else "Rest over")
        self.setToolTip("")
        self._clear.start(OVER_SHOWN_MS)
        self.finished.emit(self.exercise)

    def _show(self) -> None:
        if self.paused:
            self.setText(f"Rest paused at {clock(self.left)} · {PAUSE_KEY} resumes · {SKIP_KEY} skips")
        else:
            self.setText(f"Rest {clock(self.left)} · {PAUSE_KEY} pauses · {SKIP_KEY} skips")
        self.setToolTip(f"Resting after {self.exercise}" if self.exercise else "")
