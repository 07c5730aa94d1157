# SPDX-License-Identifier: MIT
"""The training calendar (a day clicked opens its session) and the bodyweight log (a weight refused at its field,
then stored; relative strength on the exercise page)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.storage.bodyweight import weighings
from journal.ui.exercises.bodyweight import BodyweightScreen
from journal.ui.exercises.calendar import CalendarScreen
from journal.ui.main_window import MainWindow
from tests.ui.exercises.test_exercise_page import imported
from tests.ui.helpers import answering, click, press, screenshots, type_text
from tests.ui.scenarios.conftest import choose, type_file_name

Key = Qt.Key


def tab(qtbot: QtBot, window: MainWindow, index: int) -> object:
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(index).center())
    return window.tabs.currentWidget()


def test_the_calendar_shows_the_year_trained_and_a_day_opens_its_session(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_path, capsys)
    window: MainWindow = open_window(db_path)
    screen = tab(qtbot, window, 4)
    assert isinstance(screen, CalendarScreen)
    assert screen.title.text() == "2025"  # the latest year with training, not this one
    assert screen.summary.text().startswith("2025: 8 training days in 4 of 53 weeks; longest run that year 4 weeks")
    screenshots(window, "calendar")
    map_ = screen.heatmap
    assert "no training" in map_.describe(date(2025, 2, 12))
    click(qtbot, map_, map_.rect_of(date(2025, 2, 13)).center())
    assert window.tabs.currentWidget() is window.pages
    assert window.editor.session is not None and window.editor.session.start.date() == date(2025, 2, 13)
    screen = tab(qtbot, window, 4)
    choose(qtbot, screen.colour_by, "Colour by tonnage")
    assert screen.heatmap.by_tonnage
    assert not screen.back.isEnabled()  # nothing before 2025
    click(qtbot, screen.forward)
    assert screen.title.text() == "2026" and screen.summary.text().startswith("2026: no training days. Now:")


def test_a_bodyweight_is_refused_at_its_field_then_stored_and_shown_as_relative_strength(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_path, capsys)
    window: MainWindow = open_window(db_path)
    screen = tab(qtbot, window, 5)
    assert isinstance(screen, BodyweightScreen)
    assert screen.table.rowCount() == 0
    screen.day.setDate(QDate(2025, 2, 26))
    click(qtbot, screen.weight)
    type_text(qtbot, "900")
    press(qtbot, Key.Key_Return)
    assert screen.error.isVisible() and "between 20 and 400 kg" in screen.error.text()
    assert weighings() == []
    assert QApplication.focusWidget() is screen.weight
    type_text(qtbot, "81.5")  # the refused text is selected: typing replaces it
    press(qtbot, Key.Key_Return)
    assert not screen.error.isVisible()
    assert [(w.day, w.kg, w.source) for w in weighings()] == [(date(2025, 2, 26), 81.5, "manual")]
    assert screen.table.item(0, 1).text() == "81.5"
    screenshots(window, "bodyweight")
    window.open_exercise(window.editor.blocks[0].entry.exercise.id if window.editor.blocks else 1)
    page = window.exercises.page
    page.show_exercise(page.exercise.id if page.exercise else 1)
    assert "× bodyweight (81.5 kg on 26 Feb 2025)" in page.facts.text()
    window.service.undo_stack.undo()
    assert weighings() == []


def test_a_hevy_measurements_file_imports_from_the_bodyweight_tab_in_one_undo_step(
    qtbot: QtBot, db_path: Path, open_window
) -> None:
    hevy = Path(__file__).parents[2] / "fixtures" / "body" / "hevy-measurements.csv"
    window: MainWindow = open_window(db_path)
    screen = tab(qtbot, window, 5)
    assert isinstance(screen, BodyweightScreen)
    with answering(qtbot, "Open", type_file_name(qtbot, hevy)):
        click(qtbot, screen.import_button)
    assert [(w.day.day, w.kg, w.source) for w in weighings()] == [
        (12, 82.4, "hevy-body"),
        (14, 82.1, "hevy-body"),
        (18, 81.7, "hevy-body"),
    ]
    assert screen.table.rowCount() == 3 and screen.table.item(0, 2).text() == "Hevy file"
    assert screen.error.text() == "3 bodyweights imported from hevy-measurements.csv"
    screenshots(window, "bodyweight-imported")
    window.service.undo_stack.undo()
    assert weighings() == [] and screen.table.rowCount() == 0


def test_the_calendar_key_shows_the_colours_drawn_and_follows_a_change_of_theme(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtGui import QColor

    from journal.ui.exercises.calendar import SHADES, SHADES_DARK
    from journal.ui.theme import apply_theme

    imported(db_path, capsys)
    window: MainWindow = open_window(db_path)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    apply_theme(app, "light")
    screen = tab(qtbot, window, 4)
    assert isinstance(screen, CalendarScreen)
    key, heatmap = screen.legend, screen.heatmap
    assert key.isVisible()
    try:
        for theme, expected in (("light", SHADES), ("dark", SHADES_DARK)):
            apply_theme(app, theme)
            QApplication.processEvents()
            fewer_to_more = key.colours()[1:]
            assert fewer_to_more == expected, theme
            # the key's ends are the heatmap's own colours for the quietest and the busiest day
            assert heatmap._shade(0.5, 10).name() == fewer_to_more[0]
            assert heatmap._shade(10, 10).name() == fewer_to_more[-1]
            lightness = [QColor(c).lightness() for c in fewer_to_more]
            assert lightness == sorted(lightness, reverse=theme == "light"), f"{theme}: more is not drawn as more"
            assert key.grab().width() >= key.sizeHint().width() - 1
    finally:
        apply_theme(app, "light")
