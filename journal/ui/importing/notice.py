# SPDX-License-Identifier: MIT
"""A notice along the top of the window that does not block it: what the watched folder imported, with Undo, or
which file there could not be imported and why. It stays until dismissed or replaced."""

from __future__ import annotations

from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from journal.ui.widgets import plain_label


class ImportNotice(QFrame):
    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importNotice")
        self.stack = stack
        self.command: QUndoCommand | None = None
        self.text: QLabel = plain_label()
        self.text.setObjectName("importNoticeText")
        self.text.setWordWrap(True)
        self.undo_button = QPushButton("Undo")
        self.undo_button.setObjectName("importNoticeUndo")
        self.undo_button.clicked.connect(self.undo)
        self.dismiss = QPushButton("Dismiss")
        self.dismiss.setObjectName("importNoticeDismiss")
        self.dismiss.clicked.connect(self.hide)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(self.dismiss)
        self.hide()
        stack.indexChanged.connect(self._follow_stack)  # a bound slot: disconnected when the notice goes

    def _style(self, problem: bool) -> None:
        background, ink = ("#fde7e9", "#5c0011") if problem else ("#e6f4ea", "#0d3b1e")
        self.setStyleSheet(f"#importNotice {{ background: {background}; }} #importNotice QLabel {{ color: {ink}; }}")

    def show_imported(self, text: str) -> None:
        """An import just pushed on the undo stack: Undo takes it out."""
        self.command = self.stack.command(self.stack.index() - 1)
        self._style(False)
        self.text.setText(text)
        self.undo_button.setVisible(True)
        self.undo_button.setEnabled(True)
        self.show()

    def show_problem(self, text: str) -> None:
        self.command = None
        self._style(True)
        self.text.setText(text)
        self.undo_button.setVisible(False)
        self.show()

    def _on_top(self) -> bool:
        """Whether the import is the last thing done (the stack clears as it is deleted: then it is not)."""
        if self.command is None or not isValid(self.stack) or self.stack.index() == 0:
            return False
        return self.stack.command(self.stack.index() - 1) is self.command

    def _follow_stack(self, _index: int = 0) -> None:
        """Undo stays for the import only while it is the last thing done."""
        if self.command is not None:
            self.undo_button.setEnabled(self._on_top())

    def undo(self) -> None:
        if self._on_top():
            self.stack.undo()
            self.text.setText(self.text.text() + " Undone.")
        self.undo_button.setEnabled(False)
