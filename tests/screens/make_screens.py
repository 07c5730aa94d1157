# SPDX-License-Identifier: MIT
"""Every review chart and the insights panel at 1024x700 and 1600x1000, light and dark, for an empty journal, one
session, an imported Strong file without RPE and the 10-year demo; the period report and a session sheet as PNG pages.
Written into screenshots/review/ (git-ignored) to be looked at, with the demo's charts as seen with protanopia
and deuteranopia (tests/screens/cvd.py); `make screenshots` runs it.

    python tests/screens/make_screens.py [--out DIR] [--only NAME] [--readme]

--readme also writes resources/screenshots/review.png (the demo's proximity chart, light, 1400x860)."""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
_HOME = tempfile.mkdtemp(prefix="journal-screens-")
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["XDG_CONFIG_HOME"] = os.environ["XDG_DATA_HOME"] = _HOME  # the lifter's own settings are not touched
os.environ["HOME"] = _HOME

from PySide6.QtCore import QSize  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

SIZES = ((1024, 700), (1600, 1000))
THEMES = ("light", "dark")
CHARTS = ("volume", "proximity", "strength", "calibration")
# a real Strong export beside the clone, with RPE 0 on every row (not rated); else the repository's sample
STRONG_REAL = ROOT.parent / "shared" / "fixtures" / "strong" / "szelesaron-strong-2023.csv"
STRONG_SAMPLE = ROOT / "tests/fixtures/strong/strong-comma-no-unit.csv"


def journal(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "journal", *args], check=True, cwd=ROOT, capture_output=True)


def one_session(path: Path) -> None:
    from journal.domain.effort import EffortScale
    from journal.domain.records import Entry, Session, SetRecord, SetType
    from journal.storage import exercises
    from journal.storage import repository as repo
    from journal.storage.database import close_database, open_database

    open_database(path)
    bench, row, curl = (exercises.find_exercise(n) for n in ("Bench Press", "Barbell Row", "Barbell Curl"))
    day = date.today() - timedelta(days=2)
    entries = []
    for exercise, load in ((bench, 80.0), (row, 70.0), (curl, 30.0)):
        if exercise is None:
            continue
        sets = [SetRecord(set_type=SetType.WARMUP, load_kg=load / 2, reps=8)]
        sets += [SetRecord(load_kg=load, reps=8, rir=r, effort_scale=EffortScale.RIR) for r in (3, 2, 1)]
        sets.append(SetRecord(load_kg=load, reps=9, rir=1, failure_reps=11, effort_scale=EffortScale.RIR))
        entries.append(Entry(exercise=exercise, sets=tuple(sets)))
    repo.add_session(Session(start=datetime.combine(day, time(18)), title="Upper", entries=tuple(entries)))
    close_database()


def datasets(folder: Path) -> dict[str, Path]:
    from journal.storage.database import close_database, open_database

    made = {name: folder / f"{name}.sqlite" for name in ("empty", "one-session", "strong-no-rpe", "demo")}
    for path in made.values():
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    open_database(made["empty"])
    close_database()
    one_session(made["one-session"])
    strong = STRONG_REAL if STRONG_REAL.exists() else STRONG_SAMPLE
    if strong is STRONG_SAMPLE:
        print(f"{STRONG_REAL} is not beside this clone: the Strong export without RPE is the repository's sample")
    journal("import", str(strong), "--format", "strong", "--units", "kg", "--db", str(made["strong-no-rpe"]))
    journal("demo", "--db", str(made["demo"]), "--years", "10", "--seed", "1")
    return made


def settle(app: QApplication, window: QWidget, size: QSize | None = None) -> None:
    from journal.ui.tasks import wait_for_background

    if size is not None:
        window.resize(size)
    for _ in range(5):
        app.processEvents()
        wait_for_background()
        app.processEvents()


