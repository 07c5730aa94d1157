# SPDX-License-Identifier: MIT
"""Building the printed documents from the journal: gym sheets for routines, session sheets, period reports.
Used by the window's print and PDF actions and by `journal print`, `journal sheet` and `journal report`."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta

from PySide6.QtGui import QImage, QPageSize

from journal.charts.base import Chart
from journal.charts.calibration import CalibrationChart
from journal.charts.proximity import ProximityChart
from journal.charts.strength import StrengthChart
from journal.charts.style import on_paper
from journal.charts.volume import VolumeChart
from journal.domain.review import exercise_summaries
from journal.domain.routines import Routine, load_step, suggest
from journal.domain.warmups import warmup_sets
from journal.printing.document import MARGIN_MM, SafeDocument, default_page, page_size
from journal.printing.sheets import PlannedExercise, gym_sheet, report, session_sheet
from journal.review.data import Snapshot
from journal.review.figures import (
    Scope,
    draw_calibration,
    draw_proximity,
    draw_strength,
    draw_volume,
    strength_exercises,
)
from journal.settings import Preferences
from journal.storage.repository import get_session
from journal.storage.review import exercise_totals
from journal.storage.routines import last_sets

PAGE_BREAK = "<div style='page-break-before: always'></div>"


def plan(routine: Routine, prefs: Preferences, before: datetime | None = None) -> list[PlannedExercise]:
    """Each exercise of the routine with the load to suggest, its warm-up sets when it has a ramp, and the sets done
    the last time the routine had it (sets done only: plans count nowhere); the time before decides whether a second
    short session takes a step off."""
    last = last_sets(routine.id, before) if routine.id is not None else {}
    earlier = last_sets(routine.id, before, back=1) if routine.id is not None else {}
    planned = []
    kit = prefs.plate_kit()
    seen: dict[int, int] = {}  # exercise -> how many of its items came before (its occurrence)
    for item in routine.items:
        exercise = item.exercise.id or 0
        key = (exercise, seen.get(exercise, 0))
        seen[exercise] = key[1] + 1
        sets = last.get(key, ())
        step = load_step(item.exercise, prefs.units, prefs.step_kg, prefs.step_lb)
        suggestion = suggest(item, sets, step, prefs.units, earlier.get(key, ()))
        warmups = warmup_sets(item.exercise, suggestion.load_kg, kit, step) if item.warmup else ()
        planned.append(PlannedExercise(item, suggestion, sets, warmups))
    return planned


def gym_sheet_document(routines: Sequence[Routine], prefs: Preferences, day: date | None = None) -> SafeDocument:
    document = SafeDocument()
    document.setHtml(
        PAGE_BREAK.join(
            gym_sheet(r, plan(r, prefs), prefs.units, prefs.effort_scale, day, prefs.plate_kit()) for r in routines
        )
    )
    return document


def session_document(session_ids: Sequence[int], prefs: Preferences) -> SafeDocument:
    """One or several logged sessions, each from a new page."""
    document = SafeDocument()
    document.setHtml(
        PAGE_BREAK.join(
            session_sheet(get_session(i), prefs.units, prefs.effort_scale, prefs.hard_set_rir, prefs.e1rm_formula)
            for i in session_ids
        )
    )
    return document


CHART_PX = (720, 450)  # a chart is laid out at this size for paper (its type stays readable at page width) ...
CHART_SCALE = 2.5  # ... and drawn with twice as many pixels


def chart_image(chart: Chart, size: tuple[int, int] = CHART_PX) -> QImage:
    """A chart drawn off screen at a printable size, black on white."""
    return chart.render_image(size[0], size[1], CHART_SCALE)


def text_width_pt(page: str | None) -> float:
    """The width a printed line has on the page: the paper less its margins and the document's own."""
    width = page_size(page or default_page()).size(QPageSize.Unit.Point).width()
    return width - 2 * MARGIN_MM * 72 / 25.4 - 2 * 4 - 2  # 4 pt: QTextDocument's documentMargin


def report_document(
    snapshot: Snapshot,
    scope: Scope,
    prefs: Preferences,
    progress: Callable[[int, int], None] = lambda done, total: None,
) -> SafeDocument:
    """A period report: the exercise table, then the volume, proximity, strength (the most-trained exercises)
    and calibration charts drawn into the document at the page's width, black on white."""
    document = SafeDocument()
    since = None if scope.since is None else datetime.combine(scope.since, datetime.min.time())
    last = scope.until or date.today()
    until = datetime.combine(last, datetime.min.time()) + timedelta(days=1)
    start = -float("inf") if since is None else since.replace(tzinfo=UTC).timestamp()
    end = until.replace(tzinfo=UTC).timestamp()
    chosen = scope.exercises(snapshot)
    rows = [
        row
        for row in exercise_summaries(exercise_totals(prefs.hard_set_rir, since, until), snapshot.bests, start, end)
        if chosen is None or row.exercise in chosen
    ]
    progress(1, 6)
    charts = []
    with on_paper():
        volume = VolumeChart()
        draw_volume(volume, snapshot, scope, prefs.units, prefs.hard_set_rir, prefs.rir_estimates)
        charts.append((document.add_image("volume", chart_image(volume)), "Weekly volume"))
        progress(2, 6)
        proximity = ProximityChart()
        draw_proximity(proximity, snapshot, scope, prefs.hard_set_rir, prefs.rir_estimates)
        charts.append((document.add_image("proximity", chart_image(proximity)), "Proximity to failure"))
        progress(3, 6)
        strength = StrengthChart()
        shown = [scope.exercise] if scope.exercise is not None else strength_exercises(snapshot)
        draw_strength(strength, snapshot, scope, shown, prefs.units)
        charts.append((document.add_image("strength", chart_image(strength)), "Strength: e1RM and records"))
        progress(4, 6)
        calibration = CalibrationChart()
        draw_calibration(calibration, snapshot, scope)
        charts.append((document.add_image("calibration", chart_image(calibration)), "RIR calibration"))
        progress(5, 6)
    period = f"{scope.since.isoformat() if scope.since else 'The first session'} to {last.isoformat()}"
    names = {i: e.name for i, e in snapshot.exercises.items()}
    document.setHtml(
        report(
            "Training report", period, rows, names, prefs.units, prefs.effort_scale, charts, text_width_pt(prefs.page)
        )
    )
    progress(6, 6)
    return document
