# SPDX-License-Identifier: MIT
"""Typing as a person does: keys go to whichever widget has the keyboard focus."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

SHOTS = Path(__file__).resolve().parents[2] / "screenshots"
KEYSTROKES = [0]  # every key typed through these helpers, for tests that count the lifter's effort


def focused() -> QWidget:
    widget = QApplication.focusWidget()
    assert widget is not None, "nothing has the keyboard focus"
    return widget


def type_text(qtbot: QtBot, text: str) -> None:
    QApplication.processEvents()  # a focus change asked for just before takes effect
    for char in text:
        qtbot.keyClick(focused(), char)
        KEYSTROKES[0] += 1
        QApplication.processEvents()  # an editor opened by the first key takes the focus


def press(qtbot: QtBot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(focused(), key, modifier)
    KEYSTROKES[0] += 1
    QApplication.processEvents()  # the delegate commits an edit on Enter through a queued call


def shoot(widget: QWidget, name: str) -> Path:
    """Save a screenshot under screenshots/ (looked at by hand; not compared)."""
    SHOTS.mkdir(exist_ok=True)
    path = SHOTS / f"{name}.png"
    QApplication.processEvents()
    assert widget.grab().save(str(path))
    return path
