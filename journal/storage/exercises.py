# SPDX-License-Identifier: MIT
"""The exercise catalogue in the file: listing, resolving names through aliases, creating, editing and merging."""

from __future__ import annotations

from dataclasses import dataclass

import peewee

from journal.domain.names import clean_name, name_key
from journal.domain.records import MUSCLES, Exercise, Measure, Mechanic
from journal.domain.validation import NAME_MAX_CHARS as MAX_NAME
from journal.storage.changes import Change
from journal.storage.models import AliasRow, EntryRow, ExerciseRow, RoutineItemRow, db


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
    """Every exercise with its aliases, by name. (Read as plain rows: the catalogue holds well over a thousand.)"""
    aliases: dict[int, list[str]] = {}
    for exercise_id, alias in db.execute_sql("SELECT exercise_id, alias FROM alias ORDER BY id"):
        aliases.setdefault(exercise_id, []).append(alias)
    rows = db.execute_sql(
        'SELECT id, name, mechanic, "primary", secondary, equipment, bodyweight, measure FROM exercise '
        "ORDER BY name COLLATE NOCASE"
    )
    return [
        Exercise(
            id=exercise_id,
            name=name,
            mechanic=Mechanic(mechanic) if mechanic else None,
            primary=tuple(filter(None, primary.split("|"))),
            secondary=tuple(filter(None, secondary.split("|"))),
            equipment=equipment,
            bodyweight=bool(bodyweight),
            measure=Measure(measure),
            aliases=tuple(a for a in aliases.get(exercise_id, ()) if a != name),
        )
        for exercise_id, name, mechanic, primary, secondary, equipment, bodyweight, measure in rows
    ]


def alias_keys() -> dict[str, int]:
    """Every name key the journal knows (an exercise's name or alias, see name_key) -> its exercise's id."""
    return dict(db.execute_sql('SELECT "key", exercise_id FROM alias'))


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


def get_exercise(exercise_id: int) -> Exercise:
    """One exercise with its aliases (its own name left out)."""
    row = ExerciseRow.get_by_id(exercise_id)
    names = [a.name for a in AliasRow.select(AliasRow.name).where(AliasRow.exercise == exercise_id)]
    return to_exercise(row, tuple(sorted((n for n in names if name_key(n) != name_key(row.name)), key=str.casefold)))


def exercise_or_none(exercise_id: int) -> Exercise | None:
    """The exercise with this id, or None when it is gone (merged into another)."""
    if not ExerciseRow.select().where(ExerciseRow.id == exercise_id).exists():
        return None
    return get_exercise(exercise_id)


def check_exercise(exercise: Exercise) -> dict[str, str]:
    """What is wrong with an exercise's fields as edited, by field (name, aliases, primary, secondary): a name or an
    alias that another exercise already has, an empty or over-long name, a muscle the journal does not know."""
    problems: dict[str, str] = {}
    name = clean_name(exercise.name)
    if not name:
        problems["name"] = "an exercise needs a name"
    elif len(name) > MAX_NAME:
        problems["name"] = f"a name has at most {MAX_NAME} characters"
    else:
        other = find_exercise(name)
        if other is not None and other.id != exercise.id:
            problems["name"] = f"{other.name!r} already has this name or alias"
    for alias in exercise.aliases:
        alias = clean_name(alias)
        if len(alias) > MAX_NAME:
            problems["aliases"] = f"an alias has at most {MAX_NAME} characters"
            break
        other = find_exercise(alias)
        if other is not None and other.id != exercise.id:
            problems["aliases"] = f"{alias!r} is already a name of {other.name!r}"
            break
    for field in ("primary", "secondary"):
        unknown = [m for m in getattr(exercise, field) if m not in MUSCLES]
        if unknown:
            problems[field] = f"not a muscle the journal knows: {', '.join(unknown)}"
    both = set(exercise.primary) & set(exercise.secondary)
    if both and "secondary" not in problems:
        problems["secondary"] = f"already a primary muscle: {', '.join(sorted(both))}"
    return problems


def update_exercise(exercise: Exercise) -> Change:
    """Write an exercise's fields and its aliases (its name is always one of them) in one transaction; refused with
    ValueError naming the first problem (check_exercise) without writing anything."""
    assert exercise.id is not None
    problems = check_exercise(exercise)
    if problems:
        raise ValueError(next(iter(problems.values())))
    name = clean_name(exercise.name)
    names = {name_key(n): clean_name(n) for n in (*exercise.aliases, name) if clean_name(n)}
    with db.atomic():
        ExerciseRow.update(
            name=name,
            mechanic=exercise.mechanic.value if exercise.mechanic else None,
            primary="|".join(exercise.primary),
            secondary="|".join(exercise.secondary),
            equipment=exercise.equipment or "other",
            bodyweight=exercise.bodyweight,
        ).where(ExerciseRow.id == exercise.id).execute()
        AliasRow.delete().where(AliasRow.exercise == exercise.id, AliasRow.key.not_in(list(names))).execute()
        for key, shown in names.items():
            AliasRow.insert(key=key, name=shown, exercise=exercise.id).on_conflict(
                conflict_target=[AliasRow.key], update={AliasRow.name: shown}
            ).execute()
    return Change(exercises=True, everything=True)


