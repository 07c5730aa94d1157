# SPDX-License-Identifier: MIT
"""From the review data to what each chart draws, for a date range, an exercise or muscle filter and the unit;
shared by the review screen and `journal chart`."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any, TypeVar

import numpy as np
from numpy.typing import NDArray

from journal.charts.strength import StrengthSeries
from journal.domain.estimate import (
    Accuracy,
    EstimateUse,
    accuracy,
    unrated_series,
    weekly_estimates,
)
from journal.domain.heavy import SOURCE as HEAVY_SOURCE
from journal.domain.heavy import stalls, weekly_heavy
from journal.domain.review import (
    DAY_SECONDS,
    EPOCH_ORDINAL,
    Insight,
    InsightKind,
    calibration_verdict,
    e1rm_series,
    insights,
    rep_prs,
    rolling_calibration,
    week_of,
    week_start_seconds,
    weekly,
    weekly_conditioning,
    weekly_muscle_sets,
)
from journal.domain.units import Unit, from_kg
from journal.memory import release_free_memory
from journal.review.data import Snapshot
from journal.review.set_figures import every_estimate as _every_estimate
from journal.review.set_figures import heavy as _heavy
from journal.review.set_figures import unrated as _unrated

if TYPE_CHECKING:  # a command that draws one chart imports only that one
    from journal.charts.base import Chart
    from journal.charts.calibration import CalibrationChart
    from journal.charts.proximity import ProximityChart
    from journal.charts.strength import StrengthChart
    from journal.charts.volume import VolumeChart
    from journal.settings import Preferences

T = TypeVar("T")
DAY = DAY_SECONDS


@dataclass(frozen=True)
class Scope:
    """What the review looks at: a date range (None: from the start / to today), and all exercises, one exercise
    (`exercise`) or the exercises that train one muscle (`muscle`). The range starts on the Monday of its first
    day's week, so the weekly bars and the sets drawn cover the same days."""

    since: date | None = None
    until: date | None = None
    exercise: int | None = None
    muscle: str | None = None

    def first_week(self, snapshot: Snapshot) -> int | None:
        if self.since is not None:
            return week_of(self.since)
        return int(snapshot.rows.week.min()) if len(snapshot.rows.week) else None

    def last_week(self) -> int:
        return week_of(self.until or date.today())

    def day_range(self) -> tuple[float, float]:
        """POSIX seconds from the Monday of the first week to the end of the Sunday of the last."""
        start = -np.inf if self.since is None else week_start_seconds(week_of(self.since))
        return start, week_start_seconds(self.last_week()) + 7 * DAY

    def exercises(self, snapshot: Snapshot) -> set[int] | None:
        if self.exercise is not None:
            return {self.exercise}
        if self.muscle is not None:
            return {i for i, e in snapshot.exercises.items() if self.muscle in e.primary + e.secondary}
        return None


def subset(records: T, mask: NDArray[np.bool_]) -> T:
    """The rows of a record of arrays that `mask` keeps."""
    return type(records)(**{f.name: getattr(records, f.name)[mask] for f in dataclasses.fields(records)})  # type: ignore[arg-type]


def in_scope(records: T, scope: Scope, snapshot: Snapshot) -> T:
    """The rows of a record with `day` and `exercise` arrays that fall in the scope."""
    start, end = scope.day_range()
    day: NDArray[np.float64] = records.day  # type: ignore[attr-defined]
    mask = (day >= start) & (day < end)
    chosen = scope.exercises(snapshot)
    if chosen is not None:
        mask &= np.isin(records.exercise, np.array(sorted(chosen), dtype=np.int64))  # type: ignore[attr-defined]
    return records if mask.all() else subset(records, mask)  # the whole history is not copied


def week_seconds(weeks: NDArray[np.int64]) -> NDArray[np.float64]:
    """week_start_seconds for an array of weeks."""
    return (weeks - EPOCH_ORDINAL).astype(np.float64) * DAY_SECONDS


def muscles_of(snapshot: Snapshot) -> dict[int, tuple[tuple[str, ...], tuple[str, ...]]]:
    return {i: (e.primary, e.secondary) for i, e in snapshot.exercises.items()}


@dataclass(frozen=True)
class ScopeEstimates:
    """Estimated RIR in a scope: per set in the scope (day, estimate, exercise, session, set id) for the unrated
    series it stands in for, per week of `weeks` the hard sets and mean RIR with the estimates, and the accuracy on
    the scope's rated sets."""

    day: NDArray[np.float64]
    rir: NDArray[np.float64]
    exercise: NDArray[np.int64]
    session: NDArray[np.int64]
    set_id: NDArray[np.int64]
    hard: NDArray[np.float64]
    mean_rir: NDArray[np.float64]
    accuracy: Accuracy


