# SPDX-License-Identifier: MIT
"""Fitbod's CSV export: newest first, one workout per timestamp, loads always in kilograms.

`Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier`, with `+0000`
timestamps and leading spaces in numbers. Fitbod writes kilograms even for lifters who train in pounds, so 45 lb
arrives as 20.41168 kg: when the lifter says the unit is lb, each load is rounded back to the quarter pound it came
from; in kg each load is kept as read (20.41168, never cut to 20.412). `multiplier` (2 for a pair of dumbbells) is
not applied: the load is kept per dumbbell, as the lifter logged it.

Fitbod's older export has seven columns, `Date,Exercise,Sets,Reps,Weight,isWarmup,Note`: a date without a time
(one workout a day), `Weight` in kilograms converted from pounds as above, and `Sets` alike sets on one row (read as
that many sets; empty or 0 is one). In both layouts `isWarmup` is `true`/`false` in any case (`TRUE`, `False`), and a
negative weight is assistance on an assisted bodyweight exercise (-20: 20 kg of help on an assisted chin-up), kept
as a negative load (shown `BW − 20 kg`).
"""

from __future__ import annotations

from journal.domain.records import SetRecord, SetType
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
from journal.io.fields import load_kg, number, when, whole
from journal.io.text import checked_records, column, header_of, positions, require

REQUIRED = ("Date", "Exercise", "Reps", "Weight(kg)", "isWarmup")
REQUIRED_OLD = ("Date", "Exercise", "Sets", "Reps", "Weight", "isWarmup")  # the older seven-column export
SETS_MAX = 100  # alike sets on one row of the older export
PLATE_LB = 0.25


class FitbodCsv(Importer):
    name = "fitbod"
    label = "Fitbod"
    needs_units = True

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return all(name in header for name in REQUIRED) or all(name in header for name in REQUIRED_OLD)

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        """What a workout's date and a set's fields were read as is remembered under the fields as written, as in
        the Strong reader."""
        header = header_of(text)
        old = "Weight(kg)" not in header and all(name in header for name in REQUIRED_OLD)
        require(header, REQUIRED_OLD if old else REQUIRED, self.label)
        pounds = options.units is Unit.LB
        weight = "Weight" if old else "Weight(kg)"
        set_fields = positions(header, "isWarmup", weight, "Reps", "Duration(s)", "Distance(m)", "Note")
        sets_at = column(header, "Sets") if old else None
        date_at, exercise_at = column(header, "Date"), column(header, "Exercise")
        builder = SessionBuilder("fitbod")
        starts: dict[str, str] = {}  # a date as written -> session key
        sets: dict[tuple[str, ...], SetRecord] = {}

        def session(written: str, line: int) -> str:
            start = when(written.strip(), line)
            return builder.session(start.isoformat(), start, title="Fitbod workout")

        def times(written: str, line: int) -> int:
            count = whole(written, line, "sets") or 1
            if count > SETS_MAX:
                raise ImportFailed(line, f"sets '{written.strip()}' is more than {SETS_MAX} alike sets on one row")
            return count

        def set_record(written: tuple[str, ...], line: int) -> SetRecord:
            warmup, load, reps, seconds, metres, note = (field.strip() for field in written)
            kg = load_kg(number(load, line, "weight"), Unit.KG, line, PLATE_LB if pounds else None, assistance=True)
            return checked(
                SetRecord(
                    set_type=warmup_type(warmup, line),
                    load_kg=kg,
                    reps=whole(reps, line, "reps") or None,
                    duration_s=number(seconds, line, "duration") or None,
                    distance_m=number(metres, line, "distance") or None,
                    note=note,
                ),
                line,
            )

        count = 0
        problems: list[Problem] = []
        recorder = Recorder(problems)
        # the count of rows is read after the loop
        for count, (line, fields) in enumerate(checked_records(text, header, progress), 1):  # noqa: B007
            with recorder:
                key = starts.get(fields[date_at]) or starts.setdefault(fields[date_at], session(fields[date_at], line))
                exercise = fields[exercise_at].strip()
                if not exercise:
                    raise ImportFailed(line, "the exercise name is empty")
                of_set = set_fields(fields)
                record = sets.get(of_set) or sets.setdefault(of_set, set_record(of_set, line))
                builder.entry(key, exercise).sets.extend(
                    [record] * (1 if sets_at is None else times(fields[sets_at], line))
                )
            if recorder.enough:
                break
        return builder.result(
            self.label,
            options.effort_from_notes,
            problems=problems,
            units=options.units or Unit.KG,
            units_stated=False,
            rows=count,
        )


def warmup_type(text: str, line: int) -> SetType:
    """An `isWarmup` flag as exports write it: true or false in any case (empty: a working set)."""
    flag = text.strip().lower()
    if flag not in ("true", "false", ""):
        raise ImportFailed(line, f"isWarmup '{text.strip()}' is neither true nor false")
    return SetType.WARMUP if flag == "true" else SetType.WORKING
