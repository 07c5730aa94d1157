# SPDX-License-Identifier: MIT
"""The exercise catalogue in the file: listing, resolving names through aliases, creating new exercises."""

from __future__ import annotations

import peewee

from journal.domain.names import clean_name, name_key
from journal.domain.records import Exercise, Measure, Mechanic
from journal.storage.changes import Change
from journal.storage.models import AliasRow, ExerciseRow, db


def to_exercise(row: ExerciseRow, aliases: tuple[str, ...] = ()) -> Exercise:
    return Exercise(
        id=row.id,
        name=row.name,
        mechanic=Mechanic(row.mechanic) if row.mechanic else None,
        primary=tuple(filter(None, row.primary.split("|"))),
        secondary=tuple(filter(None, row.secondary.split("|"))),
        equipment=row.equipment,
        bodyweight=bool(row.bodyweight),
        measure=Measure(row.measure),
        aliases=aliases,
    )


def list_exercises() -> list[Exercise]:
    """Every exercise with its aliases, by name."""
    aliases: dict[int, list[str]] = {}
    for alias in AliasRow.select(AliasRow.exercise, AliasRow.name):
        aliases.setdefault(alias.exercise_id, []).append(alias.name)
    rows = ExerciseRow.select().order_by(ExerciseRow.name.collate("NOCASE"))
    return [to_exercise(row, tuple(a for a in aliases.get(row.id, ()) if a != row.name)) for row in rows]


def find_exercise(name: str) -> Exercise | None:
    """The exercise whose name or alias matches `name` once case, spacing and punctuation are folded."""
    row: ExerciseRow | None = ExerciseRow.select().join(AliasRow).where(AliasRow.key == name_key(name)).first()
    return to_exercise(row) if row else None


def create_exercise(
    name: str, template: Exercise | None = None, take_alias: bool = False, exercise_id: int | None = None
) -> tuple[Exercise, Change]:
    """A new exercise named by the lifter or an import; refused when the name is already known, unless it is only
    another exercise's alias and `take_alias` says the lifter wants it as an exercise of its own. `exercise_id`
    gives it back the id it had (a creation redone)."""
    name = clean_name(name)
    if not name:
        raise ValueError("an exercise needs a name")
    existing = find_exercise(name)
    if existing is not None and (not take_alias or name_key(existing.name) == name_key(name)):
        raise ValueError(f"an exercise called {name!r} already exists")
    base = template or Exercise(id=None, name=name)
    with db.atomic():
        row = ExerciseRow.create(
            id=exercise_id,
            name=name,
            mechanic=base.mechanic,
            primary="|".join(base.primary),
            secondary="|".join(base.secondary),
            equipment=base.equipment,
            bodyweight=base.bodyweight,
            measure=base.measure,
            builtin=False,
        )
        AliasRow.insert(key=name_key(name), name=name, exercise=row).on_conflict(
            conflict_target=[AliasRow.key], update={AliasRow.exercise: row.id, AliasRow.name: name}
        ).execute()
    return to_exercise(row), Change(exercises=True)


def delete_exercise(exercise_id: int) -> Change:
    """Remove an exercise the lifter created (a creation undone), with its aliases; one that a session or a routine
    uses, or a catalogue exercise, stays."""
    try:
        with db.atomic():
            removed = ExerciseRow.delete().where(ExerciseRow.id == exercise_id, ~ExerciseRow.builtin).execute()
    except peewee.IntegrityError:  # still used: the foreign keys refuse
        return Change()
    return Change(exercises=bool(removed))


def resolve_exercise(exercise: Exercise) -> tuple[Exercise, Change]:
    """The stored exercise for a record that may carry only a name, created when the name is new."""
    if exercise.id is not None:
        return exercise, Change()
    found = find_exercise(exercise.name)
    if found is not None:
        return found, Change()
    return create_exercise(exercise.name, exercise)
