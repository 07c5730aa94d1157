# SPDX-License-Identifier: MIT
"""Every screen rendered in light and dark palettes, empty and full; saved under screenshots/ to be looked at."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from journal.demo import generate_history
from journal.domain.records import Entry, Session, SetRecord, SetType
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.bulk import insert_sessions
from journal.storage.database import close_database, open_database
from journal.ui.dialogs.preferences import PreferencesDialog
from journal.ui.main_window import MainWindow
from journal.ui.theme import apply_theme
from tests.ui.helpers import shoot

LONG_NAME = "Single-Arm Half-Kneeling Landmine Press With Pause And Slow Eccentric (Tempo 3-1-1)"


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    apply_theme(qapp, request.param)
    yield request.param
    apply_theme(qapp, "light")


def lightness(window: MainWindow) -> int:
    return window.palette().color(QPalette.ColorRole.Window).lightness()


def test_empty_state(qtbot: QtBot, db_path: Path, open_window, theme: str) -> None:
    window: MainWindow = open_window(db_path)
    assert window.pages.currentWidget() is window.empty
    assert (lightness(window) < 80) == (theme == "dark")
    shoot(window, f"empty-{theme}")


def test_full_session_and_list(qtbot: QtBot, db_path: Path, open_window, theme: str) -> None:
    open_database(db_path)
    insert_sessions(generate_history(1, seed=4, end=date(2026, 11, 20)))
    odd, _ = exercises.create_exercise(LONG_NAME)
    bench = exercises.find_exercise("Bench Press")
    assert bench is not None
    repo.add_session(
        Session(
            start=datetime(2026, 11, 24, 7, 30),
            title="Push — heavy bench, long note test",
            bodyweight_kg=82.4,
            notes="Slept badly. Left shoulder fine.",
            entries=(
                Entry(
                    exercise=bench,
                    sets=(
                        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
                        SetRecord(set_type=SetType.WARMUP, load_kg=90, reps=3),
                        SetRecord(load_kg=115, reps=3, rir=1.5, effort_scale=None),
                        SetRecord(load_kg=115, reps=3, rir=1),
                        SetRecord(
                            load_kg=115,
                            reps=5,
                            rir=0,
                            failure_reps=5,
                            set_type=SetType.FAILURE,
                            note="all out: a very long note that must not push the table wider than the window",
                        ),
                        SetRecord(set_type=SetType.BACKOFF, load_kg=95, reps=8, rir=None),
                    ),
                ),
                Entry(exercise=odd, sets=(SetRecord(load_kg=22.5, reps=12, rir=2),)),
            ),
        )
    )
    close_database()
    window: MainWindow = open_window(db_path)
    assert window.editor.session is not None and window.editor.session.title.startswith("Push")
    assert window.editor.blocks[1].title.text() == LONG_NAME
    assert window.editor.blocks[0].width() <= window.editor.page.viewport().width()
    shoot(window, f"session-{theme}")
    window.sessions.view.scrollToBottom()
    shoot(window.sessions, f"session-list-{theme}")


def test_preferences_dialog(qtbot: QtBot, db_path: Path, open_window, theme: str) -> None:
    window: MainWindow = open_window(db_path)
    dialog = PreferencesDialog(window.service.preferences, window)
    qtbot.addWidget(dialog)
    dialog.show()
    shoot(dialog, f"preferences-{theme}")
    assert dialog.unit.currentText() == "Kilograms (kg)"


def test_sample_data_banner(qtbot: QtBot, db_path: Path, open_window, theme: str) -> None:
    window: MainWindow = open_window(db_path)
    window.explore_sample()
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.splitter, timeout=30000)
    assert window.banner.isVisible()
    assert "sample data" in window.windowTitle()
    shoot(window, f"sample-{theme}")
    window.open_own_journal()
    assert not window.banner.isVisible()
    assert window.pages.currentWidget() is window.empty


def test_review_charts(qtbot: QtBot, db_path: Path, open_window, theme: str) -> None:
    open_database(db_path)
    insert_sessions(generate_history(2, seed=4, end=date.today()))
    close_database()
    window: MainWindow = open_window(db_path)
    window.resize(1400, 860)
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: window.review.data.snapshot is not None, timeout=20000)
    for index in range(window.review.tabs.count()):
        window.review.tabs.setCurrentIndex(index)
        chart = window.review.current_chart()
        assert not any(item.isVisible() for item in chart._messages.values()), "a full chart shows no message"
        shoot(window, f"review-{index}-{theme}")
    window.review.range.setCurrentText("Custom")
    window.review.since.setDate(date(2001, 1, 1))
    window.review.until.setDate(date(2001, 2, 1))
    window.review.tabs.setCurrentIndex(1)
    shoot(window, f"review-empty-{theme}")
