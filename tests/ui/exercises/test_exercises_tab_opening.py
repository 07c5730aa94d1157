# SPDX-License-Identifier: MIT
"""The Exercises tab as it opens: on a journal with history, the first exercise's page (or the one opened last);
on an empty journal, a sentence that says how to fill it, never tables of bare column numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from pytestqt.qtbot import QtBot

from journal.ui.exercises.library import NONE_DONE, ExercisesScreen
from journal.ui.main_window import MainWindow
from tests.ui.exercises.test_exercise_page import imported
from tests.ui.helpers import click


def open_tab(qtbot: QtBot, window: MainWindow) -> ExercisesScreen:
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(3).center())
    screen = window.tabs.currentWidget()
    assert isinstance(screen, ExercisesScreen)
    return screen


def test_an_empty_journal_says_how_to_fill_the_exercises_tab(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    screen = open_tab(qtbot, window)
    page = screen.page
    assert page.exercise is None
    assert page.empty.isVisible() and page.empty.text() == NONE_DONE
    assert not page.rep_table.isVisible() and not page.edit.isVisible()
    screen.shown.setCurrentIndex(2)  # every exercise: the catalogue
    assert screen.list.topLevelItemCount() > 100
    assert page.empty.text().startswith("Choose an exercise on the left")


def test_the_tab_opens_on_the_first_exercise_then_on_the_one_opened_last(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_path, capsys)
    window: MainWindow = open_window(db_path)
    screen = open_tab(qtbot, window)
    page = screen.page
    first = screen.list.topLevelItem(0)
    assert first is not None and screen.list.currentItem() is first
    assert page.title.text() == first.text(0)
    assert page.rep_table.isVisible() and page.rep_table.rowCount() == 12
    assert not page.empty.isVisible()
    squat = next(
        screen.list.topLevelItem(i)
        for i in range(screen.list.topLevelItemCount())
        if screen.list.topLevelItem(i).text(0) == "Back Squat"
    )
    click(qtbot, screen.list.viewport(), screen.list.visualItemRect(squat).center())
    assert page.title.text() == "Back Squat"
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(0).center())
    click(qtbot, bar, bar.tabRect(3).center())
    assert page.title.text() == "Back Squat" and screen.list.currentItem() is squat


def test_the_exercise_shown_last_is_shown_again_next_time(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    from journal import settings

    imported(db_path, capsys)
    window: MainWindow = open_window(db_path)
    screen = open_tab(qtbot, window)
    assert screen.page.title.text() == "Back Squat"  # the first listed
    bench = next(
        item
        for item in (screen.list.topLevelItem(i) for i in range(screen.list.topLevelItemCount()))
        if item is not None and item.text(0) == "Bench Press"
    )
    click(qtbot, screen.list.viewport(), screen.list.visualItemRect(bench).center())
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(0).center())  # leaving the tab remembers it
    assert settings.last_exercise() == "Bench Press"
    screen.page.show_exercise(None)  # as a new window (or the journal opened again) starts
    screen.reload()
    current = screen.list.currentItem()
    assert screen.page.title.text() == "Bench Press" and current is not None and current.text(0) == "Bench Press"
