# SPDX-License-Identifier: MIT
"""Adding an exercise: a search field over catalogue names and aliases that filters as you type.

Enter takes the highlighted or typed name; a name the catalogue does not know can be created after a confirmation.
"""

from __future__ import annotations

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import QCompleter, QHBoxLayout, QLineEdit, QMessageBox, QPushButton, QWidget

from journal.domain.names import clean_name
from journal.domain.records import Exercise
from journal.storage import exercises as store
from journal.ui.service import JournalService


class ExercisePicker(QWidget):
    """Signals:
        chosen(Exercise): the lifter picked (or created) an exercise to add.
    """

    chosen = Signal(object)

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.field = QLineEdit()
        self.field.setObjectName("exerciseSearch")
        self.field.setPlaceholderText("Add exercise: type to search, e.g. bench, squat, curl… (Ctrl+E)")
        self.field.setClearButtonEnabled(True)
        self.names = QStringListModel(self)
        self.completer = QCompleter(self.names, self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.setMaxVisibleItems(12)
        self.field.setCompleter(self.completer)
        self.add = QPushButton("Add")
        self.add.setToolTip("Add the exercise to this session")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.add)
        self.field.returnPressed.connect(self.take)
        self.add.clicked.connect(self.take)
        self.completer.activated.connect(lambda _text: self.take())
        self.reload()

    def reload(self) -> None:
        names: list[str] = []
        for exercise in store.list_exercises():
            names.append(exercise.name)
            names.extend(exercise.aliases)
        self.names.setStringList(sorted(set(names), key=str.casefold))

    def take(self) -> None:
        text = clean_name(self.field.text())
        if not text:
            return
        exercise = store.find_exercise(text)
        if exercise is None:
            exercise = self._create(text)
            if exercise is None:
                return
        self.field.clear()
        self.completer.popup().hide()
        self.chosen.emit(exercise)

    def _create(self, name: str) -> Exercise | None:
        answer = QMessageBox.question(
            self, "New exercise", f"“{name}” is not in your exercise list yet. Create it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes)
        if answer != QMessageBox.StandardButton.Yes:
            return None
        exercise, change = store.create_exercise(name)
        self.service.emit(change)
        return exercise
