# SPDX-License-Identifier: MIT
"""The keyboard-first table of one exercise's sets.

Type over a cell to replace it, Tab to the next cell, Enter to go to the next set (on a ghost row or the + row,
Enter stores it as shown). Leaving a ghost or + row, by another row or another widget, is told through `left`: what
was typed there is stored once the cells a set needs were typed. A cell's editor left as it was opened types
nothing. Ctrl+D duplicates a set, Delete removes it (or the plan), Alt+Up/Down move it.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QWidget,
)

from journal.domain.records import SetType
from journal.ui.log.sets_model import SetsTableModel

Index = QModelIndex | QPersistentModelIndex


class SetTypeCombo(QComboBox):
    """The set types, chosen with one letter: W warm-up, N working, D drop, F failure/AMRAP, B back-off."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        for set_type in SetType:
            self.addItem(set_type.label, set_type)
        self.setToolTip("W warm-up · N working · D drop · F failure/AMRAP · B back-off")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        text = event.text()
        if len(text) == 1 and text.isalpha():
            with contextlib.suppress(ValueError):  # a letter no set type starts with changes nothing
                self.setCurrentIndex(self.findData(SetType.from_text(text)))
            event.accept()
            return
        super().keyPressEvent(event)


class SetsDelegate(QStyledItemDelegate):
    """A list of set types for the Type column; plain text fields elsewhere."""

    def _key(self, index: Index) -> str:
        model = index.model()
        assert isinstance(model, SetsTableModel)
        return model.columns[index.column()].key

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        if self._key(index) == "set_type":
            return SetTypeCombo(parent)
        return super().createEditor(parent, option, index)

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentText(str(index.data(Qt.ItemDataRole.EditRole)))
            return
        model = index.model()
        rejected = model.rejected if isinstance(model, SetsTableModel) else None
        if isinstance(editor, QLineEdit) and rejected and rejected[:2] == (index.row(), index.column()):
            editor.setText(rejected[2])  # the refused text, back for correcting, marked and saying why
            editor.setModified(True)
            assert isinstance(model, SetsTableModel)
            editor.setObjectName("refusedCell")
            editor.setStyleSheet("#refusedCell { border: 2px solid #d93025; }")
            editor.setToolTip(model.rejection)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        # An editor closed as it opened (Tab through a cell) changes nothing: on a ghost or + row, a grey value
        # passed over is not thereby the lifter's.
        if isinstance(editor, QComboBox):
            if editor.currentText() != index.data(Qt.ItemDataRole.EditRole):
                model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QLineEdit) and not editor.isModified():
            return
        super().setModelData(editor, model, index)