CACHED_SCOPES = 8  # figures kept per snapshot for the latest scopes drawn (a range switched back and forth)


def cached(snapshot: Snapshot, kind: str, key: object, make: Callable[[], T]) -> T:
    """What `make` gives for `key`, kept with the snapshot (an edit makes a new one) for the latest few keys."""
    kept: dict[object, Any] = snapshot.derived.setdefault(kind, {})
    if key in kept:
        found: T = kept.pop(key)
    else:
        found = make()
    kept[key] = found  # the latest last
    while len(kept) > CACHED_SCOPES:
        del kept[next(iter(kept))]
    return found


def scope_estimates(snapshot: Snapshot, scope: Scope, weeks: NDArray[np.int64], hard_rir: float) -> ScopeEstimates:
    """Estimates from the whole history's session bests (the reference looks 8 weeks back, before the range too),
    for the sets in the scope, laid on the week axis `weeks`; every set's estimate is worked out once a snapshot,
    and those of a scope kept for the latest scopes."""
    key = (scope, scope.last_week(), hard_rir, weeks.size, int(weeks[0]) if weeks.size else None)
    return cached(snapshot, "scope_estimates", key, lambda: _scope_estimates(snapshot, scope, weeks, hard_rir))


def _scope_estimates(snapshot: Snapshot, scope: Scope, weeks: NDArray[np.int64], hard_rir: float) -> ScopeEstimates:
    rows = snapshot.estimates
    every = _every_estimate(snapshot)
    start, end = scope.day_range()
    mask = (rows.day >= start) & (rows.day < end)
    chosen = scope.exercises(snapshot)
    if chosen is not None:
        mask &= np.isin(rows.exercise, np.array(sorted(chosen), dtype=np.int64))
    whole = bool(mask.all())  # the whole history: no copy of a million rows
    inside = rows if whole else subset(rows, mask)
    rir = every if whole else every[mask]
    unrated = _unrated(snapshot) if whole else unrated_series(inside)
    weekly_figures = weekly_estimates(inside, rir, hard_rir, unrated)
    hard, mean = np.zeros(weeks.size), np.full(weeks.size, np.nan)
    if weeks.size and weekly_figures.week.size:
        at = np.searchsorted(weeks, weekly_figures.week)
        keep = (at < weeks.size) & (weeks[np.minimum(at, weeks.size - 1)] == weekly_figures.week)
        hard[at[keep]] = weekly_figures.hard[keep]
        mean[at[keep]] = weekly_figures.mean_rir[keep]
    stand_in = unrated & np.isfinite(rir)
    return ScopeEstimates(
        day=inside.day[stand_in],
        rir=rir[stand_in],
        exercise=inside.exercise[stand_in],
        session=inside.session[stand_in],
        set_id=inside.set_id[stand_in],
        hard=hard,
        mean_rir=mean,
        accuracy=accuracy(inside, rir),
    )


# What each chart says when the journal holds no set at all: what it needs.
NEEDS = {
    "volume": "Log or import a session to see weekly volume",
    "proximity": "Log or import a session, with RIR or RPE on its sets, to see how close to failure they end",
    "strength": "Log or import a session with loads to see your e1RM and records",
}


def journal_empty(snapshot: Snapshot) -> bool:
    return not len(snapshot.rows.week)


def draw_volume(
    chart: VolumeChart,
    snapshot: Snapshot,
    scope: Scope,
    unit: Unit,
    hard_rir: float = 3.0,
    use: EstimateUse = EstimateUse.APART,
) -> None:
    use = EstimateUse(use)  # a preference read back as its text
    first, last = scope.first_week(snapshot), scope.last_week()
    totals = weekly(snapshot.rows, scope.exercises(snapshot), first, last)
    hard = totals.hard.astype(np.float64)
    label = "Hard sets"
    found = scope_estimates(snapshot, scope, totals.week, hard_rir) if use is not EstimateUse.LOGGED else None
    if scope.muscle is not None:
        chosen = scope.exercises(snapshot) or set()
        rows = subset(snapshot.rows, np.isin(snapshot.rows.exercise, np.array(sorted(chosen), dtype=np.int64)))
        weeks, per_muscle = weekly_muscle_sets(rows, muscles_of(snapshot), first, last)
        hard = per_muscle.get(scope.muscle, np.zeros(len(weeks)))
        label = f"Hard sets for {scope.muscle.replace('_', ' ')} (1 primary, ½ secondary)"
        found = None  # estimates are counted per exercise, not spread over muscles
    if found is not None and use is EstimateUse.TOGETHER:
        hard, label = found.hard, "Hard sets, with estimated RIR for unrated sets"
    chart.set_series(
        week_seconds(totals.week),
        from_kg(totals.tonnage, unit),
        totals.working.astype(np.float64),
        hard,
        str(unit),
        label,
        NEEDS["volume"] if journal_empty(snapshot) else "No working sets in this range",
    )
    chart.set_conditioning(weekly_conditioning(snapshot.conditioning, totals.week, scope.exercises(snapshot)))
    if found is not None and use is EstimateUse.APART:
        chart.set_estimates(found.hard, f"Estimated RIR: {found.accuracy.text}")
    else:
        chart.set_estimates(None, f"Estimated RIR: {found.accuracy.text}" if found is not None else "")
    release_free_memory()  # the figures' temporaries: else the heap keeps their pages, chart after chart


