# SPDX-License-Identifier: MIT
"""FitNotes' CSV export: a date but no time, set number or workout name, so one session per date, titled by the
categories trained.

`Date,Exercise,Category,Weight (kgs|lbs),Reps,Distance,Distance Unit,Time`, or `Weight` with a `Weight Unit` column
(kgs/lbs) per row; an optional `Comment`. Some real files have exercise names with unquoted commas: a row with too
many fields is mended by joining the extra fields into the name, and the preview says so.
"""

from __future__ import annotations

from datetime import datetime

from journal.domain.records import SetRecord
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
from journal.io.fields import duration_text, load_kg, metres, number, unit_word, weight_column, when, whole
from journal.io.text import Record, checked_records, column, header_of, positions, require

REQUIRED = ("Date", "Exercise", "Category", "Reps")


class FitNotesCsv(Importer):
    name = "fitnotes"
    label = "FitNotes"
    needs_units = True

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return all(name in header for name in REQUIRED) and any(n.startswith("Weight") for n in header)

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        header = header_of(text)
        require(header, REQUIRED, self.label)
        col = set(header)
        weight, header_unit = weight_column(header, self.label)
        if header_unit is None and "Weight Unit" not in col and options.units is None:
            raise units_not_stated()
        builder = SessionBuilder("fitnotes")
        categories: dict[str, list[str]] = {}
        problems: list[Problem] = []

        numeric = [header.index(name) for name in (weight, "Reps", "Distance") if name in header]
        timed = header.index("Time") if "Time" in header else None
        text_columns = [(header.index(name), name) for name in ("Exercise", "Comment", "Notes") if name in header]

        def mend(record: Record, expected: int) -> list[str]:
            """Join the fields an unquoted comma split a text column into: the exercise name, else a comment,
            whichever leaves the weight, reps and distance reading as numbers and the time as a time (else the
            first that leaves the numbers, so that the time is refused as the row's own problem); otherwise refuse
            the row."""
            fields = record.fields
            extra = len(fields) - expected
            if extra <= 0:
                return fields
            joined = {
                name: [*fields[:at], ",".join(fields[at : at + extra + 1]), *fields[at + extra + 1 :]]
                for at, name in text_columns
            }  # the row with the extra fields joined into this column
            numbers = [name for name, row in joined.items() if all(_numeric(row[i]) for i in numeric)]
            timely = [name for name in numbers if timed is None or _time(joined[name][timed])]
            for name in timely[:1] or numbers[:1]:
                text = joined[name][header.index(name)].strip()
                problems.append(
                    Problem(
                        record.line,
                        f"the {name.lower()} held {extra} unquoted comma{'s' if extra > 1 else ''}; read as '{text}'",
                        fatal=False,
                    )
                )
                return joined[name]
            raise ImportFailed(
                record.line,
                f"{extra} field{'s' if extra > 1 else ''} more than the header, and "
                "no way of joining them leaves the weight, reps and distance as numbers",
            )

        # A day's date repeats on each of its sets, and most sets repeat ones seen before: what the fields were read
        # as is remembered under the fields as written, as in the Strong reader.
        date_at, category_at, exercise_at = (column(header, name) for name in ("Date", "Category", "Exercise"))
        set_fields = positions(
            header, "Weight Unit", weight, "Reps", "Time", "Distance", "Distance Unit", "Comment", "Notes"
        )
        days: dict[str, str] = {}  # a date as written -> session key
        sets: dict[tuple[str, ...], SetRecord] = {}

        def session(written: str, line: int) -> str:
            day = when(written.strip(), line).date()
            return builder.session(day.isoformat(), datetime(day.year, day.month, day.day))

        def set_record(written: tuple[str, ...], line: int) -> SetRecord:
            unit_text, load, reps, time, distance, distance_unit, comment, notes = (field.strip() for field in written)
            unit = unit_word(unit_text, line) or header_unit or options.units or Unit.KG
            return checked(
                SetRecord(
                    load_kg=load_kg(number(load, line, "weight"), unit, line),
                    reps=whole(reps, line, "reps") or None,
                    duration_s=duration_text(time, line) or None,
                    distance_m=metres(number(distance, line, "distance"), distance_unit, line),
                    note=comment or notes,
                ),
                line,
            )

        count = 0
        recorder = Recorder(problems)
        # the count of rows is read after the loop
        for count, (line, fields) in enumerate(checked_records(text, header, progress, mend), 1):  # noqa: B007
            with recorder:
                key = days.get(fields[date_at]) or days.setdefault(fields[date_at], session(fields[date_at], line))
                category = fields[category_at].strip()
                if category and category not in categories.setdefault(key, []):
                    categories[key].append(category)
                exercise = fields[exercise_at].strip()
                if not exercise:
                    raise ImportFailed(line, "the exercise name is empty")
                of_set = set_fields(fields)
                record = sets.get(of_set) or sets.setdefault(of_set, set_record(of_set, line))
                builder.entry(key, exercise).sets.append(record)
            if recorder.enough:
                break
        for key, names in categories.items():
            builder.update(key, title=", ".join(names))
        return builder.result(
            self.label,
            options.effort_from_notes,
            problems=problems,
            units=header_unit or options.units or Unit.KG,
            units_stated=header_unit is not None or "Weight Unit" in col,
            rows=count,
        )


def _time(text: str) -> bool:
    try:
        duration_text(text, 0)
    except ImportFailed:
        return False
    return True


def _numeric(text: str) -> bool:
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return True
    try:
        float(cleaned)
    except ValueError:
        return False
    return True
