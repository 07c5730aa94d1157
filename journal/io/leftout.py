# SPDX-License-Identifier: MIT
"""The rows an import leaves out (each refused with its line and reason), kept as written so nothing vanishes."""

from __future__ import annotations

from dataclasses import dataclass

from journal.io.base import ParsedImport
from journal.io.text import first_line, rows_at


@dataclass(frozen=True)
class LeftOut:
    """The header and the refused rows of a file as written (mend them and import the file again), and why each
    was refused."""

    source: str  # the file's name
    header: str
    rows: tuple[str, ...]
    reasons: tuple[str, ...]  # "line N: reason", one a row

    def csv_text(self) -> str:
        return "\n".join((self.header, *self.rows)) + "\n"

    def reasons_text(self) -> str:
        return "\n".join((f"Rows of {self.source} left out of its import:", *self.reasons)) + "\n"


def left_out(parsed: ParsedImport, text: str, source: str) -> LeftOut | None:
    """The rows `parsed` leaves out (see ParsedImport.without_left_out), or None when it leaves none out."""
    problems = [p for p in parsed.problems if p.row]
    if not problems:
        return None
    reasons = tuple(f"line {p.line}: {p.message.removeprefix('left out: ')}" for p in problems)
    return LeftOut(source, first_line(text), tuple(rows_at(text, [p.line for p in problems])), reasons)
