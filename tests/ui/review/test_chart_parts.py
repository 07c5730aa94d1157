# SPDX-License-Identifier: MIT
"""`journal chart` reads only the parts of the review data its chart needs (CHART_PARTS): each chart drawn from those
parts shows what the window draws from the whole read."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import pyqtgraph as pg

from journal.charts.base import Chart
from journal.demo import generate_history
from journal.review import figures
from journal.review.data import CHART_PARTS, read_all
from journal.settings import Preferences
from journal.storage.bulk import insert_sessions
from journal.storage.database import close_database, open_database
from journal.storage.exercises import find_exercise


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("parts") / "demo.sqlite"
    open_database(path)
    insert_sessions(generate_history(0.3, 5, dt.date(2026, 6, 30)))
    close_database()
    return path


def drawn(chart: Chart) -> list[Any]:
    """Every item's data in every plot of the chart, and each plot's message."""
    found: list[Any] = []
    for plot in chart.plots:
        for item in plot.items:
            if isinstance(item, pg.PlotDataItem | pg.ScatterPlotItem):
                x, y = item.getData()
                kind = "PlotDataItem" if isinstance(item, pg.PlotDataItem) else "ScatterPlotItem"
                found.append((kind, [] if x is None else list(x), [] if y is None else list(y)))
            elif isinstance(item, pg.BarGraphItem):
                found.append(("bars", list(np.asarray(item.opts["x"])), list(np.asarray(item.opts["height"]))))
        found.append(("message", chart._messages[id(plot)].textItem.toPlainText()))
    return found


@pytest.mark.parametrize("kind", sorted(CHART_PARTS))
@pytest.mark.parametrize("exercise", [None, "Bench Press (Barbell)"])
def test_the_command_draws_what_the_window_draws(
    qapp: object, demo: Path, data_dir: Path, kind: str, exercise: str | None
) -> None:
    open_database(demo)
    try:
        prefs = Preferences.load()
        found = find_exercise(exercise) if exercise else None
        scope = figures.Scope(dt.date(2026, 4, 1), dt.date(2026, 6, 30), found.id if found else None)
        whole = drawn(figures.draw_chart(kind, read_all(prefs), scope, prefs))
        parts = drawn(figures.draw_chart(kind, read_all(prefs, CHART_PARTS[kind]), scope, prefs))
    finally:
        close_database()
    assert parts == whole
    if kind == "e1rm":  # the heavy sets a week, under the e1RM, are drawn
        heavy = [entry for entry in whole if entry[0] == "PlotDataItem" and entry[2] and max(entry[2]) >= 1]
        assert heavy


@pytest.mark.parametrize("kind", sorted(CHART_PARTS))
def test_an_empty_journal_says_the_same_in_both(qapp: object, database: Path, kind: str) -> None:
    prefs = Preferences.load()
    scope = figures.Scope()
    whole = drawn(figures.draw_chart(kind, read_all(prefs), scope, prefs))
    assert drawn(figures.draw_chart(kind, read_all(prefs, CHART_PARTS[kind]), scope, prefs)) == whole


@pytest.mark.parametrize("kind", sorted(CHART_PARTS))
def test_each_chart_hands_back_its_figures_temporaries_once_drawn(
    qapp: object, demo: Path, data_dir: Path, kind: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_database(demo)
    try:
        prefs = Preferences.load()
        snapshot = read_all(prefs)
        released: list[int] = []
        monkeypatch.setattr(figures, "release_free_memory", lambda: released.append(1) or True)
        figures.draw_chart(kind, snapshot, figures.Scope(), prefs)
        assert released == [1]
    finally:
        close_database()
