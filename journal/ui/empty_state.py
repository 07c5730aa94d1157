# SPDX-License-Identifier: MIT
"""What an empty journal shows: a welcome, and the ways to begin."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """Signals:
    start_session(): the lifter wants to log a session now.
    import_file(): the lifter wants to bring in the history kept in another app.
    explore_sample(): the lifter wants to look around a sample history first.
    """

    start_session = Signal()
    explore_sample = Signal()
    import_file = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        heading = QLabel("Your training journal is empty")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.8)
        font.setBold(True)
        heading.setFont(font)
        heading.setAlignment(Qt.AlignmentFlag.AlignCenter)
        text = QLabel(
            "Log each set with its load, reps, and how many reps you had left in reserve (RIR) or its RPE.\n"
            "Journal keeps every session, shows how hard you really trained,\n"
            "and helps you calibrate your RIR guesses."
        )
        text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.start = QPushButton("Start a session")
        self.start.setObjectName("startSession")
        self.start.setDefault(True)
        self.start.setMinimumHeight(36)
        self.start.setToolTip("Log today's training (Ctrl+N)")
        self.sample = QPushButton("Explore sample data")
        self.sample.setObjectName("exploreSample")
        self.sample.setMinimumHeight(36)
        self.sample.setToolTip("Look around a three-year synthetic history, kept apart from your own journal")
        self.importer = QPushButton("Import from another app…")
        self.importer.setObjectName("importFromApp")
        self.importer.setMinimumHeight(36)
        self.importer.setToolTip("Strong, Hevy, FitNotes, Fitbod or any CSV (Ctrl+I)")
        self.importer.clicked.connect(self.import_file)
        self.start.clicked.connect(self.start_session)
        self.sample.clicked.connect(self.explore_sample)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.start)
        buttons.addWidget(self.importer)
        buttons.addWidget(self.sample)
        buttons.addStretch(1)
        hint = QLabel(
            "Keyboard: Ctrl+N new session · Ctrl+E add exercise · Enter next set · Ctrl+I import · Ctrl+Z undo"
        )
        hint.setEnabled(False)
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addSpacing(16)
        layout.addLayout(buttons)
        layout.addSpacing(12)
        layout.addWidget(hint)
        layout.addStretch(3)
