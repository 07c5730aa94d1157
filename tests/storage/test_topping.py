# SPDX-License-Identifier: MIT
"""A later FitNotes export of a day already imported adds the sets logged since, and only those; undo takes out
exactly what was added, redo puts it back with the same ids."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.io import ImportOptions, parse_file
from journal.storage.importing import import_sessions, propose
from journal.storage.queries import list_sessions
from journal.storage.repository import get_session, iter_sessions
from journal.storage.topping import count_new_sets, put_back, take_out
from tests.conftest import SAMPLES
from tests.io.support import run_cli, stored_sessions

BEFORE = SAMPLES / "fitnotes" / "fitnotes-reexport-before.csv"
AFTER = SAMPLES / "fitnotes" / "fitnotes-reexport-after.csv"


def _import(path: Path):  # type: ignore[no-untyped-def]
    parsed = parse_file(path, options=ImportOptions())
    choices = {p.name: p.exercise.id if p.exercise else None for p in propose(parsed.exercise_names())}
    return import_sessions(parsed.sessions, choices, None)


def _day(sessions) -> list[tuple[str, list[tuple[float | None, int | None]]]]:  # type: ignore[no-untyped-def]
    return [(e.exercise.name, [(s.load_kg, s.reps) for s in e.sets]) for e in sessions[0].entries]


def test_a_later_export_adds_the_sets_logged_since_and_undo_takes_them_out(journal: Path) -> None:
    _import(BEFORE)
    ids_before = {s.id for s in iter_sessions()}
    assert count_new_sets(parse_file(AFTER, options=ImportOptions()).sessions) == 3
    result = _import(AFTER)
    assert (result.sessions, result.duplicates, result.topped_sets, result.sets) == (1, 2, 3, 4)
    after = list(iter_sessions())
    assert _day(after) == [
        ("Bench Press", [(60.0, 8), (80.0, 5), (80.0, 5), (80.0, 5)]),
        ("Dumbbell Fly", [(14.0, 12), (14.0, 12)]),
    ]
    assert len(after) == 3 and ids_before < {s.id for s in after}
    assert _import(AFTER).sets == 0  # a third time adds nothing
    added_ids = [s.id for e in after[0].entries for s in e.sets][3:]

    take_out(result.topped)
    assert _day(list(iter_sessions())) == [("Bench Press", [(60.0, 8), (80.0, 5), (80.0, 5)])]
    put_back(result.topped)
    again = get_session(after[0].id or 0)
    assert [s.id for e in again.entries for s in e.sets][3:] == added_ids  # the same rows, the same ids
    assert len(list_sessions()) == 3


def test_a_lifters_own_rating_on_an_imported_set_does_not_make_it_new(journal: Path) -> None:
    from journal.storage.repository import update_set

    _import(BEFORE)
    first = next(iter_sessions()).entries[0].sets[1]
    assert first.id is not None
    update_set(first.id, first.replace(rir=2.0))
    assert _import(AFTER).topped_sets == 3


def test_journal_import_says_how_many_sets_it_added_to_days_already_imported(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "journal.sqlite"
    assert run_cli(capsys, "import", BEFORE, "--db", db)[0] == 0
    code, out, err = run_cli(capsys, "import", AFTER, "--dry-run", "--db", db)
    assert "would add 3 sets logged since to days already imported" in out.splitlines()
    code, out, err = run_cli(capsys, "import", AFTER, "--db", db)
    assert code == 0, err
    assert out.splitlines()[-2:] == [
        "added 3 sets logged since to 1 day already imported",
        "imported 1 sessions, 4 sets (2 duplicates skipped)",
    ]
    assert sum(s.set_count for s in stored_sessions(db)) == 8  # every row of the later export, once
