# SPDX-License-Identifier: MIT
"""The Exercises tab: the library, searchable, beside the page of the exercise chosen."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal import settings
from journal.domain.names import name_key
from journal.domain.records import Exercise
from journal.storage import exercises
from journal.storage.changes import Change
from journal.storage.review import exercises_used
from journal.ui.exercises.editor import ExerciseDialog, MergeDialog
from journal.ui.exercises.page import CHOOSE, ExercisePage
from journal.ui.service import JournalService
from journal.ui.widgets import plain_label

IdRole = Qt.ItemDataRole.UserRole
SHOWN = ("Exercises you have done", "Without muscles", "Every exercise")
NONE_DONE = (
    "No exercise done yet: log or import a session and its exercises appear on the left.\n"
    "Choose “Every exercise” there to look through the catalogue."
)


def matches(exercise: Exercise, words: list[str]) -> bool:
    """Every word typed is in its name or in one of its aliases."""
    names = " | ".join(name_key(n) for n in (exercise.name, *exercise.aliases))
    return all(word in names for word in words)


class ExercisesScreen(QWidget):
    """Signals:
    session_requested(int): open this session in the log.
    """

    session_requested = Signal(int)

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._all: list[Exercise] = []
        self._used: set[int] = set()
        self._bare: set[int] = set()
        self._stale = True
        self.search = QLineEdit()
        self.search.setObjectName("exerciseSearch")
        self.search.setPlaceholderText("Search exercises: name or alias…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._fill())
        self.search.returnPressed.connect(self._open_first)
        self.shown = QComboBox()
        self.shown.setObjectName("exerciseFilter")
        self.shown.addItems(list(SHOWN))
        self.shown.currentIndexChanged.connect(lambda _i: self._fill())
        self.bare_note = plain_label()
        self.bare_note.setObjectName("withoutMuscles")
        self.bare_note.setWordWrap(True)
        self.list = QTreeWidget()
        self.list.setObjectName("exerciseList")
        self.list.setHeaderLabels(["Exercise", "Muscles"])
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.list.currentItemChanged.connect(self._chosen)
        self.list.itemDoubleClicked.connect(lambda item, _c: self._edit(item.data(0, IdRole)))
        self.page = ExercisePage(service)
        self.page.session_requested.connect(self.session_requested)
        self.page.edit_requested.connect(self._edit)
        self.page.merge_requested.connect(self._merge)
        side = QWidget()
        column = QVBoxLayout(side)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.search)
        column.addWidget(self.shown)
        column.addWidget(self.bare_note)
        column.addWidget(self.list, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(side)
        self.splitter.addWidget(self.page)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([240, 960])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)
        service.changed.connect(self.on_changed)
        service.file_changed.connect(lambda _path: self.page.show_exercise(None))  # another journal's ids

    # ---- the list ----
    def reload(self) -> None:
        self._all = exercises.list_exercises()
        self._used = {row[0] for row in exercises_used()}
        self._bare = {x.id for x in exercises.exercises_without_muscles() if x.id is not None}
        count = len(self._bare)
        they = "they count" if count != 1 else "it counts"
        self.bare_note.setText(
            f"{count} exercise{'s' if count != 1 else ''} without muscles: {they} in no muscle's volume. "
            "Choose “Without muscles” to fill them in."
            if count
            else ""
        )
        self.bare_note.setVisible(bool(count))
        self._stale = False
        self._fill()
        self._choose_first()

    def _choose_first(self) -> None:
        """With no exercise chosen (or the one chosen gone), the page shows the one shown last time, else the first
        one listed; an empty list says how to fill it."""
        known = {x.id for x in self._all}
        shown = self.page.exercise
        if shown is not None and shown.id in known:
            return
        items = [self.list.topLevelItem(i) for i in range(self.list.topLevelItemCount())]
        last = settings.last_exercise()
        chosen = next((item for item in items if item is not None and item.text(0) == last), None)
        if chosen is None and items:
            chosen = items[0]
        if chosen is not None:
            self.list.setCurrentItem(chosen)  # shows its page
            self.list.scrollToItem(chosen)
        else:
            self.page.show_exercise(None)

    def _fill(self) -> None:
        current = self.page.exercise.id if self.page.exercise is not None else None
        words = name_key(self.search.text()).split()
        mode = self.shown.currentIndex()
        self.list.blockSignals(True)
        self.list.clear()
        for exercise in self._all:
            if mode == 0 and exercise.id not in self._used or mode == 1 and exercise.id not in self._bare:
                continue
            if words and not matches(exercise, words):
                continue
            muscles = ", ".join(m.replace("_", " ") for m in exercise.primary) or "no muscles set"
            item = QTreeWidgetItem([exercise.name, muscles])
            item.setData(0, IdRole, exercise.id)
            item.setToolTip(0, exercise.name + (f"\nalso: {', '.join(exercise.aliases)}" if exercise.aliases else ""))
            self.list.addTopLevelItem(item)
            if exercise.id == current:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)
        none_done = not self._used and self.shown.currentIndex() == 0 and not words
        self.page.empty.setText(NONE_DONE if none_done else CHOOSE)

    def _open_first(self) -> None:
        item = self.list.currentItem() or self.list.topLevelItem(0)
        if item is not None:
            self.list.setCurrentItem(item)
            self.list.setFocus()

    def _chosen(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None:
            self.page.show_exercise(int(item.data(0, IdRole)))

    # ---- opening and editing ----
    def open_exercise(self, exercise_id: int) -> None:
        """Show the exercise's page, and select it in the list (showing every exercise when it is filtered out)."""
        if self._stale:
            self.reload()
        self.page.show_exercise(exercise_id)
        if not self._select(exercise_id):
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self.shown.setCurrentIndex(2)
            self._select(exercise_id)

    def _select(self, exercise_id: int) -> bool:
        for i in range(self.list.topLevelItemCount()):
            item = self.list.topLevelItem(i)
            if item is not None and item.data(0, IdRole) == exercise_id:
                self.list.blockSignals(True)
                self.list.setCurrentItem(item)
                self.list.blockSignals(False)
                self.list.scrollToItem(item)
                return True
        return False

    def _edit(self, exercise_id: int | None) -> ExerciseDialog | None:
        if exercise_id is None:
            return None
        exercise = exercises.exercise_or_none(int(exercise_id))
        if exercise is None:
            return None
        dialog = ExerciseDialog(self.service, exercise, self)
        dialog.exec()
        if dialog.merged_into is not None and dialog.merged_into.id is not None:
            self.open_exercise(dialog.merged_into.id)
        return dialog

    def _merge(self, exercise_id: int) -> MergeDialog | None:
        exercise = exercises.exercise_or_none(exercise_id)
        if exercise is None:
            return None
        dialog = MergeDialog(self.service, exercise, self)
        if dialog.exec() == MergeDialog.DialogCode.Accepted and dialog.target is not None and dialog.target.id:
            self.open_exercise(dialog.target.id)
        return dialog

    def on_changed(self, change: Change) -> None:
        if change.everything or change.exercises or change.structure:
            self._stale = True
            if self.isVisible():
                self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.reload()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        """The exercise shown is remembered (once, as the tab is left or the window closes, not at every choice)."""
        shown = self.page.exercise
        if shown is not None and shown.name != settings.last_exercise():
            settings.save_last_exercise(shown.name)
        super().hideEvent(event)
