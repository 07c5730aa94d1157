# SPDX-License-Identifier: MIT
"""The preview of an import as text: what the command line's --dry-run prints and the import dialog shows."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from journal.domain.records import Exercise, SetType
from journal.domain.units import Unit, format_number, from_kg, to_kg
from journal.io.base import ParsedImport


class ProposalLike(Protocol):
    @property
    def name(self) -> str: ...
    @property
    def exercise(self) -> Exercise | None: ...
    @property
    def how(self) -> str: ...


def heaviest_load(parsed: ParsedImport) -> float | None:
    loads = [r.load_kg for s in parsed.sessions for e in s.entries for r in e.sets if r.load_kg]
    return max(loads, default=None)


def units_line(parsed: ParsedImport) -> str:
    """The unit used, and the heaviest load read both ways, so a wrong guess shows at once."""
    unit = Unit(parsed.units or Unit.KG)
    how = "as the file says" if parsed.units_stated else "chosen: the file does not say"
    text = f"units: {unit} ({how})"
    heaviest = heaviest_load(parsed)
    if heaviest is not None and not parsed.units_stated:
        other = Unit.LB if unit is Unit.KG else Unit.KG
        as_written = from_kg(heaviest, unit)
        text += (
            f"; heaviest load {format_number(as_written)} {unit} = {format_number(from_kg(heaviest, other))} "
            f"{other}; if the file were in {other}: {format_number(as_written)} {other} = "
            f"{format_number(from_kg(to_kg(as_written, other), unit))} {unit}"
        )
    return text


def summary(parsed: ParsedImport, held: int | None = None) -> list[tuple[str, str]]:
    """The preview's figures as (label, value) pairs."""
    rows = [
        ("format", parsed.format),
        ("rows", str(parsed.rows)),
        ("sessions", str(len(parsed.sessions))),
        ("sets", str(parsed.set_count)),
    ]
    if held is not None:
        rows.append(("already in the journal", f"{held} sessions (skipped)"))
    if parsed.date_range:
        first, last = parsed.date_range
        rows.append(("dates", f"{first:%Y-%m-%d} to {last:%Y-%m-%d}"))
    rows.append(("units", units_line(parsed).removeprefix("units: ")))
    types = parsed.set_types()
    rows.append(("set types", ", ".join(f"{t.label} {types[t]}" for t in SetType if types[t]) or "none"))
    effort = parsed.effort_counts()
    rows.append(
        (
            "effort",
            f"RIR on {effort['rir']} sets, RPE on {effort['rpe']}, not rated {effort['none']}"
            + (f" ({parsed.effort_from_notes} read from notes)" if parsed.effort_from_notes else ""),
        )
    )
    rows.append(("exercises", str(len(parsed.exercise_names()))))
    return rows


def describe(parsed: ParsedImport, proposals: Iterable[ProposalLike] | None = None, held: int | None = None) -> str:
    lines = [f"{label}: {value}" for label, value in summary(parsed, held)]
    names = parsed.exercise_names()
    for proposal in proposals or ():
        target = proposal.exercise.name if proposal.exercise else "new exercise"
        lines.append(f"  {proposal.name} -> {target} ({proposal.how}; {names[proposal.name]} sets)")
    for problem in parsed.problems:
        lines.append(f"{'problem' if problem.fatal else 'note'}: line {problem.line}: {problem.message}")
    return "\n".join(lines)
