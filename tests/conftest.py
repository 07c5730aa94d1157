# SPDX-License-Identifier: MIT
"""Every test has its own data folder (settings, default journal) and its own journal file; windows open on Xvfb."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from journal.logs import stop_logging
from journal.storage.database import close_database, open_database
from tests.display import Display

SAMPLES = Path(__file__).resolve().parent / "fixtures"  # the sample exports the repository holds
SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "fixtures"  # real exports, where they sit beside it
NO_SHARED = "../shared/fixtures is not beside this clone: real-export corpus not checked"


def shared_export(*parts: str) -> Path:
    """A real export of the corpus beside the repository; the test is skipped where the corpus is not there."""
    if not SHARED.is_dir():
        pytest.skip(NO_SHARED)
    return SHARED.joinpath(*parts)


DISPLAY = Display()


@pytest.hookimpl(trylast=True)  # after pytest-xvfb has started Xvfb and set DISPLAY
def pytest_configure(config: pytest.Config) -> None:
    DISPLAY.start(config)


def pytest_unconfigure(config: pytest.Config) -> None:
    DISPLAY.stop()


def pytest_report_header(config: pytest.Config) -> str:
    return DISPLAY.describe()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    terminalreporter.write_line(DISPLAY.describe())


@pytest.fixture(autouse=True)
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("JOURNAL_DATA_DIR", str(folder))
    monkeypatch.delenv("JOURNAL_DB", raising=False)
    yield folder
    stop_logging()  # the next test's log goes to its own data folder


@pytest.fixture
def db_path(data_dir: Path) -> Path:
    return data_dir / "journal.sqlite"


@pytest.fixture
def database(db_path: Path) -> Iterator[Path]:
    """An open, migrated journal file with the catalogue loaded."""
    open_database(db_path)
    yield db_path
    close_database()
