# SPDX-License-Identifier: MIT
"""Writing a journal as Strong's CSV export, which Strong and Hevy import: a lifter's history back to a phone.

The common comma layout Strong writes, `Date,Workout Name,Duration,Exercise Name,Set Order,Weight,Reps,Distance,
Seconds,Notes,Workout Notes,RPE`, one row a set: loads in the lifter's unit (the file does not say it, as Strong's
own does not: import it back with that unit), distances in km (kg) or miles (lb), `Set Order` W, D, F or the working
set's number, RIR as RPE = 10 − RIR (empty: not rated; RIR 0 taken from a failure set type is left out, as the F
says it, and an unrated Failure/AMRAP set comes back as RIR 0 from set type, which is what Strong's F means). An
exercise's note is a `Note` row, as Strong writes it. Strong has no back-off set: one is written as a numbered set
with `back-off` in its note, which Journal's Strong reader takes back as a back-off set. Assistance (a negative load
on a bodyweight exercise) is written negative, as Fitbod does; Journal reads it back as assistance. Strong's layout
has no place for a session's bodyweight or a set's failure reps: they stay behind.
"""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO

from journal.domain.effort import rpe_from_rir
from journal.domain.records import RirOrigin, Session, SetRecord, SetType
from journal.domain.units import Unit, from_kg
from journal.io.strong import BACKOFF_NOTE

HEADER = (
    "Date",
    "Workout Name",
    "Duration",
    "Exercise Name",
    "Set Order",
    "Weight",
    "Reps",
    "Distance",
    "Seconds",
    "Notes",
    "Workout Notes",
    "RPE",
)
_ORDER = {SetType.WARMUP: "W", SetType.DROP: "D", SetType.FAILURE: "F"}
_MILE_M = 1609.344


def _number(value: float | None) -> str:
    """A number as Strong writes one ('100.0', '5'); shortest form that reads back to the same float."""
    if value is None:
        return ""
    return repr(round(value, 9)) if value != int(value) else f"{value:.1f}"


def _duration(session: Session) -> str:
    if session.end is None:
        return ""
    minutes = max(0, int((session.end - session.start).total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h {minutes}m" if hours else f"{minutes}m"


def _rpe(record: SetRecord) -> str:
    if record.rir is None or record.rir_origin is RirOrigin.SET_TYPE:
        return ""
    rpe = rpe_from_rir(record.rir)
    return _number(rpe) if rpe >= 1 else ""  # RIR above 9 has no place on Strong's scale


def write_strong_csv(sessions: Iterable[Session], out: IO[str], unit: Unit) -> tuple[int, int]:
    """Write every session's sets as Strong rows; returns (sessions, sets) written."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(HEADER)
    session_count = set_count = 0
    per_km = 1000.0 if unit is Unit.KG else _MILE_M
    for session in sessions:
        head = [session.start.strftime("%Y-%m-%d %H:%M:%S"), session.title or "Workout", _duration(session)]
        written = False
        for entry in session.entries:
            working = 0
            if entry.note and entry.sets:  # Strong's own way: a row whose set order is "Note"
                writer.writerow(
                    [*head, entry.exercise.name, "Note", "0.0", "", "0", "0", entry.note, session.notes, ""]
                )
            for record in entry.sets:
                if record.set_type in _ORDER:
                    order = _ORDER[record.set_type]
                else:
                    working += 1
                    order = str(working)
                note = record.note
                if record.set_type is SetType.BACKOFF:
                    note = f"{BACKOFF_NOTE}{' · ' + note if note else ''}"
                load = None if record.load_kg is None else from_kg(record.load_kg, unit)
                writer.writerow(
                    [
                        *head,
                        entry.exercise.name,
                        order,
                        _number(load) or "0.0",
                        "" if record.reps is None else str(record.reps),
                        _number(None if record.distance_m is None else record.distance_m / per_km) or "0",
                        _number(record.duration_s) or "0",
                        note,
                        session.notes,
                        _rpe(record),
                    ]
                )
                set_count += 1
                written = True
        session_count += written
    return session_count, set_count


def export_strong_file(path: Path, sessions: Iterable[Session], unit: Unit) -> tuple[int, int]:
    """Write `sessions` to `path` atomically, readable by the user only. Returns (sessions, sets)."""
    out = path.absolute()
    handle, temporary = tempfile.mkstemp(prefix=".journal-export-", suffix=".csv", dir=out.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as stream:
            counts = write_strong_csv(sessions, stream, unit)
        os.replace(temporary, out)
    except BaseException:
        os.unlink(temporary)
        raise
    return counts
