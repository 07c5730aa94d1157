# SPDX-License-Identifier: MIT
"""The review screen: a date range and an exercise or muscle filter over four charts (volume, proximity to
failure, strength, RIR calibration), an insights panel, and export of each chart and its data.

Signals:
    session_requested(int, int): the lifter clicked a set or an insight; show that session, at that set (0: at
        its start).
    exercise_requested(str): the lifter asked for an exercise's page (a Strength line or key entry double-clicked,
        an insight about one exercise); its name.
"""

from __future__ import annotations

import weakref
from datetime import date, timedelta
from pathlib import Path
from typing import TypeVar

import numpy as np

import shiboken6
from PySide6.QtCore import QDate, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal.charts.base import Chart
from journal.charts.calibration import CalibrationChart
from journal.charts.proximity import ProximityChart
from journal.charts.strength import StrengthChart
from journal.charts.volume import VolumeChart
from journal.domain.records import MUSCLES
from journal.domain.review import Insight
from journal.domain.review.panel import PanelItem, needs, panel_items
from journal.review.data import Snapshot
from journal.review.figures import (
    Scope,
    cached,
    draw_calibration,
    draw_proximity,
    draw_strength,
    draw_volume,
    range_start,
    review_insights,
    strength_exercises,
    week_seconds,
)
from journal.ui.review.insights_panel import InsightsPanel
from journal.ui.review.review_data import ReviewData
from journal.ui.service import JournalService
from journal.ui.tasks import run_in_background

RANGES = ("4 weeks", "12 weeks", "1 year", "All", "Custom")
CHART_TABS: tuple[tuple[type[Chart], str], ...] = (
    (VolumeChart, "Volume"),
    (ProximityChart, "Proximity to failure"),
    (StrengthChart, "Strength"),
    (CalibrationChart, "RIR calibration"),
)
BUILD_PAUSE_MS = 120  # between two charts built once the screen is up
# insights of a journal of more working sets than this (about 0.1 s to work out) are worked out on a worker thread
INSIGHTS_AT_ONCE = 200_000
InsightsKey = tuple[Scope, int, tuple[float, float]]  # the scope, its last week and the muscle range
C = TypeVar("C", bound=Chart)


