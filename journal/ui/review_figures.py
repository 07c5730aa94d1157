# SPDX-License-Identifier: MIT
"""From the review data to what each chart draws, for a date range, an exercise or muscle filter and the unit;
shared by the review screen and `journal chart`."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, TypeVar

import numpy as np
from numpy.typing import NDArray

from journal.charts.strength import StrengthSeries
from journal.domain.review import (
    DAY_SECONDS,
    EPOCH_ORDINAL,
    Insight,
    e1rm_series,
    insights,
    rep_prs,
    rolling_calibration,
    week_of,
    week_start_seconds,
    weekly,
    weekly_muscle_sets,
)
from journal.domain.units import Unit, from_kg
from journal.ui.review_data import Snapshot

if TYPE_CHECKING:  # a command that draws one chart imports only that one
    from journal.charts.calibration import CalibrationChart
    from journal.charts.proximity import ProximityChart
    from journal.charts.strength import StrengthChart
    from journal.charts.volume import VolumeChart

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
    return type(records)(**{f.name: getattr(records, f.name)[mask]  # type: ignore[call-arg]
                            for f in dataclasses.fields(records)})  # type: ignore[arg-type]


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


def draw_volume(chart: VolumeChart, snapshot: Snapshot, scope: Scope, unit: Unit) -> None:
    first, last = scope.first_week(snapshot), scope.last_week()
    totals = weekly(snapshot.rows, scope.exercises(snapshot), first, last)
    hard = totals.hard.astype(np.float64)
    label = "Hard sets"
    if scope.muscle is not None:
        chosen = scope.exercises(snapshot) or set()
        rows = subset(snapshot.rows, np.isin(snapshot.rows.exercise, np.array(sorted(chosen), dtype=np.int64)))
        weeks, per_muscle = weekly_muscle_sets(rows, muscles_of(snapshot), first, last)
        hard = per_muscle.get(scope.muscle, np.zeros(len(weeks)))
        label = f"Hard sets for {scope.muscle.replace('_', ' ')} (1 primary, ½ secondary)"
    chart.set_series(week_seconds(totals.week), from_kg(totals.tonnage, unit), totals.working.astype(np.float64),
                     hard, str(unit), label)


def draw_proximity(chart: ProximityChart, snapshot: Snapshot, scope: Scope) -> None:
    points = in_scope(snapshot.points, scope, snapshot)
    totals = weekly(snapshot.rows, scope.exercises(snapshot), scope.first_week(snapshot), scope.last_week())
    chart.set_series(points.day, points.rir, points.set_type, points.session, week_seconds(totals.week),
                     totals.mean_rir, totals.shares() if len(totals.week) else np.empty((0, 6)),
                     totals.working.astype(np.float64), exercise=points.exercise,
                     names={i: e.name for i, e in snapshot.exercises.items()}, set_ids=points.set_id)


def strength_exercises(snapshot: Snapshot, count: int = 3) -> list[int]:
    """The strength chart's default choice: the compound exercises with the most sessions with an e1RM (the
    others only when there are too few compounds)."""
    ids, sessions = np.unique(snapshot.bests.exercise, return_counts=True)
    ranked = [int(i) for i in ids[np.argsort(-sessions, kind="stable")]]
    compound = [i for i in ranked if i in snapshot.exercises and snapshot.exercises[i].mechanic == "compound"]
    return (compound + [i for i in ranked if i not in compound])[:count]


def draw_strength(chart: StrengthChart, snapshot: Snapshot, scope: Scope, exercises: list[int], unit: Unit) -> None:
    start, end = scope.day_range()
    series = []
    for exercise in exercises:
        day, e1rm, extrapolated, session = e1rm_series(snapshot.bests, exercise)
        keep = (day >= start) & (day < end)
        pr_day, pr_load, pr_reps, pr_session = rep_prs(snapshot.maxes, exercise)
        pr_keep = (pr_day >= start) & (pr_day < end)
        name = snapshot.exercises[exercise].name if exercise in snapshot.exercises else str(exercise)
        series.append(StrengthSeries(name, day[keep], from_kg(e1rm[keep], unit), extrapolated[keep],
                                     session[keep], pr_day[pr_keep], from_kg(pr_load[pr_keep], unit),
                                     pr_reps[pr_keep], pr_session[pr_keep]))
    chart.set_series(series, str(unit))


def draw_calibration(chart: CalibrationChart, snapshot: Snapshot, scope: Scope) -> None:
    sets = in_scope(snapshot.calibration, scope, snapshot)
    day, bias, mae = rolling_calibration(sets)
    chart.set_series(sets.reported, sets.actual.astype(np.float64), sets.day, sets.session, day, bias, mae,
                     set_ids=sets.set_id)


def review_insights(snapshot: Snapshot, scope: Scope, muscle_range: tuple[float, float]) -> list[Insight]:
    points = in_scope(snapshot.points, scope, snapshot)
    names = {i: e.name for i, e in snapshot.exercises.items()}
    mechanic = {i: e.mechanic for i, e in snapshot.exercises.items()}
    calibration = in_scope(snapshot.calibration, scope, snapshot)  # the range and the exercise or muscle shown
    muscle_weeks = weekly_muscle_sets(snapshot.rows, muscles_of(snapshot), scope.first_week(snapshot),
                                      scope.last_week())
    return insights(points, names, mechanic, calibration, muscle_weeks, muscle_range)


def range_start(choice: str, today: date) -> date | None:
    """The first day of a named range: '4 weeks', '12 weeks', '1 year' or 'all'."""
    weeks = {"4 weeks": 4, "12 weeks": 12, "1 year": 52}.get(choice)
    return None if weeks is None else today - timedelta(weeks=weeks)


def parse_day(text: str | None) -> date | None:
    return None if text is None else datetime.strptime(text, "%Y-%m-%d").date()
