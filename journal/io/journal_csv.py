# SPDX-License-Identifier: MIT
"""Journal's own CSV: every field of every session, exercise and set, so that export then import into an empty
journal gives the same journal, field for field.

One row a set, in order; a session with no exercises, or an exercise with no sets, has one row with the fields
below it empty. `session` and `entry` number the sessions of the file and the exercises of a session. The `format`
column names the version of this layout: `journal/2` adds `rir_origin` (empty for a rating as entered, `set_type` for
RIR 0 read from a failure set type); a `journal/1` file, without it, still reads. Text that a spreadsheet would run
as a formula (starting with = + - @, a tab or a carriage return) is written with a leading apostrophe, as is text that
starts with one; reading takes exactly one apostrophe off again. Numbers are written so that they read back to the
same value.
"""

from __future__ import annotations

import csv
import dataclasses
import os
import tempfile
from collections.abc import Iterable
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import IO

from journal.domain.cells import escape, unescape
from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Exercise, Measure, Mechanic, RirOrigin, Session, SetRecord, SetType
from journal.domain.validation import ValidationError, check_set
from journal.io.base import Importer, ImportFailed, ImportOptions, ParsedImport, Progress, no_progress
from journal.io.fields import bodyweight, number, session_times, whole
from journal.io.text import header_of, line_count, records

FORMAT = "journal/2"
HEADER_V1 = [
    "format",
    "session",
    "session_start",
    "session_end",
    "session_title",
    "session_bodyweight_kg",
    "session_notes",
    "session_source",
    "session_source_key",
    "entry",
    "exercise",
    "exercise_mechanic",
    "exercise_primary",
    "exercise_secondary",
    "exercise_equipment",
    "exercise_bodyweight",
    "exercise_measure",
    "exercise_note",
    "set_type",
    "load_kg",
    "reps",
    "rir",
    "effort_scale",
    "failure_reps",
    "duration_s",
    "distance_m",
    "set_note",
]
HEADER = [*HEADER_V1, "rir_origin"]
FORMATS = {"journal/1": HEADER_V1, FORMAT: HEADER}  # the versions this reads, by their header


def _num(value: float | int | None) -> str:
    """A number as a plain decimal that reads back as the same float (never '1e-07': imports take no exponents)."""
    if value is None:
        return ""
    text = repr(value)
    return format(Decimal(text), "f") if "e" in text.lower() else text


def write_journal_csv(sessions: Iterable[Session], out: IO[str]) -> tuple[int, int]:
    """Write every session; returns (sessions, sets) written."""
    writer = csv.writer(out)  # CRLF line ends, so a lone carriage return in a note is quoted too
    writer.writerow(HEADER)
    session_count = set_count = 0
    for number_, session in enumerate(sessions, 1):
        session_count += 1
        head = [
            FORMAT,
            number_,
            session.start.isoformat(),
            session.end.isoformat() if session.end else "",
            escape(session.title),
            _num(session.bodyweight_kg),
            escape(session.notes),
            escape(session.source),
            escape(session.source_key) if session.source_key is not None else "",
        ]
        if not session.entries:
            writer.writerow(head + [""] * (len(HEADER) - len(head)))
        for entry_number, entry in enumerate(session.entries, 1):
            exercise = entry.exercise
            entry_fields = [
                entry_number,
                escape(exercise.name),
                exercise.mechanic or "",
                escape("|".join(exercise.primary)),
                escape("|".join(exercise.secondary)),
                escape(exercise.equipment),
                int(exercise.bodyweight),
                exercise.measure.value,
                escape(entry.note),
            ]
            if not entry.sets:
                writer.writerow(head + entry_fields + [""] * (len(HEADER) - len(head) - len(entry_fields)))
            for record in entry.sets:
                set_count += 1
                writer.writerow(
                    head
                    + entry_fields
                    + [
                        record.set_type.value,
                        _num(record.load_kg),
                        _num(record.reps),
                        _num(record.rir),
                        record.effort_scale.value if record.effort_scale else "",
                        _num(record.failure_reps),
                        _num(record.duration_s),
                        _num(record.distance_m),
                        escape(record.note),
                        record.rir_origin.value if record.rir_origin and record.rir is not None else "",
                    ]
                )
    return session_count, set_count


