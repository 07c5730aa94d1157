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
    ImportFailed,
    ImportOptions,
    Importer,
    ParsedImport,
    Problem,
    Progress,
    no_progress,
    units_not_stated,
)
from journal.io.builder import SessionBuilder
from journal.io.fields import duration_text, load_kg, number, when, whole
from journal.io.text import Record, header_of, require, rows

REQUIRED = ("Date", "Exercise", "Category", "Reps")
_UNITS = {"kg": Unit.KG, "kgs": Unit.KG, "lb": Unit.LB, "lbs": Unit.LB}
_DISTANCE_M = {"km": 1000.0, "m": 1.0, "mi": 1609.344, "mile": 1609.344, "miles": 1609.344, "ft": 0.3048,
               "yd": 0.9144, "": 1.0}


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
        weight = next((n for n in header if n.startswith("Weight") and n != "Weight Unit"), None)
        if weight is None:
            raise ImportFailed(1, "not a FitNotes export: the header has no Weight column")
        header_unit = _UNITS.get(weight[len("Weight"):].strip(" ()").lower())
        if header_unit is None and "Weight Unit" not in col and options.units is None:
            raise units_not_stated()
        exercise_at = header.index("Exercise")
        builder = SessionBuilder("fitnotes")
        categories: dict[str, list[str]] = {}
        problems: list[Problem] = []

        def mend(record: Record, expected: int) -> list[str]:
            """Join the fields an unquoted comma split the exercise name into."""
            fields = record.fields
            extra = len(fields) - expected
            if extra <= 0:
                return fields
            name = ",".join(fields[exercise_at:exercise_at + extra + 1])
            problems.append(Problem(record.line, f"the exercise name held {extra} unquoted comma"
                                                 f"{'s' if extra > 1 else ''}; read as '{name.strip()}'", fatal=False))
            return [*fields[:exercise_at], name, *fields[exercise_at + extra + 1:]]

        count = 0
        for count, row in enumerate(rows(text, header, progress, mend), 1):
            line = row.line
            day = when(row["Date"], line).date()
            key = builder.session(day.isoformat(), datetime(day.year, day.month, day.day))
            category = row["Category"]
            if category and category not in categories.setdefault(key, []):
                categories[key].append(category)
            unit = header_unit
            if "Weight Unit" in col:
                unit = _UNITS.get(row["Weight Unit"].lower(), unit)
                if unit is None and row["Weight Unit"]:
                    raise ImportFailed(line, f"weight unit '{row['Weight Unit']}' is neither kgs nor lbs")
            unit = unit or options.units or Unit.KG
            exercise = row["Exercise"]
            if not exercise:
                raise ImportFailed(line, "the exercise name is empty")
            distance = number(row["Distance"], line, "distance")
            per = _DISTANCE_M.get(row["Distance Unit"].lower())
            if distance and per is None:
                raise ImportFailed(line, f"distance unit '{row['Distance Unit']}' is not known")
            builder.add_set(key, exercise, SetRecord(
                load_kg=load_kg(number(row[weight], line, "weight"), unit, line),
                reps=whole(row["Reps"], line, "reps") or None,
                duration_s=duration_text(row["Time"], line) or None,
                distance_m=distance * (per or 1.0) if distance else None,
                note=row["Comment"] or row["Notes"]), line)
        for key, names in categories.items():
            builder.update(key, title=", ".join(names))
        return builder.result(self.label, options.effort_from_notes, problems=problems,
                              units=header_unit or options.units or Unit.KG,
                              units_stated=header_unit is not None or "Weight Unit" in col, rows=count)
