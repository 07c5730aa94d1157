# SPDX-License-Identifier: MIT
"""The demo history generator: size, determinism and the realism of what it generates."""

from __future__ import annotations

import csv
import datetime as dt
import statistics
import time
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path

import pytest

from journal.demo import generate_history
from journal.domain.effort import EffortScale, is_half_step
from journal.domain.metrics import e1rm
from journal.domain.records import Entry, Session, SetRecord, SetType

END = dt.date(2025, 6, 30)
SEED = 20240611
YEARS = 10
CATALOGUE_PATH = Path(__file__).resolve().parents[1] / "resources" / "exercises.csv"
MAIN_LIFTS = ("Back Squat", "Bench Press", "Deadlift", "Overhead Press")
NOMINAL_DAYS = {"upper_lower": {4}, "push_pull_legs": {5, 6}, "full_body": {3}, "strength": {4}}


@pytest.fixture(scope="module")
def catalogue() -> dict[str, dict[str, str]]:
    with CATALOGUE_PATH.open(newline="", encoding="utf-8") as handle:
        return {row["name"]: row for row in csv.DictReader(handle)}


@pytest.fixture(scope="module")
def timed_history() -> tuple[list[Session], float]:
    began = time.perf_counter()
    sessions = list(generate_history(YEARS, SEED, END))
    return sessions, time.perf_counter() - began


@pytest.fixture(scope="module")
def history(timed_history: tuple[list[Session], float]) -> list[Session]:
    return timed_history[0]


def _sets(sessions: list[Session]) -> Iterator[tuple[Session, Entry, SetRecord]]:
    for session in sessions:
        for entry in session.entries:
            for record in entry.sets:
                yield session, entry, record


def _working(sessions: list[Session]) -> list[tuple[Session, Entry, SetRecord]]:
    return [item for item in _sets(sessions) if item[2].set_type is not SetType.WARMUP]


def _program(title: str) -> str:
    if title.startswith(("Upper", "Lower")):
        return "upper_lower"
    if title in ("Push", "Pull", "Legs"):
        return "push_pull_legs"
    if title.startswith("Full body"):
        return "full_body"
    if title.startswith("Strength"):
        return "strength"
    raise AssertionError(f"unexpected title {title!r}")


def _runs(sessions: list[Session]) -> list[list[Session]]:
    """Consecutive sessions of the same program."""
    runs: list[list[Session]] = []
    for session in sessions:
        if runs and _program(runs[-1][-1].title) == _program(session.title):
            runs[-1].append(session)
        else:
            runs.append([session])
    return runs


def _week(session: Session) -> int:
    """A running week number (Monday to Sunday) for the session's date."""
    return (session.start.date().toordinal() - 1) // 7


def _weekly_mean_rir(sessions: list[Session]) -> dict[int, float]:
    by_week: dict[int, list[float]] = defaultdict(list)
    for session, _, record in _working(sessions):
        if record.rir is not None:
            by_week[_week(session)].append(record.rir)
    return {week: statistics.fmean(values) for week, values in by_week.items()}


def _deload_weeks(sessions: list[Session]) -> list[int]:
    return sorted(week for week, mean in _weekly_mean_rir(sessions).items() if mean >= 2.8)


def _share(part: int, whole: int) -> float:
    assert whole > 0
    return part / whole


# ---------------------------------------------------------------------------------------------------- size, speed


def test_ten_years_size_and_speed(timed_history: tuple[list[Session], float]) -> None:
    sessions, seconds = timed_history
    total = sum(session.set_count for session in sessions)
    assert 52_000 <= total <= 76_000  # about 90 working sets a week, with warm-ups
    assert seconds < 3.0


def test_size_is_linear_in_years(history: list[Session]) -> None:
    per_year = sum(session.set_count for session in history) / YEARS
    two_years = sum(session.set_count for session in generate_history(2, SEED + 1, END))
    assert two_years / 2 == pytest.approx(per_year, rel=0.2)
    one_year = sum(session.set_count for session in generate_history(1, SEED + 2, END))
    assert one_year == pytest.approx(per_year, rel=0.3)


def test_same_arguments_same_history_other_seed_other_history() -> None:
    first = list(generate_history(1, 7, END))
    assert first == list(generate_history(1, 7, END))
    assert first != list(generate_history(1, 8, END))
    assert first != list(generate_history(1, 7, END - dt.timedelta(days=1)))


