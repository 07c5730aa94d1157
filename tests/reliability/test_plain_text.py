# SPDX-License-Identifier: MIT
"""Text from the lifter or a file is shown as it is: an exercise named '<img src=…>' is those characters in every
label and tooltip, never an image the window loads from disk."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from journal.domain.records import Entry, Session, SetRecord
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow


def test_an_exercise_named_like_markup_is_shown_as_text(
    qtbot: QtBot, db_path: Path, tmp_path: Path, open_window
) -> None:
    picture = tmp_path / "tall.png"
    image = QImage(40, 400, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    assert image.save(str(picture))
    name = f"<img src=file://{picture}> Press"
    open_database(db_path)
    exercise, _ = exercises.create_exercise(name)
    session, _ = repo.add_session(
        Session(
            start=datetime(2026, 3, 2, 18),
            title=f"<b>{name}</b>",
            entries=(Entry(exercise=exercise, note=name, sets=(SetRecord(load_kg=50, reps=5, note=name),)),),
        )
    )
    close_database()
    window: MainWindow = open_window(db_path)
    assert session.id is not None
    window.show_session(session.id)
    qtbot.waitUntil(lambda: any(name in label.text() for label in window.findChildren(QLabel)), timeout=5000)
    showing = [label for label in window.findChildren(QLabel) if "<img" in label.text()]
    assert showing, "the name is not shown"
    for label in showing:
        assert label.sizeHint().height() < 200, f"{label.objectName()} drew the picture: {label.text()!r}"
        tip = label.toolTip()
        assert not tip or "<img" not in tip, f"{label.objectName()}'s tooltip is markup: {tip!r}"
