# SPDX-License-Identifier: MIT
"""One exercise's page: rep maxes, records, charts, every past set by session, its notes and its muscles."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from journal.domain.exercise_figures import (
    LiftedSet,
    Record,
    RepMax,
    best_e1rm,
    records_from,
    relative_strength,
    rep_maxes,
    session_bests,
)
from journal.domain.records import Exercise, SetRecord
from journal.domain.units import Unit, format_load, format_set_load
from journal.storage import bodyweight, exercises, history
from journal.storage.changes import Change
from journal.storage.review import rep_max_rows
from journal.ui.exercises.charts import ExerciseCharts
from journal.ui.service import JournalService
from journal.ui.widgets import ElidedLabel, plain_label

PAGE_SESSIONS = 25  # sessions of history read at a time, more as the list is scrolled to its end
SessionRole = Qt.ItemDataRole.UserRole
CHOOSE = "Choose an exercise on the left to see its records, charts and history"


def muscles_line(exercise: Exercise) -> str:
    if not exercise.primary and not exercise.secondary:
        return "No muscles set: its sets count in no muscle's volume until you name them (Edit…)"
    parts = [f"Primary: {', '.join(m.replace('_', ' ') for m in exercise.primary) or '–'}"]
    if exercise.secondary:
        parts.append(f"secondary: {', '.join(m.replace('_', ' ') for m in exercise.secondary)}")
    kind = [exercise.mechanic.value] if exercise.mechanic else []
    if exercise.equipment and exercise.equipment != "other":
        kind.append(exercise.equipment)
    if exercise.bodyweight:
        kind.append("bodyweight")
    return " · ".join(parts + ([", ".join(kind)] if kind else []))


def set_text(record: SetRecord, unit: Unit, bodyweight_exercise: bool) -> tuple[str, str, str, str]:
    """(type, load, reps, effort) of a set as the history shows it."""
    effort = "" if record.rir is None else f"RIR {format_load(record.rir, Unit.KG, 1)}"
    if record.rir_origin is not None:
        effort += f" ({record.rir_origin.label})"
    if record.failure_reps is not None:
        effort += f", {record.failure_reps} to failure"
    return (
        record.set_type.label,
        format_set_load(record.load_kg, unit, bodyweight_exercise),
        "" if record.reps is None else str(record.reps),
        effort,
    )


class ExercisePage(QWidget):
    """Signals:
    session_requested(int): open this session in the log.
    edit_requested(int): edit this exercise in the library.
    merge_requested(int): merge this exercise into another.
    """

    session_requested = Signal(int)
    edit_requested = Signal(int)
    merge_requested = Signal(int)

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self.exercise: Exercise | None = None
        self._loaded = 0
        self._total = 0
        self._stale = False
        self._pending: tuple[list[LiftedSet], list[Record]] | None = None

        self.title = ElidedLabel()
        self.title.setObjectName("exercisePageTitle")
        font = QFont(self.title.font())
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.muscles = plain_label()
        self.muscles.setObjectName("exerciseMuscles")
        self.muscles.setWordWrap(True)
        self.facts = plain_label()
        self.facts.setObjectName("exerciseFacts")
        self.facts.setWordWrap(True)
        self.edit = QPushButton("Edit…")
        self.edit.setToolTip("Name, aliases, muscles, equipment; merge with another exercise")
        self.edit.clicked.connect(lambda: self.exercise and self.edit_requested.emit(self.exercise.id))
        self.merge = QPushButton("Merge into…")
        self.merge.setToolTip("Move every set, plan and name of this exercise to another, and remove this one")
        self.merge.clicked.connect(lambda: self.exercise and self.merge_requested.emit(self.exercise.id))

        self.rep_table = QTableWidget(0, 4)
        self.rep_table.setObjectName("repMaxTable")
        self.records_table = QTableWidget(0, 2)
        self.records_table.setObjectName("recordsTable")
        for table in (self.rep_table, self.records_table):
            table.verticalHeader().hide()
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.setAlternatingRowColors(True)
            table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            table.horizontalHeader().setStretchLastSection(True)
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 8)
            table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            table.cellDoubleClicked.connect(partial(self._open_row, table))
        self.rep_table.setToolTip("The heaviest load lifted for at least this many reps; double-click: its session")
        self.records_table.setToolTip(
            "A record: heavier than any earlier load for at least as many reps; double-click: its session"
        )
        self.charts = ExerciseCharts()
        self.charts.setObjectName("exerciseCharts")

        self.history = QTreeWidget()
        self.history.setObjectName("exerciseHistory")
        self.history.setColumnCount(5)
        self.history.setAlternatingRowColors(True)
        self.history.setUniformRowHeights(True)
        self.history.itemDoubleClicked.connect(self._history_opened)
        self.history.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.more = QPushButton("Show older sessions")
        self.more.clicked.connect(self._load_more)
        self.notes = QTreeWidget()
        self.notes.setObjectName("exerciseNotes")
        self.notes.setColumnCount(2)
        self.notes.setHeaderLabels(["Date", "Note"])
        self.notes.setRootIsDecorated(False)
        self.notes.setWordWrap(True)
        self.notes.itemDoubleClicked.connect(self._history_opened)

        head = QHBoxLayout()
        names = QVBoxLayout()
        names.setSpacing(2)
        names.addWidget(self.title)
        names.addWidget(self.muscles)
        names.addWidget(self.facts)
        head.addLayout(names, 1)
        head.addWidget(self.edit, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.merge, 0, Qt.AlignmentFlag.AlignTop)

        tables = QVBoxLayout()
        tables.addWidget(QLabel("Rep maxes: the heaviest load for at least this many reps"))
        tables.addWidget(self.rep_table, 1)
        footnote = plain_label(
            "e1RM (in italics): an estimate from that set, not a lift; * extrapolated (reps + RIR over 10)"
        )
        footnote.setWordWrap(True)
        footnote.setEnabled(False)
        footnote.setMaximumWidth(320)
        tables.addWidget(footnote)
        records = QVBoxLayout()
        records.addWidget(QLabel("Records: heavier than ever before for that many reps or more"))
        records.addWidget(self.records_table, 1)
        overview = QWidget()
        row = QHBoxLayout(overview)
        row.addLayout(tables, 0)
        row.addLayout(records, 1)
        self.rep_table.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Expanding)
        history_page = QWidget()
        column = QVBoxLayout(history_page)
        column.addWidget(self.history)
        column.addWidget(self.more, 0, Qt.AlignmentFlag.AlignLeft)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("exerciseTabs")
        self.tabs.addTab(overview, "Rep maxes and records")
        self.tabs.addTab(self.charts, "Charts")
        self.tabs.addTab(history_page, "History")
        self.tabs.addTab(self.notes, "Notes")
        self.tabs.currentChanged.connect(self._tab_shown)

        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(head)
        column.addWidget(self.tabs, 1)
        self.empty = plain_label(CHOOSE)  # no exercise chosen: no tables of bare column numbers
        self.empty.setObjectName("exercisePageEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        font = QFont(self.empty.font())
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.empty.setFont(font)
        self.empty.setEnabled(False)
        self.content = content
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(content)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        service.changed.connect(self.on_changed)
        service.preferences_changed.connect(lambda _prefs: self.reload())

    # ---- loading ----
    def show_exercise(self, exercise_id: int | None) -> None:
        self.exercise = None if exercise_id is None else exercises.get_exercise(exercise_id)
        self.reload()

    def reload(self) -> None:
        exercise = self.exercise
        self.edit.setEnabled(exercise is not None)
        self.merge.setEnabled(exercise is not None)
        if exercise is None or exercise.id is None:
            self.title.setText("")
            for label in (self.muscles, self.facts):
                label.setText("")
            self.stack.setCurrentWidget(self.empty)
            return
        self.stack.setCurrentWidget(self.content)
        prefs = self.service.preferences
        unit = prefs.units
        self.title.setText(exercise.name)
        aliases = f" · also known as {', '.join(exercise.aliases)}" if exercise.aliases else ""
        self.muscles.setText(muscles_line(exercise) + aliases)
        sets = history.lifted_sets(exercise.id)
        table = rep_maxes(sets, prefs.e1rm_formula)
        found = records_from(rep_max_rows([exercise.id]), exercise.id)  # as the Strength chart reads them
        self._fill_rep_maxes(table, unit)
        self._fill_records(found, unit)
        self._pending = (sets, found)  # the charts and the history are drawn when their tab is shown
        self._total = history.session_count(exercise.id)
        self.facts.setText(self._facts(sets, unit))
        self.history.clear()
        self.history.setHeaderLabels(["Session / set", f"Load ({unit})", "Reps", "Effort", "Note"])
        self._loaded = -1  # not read yet
        self.tabs.setTabText(2, f"History ({self._total} sessions)")
        self._tab_shown(self.tabs.currentIndex())
        self.notes.clear()
        for day, session, note in history.exercise_notes(exercise.id):
            item = QTreeWidgetItem([f"{day:%a %d %b %Y}", note])
            item.setData(0, SessionRole, session)
            self.notes.addTopLevelItem(item)
        self.tabs.setTabText(3, f"Notes ({self.notes.topLevelItemCount()})")

    def _facts(self, sets: list[LiftedSet], unit: Unit) -> str:
        if self.exercise is not None and self.exercise.bodyweight:
            note = (
                " Loads of this bodyweight exercise are your bodyweight plus what you added: sets of a session "
                "without a bodyweight are left out of its figures."
            )
        else:
            note = ""
        if not sets:
            return ("No sets of it yet." if not self._total else "No set with a load and reps yet.") + note
        return self._best_text(sets, unit) + note

    def _best_text(self, sets: list[LiftedSet], unit: Unit) -> str:
        best = best_e1rm(sets, self.service.preferences.e1rm_formula)
        text = f"{self._total} sessions, {len(sets)} working sets"
        if best is not None:
            kg, extrapolated = best
            text += (
                f" · best e1RM {format_load(kg, unit, 1)} {unit} (estimate{', extrapolated' if extrapolated else ''})"
            )
            last = max(sets, key=lambda s: s.start).start.date()
            near = bodyweight.weight_near(last)
            ratio = relative_strength(kg, near[1] if near else None)
            if ratio is not None and near is not None:
                weighed, weight = near
                text += f" = {ratio:.2f} × bodyweight ({format_load(weight, unit, 1)} {unit} on {weighed:%d %b %Y})"
            else:
                text += " · relative strength: no bodyweight logged near its last session"
        return text

    def _fill_rep_maxes(self, table: list[RepMax], unit: Unit) -> None:
        self.rep_table.setHorizontalHeaderLabels(["Reps", f"Best ({unit})", "Date", f"e1RM ({unit}, est.)"])
        self.rep_table.setRowCount(len(table))
        for row, m in enumerate(table):
            e1rm = "" if m.e1rm_kg is None else format_load(m.e1rm_kg, unit, 1) + ("*" if m.extrapolated else "")
            cells = [
                str(m.reps),
                "–" if m.load_kg is None else format_load(m.load_kg, unit),
                "" if m.day is None else f"{m.day:%d %b %Y}",
                e1rm,
            ]
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(SessionRole, m.session)
                if column != 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if column == 3:
                    item.setToolTip("An estimate from that set (* beyond reps + RIR 10: extrapolated)")
                    font = item.font()
                    font.setItalic(True)
                    item.setFont(font)
                self.rep_table.setItem(row, column, item)
        self.rep_table.resizeColumnsToContents()
        header = self.rep_table.horizontalHeader()
        width = sum(header.sectionSize(c) for c in range(self.rep_table.columnCount()))
        self.rep_table.setFixedWidth(width + 2 * self.rep_table.frameWidth() + 16)

    def _fill_records(self, found: list[Record], unit: Unit) -> None:
        self.records_table.setHorizontalHeaderLabels(["Date", f"Load × reps ({unit})"])
        newest = list(reversed(found))
        self.records_table.setRowCount(len(newest))
        for row, r in enumerate(newest):
            for column, text in enumerate((f"{r.day:%d %b %Y}", f"{format_load(r.load_kg, unit)} × {r.reps}")):
                item = QTableWidgetItem(text)
                item.setData(SessionRole, r.session)
                self.records_table.setItem(row, column, item)

    def _tab_shown(self, index: int) -> None:
        exercise = self.exercise
        if exercise is None or exercise.id is None:
            return
        if index == 1 and self._pending is not None:
            sets, found = self._pending
            self._pending = None
            prefs = self.service.preferences
            bests = session_bests(sets, prefs.e1rm_formula)
            weeks = history.weekly_hard_sets(exercise.id, prefs.hard_set_rir)
            self.charts.set_data(bests, found, weeks, history.rir_counts(exercise.id), prefs.units)
        elif index == 2 and self._loaded < 0:
            self._loaded = 0
            self._load_more()

    def _load_more(self) -> None:
        exercise = self.exercise
        if exercise is None or exercise.id is None or self._loaded < 0:
            return
        unit = self.service.preferences.units
        page = history.history_page(exercise.id, self._loaded, PAGE_SESSIONS)
        self._loaded += len(page)
        for done in page:
            title = f"{done.start:%a %d %b %Y}" + (f" · {done.title}" if done.title else "")
            top = QTreeWidgetItem([title, "", f"{len(done.sets)} sets", "", done.note])
            top.setData(0, SessionRole, done.session)
            for record in done.sets:
                kind, load, reps, effort = set_text(record, unit, exercise.bodyweight)
                child = QTreeWidgetItem([kind, load.removesuffix(f" {unit}"), reps, effort, record.note])
                child.setData(0, SessionRole, done.session)
                for column in (1, 2):
                    child.setTextAlignment(column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                top.addChild(child)
            self.history.addTopLevelItem(top)
            top.setExpanded(True)
        for column in range(4):
            self.history.resizeColumnToContents(column)
        self.more.setVisible(self._loaded < self._total)

    def _scrolled(self, value: int) -> None:
        if value and value >= self.history.verticalScrollBar().maximum() and 0 <= self._loaded < self._total:
            self._load_more()

    # ---- opening a session ----
    def _open_row(self, table: QTableWidget, row: int, _column: int = 0) -> None:
        item = table.item(row, 0)
        session = item.data(SessionRole) if item is not None else None
        if session is not None:
            self.session_requested.emit(int(session))

    def _history_opened(self, item: QTreeWidgetItem, _column: int) -> None:
        session = item.data(0, SessionRole)
        if session is not None:
            self.session_requested.emit(int(session))

    def on_changed(self, change: Change) -> None:
        if self.exercise is None or self.exercise.id is None or not self.isVisible():
            self._stale = True
            return
        if change.everything or change.entries or change.sessions or change.structure or change.exercises:
            self.refresh()

    def refresh(self) -> None:
        """Read the exercise again (it may have been renamed, merged away or given new sets)."""
        if self.exercise is not None and self.exercise.id is not None:
            self.exercise = exercises.exercise_or_none(self.exercise.id)  # None: merged into another
        self._stale = False
        self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        if self._stale:
            self.refresh()
        super().showEvent(event)
