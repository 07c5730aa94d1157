# SPDX-License-Identifier: MIT
"""Sets that are valid but unlikely for their exercise (a 400 kg curl): imported, and named as warnings."""

from __future__ import annotations

from collections.abc import Mapping

from journal.domain.names import equipment_of
from journal.domain.records import Exercise
from journal.domain.validation import unlikely
from journal.io.base import ParsedImport, Problem

MAX_WARNINGS = 50  # a file with more names the first ones and how many more


def unlikely_sets(parsed: ParsedImport, exercises: Mapping[str, Exercise | None]) -> list[Problem]:
    """A warning for each set whose load or reps are unlikely for the exercise its name is stored as (its mechanic
    and equipment; for a new exercise the equipment its name states)."""
    found: list[str] = []
    for session in parsed.sessions:
        for entry in session.entries:
            name = entry.exercise.name
            exercise = exercises.get(name)
            mechanic = exercise.mechanic.value if exercise is not None and exercise.mechanic else None
            equipment = exercise.equipment if exercise is not None else equipment_of(name)
            for number, record in enumerate(entry.sets, 1):
                if why := unlikely(record, mechanic, equipment):
                    found.append(f"{session.start:%Y-%m-%d %H:%M} {name}, set {number}: {why}; imported as read")
    warnings = [Problem(0, message, fatal=False) for message in found[:MAX_WARNINGS]]
    if len(found) > MAX_WARNINGS:
        warnings.append(Problem(0, f"{len(found) - MAX_WARNINGS} more unlikely sets", fatal=False))
    return warnings
