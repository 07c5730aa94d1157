# SPDX-License-Identifier: MIT
"""The main window: the session list beside the session editor, or the welcome page when the journal is empty."""

from __future__ import annotations

import logging
import threading
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QColor, QKeySequence, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QSystemTrayIcon,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal import APP_NAME, settings
from journal.domain.records import Entry, Session
from journal.domain.supersets import ends_round
from journal.lock import JournalLocked
from journal.paths import sample_db_path
from journal.storage.changes import Change
from journal.storage.database import STORAGE_ERRORS, JournalFileError
from journal.storage.migrations import DatabaseTooNew
from journal.storage.repository import iter_sessions, session_count
from journal.ui import undo
from journal.ui.empty_state import EmptyState
from journal.ui.importing.notice import ImportNotice
from journal.ui.importing.watcher import FolderWatcher
from journal.ui.log.rest_timer import PAUSE_KEY, SKIP_KEY, RestTimer
from journal.ui.log.session_editor import SessionEditor
from journal.ui.log.session_list import SessionList
from journal.ui.review.opening import ReviewOpening, load_review_code, placeholder
from journal.ui.review.review_data import ReviewData
from journal.ui.service import JournalService
from journal.ui.tasks import run_in_background
from journal.ui.theme import apply_theme
from journal.ui.widgets import plain_label, warn

if TYPE_CHECKING:  # the dialogs, the importers, the exports and the routines' code are imported when first used
    from journal.domain.routines import Routine
    from journal.ui.dialogs.about import AboutDialog
    from journal.ui.dialogs.backups_dialog import BackupsDialog
    from journal.ui.dialogs.preferences import PreferencesDialog
    from journal.ui.exercises.bodyweight import BodyweightScreen
    from journal.ui.exercises.calendar import CalendarScreen
    from journal.ui.exercises.library import ExercisesScreen
    from journal.ui.importing.import_dialog import ImportDialog
    from journal.ui.review.review_screen import ReviewScreen
    from journal.ui.routines.routines_screen import RoutinesScreen

SAMPLE_YEARS = 3
EDITING_KEYS = (  # the keys of the session editor; the menus' shortcuts are listed from the menus themselves
    ("Ctrl+E", "Add an exercise (type to search; Enter takes the best or highlighted match)"),
    ("Alt+D / Alt+T / Alt+B / Alt+O", "The session's date, title, bodyweight, notes"),
    ("Type", "Replace the current cell"),
    ("Tab / Shift+Tab", "Next / previous cell"),
    ("Enter", "Next set; on the last row (+) store it as shown"),
    ("Home, then W N D F B", "Set type: warm-up, working, drop, failure/AMRAP, back-off"),
    ("Ctrl+D", "Duplicate the set"),
    ("Delete", "Delete the set"),
    ("Alt+Up / Alt+Down", "Move the set"),
    ("Ctrl+Shift+Up / Down", "Move the exercise"),
    ("Ctrl+L", "Fill the exercise as last time"),
    ("Ctrl+G", "Superset the exercise with the one above (again: take it out)"),
    ("Ctrl+Z / Ctrl+Shift+Z", "Undo / redo (in a text field: its typing)"),
)


PRELOAD_AFTER_MS = 400  # after the first paint


def preload_review_code() -> threading.Thread:
    """Import the Review's code (pyqtgraph, numpy, the charts) on a worker thread once the window is up, so that
    the first switch to Review only builds the screen; a switch that comes sooner waits for the same import, its
    placeholder shown meanwhile."""
    return load_review_code()


def open_log_folder() -> None:
    from journal.ui.dialogs.crash import open_log_folder

    open_log_folder()


