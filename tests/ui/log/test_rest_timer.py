# SPDX-License-Identifier: MIT
"""The rest timer: off until Preferences turns it on; then each set stored starts a countdown of the routine's rest
(or the preference's) in the status bar, F9 pauses and resumes it, Shift+F9 skips it, and its end beeps when asked
and is told in the status bar when the window is behind another."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QSystemTrayIcon, QWidget
from pytestqt.qtbot import QtBot

from journal import settings
from journal.domain.records import SetRecord
from journal.domain.routines import Routine, RoutineItem
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.routines import save_routine
from journal.ui.main_window import MainWindow
from tests.ui.dialogs.test_preferences import QTBOT, ok, open_preferences
from tests.ui.helpers import press, shoot, type_text, wait_active
from tests.ui.log.test_session_editing import seeded

Key = Qt.Key
Mod = Qt.KeyboardModifier


def store_a_set(qtbot: QtBot, window: MainWindow, session_id: int) -> None:
    """Enter on the row the cursor is on (a planned set, or the + row repeating the set above)."""
    before = len(repo.get_session(session_id).entries[0].sets)
    press(qtbot, Key.Key_Return)
    qtbot.waitUntil(lambda: len(repo.get_session(session_id).entries[0].sets) == before + 1)


def test_off_by_default_a_stored_set_starts_no_rest(qtbot: QtBot, db_path: Path, open_window) -> None:
    session_id = seeded(db_path, (SetRecord(load_kg=100, reps=5),), datetime.now() - timedelta(minutes=5))
    window: MainWindow = open_window(db_path)
    wait_active(qtbot, window)
    window.editor.blocks[0].table.go_to(1)
    store_a_set(qtbot, window, session_id)
    assert not window.rest.isVisible() and not window.rest.running


def test_the_routines_rest_counts_down_pauses_skips_and_ends(
    qtbot: QtBot, db_path: Path, open_window, monkeypatch
) -> None:
    QTBOT.append(qtbot)
    beeps: list[int] = []
    monkeypatch.setattr(QApplication, "beep", staticmethod(lambda: beeps.append(1)))
    open_database(db_path)
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    save_routine(Routine(name="Push", items=(RoutineItem(exercise=bench, sets=4, load_kg=100.0, rest_s=90),)))
    close_database()
    window: MainWindow = open_window(db_path)
    window.rest.timer.setInterval(5)  # a tick of 5 ms stands for a second

    dialog = open_preferences(window)
    dialog.rest_timer.setFocus()
    press(qtbot, Key.Key_Space)
    dialog.rest_sound.setFocus()
    press(qtbot, Key.Key_Space)
    ok(qtbot, dialog)
    assert settings.get(settings.REST_TIMER) is True and settings.get(settings.REST_SOUND) is True

    window.tabs.setCurrentWidget(window.routines)
    qtbot.mouseClick(window.routines.start, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.editor.blocks[0].table.isVisible())
    session_id = window.sessions.selected_id()
    assert session_id is not None
    window.rest.timer.setInterval(60_000)  # held still while the text is read
    store_a_set(qtbot, window, session_id)
    assert window.rest.isVisible()
    assert window.rest.text() == "Rest 1:30 · F9 pauses · Shift+F9 skips"
    shoot(window, "rest-timer")

    press(qtbot, Key.Key_F9)
    assert window.rest.text() == "Rest paused at 1:30 · F9 resumes · Shift+F9 skips"
    window.rest.timer.setInterval(5)
    qtbot.wait(50)
    assert window.rest.left == 90  # paused: nothing counted
    press(qtbot, Key.Key_F9)
    qtbot.waitUntil(lambda: window.rest.left < 80)
    press(qtbot, Key.Key_F9, Mod.ShiftModifier)
    assert window.rest.text() == "Rest skipped" and not window.rest.running
    assert beeps == []  # a rest skipped ends without a sound

    store_a_set(qtbot, window, session_id)
    qtbot.waitUntil(lambda: window.rest.text() == "Rest over: next set of Bench Press", timeout=5000)
    assert beeps == [1]

    other = QWidget()  # another window in front: the end is told where the lifter can see it
    other.setWindowTitle("Other")
    other.show()
    other.activateWindow()
    qtbot.waitUntil(lambda: not window.isActiveWindow())
    window.rest.start(2, "Bench Press")
    qtbot.waitUntil(lambda: not window.rest.running)
    if not QSystemTrayIcon.isSystemTrayAvailable():
        assert window.statusBar().currentMessage() == "Rest over: next set of Bench Press"
    other.close()


def test_without_a_routine_the_preferences_rest_is_counted(qtbot: QtBot, db_path: Path, open_window) -> None:
    QTBOT.append(qtbot)
    session_id = seeded(db_path, (SetRecord(load_kg=100, reps=5),), datetime.now() - timedelta(minutes=5))
    window: MainWindow = open_window(db_path)
    dialog = open_preferences(window)
    dialog.rest_timer.setFocus()
    press(qtbot, Key.Key_Space)
    dialog.rest_s.setFocus()
    dialog.rest_s.selectAll()
    type_text(qtbot, "45")
    ok(qtbot, dialog)
    window.rest.timer.setInterval(60_000)
    window.editor.blocks[0].table.go_to(1)
    store_a_set(qtbot, window, session_id)
    assert window.rest.text().startswith("Rest 0:45 ·")
