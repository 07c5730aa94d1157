# SPDX-License-Identifier: MIT
"""Started by the benchmarks: opens Journal's window on a journal and drives it with real key and mouse events to
the focus widget, as a lifter does, timing each interaction from the event to the end of the work it set off (every
event it posted handled, the window painted). Prints, as JSON, the median and 95th percentile of each kind of
interaction, and the longest single freeze seen."""

from __future__ import annotations

import json
import os
import statistics
import sys
import threading
import time
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTabWidget, QWidget

SAMPLES = 20


def settle(app: QApplication) -> None:
    """Handle every event the interaction posted (and those they post in turn), paints included."""
    for _ in range(3):
        app.processEvents()


def timed(app: QApplication, act: Callable[[], object]) -> float:
    began = time.perf_counter()
    act()
    settle(app)
    return time.perf_counter() - began


def key(app: QApplication, code: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    focus = QApplication.focusWidget()
    assert focus is not None, "nothing has the keyboard focus"
    QTest.keyClick(focus, code, modifier)


def click(widget: QWidget, at: QPoint | None = None) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, at or widget.rect().center())


def click_tab(tabs: QTabWidget, index: int) -> None:
    bar = tabs.tabBar()
    click(bar, bar.tabRect(index).center())


def longest_freeze(app: QApplication, done: Callable[[], bool], timeout: float = 60.0) -> float:
    """Handle events until `done`, and return the longest that one round of event handling held the window."""
    longest, began = 0.0, time.perf_counter()
    while True:
        at = time.perf_counter()
        app.processEvents()
        longest = max(longest, time.perf_counter() - at)
        if done() or time.perf_counter() - began > timeout:
            settle(app)
            return longest
        time.sleep(0.001)


def summary(times: list[float]) -> dict[str, float]:
    ordered = sorted(times)
    return {
        "median": statistics.median(ordered),
        "p95": ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
        "max": ordered[-1],
        "n": len(ordered),
    }


