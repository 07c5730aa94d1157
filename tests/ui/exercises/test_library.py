# SPDX-License-Identifier: MIT
"""The exercise library in the window: an edit refused at its field, then saved; a merge of an import's twin into
the catalogue's exercise in one undo step; exercises without muscles listed until they have some."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.history import lifted_sets
from journal.ui.exercises.editor import ExerciseDialog, MergeDialog
from journal.ui.exercises.library import ExercisesScreen
from journal.ui.main_window import MainWindow
from tests.ui.helpers import answering, click, press, screenshots, type_text

Key = Qt.Key


def seeded(db_path: Path) -> tuple[int, int]:
    """A catalogue bench press with a session, and a twin an import made (no muscles) with another."""
    open_database(db_path)
    bench = exercises.find_exercise("Bench Press")
    twin, _ = exercises.create_exercise("Bench press flat zz")
    assert bench is not None and bench.id is not None and twin.id is not None
    repo.add_session(
        Session(start=datetime(2026, 3, 2, 18), entries=(Entry(bench, (SetRecord(load_kg=100, reps=5),)),))
    )
    repo.add_session(Session(start=datetime(2026, 3, 5, 18), entries=(Entry(twin, (SetRecord(load_kg=105, reps=3),)),)))
    close_database()
    return bench.id, twin.id


def exercises_tab(qtbot: QtBot, window: MainWindow) -> ExercisesScreen:
    bar = window.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(3).center())
    screen = window.tabs.currentWidget()
    assert isinstance(screen, ExercisesScreen)
    return screen


def test_an_edit_is_refused_at_its_field_then_saved_and_undone(qtbot: QtBot, db_path: Path, open_window) -> None:
    _, twin = seeded(db_path)
    window: MainWindow = open_window(db_path)
    screen = exercises_tab(qtbot, window)
    assert "1 exercise without muscles" in screen.bare_note.text()
    screen.shown.setCurrentIndex(1)  # the list of those without muscles
    assert screen.list.topLevelItemCount() == 1
    click(qtbot, screen.list.viewport(), screen.list.visualItemRect(screen.list.topLevelItem(0)).center())
    assert screen.page.title.text() == "Bench press flat zz"

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, ExerciseDialog)
        click(qtbot, dialog.name)
        press(qtbot, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "Back Squat")  # another exercise's name
        press(qtbot, Key.Key_Tab)
        assert dialog.errors["name"].isVisible() and "already has this name" in dialog.errors["name"].text()
        save = [b for b in dialog.findChildren(type(dialog.merge_button)) if b.text() == "Save"][0]
        click(qtbot, save)  # refused: the dialog stays open, the cursor back in the name
        assert dialog.isVisible() and QApplication.focusWidget() is dialog.name
        press(qtbot, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, "Floor press zz")
        press(qtbot, Key.Key_Tab)
        assert not dialog.errors["name"].isVisible()
        chest = dialog.primary.item(0)
        rect = dialog.primary.visualItemRect(chest)
        click(qtbot, dialog.primary.viewport(), rect.center())
        press(qtbot, Key.Key_Space)
        assert dialog.primary.ticked() == ("chest",)
        screenshots(dialog, "exercise-edit")

    with answering(qtbot, "Save", fill):
        click(qtbot, screen.page.edit)
    stored = exercises.get_exercise(twin)  # read through the window's own connection
    assert (stored.name, stored.primary, stored.aliases) == ("Floor press zz", ("chest",), ("Bench press flat zz",))
    assert screen.page.title.text() == "Floor press zz"
    assert not screen.bare_note.isVisible()
    window.service.undo_stack.undo()
    assert screen.page.title.text() == "Bench press flat zz"


def test_a_merge_moves_every_set_in_one_undo_step(qtbot: QtBot, db_path: Path, open_window) -> None:
    bench, twin = seeded(db_path)
    window: MainWindow = open_window(db_path)
    screen = exercises_tab(qtbot, window)
    window.open_exercise(twin)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, MergeDialog)
        click(qtbot, dialog.choice)
        type_text(qtbot, "BB Bench")  # an alias of Bench Press, as another app names it
        if QApplication.activePopupWidget() is not None:
            press(qtbot, Key.Key_Escape)

    with answering(qtbot, "Merge", fill):
        click(qtbot, screen.page.merge)
    assert screen.page.title.text() == "Bench Press"
    assert screen.page.tabs.tabText(2) == "History (2 sessions)"
    assert [s.load_kg for s in lifted_sets(bench)] == [100, 105]
    assert exercises.exercise_or_none(twin) is None
    assert window.service.undo_stack.undoText() == "Merge “Bench press flat zz” into “Bench Press”"
    window.service.undo_stack.undo()
    assert [s.load_kg for s in lifted_sets(twin)] == [105]
    assert [s.load_kg for s in lifted_sets(bench)] == [100]


def test_the_reviews_insights_name_an_import_exercise_without_muscles(qtbot: QtBot, db_path: Path, open_window) -> None:
    seeded(db_path)
    window: MainWindow = open_window(db_path)
    review = window.review
    window.tabs.setCurrentWidget(review)
    review.data.load(background=False)

    def shown() -> str:
        return "\n".join(f"{card.item.headline}\n{card.item.detail}" for card in review.insights.cards)

    qtbot.waitUntil(lambda: "1 exercise counts in no muscle's volume" in shown(), timeout=5000)
    assert "Bench press flat zz" in shown()
