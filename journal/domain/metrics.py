# SPDX-License-Identifier: MIT
"""Set and exercise figures: e1RM, tonnage, hard sets (DESIGN.md "Domain formulas"; SCIENCE.md M2, M4, M5)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from journal.domain.effort import is_imprecise
from journal.domain.records import SetRecord

CURVE_K = 0.0392  # open %1RM curve fitted to the common RPE charts within ~0.7 points for n = 1..10
VALID_N_MAX = 10.0  # e1RM from n = reps + RIR above this is extrapolated
EXTRAPOLATED_N_MAX = 15.0  # and above this it is not estimated at all
DEFAULT_HARD_SET_RIR = 3.0


class E1rmFormula(StrEnum):
    CURVE = "curve"
    EPLEY = "epley"
    BRZYCKI = "brzycki"


@dataclass(frozen=True)
class E1rm:
    kg: float
    extrapolated: bool


def percent_1rm(n: float, k: float = CURVE_K) -> float:
    """The open %1RM curve P(n) = 1 / (1 + k (n - 1)) as a fraction, n = reps + RIR."""
    return 1.0 / (1.0 + k * (n - 1.0))


def _fraction(n: float, formula: E1rmFormula) -> float:
    if formula is E1rmFormula.EPLEY:
        return 1.0 / (1.0 + n / 30.0)
    if formula is E1rmFormula.BRZYCKI:
        return (37.0 - n) / 36.0
    return percent_1rm(n)


def e1rm(load_kg: float | None, reps: int | None, rir: float | None,
         formula: E1rmFormula = E1rmFormula.CURVE) -> E1rm | None:
    """Estimated one-rep max of a set: load / P(reps + RIR), RIR 0 when not rated.

    None for no load or no reps, and beyond n = 15 where published charts disagree too much to say anything.
    """
    if load_kg is None or load_kg <= 0 or not reps:
        return None
    n = reps + (rir or 0.0)
    if n > EXTRAPOLATED_N_MAX:
        return None
    return E1rm(load_kg / _fraction(n, formula), extrapolated=n > VALID_N_MAX)


def effective_load(load_kg: float | None, bodyweight_exercise: bool, bodyweight_kg: float | None) -> float | None:
    """The load a set moved: the bar, or the lifter's bodyweight plus what was added for bodyweight exercises."""
    if bodyweight_exercise:
        if bodyweight_kg is None:
            return None
        return bodyweight_kg + (load_kg or 0.0)
    return load_kg


def counts_for_volume(record: SetRecord) -> bool:
    """Working, drop, failure and back-off sets count; warm-ups do not."""
    return not record.is_warmup


def set_tonnage(record: SetRecord, bodyweight_exercise: bool = False, bodyweight_kg: float | None = None) -> float:
    if not counts_for_volume(record) or not record.reps:
        return 0.0
    load = effective_load(record.load_kg, bodyweight_exercise, bodyweight_kg)
    return (load or 0.0) * record.reps


def is_hard(record: SetRecord, threshold: float = DEFAULT_HARD_SET_RIR) -> bool:
    """A non-warm-up set rated at RIR <= threshold. An unrated set is never hard (it is counted apart), nor is an
    RPE below 6, which only says "4 or more in reserve" (SCIENCE.md M5)."""
    return (counts_for_volume(record) and record.rir is not None and record.rir <= threshold
            and not is_imprecise(record.rir, record.effort_scale))


@dataclass(frozen=True)
class EntrySummary:
    working_sets: int
    hard_sets: int
    unrated_sets: int
    tonnage_kg: float
    best_e1rm: E1rm | None


def summarize(sets: Iterable[SetRecord], bodyweight_exercise: bool = False, bodyweight_kg: float | None = None,
              threshold: float = DEFAULT_HARD_SET_RIR, formula: E1rmFormula = E1rmFormula.CURVE) -> EntrySummary:
    """The live figures under an exercise: working sets, hard sets, unrated sets, tonnage and best e1RM.

    The best e1RM prefers a non-extrapolated estimate over any extrapolated one.
    """
    working = hard = unrated = 0
    tonnage = 0.0
    best: E1rm | None = None
    for record in sets:
        if not counts_for_volume(record):
            continue
        working += 1
        hard += is_hard(record, threshold)
        unrated += record.rir is None
        tonnage += set_tonnage(record, bodyweight_exercise, bodyweight_kg)
        load = effective_load(record.load_kg, bodyweight_exercise, bodyweight_kg)
        estimate = e1rm(load, record.reps, record.rir, formula)
        if estimate is not None and (best is None or (best.extrapolated, -best.kg) > (estimate.extrapolated,
                                                                                        -estimate.kg)):
            best = estimate
    return EntrySummary(working, hard, unrated, tonnage, best)
