# SPDX-License-Identifier: MIT
"""The session list and `stats` (the `journal stats --json` contract), checked against hand computations."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from journal.domain.metrics import set_tonnage
from journal.domain.records import Entry, Exercise, Session, SetRecord, SetType
from journal.storage.exercises import find_exercise
from journal.storage.models import db
from journal.storage.queries import SET_TONNAGE_SQL, iso_week, list_sessions, stats
from journal.storage.repository import add_session

W, WU, DROP = SetType.WORKING, SetType.WARMUP, SetType.DROP


def exercise(name: str) -> Exercise:
    found = find_exercise(name)
    assert found is not None, name
    return found


def s(load: float | None, reps: int | None, rir: float | None = None, set_type: SetType = W) -> SetRecord:
    return SetRecord(set_type=set_type, load_kg=load, reps=reps, rir=rir)


def session(
    start: datetime, *entries: tuple[str, list[SetRecord]], bodyweight: float | None = None, title: str = ""
) -> Session:
    return Session(
        start=start,
        title=title,
        bodyweight_kg=bodyweight,
        entries=tuple(Entry(exercise=exercise(name), sets=tuple(records)) for name, records in entries),
    )


def store(*sessions: Session) -> list[int]:
    ids = []
    for item in sessions:
        stored, _ = add_session(item)
        ids.append(stored.id)
    return ids


# ---- session list ---------------------------------------------------------------------------------------------------


def test_list_sessions_newest_first_with_counts_and_tonnage(journal: Path) -> None:
    assert exercise("Pull-up").bodyweight and not exercise("Bench Press").bodyweight
    a, b, c, d = store(
        session(
            datetime(2024, 3, 1, 18),
            ("Bench Press", [s(60, 5, None, WU), s(100, 5, 2), s(100, 5, 1)]),
            ("Back Squat", [s(140, 3), s(100, 8, 0, DROP)]),
            title="A",
        ),
        session(
            datetime(2024, 3, 3, 18),
            ("Pull-up", [s(None, 10, 1), s(10, 8, 0), s(None, 5, None, WU)]),
            bodyweight=80.0,
            title="B",
        ),
        session(datetime(2024, 3, 5, 18), ("Pull-up", [s(10, 8)]), ("Bench Press", [s(100, 5)]), title="C"),
        session(datetime(2024, 3, 2, 7), title="D"),
    )
    rows = list_sessions()
    assert [row.id for row in rows] == [c, b, d, a]
    by_id = {row.id: row for row in rows}
    # A: warm-up left out; 100x5 + 100x5 + 140x3 + 100x8
    assert by_id[a].set_count == 5
    assert by_id[a].tonnage_kg == pytest.approx(500 + 500 + 420 + 800)
    assert by_id[a].exercise_names == ("Bench Press", "Back Squat")
    assert by_id[a].title == "A"
    assert by_id[a].start == datetime(2024, 3, 1, 18)
    # B: bodyweight 80: 80 x 10 + (80 + 10) x 8, warm-up left out
    assert by_id[b].set_count == 3
    assert by_id[b].tonnage_kg == pytest.approx(80 * 10 + 90 * 8)
    # C: no bodyweight -> the pull-ups count nothing
    assert by_id[c].set_count == 2
    assert by_id[c].tonnage_kg == pytest.approx(500)
    assert by_id[c].exercise_names == ("Pull-up", "Bench Press")
    # D: empty
    assert (by_id[d].set_count, by_id[d].tonnage_kg, by_id[d].exercise_names) == (0, 0.0, ())


def test_list_sessions_share_one_string_per_name(journal: Path) -> None:
    store(
        session(datetime(2024, 3, 1, 18), ("Bench Press", [s(100, 5)]), title="Push"),
        session(datetime(2024, 3, 3, 18), ("Back Squat", [s(140, 3)]), ("Bench Press", [s(100, 5)]), title="Push"),
    )
    newer, older = list_sessions()
    assert newer.exercise_names == ("Back Squat", "Bench Press") and older.exercise_names == ("Bench Press",)
    # thousands of sessions hold the same few names: each row refers to one shared string
    assert newer.exercise_names[1] is older.exercise_names[0]
    assert newer.title is older.title


def test_list_sessions_subset_and_ties(journal: Path) -> None:
    same = datetime(2024, 5, 1, 18)
    first, second, third = store(
        session(same, ("Deadlift", [s(180, 5)])),
        session(same),
        session(datetime(2024, 4, 1), ("Deadlift", [s(100, 1)])),
    )
    assert [row.id for row in list_sessions()] == [second, first, third]
    assert [row.id for row in list_sessions([first, third])] == [first, third]
    assert list_sessions([]) == []
    (only,) = list_sessions([third])
    assert only.tonnage_kg == 100.0 and only.set_count == 1


def test_sql_tonnage_matches_domain_tonnage(journal: Path) -> None:
    records = [
        s(60, 5, None, WU),
        s(100, 5, 2),
        s(None, 10),
        s(20, None),
        s(0, 12),
        s(12.5, 7, 1, DROP),
        s(50, 9, 0, SetType.FAILURE),
        s(40, 10, 3, SetType.BACKOFF),
    ]
    for bodyweight in (None, 77.5):
        for name in ("Bench Press", "Dip"):
            (sid,) = store(session(datetime(2024, 1, 1), (name, records), bodyweight=bodyweight))
            expected = sum(set_tonnage(r, exercise(name).bodyweight, bodyweight) for r in records)
            (row,) = list_sessions([sid])
            assert row.tonnage_kg == pytest.approx(expected)
            sql = db.execute_sql(
                f"""SELECT sum({SET_TONNAGE_SQL}) FROM session s JOIN entry e ON e.session_id = s.id
                                     JOIN exercise x ON x.id = e.exercise_id JOIN "set" st ON st.entry_id = e.id
                                     WHERE s.id = ?""",
                (sid,),
            ).fetchone()[0]
            assert sql == pytest.approx(expected)
    # and by hand for the dip with a bodyweight: (77.5 + load) x reps over non-warm-up sets with reps
    hand = (77.5 + 100) * 5 + 77.5 * 10 + 77.5 * 12 + 90 * 7 + 127.5 * 9 + 117.5 * 10
    assert sum(set_tonnage(r, True, 77.5) for r in records) == pytest.approx(hand)


# ---- stats ----------------------------------------------------------------------------------------------------------


def test_stats_of_an_empty_journal(journal: Path) -> None:
    result = stats()
    assert result["sessions"] == 0
    assert result["sets"] == 0
    assert result["working_sets"] == 0
    assert result["tonnage_kg"] == 0
    assert result["first"] is None and result["last"] is None
    assert result["weeks"] == []
    json.dumps(result)


def _year_end_journal() -> None:
    store(
        # Sunday 2024-12-29: ISO 2024-W52
        session(datetime(2024, 12, 29, 10), ("Bench Press", [s(60, 5, None, WU), s(100, 5, 2), s(100, 5, 4)])),
        # Monday 2024-12-30: ISO 2025-W01 (week 1 of the next year)
        session(datetime(2024, 12, 30, 9), ("Back Squat", [s(100, 5, 5, WU), s(140, 3, 1)])),
        # Sunday 2025-01-05 late in the evening: still 2025-W01
        session(datetime(2025, 1, 5, 23, 30), ("Deadlift", [s(180, 5), s(180, 5, 0.5)])),
        # Monday 2025-01-06: 2025-W02
        session(datetime(2025, 1, 6, 7), ("Bench Press", [s(80, 10)])),
    )


def test_stats_totals(journal: Path) -> None:
    _year_end_journal()
    result = stats()
    assert result["sessions"] == 4
    assert result["sets"] == 3 + 2 + 2 + 1
    assert result["working_sets"] == 2 + 1 + 2 + 1
    assert result["tonnage_kg"] == pytest.approx(1000 + 420 + 1800 + 800)
    assert result["first"] == "2024-12-29"
    assert result["last"] == "2025-01-06"
    assert json.loads(json.dumps(result)) == result


def test_stats_iso_weeks(journal: Path) -> None:
    _year_end_journal()
    weeks = stats()["weeks"]
    assert [week["week"] for week in weeks] == ["2024-W52", "2025-W01", "2025-W02"]
    for week in weeks:
        assert {"week", "sets", "hard_sets", "tonnage_kg", "mean_rir"} <= set(week)
    w52, w01, w02 = weeks
    # W52: warm-up + RIR 2 + RIR 4: hard = 1, mean over rated working sets = (2 + 4) / 2
    assert (w52["sets"], w52["hard_sets"], w52["tonnage_kg"], w52["mean_rir"]) == (3, 1, 1000, 3.0)
    # W01: squat warm-up (rated 5, left out) + 140x3 @1; deadlift 180x5 unrated + 180x5 @0.5
    assert (w01["sets"], w01["hard_sets"]) == (4, 2)
    assert w01["tonnage_kg"] == pytest.approx(420 + 900 + 900)
    assert w01["mean_rir"] == pytest.approx((1 + 0.5) / 2)
    # W02: one unrated set: mean_rir is null, no hard sets
    assert (w02["sets"], w02["hard_sets"], w02["tonnage_kg"], w02["mean_rir"]) == (1, 0, 800, None)
    assert sum(week["sets"] for week in weeks) == stats()["sets"]


def test_stats_hard_sets_by_threshold(journal: Path) -> None:
    _year_end_journal()
    assert [w["hard_sets"] for w in stats(hard_threshold=1.0)["weeks"]] == [0, 2, 0]
    assert [w["hard_sets"] for w in stats(hard_threshold=0.5)["weeks"]] == [0, 1, 0]
    assert [w["hard_sets"] for w in stats(hard_threshold=0.0)["weeks"]] == [0, 0, 0]
    assert [w["hard_sets"] for w in stats(hard_threshold=4.0)["weeks"]] == [2, 2, 0]
    # the rated warm-up (RIR 5) is never a hard set
    assert [w["hard_sets"] for w in stats(hard_threshold=5.0)["weeks"]] == [2, 2, 0]


@pytest.mark.parametrize(
    ("start", "week"),
    [
        (datetime(2024, 6, 9, 20), "2024-W23"),  # Sunday
        (datetime(2024, 6, 10, 6), "2024-W24"),  # the next Monday
        (datetime(2024, 6, 13, 12), "2024-W24"),  # Thursday
        (datetime(2024, 12, 30, 0, 5), "2025-W01"),
        (datetime(2021, 1, 1, 12), "2020-W53"),  # a Friday in ISO week 53 of the previous year
        (datetime(2021, 1, 3, 23, 59), "2020-W53"),
        (datetime(2021, 1, 4, 0, 0), "2021-W01"),
        (datetime(2026, 12, 31, 12), "2026-W53"),
    ],
)
def test_stats_week_of_a_single_session(journal: Path, start: datetime, week: str) -> None:
    store(session(start, ("Bench Press", [s(100, 5, 1)])))
    (only,) = stats()["weeks"]
    assert only["week"] == week
    assert iso_week(start.date()) == week


def test_stats_sunday_and_monday_are_different_weeks(journal: Path) -> None:
    store(
        session(datetime(2024, 6, 9, 20), ("Bench Press", [s(100, 5, 1)])),
        session(datetime(2024, 6, 10, 6), ("Bench Press", [s(100, 5, 1), s(100, 5, 2)])),
        session(datetime(2024, 6, 16, 21), ("Bench Press", [s(100, 3, 1)])),
    )
    assert [(w["week"], w["sets"]) for w in stats()["weeks"]] == [("2024-W23", 1), ("2024-W24", 3)]


def test_stats_bodyweight_tonnage(journal: Path) -> None:
    store(
        session(datetime(2024, 2, 1), ("Pull-up", [s(None, 10, 2), s(5, 6, 1)]), bodyweight=75.0),
        session(datetime(2024, 2, 2), ("Pull-up", [s(None, 10, 2)])),
    )
    result = stats()
    assert result["tonnage_kg"] == pytest.approx(75 * 10 + 80 * 6)
    assert result["working_sets"] == 3
    (week,) = result["weeks"]
    assert week["tonnage_kg"] == pytest.approx(75 * 10 + 80 * 6)
    assert week["mean_rir"] == pytest.approx((2 + 1 + 2) / 3, abs=0.0005)  # rounded to 3 decimals


def test_exercise_names_with_a_bar_survive_the_session_list(journal: Path) -> None:
    from journal.storage.exercises import create_exercise

    odd, _ = create_exercise("Curl | Hammer")
    stored, _ = add_session(Session(start=datetime(2024, 1, 1), entries=(Entry(exercise=odd),)))
    (row,) = list_sessions([stored.id])
    assert row.exercise_names == ("Curl | Hammer",)


def test_stats_agree_with_the_domain_on_a_sample_history(journal: Path) -> None:
    """The SQL aggregates and the domain formulas must never drift apart: weekly hard sets, tonnage and mean RIR
    over half a year of sample training, recomputed set by set with journal.domain.metrics."""
    from collections import defaultdict
    from datetime import date

    from journal.demo import generate_history
    from journal.domain.metrics import series, series_rating, summarize
    from journal.storage.bulk import insert_sessions
    from journal.storage.repository import get_session

    result = insert_sessions(generate_history(0.5, seed=11, end=date(2026, 6, 30)))
    weeks: dict[str, list[float]] = defaultdict(lambda: [0, 0, 0.0, 0.0, 0])
    for session_id in result.session_ids:
        stored = get_session(session_id)
        week = weeks[iso_week(stored.start.date())]
        for entry in stored.entries:
            week[0] += len(entry.sets)
            week[1] += summarize(entry.sets, threshold=2.0, measure=entry.exercise.measure).hard_sets
            for record in entry.sets:
                week[2] += set_tonnage(record, entry.exercise.bodyweight, stored.bodyweight_kg)
            for segments in series(entry.sets, entry.exercise.measure):  # a drop-set series is rated once
                rated = series_rating(segments)
                if rated is not None and rated.rir is not None:
                    week[3] += rated.rir
                    week[4] += 1
    figures = stats(hard_threshold=2.0)
    assert [w["week"] for w in figures["weeks"]] == sorted(weeks)
    for row in figures["weeks"]:
        sets, hard, tonnage, rir_sum, rated = weeks[row["week"]]
        assert (row["sets"], row["hard_sets"]) == (sets, hard)
        assert row["tonnage_kg"] == pytest.approx(tonnage, abs=0.01)
        assert row["mean_rir"] == (None if not rated else pytest.approx(rir_sum / rated, abs=0.001))


def test_an_rpe_below_six_is_not_a_hard_set_in_stats(journal: Path) -> None:
    from journal.domain.effort import EffortScale

    store(
        session(
            datetime(2026, 1, 5, 18),
            (
                "Bench Press",
                [
                    SetRecord(load_kg=60, reps=10, rir=4.5, effort_scale=EffortScale.RPE),
                    SetRecord(load_kg=60, reps=10, rir=4.5, effort_scale=EffortScale.RIR),
                ],
            ),
        )
    )
    (week,) = stats(hard_threshold=5.0)["weeks"]
    assert week["hard_sets"] == 1


# ---- counting: a drop-set series once, empty and cardio rows not at all ------------------------------------------


def counting_week() -> None:
    """Bench: 100×8 @ RIR 3, drops 80×6 @ 0 and 60×6 unrated (one series, hard by its drop, rated 3); 100×8
    unrated then a drop 80×6 @ 1 (one series rated 1 by its drop); a warm-up 40×10 then a drop 50×10 unrated (the
    warm-up ends nothing: the drop starts a series of its own); an empty row. Running: a run (distance and time).
    Plank: 60 s (a working set). Lat Pulldown: a row of 0 reps and no load."""
    store(
        session(
            datetime(2026, 2, 2, 18),
            (
                "Bench Press",
                [
                    SetRecord(load_kg=100, reps=8, rir=3.0),
                    SetRecord(SetType.DROP, 80, 6, 0.0),
                    SetRecord(SetType.DROP, 60, 6),
                    SetRecord(load_kg=100, reps=8),
                    SetRecord(SetType.DROP, 80, 6, 1.0),
                    SetRecord(SetType.WARMUP, 40, 10),
                    SetRecord(SetType.DROP, 50, 10),
                    SetRecord(reps=0),
                ],
            ),
            ("Running", [SetRecord(distance_m=5000.0, duration_s=1800.0)]),
            ("Plank", [SetRecord(duration_s=60.0, rir=2.0)]),
            ("Lat Pulldown", [SetRecord(load_kg=None, reps=0)]),
        )
    )


def test_stats_count_a_drop_series_once_and_no_empty_or_cardio_row(journal: Path) -> None:
    counting_week()
    figures = stats(hard_threshold=2.0)
    (week,) = figures["weeks"]
    # by hand: working = 3 bench series + plank = 4; hard at RIR <= 2: series 1 (its 0 drop), series 2 (RIR 1) = 2
    # (a plank, timed, has no hard sets even at RIR 2); mean RIR over rated series: (3 + 1 + 2) / 3 = 2
    assert week["sets"] == 11 and figures["working_sets"] == 4
    assert (week["working_sets"], week["hard_sets"], week["mean_rir"]) == (4, 2, 2.0)
    # tonnage: every segment, no warm-up: 800 + 480 + 360 + 800 + 480 + 500 = 3420
    assert week["tonnage_kg"] == pytest.approx(3420.0)


def test_review_rows_count_a_drop_series_once(journal: Path) -> None:
    from journal.storage.review import exercise_totals, week_exercise_rows

    counting_week()
    bench, plank = exercise("Bench Press").id, exercise("Plank").id
    rows = week_exercise_rows(2.0)
    by_exercise = {int(x): i for i, x in enumerate(rows.exercise)}
    assert set(by_exercise) == {bench, plank}  # the run and the empty pulldown row are not working sets
    at = by_exercise[bench]
    # bench: 3 series, 2 hard, 1 unrated (the drop after the warm-up), RIR 3 + 1 = 4, bins RIR 1: 1, RIR 3: 1
    assert (rows.working[at], rows.hard[at], rows.unrated[at], rows.rir_sum[at]) == (3, 2, 1, 4.0)
    assert rows.bins[at].tolist() == [0, 1, 0, 1, 0]
    assert rows.tonnage[at] == pytest.approx(3420.0)
    totals = {row[0]: row[1:] for row in exercise_totals(2.0, None, None)}
    assert totals[bench] == (3, 2, pytest.approx(3420.0), 4.0, 2)
    assert totals[plank] == (1, 0, 0.0, 2.0, 1)  # timed: no hard set, rated or not
