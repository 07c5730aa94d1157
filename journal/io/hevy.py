# SPDX-License-Identifier: MIT
"""Hevy's CSV export: one row a set, newest workout first, dates in the phone's language and format.

`title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg`
(or `weight_lbs`)`,reps,distance_km` (or `distance_miles`)`,duration_seconds,rpe`. set_type is normal, warmup,
failure or dropset (a failure set without rpe reached failure: RIR 0 "from set type"); set_index counts from 0;
superset_id (0, 1… within a workout, empty for none) groups exercises done in turn: read as superset 1, 2…; cardio
rows have distance and duration only.
"""

from __future__ import annotations

from journal.domain.effort import EffortScale
from journal.domain.records import SetRecord, SetType, rated_by_set_type
from journal.domain.units import Unit
from journal.io.base import (
    Importer,
    ImportFailed,
    ImportOptions,
    ParsedImport,
    Problem,
    Progress,
    Recorder,
    no_progress,
)
from journal.io.builder import SessionBuilder, checked
from journal.io.fields import load_kg, number, rpe_to_rir, session_times, when, whole
from journal.io.text import checked_records, column, header_of, positions, require

REQUIRED = ("title", "start_time", "exercise_title", "set_index", "set_type", "reps")
_SET_TYPES = {"normal": SetType.WORKING, "warmup": SetType.WARMUP, "failure": SetType.FAILURE, "dropset": SetType.DROP}


class HevyCsv(Importer):
    name = "hevy"
    label = "Hevy"

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return all(name in header for name in REQUIRED)

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        """A workout's fields repeat on each of its sets, and most sets repeat ones seen before: what they were read
        as is remembered under the fields as written, as in the Strong reader."""
        header = header_of(text)
        require(header, REQUIRED, self.label)
        col = set(header)
        unit = Unit.LB if "weight_lbs" in col else Unit.KG
        weight = "weight_lbs" if unit is Unit.LB else "weight_kg"
        distance, per_metre = ("distance_miles", 1609.344) if "distance_miles" in col else ("distance_km", 1000.0)
        session_fields = positions(header, "start_time", "end_time", "title", "description")
        set_fields = positions(header, "set_type", "set_index", "rpe", distance, weight, "reps", "duration_seconds")
        exercise_at, notes_at = column(header, "exercise_title"), column(header, "exercise_notes")
        superset_at = column(header, "superset_id")
        builder = SessionBuilder("hevy")
        sessions: dict[tuple[str, ...], str] = {}  # start, end, title, description as written -> session key
        sets: dict[tuple[str, ...], tuple[SetRecord, bool]] = {}  # -> the set, and whether it starts an exercise

        def session(written: tuple[str, ...], line: int) -> str:
            start_text, end_text, title, description = (field.strip() for field in written)
            start = when(start_text, line)
            end = when(end_text, line) if end_text else None
            session_times(start, end, line)
            return builder.session(f"{start.isoformat()}|{title}", start, title=title, end=end, notes=description)

        def set_record(written: tuple[str, ...], line: int) -> tuple[SetRecord, bool]:
            kind, index, rpe, metres, load, reps, seconds = (field.strip() for field in written)
            set_type = _SET_TYPES.get(kind.lower())
            if set_type is None:
                raise ImportFailed(line, f"set type '{kind}' is not normal, warmup, failure or dropset")
            first = whole(index, line, "set index") == 0
            rir = rpe_to_rir(number(rpe, line, "rpe"), line)
            distance_m = number(metres, line, "distance")
            return checked(
                rated_by_set_type(
                    SetRecord(
                        set_type=set_type,
                        load_kg=load_kg(number(load, line, "weight"), unit, line),
                        reps=whole(reps, line, "reps"),
                        rir=rir,
                        effort_scale=None if rir is None else EffortScale.RPE,
                        duration_s=number(seconds, line, "duration") or None,
                        distance_m=distance_m * per_metre if distance_m else None,
                    )
                ),
                line,
            ), first

        adding: tuple[str, str] | None = None  # the session and exercise the last set went to
        added_to: list[SetRecord] = []  # and the sets it went into
        count = 0
        problems: list[Problem] = []
        recorder = Recorder(problems)
        # the count of rows is read after the loop
        for count, (line, fields) in enumerate(checked_records(text, header, progress), 1):  # noqa: B007
            try:
                of_session = session_fields(fields)
                key = sessions.get(of_session) or sessions.setdefault(of_session, session(of_session, line))
                exercise = fields[exercise_at].strip()
                if not exercise:
                    raise ImportFailed(line, "the exercise title is empty")
                of_set = set_fields(fields)
                record, first = sets.get(of_set) or sets.setdefault(of_set, set_record(of_set, line))
                note = fields[notes_at].strip()
                if first or note or (key, exercise) != adding:  # else the set goes where the previous row's went
                    group = whole(fields[superset_at].strip(), line, "superset id")
                    superset = None if group is None else group + 1
                    adding, added_to = (key, exercise), builder.entry(key, exercise, note, first, superset).sets
                added_to.append(record)
            except ImportFailed as refused:
                if recorder.failed(refused):
                    break
        return builder.result(self.label, options.effort_from_notes, problems=problems, units=unit, rows=count)