# -------------------------------------------------------------------------------------------------- session level


def test_sessions_are_chronological_inside_the_period(history: list[Session]) -> None:
    starts = [session.start for session in history]
    assert starts == sorted(starts)
    assert len(set(session.start.date() for session in history)) == len(history)
    assert history[0].start.date() >= END - dt.timedelta(days=round(YEARS * 365.25))
    assert history[0].start.date() <= END - dt.timedelta(days=round(YEARS * 365.25) - 14)
    assert history[-1].start.date() <= END
    assert history[-1].start.date() >= END - dt.timedelta(days=14)
    short = list(generate_history(0.5, SEED, END))
    assert short[0].start.date() >= END - dt.timedelta(days=183)
    assert short[-1].start.date() <= END


def test_session_fields(history: list[Session]) -> None:
    for session in history:
        assert session.source == "demo"
        assert session.source_key is None
        assert session.id is None
        assert session.entries
        assert dt.time(6, 0) <= session.start.time() <= dt.time(20, 30)
        assert session.end is not None
        assert dt.timedelta(minutes=45) <= session.end - session.start <= dt.timedelta(minutes=100)
        _program(session.title)
    titles = Counter(session.title for session in history)
    assert {"Upper A", "Lower B", "Push", "Pull", "Legs", "Full body 1"} <= set(titles)
    durations = [(session.end - session.start).total_seconds() / 60 for session in history if session.end]
    assert statistics.pstdev(durations) > 5  # not all the same length


def test_notes_mostly_empty_sometimes_a_remark(history: list[Session]) -> None:
    notes = [session.notes for session in history]
    with_notes = [note for note in notes if note]
    assert _share(len(with_notes), len(notes)) <= 0.25
    assert _share(len(with_notes), len(notes)) >= 0.02
    assert len(set(with_notes)) >= 10
    assert all(len(note) < 80 for note in with_notes)


