# SPDX-License-Identifier: MIT
"""The open file is never swapped or closed under a read or write running on a worker thread."""

from __future__ import annotations

import time
from pathlib import Path

from pytestqt.qtbot import QtBot

from journal.storage.models import SessionRow, db
from journal.ui.service import JournalService
from journal.ui.tasks import run_in_background


def hold_a_transaction() -> int:
    """What a background read does: a transaction that takes a while, on the worker's own connection."""
    with db.atomic():
        time.sleep(0.3)
        return SessionRow.select().count()


def test_another_file_opened_while_a_background_read_runs_waits_for_it(qtbot: QtBot, tmp_path: Path) -> None:
    service = JournalService(tmp_path / "one.sqlite")
    results: list[object] = []
    try:
        run_in_background(hold_a_transaction, results.append, results.append)
        time.sleep(0.05)  # the worker is inside its transaction
        service.open_file(tmp_path / "two.sqlite")
        qtbot.waitUntil(lambda: bool(results), timeout=5000)
        assert results == [0]  # the read ended as it began, not cut by the file swapped under it
    finally:
        service.close()


def test_closing_while_a_background_read_runs_waits_for_it(qtbot: QtBot, tmp_path: Path) -> None:
    service = JournalService(tmp_path / "one.sqlite")
    results: list[object] = []
    run_in_background(hold_a_transaction, results.append, results.append)
    time.sleep(0.05)
    service.close()
    service = JournalService(tmp_path / "two.sqlite")  # the window opened again, as after a restart
    try:
        qtbot.waitUntil(lambda: bool(results), timeout=5000)
        assert results == [0]
    finally:
        service.close()
