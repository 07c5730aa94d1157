# SPDX-License-Identifier: MIT
"""Strong's column names in the languages it writes, old exports' unit-named columns, and Strong's layout
recognised by position and content where the header is in an unknown language or missing.

Strong writes its export's header in the phone's language. The names known here, and where they were seen:

- English: Strong's own export (the samples in tests/fixtures/strong and the real exports in ../shared/fixtures).
- German: `Datum,Workout-Name,Dauer,Name der Übung,Reihenfolge festlegen,Gewicht,Wiederh.,Entfernung,Sekunden,
  Notizen,Workout-Notizen,RPE`, rest rows `Ruhezeit`: German exports quoted in the tests of public Strong
  importers (a JavaScript `strong-csv` test and a TypeScript fixture, `GERMAN_HEADERS`).
- French: `Date,Nom de l'entraînement,Durée,Nom de l'exercice,Ordre de la série,Poids,Réps,Distance,Secondes,Notes,
  Notes d'entraînement,RPE`, rest rows `Minuteur de repos`, durations `1h 39min`: a real export kept as a test
  fixture by a public project (Martsk23/fitness-recomp, tests/fixtures/strong-export-reel.csv).
- Portuguese: `Data,Nome do treino,Duração,Nome do exercício,Ordem da série,Peso,Reps,Distância,Segundos,Notas,
  Notas do treino,RPE`: the header quoted in a public Strong analysis script.

Other languages (Chinese, with durations like `1小时13分钟`, among them) are read by position: a file whose
columns hold, in Strong's order, a date, a title, a duration (or not), an exercise, a set order and numbers is
recognised as Strong's layout, and the lifter confirms the columns as guessed (see guess_layout).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from journal.io.base import ImportFailed
from journal.io.dates import DateError, parse_export_datetime
from journal.io.fields import duration_text, number

# Each language's column names -> Strong's English names.
TRANSLATIONS: dict[str, dict[str, str]] = {
    "German": {
        "Datum": "Date",
        "Workout-Name": "Workout Name",
        "Dauer": "Duration",
        "Name der Übung": "Exercise Name",
        "Reihenfolge festlegen": "Set Order",
        "Gewicht": "Weight",
        "Wiederh.": "Reps",
        "Entfernung": "Distance",
        "Sekunden": "Seconds",
        "Notizen": "Notes",
        "Workout-Notizen": "Workout Notes",
    },
    "French": {
        "Nom de l'entraînement": "Workout Name",
        "Durée": "Duration",
        "Nom de l'exercice": "Exercise Name",
        "Ordre de la série": "Set Order",
        "Poids": "Weight",
        "Réps": "Reps",
        "Secondes": "Seconds",
        "Notes d'entraînement": "Workout Notes",
    },
    "Portuguese": {
        "Data": "Date",
        "Nome do treino": "Workout Name",
        "Duração": "Duration",
        "Nome do exercício": "Exercise Name",
        "Ordem da série": "Set Order",
        "Peso": "Weight",
        "Distância": "Distance",
        "Segundos": "Seconds",
        "Notas": "Notes",
        "Notas do treino": "Workout Notes",
    },
}
# Set orders that are no set: a rest timer's row, in the languages above (the English ones are Strong's own).
REST_TIMER_WORDS = frozenset({"rest timer", "ruhezeit", "minuteur de repos"})

# Old exports name the load and distance columns by their unit.
UNIT_COLUMNS = {
    "kg": "Weight (kg)",
    "kgs": "Weight (kg)",
    "lb": "Weight (lbs)",
    "lbs": "Weight (lbs)",
    "km": "Distance (km)",
    "mi": "Distance (mi)",
    "miles": "Distance (mi)",
}

REQUIRED = ("Date", "Workout Name", "Exercise Name", "Set Order", "Reps")


def in_english(header: list[str]) -> tuple[list[str], str]:
    """The header with Strong's English names, and the language it was written in ('English' when it needed no
    translation, '' when it is not Strong's in any known language)."""
    english = [UNIT_COLUMNS.get(name.lower(), name) for name in header]
    if _is_strong(english):
        return english, "English"
    for language, names in TRANSLATIONS.items():
        translated = [names.get(name, name) for name in english]
        if _is_strong(translated):
            return translated, language
    return header, ""


def _is_strong(header: list[str]) -> bool:
    return all(name in header for name in REQUIRED) and any(name.startswith("Weight") for name in header)


# ---- Strong's layout by position and content ----------------------------------------------------------------