def main() -> None:
    from pathlib import Path

    from journal.ui.main_window import MainWindow
    from journal.ui.service import JournalService

    app = QApplication(sys.argv[:1])
    window = MainWindow(JournalService(Path(sys.argv[1])))
    window.resize(1400, 860)
    window.show()
    window.activateWindow()
    QTest.qWaitForWindowExposed(window)
    settle(app)
    # a lifter's first action comes a moment after the window is up, when the work started then (the Review's code
    # imported on a worker thread) is done
    QTest.qWait(600)
    for worker in threading.enumerate():
        if worker.name == "review-code":
            worker.join(timeout=30)
    settle(app)
    figures: dict[str, list[float]] = {}
    sessions = window.sessions

    # session switch: the arrow keys in the session list
    click(sessions.view.viewport(), QPoint(40, 20))
    settle(app)
    first = sessions.selected_id()
    figures["session switch"] = [timed(app, lambda: key(app, Qt.Key.Key_Down)) for _ in range(SAMPLES)]
    assert sessions.selected_id() != first and window.editor.session is not None, "the keys switched no session"
    assert window.editor.session.id == sessions.selected_id()

    # a keystroke in the search, letter by letter; then the sessions found once the typing pauses (the longest the
    # window is held while they are found and shown, the search index read in the background meanwhile); cleared
    searches, found = [], []
    for _ in range(4):
        click(sessions.search)
        for letter in "squat":
            searches.append(timed(app, lambda letter=letter: QTest.keyClicks(QApplication.focusWidget(), letter)))
        assert sessions.search.text() == "squat", sessions.search.text()
        found.append(longest_freeze(app, lambda: sessions.model.searching and not sessions._typing.isActive()))
        assert sessions.model.rows and all(
            "squat" in s.title.casefold() + " ".join(s.exercise_names).casefold() for s in sessions.model.rows[:50]
        )
        key(app, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
        key(app, Qt.Key.Key_Backspace)
        longest_freeze(app, lambda: not sessions.model.searching)
    figures["search keystroke"] = searches
    figures["search: sessions found after the typing pause (longest freeze)"] = found

    # the first switch to Review (the screen is brought up then, in steps, its placeholder shown meanwhile), the
    # data read in the background, and the longest the window was held until the screen was up and drawn
    began = time.perf_counter()
    click_tab(window.tabs, 1)
    freezes, ready = [time.perf_counter() - began], None
    rounds_after = 3  # the rounds that handle what the screen's first draw posted
    while rounds_after and time.perf_counter() - began < 60:
        at = time.perf_counter()
        app.processEvents()
        freezes.append(time.perf_counter() - at)
        if ready is None and window.review_data.snapshot is not None:
            ready = time.perf_counter() - began
        rounds_after -= window.review_built and ready is not None
        time.sleep(0.001)
    figures["review data ready"] = [ready]
    figures["first switch to Review (longest freeze until drawn)"] = [max(freezes)]
    review = window.review

    # range switch: the arrow keys on the range box
    click(review.range)
    settle(app)
    popup = QApplication.activePopupWidget()
    if popup is not None:
        QTest.keyClick(popup, Qt.Key.Key_Escape)
        settle(app)
    ranges, down = [], True
    for _ in range(SAMPLES):
        before, at = review.range.currentText(), review.range.currentIndex()
        last = review.range.count() - 1 - (review.range.findText("Custom") >= 0)  # Custom opens a dialog
        down = at < last if down else at == 0
        ranges.append(timed(app, lambda down=down: key(app, Qt.Key.Key_Down if down else Qt.Key.Key_Up)))
        assert review.range.currentText() != before, "the key changed no range"
    figures["range switch"] = ranges

    # chart-tab switch
    count = review.tabs.count()
    figures["chart-tab switch"] = [timed(app, lambda i=i: click_tab(review.tabs, i % count)) for i in range(1, SAMPLES)]
    assert review.tabs.currentIndex() == (SAMPLES - 1) % count

    # back to Review after an edit that changes no figure: a session's title changed in the log, then the Review tab
    backs = []
    for step in range(6):
        click_tab(window.tabs, 0)
        settle(app)
        click(window.editor.title)
        QTest.keyClicks(QApplication.focusWidget(), "x" if step % 2 == 0 else "")
        if step % 2:
            key(app, Qt.Key.Key_Backspace)
        key(app, Qt.Key.Key_Tab)  # the title is saved as the focus leaves it
        settle(app)
        assert window.editor.title.text().endswith("x") == (step % 2 == 0)
        backs.append(timed(app, lambda: click_tab(window.tabs, 1)))
        assert window.tabs.currentIndex() == 1
    figures["back to Review after an edit"] = backs

    # back to Review after a set's load edited (the Review's figures change): the cell clicked, a load typed, Enter
    backs = []
    block = next(b for b in window.editor.blocks if b.model.data(b.model.index(0, b.model.column_of("load"))))
    cell = block.model.index(0, block.model.column_of("load"))
    first = block.model.data(cell)
    for step in range(6):
        click_tab(window.tabs, 0)
        settle(app)
        table = block.table
        table.scrollTo(cell)
        click(table.viewport(), table.visualRect(cell).center())
        typed = f"{float(first) + 2.5:g}" if step % 2 == 0 else first
        for letter in typed:  # each to the widget with the focus: the first opens the cell's editor
            QTest.keyClicks(QApplication.focusWidget(), letter)
        key(app, Qt.Key.Key_Return)
        settle(app)
        assert block.model.data(cell) == typed, (block.model.data(cell), typed)
        backs.append(timed(app, lambda: click_tab(window.tabs, 1)))
        assert window.tabs.currentIndex() == 1
    figures["back to Review after a set's load edited"] = backs

    out = {name: summary(times) for name, times in figures.items()}
    print(json.dumps(out), flush=True)


if __name__ == "__main__":
    main()