def draw_proximity(
    chart: ProximityChart, snapshot: Snapshot, scope: Scope, hard_rir: float = 3.0, use: EstimateUse = EstimateUse.APART
) -> None:
    use = EstimateUse(use)
    points = in_scope(snapshot.points, scope, snapshot)
    totals = weekly(snapshot.rows, scope.exercises(snapshot), scope.first_week(snapshot), scope.last_week())
    found = scope_estimates(snapshot, scope, totals.week, hard_rir) if use is not EstimateUse.LOGGED else None
    mean = found.mean_rir if found is not None and use is EstimateUse.TOGETHER else totals.mean_rir
    names = {i: e.name for i, e in snapshot.exercises.items()}
    from journal.charts.proximity import ProximitySeries

    chart.set_series(
        ProximitySeries(
            points.day,
            points.rir,
            points.set_type,
            points.session,
            week_seconds(totals.week),
            mean,
            totals.shares() if len(totals.week) else np.empty((0, 6)),
            totals.working.astype(np.float64),
            exercise=points.exercise,
            set_ids=points.set_id,
            names=names,
            mean_label="Weekly mean RIR, with estimates" if use is EstimateUse.TOGETHER else None,
        ),
        empty=NEEDS["proximity"] if journal_empty(snapshot) else None,
    )
    if found is None:
        chart.set_estimates(None)
    else:
        chart.set_estimates(
            found.day,
            found.rir,
            found.session,
            found.set_id,
            found.exercise,
            found.mean_rir if use is EstimateUse.APART else None,
            f"Estimated RIR (≈): {found.accuracy.text}",
        )
    release_free_memory()


def strength_exercises(snapshot: Snapshot, count: int = 3) -> list[int]:
    """The strength chart's default choice: the most-trained exercises, by sessions with an e1RM over the latest
    year of data (ties: compound lifts first, then by name order of id)."""
    bests = snapshot.bests
    if not len(bests.exercise):
        return []
    recent = bests.day >= bests.day.max() - 365 * DAY
    ids, sessions = np.unique(bests.exercise[recent], return_counts=True)
    compound = np.array(
        [snapshot.exercises[int(i)].mechanic == "compound" if int(i) in snapshot.exercises else False for i in ids]
    )
    order = np.lexsort((ids, ~compound, -sessions))
    return [int(i) for i in ids[order]][:count]


def draw_strength(chart: StrengthChart, snapshot: Snapshot, scope: Scope, exercises: list[int], unit: Unit) -> None:
    start, end = scope.day_range()
    rows = snapshot.estimates
    heavy = _heavy(snapshot)
    inside = (rows.day >= start) & (rows.day < end)
    week, of, heavy_in = (
        (rows.week, rows.exercise, heavy) if inside.all() else (rows.week[inside], rows.exercise[inside], heavy[inside])
    )  # the whole history is not copied
    series = []
    for exercise in exercises:
        day, e1rm, extrapolated, session = e1rm_series(snapshot.bests, exercise)
        keep = (day >= start) & (day < end)
        pr_day, pr_load, pr_reps, pr_session = rep_prs(snapshot.maxes, exercise)
        pr_keep = (pr_day >= start) & (pr_day < end)
        name = snapshot.exercises[exercise].name if exercise in snapshot.exercises else str(exercise)
        heavy_weeks, heavy_count = weekly_heavy(week, of, heavy_in, exercise)
        series.append(
            StrengthSeries(
                name,
                day[keep],
                from_kg(e1rm[keep], unit),
                extrapolated[keep],
                session[keep],
                pr_day[pr_keep],
                from_kg(pr_load[pr_keep], unit),
                pr_reps[pr_keep],
                pr_session[pr_keep],
                week_seconds(heavy_weeks),
                heavy_count.astype(np.float64),
            )
        )
    if not len(snapshot.bests.session):  # no set with a load in the journal
        chart.set_series(series, str(unit), NEEDS["strength"])
    else:
        chart.set_series(series, str(unit))
    release_free_memory()


