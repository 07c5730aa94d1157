# SPDX-License-Identifier: MIT
"""Importers and exporters: files in, domain records out, never the database.

The registry lists every format; detection and the open-file dialog both come from it.
"""

from __future__ import annotations

from itertools import chain
from operator import attrgetter
from pathlib import Path

from journal.domain import validation
from journal.io.base import Importer, ImportFailed, ImportOptions, ParsedImport, Progress, clip, no_progress
from journal.io.registry import FORMATS, IMPORTERS, detect
from journal.io.text import read_text
from journal.memory import collection_paused


def parse_file(
    path: Path, fmt: str = "auto", options: ImportOptions | None = None, progress: Progress = no_progress
) -> ParsedImport:
    """Read and parse an export file. Raises ImportFailed for a file that cannot be read at all."""
    return parse_text(read_text(path), fmt, options, progress)


def parse_text(
    text: str, fmt: str = "auto", options: ImportOptions | None = None, progress: Progress = no_progress
) -> ParsedImport:
    importer = detect(text) if fmt == "auto" else FORMATS[fmt]
    with collection_paused():
        parsed = importer().read(text, options or ImportOptions(), progress)
    check_lengths(parsed)
    return parsed


NAME_MAX_CHARS = validation.NAME_MAX_CHARS
_NOTE, _SETS, _ENTRIES = attrgetter("note"), attrgetter("sets"), attrgetter("entries")
_TITLE, _NOTES = attrgetter("title"), attrgetter("notes")
_EXERCISE, _NAME = attrgetter("exercise"), attrgetter("name")
NOTE_MAX_CHARS = validation.NOTE_MAX_CHARS


def check_lengths(parsed: ParsedImport) -> ParsedImport:
    """Refuse a name or a note too long to show or print in good time (a title of megabytes would take the window
    minutes to lay out)."""
    entries = list(chain.from_iterable(map(_ENTRIES, parsed.sessions)))
    names = dict.fromkeys(map(_NAME, map(_EXERCISE, entries)))  # as exercise_names, in the order first given
    names.update(dict.fromkeys(item.exercise.name for routine in parsed.routines for item in routine.items))
    for name in names:
        if len(name) > NAME_MAX_CHARS:
            raise ImportFailed(0, f"the exercise name '{clip(name, 60)}' is longer than {NAME_MAX_CHARS} characters")
    # the longest text looked at in C over the whole file; the one too long is looked for only when there is one
    longest = max(
        max(map(len, map(_TITLE, parsed.sessions)), default=0),
        max(map(len, map(_NOTES, parsed.sessions)), default=0),
        max(map(len, map(_NOTE, entries)), default=0),
        max(map(len, map(_NOTE, chain.from_iterable(map(_SETS, entries)))), default=0),
    )
    if longest <= NOTE_MAX_CHARS:
        return parsed
    for session in parsed.sessions:
        notes = [("session title", session.title), ("session notes", session.notes)]
        for entry in session.entries:
            notes.append(("exercise note", entry.note))
            notes += [("set note", record.note) for record in entry.sets if record.note]
        for what, text in notes:
            if len(text) > NOTE_MAX_CHARS:
                raise ImportFailed(
                    0,
                    f"a {what} of the session of {session.start:%Y-%m-%d %H:%M} is longer than "
                    f"{NOTE_MAX_CHARS:,} characters: '{clip(text, 60)}'",
                )
    return parsed


def file_filter() -> str:
    """The open-file dialog's filter, from the importers' suffixes."""
    suffixes = sorted({s for importer in IMPORTERS for s in importer.suffixes})
    return f"Exports ({' '.join('*' + s for s in suffixes)});;All files (*)"


__all__ = [
    "FORMATS",
    "IMPORTERS",
    "ImportFailed",
    "ImportOptions",
    "Importer",
    "ParsedImport",
    "check_lengths",
    "detect",
    "file_filter",
    "parse_file",
    "parse_text",
]
