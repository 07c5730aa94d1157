# SPDX-License-Identifier: MIT
"""The whole review in one read: each table read once, in its own order, joined and grouped in numpy.

The queries of journal.storage.review join four tables over every set and work out the week, the day and a drop-set
series for each row, once per figure; on a million sets that took seconds. Here the sessions (with their day and
week), the entries and the exercises are read first, then the sets in entry order, and every figure of the snapshot
is worked out from those columns with the same rules (the SQL of journal.storage.queries, which the per-session
re-reads of an edit still use; a test holds both equal)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from journal.domain.estimate import EstimateRows
from journal.domain.metrics import CURVE_K, EXTRAPOLATED_N_MAX, VALID_N_MAX, E1rmFormula
from journal.domain.records import SetType
from journal.domain.review import CalibrationSets, RepMaxRows, SessionBests, SetPoints, WeekExerciseRows
from journal.domain.review.columns import COLUMN_INT, column_ints, floats
from journal.domain.review.weeks import RIR_BINS, SessionWeeks
from journal.storage.models import db
from journal.storage.review import DAY_SQL, WEEK_SQL, _columns

F = np.float64
_TYPES = {t.value: i for i, t in enumerate(SetType)}
WARMUP, DROP = _TYPES[SetType.WARMUP.value], _TYPES[SetType.DROP.value]
# the RIR bins of the weekly rows, as journal.storage.review.week_exercise_rows sums them
_BINS = ((-1, 0.5), (0.5, 1.5), (1.5, 2.5), (2.5, 3.5), (3.5, 1e9))


@dataclass(frozen=True)
class Parts:
    rows: WeekExerciseRows
    weeks: SessionWeeks
    bests: SessionBests
    maxes: RepMaxRows
    calibration: CalibrationSets
    points: SetPoints
    estimates: EstimateRows
    curve_bests: SessionBests | None


def _narrow(values: np.ndarray) -> np.ndarray:
    """An integer column as int32 when its values fit (the review's column type), else int64."""
    limits = np.iinfo(COLUMN_INT)
    fits = not values.size or bool(limits.min <= values.min() and values.max() <= limits.max)
    narrowed: np.ndarray = values.astype(COLUMN_INT if fits else np.int64, copy=False)  # no copy when narrow already
    return narrowed


def _earlier(flag: np.ndarray, series_start: np.ndarray, series: np.ndarray) -> np.ndarray:
    """For each set: whether a set before it in its drop-set series has `flag`."""
    before = np.cumsum(flag) - flag
    earlier: np.ndarray = (before - before[series_start][series]) > 0
    return earlier


def _group_max(keys: list[np.ndarray], values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The first row of each group of equal keys (rows sorted by the keys) and the nan-ignoring max of `values`
    in each group (nan when every value of the group is nan)."""
    n = values.size
    if not n:
        return np.zeros(0, np.int64), np.zeros(0, F)
    new = np.zeros(n, np.bool_)
    new[0] = True
    for key in keys:
        new[1:] |= key[1:] != key[:-1]
    starts = np.flatnonzero(new)
    filled = np.where(np.isnan(values), -np.inf, values)
    best = np.maximum.reduceat(filled, starts)
    return starts, np.where(np.isneginf(best), np.nan, best)


def _e1rm(formula: E1rmFormula, load: np.ndarray, n: np.ndarray) -> np.ndarray:
    """journal.storage.review._e1rm_sql, the same arithmetic in the same order."""
    if formula is E1rmFormula.EPLEY:
        return load * (1.0 + n / 30.0)
    if formula is E1rmFormula.BRZYCKI:
        return load * 36.0 / (37.0 - n)
    return load * (1.0 + CURVE_K * (n - 1))


def _working_sets(hard_rir: float) -> tuple[SessionWeeks, dict[str, np.ndarray]]:
    """Each session's week, and the working sets in the order they were done, a column each (the columns of every
    set, warm-ups too, are freed on return, before the figures are worked out)."""
    # sessions in start order, with their day, week and bodyweight
    session_id, day, week, bodyweight = _columns(
        db.execute_sql(f"SELECT s.id, {DAY_SQL}, {WEEK_SQL}, s.bodyweight_kg FROM session s ORDER BY s.start, s.id"),
        (F, F, F, F),
    )
    session_id, week = session_id.astype(np.int64), week.astype(np.int64)
    weeks = SessionWeeks(session_id, week)
    by_id = np.argsort(session_id)
    exercise_id, bw_flag, timed_flag, reps_flag = _columns(
        db.execute_sql("SELECT id, bodyweight, measure = 'time', measure = 'reps' FROM exercise ORDER BY id"),
        (F, F, F, F),
    )
    exercise_id = exercise_id.astype(np.int64)
    entry_id, entry_session, entry_exercise, entry_position = (
        column.astype(np.int64)
        for column in _columns(
            db.execute_sql("SELECT id, session_id, exercise_id, position FROM entry ORDER BY id"), (F, F, F, F)
        )
    )
    type_case = " ".join(f"WHEN '{v}' THEN {i}" for v, i in _TYPES.items())
    # a set's position and small codes in one number: fewer values to hand from SQLite to Python
    set_id, set_entry, load_kg, reps, rir, failure_reps, codes = _columns(
        db.execute_sql(
            f"""SELECT st.id, st.entry_id, st.load_kg, st.reps, st.rir, st.failure_reps,
                   64 * st.position + CASE st.set_type {type_case} END + 8 * coalesce(st.effort_scale = 'rpe', 1)
                   + 16 * coalesce(st.duration_s > 0, 0) + 32 * (st.rir_origin IS NULL)
            FROM "set" st"""
        ),
        (COLUMN_INT, COLUMN_INT, F, np.float32, F, np.float32, np.int64),  # counts up to 1,000 are exact in float32
    )
    position = codes >> 6
    if (
        set_id.size > 1
        and not (
            (set_entry[1:] > set_entry[:-1]) | ((set_entry[1:] == set_entry[:-1]) & (position[1:] >= position[:-1]))
        ).all()
    ):  # the table's own order is nearly always this one already (sets are added in order)
        by_entry = np.lexsort((position, set_entry))
        set_id, set_entry, load_kg, reps, rir, failure_reps, codes, position = (
            column[by_entry] for column in (set_id, set_entry, load_kg, reps, rir, failure_reps, codes, position)
        )
    kind = (codes & 7).astype(np.int8)
    rpe, timed_done, own = (codes & 8) > 0, (codes & 16) > 0, (codes & 32) > 0
    del codes
    if not set_id.size:
        return weeks, {}
    # the join: each set's entry, session (as its place in start order) and exercise
    entry_at = np.searchsorted(entry_id, set_entry).astype(np.int32)  # a million sets: keep the columns narrow
    rank = by_id[np.searchsorted(session_id[by_id], entry_session[entry_at])].astype(np.int32)  # start order
    x_at = np.searchsorted(exercise_id, entry_exercise[entry_at])
    is_bw, is_timed, by_reps = bw_flag[x_at] == 1, timed_flag[x_at] == 1, reps_flag[x_at] == 1
    del x_at

    # a drop-set series: from a set that is not a drop (or the entry's first set) through the drops after it
    new_entry = np.ones(set_id.size, np.bool_)
    new_entry[1:] = set_entry[1:] != set_entry[:-1]
    series = np.cumsum(new_entry | (kind != DROP)) - 1
    series_start = np.flatnonzero(new_entry | (kind != DROP))
    drop = kind == DROP
    with np.errstate(invalid="ignore"):
        working = (kind != WARMUP) & ((reps > 0) | (load_kg > 0) | (is_timed & timed_done))
        head = working & ~(drop & _earlier(working, series_start, series))
        rated_here = working & ~np.isnan(rir)
        rated = rated_here & ~(drop & _earlier(rated_here, series_start, series))
        # an RPE below 6 is not hard (nor a RIR above 4 of no known scale, as SQL has it); only an exercise measured
        # by reps has hard sets
        hard_here = working & by_reps & (rir <= float(hard_rir)) & ~(rpe & (rir > 4))
        hard = hard_here & ~(drop & _earlier(hard_here, series_start, series))
    del new_entry, series, series_start, drop, rated_here, hard_here, rpe, timed_done, is_timed, by_reps

    # the working sets in the order they were done
    keep = np.flatnonzero(working)
    order = keep[np.lexsort((position[keep], entry_position[entry_at[keep]], rank[keep]))]
    del keep
    s_rank = rank[order]
    return weeks, {
        "set_id": set_id[order],
        "entry": set_entry[order],
        "rank": s_rank,
        "session": _narrow(session_id[s_rank]),
        "day": day[s_rank],
        "week": week[s_rank],
        "bodyweight": bodyweight[s_rank],
        "exercise": entry_exercise[entry_at[order]],
        "entry_position": entry_position[entry_at[order]],
        "position": position[order],
        "kind": kind[order],
        "reps": reps[order].astype(F),
        "rir": rir[order],
        "load_kg": load_kg[order],
        "failure_reps": failure_reps[order].astype(F),
        "own": own[order],
        "is_bw": is_bw[order],
        "head": head[order],
        "rated": rated[order],
        "hard": hard[order],
    }


def read(hard_rir: float, formula: E1rmFormula) -> Parts:
    """Every part of the review snapshot from the whole journal."""
    weeks, sets = _working_sets(hard_rir)
    if not sets:
        return _empty(weeks, formula)
    s_rank, sessions, exercise = sets["rank"], sets["session"], sets["exercise"]
    s_day, s_week, s_bw = sets["day"], sets["week"], sets["bodyweight"]
    o_reps, o_rir, o_load, o_failure = sets["reps"], sets["rir"], sets["load_kg"], sets["failure_reps"]
    # a bodyweight exercise's load: bodyweight plus the added load, less assistance (never below 0); nan: no
    # bodyweight, or no load (LOAD_SQL)
    load = np.where(sets["is_bw"], np.maximum(0.0, s_bw + np.nan_to_num(o_load)), o_load)
    with np.errstate(invalid="ignore"):
        n = np.where(o_failure >= o_reps, o_failure, o_reps + np.nan_to_num(o_rir))
        positive = (o_reps > 0) & (load > 0)
    tonnage = np.where(np.isnan(o_reps), 0.0, np.where(np.isnan(load), 0.0, load) * np.nan_to_num(o_reps))
    o_head, o_rated, o_hard = sets["head"], sets["rated"], sets["hard"]

    # the session bests: the groups, and the columns that name them, are the same whatever the formula (the curve's
    # bests, when another formula is chosen, share those columns: the same arrays)
    with np.errstate(invalid="ignore"):
        pick = np.flatnonzero(positive & (n <= EXTRAPOLATED_N_MAX))
    keys = [s_rank[pick], exercise[pick]]
    group = np.lexsort(keys[::-1])
    keys = [k[group] for k in keys]
    picked, within = pick[group], n[pick][group] <= VALID_N_MAX
    del pick, group
    named: dict[str, np.ndarray] = {}

    def bests_for(chosen: E1rmFormula) -> SessionBests:
        e1rm = _e1rm(chosen, load[picked], n[picked])
        starts, best = _group_max(keys, e1rm)
        _, valid = _group_max(keys, np.where(within, e1rm, np.nan))
        if not named:
            rows = picked[starts]
            named.update(session=_narrow(sessions[rows]), exercise=_narrow(exercise[rows]), day=s_day[rows])
        return SessionBests(
            session=named["session"],
            exercise=named["exercise"],
            day=named["day"],
            e1rm=np.where(np.isnan(valid), best, valid),
            extrapolated=np.isnan(valid),
        )

    # rep maxes per (session, exercise, reps)
    pick = np.flatnonzero(positive)
    group = pick[np.lexsort((o_reps[pick], exercise[pick], s_rank[pick]))]
    starts, heaviest = _group_max([s_rank[group], exercise[group], o_reps[group]], load[group])
    rows = group[starts]
    maxes = RepMaxRows(
        session=_narrow(sessions[rows]),
        exercise=_narrow(exercise[rows]),
        day=s_day[rows],
        reps=_narrow(o_reps[rows]),
        load=heaviest,
    )

    # the weekly rows per (week, exercise)
    group = np.lexsort((exercise, s_week))
    g_week, g_exercise = s_week[group], exercise[group]
    new = np.ones(group.size, np.bool_)
    new[1:] = (g_week[1:] != g_week[:-1]) | (g_exercise[1:] != g_exercise[:-1])
    starts = np.flatnonzero(new)

    def total(values: np.ndarray) -> np.ndarray:
        return np.add.reduceat(values[group], starts) if starts.size else values[:0]

    rated_rir = np.where(o_rated, o_rir, 0.0)
    bins = [total((o_rated & (o_rir >= low) & (o_rir < high)).astype(np.int64)) for low, high in _BINS[: len(RIR_BINS)]]
    rows_out = WeekExerciseRows(
        week=_narrow(g_week[starts]),
        exercise=_narrow(g_exercise[starts]),
        working=_narrow(total(o_head.astype(np.int64))),
        hard=_narrow(total(o_hard.astype(np.int64))),
        unrated=_narrow(total(o_head.astype(np.int64)) - total(o_rated.astype(np.int64))),
        tonnage=total(tonnage).astype(F),
        rir_sum=total(rated_rir).astype(F),
        bins=_narrow(np.column_stack(bins)),
    )

    calibrated = np.flatnonzero(~np.isnan(o_failure) & ~np.isnan(o_rir) & ~np.isnan(o_reps))
    set_ids = sets["set_id"]
    calibration = CalibrationSets(
        set_id=_narrow(set_ids[calibrated]),
        session=_narrow(sessions[calibrated]),
        exercise=_narrow(exercise[calibrated]),
        day=s_day[calibrated],
        reported=o_rir[calibrated],
        reps=_narrow(o_reps[calibrated]),
        failure_reps=_narrow(o_failure[calibrated]),
    )
    entries = sets["entry"]
    points = SetPoints(
        set_id=_narrow(set_ids),
        session=_narrow(sessions),
        exercise=_narrow(exercise),
        day=s_day,
        set_type=sets["kind"],
        rir=o_rir.astype(np.float32),
        last=np.append(entries[1:] != entries[:-1], True),
    )
    estimates = EstimateRows(  # the columns it shares with the points are the same arrays, not copies
        set_id=points.set_id,
        session=points.session,
        exercise=points.exercise,
        day=s_day,
        week=_narrow(s_week),
        load=np.where(load > 0, load, np.nan),
        reps=_narrow(np.nan_to_num(o_reps).astype(np.int64)),
        rir=points.rir,
        logged=np.where(sets["own"], points.rir, np.float32(np.nan)),
        head=o_head,
        rated=o_rated,
        hard=o_hard,
        entry_position=_narrow(sets["entry_position"]),
        position=_narrow(sets["position"]),
    )
    return Parts(
        rows=rows_out,
        weeks=weeks,
        bests=bests_for(formula),
        maxes=maxes,
        calibration=calibration,
        points=points,
        estimates=estimates,
        curve_bests=None if formula is E1rmFormula.CURVE else bests_for(E1rmFormula.CURVE),
    )


def _empty(weeks: SessionWeeks, formula: E1rmFormula) -> Parts:
    ids, days = column_ints, floats
    no_bests = SessionBests(ids(), ids(), days(), days(), np.zeros(0, np.bool_))
    return Parts(
        rows=WeekExerciseRows.empty(),
        weeks=weeks,
        bests=no_bests,
        maxes=RepMaxRows(ids(), ids(), days(), ids(), days()),
        calibration=CalibrationSets(ids(), ids(), ids(), days(), days(), ids(), ids()),
        points=SetPoints.empty(),
        estimates=EstimateRows.empty(),
        curve_bests=None if formula is E1rmFormula.CURVE else no_bests,
    )
