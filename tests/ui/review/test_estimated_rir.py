# SPDX-License-Identifier: MIT
"""Estimated RIR in the review charts: unrated sets drawn apart (hollow grey points, a dashed line, each with its
legend entry), the estimate's accuracy on the rated sets stated beside them, and the preference for what the charts
use, chosen in the Preferences dialog. Figures worked out by hand from tests/ui/review/test_review.py's two weeks."""

from __future__ import annotations

import dataclasses
import threading
from pathlib import Path

import numpy as np
import pytest

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal.domain.estimate import EstimateUse
from journal.review import set_figures as figures
from journal.storage import repository as repo
from journal.ui.main_window import MainWindow
from tests.ui.helpers import answering, pick_menu, shoot
from tests.ui.review.test_review import journal_with_two_weeks
from tests.ui.scenarios.test_preferences import set_in_dialog

K = 0.0392
E1RM = 100 * (1 + 6 * K)  # week 1's bench best: 100 × 5 @ RIR 2, n = 7: 123.52 kg
ESTIMATE = 1 + (E1RM / 80 - 1) / K - 10  # week 2's unrated 80 × 10: 14.88 possible, 10 done: RIR 4.88
RATED = 1 + (E1RM / 102.5 - 1) / K - 5  # week 2's 102.5 × 5 sets are estimated at RIR 1.23 (logged 1 and 2)


@pytest.fixture
def window(qtbot: QtBot, db_path: Path, open_window) -> MainWindow:
    journal_with_two_weeks(db_path)
    shown: MainWindow = open_window(db_path)
    shown.tabs.setCurrentWidget(shown.review)
    qtbot.waitUntil(lambda: shown.review.data.snapshot is not None, timeout=20000)
    shown.review.range.setCurrentText("4 weeks")
    return shown


def legend_names(plot: object) -> list[str]:
    """The names in the chart's keys (rows of their own, above the plots)."""
    chart = plot.scene().views()[0]  # type: ignore[attr-defined]
    return [name for key in chart.keys for name in key.names()]


def test_unrated_sets_are_drawn_apart_with_the_estimates_accuracy(window: MainWindow) -> None:
    screen = window.review
    screen.tabs.setCurrentWidget(screen.proximity)
    chart = screen.proximity
    _, y = chart.estimated.getData()
    assert len(y) == 1 and y[0] == pytest.approx(ESTIMATE, abs=0.19)  # jittered by at most 0.18
    assert chart.estimated.opts["brush"].style() == Qt.BrushStyle.NoBrush  # hollow: never a set type colour
    assert "Estimated RIR, unrated sets (≈)" in legend_names(chart.points_plot)
    assert "Weekly mean RIR with estimates (≈)" in legend_names(chart.points_plot)
    # accuracy on the two rated week-2 sets: |1.23 - 1| and |1.23 - 2|, mean (0.23 + 0.77) / 2 = 0.5
    assert abs(RATED - 1) / 2 + abs(RATED - 2) / 2 == pytest.approx(0.5)
    assert "off by 0.5 reps on average on your 2 rated sets" in chart.estimate_note
    assert chart.estimate_note in chart.points_plot.titleLabel.text
    _, mean = chart.estimated_mean.getData()
    assert mean[-1] == pytest.approx((1 + 2 + ESTIMATE) / 3)  # week 2 with the estimate
    _, logged = chart.mean.getData()
    assert logged[-1] == pytest.approx(1.5)  # the logged mean stays as logged
    shoot(window, "review-estimates-light")

    screen.tabs.setCurrentWidget(screen.volume)
    volume = screen.volume
    _, hard = volume.estimated.getData()
    # RIR 4.88 is not hard (threshold 3): the same as logged; weeks without sets draw no point (nan)
    assert [h for h in hard if h and h == h] == [2, 2]
    assert "Hard sets with estimated RIR (≈)" in legend_names(volume.bottom)
    assert "off by 0.5 reps" in volume.bottom.titleLabel.text


def test_the_preference_chooses_what_the_charts_use(qtbot: QtBot, window: MainWindow) -> None:
    screen = window.review
    assert window.service.preferences.rir_estimates is EstimateUse.APART
    with answering(qtbot, "OK", set_in_dialog(qtbot, rirEstimates="Logged and estimates together")):
        pick_menu(qtbot, window, "File", "Preferences")
    assert window.service.preferences.rir_estimates is EstimateUse.TOGETHER
    screen.tabs.setCurrentWidget(screen.proximity)
    _, mean = screen.proximity.mean.getData()
    assert mean[-1] == pytest.approx((1 + 2 + ESTIMATE) / 3)  # the mean now counts the estimate
    assert len(screen.proximity.estimated.getData()[1]) == 1  # still drawn in its own style
    assert "Weekly mean RIR, with estimates" in legend_names(screen.proximity.points_plot)

    with answering(qtbot, "OK", set_in_dialog(qtbot, rirEstimates="Logged only")):
        pick_menu(qtbot, window, "File", "Preferences")
    assert window.service.preferences.rir_estimates is EstimateUse.LOGGED
    screen.tabs.setCurrentWidget(screen.proximity)
    assert len(screen.proximity.estimated.getData()[1]) == 0
    _, mean = screen.proximity.mean.getData()
    assert mean[-1] == pytest.approx(1.5)
    assert not np.any(screen.proximity.estimated_mean.getData()[1] or [])


def test_the_reference_e1rm_and_estimates_are_worked_out_once_a_data_read_and_carried_over_an_edit(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    screen = window.review
    made: list[int] = []
    counted = figures.reference_e1rm
    monkeypatch.setattr(figures, "reference_e1rm", lambda *args: made.append(1) or counted(*args))
    estimated = figures.estimates
    monkeypatch.setattr(figures, "estimates", lambda *args: made.append(2) or estimated(*args))
    for choice in ("12 weeks", "All", "4 weeks"):
        screen.range.setCurrentText(choice)
        for chart in (screen.proximity, screen.volume, screen.strength.parentWidget()):
            screen.tabs.setCurrentWidget(chart)
    assert made == []  # every redraw took the reference and estimates worked out when the data was first drawn

    # week 1's bench set lightened from 100 to 95 kg: the reference of week 2 falls, and the estimate with it
    session = repo.get_session(window.review.data.snapshot.bests.session[0].item())
    working = session.entries[0].sets[1]
    window.service.publish(repo.update_set(working.id, dataclasses.replace(working, load_kg=95.0)))
    assert made == []  # the sets the edit touches were worked out again with the new data, not every set
    screen.tabs.setCurrentWidget(screen.proximity)
    _, y = screen.proximity.estimated.getData()
    assert y[0] == pytest.approx(1 + (95 * E1RM / 100 / 80 - 1) / K - 10, abs=0.19)  # RIR 2.92, was 4.88
    assert made == []


def test_the_per_set_figures_are_worked_out_with_the_data_read_off_the_windows_thread(
    qtbot: QtBot, db_path: Path, open_window
) -> None:
    journal_with_two_weeks(db_path)
    worked: list[str] = []
    real = figures.work_out_set_figures
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(
            figures,
            "work_out_set_figures",
            lambda snapshot: worked.append(threading.current_thread().name) or real(snapshot),
        )
        shown = open_window(db_path)
        shown.tabs.setCurrentIndex(1)
        qtbot.waitUntil(lambda: shown.review.data.snapshot is not None, timeout=20000)
    assert worked and worked[0] != threading.main_thread().name
    assert {"estimates", "heavy", "unrated"} <= set(shown.review.data.snapshot.derived)