class ReviewScreen(QWidget):
    session_requested = Signal(int, int)
    exercise_requested = Signal(str)

    def __init__(self, service: JournalService, data: ReviewData | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.data = data if data is not None else ReviewData(service, self)  # the window's, read before it is shown
        self.data.ready.connect(self.redraw)

        self.range = QComboBox()
        self.range.setObjectName("reviewRange")
        self.range.addItems(RANGES)
        self.range.setCurrentText("1 year")
        self.since = QDateEdit()
        self.until = QDateEdit()
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("d MMM yyyy")
            edit.setVisible(False)
            edit.dateChanged.connect(lambda _d: self.redraw())
        self.until.setDate(QDate.currentDate())
        self.since.setDate(QDate.currentDate().addYears(-1))
        self.filter = QComboBox()
        self.filter.setObjectName("reviewFilter")
        self.filter.setMinimumWidth(260)
        self.filter.setMaxVisibleItems(25)
        self.export_png = QPushButton("PNG…")
        self.export_svg = QPushButton("SVG…")
        self.export_csv = QPushButton("Data CSV…")
        self.report_button = QPushButton("Report…")
        self.report_button.setObjectName("printReport")
        self.report_button.setToolTip("A printable report of this range: a table per exercise and the charts")
        self.report_button.clicked.connect(lambda: self.print_report())
        for button, kind in ((self.export_png, "png"), (self.export_svg, "svg"), (self.export_csv, "csv")):
            button.setToolTip(
                f"Save the chart shown as {kind.upper()}"
                if kind != "csv"
                else "Save the figures of the chart shown as CSV"
            )
            button.clicked.connect(lambda _checked=False, k=kind: self.export(k))
        controls = QHBoxLayout()
        controls.addWidget(QLabel("Range"))
        controls.addWidget(self.range)
        controls.addWidget(self.since)
        controls.addWidget(self.until)
        controls.addSpacing(12)
        self.range_note = QLabel()  # says when the review opened on another range than the one chosen
        self.range_note.setObjectName("rangeNote")
        self.range_note.setVisible(False)
        controls.addWidget(self.range_note)
        controls.addSpacing(12)
        controls.addWidget(QLabel("Show"))
        controls.addWidget(self.filter)
        controls.addStretch(1)
        controls.addWidget(QLabel("Export"))
        for button in (self.export_png, self.export_svg, self.export_csv):
            controls.addWidget(button)
        controls.addSpacing(12)
        controls.addWidget(self.report_button)

        self.strength_choice = QStandardItemModel(self)
        self.strength_list = QListView()
        self.strength_list.setObjectName("strengthExercises")
        self.strength_list.setModel(self.strength_choice)
        self.strength_list.setMaximumWidth(230)
        self.strength_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.strength_choice.itemChanged.connect(lambda _item: self.redraw())
        # Each chart is built into its page when first needed: the one shown with the screen, the others one at a
        # time once it is drawn (a chart's plots take 20 to 45 ms to make), or when asked for first.
        self._built: dict[type[Chart], Chart] = {}
        self._pages: dict[type[Chart], QWidget] = {}
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        for chart_kind, title in CHART_TABS:
            page = QWidget()
            if chart_kind is StrengthChart:  # the exercises to tick beside the chart
                page = splitter = QSplitter()
                splitter.addWidget(self.strength_list)
            self._pages[chart_kind] = page  # the others stand in for their chart until it is built
            self.tabs.addTab(page, title)
        self._build_later = QTimer(self)
        self._build_later.setSingleShot(True)
        self._build_later.setInterval(BUILD_PAUSE_MS)
        self._build_later.timeout.connect(self._build_next)

        self.insights = InsightsPanel()
        self.insights.chosen.connect(self._highlight)
        self.insights.opened.connect(self._open_insight)
        self.insights.exercise_opened.connect(self.exercise_requested)
        self.insights_box = insights_box = QWidget()
        insights_layout = QVBoxLayout(insights_box)
        insights_layout.setContentsMargins(0, 0, 0, 0)
        heading = QLabel("Insights")
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        self.insights_scope = QLabel()
        self.insights_scope.setObjectName("insightsScope")
        self.insights_scope.setWordWrap(True)
        self.insights_scope.setEnabled(False)
        insights_layout.addWidget(heading)
        insights_layout.addWidget(self.insights_scope)
        insights_layout.addWidget(self.insights, 1)
        hint = QLabel(
            "Click an item for its details and to mark its sets in the chart; double-click to open the latest."
        )
        hint.setWordWrap(True)
        hint.setEnabled(False)
        insights_layout.addWidget(hint)
        self._chosen: PanelItem | None = None

        body = QSplitter()
        body.addWidget(self.tabs)
        body.addWidget(insights_box)
        body.setStretchFactor(0, 1)
        body.setSizes([900, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(controls)
        layout.addWidget(body, 1)

        self.range.currentTextChanged.connect(self._range_changed)
        self.filter.currentIndexChanged.connect(lambda _i: self.redraw())
        self.tabs.currentChanged.connect(lambda _i: self.redraw(again=False))
        self._filled_for: object = None
        self._filled_from: weakref.ref[Snapshot] | None = None
        self._opened_on_data = False  # the first draw of a journal moves an empty range to where the data is
        self._moving_range = False
        service.file_changed.connect(lambda _path: setattr(self, "_opened_on_data", False))
        # what the insights shown were worked out from: the snapshot (weakly: a replaced one is freed), and the
        # scope, its last week and the muscle range; a redraw with the same keeps them
        self._insights_for: tuple[weakref.ref[Snapshot], tuple[Scope, int, tuple[float, float]]] | None = None
        # what each chart was last drawn from (the snapshot, weakly, and what else it shows), so that a chart's tab
        # shown again over the same data is not drawn again
        self._drawn: dict[int, tuple[weakref.ref[Snapshot], object]] = {}
        self._insights_working = False  # insights being worked out on a worker thread
        self._insights_wanted: object = None  # and those the review shows meanwhile

    # ---- the charts, built when first needed ----
    def _chart(self, kind: type[C]) -> C:
        """The chart of this kind, built into its page now if it was not yet."""
        found = self._built.get(kind)
        if found is None:
            found = kind()
            found.session_clicked.connect(self.session_requested)
            if isinstance(found, StrengthChart):
                found.exercise_opened.connect(self.exercise_requested)
                page = self._pages[kind]
                assert isinstance(page, QSplitter)
                page.addWidget(found)
                page.setStretchFactor(1, 1)
            else:  # the chart is the tab's page, in place of the one that stood in for it
                stand_in, current = self._pages[kind], self.tabs.currentIndex()
                index = self.tabs.indexOf(stand_in)
                self.tabs.blockSignals(True)  # the same tab is shown: nothing to draw for it
                try:
                    self.tabs.removeTab(index)
                    self.tabs.insertTab(index, found, CHART_TABS[index][1])
                    self.tabs.setCurrentIndex(current)
                finally:
                    self.tabs.blockSignals(False)
                stand_in.deleteLater()
                self._pages[kind] = found
            self._built[kind] = found
        assert isinstance(found, kind)
        return found

    def _build_next(self) -> None:
        """Build one chart not built yet, and come back for the next after a pause (the window stays live)."""
        for kind, _title in CHART_TABS:
            if kind not in self._built:
                self._chart(kind)
                break
        if len(self._built) < len(CHART_TABS):
            self._build_later.start()

    @property
    def volume(self) -> VolumeChart:
        return self._chart(VolumeChart)

    @property
    def proximity(self) -> ProximityChart:
        return self._chart(ProximityChart)

    @property
    def strength(self) -> StrengthChart:
        return self._chart(StrengthChart)

    @property
    def calibration(self) -> CalibrationChart:
        return self._chart(CalibrationChart)

    @property
    def charts(self) -> list[Chart]:
        """Every chart, in the order of the tabs (built now if they were not yet)."""
        return [self._chart(kind) for kind, _title in CHART_TABS]

    # ---- state ----
    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        self.current_chart()
        self.data.set_active(True)  # an edit made meanwhile is read, and drawn, here
        self.redraw(again=False)  # whatever else changed while hidden (the unit, the colours, the date)

    def changeEvent(self, event: QEvent) -> None:
        """After a change of light and dark colours, draw again what is drawn in the palette's text colour."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and hasattr(self, "charts"):
            self.redraw()

    def hideEvent(self, event: object) -> None:
        self.data.set_active(False)
        super().hideEvent(event)  # type: ignore[arg-type]

    def _range_changed(self, choice: str) -> None:
        custom = choice == "Custom"
        self.since.setVisible(custom)
        self.until.setVisible(custom)
        if not self._moving_range:
            self.range_note.setVisible(False)
        self.redraw()

    def _open_on_data(self, snapshot: Snapshot) -> None:
        """Once per journal: when the range chosen holds none of its sets, show the year up to the latest session
        instead, and say so."""
        if self._opened_on_data or not len(snapshot.rows.week):
            return
        self._opened_on_data = True
        scope, choice = self.scope(), self.range.currentText()
        first, last = scope.first_week(snapshot), scope.last_week()
        weeks = snapshot.rows.week
        if ((weeks >= (first if first is not None else weeks.min())) & (weeks <= last)).any():
            return
        latest = date.fromordinal(int(weeks.max())) + timedelta(days=6)  # the Sunday of the latest week
        since = max(date.fromordinal(int(weeks.min())), latest - timedelta(days=364))
        self._moving_range = True
        try:
            for edit, day in ((self.since, since), (self.until, latest)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
            self.range.setCurrentText("Custom")
        finally:
            self._moving_range = False
        chosen = "range chosen" if choice == "Custom" else f"last {choice}".replace("last 1 year", "last year")
        self.range_note.setText(f"No sets in the {chosen}: showing the year to your latest session")
        self.range_note.setVisible(True)

    def scope(self) -> Scope:
        choice = self.range.currentText()
        since: date | None
        until: date | None
        if choice == "Custom":
            since, until = self._day(self.since), self._day(self.until)
        else:
            since, until = range_start(choice, date.today()), None
        kind, _, value = str(self.filter.currentData() or "all:").partition(":")
        exercise = int(value) if kind == "exercise" else None
        muscle = value if kind == "muscle" else None
        return Scope(since, until, exercise, muscle)

    @staticmethod
    def _day(edit: QDateEdit) -> date:
        day = edit.date().toPython()
        assert isinstance(day, date)
        return day

    def _fill_choices(self) -> None:
        """The filter's exercises and muscles, and the strength list, from the exercises that have sets."""
        snapshot = self.data.snapshot
        assert snapshot is not None
        if self._filled_from is not None and self._filled_from() is snapshot:
            return  # the same data: the same choices
        self._filled_from = weakref.ref(snapshot)
        key = (tuple(sorted(snapshot.exercises)), tuple(np.unique(snapshot.bests.exercise).tolist()))
        if key == self._filled_for:
            return
        self._filled_for = key
        current = self.filter.currentData()
        self.filter.blockSignals(True)
        self.filter.clear()
        self.filter.addItem("All exercises", "all:")  # item data: "all:", "exercise:<id>" or "muscle:<name>"
        self.filter.insertSeparator(1)
        for exercise in sorted(snapshot.exercises.values(), key=lambda e: e.name.casefold()):
            self.filter.addItem(exercise.name, f"exercise:{exercise.id}")
        self.filter.insertSeparator(self.filter.count())
        used = {m for e in snapshot.exercises.values() for m in e.primary + e.secondary}
        for muscle in MUSCLES:
            if muscle in used:
                self.filter.addItem(f"Muscle: {muscle.replace('_', ' ')}", f"muscle:{muscle}")
        self.filter.setCurrentIndex(max(0, self.filter.findData(current)) if current else 0)
        self.filter.blockSignals(False)

        checked = {
            self.strength_choice.item(r).data()
            for r in range(self.strength_choice.rowCount())
            if self.strength_choice.item(r).checkState() == Qt.CheckState.Checked
        }
        defaults = checked or set(strength_exercises(snapshot))
        self.strength_choice.clear()  # the view hears of it (items come checked: no itemChanged, no redraw)
        with_e1rm = set(snapshot.bests.exercise.tolist())
        for exercise in sorted(snapshot.exercises.values(), key=lambda e: e.name.casefold()):
            if exercise.id not in with_e1rm:
                continue
            item = QStandardItem(exercise.name)
            item.setData(exercise.id)
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked if exercise.id in defaults else Qt.CheckState.Unchecked)
            self.strength_choice.appendRow(item)

    def chosen_strength(self) -> list[int]:
        return [
            self.strength_choice.item(r).data()
            for r in range(self.strength_choice.rowCount())
            if self.strength_choice.item(r).checkState() == Qt.CheckState.Checked
        ]

    # ---- drawing ----
    def redraw(self, again: bool = True) -> None:
        """Draw the chart shown and the insights (hidden charts are drawn when shown); `again` False leaves a
        chart drawn from the same data, scope, preferences and colours as it is (its tab shown again)."""
        snapshot = self.data.snapshot
        if snapshot is None or not self.isVisible():
            return
        self._fill_choices()
        self._open_on_data(snapshot)
        prefs = self.service.preferences
        scope, unit = self.scope(), prefs.units
        index = self.tabs.currentIndex()
        chart = self.current_chart()
        drawn_from = (
            scope,
            scope.last_week(),
            unit,
            prefs.hard_set_rir,
            prefs.rir_estimates,
            tuple(self.chosen_strength()) if isinstance(chart, StrengthChart) else (),
            self.palette().cacheKey(),
        )
        before = self._drawn.get(index)
        if not again and before is not None and before[0]() is snapshot and before[1] == drawn_from:
            self._show_insights(scope)
            return
        self._drawn[index] = (weakref.ref(snapshot), drawn_from)
        if isinstance(chart, VolumeChart):
            draw_volume(chart, snapshot, scope, unit, prefs.hard_set_rir, prefs.rir_estimates)
        elif isinstance(chart, ProximityChart):
            draw_proximity(chart, snapshot, scope, prefs.hard_set_rir, prefs.rir_estimates)
        elif isinstance(chart, StrengthChart):
            chosen = [scope.exercise] if scope.exercise is not None else self.chosen_strength()
            draw_strength(chart, snapshot, scope, chosen, unit)
        else:
            assert isinstance(chart, CalibrationChart)
            draw_calibration(chart, snapshot, scope)
        self._show_insights(scope)
        if len(self._built) < len(CHART_TABS) and not self._build_later.isActive():
            self._build_later.start()  # the other charts, once this one is drawn

    def prepare(self, step: int) -> None:
        """Before the screen is first shown, the data read: its choices (step 0), then the insights of its scope,
        kept with the data (step 1; on a worker thread for a long history, see `working`); so that its first draw,
        when it is shown, only draws."""
        snapshot = self.data.snapshot
        if snapshot is None:
            return
        if step == 0:
            self._fill_choices()
            self._open_on_data(snapshot)
            return
        scope = self.scope()
        key = self._insights_key(scope)
        if len(snapshot.estimates.set_id) <= INSIGHTS_AT_ONCE:
            cached(snapshot, "insights", key, lambda: review_insights(snapshot, scope, key[2]))
        else:  # on a worker thread (the per-set figures every chart's first draw needs came with the data)
            self._show_insights(scope)

    @property
    def working(self) -> bool:
        """Insights are being worked out on a worker thread."""
        return self._insights_working

    def _insights_key(self, scope: Scope) -> InsightsKey:
        prefs = self.service.preferences
        return (scope, scope.last_week(), (prefs.muscle_low, prefs.muscle_high))  # the last week moves on

    def _show_insights(self, scope: Scope) -> None:
        snapshot = self.data.snapshot
        assert snapshot is not None
        key = self._insights_key(scope)
        muscle_range = key[2]
        if self._insights_for is not None and self._insights_for[0]() is snapshot and self._insights_for[1] == key:
            self._highlight(self._chosen)  # the chart drawn again keeps the marks
            return
        # kept with the snapshot for the latest scopes: a range switched back is told at once
        kept = snapshot.derived.get("insights", {})
        if key not in kept and len(snapshot.estimates.set_id) > INSIGHTS_AT_ONCE:
            self._insights_later(snapshot, scope, key)
            return
        found = cached(snapshot, "insights", key, lambda: review_insights(snapshot, scope, muscle_range))
        self._tell_insights(snapshot, key, found)

    def _tell_insights(
        self, snapshot: Snapshot, key: tuple[Scope, int, tuple[float, float]], found: list[Insight]
    ) -> None:
        self._insights_for = (weakref.ref(snapshot), key)
        self.insights_scope.setText(f"For {self._scope_words()}, most important first")
        self.insights.set_items(panel_items(found, key[2]), needs())

    def _insights_later(self, snapshot: Snapshot, scope: Scope, key: InsightsKey) -> None:
        """Work the insights out on a worker thread (a long history's take more than a frame), and tell them when
        they are ready if the review still shows that data and scope; the insights shown meanwhile say they are
        being brought up to date."""
        self._insights_wanted = key
        self.insights_scope.setText(f"Working out the insights for {self._scope_words()}…")
        if self._insights_working:
            return  # the one under way tells what is wanted when it is done
        self._insights_working = True

        def work() -> list[Insight]:
            return cached(snapshot, "insights", key, lambda: review_insights(snapshot, scope, key[2]))

        def done(found: list[Insight]) -> None:
            if not shiboken6.isValid(self):
                return  # the window was closed meanwhile
            self._insights_working = False
            if self.data.snapshot is snapshot and self._insights_wanted == key:
                self._tell_insights(snapshot, key, found)
            elif self.data.snapshot is not None and self.isVisible():
                self._show_insights(self.scope())  # the data or the scope moved on meanwhile

        def failed(error: BaseException) -> None:
            self._insights_working = False
            raise error

        run_in_background(work, done, failed)

    def _scope_words(self) -> str:
        choice = self.range.currentText()
        if choice == "Custom":
            span = f"{self.since.date().toString('d MMM yyyy')} to {self.until.date().toString('d MMM yyyy')}"
        else:
            span = {"All": "all your training"}.get(choice, f"the last {choice}".replace("last 1 year", "last year"))
        shown = self.filter.currentText() if self.filter.currentIndex() > 0 else "all exercises"
        return f"{span}, {shown}"

    def _highlight(self, item: object) -> None:
        """Mark the sets (or sessions, or weeks) behind the chosen item in every chart; None clears the marks."""
        self._chosen = item if isinstance(item, PanelItem) else None
        snapshot = self.data.snapshot
        sets = np.array(self._chosen.set_ids if self._chosen else (), dtype=np.int64)
        sessions = np.array(self._chosen.session_ids if self._chosen else (), dtype=np.int64)
        weeks = (
            week_seconds(np.array(sorted({snapshot.weeks[s] for s in sessions.tolist() if s in snapshot.weeks})))
            if snapshot is not None and sessions.size
            else np.empty(0)
        )
        for chart in self._built.values():  # a chart built later is marked when first drawn
            chart.highlight(sets, sessions, weeks)

    def _open_insight(self, item: object) -> None:
        sessions = item.session_ids if isinstance(item, PanelItem) else ()
        snapshot = self.data.snapshot
        if sessions and snapshot is not None:  # the latest of them: by week, then by id
            self.session_requested.emit(int(max(sessions, key=lambda s: (snapshot.weeks.get(s, 0), s))), 0)

    def report(self) -> object:
        """The period report of the range and filter shown, built with a progress dialog for long ranges."""
        from journal.printing.documents import report_document
        from journal.ui.progress import WorkProgress

        snapshot = self.data.snapshot
        if snapshot is None:
            return None
        progress = WorkProgress(self, "Report", "Drawing the report…")
        try:
            return report_document(snapshot, self.scope(), self.service.preferences, progress)
        finally:
            progress.finish()

    def print_report(self) -> object:
        from journal.ui.dialogs.print_preview import preview

        document = self.report()
        if document is None:
            return None
        return preview(document, self, self.service.preferences, "Training report")

    def current_chart(self) -> Chart:
        return self._chart(CHART_TABS[self.tabs.currentIndex()][0])

    def export(self, kind: str, path: Path | None = None) -> None:
        chart = self.current_chart()
        if path is None:
            name = self.tabs.tabText(self.tabs.currentIndex()).lower().replace(" ", "-")
            chosen, _ = QFileDialog.getSaveFileName(
                self, f"Export {kind.upper()}", f"{name}.{kind}", f"{kind.upper()} (*.{kind})"
            )
            if not chosen:
                return
            path = Path(chosen)
        {"png": chart.export_png, "svg": chart.export_svg, "csv": chart.export_csv}[kind](path)
