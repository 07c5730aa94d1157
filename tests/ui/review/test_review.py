# SPDX-License-Identifier: MIT
"""The review screen: plotted values read back from the plot items against figures worked out by hand, clicks
that open sessions, edits that update the charts without reading all history again, exports, empty states."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
import pytest

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Session, SetRecord, SetType
from journal.domain.units import KG_PER_LB, Unit
from journal.review import data as review_data
from journal.review.figures import Scope
from journal.settings import Preferences
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.ui.main_window import MainWindow
from journal.ui.review import review_screen
from tests.ui.helpers import shoot

MONDAY = date.today() - timedelta(days=date.today().weekday() + 14)  # two weeks back, a Monday


def at(days: int, hour: int = 18) -> datetime:
    return datetime.combine(MONDAY + timedelta(days=days), datetime.min.time()).replace(hour=hour)


def journal_with_two_weeks(path: Path) -> dict[str, int]:
    """Week 1: bench 2 sets (one warm-up), squat to failure; week 2: bench 3 sets, one rated in RPE."""
    open_database(path)
    bench, squat = exercises.find_exercise("Bench Press"), exercises.find_exercise("Back Squat")
    assert bench and squat
    first, _ = repo.add_session(
        Session(
            start=at(0),
            title="A",
            entries=(
                Entry(
                    exercise=bench,
                    sets=(
                        SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
                        SetRecord(load_kg=100, reps=5, rir=2, effort_scale=EffortScale.RIR),
                    ),
                ),
                Entry(exercise=squat, sets=(SetRecord(load_kg=140, reps=3, rir=1, failure_reps=5),)),
            ),
        )
    )
    second, _ = repo.add_session(
        Session(
            start=at(8),
            title="B",
            entries=(
                Entry(
                    exercise=bench,
                    sets=(
                        SetRecord(load_kg=102.5, reps=5, rir=1),
                        SetRecord(load_kg=102.5, reps=5, rir=2.0, effort_scale=EffortScale.RPE),
                        SetRecord(load_kg=80, reps=10, rir=None),
                    ),
                ),
            ),
        )
    )
    close_database()
    return {"first": first.id, "second": second.id, "bench": bench.id, "squat": squat.id}


@pytest.fixture
def review(qtbot: QtBot, db_path: Path, open_window) -> tuple[MainWindow, dict[str, int]]:
    ids = journal_with_two_weeks(db_path)
    window: MainWindow = open_window(db_path)
    window.tabs.setCurrentWidget(window.review)
    qtbot.waitUntil(lambda: window.review.data.snapshot is not None, timeout=20000)
    window.review.range.setCurrentText("4 weeks")
    return window, ids


def heights(item: object) -> list[float]:
    return [float(v) for v in item.opts["height"]]  # type: ignore[attr-defined]


def nonzero(values: list[float]) -> list[float]:
    return [v for v in values if v]


def test_volume_bars_are_the_weekly_figures(review: tuple[MainWindow, dict[str, int]]) -> None:
    window, _ = review
    chart = window.review.volume
    # week 1: bench 100 x 5 (the warm-up counts nothing) + squat 140 x 3 = 920 kg; 2 working sets, both hard
    # week 2: 102.5 x 5 x 2 + 80 x 10 = 1825 kg; 3 working sets, 2 hard (RIR 1, RPE 8 = RIR 2), 1 not rated
    assert nonzero(heights(chart.tonnage_bars)) == pytest.approx([920, 1825])
    assert nonzero(heights(chart.working_bars)) == [2, 3]
    assert nonzero(heights(chart.hard_bars)) == [2, 2]
    shoot(window, "review-volume-light")
    window.service.set_preferences(Preferences(**{**window.service.preferences.__dict__, "units": Unit.LB}))
    assert nonzero(heights(chart.tonnage_bars)) == pytest.approx([920 / KG_PER_LB, 1825 / KG_PER_LB])
    assert chart.top.getAxis("left").labelText == "Tonnage (lb)"


def test_muscle_filter_counts_fractional_sets(review: tuple[MainWindow, dict[str, int]]) -> None:
    window, _ = review
    screen = window.review
    screen.filter.setCurrentIndex(screen.filter.findData("muscle:triceps"))
    # bench lists triceps as secondary: 0.5 a hard set; week 1 one hard bench set, week 2 two
    assert nonzero(heights(screen.volume.hard_bars)) == [0.5, 1.0]


def test_proximity_points_and_shares(review: tuple[MainWindow, dict[str, int]]) -> None:
    window, _ = review
    screen = window.review
    screen.tabs.setCurrentWidget(screen.proximity)
    working = screen.proximity.scatter[SetType.WORKING]
    x, y = working.getData()
    assert len(x) == 4  # five working sets, one not rated; warm-ups are not drawn
    assert sorted(np.round(y)) == [1, 1, 2, 2]
    bottoms = [heights(bar) for bar in screen.proximity.stack]  # bins 0, 1, 2, 3, 4+, not rated
    week2 = [column[-2] if len(column) > 1 else 0 for column in bottoms]
    # week 2: RIR 1, RPE 8 (= RIR 2) and one not rated: a third each
    assert week2 == pytest.approx([0, 1 / 3, 1 / 3, 0, 0, 1 / 3])
    shoot(window, "review-proximity-light")


def test_strength_and_calibration_series(review: tuple[MainWindow, dict[str, int]]) -> None:
    window, ids = review
    screen = window.review
    screen.tabs.setCurrentIndex(2)
    names = [one.name for one in screen.strength.series]
    assert "Bench Press" in names
    bench = screen.strength.series[names.index("Bench Press")]
    # week 1: 100 x 5 @ RIR 2 -> 100 (1 + 0.0392 x 6); week 2 best: 102.5 x 5 @ RPE 8 (RIR 2) -> 102.5 x 1.2352
    # (over 102.5 x 5 @ RIR 1 -> x 1.196, and 80 x 10 not rated -> 80 x 1.3528 = 108.2)
    assert list(bench.e1rm) == pytest.approx([100 * 1.2352, 102.5 * 1.2352])
    # the list to tick exercises in shows them (the view heard of the rows), Bench Press ticked
    listed = screen.strength_list
    model = listed.model()
    shown = [model.index(row, 0) for row in range(model.rowCount())]
    assert shown and all(listed.visualRect(index).isValid() for index in shown)
    bench_row = next(i for i in shown if i.data() == "Bench Press")
    assert listed.indexAt(listed.visualRect(bench_row).center()) == bench_row
    assert bench_row.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked.value
    screen.tabs.setCurrentIndex(3)
    x, y = screen.calibration.points.getData()
    # squat: reported RIR 1, 3 reps, 5 reached -> actual 2 (jittered by at most 0.12)
    assert len(x) == 1 and abs(x[0] - 1) < 0.13 and abs(y[0] - 2) < 0.13
    shoot(window, "review-calibration-light")


def test_clicking_a_point_opens_its_session(qtbot: QtBot, review: tuple[MainWindow, dict[str, int]]) -> None:
    window, ids = review
    screen = window.review
    screen.tabs.setCurrentIndex(3)
    qtbot.wait(50)
    chart = screen.calibration
    x, y = chart.points.getData()
    scene_point = chart.scatter_plot.vb.mapViewToScene(pg_point(x[0], y[0]))
    view_point = chart.mapFromScene(scene_point)
    qtbot.mouseClick(chart.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(int(view_point.x()), int(view_point.y())))
    qtbot.waitUntil(lambda: window.tabs.currentWidget() is window.pages)
    assert window.sessions.selected_id() == ids["first"]


def pg_point(x: float, y: float) -> object:
    from PySide6.QtCore import QPointF

    return QPointF(float(x), float(y))


def test_an_edit_updates_the_charts_without_reading_all_history(
    review: tuple[MainWindow, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, ids = review
    reads: list[object] = []
    monkeypatch.setattr(review_data, "read_all", lambda prefs: reads.append(prefs))
    session = repo.get_session(ids["second"])
    record = session.entries[0].sets[2]
    from journal.ui import undo

    window.service.push(undo.EditSet(window.service, record, record.replace(load_kg=90.0, rir=0.0)))
    # week 2 tonnage: 1825 - 800 + 900 = 1925 kg; the set is now rated and hard
    assert nonzero(heights(window.review.volume.tonnage_bars)) == pytest.approx([920, 1925])
    assert nonzero(heights(window.review.volume.hard_bars)) == [2, 3]
    assert reads == []


def test_insights_are_worked_out_once_for_the_same_data_and_scope(
    review: tuple[MainWindow, dict[str, int]], monkeypatch: pytest.MonkeyPatch
) -> None:
    window, ids = review
    screen = window.review
    scopes: list[Scope] = []
    real = review_screen.review_insights
    monkeypatch.setattr(review_screen, "review_insights", lambda *args: scopes.append(args[1]) or real(*args))
    for index in (1, 2, 3, 0):  # another chart: the same insights
        screen.tabs.setCurrentIndex(index)
    screen.redraw()
    assert scopes == []
    screen.range.setCurrentText("All")  # another range: worked out again
    assert len(scopes) == 1 and scopes[0].since is None
    session = repo.get_session(ids["second"])
    record = session.entries[0].sets[0]
    from journal.ui import undo

    panel = screen.insights
    assert not any("Failure before the last set" in text for text in panel.headlines())
    # bench's first set of week 2 at RIR 0, before its last set: new data, worked out again
    window.service.push(undo.EditSet(window.service, record, record.replace(rir=0.0)))
    assert len(scopes) == 2
    assert any("Failure before the last set" in text for text in panel.headlines())


def test_empty_range_says_so_and_exports(
    review: tuple[MainWindow, dict[str, int]], tmp_path: Path, qtbot: QtBot
) -> None:
    window, _ = review
    screen = window.review
    screen.range.setCurrentText("Custom")
    screen.since.setDate(date(2001, 1, 1))
    screen.until.setDate(date(2001, 3, 1))
    for index, message in ((0, "No working sets in this range"), (1, "No sets with RIR in this range")):
        screen.tabs.setCurrentIndex(index)
        chart = screen.current_chart()
        assert message in [item.textItem.toPlainText() for item in chart._messages.values() if item.isVisible()]
    shoot(window, "review-empty-light")
    screen.range.setCurrentText("4 weeks")
    screen.tabs.setCurrentIndex(0)
    for kind in ("png", "svg", "csv"):
        screen.export(kind, tmp_path / f"volume.{kind}")
    assert (tmp_path / "volume.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert b"<svg" in (tmp_path / "volume.svg").read_bytes()
    rows = (tmp_path / "volume.csv").read_text().splitlines()
    assert rows[0] == "week,tonnage_kg,working_sets,hard_sets,hard_sets_with_estimates"
    assert any(",920.0,2.0,2.0," in row for row in rows[1:])


def test_insights_explain_and_open_their_sessions(review: tuple[MainWindow, dict[str, int]]) -> None:
    window, _ = review
    panel = window.review.insights
    assert panel.cards or panel.empty.isVisible(), "the panel is never empty"
    for card in panel.cards:
        assert "Source: " in card.toolTip()


def test_a_chart_command_reads_only_what_its_chart_draws(db_path: Path) -> None:
    """read_all with a chart's parts gives those parts exactly as the whole read does, and the others empty."""
    import dataclasses

    def size(value: object) -> int:
        if isinstance(value, Mapping):
            return len(value)
        return len(getattr(value, dataclasses.fields(value)[0].name))  # type: ignore[arg-type]

    def same(a: object, b: object) -> bool:
        if isinstance(a, Mapping):
            return a == b
        return all(
            np.array_equal(getattr(a, f.name), getattr(b, f.name), equal_nan=True) for f in dataclasses.fields(a)
        )  # type: ignore[arg-type]

    journal_with_two_weeks(db_path)
    open_database(db_path)
    try:
        prefs = Preferences(
            units=Unit.KG, effort_scale=EffortScale.RIR, hard_set_rir=3.0, e1rm_formula=next(iter(E1rmFormula))
        )
        whole = review_data.read_all(prefs)
        # the two weeks hold no timed or distance set (tests/ui/review/test_conditioning.py reads some)
        assert all(size(getattr(whole, part)) for part in review_data.PARTS - {"conditioning"})
        assert set().union(*review_data.CHART_PARTS.values()) == review_data.PARTS - {"weeks"}
        for parts in review_data.CHART_PARTS.values():
            some = review_data.read_all(prefs, parts)
            assert some.exercises == whole.exercises
            for part in review_data.PARTS:
                if part in parts:
                    assert same(getattr(some, part), getattr(whole, part)), part
                else:
                    assert size(getattr(some, part)) == 0, part
    finally:
        close_database()


