# SPDX-License-Identifier: MIT
"""The whole import dialog, driven as a lifter would: choose a file, check the preview, fix a name, confirm."""

from __future__ import annotations

import csv
import time
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QPushButton
from pytestqt.qtbot import QtBot

from journal.domain.units import KG_PER_LB
from journal.storage import repository as repo
from journal.storage.backup import backup_dir
from journal.storage.exercises import find_exercise
from journal.ui.importing.column_mapping import ColumnMappingDialog
from journal.ui.importing.import_dialog import ImportDialog
from journal.ui.main_window import MainWindow
from journal.ui.progress import WorkProgress
from tests.conftest import SAMPLES
from tests.ui.helpers import shoot

HEVY = SAMPLES / "hevy" / "hevy-kg.csv"
STRONG = SAMPLES / "strong" / "strong-comma-no-unit.csv"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def _workouts(rows: list[dict[str, str]], *key: str) -> int:
    return len({tuple(row[name] for name in key) for row in rows})


def _figure(value: float) -> str:
    """A figure as the preview writes it: at most two decimals, no trailing zeros."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def open_import(qtbot: QtBot, window: MainWindow, path: Path, monkeypatch: pytest.MonkeyPatch) -> ImportDialog:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(path), ""))
    if window.pages.currentWidget() is window.empty:
        qtbot.mouseClick(window.empty.importer, Qt.MouseButton.LeftButton)
    else:
        window.import_action.trigger()
    dialogs = [d for d in window.findChildren(ImportDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.format.isEnabled(), timeout=10000)  # the read has finished
    return dialog


def row_of(dialog: ImportDialog, name: str) -> int:
    return next(i for i, (proposal, _) in enumerate(dialog.names.rows) if proposal.name == name)


def test_import_hevy_fixing_a_name_then_undo(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    rows = _rows(HEVY)
    workouts = _workouts(rows, "start_time", "title")
    dialog = open_import(qtbot, window, HEVY, monkeypatch)
    assert dialog.figure("format") == "Hevy" and dialog.figure("sessions") == str(workouts)
    assert not dialog.units.isEnabled()  # the file says kg
    row = row_of(dialog, "Ring Dips")
    assert dialog.names.index(row, 2).data() == "Dip"
    # The lifter says Ring Dips are an exercise of their own.
    assert dialog.names.setData(dialog.names.index(row, 2), None)
    assert dialog.names.index(row, 2).data() == "New exercise"
    shoot(dialog, "import-preview-hevy")
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.splitter)
    assert window.sessions.model.rowCount() == workouts
    assert find_exercise("Ring Dips").name == "Ring Dips"
    assert any(path.name.endswith("before-import.sqlite") for path in backup_dir(db_path).iterdir())
    assert (
        f"Imported {workouts} sessions, {len(rows)} sets (0 duplicates skipped)" in window.statusBar().currentMessage()
    )
    # Undo removes exactly what the import added; redo brings it back.
    window.service.undo_stack.undo()
    assert repo.session_count() == 0
    window.service.undo_stack.redo()
    assert repo.session_count() == workouts


def test_a_strong_file_without_units_asks_and_shows_both(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    rows = _rows(STRONG)
    heaviest = max(float(row["Weight"]) for row in rows)
    running = next(line for line, row in enumerate(rows, 2) if row["Duration"] == "179h 26m")  # one line a row
    dialog = open_import(qtbot, window, STRONG, monkeypatch)
    assert dialog.units.isEnabled()
    assert (
        f"heaviest load {_figure(heaviest)} kg = {_figure(heaviest / KG_PER_LB)} lb; if the file were in lb: "
        f"{_figure(heaviest)} lb = {_figure(heaviest * KG_PER_LB)} kg"
    ) in dialog.figure("units")
    problems = dialog.problems.stringList()
    assert any(f"line {running}" in p and "implausible" in p for p in problems)
    shoot(dialog, "import-preview-strong-problems")
    dialog.units.setCurrentIndex(1)
    qtbot.waitUntil(lambda: dialog.figure("units").startswith("lb"), timeout=10000)
    dialog.reject()
    assert repo.session_count() == 0


def test_a_bad_file_shows_its_line_and_cannot_be_imported(
    qtbot: QtBot, db_path: Path, tmp_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "bad.csv"
    text = HEVY.read_text(encoding="utf-8")
    line = next(number for number, each in enumerate(text.splitlines(), 1) if ',"normal",105,5,' in each)
    bad.write_text(text.replace(',"normal",105,5,', ',"normal",105,one,', 1), encoding="utf-8")
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, bad, monkeypatch)
    assert not dialog.import_button.isEnabled()
    assert dialog.problems.stringList() == [f"Cannot import · line {line}: reps 'one' is not a number"]
    shoot(dialog, "import-bad-file")


def test_any_csv_through_the_column_mapping(
    qtbot: QtBot, db_path: Path, tmp_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    table = tmp_path / "my-log.csv"
    table.write_text(
        "Tag;Übung;Last;Wdh;Anstrengung\n2026-03-02;Kniebeuge;100,5;5;8\n"
        "2026-03-02;Kniebeuge;100,5;5;8,5\n2026-03-04;Bankdrücken;80;8;9\n",
        encoding="utf-8",
    )
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, table, monkeypatch)
    assert dialog.parsed is None  # no date column could be guessed from these names
    dialog.format.setCurrentIndex(dialog.format.findData("csv"))
    qtbot.waitUntil(lambda: dialog.format.isEnabled(), timeout=10000)
    assert dialog.map_button.isVisible()

    def fill(mapping_dialog: ColumnMappingDialog) -> int:
        for field, column in (
            ("date", "Tag"),
            ("exercise", "Übung"),
            ("load", "Last"),
            ("reps", "Wdh"),
            ("rpe", "Anstrengung"),
        ):
            mapping_dialog.combos[field].setCurrentText(column)
        shoot(mapping_dialog, "import-column-mapping")
        assert not mapping_dialog.error.isVisible()
        return 1

    monkeypatch.setattr(ColumnMappingDialog, "exec", fill)
    qtbot.mouseClick(dialog.map_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.parsed is not None and dialog.parsed.set_count == 3, timeout=10000)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    sessions = [repo.get_session(row.id) for row in window.sessions.model.rows]
    squat = next(s for s in sessions if s.start.day == 2).entries[0]
    assert [(r.load_kg, r.reps, r.rir) for r in squat.sets] == [(100.5, 5, 2.0), (100.5, 5, 1.5)]
    # The mapping is remembered for the next file with the same columns.
    again = open_import(qtbot, window, table, monkeypatch)
    again.format.setCurrentIndex(again.format.findData("csv"))
    qtbot.waitUntil(lambda: again.parsed is not None and again.parsed.set_count == 3, timeout=10000)


def big_strong_file(path: Path, workouts: int) -> Path:
    lines = ["Date,Workout Name,Exercise Name,Set Order,Weight,Weight Unit,Reps,RPE,Notes"]
    for day in range(workouts):
        stamp = f"20{10 + day // 3000:02d}-{1 + day // 250 % 12:02d}-{1 + day % 28:02d} {6 + day % 12:02d}:00:00"
        for exercise in ("Squat (Barbell)", "Bench Press (Barbell)", "Deadlift (Barbell)", "Pull Up"):
            for order in range(1, 6):
                lines.append(f"{stamp},Day {day},{exercise},{order},{60 + order * 5},kg,5,8,")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_large_import_shows_progress_and_cancelling_writes_nothing(
    qtbot: QtBot, db_path: Path, tmp_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    big = big_strong_file(tmp_path / "big.csv", 3000)  # 60,000 sets
    dialog = open_import(qtbot, window, big, monkeypatch)
    assert dialog.parsed is not None and dialog.parsed.set_count == 60000
    # As on a slow disk: each chunk of 500 sets takes 50 ms more, so there is time to see and press Cancel.
    monkeypatch.setattr("journal.storage.bulk._CHUNK", 500)
    report = WorkProgress.__call__
    monkeypatch.setattr(
        WorkProgress, "__call__", lambda self, done, total: (time.sleep(0.05), report(self, done, total))
    )
    dialog.import_button.click()
    progress = [w for w in dialog.findChildren(type(dialog).__mro__[1]) if w.windowTitle() == "Importing"]
    assert progress
    qtbot.waitUntil(lambda: progress[-1].isVisible(), timeout=20000)
    shoot(progress[-1], "import-progress")
    qtbot.mouseClick(progress[-1].findChild(QPushButton), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Import cancelled: nothing was written." in dialog.problems.stringList(), timeout=20000)
    assert repo.session_count() == 0
    assert dialog.import_button.isEnabled()


def test_an_option_changed_while_reading_shows_only_the_newest_read(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, STRONG, monkeypatch)
    assert dialog.figure("units").startswith("kg")
    dialog.units.setCurrentIndex(1)  # lb: a new read starts, and the options wait for it
    assert not dialog.import_button.isEnabled() and not dialog.units.isEnabled()
    qtbot.waitUntil(lambda: dialog.format.isEnabled(), timeout=10000)
    assert dialog.figure("units").startswith("lb") and dialog.import_button.isEnabled()


def test_a_file_already_imported_has_nothing_to_import(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, HEVY, monkeypatch)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    again = open_import(qtbot, window, HEVY, monkeypatch)
    workouts = _workouts(_rows(HEVY), "start_time", "title")
    assert again.figure("already in the journal") == f"{workouts} sessions (skipped)"
    assert "already in your journal" in again.summary.text()
    assert not again.import_button.isEnabled()
