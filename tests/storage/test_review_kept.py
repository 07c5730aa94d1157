# SPDX-License-Identifier: MIT
"""The review's columns kept in the file, with the sessions written since read again, give what a whole read gives,
after any writes: sessions, entries and sets added, edited, moved and deleted, a bulk import, exercises merged and
unmerged, an exercise's measure and bodyweight flag changed, and writes made while a read was being kept."""

from __future__ import annotations

import dataclasses
import random
import zlib
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Measure, Session
from journal.review import data
from journal.review.data import Snapshot, keep_read, read_all, read_kept
from journal.settings import Preferences
from journal.storage import review_kept
from journal.storage.bulk import insert_sessions
from journal.storage.exercises import find_exercise, get_exercise, merge_exercises, unmerge_exercises, update_exercise
from journal.storage.models import EntryRow, SetRow, db
from journal.storage.repository import (
    add_session,
    add_set,
    delete_entry,
    delete_session,
    delete_set,
    move_entry,
    update_session,
    update_set,
)
from tests.storage.test_review_scan import EXERCISES, KEYS, canonical, random_set

KEYS = {**KEYS, "conditioning": ("exercise", "week")}


def a_session(rng: random.Random, when: datetime) -> Session:
    exercises = [find_exercise(name) for name in rng.sample(EXERCISES, rng.randint(1, 3))]
    return Session(
        start=when,
        bodyweight_kg=rng.choice([None, 80.0, 91.5]),
        entries=tuple(
            Entry(exercise=x, sets=tuple(random_set(rng, x.bodyweight) for _ in range(rng.randint(1, 4))))  # type: ignore[union-attr,arg-type]
            for x in exercises
        ),
    )


def assert_same(got: Snapshot, want: Snapshot) -> None:
    assert got.weeks == want.weeks
    assert got.exercises == want.exercises
    for part, keys in KEYS.items():
        mine, theirs = getattr(got, part), getattr(want, part)
        if theirs is None:
            assert mine is None
            continue
        have, expected = canonical(mine, keys), canonical(theirs, keys)
        for name, values in expected.items():
            assert have[name].dtype == values.dtype, (part, name)
            if values.dtype.kind == "f":  # the re-read of a session sums in SQLite, the whole read in numpy
                np.testing.assert_allclose(have[name], values, rtol=1e-12, err_msg=f"{part}.{name}")
            else:
                np.testing.assert_array_equal(have[name], values, err_msg=f"{part}.{name}")
    np.testing.assert_array_equal(got.points.set_id, want.points.set_id)  # the order the sets were done in
    np.testing.assert_array_equal(got.estimates.set_id, want.estimates.set_id)


def random_write(rng: random.Random, start: datetime, merges: list[object]) -> None:
    """One write of any kind the journal makes."""
    sessions = [row[0] for row in db.execute_sql("SELECT id FROM session").fetchall()]
    entries = [row.id for row in EntryRow.select(EntryRow.id)]
    sets = [row.id for row in SetRow.select(SetRow.id)]
    kind = rng.choice(
        ["add", "add", "set", "edit", "edit", "drop set", "drop entry", "move", "drop session", "redate", "import",
         "merge", "measure", "bodyweight"]
    )  # fmt: skip
    when = start + timedelta(days=rng.randint(0, 200), hours=rng.randint(0, 5))
    if kind == "add":
        add_session(a_session(rng, when))
    elif kind == "set" and entries:
        add_set(rng.choice(entries), random_set(rng), position=rng.choice([None, 0]))
    elif kind == "edit" and sets:
        update_set(rng.choice(sets), random_set(rng))
    elif kind == "drop set" and sets:
        delete_set(rng.choice(sets))
    elif kind == "drop entry" and entries:
        delete_entry(rng.choice(entries))
    elif kind == "move" and entries:
        move_entry(rng.choice(entries), 0)
    elif kind == "drop session" and sessions:
        delete_session(rng.choice(sessions))
    elif kind == "redate" and sessions:  # into another week, with another bodyweight
        update_session(rng.choice(sessions), start=when, bodyweight_kg=rng.choice([None, 75.0]))
    elif kind == "import":
        insert_sessions([a_session(rng, when + timedelta(minutes=n)) for n in range(3)])
    elif kind == "merge":
        if merges:
            unmerge_exercises(merges.pop())  # type: ignore[arg-type]
        else:
            gone, kept = rng.sample(EXERCISES[:3], 2)
            merges.append(merge_exercises(find_exercise(gone).id, find_exercise(kept).id)[0])  # type: ignore[union-attr,arg-type]
    elif kind in ("measure", "bodyweight"):
        exercise = get_exercise(find_exercise(rng.choice(EXERCISES[3:])).id)  # type: ignore[union-attr,arg-type]
        if kind == "measure":
            changed = dataclasses.replace(
                exercise, measure=Measure.TIME if exercise.measure is Measure.REPS else Measure.REPS
            )
        else:
            changed = dataclasses.replace(exercise, bodyweight=not exercise.bodyweight)
        update_exercise(changed)


