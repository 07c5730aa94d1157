# SPDX-License-Identifier: MIT
"""Strong's CSV export, in the header variants seen in the wild.

Comma or semicolon; every field possibly quoted; with or without `Workout #`, `Duration` or `Duration (sec)`,
`Weight`/`Weight (kg)`/`Weight (lbs)` with or without a `Weight Unit` column, `Distance`/`Distance (meters)` with or
without `Distance Unit`, `Seconds`, `Notes`, `Workout Notes`, `RPE`. `Set Order` is a number or W (warm-up), D
(drop), F (failure); rows whose set order is `Note` or `Rest Timer` are not sets (a note belongs to its exercise). A
negative weight is assistance on an assisted bodyweight exercise, kept as a negative load; a numbered set whose note
starts with `back-off` is a back-off set (as Journal's Strong CSV writes one).
RPE 0 or empty is not recorded; an F set without RPE reached failure, RIR 0 "from set type". A file without a unit
uses the one the lifter chooses. Headers in other languages, old unit-named columns (`kg`, `km`) and files without a
header line are read through strong_columns.
"""

from __future__ import annotations

import csv
from collections import Counter
from dataclasses import replace
from datetime import timedelta

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
    units_not_stated,
)
from journal.io.builder import SessionBuilder, checked
from journal.io.fields import (
    duration_text,
    load_kg,
    metres,
    number,
    remembered,
    rpe_to_rir,
    unit_word,
    weight_column,
    when,
    whole,
)
from journal.io.strong_columns import (
    REST_TIMER_WORDS,
    SAMPLE_ROWS,
    Layout,
    LayoutGuessed,
    guess_layout,
    in_english,
)
from journal.io.text import checked_records, column, delimiter_of, first_line, header_of, positions, records, require

REQUIRED = ("Date", "Workout Name", "Exercise Name", "Set Order", "Reps")
_SET_ORDER = {"W": SetType.WARMUP, "D": SetType.DROP, "F": SetType.FAILURE}
BACKOFF_NOTE = "back-off"  # Strong has no back-off set: Journal's Strong CSV writes a numbered set with this note


def backoff(order: str, note: str) -> tuple[SetType, str]:
    """A numbered set whose note starts with BACKOFF_NOTE is a back-off set (as Journal writes one), the rest its
    note; any other set is as its set order says."""
    if order.isdigit() and note.lower().startswith(BACKOFF_NOTE):
        return SetType.BACKOFF, note[len(BACKOFF_NOTE) :].lstrip(" ·")
    return _SET_ORDER.get(order.upper(), SetType.WORKING), note


_NOT_SETS = {"note", *REST_TIMER_WORDS}
_DISTANCE_UNITS = {"Distance (meters)": "m", "Distance (km)": "km", "Distance (mi)": "mi"}  # else Distance Unit
MAX_PLAUSIBLE_HOURS = 6  # a longer duration is a timer left running
_NO_DISTANCE = ("", "0")


def set_type(order: str, line: int) -> SetType | None:
    """A set's type from its Set Order (a number, W, D or F); None for a row that is not a set."""
    written = order.strip()
    if written.lower() in _NOT_SETS:
        return None
    if written.upper() not in _SET_ORDER and not written.isdigit():
        raise ImportFailed(line, f"set order '{written}' is neither a number nor W, D or F")
    return _SET_ORDER.get(written.upper(), SetType.WORKING)


