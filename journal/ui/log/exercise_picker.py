# SPDX-License-Identifier: MIT
"""Adding an exercise: a search field over catalogue names and aliases, best matches first as you type.

Enter takes the highlighted match, or the best one (shown beside the field); Shift+Enter creates a new exercise
with exactly the typed name, after a confirmation. Enter on a name the catalogue does not know offers the same.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QStringListModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCompleter,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from journal.domain.names import clean_name, search_names
from journal.domain.records import Exercise
from journal.domain.validation import NAME_MAX_CHARS
from journal.storage import exercises as store
from journal.ui import undo
from journal.ui.service import JournalService
from journal.ui.widgets import plain_label


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
        self.field.setMaxLength(NAME_MAX_CHARS)  # a new exercise is named from it
        self.field.setPlaceholderText("Add exercise: type to search, e.g. bench, squat, curl… (Ctrl+E)")
        self.field.setClearButtonEnabled(True)
        self.matches = QStringListModel(self)
        self.completer = QCompleter(self.matches, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(12)
        self.completer.setWidget(self.field)
        self.hint = plain_label()
        self.hint.setObjectName("pickerHint")
        self.hint.setEnabled(False)
        self.add = QPushButton("Add")
        self.add.setToolTip("Add the exercise to this session (Enter)")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.add)
        self.field.textEdited.connect(self._search)
        self.field.installEventFilter(self)
        # Enter while the popup is open reaches the field straight from the completer, past the event filter: the
        # completer itself takes a highlighted suggestion (activated), so the field takes only what is typed.
        self.field.returnPressed.connect(self._return_in_popup)
        self.add.clicked.connect(self.take)
        self.completer.activated.connect(self._activated)
        self.reload()

    def reload(self) -> None:
        """The exercises changed: their names are read again when next searched (not as the window starts)."""
        self._names: tuple[dict[str, int], frozenset[str], list[str]] | None = None

    def _read_names(self) -> tuple[dict[str, int], frozenset[str], list[str]]:
        if self._names is None:
            owner: dict[str, int] = {}  # every name and alias -> its exercise
            found = store.list_exercises()
            for exercise in found:
                for name in (exercise.name, *exercise.aliases):
                    owner[name] = exercise.id or 0
            self._names = (owner, frozenset(e.name for e in found), sorted(owner, key=str.casefold))
        return self._names

    @property
    def owner(self) -> dict[str, int]:
        """Every name and alias -> its exercise."""
        return self._read_names()[0]

    def search(self, text: str) -> list[str]:
        """The best names for `text`, one per exercise."""
        owner, canonical, all_names = self._read_names()
        seen: set[int] = set()
        found = []
        for name in search_names(text, all_names, limit=60, preferred=canonical):
            if owner[name] not in seen:
                seen.add(owner[name])
                found.append(name)
        return found[:12]

    def _search(self, text: str) -> None:
        found = self.search(text)
        self.matches.setStringList(found)
        if found:
            self.hint.setText(f"↵ {found[0]}")
            self.completer.complete()
        else:
            self._popup().hide()
            self.hint.setText(f"↵ new: {clean_name(text)}" if text.strip() else "")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self._create_typed()
                else:
                    self.take()
                return True
        return super().eventFilter(watched, event)

    def _popup(self) -> QAbstractItemView:
        popup = self.completer.popup()
        assert popup is not None  # the completer makes its list when it is made
        return popup

    def _return_in_popup(self) -> None:
        if self._popup().currentIndex().isValid():
            return  # the completer's activated signal follows with the highlighted name
        if QApplication.keyboardModifiers() & Qt.KeyboardModifier.ShiftModifier:
            self._create_typed()
        else:
            self.take()

    def _activated(self, text: str) -> None:
        self.field.setText(text)
        self.take()

    def take(self) -> None:
        """Add the exercise named exactly, else the best match, else offer to create the typed name."""
        text = clean_name(self.field.text())
        if not text:
            return
        exercise = store.find_exercise(text)
        if exercise is None:
            found = self.search(text)
            exercise = store.find_exercise(found[0]) if found else None
        if exercise is None:
            self._create_typed()
            return
        self._chosen(exercise)

    def _create_typed(self) -> None:
        name = clean_name(self.field.text())
        if not name:
            return
        existing = store.find_exercise(name)
        if existing is not None:
            self._chosen(existing)
            return
        answer = QMessageBox.question(
            self,
            "New exercise",
            f"“{name}” is not in your exercise list yet. Create it?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        command = undo.CreateExercise(self.service, name)
        stack = self.service.undo_stack
        stack.beginMacro(f"Add new exercise “{name}”")  # one step with what is done with it (an entry, an item)
        try:
            self.service.push(command)
            if command.exercise is not None:
                self._chosen(command.exercise)
        finally:
            stack.endMacro()

    def _chosen(self, exercise: Exercise) -> None:
        self.field.clear()
        self.hint.clear()
        self._popup().hide()
        self.chosen.emit(exercise)
