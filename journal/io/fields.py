# SPDX-License-Identifier: MIT
"""Turning the fields of an export into checked values, with the line in every refusal."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from datetime import datetime
from typing import TypeVar

from journal.domain import validation
from journal.domain.effort import EffortScale, is_half_step, rir_from_rpe
from journal.domain.records import SetRecord
from journal.domain.units import KG_PER_LB, Unit
from journal.io.base import ImportFailed
from journal.io.dates import DateError, parse_export_datetime

# "@8", "@ 8.5", "RPE 9", "rpe: 7,5", "RIR 2": a number that ends there (not "@8kg", "@80", "RIR 2.25").
_END = r"(?![\w]|[.,]\d)"
_EFFORT_IN_NOTE = re.compile(
    rf"(?:@\s*|\brpe\s*[:=]?\s*)(?P<rpe>10|[1-9](?:[.,]5)?){_END}"
    rf"|\brir\s*[:=]?\s*(?P<rir>10|[0-9](?:[.,]5)?){_END}",
    re.IGNORECASE,
)


T = TypeVar("T")

_DURATION_DIGITS = 9  # the most a part of a duration is read with: int() refuses thousands, a float overflows

UNIT_WORDS = {
    "kg": Unit.KG,
    "kgs": Unit.KG,
    "kilo": Unit.KG,
    "kilos": Unit.KG,
    "lb": Unit.LB,
    "lbs": Unit.LB,
    "pound": Unit.LB,
    "pounds": Unit.LB,
}
DISTANCE_M = {
    "km": 1000.0,
    "m": 1.0,
    "meters": 1.0,
    "metres": 1.0,
    "mi": 1609.344,
    "mile": 1609.344,
    "miles": 1609.344,
    "ft": 0.3048,
    "yd": 0.9144,
}


def remembered(parse: Callable[[str, int], T]) -> Callable[[str, int], T]:
    """`parse(text, line)` remembered under the text as written: an export repeats a few loads, reps and RPEs on
    thousands of rows, in ever new combinations, so each field is read once. A refusal is not remembered: every
    row that holds it is refused at its own line."""
    seen: dict[str, T] = {}

    def read(text: str, line: int) -> T:
        try:
            return seen[text]
        except KeyError:
            value = seen[text] = parse(text, line)
            return value

    return read


def unit_word(text: str, line: int) -> Unit | None:
    """A load unit as exports write it ('kgs', 'lbs'…); empty is None."""
    word = text.strip().lower().rstrip(".")
    if not word:
        return None
    if word not in UNIT_WORDS:
        raise ImportFailed(line, f"weight unit '{text.strip()}' is neither kg nor lb")
    return UNIT_WORDS[word]


def metres(value: float | None, unit_text: str, line: int, default: str = "m") -> float | None:
    """A distance in metres from a value and its unit as written ('km', 'mi.'…)."""
    if not value:
        return None
    word = unit_text.strip().lower().rstrip(".") or default
    if word not in DISTANCE_M:
        raise ImportFailed(line, f"distance unit '{unit_text.strip()}' is not known")
    return value * DISTANCE_M[word]


def unit_in_header(name: str) -> Unit | None:
    """The unit a column name states: 'Weight (kgs)' -> kg."""
    match = re.search(r"\(([^()]*)\)\s*$", name)
    return UNIT_WORDS.get(match[1].strip().lower()) if match else None


def weight_column(header: list[str], label: str) -> tuple[str, Unit | None]:
    """The first Weight column of a header (not 'Weight Unit') and the unit its name states, if any."""
    for name in header:
        if name.startswith("Weight") and name != "Weight Unit":
            return name, unit_in_header(name)
    raise ImportFailed(1, f"not a {label} export: the header has no Weight column")


def when(text: str, line: int, day_first: bool | None = None) -> datetime:
    """A date and time as the export writes it."""
    try:
        return parse_export_datetime(text, day_first)
    except DateError as error:
        raise ImportFailed(line, str(error)) from None


def number(text: str, line: int, what: str) -> float | None:
    """A number as exports write it ('82.5', '82,5', ' 4'), read as the forms read one; empty is None."""
    try:
        return validation.parse_decimal(text)
    except validation.NumberError as error:
        raise ImportFailed(line, f"{what} {error}") from None


def bodyweight(text: str, line: int) -> float | None:
    """A session's bodyweight in kg, in the range the session form takes."""
    value = number(text, line, "bodyweight")
    if value is not None and not validation.BODYWEIGHT_MIN_KG <= value <= validation.BODYWEIGHT_MAX_KG:
        raise ImportFailed(
            line,
            f"bodyweight '{text.strip()}' must be between {validation.BODYWEIGHT_MIN_KG:g} "
            f"and {validation.BODYWEIGHT_MAX_KG:g} kg",
        )
    return value


