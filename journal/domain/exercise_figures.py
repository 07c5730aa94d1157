# SPDX-License-Identifier: MIT
"""One exercise's figures: its rep maxes (actual loads for 1 to 12 reps), its records and relative strength."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime

import numpy as np

from journal.domain.metrics import E1rm, E1rmFormula, e1rm
from journal.domain.review.columns import COLUMN_INT
from journal.domain.review.strength import RepMaxRows, rep_prs

REP_MAX_RANGE = 12  # the rep-max table runs from 1 to this many reps


@dataclass(frozen=True)
class LiftedSet:
    """A non-warm-up set of one exercise as lifted: its session, when, the load moved (for a bodyweight exercise the
    session's bodyweight plus what was added), reps, RIR (None: not rated) and failure reps."""

    session: int
    start: datetime
    load_kg: float
    reps: int
    rir: float | None = None
    failure_reps: int | None = None


@dataclass(frozen=True)
class RepMax:
    """The heaviest load lifted for at least `reps` reps, the first day it was, and the e1RM of that set."""

    reps: int
    load_kg: float | None = None
    day: date | None = None
    session: int | None = None
    e1rm_kg: float | None = None
    extrapolated: bool = False  # the e1RM comes from reps + RIR beyond the curve's checked range


def rep_maxes(
    sets: Iterable[LiftedSet], formula: E1rmFormula = E1rmFormula.CURVE, top: int = REP_MAX_RANGE
) -> list[RepMax]:
    """For r = 1..top, the heaviest load lifted for at least r reps (100 kg x 6 is also a 5-rep max of 100 kg), with
    the first day it was lifted for r or more reps; among that day's sets of that load, the one with the highest e1RM
    gives the estimate beside it. An r with no set of r reps or more has no load."""
    lifted = sorted((s for s in sets if s.reps > 0 and s.load_kg > 0), key=lambda s: (s.start, -s.load_kg))
    best: list[LiftedSet | None] = [None] * (top + 1)
    estimates: dict[int, E1rm | None] = {}  # by id() of the set: each set's e1RM worked out once, when needed

    def estimate(s: LiftedSet) -> E1rm | None:
        if id(s) not in estimates:
            estimates[id(s)] = e1rm(s.load_kg, s.reps, s.rir, formula, s.failure_reps)
        return estimates[id(s)]

    for s in lifted:
        for reps in range(1, min(s.reps, top) + 1):
            held = best[reps]
            if held is None or s.load_kg > held.load_kg:
                best[reps] = s
            elif s.load_kg == held.load_kg and s.start == held.start and _kg(estimate(s)) > _kg(estimate(held)):
                best[reps] = s  # the same load the same session: the set with the higher e1RM stands beside it
    table = []
    for reps in range(1, top + 1):
        held = best[reps]
        if held is None:
            table.append(RepMax(reps))
            continue
        found = estimate(held)
        table.append(
            RepMax(
                reps=reps,
                load_kg=held.load_kg,
                day=held.start.date(),
                session=held.session,
                e1rm_kg=found.kg if found else None,
                extrapolated=bool(found and found.extrapolated),
            )
        )
    return table


def _kg(estimate: E1rm | None) -> float:
    return estimate.kg if estimate else -1.0


@dataclass(frozen=True)
class Record:
    """A personal record: a load heavier than any lifted on an earlier session for at least as many reps."""

    day: date
    load_kg: float
    reps: int
    session: int


def _seconds(moment: datetime) -> float:
    return moment.replace(tzinfo=UTC).timestamp()


def records(sets: Sequence[LiftedSet]) -> list[Record]:
    """The records of one exercise, by the Strength chart's rule (journal.domain.review.strength.rep_prs): per
    session and rep count its heaviest load, a record when heavier than every load lifted in an earlier session for
    at least as many reps (the first load lifted for a rep count or more is one). Oldest first, then by reps."""
    best: dict[tuple[int, int], LiftedSet] = {}
    for s in sets:
        if s.reps > 0 and s.load_kg > 0:
            key = (s.session, s.reps)
            if key not in best or s.load_kg > best[key].load_kg:
                best[key] = s
    rows = list(best.values())
    columns = RepMaxRows(
        session=np.array([s.session for s in rows], dtype=COLUMN_INT),
        exercise=np.zeros(len(rows), dtype=COLUMN_INT),
        day=np.array([_seconds(s.start) for s in rows], dtype=np.float64),
        reps=np.array([s.reps for s in rows], dtype=COLUMN_INT),
        load=np.array([s.load_kg for s in rows], dtype=np.float64),
    )
    return records_from(columns, 0)


def records_from(rows: RepMaxRows, exercise: int) -> list[Record]:
    """The records of one exercise from the Strength chart's own rows (each session's heaviest load per rep count,
    journal.storage.review.rep_max_rows), by its rule (rep_prs); oldest first, then by reps."""
    day, load, reps, session = rep_prs(rows, exercise)
    return [
        Record(datetime.fromtimestamp(float(d), UTC).date(), float(kg), int(r), int(at))
        for d, kg, r, at in zip(day.tolist(), load.tolist(), reps.tolist(), session.tolist(), strict=True)
    ]


def best_e1rm(sets: Iterable[LiftedSet], formula: E1rmFormula = E1rmFormula.CURVE) -> tuple[float, bool] | None:
    """The best e1RM of the sets (kg, extrapolated), preferring estimates within the curve's checked range."""
    within, beyond = 0.0, 0.0
    for s in sets:
        estimate = e1rm(s.load_kg, s.reps, s.rir, formula, s.failure_reps)
        if estimate is None:
            continue
        if estimate.extrapolated:
            beyond = max(beyond, estimate.kg)
        else:
            within = max(within, estimate.kg)
    if within > 0:
        return within, False
    return (beyond, True) if beyond > 0 else None


def relative_strength(e1rm_kg: float | None, bodyweight_kg: float | None) -> float | None:
    """e1RM divided by bodyweight; None when either is unknown."""
    if e1rm_kg is None or bodyweight_kg is None or bodyweight_kg <= 0:
        return None
    return e1rm_kg / bodyweight_kg


@dataclass(frozen=True)
class SessionBest:
    """One session of an exercise: its best e1RM (None when no set gives one) and its heaviest set as lifted."""

    session: int
    start: datetime
    e1rm_kg: float | None
    extrapolated: bool
    load_kg: float
    reps: int


def session_bests(sets: Sequence[LiftedSet], formula: E1rmFormula = E1rmFormula.CURVE) -> list[SessionBest]:
    """Per session, oldest first: the best e1RM (within the checked range when any set is) and the heaviest set
    (the most reps at that load)."""
    by_session: dict[int, list[LiftedSet]] = {}
    for s in sets:
        by_session.setdefault(s.session, []).append(s)
    out = []
    for session, group in by_session.items():
        best = best_e1rm(group, formula)
        top = max(group, key=lambda s: (s.load_kg, s.reps))
        out.append(
            SessionBest(
                session=session,
                start=group[0].start,
                e1rm_kg=best[0] if best else None,
                extrapolated=bool(best and best[1]),
                load_kg=top.load_kg,
                reps=top.reps,
            )
        )
    return sorted(out, key=lambda b: b.start)


__all__ = [
    "REP_MAX_RANGE",
    "LiftedSet",
    "Record",
    "RepMax",
    "best_e1rm",
    "records",
    "records_from",
    "relative_strength",
    "rep_maxes",
    "SessionBest",
    "session_bests",
]
