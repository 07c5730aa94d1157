# SPDX-License-Identifier: MIT
"""The Strength chart shows each exercise's heavy sets a week under its e1RM, in its colour (figures by hand from
tests/ui/review/test_review.py's two weeks)."""

from __future__ import annotations

from journal.ui.main_window import MainWindow
from tests.ui.review.test_estimated_rir import window  # the fixture

__all__ = ["window"]


def test_heavy_sets_a_week_under_the_e1rm(window: MainWindow) -> None:
    screen = window.review
    screen.tabs.setCurrentIndex(2)
    chart = screen.strength
    by_name = {one.name: list(one.heavy_sets) for one in chart.series}
    # bench: week 1 100 × 5 @ RIR 2 (5 reps at RIR <= 3): 1; week 2 both 102.5 × 5 (RIR 1, RPE 8): 2, and 80 × 10
    # unrated at 80 / 123.52 = 65 % of e1RM: not heavy. Squat: 140 × 3 @ RIR 1: 1 in week 1.
    assert by_name["Bench Press"] == [1, 2]
    assert by_name["Back Squat"] == [1]
    drawn = sorted([float(v) for v in item.yData] for item in chart._heavy_items)
    assert drawn == [[1.0], [1.0, 2.0]]
    assert chart.heavy_plot.getAxis("left").labelText == "Heavy sets a week"
