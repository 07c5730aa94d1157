# SPDX-License-Identifier: MIT
"""Fitbod's CSV export: newest first, one workout per timestamp, loads always in kilograms.

`Date,Exercise,Reps,Weight(kg),Duration(s),Distance(m),Incline,Resistance,isWarmup,Note,multiplier`, with `+0000`
timestamps and leading spaces in numbers. Fitbod writes kilograms even for lifters who train in pounds, so 45 lb
arrives as 20.41168 kg: when the lifter says the unit is lb, each load is rounded back to the quarter pound it came
from. `multiplier` (2 for a pair of dumbbells) is not applied: the load is kept per dumbbell, as the lifter logged it.
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
    no_progress,
    recorded,
    too_many,
)
from journal.io.builder import SessionBuilder
from journal.io.fields import load_kg, number, when, whole
from journal.io.text import header_of, require, rows

REQUIRED = ("Date", "Exercise", "Reps", "Weight(kg)", "isWarmup")
PLATE_LB = 0.25
KG_DECIMALS = 3


class FitbodCsv(Importer):
    name = "fitbod"
    label = "Fitbod"
    needs_units = True

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return all(name in header for name in REQUIRED)

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        header = header_of(text)
        require(header, REQUIRED, self.label)
        pounds = options.units is Unit.LB
        builder = SessionBuilder("fitbod")
        count = 0
        problems: list[Problem] = []
        for count, row in enumerate(rows(text, header, progress), 1):
            with recorded(problems):
                line = row.line
                start = when(row["Date"], line)
                key = builder.session(start.isoformat(), start, title="Fitbod workout")
                exercise = row["Exercise"]
                if not exercise:
                    raise ImportFailed(line, "the exercise name is empty")
                warmup = row["isWarmup"].lower()
                if warmup not in ("true", "false", ""):
                    raise ImportFailed(line, f"isWarmup '{row['isWarmup']}' is neither true nor false")
                kg = load_kg(number(row["Weight(kg)"], line, "weight"), Unit.KG, line, PLATE_LB if pounds else None)
                builder.add_set(key, exercise, SetRecord(
                    set_type=SetType.WARMUP if warmup == "true" else SetType.WORKING,
                    load_kg=None if kg is None else (kg if pounds else round(kg, KG_DECIMALS)),
                    reps=whole(row["Reps"], line, "reps") or None,
                    duration_s=number(row["Duration(s)"], line, "duration") or None,
                    distance_m=number(row["Distance(m)"], line, "distance") or None,
                    note=row["Note"]), line)
            if too_many(problems):
                break
        return builder.result(self.label, options.effort_from_notes, problems=problems, units=options.units or Unit.KG,
                              units_stated=False, rows=count)