@dataclass(frozen=True)
class Merged:
    """What a merge moved, to put it back: the exercise merged away as it was, and the ids of its entries, routine
    items and aliases now under the exercise kept."""

    gone: Exercise
    builtin: bool
    measure: str
    kept: int
    entries: tuple[int, ...]
    items: tuple[int, ...]
    aliases: tuple[int, ...]


def merge_exercises(gone_id: int, kept_id: int) -> tuple[Merged, Change]:
    """Merge one exercise into another in one transaction: every session's entry of it (its sets and plans with it),
    every routine item and every alias, its own name included, move to the exercise kept; it is then removed."""
    if gone_id == kept_id:
        raise ValueError("an exercise cannot be merged into itself")
    gone_row = ExerciseRow.get_by_id(gone_id)
    ExerciseRow.get_by_id(kept_id)
    with db.atomic():
        entries = tuple(e.id for e in EntryRow.select(EntryRow.id).where(EntryRow.exercise == gone_id))
        items = tuple(i.id for i in RoutineItemRow.select(RoutineItemRow.id).where(RoutineItemRow.exercise == gone_id))
        aliases = tuple(a.id for a in AliasRow.select(AliasRow.id).where(AliasRow.exercise == gone_id))
        merged = Merged(
            gone=get_exercise(gone_id),
            builtin=bool(gone_row.builtin),
            measure=gone_row.measure,
            kept=kept_id,
            entries=entries,
            items=items,
            aliases=aliases,
        )
        EntryRow.update(exercise=kept_id).where(EntryRow.exercise == gone_id).execute()
        RoutineItemRow.update(exercise=kept_id).where(RoutineItemRow.exercise == gone_id).execute()
        AliasRow.update(exercise=kept_id).where(AliasRow.exercise == gone_id).execute()
        ExerciseRow.delete().where(ExerciseRow.id == gone_id).execute()
    return merged, Change(exercises=True, everything=True, routines=bool(items))


def unmerge_exercises(merged: Merged) -> Change:
    """Undo a merge: the exercise comes back with its id and fields, and what moved moves back."""
    gone = merged.gone
    with db.atomic():
        ExerciseRow.insert(
            id=gone.id,
            name=gone.name,
            mechanic=gone.mechanic.value if gone.mechanic else None,
            primary="|".join(gone.primary),
            secondary="|".join(gone.secondary),
            equipment=gone.equipment,
            bodyweight=gone.bodyweight,
            measure=merged.measure,
            builtin=merged.builtin,
        ).execute()
        if merged.entries:
            EntryRow.update(exercise=gone.id).where(EntryRow.id.in_(merged.entries)).execute()
        if merged.items:
            RoutineItemRow.update(exercise=gone.id).where(RoutineItemRow.id.in_(merged.items)).execute()
        if merged.aliases:
            AliasRow.update(exercise=gone.id).where(AliasRow.id.in_(merged.aliases)).execute()
    return Change(exercises=True, everything=True, routines=bool(merged.items))


def exercises_without_muscles() -> list[Exercise]:
    """Exercises of the lifter's or an import's (not the catalogue's, whose cardio has no muscles on purpose) with
    sets or in a routine but no muscle named: they count in no muscle's volume."""
    used = EntryRow.select(EntryRow.exercise).union(RoutineItemRow.select(RoutineItemRow.exercise))
    rows = (
        ExerciseRow.select()
        .where(
            (ExerciseRow.primary == "")
            & (ExerciseRow.secondary == "")
            & ~ExerciseRow.builtin
            & ExerciseRow.id.in_(used)
        )
        .order_by(ExerciseRow.name.collate("NOCASE"))
    )
    return [to_exercise(row) for row in rows]


def match_exercises(name: str) -> list[Exercise]:
    """The exercise a name means: the one whose name or alias matches it exactly (folded as find_exercise folds),
    else every exercise with a name or alias holding all of its words (none, one, or several: ambiguous)."""
    found = find_exercise(name)
    if found is not None:
        return [found]
    words = name_key(name).split()
    if not words:
        return []
    ids = sorted({a.exercise_id for a in AliasRow.select() if all(w in a.key for w in words)})
    return [get_exercise(i) for i in ids]
