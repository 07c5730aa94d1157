# SPDX-License-Identifier: MIT
"""One exercise of a session: its name and actions, its sets table, a live summary and any refusal message."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QStyle,
    QToolButton,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from journal.domain.metrics import summarize
from journal.domain.records import Entry, Measure, SetRecord, plans_open
from journal.domain.units import format_distance, format_duration, format_mass
from journal.domain.validation import NOTE_MAX_CHARS
from journal.storage import repository as repo
from journal.ui import undo
from journal.ui.log.sets_model import SetsTableModel
from journal.ui.log.sets_table import SetsTable
from journal.ui.service import JournalService
from journal.ui.widgets import ElidedLabel, error_label, plain_label, plain_tip, reveal

BRACKET_WIDTH = 5  # the bar down the left of an exercise in a superset


def muscles_text(entry: Entry) -> str:
    exercise = entry.exercise
    parts = [m.replace("_", " ") for m in exercise.primary]
    text = ", ".join(parts)
    if exercise.secondary:
        text += " · also " + ", ".join(m.replace("_", " ") for m in exercise.secondary)
    return text


class ExerciseBlock(QFrame):
    """Signals:
    move_requested(int, int): entry id and the position it should move to.
    remove_requested(int): entry id.
    set_stored(int): entry id: a set was stored from the + row or a planned set (the rest timer starts).
    entered(int): entry id: Enter stored a set but a warm-up (in a superset, the next exercise of the group takes
        the keys).
    superset_requested(int): entry id: join the superset of the exercise above, or leave it.
    exercise_requested(int): exercise id (its name double-clicked).
    """

    move_requested = Signal(int, int)
    remove_requested = Signal(int)
    set_stored = Signal(int)
    entered = Signal(int)
    superset_requested = Signal(int)
    exercise_requested = Signal(int)

    def __init__(
        self,
        service: JournalService,
        session_id: int,
        session_start: datetime,
        bodyweight_kg: float | None,
        entry: Entry,
        position: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        assert entry.id is not None
        self.service = service
        self.session_id = session_id
        self.session_start = session_start
        self.entry = entry
        self.entry_id: int = entry.id
        self.position = position
        self.setObjectName("exerciseBlock")
        self.setFrameShape(QFrame.Shape.StyledPanel)

        self.title = ElidedLabel("")
        self.title.setObjectName("exerciseTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        font.setBold(True)
        self.title.setFont(font)
        self.title.installEventFilter(self)  # a double click on the name opens the exercise's page
        self.muscles = ElidedLabel("")  # a long list ends in "…", never widens the page
        self.muscles.setObjectName("muscles")
        self.muscles.setEnabled(False)

        style = self.style()
        self.last_time = QToolButton()
        self.last_time.setText("As last time")
        self.last_time.setToolTip(
            "Plan this exercise's sets from its previous session (Ctrl+L): shown in grey, "
            "they count once you log each with Enter"
        )
        self.last_time.clicked.connect(self.fill_as_last_time)
        self.up = self._tool(style.standardIcon(QStyle.StandardPixmap.SP_ArrowUp), "Move exercise up (Ctrl+Shift+Up)")
        self.up.clicked.connect(lambda: self.move_requested.emit(self.entry_id, self.position - 1))
        self.down = self._tool(
            style.standardIcon(QStyle.StandardPixmap.SP_ArrowDown), "Move exercise down (Ctrl+Shift+Down)"
        )
        self.down.clicked.connect(lambda: self.move_requested.emit(self.entry_id, self.position + 1))
        self.superset = QToolButton()
        self.superset.setObjectName("supersetButton")
        self.superset.setText("Superset")
        self.superset.setCheckable(True)
        self.superset.setToolTip(
            "Do this exercise in turn with the one above (Ctrl+G): a superset, or a circuit of more; "
            "click again to take it out"
        )
        self.superset.clicked.connect(lambda: self.superset_requested.emit(self.entry_id))
        self.group = plain_label()
        self.group.setObjectName("supersetLabel")
        bold = self.group.font()
        bold.setBold(True)
        self.group.setFont(bold)
        self.group.setForegroundRole(QPalette.ColorRole.Highlight)
        self.group.hide()
        self._bracketed = False
        self.remove = self._tool(style.standardIcon(QStyle.StandardPixmap.SP_TrashIcon), "Remove exercise")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self.entry_id))

        header = QHBoxLayout()
        header.addWidget(self.group, 0, Qt.AlignmentFlag.AlignTop)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.title)
        names.addWidget(self.muscles)
        header.addLayout(names, 1)
        for button in (self.superset, self.last_time, self.up, self.down, self.remove):
            header.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)

        self.note = QLineEdit()
        self.note.setObjectName("exerciseNote")
        self.note.setMaxLength(NOTE_MAX_CHARS)
        self.note.setPlaceholderText("Note for this exercise: seat, grip, cues…")
        self.note.setFrame(False)
        self.note.editingFinished.connect(self._save_note)

        self.model = SetsTableModel(entry.exercise, service.preferences, bodyweight_kg, self._commit)
        self.model.refused.connect(self._refused)
        # a tick box is ticked inside the table's own event handling: the set is stored right after it
        self.model.confirm_requested.connect(self._confirm_soon)
        self.table = SetsTable(self.model)
        self.table.action.connect(self._on_action)
        self.table.left.connect(self._left)
        self.summary = plain_label()
        self.summary.setObjectName("summary")
        self.error = error_label()
        self.error.setObjectName("cellError")
        self.error.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.note)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(self.summary)
        self.point_at(session_id, session_start, bodyweight_kg, entry, position, fresh=True)

    def point_at(
        self,
        session_id: int,
        session_start: datetime,
        bodyweight_kg: float | None,
        entry: Entry,
        position: int,
        fresh: bool = False,
    ) -> None:
        """Show another entry in this block (blocks are kept and shown again, not made anew at every session):
        its name, note, columns and sets; nothing typed or refused in the entry shown before stays."""
        assert entry.id is not None
        self.session_id = session_id
        self.session_start = session_start
        self.entry_id = entry.id
        self.position = position
        name = entry.exercise.name
        if fresh or name != self.title.text():
            self.title.setText(name)
            self.title.setToolTip(plain_tip(f"{name}\nDouble-click: its page (records, history, charts)"))
        muscles = muscles_text(entry)
        if fresh or muscles != self.muscles.text():
            self.muscles.setText(muscles)
        self.note.setModified(False)
        self._clear_error()
        self.model.load(entry.exercise, bodyweight_kg, list(entry.sets), list(entry.plans))
        self.table.entry_changed()
        self.show_entry(entry)

    def _confirm_soon(self, row: int) -> None:
        """Store the plan ticked once Qt is done with the tick, unless the block shows another entry by then."""
        entry_id = self.entry_id
        QTimer.singleShot(0, self, lambda: self._on_action("enter", row) if self.entry_id == entry_id else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.title and event.type() == QEvent.Type.MouseButtonDblClick:
            if self.entry.exercise.id is not None:
                self.exercise_requested.emit(self.entry.exercise.id)
            return True
        return super().eventFilter(watched, event)

    def _tool(self, icon: object, tip: str) -> QToolButton:
        button = QToolButton()
        button.setIcon(icon)  # type: ignore[arg-type]
        button.setToolTip(tip)
        button.setAutoRaise(True)
        return button

    # ---- showing ----
    def show_entry(self, entry: Entry) -> None:
        self.entry = entry
        if not self.note.isModified():
            self.note.setText(entry.note)
        self.model.set_sets(list(entry.sets), list(entry.plans))
        self.model.set_plans_open(plans_open(self.session_start, datetime.now()))
        self.update_summary()

    def reload(self) -> None:
        self.show_entry(repo.get_entry(self.entry_id))

    def set_context(self, position: int, count: int, bodyweight_kg: float | None, start: datetime) -> None:
        self.position = position
        self.session_start = start
        self.model.set_plans_open(plans_open(start, datetime.now()))
        self.up.setEnabled(position > 0)
        self.down.setEnabled(position < count - 1)
        prefs = self.service.preferences
        if prefs != self.model.prefs or bodyweight_kg != self.model.bodyweight_kg:  # else every cell is as shown
            self.model.set_preferences(prefs, bodyweight_kg)
        self.update_summary()

    def set_superset(self, label: str | None, joined: bool, first: bool) -> None:
        """Show the exercise's place in its superset ('A2': bracketed by a bar down its left), or none; `joined`:
        in the superset of the exercise above (its Superset button is down); `first`: no exercise above to join."""
        self.group.setVisible(label is not None)
        self.group.setText(label or "")
        letter = label[0] if label else ""
        self.group.setToolTip(f"Superset {letter}: done in turn with the exercises marked {letter}" if label else "")
        self.superset.setEnabled(not first)
        self.superset.setChecked(joined)
        if self._bracketed != (label is not None):
            self._bracketed = label is not None
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        """The frame, and down the left of an exercise in a superset a bar in the highlight colour: the bracket
        that joins the exercises of a group (drawn, not styled: a style sheet would drop the theme's colours)."""
        super().paintEvent(event)
        if self._bracketed:
            painter = QPainter(self)
            painter.fillRect(0, 0, BRACKET_WIDTH, self.height(), self.palette().color(QPalette.ColorRole.Highlight))
            painter.end()

    def update_summary(self) -> None:
        prefs = self.service.preferences
        figures = summarize(
            self.model.sets,
            self.entry.exercise.bodyweight,
            self.model.bodyweight_kg,
            prefs.hard_set_rir,
            prefs.e1rm_formula,
            self.entry.exercise.measure,
        )
        measure = self.entry.exercise.measure
        if measure is not Measure.REPS:  # time under load or distance, never tonnage or hard sets
            done = sum(1 for record in self.model.sets if not record.is_warmup)
            parts = [f"{done} set{'s' if done != 1 else ''}"]
            if measure is Measure.TIME:
                parts.append(f"{format_duration(figures.time_s)} under load")
            else:
                parts.append(format_distance(figures.distance_m))
                took = sum(record.duration_s or 0.0 for record in self.model.sets if not record.is_warmup)
                if measure is Measure.DISTANCE_TIME and took:
                    parts[-1] += f" in {format_duration(took)}"
            self.summary.setText(" · ".join(parts))
            return
        parts = [
            f"{figures.working_sets} working set{'s' if figures.working_sets != 1 else ''}",
            f"{figures.hard_sets} hard",
        ]
        if figures.unrated_sets:
            parts.append(f"{figures.unrated_sets} not rated")
        if figures.tonnage_kg:
            parts.append(format_mass(figures.tonnage_kg, prefs.units))
        if figures.best_e1rm is not None:
            mark = " (extrapolated)" if figures.best_e1rm.extrapolated else ""
            parts.append(f"best e1RM {format_mass(figures.best_e1rm.kg, prefs.units)}{mark}")
        self.summary.setText(" · ".join(parts))

    # ---- editing ----
    def _save_note(self) -> None:
        self.note.setModified(False)
        text = self.note.text().strip()
        if text != self.entry.note:
            self.service.push(undo.EditEntryNote(self.service, self.entry_id, self.entry.note, text))

    def flush(self) -> None:
        if self.note.isModified():
            self._save_note()
        self.table.commit_editing()
        for row in range(self.model.rowCount()):
            self._store_typed(row)

    def _commit(self, row: int, old: SetRecord | None, new: SetRecord) -> None:
        self._clear_error()
        if old is None:
            self.service.push(undo.AddSet(self.service, self.entry_id, new, row))
        else:
            self.service.push(undo.EditSet(self.service, old, new.replace(id=old.id)))

    def _refused(self, row: int, column: int, message: str) -> None:
        where = (
            "New set" if self.model.is_draft(row) else "Planned set" if self.model.is_plan(row) else f"Row {row + 1}"
        )
        self._show_error(f"{where} · {message}")
        rect = self.table.visualRect(self.model.index(row, column))
        QToolTip.showText(self.table.viewport().mapToGlobal(rect.bottomLeft() + QPoint(0, 2)), message, self.table)

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()
        reveal(self.error)

    def _clear_error(self) -> None:
        self.error.clear()
        self.error.hide()

    def _store_typed(self, row: int) -> None:
        """Store a row typed in, when the lifter leaves it (or the session): a ghost row as the plan with what was
        typed over it (its effort only if typed); the + row once its load and reps were typed, with only the typed
        values (its grey values repeat the set above, which the lifter did not confirm)."""
        model = self.model
        if model.is_done(row) or not model.typed_keys(row) or self._lacks(row) is not None:
            return
        self._store(row, model.storable(row) if model.is_plan(row) else model.typed_set(row))

    def _lacks(self, row: int) -> str | None:
        """The cell a row typed in still needs before leaving it stores it (None: nothing)."""
        return self.model.missing(row) if self.model.is_plan(row) else self.model.missing(row, typed_only=True)

    def _store(self, row: int, record: SetRecord) -> None:
        """Store `record` from a ghost row (the plan confirmed, in one undo step) or the + row (a new set)."""
        plan = self.model.plan_at(row) if self.model.is_plan(row) else None
        self.model.forget_typed(row)
        self._clear_error()
        if plan is not None:
            self.service.push(undo.ConfirmPlan(self.service, plan, record))
        else:
            self.service.push(undo.AddSet(self.service, self.entry_id, record))
        self.set_stored.emit(self.entry_id)

    def _left(self, key: object) -> None:
        row = self.model.row_of(key)  # type: ignore[arg-type]
        if row < 0 or self.model.is_done(row) or not self.model.typed_keys(row):
            return
        missing = self._lacks(row)
        if missing is None:
            self._store_typed(row)
        else:
            where = "The new set" if self.model.is_draft(row) else "The planned set"
            self._show_error(
                f"{where} is not stored yet: type its {self._cell_name(missing)} too, or press Enter on "
                "it to store it as shown."
            )

    def _cell_name(self, key: str) -> str:
        return {"load": "load", "reps": "reps", "duration": "time", "distance": "distance"}.get(key, key)

    def _store_shown(self, row: int) -> bool:
        """Enter on a ghost or + row: store it as shown (typed values in place of the plan's). False when a cell a
        set needs is empty (the cursor goes there and a message says so)."""
        model = self.model
        missing = model.missing(row)
        if missing is not None:
            if model.is_draft(row) and not model.sets and not model.typed_keys(row):
                self._show_error("Type the load and reps of the first set; Enter then repeats it.")
            else:
                self._show_error(f"Type the {self._cell_name(missing)} of this set first; Enter then stores it.")
            self.table.go_to(row, missing)
            return False
        self._store(row, model.storable(row))
        return True

    def _on_action(self, name: str, row: int) -> None:
        model = self.model
        if name == "enter":
            stored = not model.is_done(row)
            warmup = stored and model.storable(row).is_warmup
            if stored and not self._store_shown(row):
                return
            self.table.go_to(row + 1)
            if stored and not warmup:  # warm-ups are done before the round starts
                self.entered.emit(self.entry_id)
            return
        if model.is_plan(row):
            if name == "delete":
                self.service.push(undo.DeletePlan(self.service, model.plan_at(row)))
                self.table.go_to(row)
            return
        if model.is_draft(row):
            return
        record = model.sets[row]
        if name == "delete":
            self.service.push(undo.DeleteSet(self.service, record))
            self.table.go_to(row)
        elif name == "duplicate":
            self.service.push(
                undo.AddSet(
                    self.service,
                    self.entry_id,
                    record.repeated().replace(failure_reps=record.failure_reps, note=record.note),
                    row + 1,
                    "Duplicate set",
                )
            )
            self.table.go_to(row + 1)
        elif name in ("up", "down"):
            target = row - 1 if name == "up" else row + 1
            if 0 <= target < len(model.sets):
                self.service.push(undo.MoveSet(self.service, record.id or 0, target))
                self.table.go_to(target, model.columns[self.table.currentIndex().column()].key)

    def fill_as_last_time(self) -> None:
        """Plan the sets of the exercise's previous session not yet done here, as ghost rows in place of any plan
        shown (the sets done stay): each counts nowhere until confirmed."""
        from journal.domain.routines import as_last_time  # the routines' code is not needed to show a session

        previous = repo.previous_sets(self.entry.exercise.id or 0, self.session_start, self.session_id)
        if not previous:
            self._show_error(f"No earlier session has {self.entry.exercise.name}.")
            return
        plans = as_last_time(previous, len(self.model.sets))
        if not plans:
            self._show_error(f"All {len(previous)} sets of last time are done already.")
            return
        self._clear_error()
        self.service.push(
            undo.FillEntry(self.service, self.entry_id, plans, f"{self.entry.exercise.name} as last time")
        )
        self.table.go_to(len(self.model.sets))
