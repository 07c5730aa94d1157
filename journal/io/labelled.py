# SPDX-License-Identifier: MIT
"""Exports with one row a set whose columns are known by name (Lyfta, GymBook, DailyStrength): each app says which
of its columns holds which field, how it writes dates, set types, loads and reps; the reading is shared."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import timedelta
from typing import ClassVar

from journal.domain.effort import EffortScale, rir_from_rpe
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
from journal.io.builder import SessionBuilder
from journal.io.fields import duration_text, load_kg, metres, number, unit_word, when, whole
from journal.io.text import Row, header_of, rows

# Fields an app's columns may hold: date (and time), title, exercise, set type, load, unit, reps, effort (RIR below
# 5, RPE from 5: RIR 5 is RPE 5), session notes, exercise note, set note, duration of the session, distance, time,
# skipped (a mark that the set was not done).
FIELDS = (
    "date",
    "time",
    "title",
    "exercise",
    "set_type",
    "load",
    "unit",
    "reps",
    "effort",
    "session_notes",
    "exercise_note",
    "note",
    "duration",
    "distance",
    "seconds",
    "skipped",
)
_SHORT_YEAR = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})\2(\d{2})(?!\d)")  # 04/03/26: 2026
_NUMBER_AND_WORD = re.compile(r"^\s*([-+]?[\d.,]+)\s*([^\d\s].*)?$")
_YES = {"yes", "y", "true", "1", "sì", "si", "x", "skipped", "saltata", "saltato"}


def four_digit_year(text: str) -> str:
    """A numeric date with a two-digit year (04/03/26) given its century (2000-2099); others as they are."""
    return _SHORT_YEAR.sub(lambda m: f"{m[1]}{m[2]}{m[3]}{m[2]}20{m[4]}", text.strip(), count=1)


def value_and_word(text: str, line: int, what: str) -> tuple[float | None, str]:
    """'40,00 kg' -> (40.0, 'kg'); '10 ripetizioni' -> (10.0, 'ripetizioni'); '' -> (None, '')."""
    cleaned = text.strip()
    if not cleaned:
        return None, ""
    match = _NUMBER_AND_WORD.match(cleaned)
    if match is None:
        raise ImportFailed(line, f"{what} '{cleaned}' is not a number")
    return number(match[1], line, what), (match[2] or "").strip()


class LabelledCsv(Importer):
    """A format whose columns are named in COLUMNS (each field: the names the app writes, in any of its languages);
    REQUIRED fields must all be found for the header to be the app's, with SIGNATURE (names only this app writes)."""

    COLUMNS: ClassVar[Mapping[str, tuple[str, ...]]]
    REQUIRED: ClassVar[tuple[str, ...]] = ("date", "exercise", "reps")
    SIGNATURE: ClassVar[tuple[str, ...]] = ()
    DAY_FIRST: ClassVar[bool | None] = None  # how numeric dates are written
    SET_TYPES: ClassVar[Mapping[str, SetType]] = {}
    NULLS: ClassVar[frozenset[str]] = frozenset()  # values the app writes for "nothing"

    @classmethod
    def columns(cls, header: list[str]) -> dict[str, str]:
        """Which column of this header holds each field."""
        folded = {name.strip().casefold(): name for name in header}
        found: dict[str, str] = {}
        for field, names in cls.COLUMNS.items():
            for name in names:
                if name.casefold() in folded:
                    found[field] = folded[name.casefold()]
                    break
        return found

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        names = {name.strip().casefold() for name in header}
        return all(field in cls.columns(header) for field in cls.REQUIRED) and all(
            name.casefold() in names for name in cls.SIGNATURE
        )

    def set_type(self, text: str, line: int) -> SetType:
        if not text:
            return SetType.WORKING
        found = self.SET_TYPES.get(text.strip().casefold())
        if found is None:
            raise ImportFailed(line, f"set type '{text}' is not one of {', '.join(sorted(self.SET_TYPES))}")
        return found

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        header = header_of(text)
        columns = self.columns(header)
        missing = [field for field in self.REQUIRED if field not in columns]
        if missing:
            raise ImportFailed(1, f"not a {self.label} export: the header has no {' or '.join(missing)} column")
        states_unit = "unit" in columns
        if not states_unit and options.units is None and not self._loads_say_units(text, header, columns):
            raise units_not_stated()
        builder = SessionBuilder(self.name)
        problems: list[Problem] = []
        recorder = Recorder(problems)
        units_seen: dict[Unit, int] = {}
        count = 0
        for count, row in enumerate(rows(text, header, progress), 1):  # noqa: B007
            with recorder:
                unit = self._row(row, columns, options, builder, problems)
                if unit is not None:
                    units_seen[unit] = units_seen.get(unit, 0) + 1
                    states_unit = True
            if recorder.enough:
                break
        unit = max(units_seen, key=lambda u: units_seen[u]) if units_seen else options.units or Unit.KG
        return builder.result(
            self.label, options.effort_from_notes, problems=problems, units=unit, units_stated=states_unit, rows=count
        )

    def _loads_say_units(self, text: str, header: list[str], columns: dict[str, str]) -> bool:
        """Whether the loads carry their unit ('40,00 kg'), judged on the first rows that have a load."""
        seen = 0
        for row in rows(text, header, no_progress):
            load = self._value(row, columns, "load").strip()
            if load and load.rstrip(".").split()[-1].casefold() in ("kg", "kgs", "lb", "lbs"):
                return True
            seen += bool(load)
            if seen >= 20:
                break
        return False

    def _value(self, row: Row, columns: dict[str, str], field: str) -> str:
        column = columns.get(field)
        value = row[column] if column else ""
        return "" if value.casefold() in self.NULLS else value

    def _row(
        self,
        row: Row,
        columns: dict[str, str],
        options: ImportOptions,
        builder: SessionBuilder,
        problems: list[Problem],
    ) -> Unit | None:
        """Add the row's set (or nothing, for a set marked skipped); returns the load unit the row states."""
        line = row.line

        def value(field: str) -> str:
            return self._value(row, columns, field)

        written = four_digit_year(f"{value('date')} {value('time')}".strip())
        start = when(written, line, self.DAY_FIRST)
        title = value("title")
        key = builder.session(f"{start.isoformat()}|{title}", start, title=title, notes=value("session_notes"))
        if (duration := duration_text(value("duration"), line)) and 0 < duration <= 12 * 3600:
            builder.update(key, end=start + timedelta(seconds=duration))
        exercise = value("exercise")
        if not exercise:
            raise ImportFailed(line, "the exercise is empty")
        if value("skipped").strip().casefold() in _YES:
            problems.append(Problem(line, f"a set of {exercise} marked skipped: not imported", fatal=False))
            builder.entry(key, exercise, value("exercise_note"))
            return None
        load, load_word = value_and_word(value("load"), line, "load")
        stated = unit_word(value("unit") or load_word, line)
        unit = stated or options.units
        if load and unit is None:
            raise units_not_stated()
        reps, _word = value_and_word(value("reps"), line, "reps")
        effort = number(value("effort"), line, "RIR/RPE")
        rir, scale = None, None
        if effort is not None and effort > 0:
            rir, scale = (effort, EffortScale.RIR) if effort < 5 else (rir_from_rpe(effort), EffortScale.RPE)
        seconds = duration_text(value("seconds"), line) if value("seconds") else None
        distance, distance_word = value_and_word(value("distance"), line, "distance")
        record = SetRecord(
            set_type=self.set_type(value("set_type"), line),
            load_kg=load_kg(load, unit or Unit.KG, line),
            reps=whole(f"{reps:g}", line, "reps") if reps is not None else None,
            rir=rir,
            effort_scale=scale,
            duration_s=seconds or None,
            distance_m=metres(distance, distance_word, line, "km" if (unit or Unit.KG) is Unit.KG else "mi"),
            note=value("note"),
        )
        builder.add_set(key, exercise, rated_by_set_type(record), line, value("exercise_note"))
        return stated