class JournalCsv(Importer):
    name = "journal"
    label = "Journal CSV"

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return header[:2] == HEADER[:2]

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        header = header_of(text)
        version = next((name for name, columns in FORMATS.items() if header == columns), None)
        if version is None:
            raise ImportFailed(1, "not a Journal CSV of this version: the header differs")
        sessions: list[Session] = []
        current: tuple[str, Session, list[Entry]] | None = None
        rows = 0
        total = line_count(text)

        def close() -> None:
            if current is not None:
                sessions.append(dataclasses.replace(current[1], entries=tuple(current[2])))

        for record in records(text, ","):
            line, fields = record.line, record.fields
            if len(fields) != len(header):
                raise ImportFailed(line, f"{len(fields)} fields where the header has {len(header)}")
            rows += 1
            if rows % 2000 == 0:
                progress(line, total)
            row = dict(zip(header, fields, strict=True))
            if row["format"] != version:
                raise ImportFailed(line, f"format '{row['format']}' is not {version}")
            if current is None or current[0] != row["session"]:
                close()
                try:
                    session = Session(
                        start=datetime.fromisoformat(row["session_start"]),
                        end=datetime.fromisoformat(row["session_end"]) if row["session_end"] else None,
                        title=unescape(row["session_title"]),
                        bodyweight_kg=bodyweight(row["session_bodyweight_kg"], line),
                        notes=unescape(row["session_notes"]),
                        source=unescape(row["session_source"]) or "manual",
                        source_key=unescape(row["session_source_key"]) or None,
                    )
                except ValueError as error:
                    raise ImportFailed(line, f"session date: {error}") from None
                if session.start.tzinfo is not None or (session.end is not None and session.end.tzinfo is not None):
                    raise ImportFailed(
                        line, "the session time has a time zone: write it as local time, like 2026-01-05T18:00:00"
                    )
                session_times(session.start, session.end, line)
                current = (row["session"], session, [])
            entries = current[2]
            if row["entry"]:
                if not unescape(row["exercise"]).strip():
                    raise ImportFailed(line, "the exercise name is empty")
                if not entries or str(len(entries)) != row["entry"]:
                    entries.append(Entry(exercise=self._exercise(row, line), note=unescape(row["exercise_note"])))
                if row["set_type"]:
                    done = self._set(row, line)
                    if (done.load_kg or 0.0) < 0 and not entries[-1].exercise.bodyweight:
                        raise ImportFailed(line, "a negative load (assistance) is for bodyweight exercises only")
                    entries[-1] = Entry(
                        exercise=entries[-1].exercise,
                        note=entries[-1].note,
                        sets=(*entries[-1].sets, done),
                    )
        close()
        progress(total, total)
        return ParsedImport(self.label, sessions, rows=rows)

    @staticmethod
    def _exercise(row: dict[str, str], line: int) -> Exercise:
        """The exercise as the exporting journal knew it; used as is when its name is new here."""
        try:
            return Exercise(
                id=None,
                name=unescape(row["exercise"]),
                mechanic=Mechanic(row["exercise_mechanic"]) if row["exercise_mechanic"] else None,
                primary=tuple(filter(None, unescape(row["exercise_primary"]).split("|"))),
                secondary=tuple(filter(None, unescape(row["exercise_secondary"]).split("|"))),
                equipment=unescape(row["exercise_equipment"]) or "other",
                bodyweight=row["exercise_bodyweight"] == "1",
                measure=Measure(row["exercise_measure"] or "reps"),
            )
        except ValueError as error:
            raise ImportFailed(line, f"exercise: {error}") from None

    @staticmethod
    def _set(row: dict[str, str], line: int) -> SetRecord:
        try:
            set_type = SetType(row["set_type"])
            scale = EffortScale(row["effort_scale"]) if row["effort_scale"] else None
            origin = RirOrigin(row["rir_origin"]) if row.get("rir_origin") else None
        except ValueError as error:
            raise ImportFailed(line, str(error)) from None
        record = SetRecord(
            set_type=set_type,
            load_kg=number(row["load_kg"], line, "load"),
            reps=whole(row["reps"], line, "reps"),
            rir=number(row["rir"], line, "rir"),
            effort_scale=scale,
            failure_reps=whole(row["failure_reps"], line, "failure reps"),
            duration_s=number(row["duration_s"], line, "duration"),
            distance_m=number(row["distance_m"], line, "distance"),
            note=unescape(row["set_note"]),
        )
        if origin is not None and record.rir is not None:
            record = record.replace(rir_origin=origin)
        try:
            check_set(record)
        except ValidationError as error:
            raise ImportFailed(line, f"{error.field}: {error.message}") from None
        return record


def export_file(path: Path, sessions: Iterable[Session]) -> tuple[int, int]:
    """Write `sessions` to `path` atomically, readable by the user only; a half-written export never replaces a
    good file. Returns (sessions, sets)."""
    out = path.absolute()
    handle, temporary = tempfile.mkstemp(prefix=".journal-export-", suffix=".csv", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            counts = write_journal_csv(sessions, stream)
        os.replace(temporary, out)
    except BaseException:
        os.unlink(temporary)
        raise
    return counts
