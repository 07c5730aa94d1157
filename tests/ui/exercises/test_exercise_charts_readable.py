# SPDX-License-Identifier: MIT
"""The exercise page's charts read at the smallest window: the RIR chart's "4+" and "not rated" labels stand clear
of each other at 1024 pixels wide."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtGui import QImage, QPainter
from pytestqt.qtbot import QtBot

from journal.ui.main_window import MainWindow
from tests.ui.exercises.test_exercise_page import imported
from tests.ui.helpers import click


def test_the_rir_labels_do_not_crowd_at_1024_wide(
    qtbot: QtBot, db_path: Path, open_window, capsys: pytest.CaptureFixture[str]
) -> None:
    imported(db_path, capsys)
    window: MainWindow = open_window(db_path)
    window.resize(1024, 700)
    qtbot.waitUntil(lambda: window.width() == 1024, timeout=3000)
    window.open_exercise(window.editor.blocks[0].entry.exercise.id)  # type: ignore[arg-type]
    page = window.exercises.page
    bar = page.tabs.tabBar()
    click(qtbot, bar, bar.tabRect(1).center())
    qtbot.wait(50)  # laid out at the window's size
    axis = page.charts.rir.getAxis("bottom")
    image = QImage(10, 10, QImage.Format.Format_ARGB32)
    painter = QPainter(image)
    try:
        _, _, texts = axis.generateDrawSpecs(
            painter
        )  # the labels as the axis draws them (it drops any that do not fit)
    finally:
        painter.end()
    drawn = sorted((rect.left(), rect.right(), text) for rect, _flags, text in texts)
    assert [text for _, _, text in drawn] == ["0", "1", "2", "3", "4+", "not rated"]
    for (_, right_edge, left_name), (left_edge, _, right_name) in zip(drawn, drawn[1:], strict=False):
        assert left_edge - right_edge >= 6, f"{left_name!r} and {right_name!r} crowd: {left_edge - right_edge:.0f} px"


def test_a_record_star_stands_on_its_sessions_point() -> None:
    from datetime import date, datetime

    from journal.domain.exercise_figures import Record, SessionBest
    from journal.domain.units import Unit
    from journal.ui.exercises.charts import ExerciseCharts, seconds

    charts = ExerciseCharts()
    start = datetime(2025, 2, 3, 18, 5)
    charts.set_data(
        [SessionBest(7, start, 110.0, False, 100.0, 3)], [Record(date(2025, 2, 3), 100.0, 3, 7)], [], {}, Unit.KG
    )
    line, stars = charts.best.listDataItems()
    assert list(stars.getData()[0]) == list(line.getData()[0]) == [seconds(start)]
    charts.deleteLater()