def test_kept_columns_and_the_sessions_read_again_give_the_whole_read(journal: Path) -> None:
    rng = random.Random(11)
    start = datetime(2024, 1, 1, 7)
    for day in range(30):
        add_session(a_session(rng, start + timedelta(days=2 * day)))
    prefs = Preferences()
    merges: list[object] = []
    snapshot, generation = read_kept(prefs)  # nothing kept yet: the whole read
    assert generation is not None and keep_read(snapshot, prefs, generation)
    patched = 0
    for _round in range(25):
        for _ in range(rng.randint(1, 4)):
            random_write(rng, start, merges)
        marked = review_kept.changed()
        snapshot, generation = read_kept(prefs)
        assert_same(snapshot, read_all(prefs))
        patched += bool(marked)
        if generation is not None:
            if rng.random() < 0.3:  # a write while the read is being kept: read again at the next open
                random_write(rng, start, merges)
                assert_same(read_all(prefs), read_all(prefs))
            assert keep_read(snapshot, prefs, generation)
    assert patched > 15
    snapshot, generation = read_kept(prefs)
    assert_same(snapshot, read_all(prefs))


def test_other_preferences_read_everything_and_keep_it(journal: Path) -> None:
    rng = random.Random(3)
    for day in range(8):
        add_session(a_session(rng, datetime(2024, 3, 1) + timedelta(days=day)))
    prefs = Preferences()
    snapshot, generation = read_kept(prefs)
    assert generation is not None and keep_read(snapshot, prefs, generation)
    assert read_kept(prefs)[1] is None  # kept, nothing written since: loaded, nothing to keep
    other = dataclasses.replace(prefs, hard_set_rir=4.0, e1rm_formula=E1rmFormula.EPLEY)
    snapshot, generation = read_kept(other)
    assert generation is not None
    assert_same(snapshot, read_all(other))


def test_a_newer_read_is_not_overwritten_by_an_older_one(journal: Path) -> None:
    rng = random.Random(5)
    add_session(a_session(rng, datetime(2024, 3, 1)))
    prefs = Preferences()
    older, first = read_kept(prefs)
    add_session(a_session(rng, datetime(2024, 3, 8)))
    newer, second = read_kept(prefs)
    assert first is not None and second is not None
    assert keep_read(newer, prefs, second)
    assert not keep_read(older, prefs, first)
    snapshot, generation = read_kept(prefs)
    assert generation is None
    assert_same(snapshot, read_all(prefs))


def test_a_write_while_reading_stays_marked(journal: Path) -> None:
    rng = random.Random(9)
    add_session(a_session(rng, datetime(2024, 3, 1)))
    prefs = Preferences()
    snapshot, generation = read_kept(prefs)
    stored, _ = add_session(a_session(rng, datetime(2024, 3, 8)))  # after the read, before it is kept
    assert generation is not None and keep_read(snapshot, prefs, generation)
    assert review_kept.changed() == [stored.id]
    assert_same(read_kept(prefs)[0], read_all(prefs))


