# SPDX-License-Identifier: MIT
"""The list of sessions, newest first: date, title, sets, tonnage in the chosen unit, with a search filter.

The rows come sorted from SQL a page at a time as the list is scrolled, so a list of tens of thousands of sessions
opens at once. A search looks through every session's search text, made once in the background when the search field
is first focused and kept up to date edit by edit, once the typing pauses; the model then holds the sessions found."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPoint,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLineEdit,
    QStyle,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.domain.records import SessionSummary
from journal.domain.units import Unit, format_mass
from journal.storage.changes import Change
from journal.storage.queries import list_sessions
from journal.ui.service import JournalService
from journal.ui.table_model import Index, TableModel
from journal.ui.tasks import run_in_background

IdRole = Qt.ItemDataRole.UserRole + 2
TYPING_PAUSE_MS = 150  # a search runs once the typing pauses this long, not at every letter
SearchIndex = list[tuple[SessionSummary, str]]  # every session, newest first, with its search text in lower case


class SessionListModel(TableModel):
    """The sessions, newest first, read a page at a time as the list is scrolled (Qt's fetchMore), so that a long
    history opens as fast as a short one. A search, or a session asked for by id, reads what it needs."""

    HEADERS = ("Date", "Title", "Sets", "Tonnage")
    PAGE = 60  # two or three screens of rows: the first page is read before the window first paints

    def __init__(self, unit: Unit) -> None:
        super().__init__()
        self.unit = unit
        self.rows: list[SessionSummary] = []
        self.complete = True  # every session has been read
        self.searching = False  # the rows are the sessions a search found

    def reload(self) -> None:
        self.beginResetModel()
        self.rows = list_sessions(limit=self.PAGE)
        self.complete = len(self.rows) < self.PAGE
        self.searching = False
        self.endResetModel()

    def show_found(self, rows: list[SessionSummary]) -> None:
        """Hold only the sessions a search found (newest first)."""
        self.beginResetModel()
        self.rows, self.complete, self.searching = rows, True, True
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's name and signature
        return not parent.isValid() and not self.complete

    def fetchMore(self, parent: Index = QModelIndex(), everything: bool = False) -> None:  # noqa: B008
        """The next page of older sessions (or all of them)."""
        if not self.canFetchMore(parent):
            return
        more = list_sessions(after=self.rows[-1] if self.rows else None, limit=None if everything else self.PAGE)
        self.complete = everything or len(more) < self.PAGE
        if more:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
            self.rows.extend(more)
            self.endInsertRows()

    def find(self, session_id: int) -> int:
        """The row of a session, reading more of the list when it is not among the rows read so far; -1 when the
        journal does not hold it."""
        row = self.row_of(session_id)
        if row >= 0 or self.complete or not list_sessions([session_id]):
            return row
        while row < 0 and not self.complete:
            self.fetchMore()
            row = self.row_of(session_id)
        return row

    def refresh(self, session_ids: frozenset[int]) -> None:
        """Re-read the named sessions; a session added or removed among the rows read resets the list (one beyond
        them is read when they are)."""
        fresh = {s.id: s for s in list_sessions(sorted(session_ids))}
        positions = {s.id: i for i, s in enumerate(self.rows)}
        last = (self.rows[-1].start, self.rows[-1].id) if self.rows and not self.complete else None
        fresh = {i: s for i, s in fresh.items() if i in positions or last is None or (s.start, s.id) > last}
        if any(i not in positions for i in fresh) or any(i not in fresh for i in session_ids if i in positions):
            self.reload()
            return
        for session_id, summary in fresh.items():
            row = positions[session_id]
            if summary.start != self.rows[row].start:
                self.reload()
                return
            self.rows[row] = summary
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.HEADERS) - 1))

    def set_unit(self, unit: Unit) -> None:
        self.unit = unit
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 3, 3)
        if self.rows:
            self.dataChanged.emit(self.index(0, 3), self.index(len(self.rows) - 1, 3))

    def row_of(self, session_id: int) -> int:
        return next((i for i, s in enumerate(self.rows) if s.id == session_id), -1)

    def row_count(self) -> int:
        return len(self.rows)

    def column_titles(self) -> tuple[str, ...]:
        return (*self.HEADERS[:3], f"Tonnage ({self.unit})")

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        summary = self.rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return summary.start.strftime("%a %d %b %Y")
            if column == 1:  # the title, and under it what was trained
                return f"{summary.title or 'Untitled'}\n{first_exercises(summary.exercise_names)}"
            if column == 2:
                return str(summary.set_count)
            return format_mass(summary.tonnage_kg, self.unit).rsplit(" ", 1)[0] if summary.tonnage_kg else "–"
        if role == IdRole:
            return summary.id
        if role == Qt.ItemDataRole.ToolTipRole:
            names = ", ".join(summary.exercise_names) or "no exercises yet"
            hint = "\nDouble-click an exercise's name: its page" if summary.exercise_names else ""
            return f"{summary.start:%A %d %B %Y, %H:%M}\n{names}{hint}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:  # what the search matches
            return search_text(summary)
        return None


def first_exercises(names: tuple[str, ...], shown: int = 3) -> str:
    if not names:
        return "no exercises yet"
    more = f" +{len(names) - shown}" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def search_text(summary: SessionSummary) -> str:
    """What a search looks through: the title, the exercises and the date in the ways people write a month
    (2025-03, Mar 2025, March 2025, 3/2025, 03/2025) or a day (2025-03-14, 14 Mar, Friday)."""
    start = summary.start
    dates = (
        f"{start:%Y-%m-%d} {start:%d/%m/%Y} {start.day} {start:%b %B %A %a} {start.month}/{start.year} {start:%m/%Y}"
    )
    return " ".join((summary.title, *summary.exercise_names, dates))


def search_words(text: str) -> tuple[Callable[[str], bool], ...]:
    """One test a word typed, for a search text folded to lower case: every word must be found, in any order; a
    number is a whole number (1/2025 is January, not November; 3 is the 3rd, not the 13th). A word without a digit
    at either end is a plain substring test."""
    tests: list[Callable[[str], bool]] = []
    for word in text.casefold().split():
        if word[0].isdigit() or word[-1].isdigit():
            before = r"(?<!\d)" if word[0].isdigit() else ""
            after = r"(?!\d)" if word[-1].isdigit() else ""
            tests.append(partial(matches, re.compile(f"{before}{re.escape(word)}{after}")))
        else:
            tests.append(partial(contains_word, word))
    return tuple(tests)


def contains_word(word: str, text: str) -> bool:
    return word in text


def matches(pattern: re.Pattern[str], text: str) -> bool:
    return pattern.search(text) is not None


def read_search_index() -> SearchIndex:
    """Every session's summary and search text (off the GUI thread: a million sets hold tens of thousands)."""
    return [(summary, search_text(summary).casefold()) for summary in list_sessions()]


class _SessionTable(QTableView):
    """The sessions' table; a double click goes to `double_clicked` (at a point of the viewport) first. Read here,
    not by a filter on the viewport: asking for the viewport makes PySide resolve every widget class, which costs
    the window's start about 10 ms."""

    def __init__(self, double_clicked: Callable[[QPoint], bool]) -> None:
        super().__init__()
        self._double_clicked = double_clicked

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if not self._double_clicked(event.position().toPoint()):
            super().mouseDoubleClickEvent(event)


class SessionList(QWidget):
    """Signals:
    session_selected(object): the id of the session now selected, or None.
    exercise_requested(str): the name of an exercise double-clicked in a session's row.
    """

    session_selected = Signal(object)
    exercise_requested = Signal(str)  # an exercise's name double-clicked under a session's title

    def __init__(self, service: JournalService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.service = service
        self._quiet = False
        self.model = SessionListModel(service.preferences.units)
        self.proxy = QSortFilterProxyModel(self)  # passes every row: the model holds what a search found
        self.proxy.setSourceModel(self.model)
        self._index: SearchIndex | None = None
        self._indexing = 0  # the generation of the index being read, 0 for none
        self._generation = 1  # raised when the whole journal changes: an index read before is dropped
        self._typing = QTimer(self)
        self._typing.setSingleShot(True)
        self._typing.setInterval(TYPING_PAUSE_MS)
        self._typing.timeout.connect(self.apply_search)
        self.search = QLineEdit()
        self.search.setObjectName("sessionSearch")
        self.search.setPlaceholderText("Search: title, exercise, month (Mar 2025)…")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(lambda _text: self._typing.start())
        self.search.installEventFilter(self)  # focused: the search index is read in the background
        self.view = _SessionTable(self._double_clicked)
        self.view.setObjectName("sessionTable")
        self.view.setModel(self.proxy)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setShowGrid(False)
        self.view.setWordWrap(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setAlternatingRowColors(True)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        metrics = self.view.fontMetrics()  # widths from the longest text, not by measuring thousands of rows
        for column, sample in ((0, "Wed 30 Sep 2026"), (2, "Sets"), (3, "Tonnage (kg)")):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 28)
        rows = self.view.verticalHeader()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(2 * metrics.lineSpacing() + 8)  # title, then the first exercises
        # Wide enough for the fixed columns and a title of about 30 letters (Full body A, Upper B heavy…)
        self.setMinimumWidth(sum(header.sectionSize(c) for c in (0, 2, 3)) + metrics.horizontalAdvance("x" * 15))
        self.preferred_width = (
            sum(header.sectionSize(c) for c in (0, 2, 3)) + metrics.horizontalAdvance("Full body A, Bench") + 24
        )
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        layout.addWidget(self.view)
        service.changed.connect(self.on_changed)
        service.preferences_changed.connect(lambda prefs: self.model.set_unit(prefs.units))
        self.model.reload()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search and event.type() == QEvent.Type.FocusIn:
            self.read_index()
        return super().eventFilter(watched, event)

    def _double_clicked(self, point: QPoint) -> bool:
        """A double click on an exercise's name opens its page (True: the click is taken)."""
        name = self.exercise_at(point)
        if name is not None:
            self.exercise_requested.emit(name)
        return name is not None

    def exercise_at(self, point: QPoint) -> str | None:
        """The exercise whose name is drawn at `point` of the view's viewport (the second line of a title), if any."""
        index = self.view.indexAt(point)
        if not index.isValid() or index.column() != 1:
            return None
        summary = self.model.rows[self.proxy.mapToSource(index).row()]
        rect = self.view.visualRect(index)
        metrics = self.view.fontMetrics()
        middle = rect.top() + rect.height() / 2
        if point.y() < middle:  # the title's line
            return None
        margin = self.view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, self.view) + 1
        x = rect.left() + margin
        for name in summary.exercise_names[:3]:
            width = metrics.horizontalAdvance(name)
            if x <= point.x() <= x + width:
                return name
            x += width + metrics.horizontalAdvance(", ")
        return None

    def read_index(self) -> None:
        """Read the search index in the background, unless it is read or being read."""
        if self._index is not None or self._indexing == self._generation:
            return
        generation = self._indexing = self._generation

        def done(index: SearchIndex) -> None:
            self._indexing = 0
            if generation != self._generation:  # the journal changed while it was read
                self.read_index()
                return
            self._index = index
            if self.search.text() and not self._typing.isActive():  # still typing: searched once it pauses
                self.apply_search()

        def failed(error: BaseException) -> None:
            self._indexing = 0
            raise error

        run_in_background(read_search_index, done, failed)

    def apply_search(self) -> None:
        """Show the sessions whose search text holds every word typed (all of them for none); the session selected
        stays selected when it is among them."""
        self._typing.stop()
        text = self.search.text()
        if not text and not self.model.searching:
            return
        if text and self._index is None:
            self.read_index()  # searched once it is read
            return
        selected, quiet = self.selected_id(), self._quiet
        self._quiet = True
        try:
            if text:
                tests = search_words(text)
                assert self._index is not None
                self.model.show_found([s for s, words in self._index if all(test(words) for test in tests)])
            else:
                self.model.reload()
            row = self.model.find(selected) if selected is not None else -1
            if row >= 0:
                self._select_row(row)
        finally:
            self._quiet = quiet
        if selected is not None and row < 0 and not quiet:
            self.session_selected.emit(None)  # the session shown is not among those found

    def _update_index(self, change: Change) -> None:
        """Bring the search index up to date with a change (the whole journal: read again when next searched)."""
        if change.everything:
            self._index, self._generation = None, self._generation + 1
            return
        if self._index is None or not change.sessions:
            if self._indexing:
                self._generation += 1  # the index being read may miss this change
            return
        fresh = {s.id: s for s in list_sessions(sorted(change.sessions))}
        at = {summary.id: i for i, (summary, _words) in enumerate(self._index)}
        if all(i in at and fresh[i].start == self._index[at[i]][0].start for i in fresh) and set(fresh) == set(
            i for i in change.sessions if i in at
        ):
            for i, summary in fresh.items():  # edited in place: the order holds
                self._index[at[i]] = (summary, search_text(summary).casefold())
            return
        kept = [pair for pair in self._index if pair[0].id not in change.sessions]
        kept += [(summary, search_text(summary).casefold()) for summary in fresh.values()]
        kept.sort(key=lambda pair: (pair[0].start, pair[0].id), reverse=True)
        self._index = kept

    def selected_id(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(IdRole) if index.isValid() else None

    def select(self, session_id: int | None) -> None:
        if session_id is None:
            self.view.clearSelection()
            self.view.setCurrentIndex(QModelIndex())
            return
        row = self.model.find(session_id)
        if row < 0 and self.model.searching:  # not among the sessions found: show it anyway
            self.search.clear()
            self.apply_search()
            row = self.model.find(session_id)
        if row >= 0:
            self._select_row(row)

    def _select_row(self, row: int) -> None:
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.scrollTo(index)

    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._quiet:
            self.session_selected.emit(current.data(IdRole) if current.isValid() else None)

    def on_changed(self, change: Change) -> None:
        """Refresh the rows the change names. The selection stays on its session without reloading the editor;
        a single session that appears (new, or back through undo) becomes the selection."""
        if not (change.everything or change.sessions):
            return
        selected = self.selected_id()
        self._update_index(change)
        self._quiet = True
        try:
            if change.everything:
                self.model.reload()
                if self.search.text():
                    self.read_index()  # searched again once it is read
            elif self.model.searching:
                self.apply_search()  # the sessions found, found again
            else:
                self.model.refresh(change.sessions)
            if selected is not None and self.model.find(selected) >= 0:
                self.select(selected)
        finally:
            self._quiet = False
        # A change is handled while its undo command runs; showing another session may save what is being typed
        # there (another command), so that waits until this one has finished.
        appeared = set() if change.everything else set(change.added)
        if len(appeared) == 1:
            QTimer.singleShot(0, partial(self.select, appeared.pop()))
        elif selected is not None and self.model.find(selected) < 0:
            QTimer.singleShot(0, partial(self._reselect_after_removal, selected))

    def _reselect_after_removal(self, removed: int) -> None:
        if self.selected_id() in (None, removed):
            self.session_selected.emit(None)
