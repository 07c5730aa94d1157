# SPDX-License-Identifier: MIT
"""Journal CSV export then import brings back every session: two untitled sessions begun in the same minute are two
sessions, in a new journal and when the file comes back into the journal it came from (both duplicates there)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.ui.main_window import MainWindow
from tests.reliability.support import connect, counts, make_journal, run_journal
from tests.ui.helpers import press


def _untitled(db: Path) -> list[str]:
    connection = connect(db)
    try:
        return [row[0] for row in connection.execute("SELECT start FROM session WHERE title = ''")]
    finally:
        connection.close()


def test_two_new_sessions_in_the_same_minute_export_and_import_as_two(
    qtbot: QtBot, db_path: Path, tmp_path: Path, data_dir: Path, open_window
) -> None:
    make_journal(db_path, years=0.05)
    window: MainWindow = open_window(db_path)
    for _ in range(2):
        press(qtbot, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        window.activateWindow()
    starts = _untitled(db_path)
    assert len(starts) == 2 and starts[0][:16] == starts[1][:16], starts
    window.close()
    window.service.close()
    sessions, sets = counts(db_path)
    out = tmp_path / "export.csv"
    assert run_journal(data_dir, "export", out, "--db", db_path).returncode == 0
    fresh = tmp_path / "fresh.sqlite"
    result = run_journal(data_dir, "import", out, "--db", fresh)
    assert result.returncode == 0, result.stderr
    assert f"imported {sessions} sessions, {sets} sets (0 duplicates skipped)" in result.stdout
    assert counts(fresh) == (sessions, sets)
    again = run_journal(data_dir, "import", out, "--db", db_path)
    assert f"imported 0 sessions, 0 sets ({sessions} duplicates skipped)" in again.stdout, again.stderr
    assert counts(db_path) == (sessions, sets)
