# SPDX-License-Identifier: MIT
"""The log file: set up by the command line, rotated, and the command line's errors in it with their traceback."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from journal import cli
from journal.logs import BACKUPS, MAX_BYTES, log_path, setup_logging


def test_the_log_lives_in_the_data_folder_and_rotates(data_dir: Path) -> None:
    path = setup_logging()
    assert path == data_dir / "logs" / "journal.log" == log_path()
    assert setup_logging() == path  # once: no second handler
    handlers = [h for h in logging.getLogger().handlers if getattr(h, "baseFilename", None) == str(path)]
    assert len(handlers) == 1
    assert (handlers[0].maxBytes, handlers[0].backupCount) == (MAX_BYTES, BACKUPS) == (1_000_000, 3)
    for number in range(8000):
        logging.getLogger("journal.test").info("line %d %s", number, "x" * 500)
    assert path.stat().st_size <= MAX_BYTES
    assert sorted(p.name for p in path.parent.iterdir()) == [
        "journal.log",
        "journal.log.1",
        "journal.log.2",
        "journal.log.3",
    ]


def test_a_command_line_error_is_logged_with_its_traceback(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    not_a_journal = tmp_path / "notes.sqlite"
    not_a_journal.write_text("shopping list", encoding="utf-8")
    assert cli.main(["stats", "--json", "--db", str(not_a_journal)]) == 2
    assert "journal:" in capsys.readouterr().err
    logged = log_path().read_text(encoding="utf-8")
    assert "WARNING journal.cli [MainThread]: journal stats:" in logged and str(not_a_journal) in logged
    assert "Traceback (most recent call last)" in logged and "JournalFileError" in logged


def test_an_unexpected_command_line_error_is_logged_and_told_in_one_line(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("stats broke")

    monkeypatch.setattr(cli, "_stats", broken)
    assert cli.main(["stats", "--json", "--db", str(db_path)]) == 1
    assert capsys.readouterr().err == f"journal stats: stats broke (details in {log_path()})\n"
    logged = log_path().read_text(encoding="utf-8")
    assert "ERROR journal.cli [MainThread]: journal stats failed" in logged
    assert "Traceback (most recent call last)" in logged and "in broken" in logged
    assert "RuntimeError: stats broke" in logged
