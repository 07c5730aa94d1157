# SPDX-License-Identifier: MIT
"""Every import format by name, and which one a file is: detection and the open-file dialog both come from here."""

from __future__ import annotations

from journal.io.base import Importer, ImportFailed
from journal.io.dailystrength import DailyStrengthCsv
from journal.io.fitbod import FitbodCsv
from journal.io.fitnotes import FitNotesCsv
from journal.io.generic import GenericCsv
from journal.io.gymbook import GymBookCsv
from journal.io.hevy import HevyCsv
from journal.io.journal_csv import JournalCsv
from journal.io.lyfta import LyftaCsv
from journal.io.strong import StrongCsv
from journal.io.strong_share import StrongShareText
from journal.io.stronglifts import StrongLiftsCsv, raw_header
from journal.io.text import header_of

# Most specific first: detection takes the first whose sniff() accepts the header.
IMPORTERS: tuple[type[Importer], ...] = (
    JournalCsv,
    HevyCsv,
    FitbodCsv,
    StrongCsv,
    LyftaCsv,
    GymBookCsv,
    DailyStrengthCsv,
    StrongLiftsCsv,
    FitNotesCsv,
    GenericCsv,
)
FORMATS = {importer.name: importer for importer in IMPORTERS}
FORMATS[StrongShareText.name] = StrongShareText  # chosen (Edit → Paste workout), never detected: text has no header


def detect(text: str) -> type[Importer]:
    """The format whose header the file's first line is; else Strong when its columns hold Strong's content in
    Strong's order (a header in another language, or none: read once the lifter confirms, see StrongCsv.read)."""
    try:
        header = header_of(text)
    except ImportFailed:
        if StrongLiftsCsv.sniff(raw_header(text)):  # its exercises' columns repeat their names
            return StrongLiftsCsv
        if StrongCsv.layout(text) is not None:  # a first line of data may repeat a value ("0", "0")
            return StrongCsv
        raise
    for importer in IMPORTERS:
        if importer.sniff(header):
            return importer
    if StrongCsv.layout(text) is not None:
        return StrongCsv
    shown = ", ".join(header[:6]) + (", …" if len(header) > 6 else "")
    raise ImportFailed(
        1,
        f"the header ({shown}) is not one of Strong, Hevy, FitNotes, Fitbod, Lyfta, GymBook, DailyStrength, "
        "StrongLifts or Journal, and no "
        "date and exercise columns were found: choose the format and map the columns",
    )
