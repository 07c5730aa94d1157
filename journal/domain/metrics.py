# SPDX-License-Identifier: MIT
"""Set and exercise figures: e1RM, tonnage, hard sets (DESIGN.md "Domain formulas"; SCIENCE.md M2, M4, M5)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from journal.domain.effort import is_imprecise
from journal.domain.records import Measure, SetRecord, SetType

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


def e1rm(
    load_kg: float | None,
    reps: int | None,
    rir: float | None,
    formula: E1rmFormula = E1rmFormula.CURVE,
    failure_reps: int | None = None,
) -> E1rm | None:
    """Estimated one-rep max of a set: load / P(reps + RIR), RIR 0 when not rated. A set continued to failure at
    `failure_reps` reps is that many reps at RIR 0: n = failure reps, what was done rather than what was called.

    None for no load or no reps, and beyond n = 15 where published charts disagree too much to say anything.
    """
    if load_kg is None or load_kg <= 0 or not reps:
        return None
    n = float(failure_reps) if failure_reps is not None and failure_reps >= reps else reps + (rir or 0.0)
    if n > EXTRAPOLATED_N_MAX:
        return None
    return E1rm(load_kg / _fraction(n, formula), extrapolated=n > VALID_N_MAX)


def effective_load(load_kg: float | None, bodyweight_exercise: bool, bodyweight_kg: float | None) -> float | None:
    """The load a set moved: the bar, or for bodyweight exercises the lifter's bodyweight plus what was added (less
    the assistance, a negative load: BW − 20 kg), never below nothing; None while the bodyweight is not known, so an
    assisted set counts in no e1RM and no tonnage until it is."""
    if bodyweight_exercise:
        if bodyweight_kg is None:
            return None
        return max(0.0, bodyweight_kg + (load_kg or 0.0))
    return load_kg


def counts_for_volume(record: SetRecord) -> bool:
    """Working, drop, failure and back-off sets count; warm-ups do not."""
    return not record.is_warmup


def is_working_set(record: SetRecord, measure: Measure = Measure.REPS) -> bool:
    """A set that counts as a working set: not a warm-up, and something was lifted or held: reps, a load, or a
    duration on a timed exercise (a plank). A row with 0 reps and no load, and a cardio row (distance or time only),
    is not a working set. A failed attempt (a load, 0 reps) is."""
    if record.is_warmup:
        return False
    return bool(record.reps or (record.load_kg or 0) > 0 or (measure is Measure.TIME and (record.duration_s or 0) > 0))


def series(sets: Iterable[SetRecord], measure: Measure = Measure.REPS) -> list[list[SetRecord]]:
    """The working sets in order, grouped into series: a drop set straight after another working set of the exercise
    continues that set's series (a drop-set series is one set for volume, SCIENCE.md M4); every other working set
    starts its own. A warm-up (or another set that is not a working set, other than an empty drop) ends a series."""
    grouped: list[list[SetRecord]] = []
    previous_worked = False
    for record in sets:
        if not is_working_set(record, measure):
            previous_worked = previous_worked and record.set_type is SetType.DROP
            continue
        if record.set_type is SetType.DROP and previous_worked:
            grouped[-1].append(record)
        else:
            grouped.append([record])
        previous_worked = True
    return grouped


def set_tonnage(record: SetRecord, bodyweight_exercise: bool = False, bodyweight_kg: float | None = None) -> float:
    if not counts_for_volume(record) or not record.reps:
        return 0.0
    load = effective_load(record.load_kg, bodyweight_exercise, bodyweight_kg)
    return (load or 0.0) * record.reps


def is_hard(record: SetRecord, threshold: float = DEFAULT_HARD_SET_RIR) -> bool:
    """A non-warm-up set rated at RIR <= threshold. An unrated set is never hard (it is counted apart), nor is an
    RPE below 6, which only says "4 or more in reserve" (SCIENCE.md M5)."""
    return (
        counts_for_volume(record)
        and record.rir is not None
        and record.rir <= threshold
        and not is_imprecise(record.rir, record.effort_scale)
    )


def series_is_hard(segments: list[SetRecord], threshold: float = DEFAULT_HARD_SET_RIR) -> bool:
    """A series is one hard set when any of its segments is hard (drops are usually taken nearest to failure)."""
    return any(is_hard(record, threshold) for record in segments)


def series_rating(segments: list[SetRecord]) -> SetRecord | None:
    """The segment whose rating is the series' RIR: its first rated one (None: the series is unrated)."""
    return next((record for record in segments if record.rir is not None), None)


@dataclass(frozen=True)
class EntrySummary:
    working_sets: int
    hard_sets: int
    unrated_sets: int
    tonnage_kg: float
    best_e1rm: E1rm | None
    time_s: float = 0.0  # time under load: the durations of a timed exercise's sets (a plank, a carry for time)
    distance_m: float = 0.0  # the distance of an exercise measured by distance (a carry, a run, a row)


def timed_figures(sets: Iterable[SetRecord], measure: Measure) -> tuple[float, float]:
    """(time under load in s, distance in m) of an exercise's sets but its warm-ups: the durations on an exercise
    measured by time, the distances on one measured by distance. Their own figures: never tonnage, never hard sets."""
    done = [record for record in sets if not record.is_warmup]
    time_s = sum(record.duration_s or 0.0 for record in done) if measure is Measure.TIME else 0.0
    far = measure in (Measure.DISTANCE, Measure.DISTANCE_TIME)
    return time_s, sum(record.distance_m or 0.0 for record in done) if far else 0.0


def summarize(
    sets: Iterable[SetRecord],
    bodyweight_exercise: bool = False,
    bodyweight_kg: float | None = None,
    threshold: float = DEFAULT_HARD_SET_RIR,
    formula: E1rmFormula = E1rmFormula.CURVE,
    measure: Measure = Measure.REPS,
) -> EntrySummary:
    """The live figures under an exercise: working sets, hard sets, unrated sets, tonnage and best e1RM.

    A drop-set series is one working set, hard when any of its segments is, rated by its first rated segment; every
    segment adds its tonnage. The best e1RM prefers a non-extrapolated estimate over any extrapolated one. Only an
    exercise measured by reps has hard sets; one measured by time or distance has its time or distance instead
    (timed_figures).
    """
    sets = list(sets)
    working = hard = unrated = 0
    tonnage = 0.0
    best: E1rm | None = None
    grouped = series(sets, measure)
    for segments in grouped:
        working += 1
        hard += measure is Measure.REPS and series_is_hard(segments, threshold)
        unrated += series_rating(segments) is None
    for record in (record for segments in grouped for record in segments):
        tonnage += set_tonnage(record, bodyweight_exercise, bodyweight_kg)
        load = effective_load(record.load_kg, bodyweight_exercise, bodyweight_kg)
        estimate = e1rm(load, record.reps, record.rir, formula, record.failure_reps)
        if estimate is not None and (
            best is None or (best.extrapolated, -best.kg) > (estimate.extrapolated, -estimate.kg)
        ):
            best = estimate
    time_s, distance_m = timed_figures(sets, measure)
    return EntrySummary(working, hard, unrated, tonnage, best, time_s, distance_m)
