# SPDX-License-Identifier: MIT
"""The exercise catalogue file: one exercise a row with its aliases, mechanic, muscles, equipment and measure."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator

from journal.domain.records import MUSCLES, Exercise, Measure, Mechanic

HEADER = ["name", "aliases", "mechanic", "primary", "secondary", "equipment", "bodyweight", "measure"]


def _split(cell: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in cell.split("|") if part.strip())


def read_catalogue(text: str) -> Iterator[Exercise]:
    """Exercises from the catalogue's CSV text; a malformed row raises ValueError naming its line."""
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames != HEADER:
        raise ValueError(f"catalogue header must be {','.join(HEADER)}")
    for row in reader:
        try:
            if None in row or any(value is None for value in row.values()):
                raise ValueError(f"expected {len(HEADER)} columns")
            if not row["name"].strip():
                raise ValueError("an exercise needs a name")
            muscles = _split(row["primary"]) + _split(row["secondary"])
            unknown = [m for m in muscles if m not in MUSCLES]
            if unknown:
                raise ValueError(f"unknown muscle {unknown[0]!r}")
            yield Exercise(
                id=None,
                name=row["name"].strip(),
                mechanic=Mechanic(row["mechanic"]) if row["mechanic"] else None,
                primary=_split(row["primary"]),
                secondary=_split(row["secondary"]),
                equipment=row["equipment"] or "other",
                bodyweight=row["bodyweight"] == "1",
                measure=Measure(row["measure"] or "reps"),
                aliases=_split(row["aliases"]),
            )
        except ValueError as error:
            raise ValueError(f"catalogue line {reader.line_num}: {error}") from None
