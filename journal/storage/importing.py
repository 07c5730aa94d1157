# SPDX-License-Identifier: MIT
"""Writing an import: the exercise each imported name maps to (remembered as an alias), a backup first, then every
session in one transaction; sessions already imported are skipped, but a day already imported from an app that keys
its sessions by date (FitNotes) gets the sets logged since (storage/topping.py)."""

from __future__ import annotations

import dataclasses
import os
import sqlite3
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime
from itertools import chain
from operator import attrgetter
from pathlib import Path

import peewee

from journal.domain.names import clean_name, equipment_of, name_key, name_variants, word_set
from journal.domain.records import Exercise, Session
from journal.domain.routines import Routine
from journal.io.leftout import LeftOut
from journal.storage.backup import DEFAULT_KEEP, backup_to
from journal.storage.bulk import BulkResult, held_keys, insert_sessions
from journal.storage.changes import Change
from journal.storage.database import JournalFileError, storage_reason
from journal.storage.exercises import alias_keys, create_exercise, find_exercise, list_exercises
from journal.storage.models import AliasRow, ExerciseRow, db
from journal.storage.routines import list_routines, save_routine
from journal.storage.topping import TOPPED_UP, TopUp, top_up

_LOAD, _SETS, _ENTRIES = attrgetter("load_kg"), attrgetter("sets"), attrgetter("entries")
_EXERCISE, _NAME = attrgetter("exercise"), attrgetter("name")


class ImportRefused(JournalFileError):
    """An import that would store something the journal cannot mean; nothing was written."""


def assisted_names(sessions: Iterable[Session]) -> set[str]:
    """The imported exercise names with a negative load (assistance, as Fitbod writes an assisted chin-up). The
    loads are looked at in C: all at once first (most files have no assistance), then an exercise at a time."""
    entries = list(chain.from_iterable(map(_ENTRIES, sessions)))
    # the lowest load other than none and 0 (neither is assistance)
    if min(filter(None, map(_LOAD, chain.from_iterable(map(_SETS, entries)))), default=0.0) >= 0:
        return set()
    return {entry.exercise.name for entry in entries if min(filter(None, map(_LOAD, entry.sets)), default=0.0) < 0}


def _check_assistance(assisted: set[str], resolved: dict[str, int]) -> None:
    """Assistance is a negative load on a bodyweight exercise: refuse one mapped onto a loaded exercise."""
    for name in sorted(assisted):
        row = ExerciseRow.get_by_id(resolved[name_key(name)])
        if not row.bodyweight:
            raise ImportRefused(
                f"'{name}' has negative loads (assistance) but is mapped to '{row.name}', which is not a "
                "bodyweight exercise: map it to a bodyweight exercise, or mark that exercise as bodyweight"
            )


@dataclass(frozen=True)
class Proposal:
    """The catalogue exercise an imported name would map to, or None for a new exercise, and why."""

    name: str
    exercise: Exercise | None
    how: str  # "same name", "alias", "guess: …" or "new"


def propose(names: Iterable[str]) -> list[Proposal]:
    """For each imported name: the exercise of that name or alias, else of a spelling variant with the same
    equipment, else of the same words in another order, else a new exercise. (The catalogue and its aliases are
    read once, not once a name.)"""
    exercises = {exercise.id: exercise for exercise in list_exercises()}
    keys = alias_keys()
    by_words: dict[frozenset[str], Exercise] = {}
    for exercise in exercises.values():
        for spelling in (exercise.name, *exercise.aliases):
            by_words.setdefault(word_set(spelling), exercise)

    def find(name: str) -> Exercise | None:  # as find_exercise finds it: without its aliases
        found = keys.get(name_key(name))
        return None if found is None else dataclasses.replace(exercises[found], aliases=())

    proposals = []
    for name in names:
        found = find(name)
        if found is not None:
            how = "same name" if name_key(found.name) == name_key(name) else "known alias"
            proposals.append(Proposal(name, found, how))
            continue
        equipment = equipment_of(name)
        for variant in name_variants(name):
            found = find(variant)
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
    added: tuple[Session, ...]  # the sessions written, for undo and redo
    resolved: dict[str, int]  # name key -> exercise id, as chosen for this import
    topped: tuple[TopUp, ...] = ()  # sets added to days already imported (FitNotes), for undo and redo
    routines: tuple[Routine, ...] = ()  # routines added (Journal CSV), as stored, for undo and redo
    left_out: Path | None = None  # the file keeping the rows the import left out

    @property
    def topped_sets(self) -> int:
        return sum(len(done.entry.sets) for done in self.topped)


def left_out_dir(db_path: Path) -> Path:
    """Where the rows imports left out are kept: `left-out/` beside the journal file and its `backups/`."""
    return db_path.parent / "left-out"