def test_a_missing_trigger_means_nothing_is_kept(journal: Path) -> None:
    rng = random.Random(1)
    add_session(a_session(rng, datetime(2024, 3, 1)))
    prefs = Preferences()
    snapshot, generation = read_kept(prefs)
    assert generation is not None and keep_read(snapshot, prefs, generation)
    db.execute_sql("DROP TRIGGER review_set_edited")
    assert review_kept.state().key is None


def test_a_read_is_never_kept_in_another_file_opened_meanwhile(journal: Path, tmp_path: Path) -> None:
    from journal.storage.database import close_database, open_database

    add_session(a_session(random.Random(2), datetime(2024, 3, 1)))
    prefs = Preferences()
    snapshot, generation = read_kept(prefs)
    close_database()
    other = tmp_path / "other.sqlite"
    open_database(other)
    assert review_kept.begin().number == generation.number  # type: ignore[union-attr]  # the same generation there
    assert not keep_read(snapshot, prefs, generation)  # type: ignore[arg-type]
    assert db.execute_sql("SELECT count(*) FROM review_kept").fetchone()[0] == 0


def test_every_part_of_the_review_data_is_kept() -> None:
    from journal.review import data

    parts = {f.name for f in dataclasses.fields(Snapshot)} - {"weeks", "exercises", "derived"}
    assert parts == set(data._RECORDS) == set(KEYS)


@pytest.mark.parametrize("damage", ["not zlib", "too short", "column missing"])
@pytest.mark.parametrize("written_since", [False, True])
def test_damaged_kept_columns_give_the_whole_read_and_are_kept_again(
    journal: Path, damage: str, written_since: bool
) -> None:
    rng = random.Random(4)
    for day in range(4):
        add_session(a_session(rng, datetime(2024, 3, 1) + timedelta(days=day)))
    prefs = Preferences()
    snapshot, generation = read_kept(prefs)
    assert generation is not None and keep_read(snapshot, prefs, generation)
    if damage == "not zlib":
        db.execute_sql("UPDATE review_kept SET data = x'00010203' WHERE name = 'points.rir'")
    elif damage == "too short":
        db.execute_sql("UPDATE review_kept SET data = ? WHERE name = 'points.rir'", (zlib.compress(bytes(4)),))
    else:
        db.execute_sql("DELETE FROM review_kept WHERE name = 'bests.e1rm'")
    if written_since:
        add_session(a_session(rng, datetime(2024, 3, 9)))
    snapshot, generation = read_kept(prefs)
    assert_same(snapshot, read_all(prefs))
    assert generation is not None and keep_read(snapshot, prefs, generation)  # the damage is mended
    snapshot, generation = read_kept(prefs)
    assert generation is None
    assert_same(snapshot, read_all(prefs))


@pytest.mark.parametrize("other", ["version", "rules"])
def test_columns_kept_by_another_version_are_read_again_whole(
    journal: Path, monkeypatch: pytest.MonkeyPatch, other: str
) -> None:
    import journal as program
    from journal.storage import review, review_scan

    rng = random.Random(6)
    for day in range(4):
        add_session(a_session(rng, datetime(2024, 3, 1) + timedelta(days=day)))
    prefs = Preferences()
    snapshot, generation = read_kept(prefs)
    assert generation is not None and keep_read(snapshot, prefs, generation)
    if other == "version":  # figures worked out otherwise by the Journal that kept them
        monkeypatch.setattr(program, "__version__", program.__version__ + ".1")
        half = dataclasses.replace(snapshot.bests, e1rm=snapshot.bests.e1rm / 2)
        assert review_kept.keep(data.kept_key(prefs), data._columns_of(dataclasses.replace(snapshot, bests=half)),
                                review_kept.begin())  # fmt: skip
        monkeypatch.setattr(program, "__version__", program.__version__[:-2])
    else:  # a Journal whose e1RM curve differs
        monkeypatch.setattr(review, "CURVE_K", 0.05)
        monkeypatch.setattr(review_scan, "CURVE_K", 0.05)
    snapshot, generation = read_kept(prefs)
    assert generation is not None
    assert_same(snapshot, read_all(prefs))
