# SPDX-License-Identifier: MIT
"""Any CSV, through a column mapping: which column holds the date, time, session title, exercise, set type, load,
unit, reps, RIR or RPE, and notes. `;` and tab delimiters and decimal commas are read as well.

Rows with the same date (and time, and title) form one session; consecutive rows of one exercise form its sets.
A guessed mapping comes from the column names; the lifter corrects it in the mapping dialog, which remembers it.
"""

from __future__ import annotations

import re

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
    Recorder,
    no_progress,
    units_not_stated,
)
from journal.io.builder import SessionBuilder
from journal.io.fields import load_kg, number, rpe_to_rir, unit_word, when, whole
from journal.io.text import Row, header_of, rows

_DATE_ORDER = {"day first": True, "month first": False}
DATE_ORDERS = ("", *_DATE_ORDER)  # the mapping's "date_order": how to read 03/02/2026 ('' refuses it)
FIELDS = ("date", "time", "title", "exercise", "set_type", "load", "unit", "reps", "rir", "rpe", "notes")
REQUIRED = ("date", "exercise")
LABELS = {
    "date": "Date",
    "time": "Time",
    "title": "Session title",
    "exercise": "Exercise",
    "set_type": "Set order or type",
    "load": "Load",
    "unit": "Unit (kg/lb)",
    "reps": "Reps",
    "rir": "RIR",
    "rpe": "RPE",
    "notes": "Notes",
}
_GUESSES = {
    "date": r"^(date|day|datum|fecha|data|workout date|start|start_time)$",
    "time": r"^(time|start time|hour)$",
    "title": r"(workout|session|routine|title|name of workout)",
    "exercise": r"(exercise|movement|lift|übung|ejercicio)",
    "set_type": r"(set order|set type|set_type|type|warm)",
    "load": r"^(weight|load|kg|lbs?|weight.*|load.*|poids|peso|gewicht)$",
    "unit": r"(unit|einheit)",
    "reps": r"(reps|repetitions|wiederholungen|repeticiones)",
    "rir": r"^(rir|reps in reserve)$",
    "rpe": r"^(rpe|effort)$",
    "notes": r"(note|comment|description)",
}


def guess_mapping(header: list[str]) -> dict[str, str]:
    """A mapping from the column names alone; each column is used once."""
    mapping: dict[str, str] = {}
    for field in FIELDS:
        for name in header:
            if name not in mapping.values() and re.search(_GUESSES[field], name.strip().lower()):
                mapping[field] = name
                break
    return mapping


def _set_type(text: str, line: int) -> SetType:
    cleaned = text.strip()
    if not cleaned or cleaned.isdigit() or cleaned.lower() in ("false", "no"):
        return SetType.WORKING
    if cleaned.lower() in ("true", "yes"):  # a warm-up flag (Fitbod's isWarmup): true is a warm-up
        return SetType.WARMUP
    try:
        return SetType.from_text(cleaned)
    except ValueError:
        raise ImportFailed(
            line, f"set type '{cleaned}' is not known (use W, D, F, B, a number, or a type name)"
        ) from None


class _Mapped:
    """A row read by the lifter's field names ('date', 'load'…) through the mapping to the file's columns."""

    def __init__(self, row: Row, mapping: dict[str, str]) -> None:
        self.row, self.mapping = row, mapping

    def __getitem__(self, field: str) -> str:
        column = self.mapping.get(field)
        return self.row[column] if column else ""


class GenericCsv(Importer):
    name = "csv"
    label = "Other CSV (map the columns)"
    needs_units = True

    @classmethod
    def sniff(cls, header: list[str]) -> bool:
        return all(field in guess_mapping(header) for field in REQUIRED)

    def read(self, text: str, options: ImportOptions, progress: Progress = no_progress) -> ParsedImport:
        header = header_of(text)
        mapping = options.mapping or guess_mapping(header)
        missing = [LABELS[f] for f in REQUIRED if not mapping.get(f)]
        if missing:
            raise ImportFailed(1, f"choose the column for {' and '.join(missing)}")
        unknown = [name for field, name in mapping.items() if field in FIELDS and name and name not in header]
        if unknown:
            raise ImportFailed(1, f"the file has no column '{unknown[0]}'")
        if not mapping.get("unit") and mapping.get("load") and options.units is None:
            raise units_not_stated()
        builder = SessionBuilder("csv")
        count = 0
        problems: list[Problem] = []
        recorder = Recorder(problems)
        # the count of rows is read after the loop
        for count, row in enumerate(rows(text, header, progress), 1):  # noqa: B007
            with recorder:
                line = row.line
                value = _Mapped(row, mapping)
                start = when(
                    f"{value['date']} {value['time']}".strip(), line, _DATE_ORDER.get(mapping.get("date_order", ""))
                )
                title = value["title"]
                key = builder.session(f"{start.isoformat()}|{title}", start, title=title)
                exercise = value["exercise"]
                if not exercise:
                    raise ImportFailed(line, "the exercise is empty")
                unit = unit_word(value["unit"], line)
                rir = number(value["rir"], line, "RIR")
                scale = EffortScale.RIR if rir is not None else None
                if rir is None and (rir := rpe_to_rir(number(value["rpe"], line, "RPE"), line)) is not None:
                    scale = EffortScale.RPE
                builder.add_set(
                    key,
                    exercise,
                    SetRecord(
                        set_type=_set_type(value["set_type"], line),
                        load_kg=load_kg(number(value["load"], line, "load"), unit or options.units or Unit.KG, line),
                        reps=whole(value["reps"], line, "reps"),
                        rir=rir,
                        effort_scale=scale,
                        note=value["notes"],
                    ),
                    line,
                )
            if recorder.enough:
                break
        return builder.result(
            self.label,
            options.effort_from_notes,
            problems=problems,
            units=options.units or Unit.KG,
            units_stated=bool(mapping.get("unit")),
            rows=count,
        )


def mapping_key(header: list[str]) -> str:
    """Which saved mapping belongs to a file: its column names."""
    return "|".join(header)
