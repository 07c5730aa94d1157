# SPDX-License-Identifier: MIT
"""Routines: planned sessions made of exercises with sets, a rep range and a target RIR or RPE, an optional load,
rest and notes. Create, edit, duplicate, delete and reorder them; start a session from one with its sets
pre-filled (the load suggested from the last time); print its gym sheet.

Signals:
    start_requested(object): start a session from this Routine.
    exercise_requested(int): an exercise's page (its name double-clicked).
"""

from __future__ import annotations

import dataclasses
from datetime import date

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QListView,
    QPushButton,
    QSplitter,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.domain.records import Exercise
from journal.domain.routines import Routine, RoutineItem, Suggestion
from journal.domain.validation import NAME_MAX_CHARS, NOTE_MAX_CHARS
from journal.printing.documents import gym_sheet_document, plan
from journal.storage.changes import Change
from journal.storage.routines import list_routines
from journal.ui import undo
from journal.ui.dialogs.print_preview import preview, save_pdf
from journal.ui.log.exercise_picker import ExercisePicker
from journal.ui.routines.routine_models import COLUMNS, RoutineItemsModel, RoutineListModel
from journal.ui.service import JournalService
from journal.ui.widgets import plain_label

NOTES_SHARE = 0.3  # of the width the figures leave: the rest is the exercise's
NOTES_WIDTH = (48, 260)  # the notes column's narrowest and widest


