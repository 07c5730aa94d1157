# SPDX-License-Identifier: MIT
"""A child process for the crash and locking tests: it writes to a journal file the way Journal does and says on
stdout (unbuffered, one line each) what it has done, so that a test can SIGKILL it at a chosen moment.

    runner.py import CSV DB    `journal import CSV --db DB`, printing "writing" when the import's transaction
                               starts and "committing" when every row is in it and only the commit is left
    runner.py edits DB         edits through journal.storage.repository, each its own transaction, printing
                               "committed N" after the N-th commits (see expected_sets), until killed
    runner.py gui DB           the real main window (offscreen, holding the file's lock) with a lifter typing a
                               session through the keyboard: "saved title", "saved notes", "saved set L R E" after
                               each, until killed
    runner.py hold-lock DB     take the file's lock (journal.lock.acquire), print "locked PID", wait
    runner.py hold-write DB    open the file with plain sqlite3 and hold a write transaction ("held"), as another
                               program might, until stdin closes
    runner.py window DB        run_app (the whole window start-up); a warning box prints "warning: TEXT" instead
    runner.py together GO ARGS `journal ARGS` once the file GO exists (polled every millisecond, Journal's modules
                               already imported): several runners started this way run at the same moment
    runner.py slow-copy ARGS   `journal ARGS` with every backup copy going one page at a time, slowly, printing
                               "copying" once the first page is written: a test kills it in the middle of a copy
"""

from __future__ import annotations

import os
import sys
import time
from datetime import datetime
from pathlib import Path
from typing import Any


def say(text: str) -> None:
    sys.stdout.write(text + "\n")
    sys.stdout.flush()


# ---- the edits, and what the file must hold after the first k of them -----------------------------------------


def edit(i: int) -> tuple[str, float, int, str, int | None]:
    """Edit i (from 1): ("add", load, reps, note, position) for odd i, a new set at the top every fourth edit
    (shifting the others in the same transaction); ("update", load, reps, note, None) for even i, changing the set
    added just before."""
    if i % 2:
        return "add", float(i % 400), i % 100, f"op{i}", 0 if i % 4 == 1 else None
    return "update", float((i - 1) % 400), (i * 7) % 100, f"op{i}", None


def expected_sets(k: int) -> list[tuple[float, int, str]]:
    """(load_kg, reps, note) of the sets, in position order, after the first k edits."""
    sets: list[list[Any]] = []
    last: list[Any] = []
    for i in range(1, k + 1):
        kind, load, reps, note, position = edit(i)
        if kind == "add":
            last = [load, reps, note]
            sets.insert(0, last) if position == 0 else sets.append(last)
        else:
            last[1], last[2] = reps, note
    return [tuple(row) for row in sets]  # type: ignore[misc]


def run_edits(db: Path) -> None:
    from journal.domain.records import Entry, Session, SetRecord
    from journal.storage import repository as repo
    from journal.storage.database import open_database
    from journal.storage.exercises import find_exercise

    open_database(db)
    bench = find_exercise("Bench Press (Barbell)")
    assert bench is not None
    session, _ = repo.add_session(Session(start=datetime(2026, 5, 1, 18), title="Edits until killed"))
    assert session.id is not None
    entry, _ = repo.add_entry(session.id, Entry(exercise=bench))
    say(f"ready {session.id} {entry.id}")
    say("writing")
    last_id: int | None = None
    for i in range(1, 1_000_000):
        kind, load, reps, note, position = edit(i)
        record = SetRecord(load_kg=load, reps=reps, note=note)
        if kind == "add":
            stored, _ = repo.add_set(entry.id, record, position)
            last_id = stored.id
        else:
            assert last_id is not None
            repo.update_set(last_id, record)
        say(f"committed {i}")


# ---- a long import ----------------------------------------------------------------------------------------------


def run_import(csv_path: Path, db: Path) -> int:
    import journal.storage.importing as importing
    from journal.cli import main

    real = importing.insert_sessions

    def insert_sessions(*args: Any, **kwargs: Any) -> Any:
        say("writing")
        result = real(*args, **kwargs)
        say("committing")  # import_sessions commits when its transaction block ends, right after this returns
        return result

    importing.insert_sessions = insert_sessions
    return main(["import", str(csv_path), "--db", str(db)])


# ---- the window, typed into -------------------------------------------------------------------------------------


