# SPDX-License-Identifier: MIT
"""The exercise page: opened with a double click on a name in the log, or from the Exercises tab's search; its rep
maxes as `journal exercise` prints them, its records, its history by session, and the session a row stands for."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.cli import main
from journal.storage import exercises
from journal.storage.database import close_database, open_database
from journal.ui.exercises.library import ExercisesScreen
from journal.ui.main_window import MainWindow
from tests.ui.helpers import click, press, screenshots, type_text

SAMPLE = Path(__file__).parents[2] / "fixtures" / "strong" / "strong-rep-maxes-kg.csv"
LEFT = Qt.MouseButton.LeftButton


def imported(db_path: Path, capsys: pytest.CaptureFixture[str]) -> dict[str, object]:
    assert main(["import", str(SAMPLE), "--db", str(db_path)]) == 0
    close_database()
    capsys.readouterr()
    assert main(["exercise", "Bench Press", "--json", "--db", str(db_path)]) == 0
    close_database()
    printed: dict[str, object] = json.loads(capsys.readouterr().out)
    return printed


def double_click(qtbot: QtBot, widget: object, pos: QPoint) -> None:
    """A person's double click: a click, then the second press that Qt reads as a double click."""
    qtbot.mouseClick(widget, LEFT, pos=pos)
    qtbot.mouseDClick(widget, LEFT, pos=pos)
    QApplication.processEvents()


def test_a_double_click_on_a_name_in_the_log_opens_its_page(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    printed = imported(db_path, capsys)
    window: MainWindow = open_window(db_path)
    window.sessions.select(window.sessions.model.rows[0].id)  # the newest: bench, then squat
    block = window.editor.blocks[0]
    assert block.title.text() == "Bench Press"
    double_click(qtbot, block.title, block.title.rect().center())
    screen = window.tabs.currentWidget()
    assert isinstance(screen, ExercisesScreen)
    page = screen.page
    assert page.title.text() == "Bench Press"
    shown = [[page.rep_table.item(r, c).text() for c in range(3)] for r in range(page.rep_table.rowCount())]
    expected = [
        [str(m["reps"]), "–" if m["load_kg"] is None else f"{m['load_kg']:g}", m["date"] or ""]  # type: ignore[index]
        for m in printed["rep_maxes"]  # type: ignore[attr-defined]
    ]
    assert [row[:2] for row in shown] == [row[:2] for row in expected]
    assert page.records_table.rowCount() == len(printed["records"])  # type: ignore[arg-type]
    bar = page.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(2).center())  # History
    assert page.history.topLevelItemCount() == 8
    assert page.history.topLevelItem(0).text(0).startswith("Thu 27 Feb 2025")  # newest first
    click(qtbot, bar, bar.tabRect(0).center())
    assert "e1RM (kg, est.)" in page.rep_table.horizontalHeaderItem(3).text()

    # a rep max's row opens the session it was lifted in
    row = 4  # 5 reps: 100 kg x 6 on 13 Feb
    rect = page.rep_table.visualItemRect(page.rep_table.item(row, 0))
    double_click(qtbot, page.rep_table.viewport(), rect.center())
    assert window.tabs.currentWidget() is window.pages
    assert window.editor.session is not None and window.editor.session.start.day == 13

    screenshots(window, "exercise-log")
    window.tabs.setCurrentWidget(screen)
    screenshots(window, "exercise-page")
    click(qtbot, bar, bar.tabRect(1).center())
    assert page.tabs.currentWidget() is page.charts
    screenshots(window, "exercise-charts")
    click(qtbot, bar, bar.tabRect(2).center())
    screenshots(window, "exercise-history")


def test_the_exercises_tab_finds_an_exercise_by_alias_and_lists_those_without_muscles(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_path, capsys)
    open_database(db_path)
    bare, _ = exercises.create_exercise("Zz sled drag")
    close_database()
    window: MainWindow = open_window(db_path)
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(3).center())
    screen = window.tabs.currentWidget()
    assert isinstance(screen, ExercisesScreen)
    assert not screen.bare_note.isVisible()  # created but never used: it counts nowhere anyway
    click(qtbot, screen.search)
    type_text(qtbot, "squat (barbell)")  # an alias, as Strong writes it
    assert screen.list.topLevelItemCount() == 1
    press(qtbot, Qt.Key.Key_Return)
    assert screen.page.title.text() == "Back Squat"
    assert screen.page.tabs.tabText(2) == "History (8 sessions)"
    window.open_exercise(bare.id)  # type: ignore[arg-type]
    assert screen.page.title.text() == "Zz sled drag"
    assert "count in no muscle's volume" in screen.page.muscles.text()
    assert screen.page.facts.text() == "No sets of it yet."


def test_a_double_click_on_a_name_in_the_session_list_opens_its_page(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_path, capsys)
    window: MainWindow = open_window(db_path)
    view = window.sessions.view
    rect = view.visualRect(window.sessions.proxy.index(0, 1))
    width = view.fontMetrics().horizontalAdvance("Bench Press, ")
    on_title = QPoint(rect.left() + 8, rect.top() + 6)
    double_click(qtbot, view.viewport(), on_title)  # the title's line names no exercise
    assert window.tabs.currentWidget() is window.pages
    second = QPoint(rect.left() + width + 12, rect.bottom() - 6)  # "Back Squat", after "Bench Press, "
    double_click(qtbot, view.viewport(), second)
    screen = window.tabs.currentWidget()
    assert isinstance(screen, ExercisesScreen)
    assert screen.page.title.text() == "Back Squat"


def test_the_page_shows_loads_in_pounds_once_the_preference_says_so(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.ui.helpers import answering, pick_menu
    from tests.ui.scenarios.test_preferences import set_in_dialog

    imported(db_path, capsys)
    window: MainWindow = open_window(db_path)
    window.open_exercise(window.editor.blocks[0].entry.exercise.id)  # type: ignore[arg-type]
    page = window.exercises.page
    assert page.rep_table.item(0, 1).text() == "105"
    with answering(qtbot, "OK", set_in_dialog(qtbot, unit="Pounds (lb)")):
        pick_menu(qtbot, window, "File", "Preferences")
    assert page.rep_table.horizontalHeaderItem(1).text() == "Best (lb)"
    assert page.rep_table.item(0, 1).text() == "231.49"  # 105 kg
    assert page.records_table.horizontalHeaderItem(1).text() == "Load × reps (lb)"
