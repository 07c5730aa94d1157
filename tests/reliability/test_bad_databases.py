# SPDX-License-Identifier: MIT
"""Bad journal files: corrupt, not SQLite, from a newer Journal, another program's database, read-only (file or
folder), a full disk, and a file another program holds a write transaction on. Each gives a clear error (a non-zero
exit and a message naming the file, never a traceback), never changes the file's bytes, and a backup can be put in
its place."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

import pytest

from tests.reliability.support import (
    SAMPLES,
    content,
    counts,
    digest,
    file_size_limit,
    integrity,
    make_journal,
    permission_bound,
    probe_permissions,
    run_journal,
    side_files,
    start_runner,
    strong_csv,
    wait_for_line,
)

HEVY = SAMPLES / "hevy" / "hevy-kg.csv"
PAGE = 4096


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_journal(tmp_path_factory.mktemp("template") / "journal.sqlite", years=0.3)


@pytest.fixture
def journal(template: Path, tmp_path: Path) -> tuple[Path, Path]:
    """A journal with some history in its own folder, and a good backup of it taken by `journal backup`'s code."""
    folder = tmp_path / "journal"
    folder.mkdir(mode=0o700)
    db = folder / "journal.sqlite"
    db.write_bytes(template.read_bytes())
    db.chmod(0o600)
    backup = tmp_path / "good-backup.sqlite"  # a copy of the closed file: what a backup holds
    backup.write_bytes(template.read_bytes())
    return db, backup


# ---- the ways a file can be bad ---------------------------------------------------------------------------------


def _not_sqlite(db: Path) -> None:
    db.write_text("Shopping list\n- eggs\n- oats\n" * 200)


def _corrupt_header(db: Path) -> None:
    data = bytearray(db.read_bytes())
    data[16:100] = b"\xff" * 84  # page size, versions, counts: garbage after the magic string
    db.write_bytes(bytes(data))


