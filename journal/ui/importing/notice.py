# SPDX-License-Identifier: MIT
"""A notice along the top of the window that does not block it: what the watched folder imported, with Undo, or
which file there could not be imported and why. It stays until dismissed or replaced."""

from __future__ import annotations

from PySide6.QtGui import QPalette, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QApplication, QFrame, QHBoxLayout, QLabel, QPushButton, QWidget
from shiboken6 import isValid

from journal.ui.widgets import plain_label


class ImportNotice(QFrame):
    def __init__(self, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importNotice")
        self.stack = stack
        self.command: QUndoCommand | None = None
        self.problem = False
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
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.paletteChanged.connect(self._restyle)  # a bound slot: disconnected when the notice goes
        stack.indexChanged.connect(self._follow_stack)  # a bound slot: disconnected when the notice goes

    def _restyle(self, _palette: object = None) -> None:
        """The colours follow the theme (light or dark) when it changes while the notice is shown."""
        if self.isVisible():
            self._style(self.problem)

    def _style(self, problem: bool) -> None:
        self.problem = problem
        dark = QApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128
        colours = {
            (False, False): ("#e6f4ea", "#0d3b1e"),
            (True, False): ("#fde7e9", "#5c0011"),
            (False, True): ("#1d3a26", "#d3efdc"),
            (True, True): ("#4a1d22", "#fadadd"),
        }
        background, ink = colours[(problem, dark)]
        sheet = f"#importNotice {{ background: {background}; }} #importNotice QLabel {{ color: {ink}; }}"
        if sheet != self.styleSheet():
            self.setStyleSheet(sheet)

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