def draw_calibration(chart: CalibrationChart, snapshot: Snapshot, scope: Scope) -> None:
    sets = in_scope(snapshot.calibration, scope, snapshot)
    day, bias, mae = rolling_calibration(sets)
    mechanic = {i: e.mechanic for i, e in snapshot.exercises.items()}
    chart.set_series(
        sets.reported,
        sets.actual.astype(np.float64),
        sets.day,
        sets.session,
        day,
        bias,
        mae,
        set_ids=sets.set_id,
        verdict=calibration_verdict(sets, mechanic),
    )
    release_free_memory()


def review_insights(snapshot: Snapshot, scope: Scope, muscle_range: tuple[float, float]) -> list[Insight]:
    points = in_scope(snapshot.points, scope, snapshot)
    names = {i: e.name for i, e in snapshot.exercises.items()}
    mechanic = {i: e.mechanic for i, e in snapshot.exercises.items()}
    calibration = in_scope(snapshot.calibration, scope, snapshot)  # the range and the exercise or muscle shown
    scoped = scope.exercises(snapshot)
    week_rows = snapshot.rows
    if scoped is not None:  # the exercise shown, or the exercises of the muscle shown
        week_rows = subset(week_rows, np.isin(week_rows.exercise, np.array(sorted(scoped), dtype=np.int64)))
    muscle_weeks = weekly_muscle_sets(week_rows, muscles_of(snapshot), scope.first_week(snapshot), scope.last_week())
    if scope.muscle is not None:
        muscle_weeks = (muscle_weeks[0], {m: v for m, v in muscle_weeks[1].items() if m == scope.muscle})
    bare = frozenset(  # an import's or the lifter's exercises without muscles, not the catalogue's
        i for i, x in snapshot.exercises.items() if not x.primary and not x.secondary and not x.builtin
    )
    found = insights(points, names, mechanic, calibration, muscle_weeks, muscle_range, bare)
    bests = in_scope(snapshot.bests, scope, snapshot)
    rows = snapshot.estimates
    if not len(rows.set_id):
        return found
    heavy = _heavy(snapshot)
    start, end = scope.day_range()
    chosen = heavy & (rows.day >= start) & (rows.day < end)
    for stall in stalls(
        bests.exercise.astype(np.int64), bests.day, bests.e1rm, rows.exercise[chosen], rows.day[chosen], names
    ):
        exercise = stall.exercise
        window = (bests.exercise == exercise) & (bests.day > stall.start) & (bests.day <= stall.end)
        sessions = np.unique(bests.session[window])  # the stalled weeks' sessions, not the exercise's whole history
        sets = (rows.exercise == exercise) & (rows.day > stall.start) & (rows.day <= stall.end)
        sets &= np.isin(rows.session, sessions)
        name = names.get(exercise, f"exercise {exercise}")
        found.append(
            Insight(
                InsightKind.STRENGTH_STALL,
                stall.title,
                stall.detail,
                HEAVY_SOURCE,
                tuple(int(s) for s in np.unique(rows.set_id[sets])),
                tuple(int(s) for s in sessions),
                subject=name,
                count=int(sessions.size),
                header=("Exercise",),
                rows=((name,),),
            )
        )
    return found


def draw_chart(kind: str, snapshot: Snapshot, scope: Scope, prefs: Preferences) -> Chart:
    """One chart drawn as the review draws it (`journal chart`): 'volume', 'proximity', 'e1rm' (the exercise of the
    scope, else the most-trained ones) or 'calibration', from a snapshot that holds its CHART_PARTS."""
    if kind == "volume":
        from journal.charts.volume import VolumeChart

        volume = VolumeChart()
        draw_volume(volume, snapshot, scope, prefs.units, prefs.hard_set_rir, prefs.rir_estimates)
        return volume
    if kind == "proximity":
        from journal.charts.proximity import ProximityChart

        proximity = ProximityChart()
        draw_proximity(proximity, snapshot, scope, prefs.hard_set_rir, prefs.rir_estimates)
        return proximity
    if kind == "e1rm":
        from journal.charts.strength import StrengthChart

        strength = StrengthChart()
        chosen = [scope.exercise] if scope.exercise is not None else strength_exercises(snapshot)
        draw_strength(strength, snapshot, scope, chosen, prefs.units)
        return strength
    from journal.charts.calibration import CalibrationChart

    calibration = CalibrationChart()
    draw_calibration(calibration, snapshot, scope)
    return calibration


def range_start(choice: str, today: date) -> date | None:
    """The first day of a named range: '4 weeks', '12 weeks', '1 year' or 'all'."""
    weeks = {"4 weeks": 4, "12 weeks": 12, "1 year": 52}.get(choice)
    return None if weeks is None else today - timedelta(weeks=weeks)


def parse_day(text: str | None) -> date | None:
    return None if text is None else datetime.strptime(text, "%Y-%m-%d").date()