def test_bodyweight_drifts_slowly_with_cuts_and_bulks(history: list[Session]) -> None:
    weighed = [
        (session.start.date(), session.bodyweight_kg) for session in history if session.bodyweight_kg is not None
    ]
    assert 0.10 <= 1 - _share(len(weighed), len(history)) <= 0.20
    assert all(round(kg, 1) == kg and 50 <= kg <= 130 for _, kg in weighed)
    for (day_a, kg_a), (day_b, kg_b) in pairwise(weighed):
        if (day_b - day_a).days <= 7:
            assert abs(kg_b - kg_a) < 2.5
    first_year = statistics.median(kg for day, kg in weighed if day < weighed[0][0] + dt.timedelta(days=365))
    last_year = statistics.median(kg for day, kg in weighed if day > weighed[-1][0] - dt.timedelta(days=365))
    assert 3.0 <= last_year - first_year <= 15.0
    monthly: dict[int, list[float]] = defaultdict(list)
    for day, kg in weighed:
        monthly[(day - weighed[0][0]).days // 30].append(kg)
    means = [statistics.fmean(monthly[month]) for month in sorted(monthly)]
    changes = [means[j] - means[i] for i in range(len(means)) for j in range(i + 1, min(i + 6, len(means)))]
    assert min(changes) <= -1.5  # a cut
    assert max(changes) >= 1.5  # a bulk
    assert statistics.pstdev(kg for _, kg in weighed) > 1.0


# --------------------------------------------------------------------------------------------- programs, schedule


def test_programs_rotate_every_8_to_16_weeks(history: list[Session]) -> None:
    runs = _runs(history)
    assert len({_program(run[0].title) for run in runs}) >= 3
    assert len(runs) >= YEARS * 52 / 16
    for run in runs[1:-1]:
        weeks = {_week(session) for session in run}
        assert 8 <= len(weeks) <= 16
        assert max(weeks) - min(weeks) + 1 == len(weeks)  # no gap inside a block


def test_a_few_missed_days(history: list[Session]) -> None:
    scheduled = held = 0
    short_weeks = 0
    for run in _runs(history)[1:-1]:
        per_week = Counter(_week(session) for session in run)
        nominal = max(per_week.values())
        assert nominal in NOMINAL_DAYS[_program(run[0].title)]
        scheduled += nominal * len(per_week)
        held += sum(per_week.values())
        short_weeks += sum(count < nominal for count in per_week.values())
    assert 0.01 <= 1 - _share(held, scheduled) <= 0.08
    assert short_weeks >= 10


def test_a_couple_of_one_to_three_week_breaks(history: list[Session]) -> None:
    gaps = [(b.start.date() - a.start.date()).days for a, b in pairwise(history)]
    breaks = [gap for gap in gaps if gap >= 9]
    assert 2 <= len(breaks) <= 8
    assert max(gaps) <= 3 * 7 + 7
    assert _share(sum(gap <= 3 for gap in gaps), len(gaps)) >= 0.9


def test_strength_block_uses_lower_reps(history: list[Session]) -> None:
    reps: dict[bool, list[int]] = {True: [], False: []}
    for session, entry, record in _working(history):
        if entry.exercise.name in MAIN_LIFTS and record.reps:
            reps[_program(session.title) == "strength"].append(record.reps)
    assert statistics.median(reps[True]) <= 5
    assert statistics.median(reps[False]) >= 6


# ---------------------------------------------------------------------------------------------------- exercises


def test_every_exercise_is_in_the_catalogue(history: list[Session], catalogue: dict[str, dict[str, str]]) -> None:
    names = {entry.exercise.name for session in history for entry in session.entries}
    assert names <= set(catalogue)
    assert len(names) >= 25
    for session in history:
        for entry in session.entries:
            assert entry.exercise.id is None
            assert entry.exercise.bodyweight == (catalogue[entry.exercise.name]["bodyweight"] == "1")
            assert catalogue[entry.exercise.name]["measure"] in ("", "reps")


def test_bodyweight_exercises_have_no_or_a_small_added_load(
    history: list[Session], catalogue: dict[str, dict[str, str]]
) -> None:
    loads = [record.load_kg for _, entry, record in _working(history) if entry.exercise.bodyweight]
    names = {entry.exercise.name for session in history for entry in session.entries if entry.exercise.bodyweight}
    assert {"Pull-up", "Chin-up", "Dip"} <= names
    assert all(catalogue[name]["bodyweight"] == "1" for name in names)
    assert all(load is None or 0 < load <= 50 for load in loads)
    assert sum(load is None for load in loads) >= 50
    assert sum(load is not None for load in loads) >= 50


def test_loads_reps_rir_within_bounds(history: list[Session]) -> None:
    for _, _, record in _sets(history):
        assert record.load_kg is None or 0 <= record.load_kg <= 1000
        assert record.reps is not None and 0 <= record.reps <= 1000
        if record.rir is not None:
            assert 0 <= record.rir <= 10 and is_half_step(record.rir)
        if record.failure_reps is not None:
            assert record.failure_reps >= record.reps
        assert (record.rir is None) == (record.effort_scale is None)
        assert record.duration_s is None and record.distance_m is None


def test_loads_follow_the_equipment_increments(history: list[Session], catalogue: dict[str, dict[str, str]]) -> None:
    steps: Counter[bool] = Counter()
    for _, entry, record in _sets(history):
        if record.load_kg is None or entry.exercise.bodyweight:
            continue
        equipment = catalogue[entry.exercise.name]["equipment"]
        if equipment in ("barbell", "ez_bar", "machine", "cable"):
            assert record.load_kg % 2.5 == pytest.approx(0) or record.load_kg % 2.5 == pytest.approx(2.5)
        elif equipment == "dumbbell":
            assert record.load_kg == int(record.load_kg)
            steps[record.load_kg % 2 == 0] += 1
    assert steps[True] > steps[False] > 0  # mostly 2 kg steps, some 1 kg steps


# --------------------------------------------------------------------------------------------------- set structure


def test_warmups_ramp_up_before_compound_lifts(history: list[Session], catalogue: dict[str, dict[str, str]]) -> None:
    main_entries = main_with_warmups = 0
    for session in history:
        for entry in session.entries:
            kinds = [record.is_warmup for record in entry.sets]
            warmups = [record for record in entry.sets if record.is_warmup]
            if entry.exercise.name in MAIN_LIFTS:
                main_entries += 1
                main_with_warmups += bool(warmups)
            if not warmups:
                continue
            assert catalogue[entry.exercise.name]["mechanic"] == "compound"
            assert kinds == sorted(kinds, reverse=True)  # all warm-ups come first
            loads = [record.load_kg for record in warmups]
            assert all(load is not None for load in loads)
            assert all(a < b for a, b in pairwise(loads))  # type: ignore[operator]
            first_working = entry.sets[len(warmups)]
            assert first_working.load_kg is not None and loads[-1] < first_working.load_kg  # type: ignore[operator]
            assert all(record.rir is None or record.rir >= 4 for record in warmups)
    assert _share(main_with_warmups, main_entries) >= 0.9
    warmup_rir = [record.rir for _, _, record in _sets(history) if record.is_warmup]
    assert _share(sum(rir is None for rir in warmup_rir), len(warmup_rir)) >= 0.8


def test_drop_sets_follow_isolation_work(history: list[Session], catalogue: dict[str, dict[str, str]]) -> None:
    drops = 0
    for session in history:
        for entry in session.entries:
            for previous, record in pairwise(entry.sets):
                if record.set_type is not SetType.DROP:
                    continue
                drops += 1
                assert catalogue[entry.exercise.name]["mechanic"] == "isolation"
                assert not previous.is_warmup
                assert previous.load_kg is not None and record.load_kg is not None
                assert record.load_kg < previous.load_kg
            assert entry.sets[0].set_type is not SetType.DROP
    assert 0.003 <= _share(drops, len(_working(history))) <= 0.05


def test_backoff_sets_follow_a_heavy_top_set(history: list[Session], catalogue: dict[str, dict[str, str]]) -> None:
    entries = 0
    for session in history:
        for entry in session.entries:
            work = [record for record in entry.sets if not record.is_warmup]
            backoffs = [record for record in work if record.set_type is SetType.BACKOFF]
            if not backoffs:
                continue
            entries += 1
            assert catalogue[entry.exercise.name]["mechanic"] == "compound"
            top = work[0]
            assert top.set_type is SetType.WORKING
            assert all(record.set_type is not SetType.WORKING for record in work[1:])
            if top.load_kg is not None:
                assert all(record.load_kg is not None and record.load_kg < top.load_kg for record in backoffs)
    assert entries >= 200


def test_sets_to_failure(history: list[Session], catalogue: dict[str, dict[str, str]]) -> None:
    mechanics: Counter[str] = Counter()
    failures = 0
    for session in history:
        for entry in session.entries:
            for position, record in enumerate(entry.sets):
                if record.set_type is not SetType.FAILURE:
                    continue
                failures += 1
                mechanics[catalogue[entry.exercise.name]["mechanic"]] += 1
                assert position == len(entry.sets) - 1  # the AMRAP or last set
                assert record.rir is None or record.rir == 0
    assert 0.005 <= _share(failures, len(_working(history))) <= 0.05
    assert mechanics["compound"] > 0 and mechanics["isolation"] > 0


# ------------------------------------------------------------------------------------------------------ effort


def test_rir_distribution(history: list[Session], catalogue: dict[str, dict[str, str]]) -> None:
    work = _working(history)
    rated = [record for _, _, record in work if record.rir is not None]
    rirs = [record.rir for record in rated if record.rir is not None]
    assert 0.07 <= 1 - _share(len(rated), len(work)) <= 0.13  # about 10 % not rated
    assert _share(sum(1 <= rir <= 3 for rir in rirs), len(rirs)) >= 0.55  # most at 1-3
    # a few far from failure (compound sets before the last are stopped a rep or more short)
    assert 0.03 <= _share(sum(4 <= rir <= 6 for rir in rirs), len(rirs)) <= 0.2
    assert _share(sum(rir > 6 for rir in rirs), len(rirs)) <= 0.01
    isolation = [
        record.rir
        for _, entry, record in work
        if record.rir is not None and catalogue[entry.exercise.name]["mechanic"] == "isolation"
    ]
    compound = [
        record.rir
        for _, entry, record in work
        if record.rir is not None and catalogue[entry.exercise.name]["mechanic"] == "compound"
    ]
    assert 0.05 <= _share(isolation.count(0), len(isolation)) <= 0.4  # isolation sets at 0
    assert _share(isolation.count(0), len(isolation)) > _share(compound.count(0), len(compound))


def test_effort_scales(history: list[Session]) -> None:
    rated = [record for _, _, record in _working(history) if record.rir is not None]
    rpe = [record for record in rated if record.effort_scale is EffortScale.RPE]
    rir = [record for record in rated if record.effort_scale is EffortScale.RIR]
    assert len(rpe) + len(rir) == len(rated)
    assert 0.25 <= _share(len(rpe), len(rated)) <= 0.38  # about 30 % entered as RPE
    for record in rpe:
        assert record.rir is not None
        assert 6.5 <= 10 - record.rir <= 10 and is_half_step(10 - record.rir)
    assert Counter(10 - record.rir for record in rpe if record.rir is not None).keys() >= {6.5, 7, 8.5, 9.5, 10}
    halves = sum(record.rir is not None and record.rir % 1 == 0.5 for record in rir)
    assert 0.02 <= _share(halves, len(rir)) <= 0.3  # half-step RIR occasionally
    warmups = [record for _, _, record in _sets(history) if record.is_warmup]
    assert all((record.rir is None) == (record.effort_scale is None) for record in warmups)


def test_calibration_sets_continue_to_failure(history: list[Session]) -> None:
    work = [record for _, _, record in _working(history)]
    calibration = [record for record in work if record.failure_reps is not None]
    assert 0.03 <= _share(len(calibration), len(work)) <= 0.05
    errors: list[float] = []
    long_errors: list[float] = []
    for record in calibration:
        assert record.rir is not None and record.reps is not None and record.failure_reps is not None
        assert record.set_type in (SetType.WORKING, SetType.BACKOFF)
        error = (record.failure_reps - record.reps) - record.rir  # positive: more left than called
        (long_errors if record.reps > 12 else errors).append(error)
    every = errors + long_errors
    assert 0.5 <= statistics.fmean(every) <= 1.5  # under-called by about a rep (Halperin 2022)
    assert _share(sum(1 <= error <= 2 for error in every), len(every)) >= 0.35
    assert _share(sum(error != 0 for error in every), len(every)) >= 0.6
    assert _share(sum(error < 0 for error in every), len(every)) > 0  # sometimes over-called
    assert len(long_errors) >= 30
    assert statistics.fmean(long_errors) >= statistics.fmean(errors) + 0.5  # bigger on long sets


def test_calibration_errors_widen_with_reps(history: list[Session]) -> None:
    """About a rep of error up to 10 reps, 2-3 reps on sets of 16 or more (Steele 2017; Halperin 2022)."""
    by_length: dict[str, list[float]] = {"short": [], "long": []}
    for _, _, record in _working(history):
        if record.failure_reps is not None and record.rir is not None and record.reps is not None:
            error = abs((record.failure_reps - record.reps) - record.rir)
            if record.failure_reps <= 10:
                by_length["short"].append(error)
            elif record.failure_reps >= 16:
                by_length["long"].append(error)
    short, long = (statistics.fmean(by_length[k]) for k in ("short", "long"))
    assert 0.5 <= short <= 1.5 and 2.0 <= long <= 3.0
    assert statistics.pstdev(by_length["long"]) > statistics.pstdev(by_length["short"])  # a wider spread too


def test_working_sets_a_week_and_compound_failure_before_the_last_set(
    history: list[Session], catalogue: dict[str, dict[str, str]]
) -> None:
    from journal.domain.metrics import series

    weekly: Counter[int] = Counter()
    early = compound_sets = 0
    for session in history:
        for entry in session.entries:
            weekly[_week(session)] += len(series(entry.sets))
            if catalogue[entry.exercise.name]["mechanic"] != "compound":
                continue
            work = [record for record in entry.sets if not record.is_warmup]
            compound_sets += len(work)
            early += sum(record.rir == 0 for record in work[:-1])
    counts = sorted(weekly.values())
    assert max(counts) <= 120 and 60 <= statistics.median(counts) <= 110
    assert _share(sum(c >= 40 for c in counts), len(counts)) >= 0.9  # short weeks (deloads, missed days) aside
    assert _share(early, compound_sets) <= 0.01  # compound lifts rarely reach failure before their last set


# --------------------------------------------------------------------------------------------- progress, deloads


def _session_best_e1rm(history: list[Session], lift: str) -> list[tuple[dt.date, float]]:
    series = []
    for session in history:
        best = 0.0
        for entry in session.entries:
            if entry.exercise.name != lift:
                continue
            for record in entry.sets:
                if record.is_warmup or record.rir is None:
                    continue
                estimate = e1rm(record.load_kg, record.reps, record.rir)
                if estimate is not None and not estimate.extrapolated:
                    best = max(best, estimate.kg)
        if best:
            series.append((session.start.date(), best))
    return series


@pytest.mark.parametrize("lift", MAIN_LIFTS)
def test_e1rm_trends_up_with_plateaus(history: list[Session], lift: str) -> None:
    series = _session_best_e1rm(history, lift)
    origin = history[0].start.date()
    yearly: dict[int, list[float]] = defaultdict(list)
    quarterly: dict[int, list[float]] = defaultdict(list)
    for day, kg in series:
        yearly[min((day - origin).days // 365, YEARS - 1)].append(kg)
        quarterly[(day - origin).days // 91].append(kg)
    medians = [statistics.median(yearly[year]) for year in range(YEARS)]
    assert medians[-1] >= 1.2 * medians[0]
    assert sum(b > a for a, b in pairwise(medians)) >= (YEARS - 1) // 2
    record = 0.0
    new_bests = plateaus = 0
    for quarter in sorted(quarterly):  # the quarter's median against the best earlier median
        level = statistics.median(quarterly[quarter])
        if quarter >= 4:
            new_bests += level > record * 1.02
            plateaus += level <= record * 1.01
        record = max(record, level)
    assert new_bests >= 4
    assert plateaus >= 6


@pytest.mark.parametrize("lift", MAIN_LIFTS)
def test_working_loads_progress(history: list[Session], lift: str) -> None:
    """Working loads for 5-8 reps are heavier in the last two years than in the first two."""
    origin = history[0].start.date()
    early: list[float] = []
    late: list[float] = []
    for session, entry, record in _working(history):
        if entry.exercise.name == lift and record.load_kg is not None and 5 <= (record.reps or 0) <= 8:
            days = (session.start.date() - origin).days
            if days < 2 * 365:
                early.append(record.load_kg)
            elif days >= (YEARS - 2) * 365:
                late.append(record.load_kg)
    assert statistics.median(late) >= 1.15 * statistics.median(early)


def test_deload_weeks_every_4_to_8_weeks(history: list[Session]) -> None:
    trained = {_week(session) for session in history}
    deloads = _deload_weeks(history)
    assert 0.1 <= _share(len(deloads), len(trained)) <= 0.25
    intervals = [b - a for a, b in pairwise(deloads) if all(week in trained for week in range(a, b))]
    assert len(intervals) >= 40
    assert _share(sum(4 <= interval <= 8 for interval in intervals), len(intervals)) >= 0.9


def test_deloads_are_lighter_and_further_from_failure(history: list[Session]) -> None:
    deloads = set(_deload_weeks(history))
    means = _weekly_mean_rir(history)
    sets_per_entry: dict[int, list[int]] = defaultdict(list)
    main_loads: dict[tuple[int, str], list[float]] = defaultdict(list)
    for session in history:
        week = _week(session)
        for entry in session.entries:
            work = [record for record in entry.sets if not record.is_warmup]
            sets_per_entry[week].append(len(work))
            if entry.exercise.name in MAIN_LIFTS:
                main_loads[week, entry.exercise.name] += [r.load_kg for r in work if r.load_kg is not None]
    fewer = lighter = compared_sets = compared_loads = 0
    for week in deloads:
        before = week - 1
        if before not in sets_per_entry or before in deloads:
            continue
        assert means[week] >= means[before] + 0.75
        compared_sets += 1
        fewer += statistics.fmean(sets_per_entry[week]) < statistics.fmean(sets_per_entry[before])
        for lift in MAIN_LIFTS:
            if main_loads[week, lift] and main_loads[before, lift]:
                compared_loads += 1
                lighter += statistics.fmean(main_loads[week, lift]) < statistics.fmean(main_loads[before, lift])
    assert compared_sets >= 40
    assert _share(fewer, compared_sets) >= 0.9
    assert _share(lighter, compared_loads) >= 0.75


def test_loads_rise_through_a_mesocycle(history: list[Session]) -> None:
    deloads = _deload_weeks(history)
    top: dict[tuple[int, str], float] = defaultdict(float)
    for session, entry, record in _working(history):
        if entry.exercise.name in MAIN_LIFTS and record.load_kg is not None:
            key = (_week(session), entry.exercise.name)
            top[key] = max(top[key], record.load_kg)
    rising = compared = 0
    for start, stop in pairwise(deloads):
        if stop - start < 4:
            continue
        for lift in MAIN_LIFTS:
            first, last = top.get((start + 1, lift)), top.get((stop - 1, lift))
            if first and last:
                compared += 1
                rising += last >= first
    assert compared >= 50
    assert _share(rising, compared) >= 0.75
