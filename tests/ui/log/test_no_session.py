# SPDX-License-Identifier: MIT
"""With no session selected the editor shows none, and after a journal switch the edit actions match that journal."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QToolBar
from pytestqt.qtbot import QtBot

from journal.domain.records import Session
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from journal.ui.tasks import wait_for_background
from tests.ui.helpers import click, focused, press, type_text

Key = Qt.Key


def test_a_search_without_a_match_leaves_no_session_on_show(qtbot: QtBot, db_path: Path, open_window) -> None:
    open_database(db_path)
    repo.add_session(Session(start=datetime(2026, 11, 2, 18), title="Push", bodyweight_kg=80, notes="slept well"))
    close_database()
    window: MainWindow = open_window(db_path)
    editor = window.editor
    assert editor.title.text() == "Push" and editor.page.isVisible()
    click(qtbot, window.sessions.search)
    type_text(qtbot, "zzz")
    qtbot.waitUntil(lambda: window.sessions.selected_id() is None)
    assert not editor.page.isVisible() and editor.nothing.isVisible()
    assert (editor.title.text(), editor.bodyweight.text(), editor.notes.toPlainText()) == ("", "", "")
    assert not window.delete_action.isEnabled()
    press(qtbot, Key.Key_Escape)
    for _ in "zzz":
        press(qtbot, Key.Key_Backspace)
    assert focused() is window.sessions.search
    qtbot.waitUntil(lambda: window.sessions.model.rowCount() == 1)  # every session, once the typing pauses
    window.sessions.select(window.sessions.model.rows[0].id)
    assert editor.page.isVisible() and editor.title.text() == "Push"
    assert repo.get_session(window.sessions.model.rows[0].id).title == "Push"


def test_undo_and_redo_are_off_after_switching_to_another_journal(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    press(qtbot, Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_action.isEnabled()
    window.explore_sample()
    qtbot.waitUntil(lambda: window.centralWidget().isEnabled(), timeout=60000)
    wait_for_background()
    assert window.is_sample()
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()
    assert not window.sample_action.isEnabled()
    click(qtbot, window.back)
    assert not window.is_sample()
    assert not window.undo_action.isEnabled() and not window.redo_action.isEnabled()


def test_the_shortcuts_help_names_every_key(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    help_text = window.shortcuts_html()
    for keys in ("Home", "Ctrl+I", "Ctrl+P", "Ctrl+N", "Ctrl+Shift+N", "Ctrl+E", "Ctrl+L", "Alt+T", "Ctrl+D", "F1"):
        assert f"{keys}" in help_text, keys
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            if action.text():
                assert key.toString(QKeySequence.SequenceFormat.NativeText) in help_text, action.text()


def test_the_toolbar_undo_stays_short_and_follows_the_stack(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    assert not window.undo_button.isEnabled()
    press(qtbot, Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert window.undo_button.isEnabled() and window.undo_button.text() == "Undo"
    assert window.undo_button.toolTip() == window.service.undo_stack.undoText() != ""
    toolbar = window.findChild(QToolBar, "mainToolbar")
    click(qtbot, toolbar.widgetForAction(window.undo_button))
    assert window.sessions.model.rows == []
    assert not window.undo_button.isEnabled() and window.redo_button.isEnabled()


def test_while_a_background_write_runs_no_action_can_write(qtbot: QtBot, db_path: Path, open_window) -> None:
    window: MainWindow = open_window(db_path)
    window._busy(True)  # as while sample data is written in the background
    try:
        writers = (
            window.new_action,
            window.new_routine_action,
            window.import_action,
            window.undo_action,
            window.redo_action,
            window.delete_action,
            window.sample_action,
        )
        assert [a.text() for a in writers if a.isEnabled()] == []
    finally:
        window._busy(False)
    assert window.new_action.isEnabled() and window.new_routine_action.isEnabled()
