# SPDX-License-Identifier: MIT
"""The Qt item model behind one exercise's sets table.

Rows are the sets done, then the planned sets (ghost rows: a plan, counted nowhere), and last the + row, pre-filled
from the set above. A set done is saved as each cell is edited. On a ghost row or the + row, what is typed is kept
in the row, drawn plain among the grey values it replaces, and nothing is stored until the lifter stores the row:
Enter stores it as shown, leaving it stores only what was typed once the cells a set needs were typed (see
`needs`), and a grey value the lifter did not confirm is never stored. Cells are parsed by journal.domain.validation;
a refused value is never written and `refused` says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from journal.domain import validation as v
from journal.domain.effort import EffortScale, display_effort, is_imprecise
from journal.domain.metrics import e1rm, effective_load
from journal.domain.plates import BARBELL_EQUIPMENT, load_plates_kg
from journal.domain.records import Exercise, Measure, PlannedSet, RirOrigin, SetRecord, SetType
from journal.domain.units import bodyweight_prefix, format_load, format_number, format_set_load
from journal.settings import Preferences
from journal.ui.table_model import Index, TableModel


@dataclass(frozen=True)
class Column:
    key: str
    editable: bool = True

    def title(self, prefs: Preferences) -> str:
        if self.key == "load":
            return f"Load ({prefs.units})"
        if self.key == "effort":
            return "RPE" if prefs.effort_scale is EffortScale.RPE else "RIR"
        if self.key == "e1rm":
            return f"e1RM ({prefs.units})"
        return _TITLES[self.key]


_TITLES = {
    "set_type": "Type",
    "reps": "Reps",
    "failure_reps": "To failure",
    "duration": "Time",
    "distance": "Distance (m)",
    "note": "Note",
}
_TIPS = {
    "set_type": "W warm-up · N working · D drop · F failure/AMRAP · B back-off. Warm-ups count in no figure.",
    "failure_reps": "If you carried on to failure: the reps you reached in all. Calibrates your RIR guesses.",
    "effort": "Reps in reserve (RIR), or RPE = 10 − RIR, in half steps. Leave empty if you did not rate the set.",
    "e1rm": "Estimated one-rep max from load, reps and RIR.",
}

_COLUMNS = {
    Measure.REPS: ("set_type", "load", "reps", "effort", "failure_reps", "note", "e1rm"),
    Measure.TIME: ("set_type", "load", "duration", "effort", "note"),
    Measure.DISTANCE: ("set_type", "load", "distance", "duration", "note"),
    Measure.DISTANCE_TIME: ("set_type", "distance", "duration", "note"),
}


def columns_for(exercise: Exercise) -> tuple[Column, ...]:
    return tuple(Column(key, editable=key != "e1rm") for key in _COLUMNS[exercise.measure])


def _format_duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"


def next_draft(sets: list[SetRecord]) -> SetRecord:
    """The set a lifter most likely does next: the one above, repeated."""
    return sets[-1].repeated() if sets else SetRecord()


# The record fields behind each editable column.
_FIELDS = {
    "set_type": ("set_type",),
    "load": ("load_kg",),
    "reps": ("reps",),
    "effort": ("rir", "effort_scale"),
    "failure_reps": ("failure_reps",),
    "duration": ("duration_s",),
    "distance": ("distance_m",),
    "note": ("note",),
}


def overlay(base: SetRecord, typed: SetRecord, keys: frozenset[str]) -> SetRecord:
    """`base` with the cells `keys` taken from `typed`."""
    return base.replace(**{name: getattr(typed, name) for key in keys for name in _FIELDS[key]})


def needs(exercise: Exercise) -> tuple[tuple[str, ...], ...]:
    """The cells a set of the exercise cannot do without, as groups of which one must be filled: the reps (and the
    load, unless the exercise is done with the body or a band), the time, or the distance (or time) covered."""
    if exercise.measure is Measure.TIME:
        return (("duration",),)
    if exercise.measure is Measure.DISTANCE:
        return (("distance",),)
    if exercise.measure is Measure.DISTANCE_TIME:
        return (("distance", "duration"),)
    if exercise.bodyweight or exercise.equipment == "band":
        return (("reps",),)
    return (("load",), ("reps",))


# The roles data() and headerData() answer; a table asks for more at every cell it paints, answered None at once.
_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.EditRole,
        Qt.ItemDataRole.CheckStateRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
    )
)
_HEADER_ROLES = frozenset((int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)))

RowKey = tuple[str, int | None]  # ("s", set id), ("p", plan id) or ("d", None) for the + row


def _one_inserted(shorter: list[Any], longer: list[Any]) -> int | None:
    """Where `longer` is `shorter` with one id inserted, that position."""
    for position in range(len(longer)):
        if longer[:position] + longer[position + 1 :] == shorter:
            return position
    return None


def _one_moved(old: list[Any], new: list[Any]) -> tuple[int, int] | None:
    """Where `new` is `old` with one id moved, (from, to)."""
    for source, item in enumerate(old):
        rest = old[:source] + old[source + 1 :]
        target = new.index(item) if item in new else -1
        if target >= 0 and rest[:target] + [item] + rest[target:] == new:
            return source, target
    return None


class SetsTableModel(TableModel):
    """Signals:
    refused(int, int, str): row, column and message of a value that was not accepted.
    confirm_requested(int): the tick box of a ghost row was ticked: log that planned set as shown.
    """

    refused = Signal(int, int, str)
    confirm_requested = Signal(int)

    def __init__(
        self,
        exercise: Exercise,
        prefs: Preferences,
        bodyweight_kg: float | None,
        commit: Callable[[int, SetRecord | None, SetRecord], None],
    ) -> None:
        super().__init__()
        self.exercise = exercise
        self.prefs = prefs
        self.bodyweight_kg = bodyweight_kg
        self.columns = columns_for(exercise)
        self.sets: list[SetRecord] = []  # the sets done
        self.plans: list[PlannedSet] = []  # the sets planned, not done: ghost rows
        self.plans_open = True  # False: the session is over and the plans left are shown as skipped
        self._draft = SetRecord()  # the last row: the next set, pre-filled from the one above
        self._typed: dict[int | None, tuple[SetRecord, frozenset[str]]] = {}  # plan id (None: + row) -> typed
        self.last_refused = False  # the last edit was refused: Enter stays on its cell
        self.rejected: tuple[int, int, str] | None = None  # (row, column, text) of it, to edit again
        self.rejection = ""  # why it was refused, shown on the cell's editor
        self._commit = commit  # (row, stored set, new value) of a set done

    # ---- contents ----
    def load(
        self, exercise: Exercise, bodyweight_kg: float | None, sets: list[SetRecord], plans: list[PlannedSet]
    ) -> None:
        """Show another exercise's sets (a table kept for another entry): its columns, its rows, nothing typed."""
        self.beginResetModel()
        self.exercise = exercise
        self.bodyweight_kg = bodyweight_kg
        self.columns = columns_for(exercise)
        self.sets, self.plans = list(sets), list(plans)
        self._draft = next_draft(self.sets)
        self._typed = {}
        self.last_refused = False
        self.rejected = None
        self.rejection = ""
        self.endResetModel()

    def _keys(self, sets: list[SetRecord], plans: list[PlannedSet]) -> list[RowKey]:
        return [("s", r.id) for r in sets] + [("p", p.id) for p in plans] + [("d", None)]

    def set_sets(self, sets: list[SetRecord], plans: list[PlannedSet] | None = None) -> None:
        """Show `sets` and `plans` (None: the plans shown stay). A row added, removed or moved is signalled as
        exactly that, so an open editor and the current cell survive an edit: a plan confirmed becomes its set's
        row, and a + row stored becomes the set's row with a new + row below."""
        plans = self.plans if plans is None else list(plans)
        old, new = self._keys(self.sets, self.plans), self._keys(sets, plans)
        old_sets, new_sets = {k for k in old if k[0] == "s"}, {k for k in new if k[0] == "s"}
        gone_plans = [k for k in old if k[0] == "p" and k not in new]
        came = [k for k in new if k not in old_sets and k[0] == "s"]
        gone_sets = [k for k in old_sets if k not in new_sets]
        back = [k for k in new if k[0] == "p" and k not in old]
        if len(came) == 1 and len(gone_plans) == 1 and old_sets <= new_sets:
            old[old.index(gone_plans[0])] = came[0]  # the plan confirmed is now that set
        elif len(back) == 1 and len(gone_sets) == 1 and new_sets <= old_sets:
            old[old.index(gone_sets[0])] = back[0]  # the set taken back is its plan again
        elif len(came) == 1 and not self.plans and not plans and new[len(sets) - 1] == came[0]:
            old[-1] = came[0]  # the + row stored is now that set
        if old == new:
            self.sets, self.plans = list(sets), plans
        elif len(new) == len(old) + 1 and (p := _one_inserted(old, new)) is not None:
            self.beginInsertRows(QModelIndex(), p, p)
            self.sets, self.plans = list(sets), plans
            self.endInsertRows()
        elif len(new) == len(old) - 1 and (p := _one_inserted(new, old)) is not None:
            self.beginRemoveRows(QModelIndex(), p, p)
            self.sets, self.plans = list(sets), plans
            self.endRemoveRows()
        elif len(new) == len(old) and (move := _one_moved(old, new)) is not None:
            source, target = move
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target + (target > source))
            self.sets, self.plans = list(sets), plans
            self.endMoveRows()
        else:
            self.beginResetModel()
            self.sets, self.plans = list(sets), plans
            self._draft = next_draft(self.sets)
            self.endResetModel()
        self._draft = next_draft(self.sets)
        ids = {p.id for p in self.plans}
        self._typed = {key: value for key, value in self._typed.items() if key is None or key in ids}
        last = self.rowCount() - 1
        self.dataChanged.emit(self.index(0, 0), self.index(last, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, last)

    def set_plans_open(self, open_: bool) -> None:
        if open_ != self.plans_open:
            self.plans_open = open_
            if self.plans:
                first, last = len(self.sets), len(self.sets) + len(self.plans) - 1
                self.dataChanged.emit(self.index(first, 0), self.index(last, len(self.columns) - 1))
                self.headerDataChanged.emit(Qt.Orientation.Vertical, first, last)

    def set_preferences(self, prefs: Preferences, bodyweight_kg: float | None) -> None:
        self.prefs, self.bodyweight_kg = prefs, bodyweight_kg
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    def draft(self) -> SetRecord:
        return self.record(self.rowCount() - 1)

    def is_draft(self, row: int) -> bool:
        return row == len(self.sets) + len(self.plans)

    def is_plan(self, row: int) -> bool:
        return len(self.sets) <= row < len(self.sets) + len(self.plans)

    def is_done(self, row: int) -> bool:
        return 0 <= row < len(self.sets)

    def plan_at(self, row: int) -> PlannedSet:
        return self.plans[row - len(self.sets)]

    def row_key(self, row: int) -> RowKey:
        if self.is_done(row):
            return ("s", self.sets[row].id)
        return ("p", self.plan_at(row).id) if self.is_plan(row) else ("d", None)

    def row_of(self, key: RowKey) -> int:
        """The row of a key from row_key, or -1 when it is gone."""
        keys = self._keys(self.sets, self.plans)
        return keys.index(key) if key in keys else -1

    def column_of(self, key: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    def _pending_key(self, row: int) -> int | None:
        return self.plan_at(row).id if self.is_plan(row) else None

    def _base(self, row: int) -> SetRecord:
        return self.plan_at(row).planned if self.is_plan(row) else self._draft

    def record(self, row: int) -> SetRecord:
        """The row as shown: a set done, or a ghost or + row with what was typed in place of the grey values."""
        if self.is_done(row):
            return self.sets[row]
        base = self._base(row)
        typed = self._typed.get(self._pending_key(row))
        return overlay(base, typed[0], typed[1]) if typed else base

    def storable(self, row: int) -> SetRecord:
        """What Enter on a row, or leaving it typed in, stores: a ghost row's planned load and reps with what was
        typed over them, and its effort only when typed (a target or last time's rating is not this set's); the +
        row as shown (it repeats the lifter's own set above)."""
        if not self.is_plan(row):
            return self.record(row)
        base = self.plan_at(row).planned.replace(rir=None, effort_scale=None)
        typed = self._typed.get(self._pending_key(row))
        return overlay(base, typed[0], typed[1]) if typed else base

    def typed_keys(self, row: int) -> frozenset[str]:
        if self.is_done(row):
            return frozenset()
        typed = self._typed.get(self._pending_key(row))
        return typed[1] if typed else frozenset()

    def missing(self, row: int, typed_only: bool = False) -> str | None:
        """The first cell (column key) a set needs that the row lacks (`typed_only`: that the lifter has not
        typed), or None when it can be stored. Shown as it is, the + row may go without a load (as the set above
        did); a planned set may not."""
        record, typed = self.record(row), self.typed_keys(row)
        groups = needs(self.exercise)
        if self.is_draft(row) and not typed_only:
            groups = tuple(g for g in groups if g != ("load",))
        for group in groups:
            present = [k for k in group if (k in typed if typed_only else self.text(record, k) != "")]
            if not present:
                return group[0]
        return None

    def typed_set(self, row: int) -> SetRecord:
        """Only what was typed in a ghost or + row (its set type as shown): what leaving the row stores."""
        record = self.record(row)
        return overlay(SetRecord(set_type=record.set_type), record, self.typed_keys(row))

    def forget_typed(self, row: int) -> None:
        """Drop what was typed in a ghost or + row (it has been stored)."""
        if not self.is_done(row) and self._typed.pop(self._pending_key(row), None) is not None:
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))

    def typing(self) -> dict[int | None, tuple[SetRecord, frozenset[str]]]:
        """What was typed in the ghost and + rows and not stored, to carry over to a new table of the exercise."""
        return dict(self._typed)

    def keep_typing(self, typed: dict[int | None, tuple[SetRecord, frozenset[str]]]) -> None:
        """Show again what `typing()` gave, for the rows still there (nothing is stored)."""
        ids = {plan.id for plan in self.plans}
        self._typed = {key: value for key, value in typed.items() if key is None or key in ids}
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    def plan_tip(self, row: int) -> str:
        plan = self.plan_at(row)
        target, unit, scale = plan.planned, self.prefs.units, self.prefs.effort_scale
        effort = "RPE" if scale is EffortScale.RPE else "RIR"
        reps = (
            f"{plan.reps_low}–{target.reps}"
            if plan.reps_low is not None and target.reps is not None and plan.reps_low != target.reps
            else self.text(target, "reps")
        )
        bodyweight = self.exercise.bodyweight
        parts = [
            format_set_load(target.load_kg, unit, bodyweight),
            f"{reps} reps" if reps else "",
            f"@ {effort} {self.text(target, 'effort')}" if target.rir is not None else "",
        ]
        text = "Planned: " + (" ".join(p for p in parts if p) or target.set_type.label)
        if plan.last is not None:
            last = plan.last
            done = [
                format_set_load(last.load_kg, unit, bodyweight),
                f"× {last.reps}" if last.reps is not None else "",
                f"@ {effort} {self.text(last, 'effort')}" if last.rir is not None else "",
            ]
            text += " · last time: " + " ".join(p for p in done if p)
        state = "Not done yet" if self.plans_open else "Skipped: the session is over and this set was not done"
        return (
            f"{text}.\n{state}; a plan counts in no figure. Enter or the tick box logs it as shown; type over a "
            "cell to log what you did; Delete drops it."
        )

    # ---- Qt model ----
    def row_count(self) -> int:
        return len(self.sets) + len(self.plans) + 1  # the sets done, the plans, the + row

    def column_titles(self) -> tuple[str, ...]:
        return tuple(column.title(self.prefs) for column in self.columns)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.columns)  # asked at every paint: no titles made for it

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        if index.column() == 0 and self.is_plan(index.row()):
            base |= Qt.ItemFlag.ItemIsUserCheckable  # tick it: done as shown
        return base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _HEADER_ROLES:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title(self.prefs)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _TIPS.get(self.columns[section].key)
            return None
        if not 0 <= section < self.rowCount():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self.is_draft(section):
                return "+"
            if self.is_plan(section):
                return "○" if self.plans_open else "–"
            if self.sets[section].is_warmup:
                return "W"
            return str(sum(1 for s in self.sets[: section + 1] if not s.is_warmup))
        if role == Qt.ItemDataRole.ToolTipRole:
            if self.is_plan(section):
                return self.plan_tip(section)
            return (
                "Next set: type to fill it in, or press Enter to repeat the set above"
                if self.is_draft(section)
                else None
            )
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        row, key = index.row(), self.columns[index.column()].key
        record = self.record(row)
        ghost = not self.is_done(row) and key not in self.typed_keys(row)  # a grey value, not (yet) the lifter's
        if role == Qt.ItemDataRole.DisplayRole and key == "load" and self.exercise.bodyweight:
            # shown as what was moved: BW, BW + the added load or BW − the assistance (the unit is in the header);
            # edited as the number (negative for assistance)
            if not record.load_kg:
                return "BW"
            return f"{bodyweight_prefix(record.load_kg)}{format_load(abs(record.load_kg), self.prefs.units)}"
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text(record, key)
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0 and self.is_plan(row):
            return Qt.CheckState.Unchecked.value
        if role == Qt.ItemDataRole.ForegroundRole:
            palette = QApplication.palette()
            if ghost or (record.is_warmup and self.is_done(row)):
                return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return None
        if role == Qt.ItemDataRole.FontRole and ghost:
            font = QFont()
            font.setItalic(True)
            font.setStrikeOut(self.is_plan(row) and not self.plans_open)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("note", "set_type"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            own = self.tooltip(record, key)
            if self.is_plan(row):
                return self.plan_tip(row) if own is None else f"{own}\n{self.plan_tip(row)}"
            return own
        return None

    def _e1rm(self, record: SetRecord) -> Any:
        load = effective_load(record.load_kg, self.exercise.bodyweight, self.bodyweight_kg)
        if record.is_warmup:
            return None
        return e1rm(load, record.reps, record.rir, self.prefs.e1rm_formula, record.failure_reps)

    def text(self, record: SetRecord, key: str) -> str:
        unit = self.prefs.units
        if key == "set_type":
            return record.set_type.label
        if key == "load":
            return format_load(record.load_kg, unit)
        if key == "reps":
            return "" if record.reps is None else str(record.reps)
        if key == "effort":
            value = display_effort(record.rir, self.prefs.effort_scale)
            return "" if value is None else format_number(value, 1)
        if key == "failure_reps":
            return "" if record.failure_reps is None else str(record.failure_reps)
        if key == "duration":
            return _format_duration(record.duration_s)
        if key == "distance":
            return "" if record.distance_m is None else format_number(record.distance_m, 1)
        if key == "note":
            return record.note
        estimate = None if record.id is None else self._e1rm(record)
        if estimate is None:
            return ""
        return format_load(estimate.kg, unit, 1) + ("*" if estimate.extrapolated else "")

    def plates_tip(self, record: SetRecord) -> str | None:
        """The plates on each side for a barbell exercise's load (or the nearest loads that can be made)."""
        if self.exercise.equipment not in BARBELL_EQUIPMENT or not record.load_kg:
            return None
        return load_plates_kg(record.load_kg, self.prefs.plate_kit()).text()

    def tooltip(self, record: SetRecord, key: str) -> str | None:
        if key == "load":
            return self.plates_tip(record)
        if key == "effort" and record.rir_origin is RirOrigin.SET_TYPE and record.rir is not None:
            return (
                "RIR 0 from set type: the app it came from marked the set as failure and it had no rating. "
                "Type a rating to replace it"
            )
        if key == "effort" and is_imprecise(record.rir, record.effort_scale):
            return "RPE below 6 only says “4 or more reps in reserve”: counted, but imprecise"
        if key == "effort" and record.effort_scale is not None and record.effort_scale is not self.prefs.effort_scale:
            return f"Entered as {record.effort_scale.value.upper()}"
        if key == "e1rm":
            estimate = self._e1rm(record)
            if estimate is not None and estimate.extrapolated:
                return "Extrapolated: reps + RIR above 10, where published charts disagree"
            if record.rir is None and estimate is not None:
                return "No RIR recorded: estimated as if taken to failure"
        if key == "note" and record.note:
            return record.note
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        row, key = index.row(), self.columns[index.column()].key
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0 and self.is_plan(row):
            if value in (Qt.CheckState.Checked, Qt.CheckState.Checked.value):
                self.confirm_requested.emit(row)
            return True
        if role != Qt.ItemDataRole.EditRole:
            return False
        record = self.record(row)
        self.rejected = None
        done = self.is_done(row)
        if done and not isinstance(value, SetType) and str(value).strip() == self.text(record, key):
            self.last_refused = False
            return True  # unchanged as shown: the stored value (say kg behind a rounded lb) stays exactly as it is
        try:
            new = self.parse(record, key, value)
        except v.ValidationError as error:
            self.last_refused = True
            self.rejected = (row, index.column(), str(value))
            self.rejection = f"{error.field}: {error.message}"
            self.refused.emit(row, index.column(), self.rejection)
            return False
        self.last_refused = False
        if not done:  # a ghost or + row keeps what was typed until the row is stored
            self._typed[self._pending_key(row)] = (new, self.typed_keys(row) | {key})
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.columns) - 1))
            return True
        if new != record:
            self._commit(row, record, new)
        return True

    def parse(self, record: SetRecord, key: str, value: Any) -> SetRecord:
        text = value.label if isinstance(value, SetType) else str(value if value is not None else "")
        unit = self.prefs.units
        if key == "set_type":
            try:
                set_type = SetType.from_text(text)
            except ValueError:
                raise v.ValidationError("Type", f"'{text}' is not a set type (W, working, D, F, B)") from None
            if record.rir_origin is RirOrigin.SET_TYPE and set_type is not SetType.FAILURE:
                # the RIR 0 rested on the failure type: without it the set is unrated again
                return record.replace(set_type=set_type, rir=None, effort_scale=None, rir_origin=None)
            return record.replace(set_type=set_type)
        if key == "load":
            return record.replace(load_kg=v.parse_load(text, unit, bodyweight=self.exercise.bodyweight))
        if key == "reps":
            reps = v.parse_reps(text)
            if reps is not None and record.failure_reps is not None and record.failure_reps < reps:
                raise v.ValidationError("Reps", f"cannot be more than the {record.failure_reps} reps to failure")
            return record.replace(reps=reps)
        if key == "effort":
            scale = self.prefs.effort_scale
            rir = v.parse_rpe(text) if scale is EffortScale.RPE else v.parse_rir(text)
            return record.replace(rir=rir, effort_scale=scale if rir is not None else None, rir_origin=None)
        if key == "failure_reps":
            return record.replace(failure_reps=v.parse_failure_reps(text, record.reps))
        if key == "duration":
            return record.replace(duration_s=v.parse_duration(text))
        if key == "distance":
            return record.replace(distance_m=v.parse_distance(text))
        if key == "note":
            return record.replace(note=v.check_text(text.strip(), "Note"))
        raise v.ValidationError(key, "cannot be edited")