class MainWindow(QMainWindow):
    def __init__(self, service: JournalService) -> None:
        super().__init__()
        self.service = service
        self.own_path = service.path
        self.setObjectName("mainWindow")
        self.resize(1200, 780)

        self.empty = EmptyState()
        self.sessions = SessionList(service)
        self.editor = SessionEditor(service)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.sessions)
        self.splitter.addWidget(self.editor)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([self.sessions.preferred_width, 1200 - self.sessions.preferred_width])
        self.tabs = QTabWidget()
        self.tabs.setObjectName("mainTabs")
        self.tabs.setDocumentMode(True)
        self.pages = QStackedWidget()  # the log: the welcome page while the journal is empty
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.splitter)
        self.tabs.addTab(self.pages, "Log")
        # The review and routines are built when first shown: charts and their imports cost a window's start.
        self._review: ReviewScreen | None = None
        # the review's data, read once the window is up (or at the first switch to Review, if sooner)
        self.review_data = ReviewData(service, self)
        # and its screen, brought up in steps at the first switch to Review (a placeholder shown meanwhile)
        self.review_opening = ReviewOpening(service, self.review_data, self)
        self.review_opening.built.connect(self._adopt_review)
        self._routines: RoutinesScreen | None = None
        self._exercises: ExercisesScreen | None = None
        self._calendar: CalendarScreen | None = None
        self._bodyweight: BodyweightScreen | None = None
        self.tabs.addTab(placeholder(), "Review")
        self.tabs.addTab(QWidget(), "Routines")
        self.tabs.addTab(QWidget(), "Exercises")
        self.tabs.addTab(QWidget(), "Calendar")
        self.tabs.addTab(QWidget(), "Bodyweight")
        self.tabs.currentChanged.connect(self._tab_shown)
        QTimer.singleShot(PRELOAD_AFTER_MS, self._preload_review)

        self.banner = QWidget()
        self.banner.setObjectName("sampleBanner")
        banner_colours = self.banner.palette()  # a palette, not a style sheet: one costs the first show its polish
        banner_colours.setColor(QPalette.ColorRole.Window, QColor("#fff4ce"))
        banner_colours.setColor(QPalette.ColorRole.WindowText, QColor("#3b2f00"))
        self.banner.setPalette(banner_colours)
        self.banner.setAutoFillBackground(True)
        self.banner_text = plain_label()
        self.back = QPushButton("Back to my journal")
        self.back.clicked.connect(self.open_own_journal)
        banner_layout = QHBoxLayout(self.banner)
        banner_layout.setContentsMargins(10, 4, 10, 4)
        banner_layout.addWidget(self.banner_text, 1)
        banner_layout.addWidget(self.back)
        self.banner.hide()

        self.notice = ImportNotice(service.undo_stack)
        self.watcher = FolderWatcher(service, self._can_watch_import, self)
        self.watcher.imported.connect(self._watched_imported)
        self.watcher.weights_imported.connect(
            lambda added, name: self.notice.show_imported(
                f"Imported {name} from the watched folder: {added} bodyweight{'s' if added != 1 else ''}."
            )
        )
        self.watcher.refused.connect(
            lambda name, why: self.notice.show_problem(f"{name} in the watched folder could not be imported: {why}")
        )

        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.banner)
        layout.addWidget(self.notice)
        layout.addWidget(self.tabs)
        self.setCentralWidget(central)
        self.rest = RestTimer(self)
        self.statusBar().addPermanentWidget(self.rest)
        self._build_actions()
        self.editor.set_stored.connect(self._set_stored)
        self.rest.finished.connect(self._rest_over)

        self.sessions.session_selected.connect(self.editor.load)
        self.sessions.exercise_requested.connect(self.open_exercise_named)
        self.editor.exercise_requested.connect(self.open_exercise)
        self.sessions.session_selected.connect(self._selection_changed)
        self.empty.start_session.connect(self.new_session)
        self.empty.explore_sample.connect(self.explore_sample)
        self.empty.import_file.connect(lambda: self.import_file())
        service.changed.connect(self.on_changed)
        service.preferences_changed.connect(self._watch_folder_changed)
        self._watching = service.preferences.watch_folder
        self.watcher.set_folder(self._watching)  # and a scan of what arrived while Journal was closed
        service.file_changed.connect(lambda _path: self._show_file())
        service.failed.connect(self._write_failed)
        self._tray: QSystemTrayIcon | None = None  # made when a rest ends with the window behind others
        self._telling_gone = False
        self._told_gone: Path | None = None  # the file last said to be gone when the window came to the front
        self._show_file()
        state = settings.window_state("main")
        if state is not None:
            self.restoreGeometry(state)
        # The file's quick check ran while the window was built: a damaged journal is refused before it is shown.
        service.confirm_whole()

    # ---- actions ----
    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None, slot: object, tip: str = ""
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        stack = self.service.undo_stack
        self.new_action = self._action(
            "&New session", QKeySequence.StandardKey.New, self.new_session, "Start logging a new session"
        )
        self.new_routine_action = self._action(
            "New &routine…",
            "Ctrl+Shift+N",
            self.new_routine,
            "Plan a new routine: its exercises, sets, rep ranges and targets",
        )
        self.delete_action = self._action(
            "&Delete session",
            "Ctrl+Shift+Delete",
            self.delete_session,
            "Delete the selected session (undo brings it back)",
        )
        self.delete_action.setEnabled(False)
        self.import_action = self._action(
            "&Import from another app…",
            "Ctrl+I",
            lambda: self.import_file(),
            "Bring in an export from Strong, Hevy, FitNotes, Fitbod or any CSV",
        )
        self.export_action = self._action(
            "&Export as CSV…", "Ctrl+Shift+E", lambda: self.export_file(), "Write the whole journal as Journal CSV"
        )
        self.paste_action = self._action(
            "&Paste workout…",
            "Ctrl+Shift+V",
            self.paste_workout,
            "A workout shared from Strong as text (Share → Copy): preview it, then add it",
        )
        self.export_strong_action = self._action(
            "Export as &Strong CSV…",
            None,
            lambda: self.export_strong(),
            "Write the whole journal as Strong's CSV, loads in your unit, for Strong or Hevy to import",
        )
        self.print_action = self._action(
            "&Print session…",
            QKeySequence.StandardKey.Print,
            self.print_session,
            "Print the selected session (preview first)",
        )
        self.pdf_action = self._action(
            "Session as P&DF…", None, lambda: self.session_pdf(), "Save the selected session as a PDF"
        )
        self.sample_action = self._action(
            "Explore &sample data", None, self.explore_sample, "Open a synthetic history, kept apart from your journal"
        )
        self.backups_action = self._action(
            "&Backups…", None, self.show_backups, "Take a backup, restore one, or open their folder"
        )
        self.prefs_action = self._action("&Preferences…", QKeySequence.StandardKey.Preferences, self.edit_preferences)
        self.prefs_action.setShortcuts([QKeySequence("Ctrl+,")])
        quit_action = self._action("&Quit", QKeySequence.StandardKey.Quit, self.close)
        self.undo_action = stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.pause_rest_action = self._action(
            "Pause or resume the res&t", PAUSE_KEY, self.rest.toggle_pause, "Pause the rest timer, or go on"
        )
        self.skip_rest_action = self._action("S&kip the rest", SKIP_KEY, self.rest.skip, "End the rest timer now")
        shortcuts = self._action("&Keyboard shortcuts", "F1", self.show_shortcuts)
        about = self._action("&About Journal", None, self.show_about)

        menu = self.menuBar()
        file_menu = menu.addMenu("&File")
        file_menu.addActions(
            [
                self.new_action,
                self.new_routine_action,
                self.import_action,
                self.export_action,
                self.export_strong_action,
                self.sample_action,
            ]
        )
        file_menu.addSeparator()
        file_menu.addActions([self.print_action, self.pdf_action])
        file_menu.addSeparator()
        file_menu.addActions([self.backups_action, self.prefs_action])
        file_menu.addSeparator()
        file_menu.addAction(quit_action)
        edit_menu = menu.addMenu("&Edit")
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.paste_action, self.delete_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.pause_rest_action, self.skip_rest_action])
        help_menu = menu.addMenu("&Help")
        log_folder = QAction("Open &log folder", self)  # the log's code (journal.logs) is imported when used
        log_folder.setStatusTip("Show the folder that holds Journal's log files (what went wrong, and when)")
        log_folder.triggered.connect(open_log_folder)
        help_menu.addActions([shortcuts, log_folder, about])
        toolbar = self.addToolBar("Main")
        toolbar.setObjectName("mainToolbar")
        toolbar.setMovable(False)
        # The menu's Undo and Redo name what they undo; the toolbar's stay short, with that name in their tooltip.
        self.undo_button = self._action("Undo", None, stack.undo)
        self.redo_button = self._action("Redo", None, stack.redo)
        for button, action in ((self.undo_button, self.undo_action), (self.redo_button, self.redo_action)):
            action.enabledChanged.connect(button.setEnabled)  # Qt to Qt: gone with either of them
            button.setEnabled(action.isEnabled())
        stack.undoTextChanged.connect(self.undo_button.setToolTip)
        stack.redoTextChanged.connect(self.redo_button.setToolTip)
        toolbar.addActions(
            [self.new_action, self.import_action, self.undo_button, self.redo_button, self.delete_action]
        )

    def _selection_changed(self, session_id: int | None) -> None:
        for action in (self.delete_action, self.print_action, self.pdf_action):
            action.setEnabled(session_id is not None)

    # ---- state ----
    def is_sample(self) -> bool:
        return self.service.path != self.own_path

    def _show_file(self) -> None:
        sample = self.is_sample()
        self.banner.setVisible(sample)
        self.banner_text.setText(
            f"You are exploring sample data: a synthetic {SAMPLE_YEARS}-year history. "
            "Nothing you do here touches your own journal."
        )
        self.sample_action.setEnabled(not sample)
        self.setWindowTitle(f"{APP_NAME} — sample data" if sample else f"{APP_NAME} — {self.service.path.name}")
        self.statusBar().showMessage(str(self.service.path))
        self.editor.load(None)
        self._update_page()
        self.sessions.select(self.sessions.model.rows[0].id if self.sessions.model.rows else None)

    def _update_page(self) -> None:
        empty = not self.sessions.model.rows
        if empty:
            self.pages.setCurrentWidget(self.empty)
            self.empty.start.setFocus()
        elif self.pages.currentWidget() is not self.splitter:
            self.pages.setCurrentWidget(self.splitter)
            # Not the search field, next in line after the welcome page's button: it would take Ctrl+Z for itself.
            self.sessions.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def on_changed(self, change: Change) -> None:
        self._update_page()

    # ---- the rest timer ----
    def _set_stored(self, entry_id: int) -> None:
        """A set was stored: the rest timer, when it is on, counts down the routine's rest for the exercise (the
        preference's when the routine sets none, or the session has no routine); in a superset, after its last
        exercise only."""
        prefs = self.service.preferences
        session = self.editor.session
        if not prefs.rest_timer or session is None:
            return
        entry = next((e for e in session.entries if e.id == entry_id), None)
        if entry is None or not ends_round([e.superset for e in session.entries], session.entries.index(entry)):
            return  # in a superset the rest comes after its last exercise
        self.rest.start(self._rest_of(session, entry) or prefs.rest_s, entry.exercise.name)

    @staticmethod
    def _rest_of(session: Session, entry: Entry) -> int | None:
        """The rest the session's routine sets for the entry's exercise (its nth occurrence pairs with the routine's
        nth item of that exercise)."""
        if session.routine_id is None:
            return None
        from journal.storage.repository import NotFound
        from journal.storage.routines import get_routine

        try:
            items = [i for i in get_routine(session.routine_id).items if i.exercise.id == entry.exercise.id]
        except NotFound:
            return None
        same = [e.id for e in session.entries if e.exercise.id == entry.exercise.id]
        occurrence = same.index(entry.id) if entry.id in same else 0
        return items[min(occurrence, len(items) - 1)].rest_s if items else None

    def _rest_over(self, exercise: str) -> None:
        """The rest ran out: a beep when the preference asks, and a notice when the window is not in front (the
        system tray's where there is one, else the status bar's)."""
        if self.service.preferences.rest_sound:
            QApplication.beep()
        if self.isActiveWindow():
            return
        text = f"Rest over: next set of {exercise}" if exercise else "Rest over"
        if QSystemTrayIcon.isSystemTrayAvailable():
            if self._tray is None:
                self._tray = QSystemTrayIcon(self.windowIcon(), self)
            self._tray.show()
            self._tray.showMessage(APP_NAME, text, QSystemTrayIcon.MessageIcon.Information, 10_000)
            QTimer.singleShot(12_000, self._tray.hide)  # the icon goes with its message
        else:
            self.statusBar().showMessage(text, 15_000)

    # ---- commands ----
    def new_session(self) -> None:
        self.editor.flush()
        command = undo.AddSession(self.service, Session(start=datetime.now().replace(second=0, microsecond=0)))
        self.service.push(command)
        self.tabs.setCurrentWidget(self.pages)
        self.sessions.select(command.session.id)
        self.editor.focus_picker()

    def new_routine(self) -> None:
        self.tabs.setCurrentWidget(self.routines)
        self.routines.new_routine()

    def _preload_review(self) -> None:
        """Once the window is up: the review's code imported and its data read, each on a worker thread."""
        preload_review_code()
        self.review_data.start()

    @property
    def review(self) -> ReviewScreen:
        """The Review's screen, made now if it is not yet (the first switch to Review brings it up in steps)."""
        if self._review is None:
            self._adopt_review(self.review_opening.now())
        assert self._review is not None
        return self._review

    @property
    def review_built(self) -> bool:
        return self._review is not None

    def _adopt_review(self, screen: ReviewScreen) -> None:
        """The screen brought up goes into the Review's tab (drawn there if the tab is shown)."""
        if self._review is not None:
            return
        self._review = screen
        screen.session_requested.connect(self.show_session)
        screen.exercise_requested.connect(self.open_exercise_named)
        self._swap_tab(1, screen, "Review")

    @property
    def routines(self) -> RoutinesScreen:
        if self._routines is None:
            from journal.ui.routines.routines_screen import RoutinesScreen

            self._routines = RoutinesScreen(self.service)
            self._routines.start_requested.connect(self.start_from_routine)
            self._routines.exercise_requested.connect(self.open_exercise)
            self._swap_tab(2, self._routines, "Routines")
        return self._routines

    @property
    def exercises(self) -> ExercisesScreen:
        if self._exercises is None:
            from journal.ui.exercises.library import ExercisesScreen

            self._exercises = ExercisesScreen(self.service)
            self._exercises.session_requested.connect(self.show_session)
            self._swap_tab(3, self._exercises, "Exercises")
        return self._exercises

    @property
    def calendar(self) -> CalendarScreen:
        if self._calendar is None:
            from journal.ui.exercises.calendar import CalendarScreen

            self._calendar = CalendarScreen(self.service)
            self._calendar.session_requested.connect(self.show_session)
            self._swap_tab(4, self._calendar, "Calendar")
        return self._calendar

    @property
    def bodyweight(self) -> BodyweightScreen:
        if self._bodyweight is None:
            from journal.ui.exercises.bodyweight import BodyweightScreen

            self._bodyweight = BodyweightScreen(self.service)
            self._bodyweight.session_requested.connect(self.show_session)
            self._swap_tab(5, self._bodyweight, "Bodyweight")
        return self._bodyweight

    def open_exercise(self, exercise_id: int) -> None:
        """Show an exercise's page in the Exercises tab (from the log, a chart or an insight)."""
        self.editor.flush()
        screen = self.exercises
        self.tabs.setCurrentWidget(screen)
        screen.open_exercise(exercise_id)

    def open_exercise_named(self, name: str) -> None:
        from journal.storage.exercises import find_exercise, list_exercises

        # the exercise of that name, before one that has it as an alias
        found = next((x for x in list_exercises() if x.name == name), None) or find_exercise(name)
        if found is not None and found.id is not None:
            self.open_exercise(found.id)

    def _swap_tab(self, index: int, widget: QWidget, title: str) -> None:
        current = self.tabs.currentIndex()
        self.tabs.blockSignals(True)
        placeholder = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        if placeholder is not None:
            placeholder.deleteLater()

    def _tab_shown(self, index: int) -> None:
        if index == 1 and self._review is None:
            self.review_opening.open()  # the placeholder is shown meanwhile
        elif index == 2 and self._routines is None:
            self.tabs.setCurrentWidget(self.routines)
        elif index == 3 and self._exercises is None:
            self.tabs.setCurrentWidget(self.exercises)
        elif index == 4 and self._calendar is None:
            self.tabs.setCurrentWidget(self.calendar)
        elif index == 5 and self._bodyweight is None:
            self.tabs.setCurrentWidget(self.bodyweight)

    def start_from_routine(self, routine: Routine) -> None:
        """A new session with the routine's exercises and their planned sets (load suggested from last time). The
        plans are shown as ghost rows and count nowhere until the lifter confirms each (Enter or its tick box)."""
        from journal.domain.routines import planned_sets
        from journal.printing.documents import plan

        self.editor.flush()
        prefs = self.service.preferences
        entries = tuple(
            Entry(
                exercise=p.item.exercise,
                plans=planned_sets(p.item, p.suggestion.load_kg, p.last, p.warmups),
                note=p.item.notes,
                superset=p.item.superset,
            )
            for p in plan(routine, prefs)
        )
        session = Session(
            start=datetime.now().replace(second=0, microsecond=0),
            title=routine.name,
            routine_id=routine.id,
            entries=entries,
        )
        command = undo.AddSession(self.service, session, f"Start {routine.name}")
        self.service.push(command)
        self.tabs.setCurrentWidget(self.pages)
        self.sessions.select(command.session.id)
        if self.editor.blocks:
            self.editor.blocks[0].table.go_to(0)

    def print_session(self) -> None:
        from journal.printing.documents import session_document
        from journal.ui.dialogs.print_preview import preview

        session_id = self.sessions.selected_id()
        if session_id is not None:
            self.editor.flush()
            preview(session_document([session_id], self.service.preferences), self, self.service.preferences, "Session")

    def session_pdf(self, path: Path | None = None) -> Path | None:
        from journal.printing.documents import session_document
        from journal.ui.dialogs.print_preview import save_pdf

        session_id = self.sessions.selected_id()
        if session_id is None:
            return None
        self.editor.flush()
        return save_pdf(
            session_document([session_id], self.service.preferences), self, self.service.preferences, "session", path
        )

    def show_session(self, session_id: int, set_id: int = 0) -> None:
        """Open a session in the log (from a chart point or an insight), at the set a point stands for."""
        self.tabs.setCurrentWidget(self.pages)
        self.sessions.select(session_id)
        self.editor.show_set(set_id)

    def delete_session(self) -> None:
        session_id = self.sessions.selected_id()
        if session_id is None:
            return
        self.editor.flush()  # what is still being typed belongs to the snapshot that undo restores
        command = undo.DeleteSession(self.service, session_id)
        self.service.push(command)
        self.statusBar().showMessage(f"{command.text()}. Ctrl+Z brings it back.", 8000)
        if self.sessions.model.rows:
            self.sessions.select(self.sessions.model.rows[0].id)

    def _write_failed(self, message: str) -> None:
        if self.service.file_gone():
            self.tell_file_gone(message)
        else:
            warn(self, APP_NAME, message)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if (
            event.type() == QEvent.Type.ActivationChange
            and self.isActiveWindow()
            and not self._telling_gone
            and self._told_gone != self.service.path
            and self.service.file_gone()
        ):
            self._told_gone = self.service.path  # once on coming to the front; each refused write tells again
            QTimer.singleShot(0, lambda: self.tell_file_gone())

    def tell_file_gone(self, refused: str = "") -> None:
        """The open file was deleted or replaced: say so, and offer to save what is open in a new file."""
        if self._telling_gone or not self.service.file_gone():
            return
        self._telling_gone = True
        self._told_gone = self.service.path
        try:
            path = self.service.path
            box = QMessageBox(
                QMessageBox.Icon.Critical,
                APP_NAME,
                f"{path} was deleted, or another file put in its place, while it was open here.",
            )
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setInformativeText(
                (f"{refused}\n\n" if refused else "") + "Nothing more is written to it. The "
                "journal as shown is still open: save it in a new file to keep it."
            )
            save = box.addButton("Save elsewhere…", QMessageBox.ButtonRole.AcceptRole)
            box.addButton("Not now", QMessageBox.ButtonRole.RejectRole)
            box.exec()
            while box.clickedButton() is save and not self._save_elsewhere(path):
                box.exec()
        finally:
            self._telling_gone = False

    def _save_elsewhere(self, gone: Path) -> bool:
        chosen, _ = QFileDialog.getSaveFileName(self, "Save the journal in a new file", str(gone), "Journal (*.sqlite)")
        if not chosen:
            return False
        shown, own = self.sessions.selected_id(), self.own_path
        if gone == own:
            self.own_path = Path(chosen)  # the lifter's own journal is now that file (no "sample" banner)
        try:
            self.service.save_as(Path(chosen))
        except (JournalLocked, OSError, *STORAGE_ERRORS) as error:
            self.own_path = own
            logging.getLogger(__name__).warning("The journal could not be saved as %s", chosen, exc_info=True)
            warn(self, APP_NAME, f"The journal could not be saved as {chosen}: {error}")
            return False
        if shown is not None:  # the same session on show, in the new file
            self.sessions.select(shown)
            self.editor.load(shown)
        self.statusBar().showMessage(f"The journal is now {self.service.path}", 15000)
        return True

    def _open(self, path: Path) -> bool:
        try:
            self.service.open_file(path)
        except (JournalFileError, DatabaseTooNew) as error:
            logging.getLogger(__name__).warning("%s cannot be opened", path, exc_info=True)
            warn(self, APP_NAME, str(error))
            return False
        return True

    def _busy(self, busy: bool) -> None:
        """While a background task writes to the file, nothing else may: the window takes no edits."""
        central = self.centralWidget()
        if central is not None:
            central.setEnabled(not busy)
        for action in (self.new_action, self.new_routine_action, self.import_action, self.sample_action):
            action.setEnabled(not busy and (action is not self.sample_action or not self.is_sample()))
        stack = self.service.undo_stack  # the rest as the journal now open has them, not simply on
        self.undo_action.setEnabled(not busy and stack.canUndo())
        self.redo_action.setEnabled(not busy and stack.canRedo())
        self.delete_action.setEnabled(not busy and self.sessions.selected_id() is not None)
        if busy:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        else:
            QApplication.restoreOverrideCursor()

    def explore_sample(self) -> None:
        if not self._open(sample_db_path()):
            return
        if session_count():
            return
        self.banner_text.setText("Preparing sample data…")
        self._busy(True)

        def generate() -> object:
            from journal.demo import generate_history
            from journal.storage.bulk import insert_sessions

            return insert_sessions(generate_history(SAMPLE_YEARS, seed=1, end=datetime.now().date()))

        def done(result: object) -> None:
            self._busy(False)
            self.service.publish(Change(everything=True, exercises=True))
            self._show_file()

        def failed(error: BaseException) -> None:
            self._busy(False)
            QMessageBox.warning(self, "Sample data", f"The sample data could not be written: {error}")
            self.open_own_journal()

        run_in_background(generate, done, failed)

    def import_file(self, path: Path | None = None) -> ImportDialog | None:
        """Open the import preview for `path` (asked for when None); nothing is written until it is confirmed."""
        from journal.io import file_filter
        from journal.ui.importing.import_dialog import ImportDialog

        if path is None:
            chosen, _ = QFileDialog.getOpenFileName(self, "Import from another app", "", file_filter())
            if not chosen:
                return None
            path = Path(chosen)
        self.editor.flush()
        dialog = ImportDialog(self.service, path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(
            lambda result: self.statusBar().showMessage(
                f"Imported {result.sessions} sessions, {result.sets} sets ({result.duplicates} duplicates skipped). "
                "Ctrl+Z removes them again.",
                15000,
            )
        )
        dialog.weights_imported.connect(
            lambda added: self.statusBar().showMessage(
                f"Imported {added} bodyweight{'s' if added != 1 else ''} into the bodyweight log. "
                "Ctrl+Z removes them again.",
                15000,
            )
        )
        dialog.open()
        return dialog

    def _can_watch_import(self) -> bool:
        """The watched folder imports into the lifter's own journal, and never while a dialog is open."""
        return QApplication.activeModalWidget() is None and self.service.path == self.own_path

    def _watch_folder_changed(self, prefs: object) -> None:
        folder = getattr(prefs, "watch_folder", "")
        if folder != self._watching:
            self._watching = folder
            self.watcher.set_folder(folder)

    def _watched_imported(self, result: object, name: str) -> None:
        from journal.storage.importing import ImportResult

        assert isinstance(result, ImportResult)
        parts = [
            f"{result.sessions} new session{'s' if result.sessions != 1 else ''}",
            f"{result.sets} set{'s' if result.sets != 1 else ''}",
        ]
        if result.topped:
            parts.append(f"{result.topped_sets} of them on days already imported")
        if result.routines:
            parts.append(f"{len(result.routines)} routine{'s' if len(result.routines) > 1 else ''}")
        self.notice.show_imported(f"Imported {name} from the watched folder: {', '.join(parts)}.")

    def paste_workout(self) -> ImportDialog:
        """The clipboard's text, a workout shared from Strong, in the import preview; nothing is written until it
        is confirmed."""
        from journal.io.strong_share import StrongShareText
        from journal.ui.importing.import_dialog import ImportDialog

        self.editor.flush()
        text = QApplication.clipboard().text()
        dialog = ImportDialog(self.service, Path("Pasted workout"), self, text=text, fmt=StrongShareText.name)
        dialog.setWindowTitle("Paste workout")
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.imported.connect(
            lambda result: self.statusBar().showMessage(
                f"Pasted workout: {result.sessions} session, {result.sets} sets. Ctrl+Z removes it again."
                if result.sessions
                else "That workout is already in your journal.",
                15000,
            )
        )
        dialog.open()
        return dialog

    def export_file(self, path: Path | None = None) -> None:
        from journal.io.journal_csv import export_file
        from journal.storage.routines import list_routines

        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export as CSV", "journal.csv", "CSV (*.csv)")
            if not chosen:
                return
            path = Path(chosen)
        self.editor.flush()
        sessions, sets = export_file(path, iter_sessions(), list_routines())
        self.statusBar().showMessage(f"Exported {sessions} sessions, {sets} sets to {path}", 15000)

    def export_strong(self, path: Path | None = None) -> None:
        """The whole journal as Strong's CSV, loads in the lifter's unit (which the file does not name)."""
        from journal.io.strong_export import export_strong_file

        unit = self.service.preferences.units
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(self, "Export as Strong CSV", "strong.csv", "CSV (*.csv)")
            if not chosen:
                return
            path = Path(chosen)
        self.editor.flush()
        sessions, sets = export_strong_file(path, iter_sessions(), unit)
        self.statusBar().showMessage(
            f"Exported {sessions} sessions, {sets} sets to {path} as Strong CSV, loads in {unit}", 15000
        )

    def open_own_journal(self) -> None:
        self._open(self.own_path)

    def show_backups(self) -> BackupsDialog:
        from journal.ui.dialogs.backups_dialog import BackupsDialog

        self.editor.flush()
        dialog = BackupsDialog(self.service, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def edit_preferences(self) -> PreferencesDialog:
        """Open the preferences; on OK they apply at once to every open view (and are saved)."""
        from journal.ui.dialogs.preferences import PreferencesDialog

        dialog = PreferencesDialog(self.service.preferences, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)  # gone when closed, not kept until the window goes
        dialog.accepted.connect(self._preferences_accepted)
        dialog.open()
        return dialog

    def _preferences_accepted(self) -> None:
        from journal.ui.dialogs.preferences import PreferencesDialog

        dialog = self.sender()
        if not isinstance(dialog, PreferencesDialog):
            return
        prefs = dialog.preferences()
        app = QApplication.instance()
        if isinstance(app, QApplication) and prefs.theme != self.service.preferences.theme:
            apply_theme(app, prefs.theme)
        self.service.set_preferences(prefs)

    def shortcuts_html(self) -> str:
        """Every key: the editor's, then each menu item that has a shortcut, as the menus have them now."""
        from html import escape

        rows = [f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>" for keys, what in EDITING_KEYS]
        for menu_action in self.menuBar().actions():
            menu = menu_action.menu()
            for action in menu.actions() if isinstance(menu, QMenu) else ():
                keys = ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
                if keys:
                    what = f"{menu_action.text()} ▸ {action.text()}".replace("&", "").rstrip("…")
                    rows.append(f"<tr><td><b>{escape(keys)}</b></td><td>{escape(what)}</td></tr>")
        return "<table cellspacing=4>" + "".join(rows) + "</table>"

    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", self.shortcuts_html())

    def show_about(self) -> AboutDialog:
        from journal.ui.dialogs.about import AboutDialog

        dialog = AboutDialog(self.service.path, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    def closeEvent(self, event: QCloseEvent) -> None:
        self.editor.flush()  # what is still being typed
        settings.save_window_state("main", self.saveGeometry())
        super().closeEvent(event)