def test_an_edit_that_adds_no_row_is_written_in_place_as_the_whole_sort_gives(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """updated() after a title and a load changed (rows written in place) and a set added (rows sorted again) gives
    the same data as sorting every row again does."""
    import dataclasses

    def same(a: review_data.Snapshot, b: review_data.Snapshot) -> bool:
        return a.weeks == b.weeks and all(
            np.array_equal(getattr(x, f.name), getattr(y, f.name), equal_nan=getattr(x, f.name).dtype.kind == "f")
            for part in review_data.PARTS - {"weeks"}
            for x, y in [(getattr(a, part), getattr(b, part))]
            for f in dataclasses.fields(x)
        )

    ids = journal_with_two_weeks(db_path)
    open_database(db_path)
    try:
        prefs = Preferences()
        snapshot = review_data.read_all(prefs)
        working = repo.get_session(ids["first"]).entries[0].sets[1]
        entry = repo.set_entry(working.id)
        for write in (
            lambda: repo.update_session(ids["first"], title="Heavy"),
            lambda: repo.update_set(working.id, dataclasses.replace(working, load_kg=95.0, rir=None)),
            lambda: repo.add_set(entry, SetRecord(load_kg=90, reps=3)),
        ):
            write()
            fast = review_data.updated(snapshot, [ids["first"]], prefs)
            with monkeypatch.context() as patch:
                patch.setattr(review_data, "_in_place", lambda *_args: None)
                sorted_again = review_data.updated(snapshot, [ids["first"]], prefs)
            assert same(fast, sorted_again)
            snapshot = fast
        assert snapshot.estimates.load.tolist()[:2] == [95.0, 90.0]
    finally:
        close_database()
