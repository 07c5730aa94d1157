# SPDX-License-Identifier: MIT
"""Qt item models over routines: the list of routines, and one routine's exercises with their targets and the
load suggested for next time."""

from __future__ import annotations

import dataclasses
import string
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt

from journal.domain import validation as v
from journal.domain.effort import EffortScale
from journal.domain.routines import Routine, RoutineItem, Suggestion
from journal.domain.units import format_load, format_number
from journal.settings import Preferences
from journal.ui.table_model import Index, TableModel
from journal.ui.widgets import plain_tip

COLUMNS = (
    "exercise",
    "sets",
    "reps_low",
    "reps_high",
    "target",
    "load",
    "rest",
    "calibration",
    "warmup",
    "superset",
    "next",
    "notes",
)
CHECKED = ("calibration", "warmup")  # columns that are a tick box
TITLES = {
    "exercise": "Exercise",
    "sets": "Sets",
    "reps_low": "Reps\nfrom",
    "reps_high": "to",
    "rest": "Rest",
    "calibration": "Last set\nall out",  # two lines: the figures leave the names room in a 1024-pixel window
    "warmup": "Warm-up",
    "superset": "Superset",
    "next": "Next\ntime",
    "notes": "Notes",
}


class RoutineListModel(QAbstractListModel):
    def __init__(self) -> None:
        super().__init__()
        self.routines: list[Routine] = []

    def set_routines(self, routines: list[Routine]) -> None:
        self.beginResetModel()
        self.routines = routines
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.routines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        routine = self.routines[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return routine.name or "Untitled routine"
        if role == Qt.ItemDataRole.ToolTipRole and routine.items:
            return (
                routine.name + "\n" + "\n".join(f"{item.exercise.name}: {item.target_text()}" for item in routine.items)
            )
        return None


class RoutineItemsModel(TableModel):
    """A routine's exercises. Edits go to `commit(row, new item)`; a refused value is reported to `refused`."""

    def __init__(
        self, prefs: Preferences, commit: Callable[[int, RoutineItem], None], refused: Callable[[str], None]
    ) -> None:
        super().__init__()
        self.prefs = prefs
        self.items: list[RoutineItem] = []
        self.suggestions: list[Suggestion | None] = []
        self._commit, self._refused = commit, refused

    def set_items(self, items: list[RoutineItem], suggestions: list[Suggestion | None], prefs: Preferences) -> None:
        """Show these items; the same exercises in the same order are changed in place, so that the cell being
        typed in, and the next one Tab goes to, stay where they are."""
        same_rows = [(i.id, i.exercise.id) for i in items] == [(i.id, i.exercise.id) for i in self.items]
        if not same_rows:
            self.beginResetModel()
        self.items, self.suggestions, self.prefs = items, suggestions, prefs
        if not same_rows:
            self.endResetModel()
        elif items:
            self.dataChanged.emit(self.index(0, 0), self.index(len(items) - 1, len(COLUMNS) - 1))
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)

    def row_count(self) -> int:
        return len(self.items)

    def column_titles(self) -> tuple[str, ...]:
        return tuple(self._title(key) for key in COLUMNS)

    def _title(self, key: str) -> str:
        if key == "target":
            return "Target\nRPE" if self.prefs.effort_scale is EffortScale.RPE else "Target\nRIR"
        if key == "load":
            return f"Load\n({self.prefs.units})"
        return TITLES[key]

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        key = COLUMNS[index.column()]
        if key in CHECKED:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        if key not in ("exercise", "next"):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item, key = self.items[index.row()], COLUMNS[index.column()]
        suggestion = self.suggestions[index.row()] if index.row() < len(self.suggestions) else None
        if role == Qt.ItemDataRole.CheckStateRole and key in CHECKED:
            return Qt.CheckState.Checked if getattr(item, key) else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole and key == "next" and suggestion is not None:
            return suggestion.reason
        if role == Qt.ItemDataRole.TextAlignmentRole and key in (
            "sets",
            "reps_low",
            "reps_high",
            "target",
            "load",
            "rest",
            "next",
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and key == "exercise":
            return plain_tip(f"{item.exercise.name}\nDouble-click: its page (records, charts, history)")
        if role == Qt.ItemDataRole.ToolTipRole and key == "load":
            return "A fixed load for every working set; empty: the load suggested from last time (Next time)"
        if role == Qt.ItemDataRole.ToolTipRole and key == "calibration":
            return "Take the last set to failure and log the reps reached: it shows how well you judge RIR"
        if role == Qt.ItemDataRole.ToolTipRole and key == "superset":
            return "A letter: exercises with the same letter are done in turn (a superset, or a circuit of more)"
        if role == Qt.ItemDataRole.ToolTipRole and key == "warmup":
            return (
                "Plan warm-up sets before the first working set: the bar × 10, then 40 % × 8, 60 % × 5 and 80 % × 3 "
                "of the working load, each rounded to a load your plates make"
            )
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return None
        unit = self.prefs.units
        if key == "exercise":
            return item.exercise.name
        if key in ("sets", "reps_low", "reps_high"):
            return str(getattr(item, key))
        if key == "target":
            if item.target_rir is None:
                return ""
            value = 10 - item.target_rir if self.prefs.effort_scale is EffortScale.RPE else item.target_rir
            return format_number(value, 1)
        if key == "load":
            return format_load(item.load_kg, unit)
        if key == "rest":
            return "" if item.rest_s is None else f"{item.rest_s // 60}:{item.rest_s % 60:02d}"
        if key == "next":
            if suggestion is None or suggestion.load_kg is None:
                return "choose" if suggestion else ""
            arrow = {1: "▲ ", -1: "▼ ", 0: "= "}[suggestion.change]
            return f"{arrow}{format_load(suggestion.load_kg, unit)} {unit}"
        if key == "notes":
            return item.notes
        if key == "superset":
            return "" if item.superset is None else string.ascii_uppercase[(item.superset - 1) % 26]
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid():
            return False
        item, key = self.items[index.row()], COLUMNS[index.column()]
        try:
            new = self._parse(item, key, value, role)
        except v.ValidationError as error:
            self._refused(f"Row {index.row() + 1} · {error.field}: {error.message}")
            return False
        if new is None or new == item:
            return new is not None
        self._commit(index.row(), new)
        return True

    def _parse(self, item: RoutineItem, key: str, value: Any, role: int) -> RoutineItem | None:
        if key in CHECKED and role == Qt.ItemDataRole.CheckStateRole:
            ticked = Qt.CheckState(value) == Qt.CheckState.Checked
            if key == "warmup":
                return dataclasses.replace(item, warmup=ticked)
            return dataclasses.replace(item, calibration=ticked)
        if role != Qt.ItemDataRole.EditRole:
            return None
        text = str(value)
        if key == "sets":
            sets = v.parse_reps(text, "Sets")
            if not sets or sets > 20:
                raise v.ValidationError("Sets", "must be a whole number from 1 to 20")
            return dataclasses.replace(item, sets=sets)
        if key in ("reps_low", "reps_high"):
            reps = v.parse_reps(text, "Reps")
            if not reps:
                raise v.ValidationError("Reps", "must be a whole number from 1 to 1000")
            low, high = (reps, max(reps, item.reps_high)) if key == "reps_low" else (min(item.reps_low, reps), reps)
            return dataclasses.replace(item, reps_low=low, reps_high=high)
        if key == "target":
            scale = self.prefs.effort_scale
            rir = v.parse_rpe(text) if scale is EffortScale.RPE else v.parse_rir(text)
            return dataclasses.replace(item, target_rir=rir, target_scale=scale)
        if key == "load":
            return dataclasses.replace(item, load_kg=v.parse_load(text, self.prefs.units))
        if key == "rest":
            seconds = v.parse_duration(text)
            return dataclasses.replace(item, rest_s=None if seconds is None else int(seconds))
        if key == "notes":
            return dataclasses.replace(item, notes=text.strip())
        if key == "superset":
            letter = text.strip().upper()
            if letter and (len(letter) != 1 or letter not in string.ascii_uppercase):
                raise v.ValidationError("Superset", f"'{v.shortened(text.strip())}' is not a letter A to Z")
            return dataclasses.replace(item, superset=string.ascii_uppercase.index(letter) + 1 if letter else None)
        return None


__all__ = ["COLUMNS", "RoutineItemsModel", "RoutineListModel"]
