# SPDX-License-Identifier: MIT
"""Journal's own CSV: every field of every session, exercise and set, so that export then import into an empty
journal gives the same journal, field for field.

One row a set, in order; a session with no exercises, or an exercise with no sets, has one row with the fields
below it empty. `session` and `entry` number the sessions of the file and the exercises of a session. The `format`
column names the version of this layout: `journal/2` adds `rir_origin` (empty for a rating as entered, `set_type` for
RIR 0 read from a failure set type); `journal/3` adds `superset` (the number of the exercise's superset in its
session or routine, empty for none) and the routines, after the sessions: one row a routine item (its exercise in the
exercise columns, the session and set columns empty; a routine without items has one row with the exercise empty),
numbered by `routine`, with `routine_name`, `routine_notes` and the item's planned sets (`item_sets` ×
`item_reps_low`–`item_reps_high` at `item_target_rir` on `item_target_scale`, a fixed `item_load_kg`, `item_rest_s`,
`item_notes`, `item_calibration`, and `item_warmup`, 1 for a warm-up ramp). `journal/1` and `journal/2` files still
read. Text that a spreadsheet would run
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
from typing import IO, Any

from journal.domain.cells import escape, unescape
from journal.domain.effort import RIR_MAX, EffortScale, is_half_step
from journal.domain.records import Entry, Exercise, Measure, Mechanic, RirOrigin, Session, SetRecord, SetType
from journal.domain.routines import Routine, RoutineItem
from journal.domain.validation import LOAD_MAX_KG, REPS_MAX, ValidationError, check_set
from journal.io.base import Importer, ImportFailed, ImportOptions, ParsedImport, Progress, no_progress
from journal.io.fields import bodyweight, number, session_times, whole
from journal.io.text import header_of, line_count, records

FORMAT = "journal/3"
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
HEADER_V2 = [*HEADER_V1, "rir_origin"]
ROUTINE_COLUMNS = [
    "routine",
    "routine_name",
    "routine_notes",
    "item_sets",
    "item_reps_low",
    "item_reps_high",
    "item_target_rir",
    "item_target_scale",
    "item_load_kg",
    "item_rest_s",
    "item_notes",
    "item_calibration",
    "item_warmup",
]
HEADER = [*HEADER_V2, "superset", *ROUTINE_COLUMNS]
FORMATS = {"journal/1": HEADER_V1, "journal/2": HEADER_V2, FORMAT: HEADER}  # the versions this reads, by their header


def _num(value: float | int | None) -> str:
    """A number as a plain decimal that reads back as the same float (never '1e-07': imports take no exponents)."""
    if value is None:
        return ""
    text = repr(value)
    return format(Decimal(text), "f") if "e" in text.lower() else text


def _exercise_fields(exercise: Exercise) -> list[object]:
    return [
        escape(exercise.name),
        exercise.mechanic or "",
        escape("|".join(exercise.primary)),
        escape("|".join(exercise.secondary)),
        escape(exercise.equipment),
        int(exercise.bodyweight),
        exercise.measure.value,
    ]


def _write_routines(writer: Any, routines: Iterable[Routine]) -> None:
    """The routines after the sessions: one row a routine item, the session and set columns empty."""
    sessionless = [FORMAT] + [""] * (HEADER.index("entry") - 1)
    no_set = [""] * (len(HEADER_V2) - HEADER.index("set_type"))
    for number_, routine in enumerate(routines, 1):
        head = [number_, escape(routine.name), escape(routine.notes)]
        if not routine.items:
            writer.writerow(
                sessionless + [""] * (len(HEADER_V2) - len(sessionless) + 1) + head + [""] * (len(ROUTINE_COLUMNS) - 3)
            )
        for position, item in enumerate(routine.items, 1):
            writer.writerow(
                sessionless
                + [position, *_exercise_fields(item.exercise), ""]
                + no_set
                + [_num(item.superset)]
                + head
                + [
                    item.sets,
                    item.reps_low,
                    item.reps_high,
                    _num(item.target_rir),
                    item.target_scale.value,
                    _num(item.load_kg),
                    "" if item.rest_s is None else item.rest_s,
                    escape(item.notes),
                    int(item.calibration),
                    int(item.warmup),
                ]
            )


def write_journal_csv(sessions: Iterable[Session], out: IO[str], routines: Iterable[Routine] = ()) -> tuple[int, int]:
    """Write every session, then every routine; returns (sessions, sets) written."""
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
            entry_fields = [entry_number, *_exercise_fields(exercise), escape(entry.note)]
            group = _num(entry.superset)
            if not entry.sets:
                padding = [""] * (len(HEADER_V2) - len(head) - len(entry_fields))
                writer.writerow(head + entry_fields + padding + [group] + [""] * len(ROUTINE_COLUMNS))
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
                        group,
                    ]
                    + [""] * len(ROUTINE_COLUMNS)
                )
    _write_routines(writer, routines)
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
        routines: dict[str, tuple[Routine, list[RoutineItem]]] = {}  # by their number in the file
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
            if row.get("routine"):
                self._routine_row(row, line, routines)
                continue
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
                    entries.append(
                        Entry(
                            exercise=self._exercise(row, line),
                            note=unescape(row["exercise_note"]),
                            superset=_superset(row, line),
                        )
                    )
                if row["set_type"]:
                    done = self._set(row, line)
                    if (done.load_kg or 0.0) < 0 and not entries[-1].exercise.bodyweight:
                        raise ImportFailed(line, "a negative load (assistance) is for bodyweight exercises only")
                    entries[-1] = dataclasses.replace(entries[-1], sets=(*entries[-1].sets, done))
        close()
        progress(total, total)
        parsed = ParsedImport(self.label, sessions, rows=rows)
        parsed.routines = [dataclasses.replace(r, items=tuple(items)) for r, items in routines.values()]
        return parsed

    def _routine_row(
        self, row: dict[str, str], line: int, routines: dict[str, tuple[Routine, list[RoutineItem]]]
    ) -> None:
        """A routine's row: the routine (the first time its number is seen) and one of its items."""
        if row["session"]:
            raise ImportFailed(line, "a routine's row has session fields")
        name = unescape(row["routine_name"]).strip()
        if not name:
            raise ImportFailed(line, "the routine's name is empty")
        if row["routine"] not in routines:
            if any(r.name.casefold() == name.casefold() for r, _ in routines.values()):
                raise ImportFailed(line, f"the routine '{name}' is in the file twice")
            routines[row["routine"]] = (Routine(name=name, notes=unescape(row["routine_notes"])), [])
        if not row["entry"]:
            return
        if not unescape(row["exercise"]).strip():
            raise ImportFailed(line, "the exercise name is empty")
        routines[row["routine"]][1].append(_item(row, self._exercise(row, line), line))

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


