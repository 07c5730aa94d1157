# SPDX-License-Identifier: MIT
"""GymBook's CSV export (iOS), as a phone set to Italian writes it: loads with their unit (`40,00 kg`), reps with
their word (`10 ripetizioni`), dates day first with a two-digit year (`04/03/26 18:30`), newest first, and sets not
done marked skipped (kept out of the import, and named as notes).

The column names are read in English and in Italian (Date/Data, Workout/Allenamento, Exercise/Esercizio,
Weight/Peso, Reps/Ripetizioni, Skipped/Saltata, Notes/Note); a real export was not at hand when this was written,
so the names follow the app's screens, and the any-CSV importer's mapping remains for a file named otherwise.
"""

from __future__ import annotations

from journal.domain.records import SetType
from journal.io.labelled import LabelledCsv


class GymBookCsv(LabelledCsv):
    name = "gymbook"
    label = "GymBook"
    needs_units = True
    COLUMNS = {
        "date": ("Date", "Data"),
        "time": ("Time", "Ora"),
        "title": ("Workout", "Allenamento"),
        "exercise": ("Exercise", "Esercizio"),
        "set_type": ("Set Type", "Tipo di serie", "Tipo"),
        "load": ("Weight", "Peso"),
        "reps": ("Reps", "Ripetizioni"),
        "skipped": ("Skipped", "Saltata", "Saltato"),
        "note": ("Notes", "Note"),
    }
    REQUIRED = ("date", "title", "exercise", "load", "reps", "skipped")
    DAY_FIRST = True
    SET_TYPES = {
        "": SetType.WORKING,
        "normale": SetType.WORKING,
        "normal": SetType.WORKING,
        "riscaldamento": SetType.WARMUP,
        "warm-up": SetType.WARMUP,
        "warmup": SetType.WARMUP,
        "drop set": SetType.DROP,
        "dropset": SetType.DROP,
        "cedimento": SetType.FAILURE,
        "failure": SetType.FAILURE,
    }
