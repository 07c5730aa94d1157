# SPDX-License-Identifier: MIT
"""Checks for every value a lifter types or an importer reads. Each parser takes text and returns the stored value
(or None for an empty field) or raises ValidationError naming the field and the reason."""

from __future__ import annotations

import math
import re
from datetime import datetime

from journal.domain.effort import RIR_MAX, RPE_MAX, RPE_MIN, is_half_step, rir_from_rpe
from journal.domain.records import SetRecord
from journal.domain.units import Unit, format_number, from_kg, to_kg

LOAD_MAX_KG = 1000.0
ASSISTANCE_MAX_KG = 400.0  # a negative load on a bodyweight exercise (an assistance machine or band), at most this
REPS_MAX = 1000
BODYWEIGHT_MIN_KG = 20.0
BODYWEIGHT_MAX_KG = 400.0
DURATION_MAX_S = 24 * 3600.0
DISTANCE_MAX_M = 1_000_000.0
YEAR_MIN = 1900  # the years a session can be dated, as the session editor allows
YEAR_MAX = 2200
_TIME_PART = re.compile(r"[0-9]{1,9}")  # more digits are no time (and int() refuses thousands of them)
_SHOWN_MAX = 60
_THOUSANDS = re.compile(r"[0-9]{1,3}(,[0-9]{3})+")


class ValidationError(ValueError):
    """A value refused, with the field it belongs to and a message a lifter can act on."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def shortened(text: str) -> str:
    """Text to quote in a message, cut short when it is long."""
    return text if len(text) <= _SHOWN_MAX else text[:_SHOWN_MAX] + "…"


NAME_MAX_CHARS = 200  # an exercise name, a session's or a routine's title
NOTE_MAX_CHARS = 10_000  # a session's notes, an exercise's or a set's note


def check_text(text: str, field: str, limit: int = NOTE_MAX_CHARS) -> str:
    """Text a lifter may store in a name or a note: at most `limit` characters (a note of megabytes would take
    the window minutes to lay out and print)."""
    if len(text) > limit:
        raise ValidationError(field, f"is {len(text):,} characters long; at most {limit:,} are kept")
    return text


class NumberError(ValueError):
    """Text that is not a number as Journal reads one; the message says why, quoting the text."""


_PLAIN_DECIMAL = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)")


def parse_decimal(text: str) -> float | None:
    """The one reading of a number, for the forms and the importers alike: a plain decimal with a point or a
    comma ('82.5', '82,5', ' 4'); empty is None. Refused: '1,000' (a thousands separator, or 1.0? it is
    ambiguous), a point and a comma together, and what float() would also take ('1_0', '1e-320', 'inf', 'nan')."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if _THOUSANDS.fullmatch(cleaned):
        raise NumberError(f"'{shortened(cleaned)}': write it without a thousands separator (1000, or 1.0)")
    if "," in cleaned and "." in cleaned:
        raise NumberError(f"'{shortened(cleaned)}' mixes ',' and '.'")
    cleaned = cleaned.replace(",", ".")
    if not _PLAIN_DECIMAL.fullmatch(cleaned):
        raise NumberError(f"'{shortened(text.strip())}' is not a number")
    value = float(cleaned)
    if not math.isfinite(value):
        raise NumberError(f"'{shortened(text.strip())}' is not a number")
    return value


def _number(text: str, field: str) -> float | None:
    try:
        return parse_decimal(text)
    except NumberError as error:
        raise ValidationError(field, str(error)) from None


_BODYWEIGHT_LOAD = re.compile(r"\s*bw\s*(?:(?P<sign>[-+\u2212])\s*(?P<rest>.*))?", re.IGNORECASE | re.DOTALL)


def parse_load(text: str, unit: Unit, field: str = "Load", bodyweight: bool = False) -> float | None:
    """A load typed in `unit`, returned in kg; 0 to 1000 kg (2204.6 lb). On a bodyweight exercise the load is
    what is added to the body ('10', 'BW+10') or, negative, the assistance taken off it ('-20', 'BW-20', 'BW − 20');
    'BW' alone adds nothing. Elsewhere a negative load or 'BW' is refused."""
    match = _BODYWEIGHT_LOAD.fullmatch(text)
    if match is not None:
        if not bodyweight:
            raise ValidationError(field, "BW is for bodyweight exercises only: type the load")
        if match["sign"] is None:
            return None
        text = ("-" if match["sign"] in "-\u2212" else "") + match["rest"].strip()
    text = text.strip().replace("\u2212", "-")
    value = _number(text, field)
    if value is None:
        return None
    kg = to_kg(value, unit)
    if kg < 0:
        if not bodyweight:
            raise ValidationError(
                field, "a negative load is assistance, for bodyweight exercises only (Assisted Pull-up: -20 or BW-20)"
            )
        if kg < -ASSISTANCE_MAX_KG - 1e-9:
            limit = format_number(from_kg(ASSISTANCE_MAX_KG, unit), 1)
            raise ValidationError(field, f"assistance must be at most {limit} {unit}")
        return kg
    if not 0.0 <= kg <= LOAD_MAX_KG + 1e-9:
        limit = format_number(from_kg(LOAD_MAX_KG, unit), 1)
        raise ValidationError(field, f"must be between 0 and {limit} {unit}")
    return kg


