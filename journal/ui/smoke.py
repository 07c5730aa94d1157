# SPDX-License-Identifier: MIT
"""`journal --smoke`: build every main view offscreen on a throw-away sample journal, render each, exit 0."""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import date
from pathlib import Path


def run_smoke() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="journal-smoke-") as folder:
        os.environ["JOURNAL_DATA_DIR"] = folder
        from journal.demo import generate_history
        from journal.storage.bulk import insert_sessions
        from journal.storage.database import close_database, open_database
        from journal.storage.exercises import find_exercise
        from journal.ui.app import make_application
        from journal.ui.dialogs.preferences import PreferencesDialog
        from journal.ui.main_window import MainWindow
        from journal.ui.service import JournalService

        app = make_application()
        empty_path = Path(folder) / "empty.sqlite"
        service = JournalService(empty_path)
        window = MainWindow(service)
        window.show()
        app.processEvents()
        views = {"empty state": window.grab()}
        close_database()

        full_path = Path(folder) / "journal.sqlite"
        open_database(full_path)
        insert_sessions(generate_history(1, seed=1, end=date(2026, 1, 1)))
        service.open_file(full_path)
        app.processEvents()
        views["sessions and editor"] = window.grab()
        window.tabs.setCurrentWidget(window.review)
        window.review.data.load(background=False)
        for index in range(window.review.tabs.count()):
            window.review.tabs.setCurrentIndex(index)
            app.processEvents()
            views[f"review: {window.review.tabs.tabText(index).lower()}"] = window.grab()
        bench = find_exercise("Bench Press")
        if bench is not None and bench.id is not None:
            window.open_exercise(bench.id)
            app.processEvents()
            views["exercise page"] = window.grab()
        for screen in (window.calendar, window.bodyweight):
            window.tabs.setCurrentWidget(screen)
            app.processEvents()
            views[window.tabs.tabText(window.tabs.currentIndex()).lower()] = window.grab()
        dialog = PreferencesDialog(service.preferences, window)
        dialog.show()
        app.processEvents()
        views["preferences"] = dialog.grab()
        dialog.close()
        window.close()
        service.close()
        failed = [name for name, image in views.items() if image.isNull() or image.width() < 100]
        for name, image in views.items():
            print(f"smoke: {name}: {image.width()}x{image.height()}")
        if failed:
            print(f"smoke: failed to render {', '.join(failed)}", file=sys.stderr)
            return 1
        print("smoke: ok")
        return 0
