# SPDX-License-Identifier: MIT
"""Strong's CSV export, in the header variants seen in the wild.

Comma or semicolon; every field possibly quoted; with or without `Workout #`, `Duration` or `Duration (sec)`,
`Weight`/`Weight (kg)`/`Weight (lbs)` with or without a `Weight Unit` column, `Distance`/`Distance (meters)` with or
without `Distance Unit`, `Seconds`, `Notes`, `Workout Notes`, `RPE`. `Set Order` is a number or W (warm-up), D
(drop), F (failure); rows whose set order is `Note` or `Rest Timer` are not sets (a note belongs to its exercise).
RPE 0 or empty is not recorded. A file without a unit uses the one the lifter chooses.
"""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

from journal.domain.effort import EffortScale
from journal.domain.records import SetRecord, SetType
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
from journal.io.fields import (
    duration_text,
    load_kg,
    metres,
    number,
    rpe_to_rir,
    unit_word,
    weight_column,
    when,
    whole,
)
from journal.io.text import header_of, require, rows

REQUIRED = ("Date", "Workout Name", "Exercise Name", "Set Order", "Reps")
_SET_ORDER = {"W": SetType.WARMUP, "D": SetType.DROP, "F": SetType.FAILURE}
_NOT_SETS = {"note", "rest timer"}
MAX_PLAUSIBLE_HOURS = 6  # a longer duration is a timer left running


class StrongCsv(Importer):
    name = "strong"
    label = "Strong"
    needs_units = True

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return all(name in header for name in REQUIRED) and any(n.startswith("Weight") for n in header)

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        header = header_of(text)
        require(header, REQUIRED, self.label)
        col = set(header)
        weight_name, header_unit = weight_column(header, self.label)
        has_unit_column = "Weight Unit" in col
        stated = header_unit is not None or has_unit_column
        unit = header_unit or options.units
        if not stated and unit is None:
            raise units_not_stated()
        distance_name = next((n for n in header if n.startswith("Distance") and n != "Distance Unit"), None)
        duration_name = next((n for n in header if n.startswith("Duration")), None)
        builder = SessionBuilder("strong")
        problems: list[Problem] = []
        count = 0
        timed: set[str] = set()  # sessions whose duration was read (each row repeats it)
        units_seen: Counter[Unit] = Counter()  # with a Weight Unit column: the units the rows say
        for count, row in enumerate(rows(text, header, progress), 1):
            with recorded(problems):
                line = row.line
                start = when(row["Date"], line)
                title = row["Workout Name"]
                key = builder.session(f"{start.isoformat()}|{title}", start, title=title,
                                      notes=row["Workout Notes"])
                if duration_name and (raw := row[duration_name]) and key not in timed:
                    timed.add(key)
                    seconds = (number(raw, line, "duration") if duration_name == "Duration (sec)"
                               else duration_text(raw, line))
                    if seconds is not None and seconds < 0:
                        raise ImportFailed(line, f"workout duration {raw} is negative")
                    if seconds and seconds > MAX_PLAUSIBLE_HOURS * 3600:
                        problems.append(Problem(line, f"workout duration {raw} is implausible (a timer left running?);"
                                                      " the end time is left empty", fatal=False))
                    elif seconds:
                        builder.update(key, end=start + timedelta(seconds=seconds))
                if row["Workout Notes"]:
                    builder.update(key, notes=row["Workout Notes"])
                exercise = row["Exercise Name"]
                if not exercise:
                    raise ImportFailed(line, "the exercise name is empty")
                order = row["Set Order"]
                if order.lower() in _NOT_SETS:
                    if order.lower() == "note" and row["Notes"]:
                        builder.entry(key, exercise, row["Notes"])
                    continue
                set_type = _SET_ORDER.get(order.upper(), SetType.WORKING)
                if order.upper() not in _SET_ORDER and not order.isdigit():
                    raise ImportFailed(line, f"set order '{order}' is neither a number nor W, D or F")
                row_unit = unit
                if has_unit_column:
                    row_unit = unit_word(row["Weight Unit"], line) or unit or Unit.KG
                    units_seen[row_unit] += 1
                assert row_unit is not None
                distance = metres(number(row[distance_name], line, "distance") if distance_name else None,
                                  "m" if distance_name == "Distance (meters)" else row["Distance Unit"], line,
                                  "km" if row_unit is Unit.KG else "mi")
                seconds = number(row["Seconds"], line, "seconds")
                builder.add_set(key, exercise, SetRecord(
                    set_type=set_type,
                    load_kg=load_kg(number(row[weight_name], line, "weight"), row_unit, line),
                    reps=whole(row["Reps"], line, "reps"),
                    rir=(rir := rpe_to_rir(number(row["RPE"], line, "RPE"), line)),
                    effort_scale=None if rir is None else EffortScale.RPE,
                    duration_s=seconds or None,
                    distance_m=distance or None,
                    note=row["Notes"]), line)
            if too_many(problems):
                break
        if units_seen:
            unit = units_seen.most_common(1)[0][0]
        return builder.result(self.label, options.effort_from_notes, problems=problems, units=unit or Unit.KG,
                              units_stated=stated, rows=count)

