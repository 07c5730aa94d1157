# SPDX-License-Identifier: MIT
"""A faster journal for tests that only need one: a copy of a file that open_database created (migrated, catalogue
loaded) once per run, opened again with open_database. tests/storage/test_database.py uses the real `database`."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.storage.database import close_database, open_database


@pytest.fixture(scope="session")
def journal_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("template") / "journal.sqlite"
    open_database(path)
    close_database()
    assert not Path(f"{path}-wal").exists(), "the WAL must be checkpointed on close"
    return path


@pytest.fixture
def journal(db_path: Path, journal_template: Path) -> Iterator[Path]:
    """Like `database`: an open, migrated journal with the catalogue loaded."""
    shutil.copyfile(journal_template, db_path)
    os.chmod(db_path, 0o600)
    open_database(db_path)
    yield db_path
    close_database()
