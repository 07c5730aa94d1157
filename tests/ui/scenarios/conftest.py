# SPDX-License-Identifier: MIT
"""What every walk through a flow needs: the colours it changed put back, and the steps a person takes in a dialog."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog, QLineEdit, QStyleFactory, QWidget
from pytestqt.qtbot import QtBot

from tests.ui.helpers import Key, click, press, type_text


@pytest.fixture(autouse=True)
def colours_put_back(qapp: QApplication) -> Iterator[None]:
    """A theme chosen in Preferences is the whole application's: the next test starts with the colours it had."""
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    yield
    restored = QStyleFactory.create(style)
    if restored is not None:
        qapp.setStyle(restored)
    qapp.setPalette(palette)


def choose(qtbot: QtBot, combo: QComboBox, text: str) -> None:
    """Open the list with a click and click the item reading text."""
    click(qtbot, combo)
    view = combo.view()
    qtbot.waitUntil(view.isVisible, timeout=3000)
    qtbot.wait(QApplication.doubleClickInterval() + 50)  # a release this soon after the opening click is ignored
    row = combo.findText(text)
    assert row >= 0, f"no {text!r} in {[combo.itemText(i) for i in range(combo.count())]}"
    rect = view.visualRect(combo.model().index(row, 0))
    qtbot.mouseMove(view.viewport(), rect.center())
    click(qtbot, view.viewport(), rect.center())
    qtbot.waitUntil(lambda: not view.isVisible(), timeout=3000)
    assert combo.currentText() == text


def type_file_name(qtbot: QtBot, path: Path) -> Callable[[QWidget], None]:
    """fill() for a file dialog: the whole path typed over what its name field holds."""

    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, QFileDialog), f"{dialog!r} is not a file dialog"
        field = QApplication.focusWidget()
        assert isinstance(field, QLineEdit) and dialog.isAncestorOf(field), "the name field has no focus"
        press(qtbot, Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        type_text(qtbot, str(path))
        if QApplication.activePopupWidget() is not None:  # the folder suggestions under the field
            press(qtbot, Key.Key_Escape)
        assert field.text() == str(path)

    return fill
