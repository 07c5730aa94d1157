# SPDX-License-Identifier: MIT
"""One exercise, your bodyweight and your calendar (README): an exercise's page opened by a double click on its name
in the session editor, its rep maxes as the file's own rows give them, its muscles edited in the library, an import's
twin merged into it and put back with Ctrl+Z, a bodyweight typed in, and a calendar day that opens its session."""

from __future__ import annotations

import csv
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.bodyweight import weighings
from journal.storage.database import close_database, open_database
from journal.storage.history import lifted_sets
from journal.ui.exercises.bodyweight import BodyweightScreen
from journal.ui.exercises.calendar import CalendarScreen
from journal.ui.exercises.editor import ExerciseDialog, MergeDialog
from journal.ui.exercises.library import ExercisesScreen
from journal.ui.main_window import MainWindow
from tests.ui.exercises.test_exercise_page import SAMPLE, double_click, imported
from tests.ui.helpers import Key, answering, click, press, screenshots, type_text, wait_active

TWIN = "Bench press flat zz"  # an import's name for the bench press: no muscles


def tab(qtbot: QtBot, window: MainWindow, index: int) -> QWidget:
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(index).center())
    return window.tabs.currentWidget()


def rep_maxes_from_rows(name: str) -> list[str]:
    """The heaviest load for at least r reps, r = 1 to 12, in the file's non-warm-up rows of the exercise."""
    with SAMPLE.open(encoding="utf-8", newline="") as stream:
        rows = [r for r in csv.DictReader(stream) if r["Exercise Name"] == name and r["Set Order"] != "W"]
    best = []
    for reps in range(1, 13):
        loads = [float(r["Weight (kg)"]) for r in rows if int(r["Reps"]) >= reps]
        best.append(f"{max(loads):g}" if loads else "–")
    return best


def with_twin(db_path: Path) -> int:
    open_database(db_path)
    try:
        twin, _ = exercises.create_exercise(TWIN)
        assert twin.id is not None
        repo.add_session(
            Session(start=datetime(2025, 3, 3, 18), entries=(Entry(twin, (SetRecord(load_kg=107.5, reps=2),)),))
        )
        return twin.id
    finally:
        close_database()


def test_an_exercise_from_the_editor_to_the_library_bodyweight_and_calendar(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_path, capsys)
    twin = with_twin(db_path)
    window: MainWindow = open_window(db_path)

    # The session editor: a double click on the exercise's name opens its page.
    window.sessions.select(window.sessions.model.rows[1].id)  # the newest bench session
    block = next(b for b in window.editor.blocks if b.title.text() == "Bench Press")
    double_click(qtbot, block.title, block.title.rect().center())
    screen = window.tabs.currentWidget()
    assert isinstance(screen, ExercisesScreen)
    page = screen.page
    assert page.title.text() == "Bench Press"
    bench = page.exercise.id if page.exercise else 0
    shown = [page.rep_table.item(r, 1).text() for r in range(page.rep_table.rowCount())]
    assert shown == rep_maxes_from_rows("Bench Press (Barbell)")
    screenshots(window, "scenario-exercise-page")
    bar = page.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(1).center())
    screenshots(window, "scenario-exercise-charts")
    click(qtbot, bar, bar.tabRect(2).center())
    assert page.history.topLevelItemCount() == 8
    screenshots(window, "scenario-exercise-history")
    click(qtbot, bar, bar.tabRect(0).center())

    # The library: the import's twin gets its muscles.
    screen.shown.setCurrentIndex(1)  # without muscles
    assert [screen.list.topLevelItem(i).text(0) for i in range(screen.list.topLevelItemCount())] == [TWIN]
    click(qtbot, screen.list.viewport(), screen.list.visualItemRect(screen.list.topLevelItem(0)).center())
    assert page.title.text() == TWIN

    def tick_chest(dialog: QWidget) -> None:
        assert isinstance(dialog, ExerciseDialog)
        chest = dialog.primary.item(0)
        click(qtbot, dialog.primary.viewport(), dialog.primary.visualItemRect(chest).center())
        press(qtbot, Key.Key_Space)
        assert dialog.primary.ticked() == ("chest",)

    with answering(qtbot, "Save", tick_chest):
        click(qtbot, page.edit)
    assert exercises.get_exercise(twin).primary == ("chest",)
    assert not screen.bare_note.isVisible()

    # Merged into the bench press, every set moved; Ctrl+Z puts it back as it was.
    def into_bench(dialog: QWidget) -> None:
        assert isinstance(dialog, MergeDialog)
        click(qtbot, dialog.choice)
        type_text(qtbot, "Bench Press")
        if QApplication.activePopupWidget() is not None:
            press(qtbot, Key.Key_Escape)

    before = len(lifted_sets(bench))
    with answering(qtbot, "Merge", into_bench):
        click(qtbot, page.merge)
    assert page.title.text() == "Bench Press"
    assert len(lifted_sets(bench)) == before + 1 and exercises.exercise_or_none(twin) is None
    assert page.rep_table.item(1, 1).text() == "107.5"  # the twin's 107.5 x 2 is now the 2-rep max
    wait_active(qtbot, window)
    click(qtbot, screen.list.viewport(), screen.list.visualItemRect(screen.list.topLevelItem(0)).center())
    press(qtbot, Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert exercises.exercise_or_none(twin) is not None
    assert [s.load_kg for s in lifted_sets(twin)] == [107.5] and len(lifted_sets(bench)) == before

    # A bodyweight typed in the Bodyweight tab.
    body = tab(qtbot, window, 5)
    assert isinstance(body, BodyweightScreen)
    body.day.setDate(QDate(2025, 2, 26))
    click(qtbot, body.weight)
    type_text(qtbot, "81.5")
    press(qtbot, Key.Key_Return)
    assert [(w.day, w.kg) for w in weighings()] == [(date(2025, 2, 26), 81.5)]
    screenshots(window, "scenario-bodyweight")

    # A day of the calendar opens its session.
    calendar = tab(qtbot, window, 4)
    assert isinstance(calendar, CalendarScreen)
    assert calendar.title.text() == "2025"
    screenshots(window, "scenario-calendar")
    heatmap = calendar.heatmap
    click(qtbot, heatmap, heatmap.rect_of(date(2025, 2, 13)).center())
    assert window.tabs.currentWidget() is window.pages
    assert window.editor.session is not None and window.editor.session.start.date() == date(2025, 2, 13)


def test_the_exercise_views_of_an_empty_journal(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    screen = tab(qtbot, window, 3)
    assert isinstance(screen, ExercisesScreen)
    assert screen.page.empty.isVisible() and screen.page.exercise is None
    screenshots(window, "scenario-empty-exercises")
    calendar = tab(qtbot, window, 4)
    assert isinstance(calendar, CalendarScreen)
    assert calendar.summary.text().startswith("No training yet")  # not "0 training days in 0 of 50 weeks"
    screenshots(window, "scenario-empty-calendar")
    tab(qtbot, window, 5)
    screenshots(window, "scenario-empty-bodyweight")
