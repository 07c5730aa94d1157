# SPDX-License-Identifier: MIT
"""Hevy's CSV export: one row a set, newest workout first, dates in the phone's language and format.

`title,start_time,end_time,description,exercise_title,superset_id,exercise_notes,set_index,set_type,weight_kg`
(or `weight_lbs`)`,reps,distance_km` (or `distance_miles`)`,duration_seconds,rpe`. set_type is normal, warmup,
failure or dropset; set_index counts from 0; supersets keep their order; cardio rows have distance and duration only.
"""

from __future__ import annotations

from journal.domain.effort import EffortScale
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
from journal.io.fields import load_kg, number, rpe_to_rir, session_times, when, whole
from journal.io.text import header_of, require, rows

REQUIRED = ("title", "start_time", "exercise_title", "set_index", "set_type", "reps")
_SET_TYPES = {"normal": SetType.WORKING, "warmup": SetType.WARMUP, "failure": SetType.FAILURE,
              "dropset": SetType.DROP}


class HevyCsv(Importer):
    name = "hevy"
    label = "Hevy"

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return all(name in header for name in REQUIRED)

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        header = header_of(text)
        require(header, REQUIRED, self.label)
        col = set(header)
        unit = Unit.LB if "weight_lbs" in col else Unit.KG
        weight = "weight_lbs" if unit is Unit.LB else "weight_kg"
        distance, per_metre = ("distance_miles", 1609.344) if "distance_miles" in col else ("distance_km", 1000.0)
        builder = SessionBuilder("hevy")
        count = 0
        problems: list[Problem] = []
        for count, row in enumerate(rows(text, header, progress), 1):
            with recorded(problems):
                line = row.line
                start = when(row["start_time"], line)
                end = when(row["end_time"], line) if row["end_time"] else None
                session_times(start, end, line)
                title = row["title"]
                key = builder.session(f"{start.isoformat()}|{title}", start, title=title, end=end,
                                      notes=row["description"])
                exercise = row["exercise_title"]
                if not exercise:
                    raise ImportFailed(line, "the exercise title is empty")
                set_type = _SET_TYPES.get(row["set_type"].lower())
                if set_type is None:
                    raise ImportFailed(line, f"set type '{row['set_type']}' is not normal, warmup, failure or dropset")
                index = whole(row["set_index"], line, "set index")
                rir = rpe_to_rir(number(row["rpe"], line, "rpe"), line)
                metres = number(row[distance], line, "distance")
                builder.add_set(key, exercise, SetRecord(
                    set_type=set_type,
                    load_kg=load_kg(number(row[weight], line, "weight"), unit, line),
                    reps=whole(row["reps"], line, "reps"),
                    rir=rir, effort_scale=None if rir is None else EffortScale.RPE,
                    duration_s=number(row["duration_seconds"], line, "duration") or None,
                    distance_m=metres * per_metre if metres else None), line, row["exercise_notes"], new=index == 0)
            if too_many(problems):
                break
        return builder.result(self.label, options.effort_from_notes, problems=problems, units=unit, rows=count)