def _item(row: dict[str, str], exercise: Exercise, line: int) -> RoutineItem:
    """A routine item's planned sets, in the limits the routine editor keeps."""
    sets, low, high = (whole(row[name], line, name) for name in ("item_sets", "item_reps_low", "item_reps_high"))
    if not sets or not low or not high or low > high or max(sets, high) > REPS_MAX:
        raise ImportFailed(line, "the item's sets and rep range must be whole numbers, the range from low to high")
    target = number(row["item_target_rir"], line, "target RIR")
    if target is not None and not (0 <= target <= RIR_MAX and is_half_step(target)):
        raise ImportFailed(line, f"target RIR {target:g} is not 0 to 10 in half steps")
    load = number(row["item_load_kg"], line, "load")
    if load is not None and not 0 <= load <= LOAD_MAX_KG:
        raise ImportFailed(line, f"load {load:g} kg is not between 0 and {LOAD_MAX_KG:g} kg")
    try:
        scale = EffortScale(row["item_target_scale"] or "rir")
    except ValueError as error:
        raise ImportFailed(line, str(error)) from None
    for flag in ("item_calibration", "item_warmup"):
        if row[flag] not in ("", "0", "1"):
            raise ImportFailed(line, f"{flag} '{row[flag]}' is neither 0 nor 1")
    return RoutineItem(
        exercise=exercise,
        sets=sets,
        reps_low=low,
        reps_high=high,
        target_rir=target,
        target_scale=scale,
        load_kg=load,
        rest_s=whole(row["item_rest_s"], line, "rest"),
        notes=unescape(row["item_notes"]),
        calibration=row["item_calibration"] == "1",
        warmup=row["item_warmup"] == "1",
        superset=_superset(row, line),
    )


def export_file(path: Path, sessions: Iterable[Session], routines: Iterable[Routine] = ()) -> tuple[int, int]:
    """Write `sessions` to `path` atomically, readable by the user only; a half-written export never replaces a
    good file. Returns (sessions, sets)."""
    out = path.absolute()
    handle, temporary = tempfile.mkstemp(prefix=".journal-export-", suffix=".csv", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            counts = write_journal_csv(sessions, stream, routines)
        os.replace(temporary, out)
    except BaseException:
        os.unlink(temporary)
        raise
    return counts


def _superset(row: dict[str, str], line: int) -> int | None:
    """The exercise's superset number (journal/3), None for none or in an older file."""
    text = row.get("superset", "")
    return whole(text, line, "superset") if text else None
