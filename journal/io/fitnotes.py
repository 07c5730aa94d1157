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
    recorded,
    too_many,
    units_not_stated,
)
from journal.io.builder import SessionBuilder
from journal.io.fields import duration_text, load_kg, metres, number, unit_word, weight_column, when, whole
from journal.io.text import Record, header_of, require, rows

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

        numeric = [header.index(name) for name in (weight, "Reps") if name in header]
        text_columns = [(header.index(name), name) for name in ("Exercise", "Comment", "Notes") if name in header]

        def mend(record: Record, expected: int) -> list[str]:
            """Join the fields an unquoted comma split a text column into: the exercise name, else a comment,
            whichever leaves the weight and reps reading as numbers; otherwise refuse the row."""
            fields = record.fields
            extra = len(fields) - expected
            if extra <= 0:
                return fields
            for at, column in text_columns:
                joined = ",".join(fields[at:at + extra + 1])
                candidate = [*fields[:at], joined, *fields[at + extra + 1:]]
                if all(_numeric(candidate[i]) for i in numeric):
                    problems.append(Problem(record.line, f"the {column.lower()} held {extra} unquoted comma"
                                                         f"{'s' if extra > 1 else ''}; read as '{joined.strip()}'",
                                            fatal=False))
                    return candidate
            raise ImportFailed(record.line, f"{extra} field{'s' if extra > 1 else ''} more than the header, and "
                                            "no way of joining them leaves the weight and reps as numbers")

        count = 0
        for count, row in enumerate(rows(text, header, progress, mend), 1):
            with recorded(problems):
                line = row.line
                day = when(row["Date"], line).date()
                key = builder.session(day.isoformat(), datetime(day.year, day.month, day.day))
                category = row["Category"]
                if category and category not in categories.setdefault(key, []):
                    categories[key].append(category)
                unit = unit_word(row["Weight Unit"], line) or header_unit or options.units or Unit.KG
                exercise = row["Exercise"]
                if not exercise:
                    raise ImportFailed(line, "the exercise name is empty")
                builder.add_set(key, exercise, SetRecord(
                    load_kg=load_kg(number(row[weight], line, "weight"), unit, line),
                    reps=whole(row["Reps"], line, "reps") or None,
                    duration_s=duration_text(row["Time"], line) or None,
                    distance_m=metres(number(row["Distance"], line, "distance"), row["Distance Unit"], line),
                    note=row["Comment"] or row["Notes"]), line)
            if too_many(problems):
                break
        for key, names in categories.items():
            builder.update(key, title=", ".join(names))
        return builder.result(self.label, options.effort_from_notes, problems=problems,
                              units=header_unit or options.units or Unit.KG,
                              units_stated=header_unit is not None or "Weight Unit" in col, rows=count)


def _numeric(text: str) -> bool:
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return True
    try:
        float(cleaned)
    except ValueError:
        return False
    return True
