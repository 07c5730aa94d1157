# SPDX-License-Identifier: MIT
"""Progress of background work, shown in a QProgressDialog that only appears when the work takes a while.

The work gets a plain callback `progress(done, total)`; it is safe to call from a worker thread, and it raises
ImportCancelled there once the lifter has pressed Cancel.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from journal.io.base import ImportCancelled

SHOW_AFTER_MS = 400


class _Relay(QObject):
    moved = Signal(int, int)


class WorkProgress:
    """A QProgressDialog for one piece of background work, with a thread-safe callback."""

    def __init__(self, parent: QWidget | None, title: str, label: str) -> None:
        self.cancelled = threading.Event()
        self.dialog = QProgressDialog(label, "Cancel", 0, 100, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.setValue(0)
        self.dialog.canceled.connect(self.cancelled.set)
        self._relay = _Relay()
        self._relay.moved.connect(self._show)

    def _show(self, done: int, total: int) -> None:
        self.dialog.setMaximum(max(total, 1))
        self.dialog.setValue(min(done, total))

    def __call__(self, done: int, total: int) -> None:
        if self.cancelled.is_set():
            raise ImportCancelled()
        self._relay.moved.emit(done, total)

    def step(self, label: str) -> None:
        self.dialog.setLabelText(label)
        self.dialog.setValue(0)

    def finish(self) -> None:
        self.dialog.reset()
        self.dialog.close()
        self.dialog.deleteLater()