def shoot(widget: QWidget, path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    assert widget.grab().save(str(path)), path
    return path


def pages(pdf: Path, stem: Path) -> list[Path]:
    """The PDF's pages as PNG at 80 dpi: stem-1.png, stem-2.png, …"""
    subprocess.run(["pdftoppm", "-r", "80", "-png", str(pdf), str(stem)], check=True)
    return sorted(stem.parent.glob(f"{stem.name}-*.png"))


def printed(name: str, path: Path, out: Path) -> list[Path]:
    """The period report of the whole journal and the latest session's sheet, as PDF and PNG pages."""
    from journal.printing.document import write_pdf
    from journal.printing.documents import report_document, session_document
    from journal.review.data import read_all
    from journal.review.figures import Scope
    from journal.settings import Preferences
    from journal.storage.database import close_database, open_database
    from journal.storage.queries import list_sessions

    prefs = Preferences()
    open_database(path)
    try:
        snapshot = read_all(prefs)
        made = []
        latest = max(snapshot.rows.week) if len(snapshot.rows.week) else None
        since = None if latest is None else date.fromordinal(int(latest)) - timedelta(weeks=11)
        report = out / f"{name}-report.pdf"
        write_pdf(report_document(snapshot, Scope(since=since), prefs), report, "a4", "Training report")
        made += pages(report, out / f"{name}-report")
        sessions = list_sessions()
        if sessions:
            sheet = out / f"{name}-session.pdf"
            write_pdf(session_document([sessions[0].id], prefs), sheet, "a4", "Session")
            made += pages(sheet, out / f"{name}-session")
        return made
    finally:
        close_database()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "review")
    parser.add_argument("--only", help="one data set: empty, one-session, strong-no-rpe or demo")
    parser.add_argument("--readme", action="store_true", help="also write resources/screenshots/review.png")
    args = parser.parse_args()
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    from journal.ui.main_window import MainWindow
    from journal.ui.service import JournalService
    from journal.ui.theme import apply_theme

    made: list[Path] = []
    for name, path in datasets(Path(_HOME)).items():
        if args.only and name != args.only:
            continue
        made += printed(name, path, out)
        service = JournalService(path)
        window = MainWindow(service)
        window.show()
        review = window.review
        window.tabs.setCurrentWidget(review)
        settle(app, window)
        for theme in THEMES:
            apply_theme(app, theme)
            for width, height in SIZES:
                settle(app, window, QSize(width, height))
                for index, chart in enumerate(CHARTS):
                    review.tabs.setCurrentIndex(index)
                    settle(app, window)
                    window.statusBar().clearMessage()  # the file's path: where the data happened to be written
                    made.append(shoot(window, out / f"{name}-{chart}-{theme}-{width}x{height}.png"))
                made.append(shoot(review.insights_box, out / f"{name}-insights-{theme}-{width}x{height}.png"))
                if review.insights.cards:  # the first item chosen: opened, its sets marked in the chart
                    review.tabs.setCurrentIndex(CHARTS.index("proximity"))
                    review.insights._clicked(review.insights.cards[0])
                    settle(app, window)
                    made.append(shoot(window, out / f"{name}-chosen-{theme}-{width}x{height}.png"))
                    review.insights.clear_choice()
                if args.readme and name == "demo" and theme == "light" and width == 1600:
                    review.tabs.setCurrentIndex(CHARTS.index("proximity"))
                    settle(app, window, QSize(1400, 860))
                    window.statusBar().clearMessage()
                    shoot(window, ROOT / "resources" / "screenshots" / "review.png")
                    settle(app, window, QSize(width, height))
        window.close()
        service.close()
        app.processEvents()
    from tests.screens.cvd import simulate_file

    for chart in CHARTS:  # how the charts look with protanopia and deuteranopia
        shot = out / f"demo-{chart}-light-1600x1000.png"
        if shot.exists():
            made += simulate_file(shot)
    print(f"wrote {len(made)} images to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
