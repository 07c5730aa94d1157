# SPDX-License-Identifier: MIT
"""The Qt item model behind one exercise's sets table.

Rows are the stored sets and, last, a draft row pre-filled from the set above: editing the draft, or pressing Enter
on it, stores it as a new set. Cells are parsed by journal.domain.validation; a refused value is never written and
`refused` says why.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from journal.domain import validation as v
from journal.domain.effort import EffortScale, display_effort, is_imprecise
from journal.domain.metrics import e1rm, effective_load
from journal.domain.records import Exercise, Measure, SetRecord, SetType
from journal.domain.units import format_load, format_number
from journal.ui.service import Preferences

Index = QModelIndex | QPersistentModelIndex


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


_TITLES = {"set_type": "Type", "reps": "Reps", "failure_reps": "To failure", "duration": "Time",
           "distance": "Distance (m)", "note": "Note"}
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


def _one_inserted(shorter: list[int | None], longer: list[int | None]) -> int | None:
    """Where `longer` is `shorter` with one id inserted, that position."""
    for position in range(len(longer)):
        if longer[:position] + longer[position + 1:] == shorter:
            return position
    return None


def _one_moved(old: list[int | None], new: list[int | None]) -> tuple[int, int] | None:
    """Where `new` is `old` with one id moved, (from, to)."""
    for source, item in enumerate(old):
        rest = old[:source] + old[source + 1:]
        target = new.index(item) if item in new else -1
        if target >= 0 and rest[:target] + [item] + rest[target:] == new:
            return source, target
    return None


class SetsTableModel(QAbstractTableModel):
    """Signals:
        refused(int, int, str): row, column and message of a value that was not accepted.
    """

    refused = Signal(int, int, str)

    def __init__(self, exercise: Exercise, prefs: Preferences, bodyweight_kg: float | None,
                 commit: Callable[[int, SetRecord | None, SetRecord], None]) -> None:
        super().__init__()
        self.exercise = exercise
        self.prefs = prefs
        self.bodyweight_kg = bodyweight_kg
        self.columns = columns_for(exercise)
        self.sets: list[SetRecord] = []
        self._draft = SetRecord()  # the last row: the next set, pre-filled from the one above
        self.last_refused = False  # the last edit was refused: Enter stays on its cell
        self.rejected: tuple[int, int, str] | None = None  # (row, column, text) of it, to edit again
        self._commit = commit  # (row, stored set or None for the draft, new value)

    # ---- contents ----
    def set_sets(self, sets: list[SetRecord]) -> None:
        """Show `sets`. A set added, removed or moved is signalled as exactly that, so an open editor and the
        current cell survive an edit; the draft row follows once the rows are in place."""
        old, new = [r.id for r in self.sets], [r.id for r in sets]
        grown = len(new) - len(old)
        if old == new:
            self.sets = list(sets)
        elif grown == 1 and _one_inserted(old, new) == len(old):
            # The draft row became the new set; a new draft row appears below it.
            self.beginInsertRows(QModelIndex(), len(old) + 1, len(old) + 1)
            self.sets = [*self.sets, self._draft]
            self.endInsertRows()
            self.sets = list(sets)
        elif grown == 1 and (p := _one_inserted(old, new)) is not None:
            self.beginInsertRows(QModelIndex(), p, p)
            self.sets = list(sets)
            self.endInsertRows()
        elif grown == -1 and (p := _one_inserted(new, old)) is not None:
            self.beginRemoveRows(QModelIndex(), p, p)
            self.sets = list(sets)
            self.endRemoveRows()
        elif grown == 0 and (move := _one_moved(old, new)) is not None:
            source, target = move
            self.beginMoveRows(QModelIndex(), source, source, QModelIndex(), target + (target > source))
            self.sets = list(sets)
            self.endMoveRows()
        else:
            self.beginResetModel()
            self.sets = list(sets)
            self._draft = next_draft(self.sets)
            self.endResetModel()
        self._draft = next_draft(self.sets)
        last = len(self.sets)
        self.dataChanged.emit(self.index(0, 0), self.index(last, len(self.columns) - 1))
        self.headerDataChanged.emit(Qt.Orientation.Vertical, 0, last)

    def set_preferences(self, prefs: Preferences, bodyweight_kg: float | None) -> None:
        self.prefs, self.bodyweight_kg = prefs, bodyweight_kg
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)
        if self.rowCount():
            self.dataChanged.emit(self.index(0, 0), self.index(self.rowCount() - 1, len(self.columns) - 1))

    def draft(self) -> SetRecord:
        return self._draft

    def is_draft(self, row: int) -> bool:
        return row == len(self.sets)

    def record(self, row: int) -> SetRecord:
        return self.draft() if self.is_draft(row) else self.sets[row]

    def column_of(self, key: str) -> int:
        return next((i for i, c in enumerate(self.columns) if c.key == key), -1)

    # ---- Qt model ----
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.sets) + 1

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.columns[index.column()].editable:
            base |= Qt.ItemFlag.ItemIsEditable
        return base

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                return self.columns[section].title(self.prefs)
            if role == Qt.ItemDataRole.ToolTipRole:
                return _TIPS.get(self.columns[section].key)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            if self.is_draft(section):
                return "+"
            if self.sets[section].is_warmup:
                return "W"
            return str(sum(1 for s in self.sets[: section + 1] if not s.is_warmup))
        if role == Qt.ItemDataRole.ToolTipRole:
            return "Next set: type to fill it in, or press Enter to repeat the set above" if self.is_draft(
                section) else None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, key = index.row(), self.columns[index.column()].key
        record = self.record(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self.text(record, key)
        if role == Qt.ItemDataRole.ForegroundRole:
            palette = QApplication.palette()
            if self.is_draft(row) or record.is_warmup:
                return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
            return None
        if role == Qt.ItemDataRole.FontRole and self.is_draft(row):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and key not in ("note", "set_type"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, key)
        return None

    def _e1rm(self, record: SetRecord) -> Any:
        load = effective_load(record.load_kg, self.exercise.bodyweight, self.bodyweight_kg)
        if record.is_warmup:
            return None
        return e1rm(load, record.reps, record.rir, self.prefs.e1rm_formula)

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

    def tooltip(self, record: SetRecord, key: str) -> str | None:
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
        if not index.isValid() or role != Qt.ItemDataRole.EditRole:
            return False
        row, key = index.row(), self.columns[index.column()].key
        record = self.record(row)
        self.rejected = None
        if not self.is_draft(row) and not isinstance(value, SetType) and str(value).strip() == self.text(record, key):
            self.last_refused = False
            return True  # unchanged as shown: the stored value (say kg behind a rounded lb) stays exactly as it is
        try:
            new = self.parse(record, key, value)
        except v.ValidationError as error:
            self.last_refused = True
            self.rejected = (row, index.column(), str(value))
            self.refused.emit(row, index.column(), f"{error.field}: {error.message}")
            return False
        self.last_refused = False
        if new == record and not self.is_draft(row):
            return True
        self._commit(row, None if self.is_draft(row) else record, new)
        return True

    def parse(self, record: SetRecord, key: str, value: Any) -> SetRecord:
        text = value.label if isinstance(value, SetType) else str(value if value is not None else "")
        unit = self.prefs.units
        if key == "set_type":
            try:
                return record.replace(set_type=SetType.from_text(text))
            except ValueError:
                raise v.ValidationError("Type", f"'{text}' is not a set type (W, working, D, F, B)") from None
        if key == "load":
            return record.replace(load_kg=v.parse_load(text, unit))
        if key == "reps":
            reps = v.parse_reps(text)
            if reps is not None and record.failure_reps is not None and record.failure_reps < reps:
                raise v.ValidationError("Reps", f"cannot be more than the {record.failure_reps} reps to failure")
            return record.replace(reps=reps)
        if key == "effort":
            scale = self.prefs.effort_scale
            rir = v.parse_rpe(text) if scale is EffortScale.RPE else v.parse_rir(text)
            return record.replace(rir=rir, effort_scale=scale if rir is not None else None)
        if key == "failure_reps":
            return record.replace(failure_reps=v.parse_failure_reps(text, record.reps))
        if key == "duration":
            return record.replace(duration_s=v.parse_duration(text))
        if key == "distance":
            return record.replace(distance_m=v.parse_distance(text))
        if key == "note":
            return record.replace(note=text.strip())
        raise v.ValidationError(key, "cannot be edited")