class OneLine(QStyledItemDelegate):
    """A column drawn on one line, cut short with "…", in a table whose other cells wrap."""

    def initStyleOption(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> None:
        super().initStyleOption(option, index)
        option.features &= ~QStyleOptionViewItem.ViewItemFeature.WrapText


class RoutinesScreen(QWidget):
    start_requested = Signal(object)
    exercise_requested = Signal(int)

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.routines = RoutineListModel()
        self.list = QListView()
        self.list.setObjectName("routineList")
        self.list.setModel(self.routines)
        self.list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # long names end in "…"
        self.new = QPushButton("New")
        self.duplicate = QPushButton("Duplicate")
        self.delete = QPushButton("Delete")
        left_buttons = QHBoxLayout()
        for button in (self.new, self.duplicate, self.delete):
            left_buttons.addWidget(button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list)
        left_layout.addLayout(left_buttons)

        self.name = QLineEdit()
        self.name.setObjectName("routineName")
        self.name.setMaxLength(NAME_MAX_CHARS)
        self.name.setPlaceholderText("Routine name, e.g. Upper A")
        self.notes = QLineEdit()
        self.notes.setObjectName("routineNotes")
        self.notes.setMaxLength(NOTE_MAX_CHARS)
        self.notes.setPlaceholderText("Notes for the whole routine")
        self.items = RoutineItemsModel(service.preferences, self._item_edited, self._refused)
        self.table = QTableView()
        self.table.setObjectName("routineItems")
        self.table.setModel(self.items)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        # The figures as wide as they need; the notes a share of the rest, on one line; the exercise the remainder,
        # its name wrapped onto more lines where it is longer (never cut short)
        self.table.setWordWrap(True)
        self.table.setItemDelegateForColumn(COLUMNS.index("notes"), OneLine(self.table))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(self._double_clicked)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COLUMNS.index("notes"), QHeaderView.ResizeMode.Interactive)
        header.setMinimumSectionSize(48)
        self.table.viewport().installEventFilter(self)
        self.error = plain_label()
        self.error.setObjectName("routineError")
        self.error.setStyleSheet("color: #d93025; font-weight: bold;")
        self.error.hide()
        self.picker = ExercisePicker(service)
        self.picker.chosen.connect(self.add_exercise)
        self.up = QPushButton("Move up")
        self.down = QPushButton("Move down")
        self.remove = QPushButton("Remove exercise")
        self.start = QPushButton("Start a session from this routine")
        self.start.setObjectName("startFromRoutine")
        self.print_sheet = QPushButton("Print gym sheet…")
        self.pdf_sheet = QPushButton("Gym sheet PDF…")
        row_buttons = QHBoxLayout()
        for button in (self.up, self.down, self.remove):
            row_buttons.addWidget(button)
        row_buttons.addStretch(1)
        actions = QHBoxLayout()
        actions.addWidget(self.start)
        actions.addStretch(1)
        actions.addWidget(self.print_sheet)
        actions.addWidget(self.pdf_sheet)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.name)
        right_layout.addWidget(self.notes)
        right_layout.addWidget(self.table, 1)
        right_layout.addWidget(self.error)
        right_layout.addLayout(row_buttons)
        right_layout.addWidget(self.picker)
        right_layout.addLayout(actions)
        self.editor = right
        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([200, 960])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)

        self.new.clicked.connect(lambda: self.new_routine())  # not clicked(bool)'s argument as the name
        self.duplicate.clicked.connect(self.duplicate_routine)
        self.delete.clicked.connect(self.delete_routine)
        self.up.clicked.connect(lambda: self.move_item(-1))
        self.down.clicked.connect(lambda: self.move_item(+1))
        self.remove.clicked.connect(self.remove_item)
        self.start.clicked.connect(self._start)
        self.print_sheet.clicked.connect(self.print_gym_sheet)
        self.pdf_sheet.clicked.connect(lambda: self.gym_sheet_pdf())
        self.name.editingFinished.connect(lambda: self._save_fields("Rename routine"))
        self.notes.editingFinished.connect(lambda: self._save_fields("Edit routine notes"))
        self.list.selectionModel().currentChanged.connect(lambda _c, _p: self.show_current())
        service.changed.connect(self.on_changed)
        service.preferences_changed.connect(lambda _prefs: self.show_current())
        self.reload()

    def _double_clicked(self, index: QModelIndex) -> None:
        """A double click on an exercise's name opens its page (the other cells are edited in place)."""
        if index.isValid() and COLUMNS[index.column()] == "exercise" and index.row() < len(self.items.items):
            exercise_id = self.items.items[index.row()].exercise.id
            if exercise_id is not None:
                self.exercise_requested.emit(exercise_id)

    def _start(self) -> None:
        routine = self.current()
        if routine is not None:
            self.start_requested.emit(routine)

    # ---- showing ----
    def reload(self, select: int | None = None) -> None:
        shown = self.current()
        current = select if select is not None else (shown.id if shown is not None else None)
        self.routines.set_routines(list_routines())
        rows = [i for i, r in enumerate(self.routines.routines) if r.id == current]
        if rows or self.routines.routines:
            self.list.setCurrentIndex(self.routines.index(rows[0] if rows else 0))
        self.show_current()

    def current(self) -> Routine | None:
        index = self.list.currentIndex()
        return self.routines.routines[index.row()] if index.isValid() else None

    def show_current(self) -> None:
        routine = self.current()
        self.editor.setEnabled(routine is not None)
        self.duplicate.setEnabled(routine is not None)
        self.delete.setEnabled(routine is not None)
        if routine is None:
            self.name.clear()
            self.notes.clear()
            self.items.set_items([], [], self.service.preferences)
            return
        for field, text in ((self.name, routine.name), (self.notes, routine.notes)):
            if not field.isModified():
                field.setText(text)
        prefs = self.service.preferences
        suggestions: list[Suggestion | None] = [p.suggestion for p in plan(routine, prefs)]
        self.items.set_items(list(routine.items), suggestions, prefs)

    def on_changed(self, change: Change) -> None:
        if change.routines or change.everything or change.sessions:
            self.reload()

    # ---- editing ----
    def _push(self, before: Routine | None, after: Routine | None, text: str) -> None:
        self.error.hide()
        command = undo.EditRoutine(self.service, before, after, text)
        self.service.push(command)
        if command.after is not None:
            self.reload(select=command.after.id)

    def new_routine(self, name: str | None = None) -> None:
        if name is None:
            name, ok = QInputDialog.getText(self, "New routine", "Name of the routine:")
            if not ok:
                return
        self._push(None, Routine(name=name.strip() or "New routine"), "New routine")
        self.picker.field.setFocus()

    def duplicate_routine(self) -> None:
        routine = self.current()
        if routine is not None:
            copy = Routine(
                name=f"{routine.name} (copy)",
                notes=routine.notes,
                items=tuple(dataclasses.replace(i, id=None) for i in routine.items),
            )
            self._push(None, copy, "Duplicate routine")

    def delete_routine(self) -> None:
        routine = self.current()
        if routine is not None:
            self._push(routine, None, f"Delete routine “{routine.name}”")

    def _save_fields(self, text: str) -> None:
        routine = self.current()
        self.name.setModified(False)
        self.notes.setModified(False)
        if routine is None:
            return
        name, notes = self.name.text().strip() or routine.name, self.notes.text().strip()
        if (name, notes) != (routine.name, routine.notes):
            self._push(routine, Routine(name=name, notes=notes, items=routine.items, id=routine.id), text)

    def _with_items(self, items: list[RoutineItem], text: str) -> None:
        routine = self.current()
        if routine is not None:
            self._push(
                routine, Routine(name=routine.name, notes=routine.notes, items=tuple(items), id=routine.id), text
            )

    def _item_edited(self, row: int, item: RoutineItem) -> None:
        items = list(self.items.items)
        items[row] = item
        self._with_items(items, "Edit routine exercise")

    def _refused(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        return super().eventFilter(watched, event)

    def fit_columns(self) -> None:
        """The notes column a share of the width the figures leave (the exercise column stretches over the rest)."""
        header = self.table.horizontalHeader()
        notes = COLUMNS.index("notes")
        figures = sum(header.sectionSize(i) for i in range(len(COLUMNS)) if i not in (0, notes))
        free = self.table.viewport().width() - figures
        low, high = NOTES_WIDTH
        header.resizeSection(notes, int(max(low, min(high, free * NOTES_SHARE))))

    def add_exercise(self, exercise: Exercise) -> None:
        if self.current() is None:
            return
        scale = self.service.preferences.effort_scale
        self._with_items(
            [*self.items.items, RoutineItem(exercise=exercise, target_scale=scale)], f"Add {exercise.name} to routine"
        )

    def selected_row(self) -> int:
        return self.table.currentIndex().row()

    def move_item(self, delta: int) -> None:
        row = self.selected_row()
        items = list(self.items.items)
        target = row + delta
        if 0 <= row < len(items) and 0 <= target < len(items):
            items[row], items[target] = items[target], items[row]
            self._with_items(items, "Move routine exercise")
            self.table.setCurrentIndex(self.items.index(target, 0))

    def remove_item(self) -> None:
        row = self.selected_row()
        items = list(self.items.items)
        if 0 <= row < len(items):
            name = items.pop(row).exercise.name
            self._with_items(items, f"Remove {name} from routine")

    # ---- printing ----
    def print_gym_sheet(self) -> None:
        routine = self.current()
        if routine is not None:
            preview(
                gym_sheet_document([routine], self.service.preferences, date.today()),
                self,
                self.service.preferences,
                routine.name,
            )

    def gym_sheet_pdf(self, path: object = None) -> object:
        routine = self.current()
        if routine is None:
            return None
        return save_pdf(
            gym_sheet_document([routine], self.service.preferences, date.today()),
            self,
            self.service.preferences,
            routine.name,
            path,  # type: ignore[arg-type]
        )