def parse_bodyweight(text: str, unit: Unit) -> float | None:
    value = _number(text, "Bodyweight")
    if value is None:
        return None
    kg = to_kg(value, unit)
    if not BODYWEIGHT_MIN_KG <= kg <= BODYWEIGHT_MAX_KG:
        low = format_number(from_kg(BODYWEIGHT_MIN_KG, unit), 0)
        high = format_number(from_kg(BODYWEIGHT_MAX_KG, unit), 0)
        raise ValidationError("Bodyweight", f"must be between {low} and {high} {unit}")
    return kg


def _whole(text: str, field: str, low: int, high: int) -> int | None:
    value = _number(text, field)
    if value is None:
        return None
    if value != int(value):
        raise ValidationError(field, f"'{text.strip()}' is not a whole number")
    if not low <= value <= high:
        raise ValidationError(field, f"must be a whole number from {low} to {high}")
    return int(value)


def parse_reps(text: str, field: str = "Reps") -> int | None:
    return _whole(text, field, 0, REPS_MAX)


def parse_failure_reps(text: str, reps: int | None) -> int | None:
    """Reps reached when the set was taken on to failure: a whole number, at least the reps logged."""
    value = _whole(text, "Failure reps", 0, REPS_MAX)
    if value is not None and reps is not None and value < reps:
        raise ValidationError("Failure reps", f"must be at least the {reps} reps of the set")
    return value


def parse_rir(text: str) -> float | None:
    value = _number(text, "RIR")
    if value is None:
        return None
    if not 0.0 <= value <= RIR_MAX or not is_half_step(value):
        raise ValidationError("RIR", "must be 0 to 10 in half steps (0, 0.5, 1 …)")
    return value


def parse_rpe(text: str) -> float | None:
    """An RPE on the RIR-based scale, returned as RIR (10 - RPE)."""
    value = _number(text, "RPE")
    if value is None:
        return None
    if not RPE_MIN <= value <= RPE_MAX or not is_half_step(value):
        raise ValidationError("RPE", "must be 1 to 10 in half steps (7, 7.5, 8 …)")
    return rir_from_rpe(value)


def parse_duration(text: str) -> float | None:
    """Seconds, or minutes and seconds written m:ss, or h:mm:ss."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if ":" in cleaned:
        parts = [part.strip() for part in cleaned.split(":")]
        if len(parts) > 3 or not all(_TIME_PART.fullmatch(p) for p in parts) or any(int(p) >= 60 for p in parts[1:]):
            raise ValidationError("Time", f"'{shortened(cleaned)}' is not a time like 1:30 or 1:02:30")
        seconds = 0.0
        for part in parts:
            seconds = seconds * 60 + int(part)
    else:
        seconds = _number(cleaned, "Time") or 0.0
    if not 0 <= seconds <= DURATION_MAX_S:
        raise ValidationError("Time", "must be between 0 and 24 hours")
    return seconds


def parse_distance(text: str, field: str = "Distance") -> float | None:
    """Metres, 0 to 1000 km."""
    value = _number(text, field)
    if value is None:
        return None
    if not 0 <= value <= DISTANCE_MAX_M:
        raise ValidationError(field, "must be between 0 and 1,000,000 m")
    return value


def check_session_times(start: datetime, end: datetime | None) -> None:
    """A session the session editor can show: started and ended YEAR_MIN to YEAR_MAX, not ending before it starts."""
    if not YEAR_MIN <= start.year <= YEAR_MAX:
        raise ValidationError("Date", f"the date {start.date().isoformat()} is outside {YEAR_MIN}–{YEAR_MAX}")
    if end is not None and not YEAR_MIN <= end.year <= YEAR_MAX:
        raise ValidationError("End", f"the end {end.date().isoformat()} is outside {YEAR_MIN}–{YEAR_MAX}")
    if end is not None and end < start:
        raise ValidationError("End", "the session ends before it starts")


def check_set(record: SetRecord) -> None:
    """The same limits as the set table's cells, for a set that arrives whole (an import)."""
    if record.load_kg is not None and not -ASSISTANCE_MAX_KG <= record.load_kg <= LOAD_MAX_KG:
        raise ValidationError(
            "Load", f"{record.load_kg:g} kg is not between -{ASSISTANCE_MAX_KG:g} (assistance) and {LOAD_MAX_KG:g} kg"
        )
    for field, value in (("Reps", record.reps), ("Failure reps", record.failure_reps)):
        if value is not None and not 0 <= value <= REPS_MAX:
            raise ValidationError(field, f"{value} is not a whole number from 0 to {REPS_MAX}")
    if record.rir is not None and not (0 <= record.rir <= RIR_MAX and is_half_step(record.rir)):
        raise ValidationError("RIR", f"{record.rir:g} is not 0 to 10 in half steps")
    if record.failure_reps is not None and record.reps is not None and record.failure_reps < record.reps:
        raise ValidationError("Failure reps", f"{record.failure_reps} is fewer than the {record.reps} reps done")
    if record.duration_s is not None and not 0 <= record.duration_s <= DURATION_MAX_S:
        raise ValidationError("Time", f"{record.duration_s:g} s is not between 0 and 24 hours")
    if record.distance_m is not None and not 0 <= record.distance_m <= DISTANCE_MAX_M:
        raise ValidationError("Distance", f"{record.distance_m:g} m is not between 0 and 1,000 km")


