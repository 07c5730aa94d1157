# SPDX-License-Identifier: MIT
"""The one object the screens talk to: the open journal file, preferences, the undo stack, and what changed."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from journal import settings
from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.units import Unit
from journal.storage.changes import Change
from journal.storage.database import close_database, open_database


@dataclass(frozen=True)
class Preferences:
    unit: Unit
    effort_scale: EffortScale
    hard_set_rir: float
    e1rm_formula: E1rmFormula
    theme: str = "system"

    @classmethod
    def load(cls) -> Preferences:
        return cls(settings.get(settings.UNITS), settings.get(settings.EFFORT_SCALE),
                   settings.get(settings.HARD_SET_RIR), settings.get(settings.E1RM_FORMULA),
                   settings.get(settings.THEME))

    def save(self) -> None:
        settings.put(settings.UNITS, self.unit)
        settings.put(settings.EFFORT_SCALE, self.effort_scale)
        settings.put(settings.HARD_SET_RIR, self.hard_set_rir)
        settings.put(settings.E1RM_FORMULA, self.e1rm_formula)
        settings.put(settings.THEME, self.theme)


class JournalService(QObject):
    """Signals:
        changed(Change): a write finished; the Change names what to refresh.
        preferences_changed(Preferences): units, effort scale or thresholds changed; every display re-renders.
        file_changed(Path): another journal file was opened.
    """

    changed = Signal(object)
    preferences_changed = Signal(object)
    file_changed = Signal(object)

    def __init__(self, path: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.path = path
        self.preferences = Preferences.load()
        self.undo_stack = QUndoStack(self)
        open_database(path)

    def push(self, command: QUndoCommand) -> None:
        """Run an edit through the undo stack (its redo() runs now)."""
        self.undo_stack.push(command)

    def emit(self, change: Change) -> None:
        self.changed.emit(change)

    def set_preferences(self, preferences: Preferences) -> None:
        if preferences == self.preferences:
            return
        preferences.save()
        self.preferences = preferences
        self.preferences_changed.emit(preferences)

    def open_file(self, path: Path) -> None:
        """Switch to another journal file; undo history belongs to the file it was made in, so it is cleared."""
        close_database()
        open_database(path)
        self.path = path
        self.undo_stack.clear()
        self.file_changed.emit(path)
        self.changed.emit(Change(everything=True, exercises=True))

    def close(self) -> None:
        close_database()