def whole(text: str, line: int, what: str) -> int | None:
    value = number(text, line, what)
    if value is None:
        return None
    if value != int(value) or not 0 <= value <= validation.REPS_MAX:
        raise ImportFailed(line, f"{what} '{text.strip()}' is not a whole number from 0 to {validation.REPS_MAX}")
    return int(value)


def load_kg(
    value: float | None, unit: Unit, line: int, plate_lb: float | None = None, assistance: bool = False
) -> float | None:
    """A load in kg from a value in `unit`; 0 or empty means no load. `plate_lb` rounds a kilogram value that was
    converted from pounds back to the pound plates it came from. With `assistance`, a negative load is kept: the
    assistance of an assisted bodyweight exercise (Fitbod writes -20 for 20 kg of help on an assisted chin-up)."""
    if value is None or value == 0:
        return None
    if value < 0 and not assistance:
        raise ImportFailed(line, f"load {value:g} is negative")
    kg = value * KG_PER_LB if unit is Unit.LB else value
    if plate_lb:
        kg = round(kg / KG_PER_LB / plate_lb) * plate_lb * KG_PER_LB
    if kg < -validation.ASSISTANCE_MAX_KG:
        raise ImportFailed(line, f"assistance {-value:g} {unit} is more than {validation.ASSISTANCE_MAX_KG:g} kg")
    if kg > validation.LOAD_MAX_KG:
        raise ImportFailed(line, f"load {value:g} {unit} is more than {validation.LOAD_MAX_KG:g} kg")
    return kg


def rpe_to_rir(value: float | None, line: int) -> float | None:
    """An RPE column's value as RIR; 0 or empty means not recorded."""
    if value is None or value == 0:
        return None
    if not 1 <= value <= 10 or not is_half_step(value):
        raise ImportFailed(line, f"RPE {value:g} is not on the 1-10 scale in half steps")
    return rir_from_rpe(value)


def effort_in_note(note: str) -> tuple[float, EffortScale] | None:
    """RIR from '@8', 'RPE 8.5' or 'RIR 2' written in a note, with the scale it was written on."""
    match = _EFFORT_IN_NOTE.search(note)
    if match is None:
        return None
    if match["rpe"] is not None:
        return rir_from_rpe(float(match["rpe"].replace(",", "."))), EffortScale.RPE
    return float(match["rir"].replace(",", ".")), EffortScale.RIR


def with_effort_from_note(record: SetRecord) -> SetRecord | None:
    """The set with the effort its note states, if it has none of its own and the note states one. RIR 0 taken from
    a failure set type is no rating of the lifter's: a rating in the note comes first."""
    if (record.rir is not None and record.rir_origin is None) or not record.note:
        return None
    found = effort_in_note(record.note)
    if found is None:
        return None
    return record.replace(rir=found[0], effort_scale=found[1], rir_origin=None)


def duration_text(text: str, line: int) -> float | None:
    """'1h 11m', '45m', '1:02:30', '90' (seconds) as seconds."""
    try:
        return _seconds(text.strip())
    except ValueError as error:
        raise ImportFailed(line, str(error)) from None


# 1h 11m, 57min, 45m 30s; Strong in Chinese writes 1小时13分钟 (hours 小时/小時/時間, minutes 分钟/分鐘/分, seconds 秒)
_DURATION = re.compile(
    r"(?:(\d+)\s*(?:h|hr|hrs|小时|小時|時間))?\s*(?:(\d+)\s*(?:m|min|mins|分钟|分鐘|分))?\s*(?:(\d+)\s*(?:s|sec|秒))?"
)


@functools.lru_cache(maxsize=1024)  # an export repeats a workout's duration on each of its sets
def _seconds(written: str) -> float | None:
    cleaned = written.lower()
    if not cleaned:
        return None
    match = _DURATION.fullmatch(cleaned)
    if match and any(match.groups()):
        if any(len(g) > _DURATION_DIGITS for g in match.groups() if g):
            raise ValueError(f"duration '{validation.shortened(written)}' has too many digits for a time")
        hours, minutes, seconds = (int(g or 0) for g in match.groups())
        return hours * 3600.0 + minutes * 60.0 + seconds
    try:
        return validation.parse_duration(cleaned)
    except validation.ValidationError:
        raise ValueError(f"duration '{validation.shortened(written)}' is not a time like 1h 11m or 1:02:30") from None


def session_times(start: datetime, end: datetime | None, line: int) -> None:
    """Refuse a session the session editor could not show: a date outside 1900–2200, or an end before the start."""
    try:
        validation.check_session_times(start, end)
    except validation.ValidationError as error:
        raise ImportFailed(line, error.message) from None
