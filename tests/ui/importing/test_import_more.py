# SPDX-License-Identifier: MIT
"""The import preview on the exports people have: rows that cannot be imported left out on request, unlikely
loads named, Strong in other languages and without its header, and four more apps."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QCheckBox
from pytestqt.qtbot import QtBot

from journal.storage import repository as repo
from journal.storage.importing import left_out_dir
from journal.ui.main_window import MainWindow
from tests.conftest import SAMPLES
from tests.ui.helpers import answering, click, shoot
from tests.ui.importing.test_import_dialog import open_import

TYPOS = SAMPLES / "strong" / "strong-typos.csv"


def tick(qtbot: QtBot, box: QCheckBox) -> None:
    """Click a check box on its box, as a person does."""
    click(qtbot, box, QPoint(8, box.height() // 2))


def test_rows_that_cannot_be_imported_are_left_out_on_request(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, TYPOS, monkeypatch)
    problems = dialog.problems.stringList()
    assert "Cannot import · line 3: reps '1271' is not a whole number from 0 to 1000" in problems
    assert "Cannot import · line 7: reps 'x8' is not a number" in problems
    assert any(p.startswith("Unlikely · 2025-02-05 18:00 Bicep Curl (Barbell), set 2: 400 kg") for p in problems)
    assert not dialog.import_button.isEnabled()
    assert dialog.skip_invalid.isVisible() and "leaving out the 2 rows" in dialog.skip_invalid.text()
    shoot(dialog, "import-left-out")
    tick(qtbot, dialog.skip_invalid)
    assert dialog.skip_invalid.isChecked() and dialog.import_button.isEnabled()
    with answering(qtbot, "OK") as seen:
        click(qtbot, dialog.import_button)
    report = seen[0].text()
    assert "2 rows were left out" in report and "line 3: reps '1271'" in report and "line 7" in report
    kept = list(left_out_dir(db_path).glob("strong-typos-*.csv"))
    assert len(kept) == 1 and str(kept[0]) in report
    qtbot.waitUntil(lambda: repo.session_count() == 3)


def test_a_clean_file_offers_no_leaving_out(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, SAMPLES / "hevy" / "hevy-kg.csv", monkeypatch)
    assert not dialog.skip_invalid.isVisible() and dialog.import_button.isEnabled()
    dialog.reject()


@pytest.mark.parametrize(("name", "sets"), [("strong-zh-12.csv", "5"), ("strong-zh-10.csv", "3")])
def test_a_strong_header_in_an_unknown_language_is_confirmed_by_the_lifter(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch, name: str, sets: str
) -> None:
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, SAMPLES / "strong" / name, monkeypatch)
    assert not dialog.import_button.isEnabled()
    assert dialog.by_position.isVisible() and not dialog.by_position.isChecked()
    assert "column 3 (时长) = Duration" in dialog.layout_note.text()
    assert "--columns-by-position" in dialog.problems.stringList()[0]
    shoot(dialog, f"import-{name.removesuffix('.csv')}")
    tick(qtbot, dialog.by_position)
    qtbot.waitUntil(lambda: dialog.figure("format") == "Strong (columns by position)", timeout=10000)
    assert dialog.layout_note.isVisible() and dialog.figure("sessions") == "2" and dialog.figure("sets") == sets
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        click(qtbot, dialog.import_button)
    assert repo.session_count() == 2


def test_a_strong_file_without_its_header_line_shows_the_guessed_columns(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, SAMPLES / "strong" / "strong-no-header.csv", monkeypatch)
    assert dialog.layout_note.text().startswith("Columns as guessed: column 1 = Date, column 2 = Workout Name")
    assert "no header line" in dialog.problems.stringList()[0]
    tick(qtbot, dialog.by_position)
    qtbot.waitUntil(lambda: dialog.figure("format") == "Strong (no header line)", timeout=10000)
    assert dialog.figure("sets") == "4" and dialog.import_button.isEnabled()
    dialog.reject()


@pytest.mark.parametrize(
    ("name", "shown", "sessions", "units"),
    [
        ("strong-fr.csv", "Strong (French)", 2, "kg (chosen: the file does not say)"),
        ("strong-de.csv", "Strong (German)", 2, "kg (chosen: the file does not say)"),
        ("strong-unit-columns-kg.csv", "Strong", 1, "kg (as the file says)"),
        ("strong-unit-columns-lb.csv", "Strong", 1, "lb (as the file says)"),
    ],
)
def test_strong_in_known_languages_and_unit_named_columns_needs_no_confirmation(
    qtbot: QtBot,
    db_path: Path,
    open_window,
    monkeypatch: pytest.MonkeyPatch,
    name: str,
    shown: str,
    sessions: int,
    units: str,
) -> None:
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, SAMPLES / "strong" / name, monkeypatch)
    assert dialog.figure("format") == shown and not dialog.by_position.isVisible()
    assert dialog.figure("units").startswith(units)
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        click(qtbot, dialog.import_button)
    assert repo.session_count() == sessions


@pytest.mark.parametrize(
    ("path", "shown", "sessions"),
    [
        (SAMPLES / "lyfta" / "lyfta-export.csv", "Lyfta", 2),
        (SAMPLES / "gymbook" / "gymbook-it.csv", "GymBook", 2),
        (SAMPLES / "dailystrength" / "dailystrength-units.csv", "DailyStrength", 2),
        (SAMPLES / "stronglifts" / "stronglifts-wide-us.csv", "StrongLifts 5×5 (wide)", 3),
    ],
)
def test_four_more_apps_in_the_preview(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch: pytest.MonkeyPatch, path: Path, shown: str, sessions: int
) -> None:
    window: MainWindow = open_window(db_path)
    dialog = open_import(qtbot, window, path, monkeypatch)
    assert dialog.format.itemText(0) == f"Detect from the header ({shown})"
    assert dialog.figure("format") == shown and dialog.figure("sessions") == str(sessions)
    if path.parent.name == "gymbook":
        assert any("marked skipped" in p for p in dialog.problems.stringList())
        shoot(dialog, "import-gymbook")
    with qtbot.waitSignal(dialog.imported, timeout=20000):
        click(qtbot, dialog.import_button)
    assert repo.session_count() == sessions