class StrongCsv(Importer):
    name = "strong"
    label = "Strong"
    needs_units = True

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return bool(in_english(header)[1])

    @classmethod
    def layout(cls, text: str) -> Layout | None:
        """Strong's layout recognised by the position and content of the columns, for a file whose first line is
        not a header Journal knows (see strong_columns.guess_layout)."""
        delimiter = delimiter_of(text)
        try:
            first = next(csv.reader([first_line(text)], delimiter=delimiter), [])
        except csv.Error:  # a first line no CSV reader reads (a lone carriage return in it) is no layout
            return None
        rows = []
        try:
            for record in records(text, delimiter):
                rows.append(record.fields)
                if len(rows) >= SAMPLE_ROWS:
                    break
        except ImportFailed:
            pass
        return guess_layout([first, *rows])

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        """A header in another language is read in English; one Journal does not know, or none, is read by
        position once the lifter confirms the columns as guessed."""
        try:
            header, language = in_english(header_of(text))
        except ImportFailed:
            header, language = [], ""
        if language:
            return self._read(text, header, options, progress, language)
        layout = self.layout(text)
        if layout is None:
            require(header_of(text), REQUIRED, self.label)  # says what is missing
            raise ImportFailed(1, f"not a {self.label} export")
        if not options.columns_by_position:
            raise LayoutGuessed(layout)
        if layout.header_line:
            return self._read(text, list(layout.columns), options, progress, "columns by position")
        named = delimiter_of(text).join(layout.columns) + "\n"  # a header line for a file that has none
        parsed = self._read(named + text, list(layout.columns), options, progress, "no header line")
        parsed.problems = [replace(p, line=p.line - 1) if p.line > 1 else p for p in parsed.problems]
        return parsed

    def _read(
        self, text: str, header: list[str], options: ImportOptions, progress: Progress, language: str
    ) -> ParsedImport:
        """Fields are read once per distinct value: a workout's date, title and duration repeat on each of its
        sets, and most sets repeat a load, reps and RPE seen before, so what they were read as is remembered under
        the fields as written (a refusal is not, so it is reported on every row it is on)."""
        require(header, REQUIRED, self.label)
        weight_name, header_unit = weight_column(header, self.label)
        has_unit_column = "Weight Unit" in header
        stated = header_unit is not None or has_unit_column
        unit = header_unit or options.units
        if not stated and unit is None:
            raise units_not_stated()
        distance_name = next((n for n in header if n.startswith("Distance") and n != "Distance Unit"), None)
        duration_name = next((n for n in header if n.startswith("Duration")), None)
        fixed_distance_unit = _DISTANCE_UNITS.get(distance_name or "")
        session_fields = positions(header, "Date", "Workout Name", duration_name)
        set_fields = positions(
            header,
            "Set Order",
            weight_name,
            "Reps",
            "RPE",
            "Seconds",
            distance_name,
            "Distance Unit",
            "Weight Unit",
            "Notes",
        )
        exercise_at, notes_at = column(header, "Exercise Name"), column(header, "Workout Notes")
        builder = SessionBuilder("strong")
        problems: list[Problem] = []
        timed: set[str] = set()  # sessions whose duration was read
        notes: dict[str, str] = {}  # session key -> the workout notes last read for it
        sessions: dict[tuple[str, ...], str] = {}  # date, title, duration as written -> session key
        sets: dict[tuple[str, ...], tuple[SetRecord, Unit] | None] = {}  # -> the set and its unit (None: no set)
        units_seen: Counter[Unit] = Counter()  # with a Weight Unit column: the units the rows say

        def session(written: tuple[str, ...], line: int) -> str:
            date, title, duration = (field.strip() for field in written)
            start = when(date, line)
            key = builder.session(f"{start.isoformat()}|{title}", start, title=title)
            if duration and key not in timed:
                timed.add(key)
                seconds = (
                    number(duration, line, "duration")
                    if duration_name == "Duration (sec)"
                    else duration_text(duration, line)
                )
                if seconds is not None and seconds < 0:
                    raise ImportFailed(line, f"workout duration {duration} is negative")
                if seconds and seconds > MAX_PLAUSIBLE_HOURS * 3600:
                    problems.append(
                        Problem(
                            line,
                            f"workout duration {duration} is implausible (a timer left "
                            "running?); the end time is left empty",
                            fatal=False,
                        )
                    )
                elif seconds:
                    builder.update(key, end=start + timedelta(seconds=seconds))
            return key

        # each set field read once per distinct text (a set's combination of them is mostly new)
        kind_of = remembered(set_type)
        unit_of = remembered(unit_word)
        weight_of = remembered(lambda text, line: number(text, line, "weight"))
        reps_of = remembered(lambda text, line: whole(text, line, "reps"))
        rir_of = remembered(lambda text, line: rpe_to_rir(number(text, line, "RPE"), line))
        seconds_of = remembered(lambda text, line: number(text, line, "seconds") or None)

        def set_record(written: tuple[str, ...], line: int) -> tuple[SetRecord, Unit] | None:
            order, weight, reps, rpe, seconds, distance, distance_unit, weight_unit, note = written
            kind = kind_of(order, line)
            if kind is None:
                return None
            row_unit = (unit_of(weight_unit, line) or unit or Unit.KG) if has_unit_column else unit
            assert row_unit is not None
            distance_m = (
                metres(
                    number(distance, line, "distance"),
                    fixed_distance_unit or distance_unit,
                    line,
                    "km" if row_unit is Unit.KG else "mi",
                )
                if distance.strip() not in _NO_DISTANCE
                else None
            )
            rir = rir_of(rpe, line)
            kind, note = backoff(order.strip(), note.strip()) if kind is SetType.WORKING else (kind, note.strip())
            return checked(
                rated_by_set_type(
                    SetRecord(
                        set_type=kind,
                        load_kg=load_kg(weight_of(weight, line), row_unit, line, assistance=True),
                        reps=reps_of(reps, line),
                        rir=rir,
                        effort_scale=None if rir is None else EffortScale.RPE,
                        duration_s=seconds_of(seconds, line),
                        distance_m=distance_m or None,
                        note=note,
                    )
                ),
                line,
            ), row_unit

        adding: tuple[str, str] | None = None  # the session and exercise the last set went to
        added_to: list[SetRecord] = []  # and the sets it went into
        count = 0
        recorder = Recorder(problems)
        # the count of rows is read after the loop
        for count, (line, fields) in enumerate(checked_records(text, header, progress), 1):  # noqa: B007
            try:
                of_session = session_fields(fields)
                key = sessions.get(of_session) or sessions.setdefault(of_session, session(of_session, line))
                if (workout_notes := fields[notes_at].strip()) and notes.get(key) != workout_notes:
                    notes[key] = workout_notes
                    builder.update(key, notes=workout_notes)
                exercise = fields[exercise_at].strip()
                if not exercise:
                    raise ImportFailed(line, "the exercise name is empty")
                of_set = set_fields(fields)
                found = sets.get(of_set) or sets.setdefault(of_set, set_record(of_set, line))
                if found is None:  # a note (which belongs to its exercise) or a rest timer
                    if of_set[0].strip().lower() == "note" and (note := of_set[-1].strip()):
                        builder.entry(key, exercise, note)
                        adding = None
                    continue
                record, row_unit = found
                if has_unit_column:
                    units_seen[row_unit] += 1
                if (key, exercise) != adding:  # else the set goes on the exercise the previous row added to
                    adding, added_to = (key, exercise), builder.entry(key, exercise).sets
                added_to.append(record)
            except ImportFailed as refused:
                if recorder.failed(refused):
                    break
        if units_seen:
            unit = units_seen.most_common(1)[0][0]
        return builder.result(
            self.label if language == "English" else f"{self.label} ({language})",
            options.effort_from_notes,
            problems=problems,
            units=unit or Unit.KG,
            units_stated=stated,
            rows=count,
        )