def _write_whole(path: Path, text: str) -> None:
    """Write under a hidden name, sync, rename: a kill leaves no partial file under the real name."""
    hidden = path.with_name(f".{path.name}.partial")
    try:
        with hidden.open("w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        hidden.replace(path)
    finally:
        hidden.unlink(missing_ok=True)


def keep_left_out(left: LeftOut, db_path: Path) -> Path:
    """Keep the rows an import leaves out: `NAME-TIME.csv` (the file's header and those rows as written, to mend and
    import again) and `NAME-TIME.txt` (each row's line and reason) in left_out_dir. Returns the CSV file."""
    folder = left_out_dir(db_path)
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    stem = f"{Path(left.source).stem}-{datetime.now():%Y%m%d-%H%M%S}"
    target = folder / f"{stem}.csv"
    count = 1
    while target.exists():
        count += 1
        target = folder / f"{stem}-{count}.csv"
    _write_whole(target.with_suffix(".txt"), left.reasons_text())
    _write_whole(target, left.csv_text())
    return target


def _resolve(choices: dict[str, int | None], templates: dict[str, Exercise], remember: bool) -> dict[str, int]:
    """The exercise each imported name is stored as: the one chosen, or a new one (taking the name from an alias
    if it must). With `remember`, a choice is kept as an alias for next time, unless the name is some
    exercise's own name: a catalogue name is never taken over."""
    resolved: dict[str, int] = {}
    for name, exercise_id in choices.items():
        key = name_key(name)
        existing = find_exercise(name)
        if exercise_id is None:
            if existing is not None and name_key(existing.name) == key:
                exercise_id = existing.id
            else:
                template = templates.get(name)
                exercise_id = create_exercise(clean_name(name), template, take_alias=True)[0].id
        elif remember and (existing is None or name_key(existing.name) != key):
            AliasRow.insert(key=key, name=clean_name(name), exercise=exercise_id).on_conflict(
                conflict_target=[AliasRow.key], update={AliasRow.exercise: exercise_id}
            ).execute()
        assert exercise_id is not None
        resolved[key] = exercise_id
    return resolved


def import_sessions(
    sessions: list[Session],
    choices: dict[str, int | None],
    db_path: Path | None,
    progress: Callable[[int], None] = lambda done: None,
    remember: bool = True,
    keep: int = DEFAULT_KEEP,
    routines: Iterable[Routine] = (),
    left: LeftOut | None = None,
) -> ImportResult:
    """Back up the file, then in one transaction resolve the names, create new exercises and insert the sessions
    the journal does not hold yet; the newest `keep` backups taken before an import are kept. The rows the import
    leaves out (`left`) are kept first (see keep_left_out), and their file removed again when the import fails."""
    assisted = assisted_names(sessions)
    named = list(map(_EXERCISE, chain.from_iterable(map(_ENTRIES, sessions))))
    templates = dict(zip(map(_NAME, named), named, strict=True))  # each name's last exercise, as given
    for name in assisted & templates.keys():
        templates[name] = dataclasses.replace(templates[name], bodyweight=True)
    kept: Path | None = None
    try:
        backup = backup_to(db.obj, db_path, "before-import", keep) if db_path is not None else None
        if left is not None and db_path is not None:
            try:
                kept = keep_left_out(left, db_path)
            except OSError as error:
                raise JournalFileError(f"the rows left out could not be kept: {error.strerror or error}") from error
        with db.atomic():
            resolved = _resolve(choices, templates, remember)
            _check_assistance(assisted, resolved)
            held = held_keys()[0]
            again = [s for s in sessions if s.source in TOPPED_UP and (s.source, s.source_key) in held]
            result: BulkResult = insert_sessions(sessions, progress, resolved)
            topped = top_up(again, resolved)
            added_routines = _add_routines(routines, resolved)
    except BaseException as error:
        if kept is not None:  # nothing was imported: nothing was left out
            kept.unlink(missing_ok=True)
            kept.with_suffix(".txt").unlink(missing_ok=True)
        if isinstance(error, sqlite3.Error | peewee.DatabaseError):  # locked, full, read-only: nothing was written
            where = f"the journal {db_path}" if db_path is not None else "the journal"
            raise JournalFileError(f"{where} could not be written: {storage_reason(error)}") from error
        raise
    touched = frozenset(done.session_id for done in topped)
    change = Change(
        sessions=result.change.sessions | touched, exercises=True, everything=True, routines=bool(added_routines)
    )
    return ImportResult(
        result.sessions,
        result.sets + sum(len(done.entry.sets) for done in topped),
        result.duplicates,
        result.session_ids,
        backup,
        change,
        result.added,
        resolved,
        topped,
        added_routines,
        kept,
    )


def new_routines(routines: Iterable[Routine]) -> list[Routine]:
    """The routines of an import whose names the journal does not hold yet (a routine is known by its name)."""
    held = {routine.name.casefold() for routine in list_routines()}
    return [routine for routine in routines if routine.name.casefold() not in held]


def _add_routines(routines: Iterable[Routine], resolved: dict[str, int]) -> tuple[Routine, ...]:
    """Save the routines not held yet, each item's exercise as its name was resolved."""
    added = []
    for routine in new_routines(routines):
        items = tuple(
            dataclasses.replace(
                item, id=None, exercise=dataclasses.replace(item.exercise, id=resolved[name_key(item.exercise.name)])
            )
            for item in routine.items
        )
        added.append(save_routine(dataclasses.replace(routine, id=None, items=items))[0])
    return tuple(added)