class SetsTable(QTableView):
    """Signals:
    action(str, int): "enter", "delete", "duplicate", "up" or "down" on a row.
    left(object): the row (its SetsTableModel.row_key) the cursor or the keyboard focus just left.
    """

    action = Signal(str, int)
    left = Signal(object)

    _KEYS = {
        (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier): "enter",
        (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier): "enter",
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.NoModifier): "delete",
        (Qt.Key.Key_Delete, Qt.KeyboardModifier.ControlModifier): "delete",
        (Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier): "duplicate",
        (Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier): "up",
        (Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier): "down",
    }

    def __init__(self, model: SetsTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setItemDelegate(SetsDelegate(self))
        self.setEditTriggers(
            QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setTabKeyNavigation(True)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self._fitted: tuple[tuple[str, ...], tuple[str, ...]] | None = None  # the columns and titles sized for
        self._shown = 0  # counts the entries shown: a row left in an entry shown before is not told as left
        self.fit_columns()
        self.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.verticalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignCenter)
        model.rowsInserted.connect(self.fit_height)
        model.rowsRemoved.connect(self.fit_height)
        model.modelReset.connect(self.fit_height)
        self.fit_height()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._focus_changed)

    def fit_columns(self) -> None:
        """Each figure as wide as its header or its widest value, the note the rest (sized again only when the
        columns or their titles changed)."""
        model = self.sets_model()
        titles = model.column_titles()
        fitted = (tuple(spec.key for spec in model.columns), titles)
        if fitted == self._fitted:
            return
        self._fitted = fitted
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(False)
        metrics = self.fontMetrics()
        samples = {
            "set_type": max((t.label for t in SetType), key=metrics.horizontalAdvance),
            "load": "1000.25",
            "reps": "1000",
            "e1rm": "1000.0 *",
            "note": "x" * 14,
        }
        for column, (spec, title) in enumerate(zip(model.columns, titles, strict=True)):
            sample = samples.get(spec.key, "10.5")
            width = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(sample))
            self.setColumnWidth(column, width + (28 if spec.key == "set_type" else 20))
        if model.column_of("note") >= 0:
            header.setSectionResizeMode(model.column_of("note"), QHeaderView.ResizeMode.Stretch)

    def entry_changed(self) -> None:
        """The model now shows another entry: its columns sized, and a row left in the one before forgotten (it
        is not this entry's, and is not stored)."""
        self._shown += 1
        self.fit_columns()

    def _tell_left(self, key: object) -> None:
        shown = self._shown
        QTimer.singleShot(0, self, lambda: self.left.emit(key) if shown == self._shown else None)

    def _within(self, widget: QWidget | None) -> bool:
        return widget is not None and (widget is self or self.isAncestorOf(widget))

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        """Focus leaving the table leaves its current row too (after the editor, if any, has given its value)."""
        if self._within(old) and not self._within(new) and self.currentIndex().isValid():
            self._tell_left(self.sets_model().row_key(self.currentIndex().row()))

    def currentChanged(self, current: Index, previous: Index) -> None:
        super().currentChanged(current, previous)
        model = self.sets_model()
        if previous.isValid() and current.row() != previous.row() and 0 <= previous.row() < model.rowCount():
            self._tell_left(model.row_key(previous.row()))

    def sets_model(self) -> SetsTableModel:
        model = self.model()
        assert isinstance(model, SetsTableModel)
        return model

    def fit_height(self) -> None:
        """Show every row: the page scrolls, not the table."""
        rows = self.model().rowCount()
        height = self.horizontalHeader().sizeHint().height() + rows * self.verticalHeader().defaultSectionSize()
        scroll = self.horizontalScrollBar().sizeHint().height() if self.horizontalScrollBar().isVisible() else 0
        self.setFixedHeight(height + 2 * self.frameWidth() + scroll + 2)

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        """Enter goes on to the next set; a refused value keeps the cell open with what was typed."""
        index = self.currentIndex()
        model = self.sets_model()
        refused = model.last_refused and hint != QAbstractItemDelegate.EndEditHint.RevertModelCache
        super().closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint if refused else hint)
        if refused:
            model.last_refused = False
            shown = self._shown  # not opened again in another entry shown meanwhile (another session chosen)
            QTimer.singleShot(0, self, lambda: self._edit_again(index) if shown == self._shown else None)
        elif hint == QAbstractItemDelegate.EndEditHint.SubmitModelCache:
            self.action.emit("enter", index.row())

    def _edit_again(self, index: QModelIndex) -> None:
        if index.isValid():
            self.setCurrentIndex(index)
            self.edit(index)
            self.sets_model().rejected = None

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.state() != QAbstractItemView.State.EditingState:
            name = self._KEYS.get((Qt.Key(event.key()), event.modifiers()))
            if name is not None and self.currentIndex().isValid():
                self.action.emit(name, self.currentIndex().row())
                event.accept()
                return
        super().keyPressEvent(event)

    def commit_editing(self) -> None:
        """The cell being typed in, if any, written into the row as if the lifter had left it."""
        editor = QApplication.focusWidget()
        if self.state() == QAbstractItemView.State.EditingState and editor is not None and self.isAncestorOf(editor):
            self.commitData(editor)
            self.closeEditor(editor, QAbstractItemDelegate.EndEditHint.NoHint)

    def go_to(self, row: int, key: str = "load") -> None:
        """Make the cell of `key` (or the first editable one) in `row` current, ready for typing."""
        model = self.sets_model()
        column = model.column_of(key)
        if column < 0:
            column = next(i for i, c in enumerate(model.columns) if c.key != "set_type" and c.editable)
        row = max(0, min(row, model.rowCount() - 1))
        self.setCurrentIndex(model.index(row, column))
        self.setFocus(Qt.FocusReason.OtherFocusReason)
