# SPDX-License-Identifier: MIT
"""The review's columns kept in the journal file, and the sessions written since: a Review opens by loading them and
reading again only those sessions, instead of every set.

Three tables (migration step 10): `review_kept` holds each column of the last review read, compressed (zlib level 1,
about 14 MB for a million sets); `review_changed` the sessions written since, each with the generation it was
written in; `review_state` the generation and the key the columns were kept under (NULL: nothing kept, no session
marked). Triggers on session, entry and set (and on an exercise's measure or bodyweight flag) mark the session
every write touches, in the write's own transaction, whatever wrote it (the window, the command line, an import,
an undo, a merge of exercises); an older file, or one without a valid key, simply gets the whole read.

A reader that means to keep what it reads first starts a generation (`begin`, which also notes the last session
and entry ids: an entry added to a later session, or a set to a later entry, marks nothing more, its session being
marked already, so that an import pays one mark a session, not one a set), then reads; `keep` writes the columns
and forgets the sessions marked before that generation, unless another reader started one since. Sessions written
while the reader read are marked with the new generation and stay marked: read again at the next open, never lost."""

from __future__ import annotations

import zlib
from dataclasses import dataclass
from typing import Any

import numpy as np

from journal.storage.models import db

TRIGGERS = (
    "review_session_added",
    "review_session_edited",
    "review_session_deleted",
    "review_entry_added",
    "review_entry_edited",
    "review_entry_deleted",
    "review_set_added",
    "review_set_edited",
    "review_set_deleted",
    "review_exercise_measure",
)
_PENDING = "pending"  # the key while a reader reads: sessions are marked from the generation's start


class Damaged(Exception):
    """The kept columns cannot be read back as they were kept (a damaged or edited file): read the whole journal."""


@dataclass(frozen=True)
class State:
    key: str | None  # what the kept columns were read with; None: nothing usable kept
    changed: int  # sessions written since


def state() -> State:
    """The kept columns' key (None when nothing is kept, or a trigger is missing) and how many sessions changed."""
    names = {row[0] for row in db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall()}
    found = db.execute_sql('SELECT "key" FROM review_state WHERE id = 1').fetchone()
    changed = int(db.execute_sql("SELECT count(*) FROM review_changed").fetchone()[0])
    key = found[0] if found and found[0] != _PENDING and set(TRIGGERS) <= names else None
    return State(key, changed)


def reading() -> Any:
    """A read transaction: what is read in it is one moment of the file, whatever is written meanwhile."""
    return db.atomic(lock_type="DEFERRED")  # the journal's own transactions take the write lock at once


@dataclass(frozen=True)
class Generation:
    number: int
    database: Any  # the journal it was started in: what is read in it is kept there, never in another file
    # the last session and entry ids it began at: with the number, what tells this journal's generation from that of
    # another journal restored into the same file meanwhile
    last: tuple[int, int] = (0, 0)


def begin() -> Generation:
    """Start a generation (a short write): sessions written from now on are marked with it."""
    with db.atomic(lock_type="IMMEDIATE"):
        db.execute_sql(
            """UPDATE review_state SET generation = generation + 1,
               "key" = CASE WHEN "key" IS NULL THEN ? ELSE "key" END,
               last_session = (SELECT coalesce(max(id), 0) FROM session),
               last_entry = (SELECT coalesce(max(id), 0) FROM entry) WHERE id = 1""",
            (_PENDING,),
        )
        number, last_session, last_entry = db.execute_sql(
            "SELECT generation, last_session, last_entry FROM review_state WHERE id = 1"
        ).fetchone()
    return Generation(int(number), db.obj, (int(last_session), int(last_entry)))


def changed() -> list[int]:
    """The sessions written since the columns were kept (deleted ones included), in id order."""
    return [row[0] for row in db.execute_sql("SELECT session_id FROM review_changed ORDER BY session_id")]


def load() -> dict[str, np.ndarray]:
    """The kept columns by name (read-only arrays; columns kept as one are the same array again); Damaged when one
    does not decompress to its kept type and shape, or names a column not kept."""
    arrays: dict[str, np.ndarray] = {}
    shared: list[tuple[str, str]] = []
    for name, dtype, shape, same_as, data in db.execute_sql(
        "SELECT name, dtype, shape, same_as, data FROM review_kept ORDER BY rowid"
    ):
        if same_as is not None:
            shared.append((name, same_as))
            continue
        try:
            dims = tuple(int(n) for n in shape.split(",") if n)
            arrays[name] = np.frombuffer(zlib.decompress(data), dtype=np.dtype(dtype)).reshape(dims)
        except (zlib.error, ValueError, TypeError) as error:
            raise Damaged(f"the kept column {name} cannot be read: {error}") from error
    for name, same_as in shared:
        if same_as not in arrays:
            raise Damaged(f"the kept column {name} is kept as {same_as}, which is not kept")
        arrays[name] = arrays[same_as]
    return arrays


def keep(key: str, arrays: dict[str, np.ndarray], generation: Generation) -> bool:
    """Keep `arrays` under `key`, read in `generation`, forgetting the sessions marked before it; False (nothing
    written) when another reader started a generation since, whose columns are newer, or another file is open (or
    was restored into this one)."""
    database = generation.database
    if database is not db.obj:
        return False
    rows: list[tuple[str, str, str, str | None, bytes | None]] = []
    first: dict[int, str] = {}
    for name, values in arrays.items():
        same_as = first.setdefault(id(values), name)
        shape = ",".join(str(n) for n in values.shape)
        if same_as != name:
            rows.append((name, values.dtype.str, shape, same_as, None))
        else:
            rows.append((name, values.dtype.str, shape, None, zlib.compress(np.ascontiguousarray(values).data, 1)))
    with database.atomic(lock_type="IMMEDIATE"):  # that file's, even if another is opened meanwhile
        now = database.execute_sql("SELECT generation, last_session, last_entry FROM review_state WHERE id = 1")
        if tuple(now.fetchone()) != (generation.number, *generation.last):
            return False
        database.execute_sql("DELETE FROM review_kept")
        database.connection().executemany(
            "INSERT INTO review_kept (name, dtype, shape, same_as, data) VALUES (?, ?, ?, ?, ?)", rows
        )
        database.execute_sql("DELETE FROM review_changed WHERE generation < ?", (generation.number,))
        database.execute_sql('UPDATE review_state SET "key" = ? WHERE id = 1', (key,))
    return True