def _truncated(db: Path) -> None:
    data = db.read_bytes()
    db.write_bytes(data[: len(data) * 2 // 5])


def _corrupt_pages(db: Path) -> None:
    """Garbage over the session, entry and set tables' root pages: the header and the schema still read fine."""
    connection = sqlite3.connect(f"{db.as_uri()}?mode=ro&immutable=1", uri=True)
    roots = [
        row[0]
        for row in connection.execute("SELECT rootpage FROM sqlite_master WHERE name IN ('session', 'entry', 'set')")
    ]
    connection.close()
    rng = random.Random(7)
    data = bytearray(db.read_bytes())
    for page in roots:
        data[(page - 1) * PAGE : page * PAGE] = bytes(rng.randrange(256) for _ in range(PAGE))
    db.write_bytes(bytes(data))


def _newer_schema(db: Path) -> None:
    connection = sqlite3.connect(db)
    connection.execute("PRAGMA user_version = 99")
    connection.commit()
    connection.close()
    for suffix in ("-wal", "-shm"):
        assert not Path(f"{db}{suffix}").exists()


def _other_program(db: Path) -> None:
    db.unlink()
    connection = sqlite3.connect(db)
    connection.executescript(
        "CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT, iban TEXT);"
        "INSERT INTO customer (name, iban) VALUES ('Ada', 'GB00 0000');"
    )
    connection.close()


BAD: dict[str, Callable[[Path], None]] = {
    "not-sqlite": _not_sqlite,
    "corrupt-header": _corrupt_header,
    "truncated": _truncated,
    "corrupt-pages": _corrupt_pages,
    "newer-schema": _newer_schema,
    "other-program": _other_program,
}
REFUSED_ON_OPENING = {"not-sqlite", "corrupt-header", "newer-schema", "other-program"}


def _command(name: str, db: Path, tmp_path: Path) -> list[str | Path]:
    return {
        "stats": ["stats", "--json", "--db", db],
        "export": ["export", tmp_path / "out.csv", "--db", db],
        "import": ["import", HEVY, "--db", db],
    }[name]


CASES = [pytest.param(bad, command, id=f"{bad}-{command}") for bad in BAD for command in ("stats", "export", "import")]


@pytest.mark.parametrize(("bad", "command"), CASES)
def test_a_bad_file_gives_a_clear_error_and_is_left_as_it_was(
    bad: str, command: str, journal: tuple[Path, Path], tmp_path: Path, data_dir: Path
) -> None:
    db, _backup = journal
    BAD[bad](db)
    before, sides = digest(db), side_files(db)
    result = run_journal(data_dir, *_command(command, db, tmp_path))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert str(db) in result.stderr, result.stderr
    assert digest(db) == before, "the file was changed"
    if bad in REFUSED_ON_OPENING:
        assert side_files(db) == sides, "a refused file got side files"
    assert not (tmp_path / "out.csv").exists()


@pytest.mark.parametrize("bad", list(BAD))
def test_restoring_a_backup_in_place_of_a_bad_file(bad: str, journal: tuple[Path, Path], data_dir: Path) -> None:
    """`journal restore BACKUP` puts the backup in place of the file; the bad file is kept, byte for byte (beside it,
    or among the backups when it could still be opened)."""
    db, backup = journal
    BAD[bad](db)
    original = db.read_bytes()
    result = run_journal(data_dir, "restore", backup, "--db", db)
    assert result.returncode == 0, result.stderr
    assert integrity(db) == "ok"
    assert content(db) == content(backup)
    kept = [path for path in db.parent.glob(f"{db.name}.unusable-*") if not path.name.endswith(("-wal", "-shm"))]
    kept += list((db.parent / "backups").glob("*before-restore*"))
    assert len(kept) == 1, kept
    if bad in REFUSED_ON_OPENING or bad == "truncated":
        assert kept[0].read_bytes() == original
    assert run_journal(data_dir, "stats", "--json", "--db", db).returncode == 0


def test_a_damaged_backup_is_refused_and_the_journal_left_alone(
    journal: tuple[Path, Path], tmp_path: Path, data_dir: Path
) -> None:
    db, backup = journal
    _truncated(backup)
    before = digest(db)
    result = run_journal(data_dir, "restore", backup, "--db", db)
    assert result.returncode == 2
    assert str(backup) in result.stderr and "Traceback" not in result.stderr
    assert digest(db) == before
    assert not (db.parent / "backups").exists() or not list((db.parent / "backups").iterdir())


# ---- read-only -------------------------------------------------------------------------------------------------


@pytest.fixture
def obeys_modes(tmp_path: Path) -> Callable[[], None] | None:
    """The preexec_fn under which a child obeys file modes (skips when this machine cannot arrange it)."""
    if not probe_permissions(tmp_path):
        pytest.skip("a child process here ignores file modes (root that cannot drop CAP_DAC_OVERRIDE)")
    return permission_bound()


def test_a_read_only_file_is_not_imported_into_and_not_changed(
    journal: tuple[Path, Path], data_dir: Path, obeys_modes: Callable[[], None] | None
) -> None:
    db, _ = journal
    db.chmod(0o400)
    before, rows = digest(db), content(db)
    result = run_journal(data_dir, "import", HEVY, "--db", db, preexec=obeys_modes)
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert "read" in result.stderr.lower() and "only" in result.stderr.lower(), result.stderr
    assert digest(db) == before
    db.chmod(0o600)
    assert content(db) == rows


def test_a_read_only_file_is_named_in_the_error(
    journal: tuple[Path, Path], data_dir: Path, obeys_modes: Callable[[], None] | None
) -> None:
    db, _ = journal
    db.chmod(0o400)
    result = run_journal(data_dir, "import", HEVY, "--db", db, preexec=obeys_modes)
    assert result.returncode != 0 and str(db) in result.stderr, result.stderr


def test_a_read_only_attempt_leaves_nothing_that_keeps_the_file_read_only(
    journal: tuple[Path, Path], data_dir: Path, obeys_modes: Callable[[], None] | None
) -> None:
    db, _ = journal
    sides = side_files(db)
    db.chmod(0o400)
    assert run_journal(data_dir, "import", HEVY, "--db", db, preexec=obeys_modes).returncode != 0
    db.chmod(0o600)  # the lifter fixes the permission
    assert side_files(db) == sides, f"side files left beside the file: {side_files(db)}"
    result = run_journal(data_dir, "import", HEVY, "--db", db, preexec=obeys_modes)
    assert result.returncode == 0, result.stderr


def test_a_read_only_folder_is_read_or_gives_a_clear_error(
    journal: tuple[Path, Path], data_dir: Path, obeys_modes: Callable[[], None] | None
) -> None:
    """`journal stats` only reads: it may work, or refuse clearly; it never changes the file."""
    db, _ = journal
    before = digest(db)
    db.parent.chmod(0o500)
    try:
        result = run_journal(data_dir, "stats", "--json", "--db", db, preexec=obeys_modes)
    finally:
        db.parent.chmod(0o700)
    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode != 0:
        assert result.returncode == 2 and str(db) in result.stderr, result.stderr
    else:
        assert json.loads(result.stdout)["sessions"] == counts(db)[0]
    assert digest(db) == before


def test_a_read_only_folder_gives_a_clear_error_when_importing(
    journal: tuple[Path, Path], data_dir: Path, obeys_modes: Callable[[], None] | None
) -> None:
    db, _ = journal
    before = digest(db)
    db.parent.chmod(0o500)
    try:
        result = run_journal(data_dir, "import", HEVY, "--db", db, preexec=obeys_modes)
    finally:
        db.parent.chmod(0o700)
    assert digest(db) == before
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert str(db) in result.stderr and "another Journal" not in result.stderr, result.stderr


# ---- a full disk ------------------------------------------------------------------------------------------------


@pytest.fixture
def full_disk_import(
    journal: tuple[Path, Path], tmp_path: Path, data_dir: Path
) -> tuple[Path, Path, str, dict[str, list[tuple[object, ...]]], subprocess.CompletedProcess[str]]:
    """`journal import` of 20,000 sets with every file it writes stopped at the journal's size + 128 KiB."""
    db, _ = journal
    export = tmp_path / "strong.csv"
    strong_csv(export, 20_000, seed=5)
    before, rows = digest(db), content(db)
    result = run_journal(
        data_dir, "import", export, "--db", db, preexec=file_size_limit(db.stat().st_size + 128 * 1024)
    )
    return db, export, before, rows, result


def test_a_full_disk_writes_nothing_and_the_import_works_once_there_is_room(full_disk_import, data_dir: Path) -> None:
    db, export, before, rows, result = full_disk_import
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "nothing was imported" in result.stderr, result.stderr
    assert digest(db) == before
    assert integrity(db) == "ok" and content(db) == rows
    again = run_journal(data_dir, "import", export, "--db", db)
    assert again.returncode == 0, again.stderr
    assert counts(db)[1] == len(rows["set"]) + 20_000


def test_a_full_disk_is_named_as_such(full_disk_import) -> None:
    db, _export, _before, _rows, result = full_disk_import
    assert result.returncode == 1
    assert "full" in result.stderr.lower(), result.stderr
    assert str(db) in result.stderr, result.stderr


def test_a_full_database_refuses_an_edit_in_process_and_keeps_the_file(journal: tuple[Path, Path]) -> None:
    """PRAGMA max_page_count as a full disk: the edit raises a storage error, nothing of it is kept."""
    from journal.domain.records import Entry, Session, SetRecord
    from journal.storage import repository as repo
    from journal.storage.database import STORAGE_ERRORS, close_database, open_database
    from journal.storage.exercises import find_exercise

    db, _ = journal
    rows = content(db)
    database = open_database(db)
    try:
        pages = database.execute_sql("PRAGMA page_count").fetchone()[0]
        database.execute_sql(f"PRAGMA max_page_count = {pages}")
        bench = find_exercise("Bench Press")
        assert bench is not None
        big = Session(
            start=datetime(2026, 2, 1, 9),
            title="x" * 50_000,
            entries=(
                Entry(exercise=bench, sets=tuple(SetRecord(load_kg=100, reps=5, note="n" * 2000) for _ in range(200))),
            ),
        )
        with pytest.raises(STORAGE_ERRORS):
            repo.add_session(big)
        assert repo.session_count() == len(rows["session"])
    finally:
        close_database()
    assert integrity(db) == "ok" and content(db) == rows


# ---- locked by another program ----------------------------------------------------------------------------------


@contextmanager
def held_by_another_program(db: Path, data_dir: Path) -> Iterator[None]:
    """Another program (plain sqlite3) holding a write transaction on the file."""
    proc = start_runner(data_dir, "hold-write", db)
    lines: list[str] = []
    try:
        wait_for_line(proc, "held", lines, timeout=30)
        yield
    finally:
        _out, err = proc.communicate(timeout=30)  # closing its stdin makes it roll back and close
        assert proc.returncode == 0, err


def test_a_file_locked_by_another_program_is_not_imported_into(journal: tuple[Path, Path], data_dir: Path) -> None:
    db, backup = journal
    rows = content(db)
    with held_by_another_program(db, data_dir):
        before = digest(db)
        result = run_journal(data_dir, "import", HEVY, "--db", db, timeout=60)
        assert result.returncode == 1
        assert "Traceback" not in result.stderr and "locked" in result.stderr, result.stderr
        assert digest(db) == before
    assert integrity(db) == "ok" and content(db) == rows
    # Once the other program lets go, the import and a restore both work.
    assert run_journal(data_dir, "import", HEVY, "--db", db).returncode == 0
    restored = run_journal(data_dir, "restore", backup, "--db", db)
    assert restored.returncode == 0, restored.stderr
    assert content(db) == content(backup)


def test_a_file_locked_by_another_program_is_named_in_the_error(journal: tuple[Path, Path], data_dir: Path) -> None:
    db, _ = journal
    with held_by_another_program(db, data_dir):
        result = run_journal(data_dir, "import", HEVY, "--db", db, timeout=60)
    assert result.returncode == 1 and str(db) in result.stderr, result.stderr


def test_restore_onto_a_file_locked_by_another_program_fails_cleanly(
    journal: tuple[Path, Path], data_dir: Path
) -> None:
    db, backup = journal
    with held_by_another_program(db, data_dir):
        result = run_journal(data_dir, "restore", backup, "--db", db, timeout=10)  # busy_timeout is 5 s
    assert result.returncode != 0
    assert "locked" in result.stderr and "Traceback" not in result.stderr, result.stderr
