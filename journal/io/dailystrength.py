# SPDX-License-Identifier: MIT
"""DailyStrength's CSV export (Android): one row a set, each row with its own load unit (`kg` or `lbs`), so one
export may hold both.

Columns read: Date, Workout, Exercise, Set, Weight, Unit, Reps, Notes (a unit written after the load, `60 kg`, is
read as well). A real export was not at hand when this was written: the names follow the app's screens, and the
any-CSV importer's mapping remains for a file named otherwise.
"""

from __future__ import annotations

from journal.domain.records import SetType
from journal.io.labelled import LabelledCsv


class DailyStrengthCsv(LabelledCsv):
    name = "dailystrength"
    label = "DailyStrength"
    COLUMNS = {
        "date": ("Date",),
        "time": ("Time",),
        "title": ("Workout", "Routine"),
        "exercise": ("Exercise",),
        "set_type": ("Type", "Set Type"),
        "load": ("Weight",),
        "unit": ("Unit", "Units", "Weight Unit"),
        "reps": ("Reps",),
        "note": ("Notes", "Note"),
    }
    REQUIRED = ("date", "exercise", "load", "unit", "reps")
    SIGNATURE = ("Set",)
    SET_TYPES = {
        "normal": SetType.WORKING,
        "working": SetType.WORKING,
        "warmup": SetType.WARMUP,
        "warm-up": SetType.WARMUP,
        "drop": SetType.DROP,
        "failure": SetType.FAILURE,
    }
