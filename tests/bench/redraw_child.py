# SPDX-License-Identifier: MIT
"""Started by the benchmarks: opens the review on a journal and prints, per chart, the median full-range redraw
(figures from the cached data, setData, and the paint), and the peak resident memory after drawing all four."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    from pathlib import Path

    from journal.ui.main_window import MainWindow
    from journal.ui.service import JournalService

    app = QApplication(sys.argv[:1])
    window = MainWindow(JournalService(Path(sys.argv[1])))
    window.resize(1400, 860)
    window.show()
    began = time.perf_counter()
    window.tabs.setCurrentIndex(1)  # the review reads its data in the background, as when a lifter opens it
    while window.review_data.snapshot is None:  # the data the Review's screen draws, which it brings up meanwhile
        app.processEvents()
        time.sleep(0.005)
    load = time.perf_counter() - began
    while not window.review_built:
        app.processEvents()
        time.sleep(0.005)
    review = window.review
    review.range.setCurrentText("All")
    figures: dict[str, float] = {"load_s": load}
    for index in range(review.tabs.count()):
        review.tabs.setCurrentIndex(index)
        app.processEvents()
        times = []
        for _ in range(7):
            began = time.perf_counter()
            review.redraw()
            review.current_chart().repaint()  # the paint, now
            app.processEvents()
            times.append(time.perf_counter() - began)
        figures[review.tabs.tabText(index)] = statistics.median(times[1:])
    figures["peak_rss_mb"] = peak_rss_mb()
    print(json.dumps(figures), flush=True)


if __name__ == "__main__":
    main()
