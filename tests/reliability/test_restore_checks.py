# SPDX-License-Identifier: MIT
"""`journal restore` checks a backup as the opener checks a journal (schema version, tables and their columns), so
a foreign SQLite file never replaces the journal; every restore message names the before-restore backup; a backup
is read without writing beside it, so one in a read-only folder is restored and nothing is left next to it."""

from __future__ import annotations

import os
import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from journal.storage.migrations import SCHEMA_VERSION
from tests.reliability.support import (
    content,
    counts,
    digest,
    make_journal,
    permission_bound,
    probe_permissions,
    run_journal,
)
from tests.reliability.test_bad_databases import held_by_another_program


def _foreign(path: Path, version: int) -> Path:
    connection = sqlite3.connect(path)
    connection.executescript(
        "CREATE TABLE session (id INTEGER PRIMARY KEY, day TEXT);"
        'CREATE TABLE "set" (id INTEGER PRIMARY KEY, reps INTEGER);'
        "CREATE TABLE exercise (id INTEGER PRIMARY KEY, label TEXT);"
        "INSERT INTO session (day) VALUES ('monday');"
        f"PRAGMA user_version = {version};"
    )
    connection.close()
    return path


@pytest.mark.parametrize("version", [0, SCHEMA_VERSION], ids=["unversioned", "current-version"])
def test_a_foreign_file_with_a_journals_table_names_is_not_restored(
    version: int, tmp_path: Path, data_dir: Path
) -> None:
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    before = content(journal)
    foreign = _foreign(tmp_path / "foreign.sqlite", version)
    result = run_journal(data_dir, "restore", foreign, "--db", journal)
    assert result.returncode == 2, result.stdout
    assert result.stderr.startswith(f"journal restore: {foreign} is not a journal file"), result.stderr
    assert content(journal) == before
    assert run_journal(data_dir, "stats", "--json", "--db", journal).returncode == 0


def test_a_restore_that_fails_names_the_before_restore_backup(tmp_path: Path, data_dir: Path) -> None:
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    backup = make_journal(tmp_path / "backup.sqlite", years=0.1, seed=4)
    before = content(journal)
    with held_by_another_program(journal, data_dir):
        result = run_journal(data_dir, "restore", backup, "--db", journal, timeout=30)
    assert result.returncode != 0
    kept = sorted((tmp_path / "backups").glob("*-before-restore.sqlite"))
    assert len(kept) == 1 and f"kept as {kept[0]}" in result.stderr, result.stderr
    assert content(journal) == before


@pytest.fixture
def obeys_modes(tmp_path: Path) -> Callable[[], None] | None:
    if not probe_permissions(tmp_path):
        pytest.skip("a child process here ignores file modes (root that cannot drop CAP_DAC_OVERRIDE)")
    return permission_bound()


def test_a_backup_with_its_log_in_a_read_only_folder_is_restored_whole(
    tmp_path: Path, data_dir: Path, obeys_modes: Callable[[], None] | None
) -> None:
    source = make_journal(tmp_path / "source.sqlite", years=0.1, seed=5)
    writer = sqlite3.connect(source)  # a copy taken while another program had it open: part of it only in its log
    writer.execute("PRAGMA journal_mode = wal")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute("UPDATE session SET title = 'only in the log'")
    writer.commit()
    folder = tmp_path / "read-only"
    folder.mkdir()
    shutil.copyfile(source, folder / "backup.sqlite")
    shutil.copyfile(f"{source}-wal", folder / "backup.sqlite-wal")
    expected = content(source)
    writer.close()
    folder.chmod(0o500)
    journal = make_journal(tmp_path / "journal.sqlite", years=0.05)
    listing = sorted(os.listdir(folder))
    sums = {name: digest(folder / name) for name in listing}
    try:
        result = run_journal(data_dir, "restore", folder / "backup.sqlite", "--db", journal, preexec=obeys_modes)
    finally:
        folder.chmod(0o700)
    assert result.returncode == 0, result.stderr
    assert "kept as" in result.stdout
    assert content(journal) == expected and counts(journal)[0] > 0
    assert sorted(os.listdir(folder)) == listing and {n: digest(folder / n) for n in listing} == sums
