# SPDX-License-Identifier: MIT
"""Collecting rows into sessions and their exercises, in the order the file gives them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from operator import attrgetter

from journal.domain.records import Entry, Exercise, Session, SetRecord
from journal.domain.validation import ValidationError, check_set
from journal.io.base import ImportFailed, ParsedImport
from journal.io.fields import with_effort_from_note

_NOTE = attrgetter("note")


@dataclass
class _Entry:
    name: str
    note: str = ""
    sets: list[SetRecord] = field(default_factory=list)
    superset: int | None = None


@dataclass
class _Session:
    fields: dict[str, object]  # the Session's fields but its entries, made a Session once every row is read
    entries: list[_Entry] = field(default_factory=list)


def checked(record: SetRecord, line: int) -> SetRecord:
    """The set, once it passes the checks every imported set passes (those of the set table's cells)."""
    try:
        check_set(record)
    except ValidationError as error:
        raise ImportFailed(line, f"{error.field}: {error.message}") from None
    return record


class SessionBuilder:
    def __init__(self, source: str) -> None:
        self.source = source
        self._sessions: dict[str, _Session] = {}

    def session(self, key: str, start: datetime, **fields: object) -> str:
        """The session under `key` (the source key), created with `fields` the first time it is seen."""
        if key not in self._sessions:
            self._sessions[key] = _Session({"start": start, "source": self.source, "source_key": key, **fields})
        return key

    def update(self, key: str, **fields: object) -> None:
        self._sessions[key].fields.update(fields)

    def entry(self, key: str, name: str, note: str = "", new: bool = False, superset: int | None = None) -> _Entry:
        """The exercise being added to: the last one if it has this name (and `new` is not asked), else a new one
        (in the superset numbered `superset`, if any)."""
        entries = self._sessions[key].entries
        if new or not entries or entries[-1].name != name:
            entries.append(_Entry(name, note, superset=superset))
        elif note and not entries[-1].note:
            entries[-1].note = note
        return entries[-1]

    def add_set(self, key: str, name: str, record: SetRecord, line: int, note: str = "", new: bool = False) -> None:
        """Add a set to the exercise being added to (see entry), after the checks every set passes."""
        self.entry(key, name, note, new).sets.append(checked(record, line))

    def result(self, fmt: str, effort_from_notes: bool, **fields: object) -> ParsedImport:
        """Sessions oldest first, each exercise's sets in file order; effort read from notes when asked."""
        sessions = []
        from_notes = 0
        exercises: dict[str, Exercise] = {}
        slots = sorted(self._sessions.values(), key=lambda s: s.fields["start"])  # type: ignore[arg-type, return-value]
        for slot in slots:
            entries = []
            for entry in slot.entries:
                sets = tuple(entry.sets)
                if effort_from_notes and any(map(_NOTE, sets)):
                    found = [with_effort_from_note(record) for record in sets]
                    from_notes += sum(f is not None for f in found)
                    sets = tuple(f or record for f, record in zip(found, sets, strict=True))
                if entry.name not in exercises:
                    exercises[entry.name] = Exercise(id=None, name=entry.name)
                entries.append(
                    Entry(exercise=exercises[entry.name], sets=sets, note=entry.note, superset=entry.superset)
                )
            sessions.append(Session(**slot.fields, entries=tuple(entries)))  # type: ignore[arg-type]
        return ParsedImport(fmt, sessions, effort_from_notes=from_notes, **fields)  # type: ignore[arg-type]