# Loads possible but unlikely, per mechanic and equipment, in kg on the implement as logged (one dumbbell, the
# load added to bodyweight). A load above its limit is kept and named as a warning: a slipped digit (a 400 kg curl)
# shows, a strongman's history is not refused. The limits sit above the heaviest lifts of their kind on record
# (deadlift 501 kg; a barbell curl about 115 kg; dumbbell presses about 100 kg a hand) and above what gym
# equipment carries (leg press sleds about 700 kg, shrug and calf machines about 300 kg, cable stacks about 150 kg).
LIKELY_MAX_KG: dict[tuple[str, str], float] = {
    ("compound", "barbell"): 500.0,
    ("compound", "trap_bar"): 500.0,
    ("compound", "smith"): 500.0,
    ("compound", "machine"): 700.0,
    ("compound", "dumbbell"): 100.0,
    ("compound", "kettlebell"): 100.0,
    ("compound", "cable"): 200.0,
    ("compound", "band"): 200.0,
    ("compound", "bodyweight"): 200.0,
    ("compound", "other"): 500.0,
    ("isolation", "barbell"): 250.0,  # shrugs
    ("isolation", "trap_bar"): 350.0,
    ("isolation", "smith"): 300.0,
    ("isolation", "machine"): 300.0,  # calf raises, shrugs
    ("isolation", "ez_bar"): 120.0,
    ("isolation", "dumbbell"): 60.0,
    ("isolation", "kettlebell"): 60.0,
    ("isolation", "cable"): 150.0,
    ("isolation", "band"): 150.0,
    ("isolation", "plate"): 60.0,
    ("isolation", "bodyweight"): 100.0,
    ("isolation", "other"): 300.0,
}
LIKELY_MAX_REPS_LOADED = 100  # more reps with a load than this are unlikely
LIKELY_MAX_REPS = 500  # and more than this with none


def likely_max_kg(mechanic: str | None, equipment: str | None) -> float:
    """The heaviest likely load for an exercise of this mechanic and equipment; an unknown mechanic takes the
    compound limit (the higher), unknown equipment 'other'."""
    kind = mechanic or "compound"
    return LIKELY_MAX_KG.get((kind, equipment or "other")) or LIKELY_MAX_KG[(kind, "other")]


def unlikely(record: SetRecord, mechanic: str | None, equipment: str | None) -> str:
    """Why a valid set is unlikely for its exercise ('' when it is not): a load above the limit of its mechanic
    and equipment, or a count of reps few lifters ever log."""
    limit = likely_max_kg(mechanic, equipment)
    if record.load_kg is not None and record.load_kg > limit:
        words = " ".join(w for w in (mechanic, (equipment or "").replace("_", " ")) if w and w != "other")
        kind = f"{'an' if words[:1] in ('a', 'e', 'i', 'o', 'u', '') else 'a'} {words} exercise".replace("  ", " ")
        return f"{format_number(record.load_kg)} kg is unlikely for {kind} (more than {limit:g} kg)"
    reps_limit = LIKELY_MAX_REPS_LOADED if record.load_kg else LIKELY_MAX_REPS
    if record.reps is not None and record.reps > reps_limit:
        return f"{record.reps} reps are unlikely (more than {reps_limit}{' with a load' if record.load_kg else ''})"
    return ""
