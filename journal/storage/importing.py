# SPDX-License-Identifier: MIT
"""Writing an import: the exercise each imported name maps to (remembered as an alias), a backup first, then every
session in one transaction; sessions already imported are skipped."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from journal.domain.names import clean_name, equipment_of, name_key, name_variants, word_set
from journal.domain.records import Exercise, Session
from journal.storage.backup import backup_to
from journal.storage.bulk import BulkResult, insert_sessions
from journal.storage.changes import Change
from journal.storage.exercises import create_exercise, find_exercise, list_exercises
from journal.storage.models import AliasRow, SessionRow, db


@dataclass(frozen=True)
class Proposal:
    """The catalogue exercise an imported name would map to, or None for a new exercise, and why."""

    name: str
    exercise: Exercise | None
    how: str  # "same name", "alias", "guess: …" or "new"


def propose(names: Iterable[str]) -> list[Proposal]:
    """For each imported name: the exercise of that name or alias, else of a spelling variant with the same
    equipment, else of the same words in another order, else a new exercise."""
    by_words: dict[frozenset[str], Exercise] = {}
    for exercise in list_exercises():
        for spelling in (exercise.name, *exercise.aliases):
            by_words.setdefault(word_set(spelling), exercise)
    proposals = []
    for name in names:
        found = find_exercise(name)
        if found is not None:
            how = "same name" if name_key(found.name) == name_key(name) else "known alias"
            proposals.append(Proposal(name, found, how))
            continue
        equipment = equipment_of(name)
        for variant in name_variants(name):
            found = find_exercise(variant)
            if found is not None and equipment in (None, found.equipment):
                proposals.append(Proposal(name, found, f"guess from “{variant}”"))
                break
        else:
            found = by_words.get(word_set(name))
            proposals.append(Proposal(name, found, "guess: same words") if found else Proposal(name, None, "new"))
    return proposals


@dataclass(frozen=True)
class ImportResult:
    sessions: int
    sets: int
    duplicates: int
    session_ids: tuple[int, ...]
    backup: Path | None
    change: Change


def _apply_choices(choices: dict[str, int | None]) -> bool:
    """Remember each imported name as an alias of the exercise chosen for it; create the new ones."""
    created = False
    for name, exercise_id in choices.items():
        if exercise_id is None:
            existing = find_exercise(name)
            if existing is None or name_key(existing.name) != name_key(name):
                create_exercise(clean_name(name), take_alias=True)
                created = True
        else:
            AliasRow.insert(key=name_key(name), alias=clean_name(name), exercise=exercise_id).on_conflict(
                conflict_target=[AliasRow.key], update={AliasRow.exercise: exercise_id}).execute()
    return created


def _unkeyed_duplicates(sessions: list[Session]) -> list[Session]:
    """Sessions without a source key (Journal's own CSV of hand-logged sessions) that the journal already holds,
    by source, start and title."""
    held = set(SessionRow.select(SessionRow.source, SessionRow.start, SessionRow.title)
               .where(SessionRow.source_key.is_null()).tuples())
    return [s for s in sessions if s.source_key is None and (s.source, s.start, s.title) in held]


def import_sessions(sessions: list[Session], choices: dict[str, int | None], db_path: Path | None,
                    progress: Callable[[int], None] = lambda done: None) -> ImportResult:
    """Back up the file, then in one transaction map names, create exercises and insert the new sessions."""
    backup = backup_to(db.obj, db_path, "before-import") if db_path is not None else None
    with db.atomic():
        created = _apply_choices(choices)
        skip = {id(s) for s in _unkeyed_duplicates(sessions)}
        result: BulkResult = insert_sessions((s for s in sessions if id(s) not in skip), progress)
    change = Change(sessions=result.change.sessions, exercises=True, everything=True) if created or choices \
        else result.change
    return ImportResult(result.sessions, result.sets, result.duplicates + len(skip), result.session_ids, backup,
                        change)
