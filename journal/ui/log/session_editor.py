# SPDX-License-Identifier: MIT
"""The session editor: date, title, bodyweight and notes, then one block per exercise. Every edit is saved as it is
made, through the undo stack."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDateTimeEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal.domain import supersets
from journal.domain.records import Entry, Exercise, Session
from journal.domain.units import format_load
from journal.domain.validation import (
    NAME_MAX_CHARS,
    YEAR_MAX,
    YEAR_MIN,
    ValidationError,
    check_session_times,
    check_text,
    parse_bodyweight,
)
from journal.storage import repository as repo
from journal.storage.changes import Change
from journal.ui import undo
from journal.ui.log.exercise_block import ExerciseBlock
from journal.ui.log.exercise_picker import ExercisePicker
from journal.ui.service import JournalService
from journal.ui.widgets import error_label, reveal

NOTES_SAVE_DELAY_MS = 800


class SessionEditor(QWidget):
    """Signals:
    set_stored(int): entry id: a set was stored from the + row or a planned set.
    exercise_requested(int): an exercise's name double-clicked: open its page.
    """

    set_stored = Signal(int)
    exercise_requested = Signal(int)

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.session: Session | None = None
        self.blocks: list[ExerciseBlock] = []  # the session's exercises, in order: the first of `pool`, shown
        self.pool: list[ExerciseBlock] = []  # every block made, kept to show the next session's exercises

        self.when = QDateTimeEdit()
        self.when.setObjectName("sessionStart")
        self.when.setCalendarPopup(True)
        self.when.setDisplayFormat("ddd d MMM yyyy  HH:mm")
        self.when.setDateRange(QDate(YEAR_MIN, 1, 1), QDate(YEAR_MAX, 12, 31))  # as check_session_times
        self.title = QLineEdit()
        self.title.setObjectName("sessionTitle")
        self.title.setPlaceholderText("Title, e.g. Upper A")
        self.title.setMaxLength(NAME_MAX_CHARS)
        self.bodyweight = QLineEdit()
        self.bodyweight.setObjectName("bodyweight")
        self.bodyweight.setPlaceholderText("optional")
        self.bodyweight.setMaximumWidth(110)
        self.bodyweight_unit = QLabel()
        self.bodyweight_error = error_label()
        self.bodyweight_error.setObjectName("bodyweightError")
        self.notes = QPlainTextEdit()
        self.notes.setObjectName("sessionNotes")
        self.notes.setPlaceholderText("Notes: how it went, sleep, pain, anything worth remembering")
        self.notes.setFixedHeight(64)
        self.notes.setTabChangesFocus(True)
        self.notes_error = error_label()
        self.notes_error.setObjectName("notesError")
        self._notes_timer = QTimer(self, singleShot=True, interval=NOTES_SAVE_DELAY_MS)
        self._notes_timer.timeout.connect(self._save_notes)

        weight_row = QHBoxLayout()
        weight_row.addWidget(self.bodyweight)
        weight_row.addWidget(self.bodyweight_unit)
        weight_row.addWidget(self.bodyweight_error, 1)
        notes_column = QVBoxLayout()
        notes_column.addWidget(self.notes)
        notes_column.addWidget(self.notes_error)
        form = QFormLayout()
        for text, field, row in (
            ("&Date", self.when, self.when),
            ("&Title", self.title, self.title),
            ("&Bodyweight", self.bodyweight, weight_row),
            ("N&otes", self.notes, notes_column),
        ):
            label = QLabel(text)  # Alt and the underlined letter reach the field
            label.setBuddy(field)
            form.addRow(label, row)

        self.blocks_layout = QVBoxLayout()
        self.blocks_layout.setSpacing(10)
        self.picker = ExercisePicker(service)
        self.picker.chosen.connect(self.add_exercise)
        content = QWidget()
        content.setObjectName("sessionContent")
        inner = QVBoxLayout(content)
        inner.addLayout(form)
        inner.addLayout(self.blocks_layout)
        inner.addWidget(self.picker)
        inner.addStretch(1)
        self.page = QScrollArea()
        self.page.setWidgetResizable(True)
        self.page.setWidget(content)
        self.page.setFrameShape(QScrollArea.Shape.NoFrame)
        self.nothing = QLabel("No session is selected.\n\nChoose one in the list, or press Ctrl+N to start a new one.")
        self.nothing.setObjectName("noSession")
        self.nothing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.nothing.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.page)
        layout.addWidget(self.nothing)

        self.when.editingFinished.connect(self._save_start)
        self.title.editingFinished.connect(self._save_title)
        self.bodyweight.editingFinished.connect(self._save_bodyweight)
        self.notes.textChanged.connect(self._notes_timer.start)
        service.changed.connect(self.on_changed)
        service.about_to_switch.connect(self.flush)
        app = QApplication.instance()
        if isinstance(app, QApplication):  # the keys are always where the lifter can see them
            app.focusChanged.connect(self._focus_moved)
        service.preferences_changed.connect(lambda _prefs: self._refresh_context())
        QShortcut(QKeySequence("Ctrl+E"), self, self.focus_picker)
        QShortcut(QKeySequence("Ctrl+L"), self, lambda: self._with_block(lambda b: b.fill_as_last_time()))
        QShortcut(QKeySequence("Ctrl+G"), self, lambda: self._with_block(lambda b: self.toggle_superset(b.entry_id)))
        QShortcut(
            QKeySequence("Ctrl+Shift+Up"),
            self,
            lambda: self._with_block(lambda b: self.move_entry(b.entry_id, b.position - 1)),
        )
        QShortcut(
            QKeySequence("Ctrl+Shift+Down"),
            self,
            lambda: self._with_block(lambda b: self.move_entry(b.entry_id, b.position + 1)),
        )
        self._show_nothing()

    # ---- loading ----
    def load(self, session_id: int | None) -> None:
        """Show a session (None: none), saving what is still being typed in the one shown before."""
        self.flush()
        if session_id is None:
            self.session = None
            self._clear_blocks()
            self._show_nothing()
            return
        self.session = repo.get_session(session_id)
        self.nothing.hide()
        self.page.show()
        self._show_header(force=True)
        self._build_blocks()

    def _show_nothing(self) -> None:
        """No session: no other session's fields left on show, only how to get one."""
        for field in (self.title, self.bodyweight):
            field.clear()
            field.setModified(False)
        self.notes.blockSignals(True)
        self.notes.clear()
        self.notes.blockSignals(False)
        self.notes.document().setModified(False)
        self._clear_bodyweight_error()
        self.page.hide()
        self.nothing.show()

    def _show_header(self, force: bool = False) -> None:
        """Show the stored header; a field the lifter is changing keeps its text unless another session loads."""
        session = self.session
        assert session is not None
        unit = self.service.preferences.units
        self._clear_bodyweight_error()
        for widget, text in ((self.title, session.title), (self.bodyweight, format_load(session.bodyweight_kg, unit))):
            if force or not widget.isModified():
                widget.setText(text)
        self.bodyweight_unit.setText(str(unit))
        if force or not self.when.hasFocus():
            self.when.setDateTime(QDateTime(session.start))  # type: ignore[call-overload]  # PySide6 takes a datetime
        document = self.notes.document()
        if (force or not document.isModified()) and self.notes.toPlainText() != session.notes:
            self.notes.blockSignals(True)
            self.notes.setPlainText(session.notes)
            self.notes.blockSignals(False)
        document.setModified(False)

    def _clear_blocks(self) -> None:
        for block in self.blocks:  # hidden, kept for the next session; a row left in it is not stored
            block.hide()
            block.table.entry_changed()
        self.blocks = []

    def _focused_block(self) -> ExerciseBlock | None:
        focus = QApplication.focusWidget()
        return next((b for b in self.blocks if focus is not None and b.isAncestorOf(focus)), None)

    def _build_blocks(self) -> None:
        assert self.session is not None and self.session.id is not None
        focused = self._focused_block()
        where = (focused.entry_id, focused.table.currentIndex()) if focused is not None else None
        # What was typed and not stored stays, in the same cells of the new tables; the old tables are left without
        # storing anything (leaving a row stores what it holds, but the lifter did not leave it)
        typing = {block.entry_id: block.model.typing() for block in self.blocks}
        notes = {block.entry_id: block.note.text() for block in self.blocks if block.note.isModified()}
        in_note = focused is not None and focused.note.hasFocus()
        editing = self._open_editor_text(focused)
        session_id, start, bodyweight = self.session.id, self.session.start, self.session.bodyweight_kg
        entries = self.session.entries
        for position, entry in enumerate(entries):
            if position < len(self.pool):
                self.pool[position].point_at(session_id, start, bodyweight, entry, position)
            else:
                self.pool.append(self._new_block(session_id, start, bodyweight, entry, position))
        self.blocks = self.pool[: len(entries)]
        for block in self.pool[len(entries) :]:
            block.hide()
            block.table.entry_changed()
        for block in self.blocks:
            block.show()
        self._refresh_context()
        for block in self.blocks:
            if typing.get(block.entry_id):
                block.model.keep_typing(typing[block.entry_id])
            if block.entry_id in notes:  # a note being typed stays with its exercise, wherever it is shown now
                block.note.setText(notes[block.entry_id])
                block.note.setModified(True)
        if where is not None:  # the keys stay with the lifter: on the same exercise, else on the search
            entry_id, index = where
            kept = self.block_for(entry_id)
            if kept is None:
                self.focus_picker()
            elif in_note:
                kept.note.setFocus()
            else:
                kept.table.go_to(index.row(), kept.model.columns[max(index.column(), 0)].key)
                if editing is not None and kept.table.currentIndex().isValid():
                    kept.table.edit(kept.table.currentIndex())
                    editor = QApplication.focusWidget()
                    if isinstance(editor, QLineEdit) and kept.table.isAncestorOf(editor):
                        editor.setText(editing)
                        editor.setModified(True)

    def _new_block(
        self, session_id: int, start: datetime, bodyweight_kg: float | None, entry: Entry, position: int
    ) -> ExerciseBlock:
        block = ExerciseBlock(self.service, session_id, start, bodyweight_kg, entry, position)
        block.move_requested.connect(self.move_entry)
        block.table.selectionModel().currentChanged.connect(lambda _c, _p, table=block.table: reveal(table))
        block.remove_requested.connect(self.remove_entry)
        block.set_stored.connect(self.set_stored)
        block.entered.connect(self._next_in_superset)
        block.superset_requested.connect(self.toggle_superset)
        block.exercise_requested.connect(self.exercise_requested)
        self.blocks_layout.addWidget(block)
        return block

    @staticmethod
    def _open_editor_text(block: ExerciseBlock | None) -> str | None:
        """The text in the cell being typed in, if any, of `block`'s table."""
        editor = QApplication.focusWidget()
        if (
            block is None
            or block.table.state() != QAbstractItemView.State.EditingState
            or not isinstance(editor, QLineEdit)
            or not block.table.isAncestorOf(editor)
            or not editor.isModified()
        ):
            return None
        return editor.text()

    def _refresh_context(self) -> None:
        if self.session is None:
            return
        for position, block in enumerate(self.blocks):
            block.set_context(position, len(self.blocks), self.session.bodyweight_kg, self.session.start)
        self._show_supersets()
        self._show_header()

    # ---- supersets ----
    def _groups(self) -> list[int | None]:
        return [e.superset for e in self.session.entries] if self.session is not None else []

    def _show_supersets(self) -> None:
        groups = self._groups()
        shown = supersets.labels(groups)
        for position, block in enumerate(self.blocks):
            if position >= len(groups):
                break
            joined = position > 0 and groups[position] is not None and groups[position] == groups[position - 1]
            block.set_superset(shown[position], joined, position == 0)

    def toggle_superset(self, entry_id: int) -> None:
        """Join the exercise to the superset of the one above it, or take it out (Ctrl+G, or its Superset button)."""
        if self.session is None:
            return
        ids = [e.id or 0 for e in self.session.entries]
        if entry_id not in ids:
            return
        old = self._groups()
        new = supersets.join_above(old, ids.index(entry_id))
        changed = {i: g for i, g, before in zip(ids, new, old, strict=True) if g != before}
        if changed:
            joined = new[ids.index(entry_id)] is not None
            text = "Superset with the exercise above" if joined else "Take out of the superset"
            self.service.push(undo.SetSupersets(self.service, {i: old[ids.index(i)] for i in changed}, changed, text))
        block = self.block_for(entry_id)
        focus = QApplication.focusWidget()
        if block is not None and (focus is None or not block.table.isAncestorOf(focus)):
            block.table.setFocus()  # not out of the cell being typed in, open again after the rebuild

    def _next_in_superset(self, entry_id: int) -> None:
        """After Enter stores a set of an exercise in a superset, the keys go to the next exercise of the group, on
        its first set not done (after the last of the group, the first again)."""
        if self.session is None:
            return
        ids = [e.id for e in self.session.entries]
        following = supersets.next_in_group(self._groups(), ids.index(entry_id)) if entry_id in ids else None
        if following is None or following >= len(self.blocks):
            return
        block = self.blocks[following]
        QTimer.singleShot(0, block, lambda: block.table.go_to(len(block.model.sets)))

    def block_for(self, entry_id: int) -> ExerciseBlock | None:
        return next((b for b in self.blocks if b.entry_id == entry_id), None)

    def on_changed(self, change: Change) -> None:
        session = self.session
        if session is None or session.id is None:
            return
        if change.everything or session.id in change.structure or session.id in change.sessions:
            try:
                fresh = repo.get_session(session.id)
            except repo.NotFound:  # deleted: what was being typed goes with it
                self.session = None
                self.load(None)
                return
            self.session = fresh
            if change.everything or session.id in change.structure:
                self._build_blocks()
            else:
                self._refresh_context()
        for entry_id in change.entries:
            block = self.block_for(entry_id)
            if block is not None:
                block.reload()
        if change.exercises:
            self.picker.reload()

    # ---- editing ----
    def flush(self) -> None:
        """Save the header fields still being edited (title, bodyweight, date, notes) to the session shown."""
        if self.session is None:
            return
        self._notes_timer.stop()
        if self.title.isModified():
            self._save_title()
        if self.bodyweight.isModified():
            self._save_bodyweight()
        self._save_start()
        if self.notes.document().isModified():
            self._save_notes()
        for block in self.blocks:
            block.flush()

    def _save(self, field: str, value: Any, text: str) -> None:
        session = self.session
        if session is None or session.id is None or getattr(session, field) == value:
            return
        self.service.push(
            undo.EditSession(self.service, session.id, {field: getattr(session, field)}, {field: value}, text)
        )

    def _save_title(self) -> None:
        self.title.setModified(False)
        self._save("title", self.title.text().strip(), "Rename session")

    def _save_start(self) -> None:
        start = self.when.dateTime().toPython()
        assert isinstance(start, datetime)
        try:
            check_session_times(start, None)
        except ValidationError:
            return  # the editor's date range keeps this from happening
        session = self.session
        minute = start.replace(second=0, microsecond=0)
        if session is None or minute == session.start.replace(second=0, microsecond=0):
            return  # the field shows minutes: unchanged, the stored start keeps its seconds and nothing is written
        self._save("start", minute, "Change session date")

    def _save_bodyweight(self) -> None:
        session = self.session
        unit = self.service.preferences.units
        if session is None or self.bodyweight.text().strip() == format_load(session.bodyweight_kg, unit):
            self.bodyweight.setModified(False)  # unchanged: the stored kilograms stay exactly as they are
            return
        try:
            value = parse_bodyweight(self.bodyweight.text(), unit)
        except ValidationError as error:
            self.bodyweight_error.setText(error.message)
            self.bodyweight_error.show()
            self.bodyweight.setStyleSheet("border: 2px solid #d93025;")
            return
        self._clear_bodyweight_error()
        self.bodyweight.setModified(False)
        self._save("bodyweight_kg", value, "Change bodyweight")

    def _clear_bodyweight_error(self) -> None:
        self.bodyweight_error.hide()
        if self.bodyweight.styleSheet():  # setting even an empty sheet has the field polished again
            self.bodyweight.setStyleSheet("")

    def _save_notes(self) -> None:
        text = self.notes.toPlainText()
        try:
            check_text(text, "Notes")
        except ValidationError as error:  # refused at the field; what is stored stays as it was
            self.notes_error.setText(f"{error.field} {error.message}")
            self.notes_error.show()
            return
        self.notes_error.hide()
        self.notes.document().setModified(False)
        self._save("notes", text, "Edit notes")

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        content = self.page.widget()
        if new is not None and content is not None and content.isAncestorOf(new):
            reveal(new)

    def show_set(self, set_id: int) -> None:
        """Put the keyboard on a set, scrolled into view and selected; on the first exercise when it is not shown."""
        for block in self.blocks:
            row = next((i for i, s in enumerate(block.model.sets) if s.id == set_id), -1)
            if row >= 0:
                block.table.go_to(row)
                return
        if self.blocks:
            self.blocks[0].table.go_to(0)
        else:
            self.focus_picker()

    def focus_picker(self) -> None:
        self.picker.field.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def add_exercise(self, exercise: Exercise) -> None:
        if self.session is None or self.session.id is None:
            return
        self.service.push(undo.AddEntry(self.service, self.session.id, Entry(exercise=exercise)))
        if self.blocks:
            self.blocks[-1].table.go_to(0)

    def move_entry(self, entry_id: int, position: int) -> None:
        if 0 <= position < len(self.blocks):
            self.service.push(undo.MoveEntry(self.service, entry_id, position))
            block = self.block_for(entry_id)
            if block is not None:
                block.table.go_to(0)

    def remove_entry(self, entry_id: int) -> None:
        self.service.push(undo.DeleteEntry(self.service, entry_id))

    def _with_block(self, action: Any) -> None:
        focus = self.focusWidget()
        for block in self.blocks:
            if focus is not None and block.isAncestorOf(focus):
                action(block)
                return