class _Bot:
    """What tests.ui.helpers needs of pytest-qt's qtbot: keyClick."""

    @staticmethod
    def keyClick(widget: Any, key: Any, modifier: Any = None) -> None:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        QTest.keyClick(widget, key, modifier if modifier is not None else Qt.KeyboardModifier.NoModifier)


def run_gui(db: Path) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from journal.lock import acquire
    from journal.ui.app import make_application
    from journal.ui.main_window import MainWindow
    from journal.ui.service import JournalService
    from tests.ui.helpers import press, type_text

    key, mod = Qt.Key, Qt.KeyboardModifier
    app = make_application()
    lock = acquire(db)  # as run_app does: held until the process ends
    service = JournalService(db)
    window = MainWindow(service)
    window.show()
    QTest.qWaitForWindowExposed(window)
    window.activateWindow()
    deadline = time.monotonic() + 10
    while QApplication.focusWidget() is None and time.monotonic() < deadline:
        app.processEvents()
    bot = _Bot()
    press(bot, key.Key_N, mod.ControlModifier)  # new session
    window.editor.title.setFocus()
    type_text(bot, "Killed mid-session")
    press(bot, key.Key_Tab)  # leaving the field saves it
    say(f"saved title {window.editor.session.id if window.editor.session else None}")
    window.editor.notes.setFocus()
    type_text(bot, "left knee ok")
    QTest.qWait(1200)  # notes are saved after a pause in the typing
    say("saved notes")
    press(bot, key.Key_E, mod.ControlModifier)
    type_text(bot, "Bench Press (Barbell)")
    press(bot, key.Key_Return)
    for n in range(1, 500):
        load, reps, effort = str(60 + n * 2.5), str(n % 12 + 1), str(n % 4)
        for i, text in enumerate((load, reps, effort)):  # from the Load cell of the next set: Tab between cells
            type_text(bot, text)
            if i < 2:
                press(bot, key.Key_Tab)
        press(bot, key.Key_Return)
        say(f"saved set {load} {reps} {effort}")
    del lock


# ---- holding the file -------------------------------------------------------------------------------------------


def hold_lock(db: Path) -> None:
    from journal.lock import acquire

    lock = acquire(db)
    say(f"locked {os.getpid()}")
    time.sleep(600)
    del lock


def hold_write(db: Path) -> None:
    import sqlite3

    connection = sqlite3.connect(db, isolation_level=None)
    connection.execute("BEGIN IMMEDIATE")
    connection.execute("UPDATE session SET title = title || ' (other program)'")
    say("held")
    sys.stdin.read()  # until the test closes our stdin
    connection.execute("ROLLBACK")
    connection.close()


def run_window(db: Path) -> int:
    from PySide6.QtWidgets import QMessageBox

    from journal.ui.app import run_app

    def warning(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
        say(f"warning: {text}")
        return QMessageBox.StandardButton.Ok

    QMessageBox.warning = warning  # type: ignore[assignment]
    return run_app(db)


def run_slow_copy(args: list[str]) -> int:
    import journal.storage.backup as backup
    from journal.cli import main

    real = backup._copy

    class Slow:
        def __init__(self, source: Any) -> None:
            self.source = source

        def backup(self, target: Any, **kwargs: Any) -> None:
            told = []

            def progress(_status: int, _remaining: int, _total: int) -> None:
                if not told:
                    told.append(True)
                    say("copying")
                time.sleep(0.05)

            self.source.backup(target, pages=1, progress=progress)

    def slow(source: Any, target: Any, *rest: Any) -> Any:
        return real(Slow(source), target, *rest)

    backup._copy = slow
    return main(args)


def main(argv: list[str]) -> int:
    mode, *rest = argv
    if mode == "slow-copy":
        return run_slow_copy(rest)
    if mode == "together":
        import journal.cli
        import journal.storage.database

        say("ready")
        while not Path(rest[0]).exists():
            time.sleep(0.001)
        return journal.cli.main(rest[1:])
    if mode == "import":
        return run_import(Path(rest[0]), Path(rest[1]))
    db = Path(rest[0])
    if mode == "edits":
        run_edits(db)
    elif mode == "gui":
        run_gui(db)
    elif mode == "hold-lock":
        hold_lock(db)
    elif mode == "hold-write":
        hold_write(db)
    elif mode == "window":
        return run_window(db)
    else:
        raise SystemExit(f"runner.py: unknown mode {mode!r}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))  # the repository, when run from elsewhere
    sys.exit(main(sys.argv[1:]))
