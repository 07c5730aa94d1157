# SPDX-License-Identifier: MIT
"""Lyfta's CSV export: one row a set, newest workout first, its header beginning with a space.

` Title,Date,Duration,Description,Notes,Exercise,Exercise Note,Superset id,Weight,Reps,RIR/RPE,Distance,Time,Set Type,
RecordLevel: …,RecordType: …` (as quoted by public Lyfta importers' tests). `null` is an empty field; the date is
`2026-07-21 14:39:04`, the duration `00:35:10`; `Set Type` is NORMAL_SET, WARMUP_SET, DROP_SET or FAILURE_SET; the
RIR/RPE column holds either (below 5 an RIR, from 5 an RPE). Loads are in the lifter's unit, which the file does not
name.
"""

from __future__ import annotations

from journal.domain.records import SetType
from journal.io.labelled import LabelledCsv


class LyftaCsv(LabelledCsv):
    name = "lyfta"
    label = "Lyfta"
    needs_units = True
    COLUMNS = {
        "date": ("Date",),
        "title": ("Title",),
        "duration": ("Duration",),
        "session_notes": ("Description", "Notes"),
        "exercise": ("Exercise",),
        "exercise_note": ("Exercise Note",),
        "load": ("Weight",),
        "reps": ("Reps",),
        "effort": ("RIR/RPE",),
        "distance": ("Distance",),
        "seconds": ("Time",),
        "set_type": ("Set Type",),
    }
    REQUIRED = ("date", "title", "exercise", "load", "reps", "set_type")
    SIGNATURE = ("Superset id", "Set Type")
    SET_TYPES = {
        "normal_set": SetType.WORKING,
        "warmup_set": SetType.WARMUP,
        "drop_set": SetType.DROP,
        "failure_set": SetType.FAILURE,
    }
    NULLS = frozenset({"null"})
