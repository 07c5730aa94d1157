# SPDX-License-Identifier: MIT
"""The exercise search as a person uses it: keys reach the suggestion popup while it is open."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from journal.storage import repository as repo
from journal.ui.main_window import MainWindow

Key = Qt.Key
Mod = Qt.KeyboardModifier


def key_target() -> QWidget:
    """Where a key goes: the open popup, else the focus widget."""
    widget = QApplication.activePopupWidget() or QApplication.focusWidget()
    assert widget is not None, "no widget takes the keys"
    return widget


def keys(qtbot: QtBot, *strokes: str | Key) -> None:
    for stroke in strokes:
        if isinstance(stroke, str):
            for char in stroke:
                qtbot.keyClick(key_target(), char)
                QApplication.processEvents()
        else:
            qtbot.keyClick(key_target(), stroke)
            QApplication.processEvents()


def entry_names(window: MainWindow) -> list[str]:
    session_id = window.sessions.selected_id()
    assert session_id is not None
    return [entry.exercise.name for entry in repo.get_session(session_id).entries]


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, open_window) -> MainWindow:
    shown: MainWindow = open_window(db_path)
    qtbot.keyClick(key_target(), Key.Key_N, Mod.ControlModifier)
    assert QApplication.focusWidget() is shown.editor.picker.field
    return shown


def popup_open(window: MainWindow) -> bool:
    return window.editor.picker.completer.popup().isVisible()


def test_enter_with_the_popup_open_adds_the_best_match_once(qtbot: QtBot, window: MainWindow) -> None:
    keys(qtbot, "bench press")
    if QApplication.platformName() != "offscreen":
        qtbot.waitUntil(lambda: popup_open(window))
    best = window.editor.picker.search("bench press")[0]
    keys(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(entry_names(window)) >= 1)
    QApplication.processEvents()
    assert entry_names(window) == [best]


def test_enter_on_a_highlighted_suggestion_adds_that_one_once(qtbot: QtBot, window: MainWindow) -> None:
    if QApplication.platformName() == "offscreen":
        pytest.skip("offscreen, a completer popup never opens")
    keys(qtbot, "curl")
    qtbot.waitUntil(lambda: popup_open(window))
    third = window.editor.picker.search("curl")[2]
    keys(qtbot, Key.Key_Down, Key.Key_Down, Key.Key_Down, Key.Key_Return)
    qtbot.waitUntil(lambda: len(entry_names(window)) >= 1)
    QApplication.processEvents()
    assert entry_names(window) == [third]


def test_after_undoing_an_added_exercise_the_keys_still_reach_the_search(qtbot: QtBot, window: MainWindow) -> None:
    keys(qtbot, "deadlift", Key.Key_Return)
    qtbot.waitUntil(lambda: len(entry_names(window)) == 1)
    qtbot.keyClick(key_target(), Key.Key_Z, Mod.ControlModifier)
    qtbot.waitUntil(lambda: entry_names(window) == [])
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is window.editor.picker.field
    keys(qtbot, "squat", Key.Key_Return)
    qtbot.waitUntil(lambda: len(entry_names(window)) == 1)
