# SPDX-License-Identifier: MIT
"""StrongLifts 5×5's older, wide export: one row a workout, its exercises side by side.

`Date,Note,Workout,Body Weight,Exercise 1,Weight (KG),Weight (LB),Set 1,…,Set 5,Exercise 2,Weight (KG),…` (the US
export: `Body Weight (KG),Body Weight (LB)` and no Workout), as public StrongLifts importers' tests quote it. Column
names repeat, once per exercise. Dates are written month first (03/16/2015, 02/05/17); a date that can only be
read day first (18/03/2015) is read so. A set's cell holds its reps: 0 is a set attempted and failed, an empty cell
no set. The load is read from the KG column, or from the LB column when the lifter chooses pounds (or the KG cell is
empty); a body weight of `84KG` or in its own columns is the session's bodyweight.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass

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
from journal.io.builder import SessionBuilder
from journal.io.fields import bodyweight, load_kg, number, when, whole
from journal.io.labelled import four_digit_year, value_and_word
from journal.io.text import delimiter_of, first_line, records


@dataclass(frozen=True)
class _Exercise:
    """Where one exercise's columns are in a row."""

    name: int
    kg: int | None
    lb: int | None
    sets: tuple[int, ...]


def raw_header(text: str) -> list[str]:
    """The first line's names as written, repeats kept (header_of refuses a repeated name; this format has them)."""
    return [name.strip() for name in next(csv.reader([first_line(text)], delimiter=delimiter_of(text)), [])]


def _layout(header: list[str]) -> list[_Exercise]:
    exercises = []
    for index, name in enumerate(header):
        if not name.startswith("Exercise "):
            continue
        end = next((i for i in range(index + 1, len(header)) if header[i].startswith("Exercise ")), len(header))
        block = {header[i]: i for i in range(index + 1, end)}
        sets = tuple(i for i in range(index + 1, end) if header[i].startswith("Set "))
        exercises.append(_Exercise(index, block.get("Weight (KG)"), block.get("Weight (LB)"), sets))
    return exercises


class StrongLiftsCsv(Importer):
    name = "stronglifts"
    label = "StrongLifts 5×5 (wide)"

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return (
            bool(header)
            and header[0] == "Date"
            and "Exercise 1" in header
            and "Set 1" in header
            and any(name.startswith("Weight (") for name in header)
        )

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        header = raw_header(text)
        if not self.sniff(header):
            raise ImportFailed(1, f"not a {self.label} export: the header has no Date, Exercise 1 and Set 1 columns")
        exercises = _layout(header)
        at: dict[str, int] = {
            name: header.index(name)
            for name in ("Note", "Workout", "Body Weight", "Body Weight (KG)")
            if name in header
        }
        unit = options.units or Unit.KG
        builder = SessionBuilder("stronglifts")
        problems: list[Problem] = []
        recorder = Recorder(problems)
        count = 0
        for count, (line, fields) in enumerate(records(text, delimiter_of(text), progress=progress), 1):  # noqa: B007
            with recorder:
                fields = fields + [""] * (len(header) - len(fields))
                start = when(four_digit_year(fields[0]), line, day_first=False)
                workout = fields[at["Workout"]].strip() if "Workout" in at else ""
                title = f"Workout {workout}" if workout else ""
                key = builder.session(start.date().isoformat(), start, title=title)
                builder.update(key, notes=fields[at["Note"]].strip() if "Note" in at else "")
                if (weight := self._bodyweight(fields, at, line)) is not None:
                    builder.update(key, bodyweight_kg=weight)
                for exercise in exercises:
                    self._exercise(builder, key, exercise, fields, unit, line)
            if recorder.enough:
                break
        return builder.result(
            self.label, options.effort_from_notes, problems=problems, units=unit, units_stated=False, rows=count
        )

    @staticmethod
    def _bodyweight(fields: list[str], at: dict[str, int], line: int) -> float | None:
        if "Body Weight (KG)" in at:
            return bodyweight(fields[at["Body Weight (KG)"]], line)
        if "Body Weight" not in at:
            return None
        value, word = value_and_word(fields[at["Body Weight"]], line, "body weight")
        if value is None:
            return None
        kg = load_kg(value, Unit.LB if word.casefold() in ("lb", "lbs") else Unit.KG, line)
        return bodyweight(f"{kg}", line) if kg else None

    @staticmethod
    def _exercise(
        builder: SessionBuilder, key: str, exercise: _Exercise, fields: list[str], unit: Unit, line: int
    ) -> None:
        name = fields[exercise.name].strip()
        done = [(i, fields[i].strip()) for i in exercise.sets if fields[i].strip()]
        if not name or not done:
            return
        kg_text = fields[exercise.kg].strip() if exercise.kg is not None else ""
        lb_text = fields[exercise.lb].strip() if exercise.lb is not None else ""
        if unit is Unit.LB and lb_text or not kg_text:
            load = load_kg(number(lb_text, line, "load (LB)"), Unit.LB, line)
        else:
            load = load_kg(number(kg_text, line, "load (KG)"), Unit.KG, line)
        for _index, reps in done:
            builder.add_set(
                key, name, SetRecord(set_type=SetType.WORKING, load_kg=load, reps=whole(reps, line, "reps")), line
            )
