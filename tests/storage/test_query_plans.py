# SPDX-License-Identifier: MIT
"""Guards on the hot queries' shape, not their wall-clock time: each is checked with EXPLAIN QUERY PLAN, so a
dropped index or a rewrite that scans the whole history for one session fails here; and the number of statements a
screen-sized read issues must not grow with the journal."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from journal.demo import generate_history
from journal.domain.metrics import E1rmFormula
from journal.storage import queries
from journal.storage import review as review_queries
from journal.storage.bulk import insert_sessions
from journal.storage.models import db


@pytest.fixture
def journal(database: Path) -> Path:
    insert_sessions(generate_history(0.5, 3, date(2026, 6, 1)))
    return database


@pytest.fixture
def statements(database: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[list[tuple[str, Any]]]:
    """Every SQL statement run through the open database while the test runs."""
    seen: list[tuple[str, Any]] = []
    original = db.obj.execute_sql

    def recording(sql: str, params: Any = None, *args: Any, **kwargs: Any) -> Any:
        seen.append((sql, params))
        return original(sql, params, *args, **kwargs)

    monkeypatch.setattr(db.obj, "execute_sql", recording)
    yield seen


def plan(sql: str, params: Any) -> list[str]:
    return [row[3] for row in db.connection().execute(f"EXPLAIN QUERY PLAN {sql}", params or ()).fetchall()]


def full_scans(details: list[str]) -> list[str]:
    """The steps that read a whole table or index (SQLite says SCAN; SEARCH is an indexed lookup)."""
    return [
        d
        for d in details
        if d.startswith("SCAN") and "CONSTANT ROW" not in d and "(subquery" not in d and not d.startswith("SCAN CTE")
    ]


def some_sessions() -> list[int]:
    return [row[0] for row in db.execute_sql("SELECT id FROM session ORDER BY start DESC LIMIT 3").fetchall()]


def weeks_of(sessions: list[int]) -> list[int]:
    return sorted(set(review_queries.session_weeks(sessions).values()))


NARROW: dict[str, Callable[[list[int]], object]] = {
    "session list rows": lambda ids: queries.list_sessions(ids),
    "a page of the session list": lambda ids: queries.list_sessions(after=queries.list_sessions(ids[:1])[0], limit=3),
    "week rows": lambda ids: review_queries.week_exercise_rows(2.0, weeks_of(ids)),
    "conditioning rows": lambda ids: review_queries.conditioning_rows(weeks_of(ids)),
    "session bests": lambda ids: review_queries.session_bests(E1rmFormula.CURVE, sessions=ids),
    "rep maxes": lambda ids: review_queries.rep_max_rows(sessions=ids),
    "calibration sets": lambda ids: review_queries.calibration_sets(sessions=ids),
    "set points": lambda ids: review_queries.set_points(sessions=ids),
}


@pytest.mark.parametrize("name", NARROW)
def test_reading_a_few_sessions_never_scans_a_table(
    journal: Path, statements: list[tuple[str, Any]], name: str
) -> None:
    ids = some_sessions()
    statements.clear()
    NARROW[name](ids)
    assert statements, "the query ran through the database"
    for sql, params in statements:
        details = plan(sql, params)
        assert not full_scans(details), f"{name} scans a whole table: {details}"


WHOLE: dict[str, Callable[[], object]] = {
    "session list": lambda: queries.list_sessions(),
    "week rows": lambda: review_queries.week_exercise_rows(2.0),
    "session bests": lambda: review_queries.session_bests(E1rmFormula.CURVE),
    "rep maxes": lambda: review_queries.rep_max_rows(),
    "set points": lambda: review_queries.set_points(),
    "stats": lambda: queries.stats(),
}


@pytest.mark.parametrize("name", WHOLE)
def test_reading_everything_scans_one_table_and_looks_up_the_rest(
    journal: Path, statements: list[tuple[str, Any]], name: str
) -> None:
    statements.clear()
    WHOLE[name]()
    for sql, params in statements:
        details = plan(sql, params)
        scans = full_scans(details)
        assert len(scans) <= 1, f"{name} reads more than one table in full: {details}"
        joins = [d for d in details if d.startswith("SEARCH")]
        assert all("INDEX" in d or "PRIMARY KEY" in d for d in joins), f"{name} joins without an index: {details}"


def test_statements_per_read_do_not_grow_with_the_journal(database: Path, statements: list[tuple[str, Any]]) -> None:
    counts = []
    for years in (0.2, 1.0):
        insert_sessions(generate_history(years, 5, date(2020 + len(counts) * 3, 1, 1)))
        statements.clear()
        queries.list_sessions()
        review_queries.set_points()
        review_queries.week_exercise_rows(2.0)
        counts.append(len(statements))
    assert counts[0] == counts[1] == 3
