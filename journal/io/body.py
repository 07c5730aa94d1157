# SPDX-License-Identifier: MIT
"""Bodyweight files: FitNotes' body tracker export and Hevy's body measurements export, read as one weight a day."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from journal.domain.units import Unit, to_kg
from journal.domain.validation import BODYWEIGHT_MAX_KG, BODYWEIGHT_MIN_KG, parse_decimal
from journal.io.base import ImportFailed, Problem, no_progress
from journal.io.dates import DateError, parse_export_datetime
from journal.io.text import header_of, rows

# FitNotes' body tracker: Date, Time, Measurement, Value, Unit, Comment; a row a measurement, the weight's named so.
FITNOTES_COLUMNS = ("Date", "Measurement", "Value")
FITNOTES_WEIGHT = {"bodyweight", "body weight", "weight"}
# Hevy's body measurements: date, weight_kg (or weight_lbs), fat_percent, and a column a girth.
HEVY_WEIGHT = {"weight_kg": Unit.KG, "weight_lbs": Unit.LB, "weight_lb": Unit.LB}
UNITS = {"kg": Unit.KG, "kgs": Unit.KG, "lb": Unit.LB, "lbs": Unit.LB}


@dataclass
class BodyFile:
    """What a bodyweight file holds: the app it came from, one weight a day (the last of a day) and what was
    skipped, by line."""

    source: str
    weights: dict[date, float] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)


def body_format(header: list[str]) -> str | None:
    """'fitnotes' or 'hevy' when the header is a bodyweight file's, else None."""
    names = {name.strip() for name in header}
    if all(name in names for name in FITNOTES_COLUMNS):
        return "fitnotes"
    if "date" in names and names & set(HEVY_WEIGHT):
        return "hevy"
    return None


def read_body(text: str, units: Unit | None = None) -> BodyFile:
    """The weights of a bodyweight file. A row that is not a weight (a girth, body fat) is passed over; a weight
    that cannot be read or lies outside 20–400 kg is skipped with a warning. Raises ImportFailed for a file that
    is not one, or whose weights have no unit (FitNotes without a Unit column) when `units` does not say."""
    header = [name.strip() for name in header_of(text)]
    kind = body_format(header)
    if kind is None:
        raise ImportFailed(1, "not a bodyweight file: no Date, Measurement and Value (FitNotes) or date and weight_kg")
    found = BodyFile(source=f"{kind}-body")
    for row in rows(text, header, no_progress):
        if kind == "fitnotes":
            if row["Measurement"].casefold() not in FITNOTES_WEIGHT:
                continue
            value, when = row["Value"], f"{row['Date']} {row['Time']}".strip()
            unit = UNITS.get(row["Unit"].casefold()) or units
            if unit is None:
                raise ImportFailed(row.line, "the weights have no unit: choose it (on the command line: --units)")
        else:
            column = next(name for name in HEVY_WEIGHT if name in header)
            value, when, unit = row[column], row["date"], HEVY_WEIGHT[column]
        if not value:
            continue
        try:
            day = parse_export_datetime(when).date()
            number = parse_decimal(value)
        except (DateError, ValueError) as error:
            found.problems.append(Problem(row.line, f"skipped: {error}", fatal=False))
            continue
        if number is None:
            continue
        kg = to_kg(number, unit)
        if not BODYWEIGHT_MIN_KG <= kg <= BODYWEIGHT_MAX_KG:
            found.problems.append(
                Problem(row.line, f"skipped: a bodyweight of {value} {unit} is outside 20–400 kg", False)
            )
            continue
        found.weights[day] = kg
    return found
