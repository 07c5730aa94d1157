# SPDX-License-Identifier: MIT
"""The review's records as read: a chunk of rows at a time into narrow columns (int32 ids, weeks and counts,
float32 RIR per set), widened to int64 only when a value needs it."""

from __future__ import annotations

import dataclasses
from datetime import datetime
from pathlib import Path
from typing import Any

import numpy as np

from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Session, SetRecord, SetType
from journal.storage import review as queries
from journal.storage.exercises import find_exercise
from journal.storage.repository import add_session


class Rows:
    """A cursor over fixed rows, handing them out `size` at a time."""

    def __init__(self, rows: list[tuple[Any, ...]]) -> None:
        self.rows = rows
        self.calls = 0

    def fetchmany(self, size: int) -> list[tuple[Any, ...]]:
        self.calls += 1
        taken, self.rows = self.rows[:size], self.rows[size:]
        return taken


def test_columns_are_read_chunk_by_chunk_into_their_types() -> None:
    rows = [(i, i * 0.5, None if i % 3 == 0 else i / 2, i % 2) for i in range(25)]
    cursor = Rows(rows)
    ids, day, rir, last = queries._columns(cursor, (np.int32, np.float64, np.float32, np.bool_), chunk=4)
    assert cursor.calls == 8  # 7 chunks, then the empty one that ends the read
    assert (ids.dtype, day.dtype, rir.dtype, last.dtype) == (np.int32, np.float64, np.float32, np.bool_)
    assert ids.tolist() == list(range(25))
    assert day.tolist() == [i * 0.5 for i in range(25)]
    assert np.isnan(rir[::3]).all()  # NULL is nan
    assert rir[1] == 0.5 and rir[2] == 1.0
    assert last.tolist() == [bool(i % 2) for i in range(25)]


def test_an_id_beyond_int32_widens_only_its_column() -> None:
    big = 2**31 + 5
    ids, counts = queries._columns(Rows([(1, 1), (2, 2), (3, 3), (big, 4), (-big, 5)]), (np.int32, np.int32), chunk=2)
    assert ids.dtype == np.int64 and ids.tolist() == [1, 2, 3, big, -big]
    assert counts.dtype == np.int32 and counts.tolist() == [1, 2, 3, 4, 5]


def test_no_rows_gives_empty_columns_of_their_types() -> None:
    ids, day = queries._columns(Rows([]), (np.int32, np.float64))
    assert (ids.dtype, ids.size, day.dtype, day.size) == (np.int32, 0, np.float64, 0)


def test_the_review_records_hold_narrow_columns(journal: Path) -> None:
    bench = find_exercise("Bench Press")
    assert bench is not None
    add_session(
        Session(
            start=datetime(2024, 3, 4, 18),
            entries=(
                Entry(
                    exercise=bench,
                    sets=(
                        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
                        SetRecord(load_kg=100, reps=5, rir=2.5, failure_reps=8),
                        SetRecord(load_kg=100, reps=5),
                    ),
                ),
            ),
        )
    )
    points = queries.set_points()
    assert [f.name for f in dataclasses.fields(points)] == [
        "set_id",
        "session",
        "exercise",
        "day",
        "set_type",
        "rir",
        "last",
    ]
    assert points.rir.dtype == np.float32
    assert points.rir[0] == 2.5 and np.isnan(points.rir[1])  # warm-ups are left out; unrated is nan
    assert points.last.tolist() == [False, True]
    records = (
        points,
        queries.week_exercise_rows(2.0),
        queries.session_bests(E1rmFormula.EPLEY),
        queries.rep_max_rows(),
        queries.calibration_sets(),
    )
    for record in records:
        for field in dataclasses.fields(record):
            values = getattr(record, field.name)
            assert len(values) > 0, (type(record).__name__, field.name)
            if values.dtype.kind == "i" and values.dtype != np.int8:
                assert values.dtype == np.int32, (type(record).__name__, field.name)
            if values.dtype.kind == "f":  # days, loads and sums need float64; only the per-set RIR is float32
                assert values.dtype == (np.float32 if values is points.rir else np.float64), field.name
