# SPDX-License-Identifier: MIT
"""The watched folder: real files written into a folder are imported (only new sessions), said in a notice with Undo
that leaves the window free; a bad file is reported once per version and never imported in part; nothing is
imported while a modal dialog is open; what arrived while Journal was closed is imported at start."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from journal import settings
from journal.storage.queries import list_sessions
from journal.ui.dialogs.preferences import PreferencesDialog
from journal.ui.main_window import MainWindow
from tests.ui.helpers import Key, answering, click, click_button, focused, pick_menu, press, screenshots, type_text

STRONG = """Date,Workout Name,Duration (sec),Exercise Name,Set Order,Weight (kg),Reps,RPE
2026-11-02 18:00:00,Push A,3600,Bench Press (Barbell),W,60,8,
2026-11-02 18:00:00,Push A,3600,Bench Press (Barbell),1,100,5,8
2026-11-05 07:30:00,Legs,4200,Squat (Barbell),1,140,3,7.5
"""
LATER = STRONG + "2026-11-09 18:00:00,Push B,3600,Bench Press (Barbell),1,102.5,5,8\n"
BAD = STRONG + "2026-11-09 18:00:00,Push B,3600,Bench Press (Barbell),1,heavy,5,8\n"


def _titles() -> list[str]:
    return sorted(s.title for s in list_sessions())


def _watch(folder: Path) -> None:
    settings.put(settings.WATCH_FOLDER, str(folder))


def _watched(tmp_path: Path) -> Path:
    """A new folder, chosen as the one to watch."""
    folder = tmp_path / "synced"
    folder.mkdir()
    _watch(folder)
    return folder


def test_a_new_export_is_imported_with_a_notice_and_undo(
    qtbot: QtBot, db_path: Path, open_window, tmp_path: Path
) -> None:
    folder = _watched(tmp_path)
    window: MainWindow = open_window(db_path)
    (folder / "strong.csv").write_text(STRONG, encoding="utf-8")
    qtbot.waitUntil(lambda: _titles() == ["Legs", "Push A"], timeout=10000)
    qtbot.waitUntil(window.notice.isVisible, timeout=5000)
    assert window.notice.text.text() == "Imported strong.csv from the watched folder: 2 new sessions, 3 sets."
    assert QApplication.activeModalWidget() is None  # the window stays free
    screenshots(window, "watched-folder-notice")

    (folder / "strong.csv").write_text(LATER, encoding="utf-8")  # the phone exports again: one session more
    qtbot.waitUntil(lambda: _titles() == ["Legs", "Push A", "Push B"], timeout=10000)
    qtbot.waitUntil(lambda: "1 new session, 1 set." in window.notice.text.text(), timeout=5000)
    click(qtbot, window.notice.undo_button)
    assert _titles() == ["Legs", "Push A"]  # exactly what that import added
    assert not window.notice.undo_button.isEnabled()


def test_a_bad_file_is_reported_once_and_imported_once_mended(
    qtbot: QtBot, db_path: Path, open_window, tmp_path: Path
) -> None:
    folder = _watched(tmp_path)
    window: MainWindow = open_window(db_path)
    reports: list[str] = []
    window.watcher.refused.connect(lambda name, why: reports.append(f"{name}: {why}"))
    bad = folder / "strong.csv"
    bad.write_text(BAD, encoding="utf-8")
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=10000)
    assert reports == ["strong.csv: line 5: weight 'heavy' is not a number"]
    assert _titles() == []  # never in part
    assert window.notice.text.text().startswith("strong.csv in the watched folder could not be imported: line 5")
    assert not window.notice.undo_button.isVisible()
    screenshots(window, "watched-folder-bad-file")
    bad.write_text(BAD, encoding="utf-8")  # the same version written again: not reported again
    (folder / "empty.csv").write_text("", encoding="utf-8")  # a file just created: not read yet
    (folder / "notes.txt").write_text("Shopping list\n", encoding="utf-8")  # a text that is no workout: one report
    qtbot.waitUntil(lambda: len(reports) == 2, timeout=10000)
    qtbot.waitUntil(window.watcher.idle, timeout=10000)
    assert len(reports) == 2 and reports[1].startswith("notes.txt: line 1")
    bad.write_text(LATER, encoding="utf-8")  # mended
    qtbot.waitUntil(lambda: _titles() == ["Legs", "Push A", "Push B"], timeout=10000)
    assert len(reports) == 2


def test_nothing_is_imported_while_a_modal_dialog_is_open(
    qtbot: QtBot, db_path: Path, open_window, tmp_path: Path
) -> None:
    folder = _watched(tmp_path)
    window: MainWindow = open_window(db_path)
    box = QMessageBox(QMessageBox.Icon.Information, "Busy", "A dialog", QMessageBox.StandardButton.Ok, window)
    box.open()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is box, timeout=5000)
    (folder / "strong.csv").write_text(STRONG, encoding="utf-8")
    qtbot.waitUntil(lambda: window.watcher.deferred >= 2, timeout=10000)  # the change seen, the scan put off
    assert _titles() == []
    click(qtbot, box.button(QMessageBox.StandardButton.Ok))
    qtbot.waitUntil(lambda: _titles() == ["Legs", "Push A"], timeout=10000)


def test_what_arrived_while_closed_is_imported_at_start_and_once(
    qtbot: QtBot, db_path: Path, open_window, tmp_path: Path
) -> None:
    folder = tmp_path / "synced"
    folder.mkdir()
    (folder / "strong.csv").write_text(STRONG, encoding="utf-8")
    _watch(folder)
    window: MainWindow = open_window(db_path)
    qtbot.waitUntil(lambda: _titles() == ["Legs", "Push A"], timeout=10000)
    qtbot.waitUntil(window.notice.isVisible, timeout=5000)  # said once written


def test_the_folder_is_chosen_in_preferences(qtbot: QtBot, db_path: Path, open_window, tmp_path: Path) -> None:
    folder = tmp_path / "synced"
    folder.mkdir()
    (folder / "strong.csv").write_text(STRONG, encoding="utf-8")
    window: MainWindow = open_window(db_path)

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, PreferencesDialog)
        field = dialog.findChild(QLineEdit, "watchFolder")
        assert field is not None
        click(qtbot, field)
        type_text(qtbot, str(tmp_path / "nowhere"))
        click_button(qtbot, "OK", dialog)  # a path that is no folder: refused at the field, the dialog stays
        assert dialog.isVisible() and dialog.watch_error.isVisible()
        assert dialog.watch_error.text().endswith("is not a folder: choose one, or leave the field empty")
        screenshots(dialog, "preferences-watch-folder-refused")
        click(qtbot, field)
        press(qtbot, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, str(folder))
        assert focused() is field

    with answering(qtbot, "OK", fill):
        pick_menu(qtbot, window, "File", "Preferences")
    assert window.service.preferences.watch_folder == str(folder)
    qtbot.waitUntil(lambda: _titles() == ["Legs", "Push A"], timeout=10000)


def test_a_bodyweight_file_adds_its_weights_with_a_notice_and_undo(
    qtbot: QtBot, db_path: Path, open_window, tmp_path: Path
) -> None:
    from journal.storage.bodyweight import weighings

    folder = _watched(tmp_path)
    window: MainWindow = open_window(db_path)
    hevy = Path(__file__).parents[2] / "fixtures" / "body" / "hevy-measurements.csv"
    (folder / "measurements.csv").write_text(hevy.read_text(encoding="utf-8"), encoding="utf-8")
    qtbot.waitUntil(lambda: len(weighings()) == 3, timeout=10000)
    qtbot.waitUntil(window.notice.isVisible, timeout=5000)
    assert window.notice.text.text() == "Imported measurements.csv from the watched folder: 3 bodyweights."
    assert _titles() == []
    click(qtbot, window.notice.undo_button)
    assert weighings() == []
