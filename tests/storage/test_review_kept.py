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
from journal.domain.records import Entry, Measure, Session, SetRecord
from journal.review import data
from journal.review.data import Snapshot, keep_read, read_all, read_kept
from journal.settings import Preferences
from journal.storage import review_kept
from journal.storage.bulk import insert_sessions
from journal.storage.exercises import find_exercise, get_exercise, merge_exercises, unmerge_exercises, update_exercise
from journal.storage.models import EntryRow, SessionRow, SetRow, db
from journal.storage.repository import (
    add_entry,
    add_session,
    add_set,
    delete_entry,
    delete_session,
    delete_sessions,
    delete_set,
    entry_position,
    entry_session,
    get_entry,
    get_session,
    move_entry,
    move_set,
    set_entry,
    set_position,
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


def undoable_write(rng: random.Random, undone: list[tuple[str, object]]) -> None:
    """A write the window makes that random_write does not: a row deleted and put back by undo with its ids, a set
    moved, sessions deleted at once (an import undone), an exercise put first."""
    sessions = [row[0] for row in db.execute_sql("SELECT id FROM session").fetchall()]
    entries = [row.id for row in EntryRow.select(EntryRow.id)]
    sets = [row.id for row in SetRow.select(SetRow.id)]
    kind = rng.choice(["drop session", "drop entry", "drop set", "undo", "undo", "move set", "drop many", "first"])
    if kind == "drop session" and sessions:
        kept = get_session(rng.choice(sessions))
        delete_session(kept.id)  # type: ignore[arg-type]
        undone.append(("session", kept))
    elif kind == "drop entry" and entries:
        chosen = rng.choice(entries)
        undone.append(("entry", (entry_session(chosen), get_entry(chosen), entry_position(chosen))))
        delete_entry(chosen)
    elif kind == "drop set" and sets:
        chosen = rng.choice(sets)
        owner = set_entry(chosen)
        record = next(s for s in get_entry(owner).sets if s.id == chosen)
        undone.append(("set", (owner, record, set_position(chosen))))
        delete_set(chosen)
    elif kind == "undo" and undone:
        what, row = undone.pop()
        if what == "session":
            add_session(row)  # type: ignore[arg-type]
        elif what == "entry" and SessionRow.get_or_none(SessionRow.id == row[0]) is not None:  # type: ignore[index]
            add_entry(*row)  # type: ignore[misc]
        elif what == "set" and EntryRow.get_or_none(EntryRow.id == row[0]) is not None:  # type: ignore[index]
            add_set(*row)  # type: ignore[misc]
    elif kind == "move set" and sets:
        move_set(rng.choice(sets), 0)
    elif kind == "drop many" and len(sessions) > 4:
        delete_sessions(tuple(rng.sample(sessions, 2)))
    elif kind == "first" and sessions:
        exercise = find_exercise(rng.choice(EXERCISES))
        assert exercise is not None
        add_entry(rng.choice(sessions), Entry(exercise=exercise, sets=(random_set(rng, exercise.bodyweight),)), 0)


def test_undone_deletes_moves_and_writes_while_reading_are_read_again(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rng = random.Random(17)
    start = datetime(2024, 1, 1, 7)
    for day in range(16):
        add_session(a_session(rng, start + timedelta(days=2 * day)))
    prefs = Preferences()
    undone: list[tuple[str, object]] = []
    began = review_kept.begin

    def begin_and_write() -> review_kept.Generation:  # a write between the generation's start and the read
        generation = began()
        undoable_write(rng, undone)
        return generation

    snapshot, generation = read_kept(prefs)
    assert generation is not None and keep_read(snapshot, prefs, generation)
    for _round in range(30):
        for _ in range(rng.randint(1, 3)):
            undoable_write(rng, undone)
        monkeypatch.setattr(review_kept, "begin", begin_and_write if rng.random() < 0.3 else began)
        snapshot, generation = read_kept(prefs)
        monkeypatch.setattr(review_kept, "begin", began)
        if generation is not None:
            if rng.random() < 0.4:  # and one after the read, before it is kept
                undoable_write(rng, undone)
            assert keep_read(snapshot, prefs, generation)
        assert_same(read_kept(prefs)[0], read_all(prefs))


def test_a_write_after_a_trigger_is_dropped_is_still_read(journal: Path) -> None:
    rng = random.Random(8)
    stored = [add_session(a_session(rng, datetime(2024, 3, day)))[0] for day in (1, 2, 3)]
    prefs = Preferences()
    snapshot, generation = read_kept(prefs)
    assert generation is not None and keep_read(snapshot, prefs, generation)
    db.execute_sql("DROP TRIGGER review_set_edited")
    update_set(stored[0].entries[0].sets[0].id, random_set(rng))  # type: ignore[arg-type]  # marks nothing
    assert_same(read_kept(prefs)[0], read_all(prefs))


def test_a_set_or_exercise_added_to_the_newest_session_is_read_again(journal: Path) -> None:
    """The newest session and entry when the columns were read are the ones a lifter logs into next."""
    rng = random.Random(12)
    for day in (1, 2, 3):
        newest, _ = add_session(a_session(rng, datetime(2024, 3, day)))
    prefs = Preferences()
    for write in ("set", "entry"):
        snapshot, generation = read_kept(prefs)
        assert generation is not None and keep_read(snapshot, prefs, generation)
        if write == "set":
            add_set(newest.entries[-1].id, SetRecord(load_kg=60.0, reps=8, rir=2.0))  # type: ignore[arg-type]
        else:
            exercise = find_exercise("Deadlift")
            assert exercise is not None
            add_entry(newest.id, Entry(exercise=exercise, sets=(SetRecord(load_kg=180.0, reps=3, rir=1.0),)))  # type: ignore[arg-type]
        assert review_kept.changed() == [newest.id]
        assert_same(read_kept(prefs)[0], read_all(prefs))


def test_a_read_is_never_kept_in_another_journal_restored_into_the_file_meanwhile(
    journal: Path, tmp_path: Path
) -> None:
    from journal.storage.backup import restore_into
    from journal.storage.database import close_database, open_database
    from journal.storage.migrations import SCHEMA_VERSION

    rng = random.Random(21)
    prefs = Preferences()
    close_database()
    other = tmp_path / "other.sqlite"
    open_database(other)
    add_session(a_session(rng, datetime(2024, 5, 1)))
    snapshot, generation = read_kept(prefs)
    assert generation is not None and keep_read(snapshot, prefs, generation)
    close_database()
    open_database(journal)
    for day in (1, 2, 3):
        add_session(a_session(rng, datetime(2024, 3, day)))
    snapshot, generation = read_kept(prefs)  # kept on a worker thread once read: after the restore, here
    assert generation is not None
    restore_into(db.obj, journal, other, SCHEMA_VERSION)  # the other journal's content, its generation the same
    assert not keep_read(snapshot, prefs, generation)
    close_database()
    open_database(journal)
    assert_same(read_kept(prefs)[0], read_all(prefs))


def test_an_exercise_renamed_marks_no_session_and_its_bodyweight_flag_marks_its_sessions(journal: Path) -> None:
    """A name, aliases or muscles change no figure kept: a main lift renamed must not cost the next Review a whole
    read; whether it is a bodyweight exercise changes its loads, so each of its sessions is read again."""
    rng = random.Random(21)
    for day in (1, 2, 3):
        add_session(a_session(rng, datetime(2024, 3, day)))
    prefs = Preferences()
    snapshot, generation = read_kept(prefs)
    assert generation is not None and keep_read(snapshot, prefs, generation)
    used = db.execute_sql("SELECT exercise_id, count(DISTINCT session_id) FROM entry GROUP BY 1 ORDER BY 2 DESC")
    exercise_id, sessions = used.fetchone()
    exercise = get_exercise(exercise_id)
    update_exercise(dataclasses.replace(exercise, name=exercise.name + " (renamed)"))
    assert review_kept.changed() == []
    update_exercise(dataclasses.replace(exercise, bodyweight=not exercise.bodyweight))
    assert len(review_kept.changed()) == sessions
    assert_same(read_kept(prefs)[0], read_all(prefs))