_HEAD = ("Date", "Workout Name")
_BODY = ("Exercise Name", "Set Order", "Weight", "Reps", "Distance", "Seconds")
_TAILS: dict[int, tuple[tuple[str, ...], ...]] = {  # what may follow Seconds, by how many columns follow
    0: ((),),
    1: (("RPE",), ("Notes",)),
    2: (("Notes", "RPE"), ("Notes", "Workout Notes")),
    3: (("Notes", "Workout Notes", "RPE"),),
}
SAMPLE_ROWS = 200  # the rows looked at
AGREEMENT = 0.9  # the share of sampled rows every column must fit


@dataclass(frozen=True)
class Layout:
    """Strong's English column names for a file's columns, as guessed from their content; `header_line` is whether
    the file's first line is a header (in a language not known here) rather than a row."""

    columns: tuple[str, ...]
    header_line: bool
    written: tuple[str, ...]  # the first line's fields as written

    def describe(self) -> str:
        """'column 1 (Datum) = Date, …', as the preview and the command line show it."""
        shown = []
        for index, name in enumerate(self.columns):
            was = f" ({self.written[index]})" if self.header_line and index < len(self.written) else ""
            shown.append(f"column {index + 1}{was} = {name}")
        return ", ".join(shown)


class LayoutGuessed(ImportFailed):
    """A file read as Strong's by the position and content of its columns: refused until the lifter confirms."""

    def __init__(self, layout: Layout) -> None:
        what = (
            "the header is in a language Journal does not know" if layout.header_line else "the file has no header line"
        )
        super().__init__(
            1,
            f"{what}, but its {len(layout.columns)} columns match Strong's layout by position and content "
            "(shown as guessed): check them and confirm (on the command line: --columns-by-position)",
        )
        self.layout = layout


def _is_date(text: str) -> bool:
    try:
        parse_export_datetime(text.strip())
    except DateError:
        return False
    return True


def _is_duration(text: str) -> bool:
    try:
        duration_text(text, 0)
    except ImportFailed:
        return False
    return True


def _is_number(text: str) -> bool:
    try:
        number(text, 0, "")
    except ImportFailed:
        return False
    return True


def _is_set_order(text: str) -> bool:
    cleaned = text.strip()
    return cleaned.isdigit() or cleaned.upper() in ("W", "D", "F") or (bool(cleaned) and not _is_number(cleaned))


def _is_rpe(text: str) -> bool:
    value = number(text, 0, "") if _is_number(text) else -1
    return value is None or 0 <= value <= 10


def _is_name(text: str) -> bool:
    return bool(text.strip()) and not _is_number(text)


_CHECKS: dict[str, Callable[[str], bool]] = {
    "Date": _is_date,
    "Duration": _is_duration,
    "Workout Name": lambda text: True,
    "Exercise Name": _is_name,
    "Set Order": _is_set_order,
    "Weight": _is_number,
    "Reps": _is_number,
    "Distance": _is_number,
    "Seconds": _is_number,
    "RPE": _is_rpe,
    "Notes": lambda text: True,
    "Workout Notes": lambda text: True,
}


def _candidates(width: int) -> list[tuple[str, ...]]:
    found = []
    for middle in (("Duration",), ()):
        fixed = (*_HEAD, *middle, *_BODY)
        for tail in _TAILS.get(width - len(fixed), ()):
            found.append((*fixed, *tail))
    return found


def _misfits(columns: tuple[str, ...], rows: list[list[str]]) -> int | None:
    """How many fields do not hold what Strong writes in their column, or None when a column has too many: a typo is
    no reason to doubt the layout (one row in ten may differ, and one in any file)."""
    allowed = max(1, int((1 - AGREEMENT) * len(rows)))
    total = 0
    for index, name in enumerate(columns):
        check = _CHECKS[name]
        misfits = sum(not check(row[index]) for row in rows)
        if misfits > allowed:
            return None
        total += misfits
    return total


def guess_layout(records: list[list[str]]) -> Layout | None:
    """Strong's layout for a file whose first records (the first line, then rows) these are, or None when its
    columns do not hold Strong's content in Strong's order."""
    if len(records) < 2:
        return None
    first, rest = records[0], records[1 : SAMPLE_ROWS + 1]
    header_line = not _is_date(first[0]) if first else True
    rows = [row for row in (rest if header_line else [first, *rest]) if len(row) == len(first)]
    if len(rows) < 2 or len(rows) < AGREEMENT * len(rest):
        return None
    scored = [
        (misfits, columns) for columns in _candidates(len(first)) if (misfits := _misfits(columns, rows)) is not None
    ]
    if not scored:
        return None
    best = min(scored, key=lambda pair: pair[0])[1]  # the first of the closest fits
    return Layout(best, header_line, tuple(first))
