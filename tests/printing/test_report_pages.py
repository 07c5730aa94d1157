# SPDX-License-Identifier: MIT
"""Long printed reports and session sheets: the table head repeated on every page, numbers right-aligned, totals
never alone on a page, and the PDF saved from the print preview's own button."""

from __future__ import annotations

import subprocess
from datetime import datetime
from html import unescape
from pathlib import Path

from journal.domain.effort import EffortScale
from journal.domain.metrics import E1rmFormula
from journal.domain.records import Entry, Session, SetRecord
from journal.domain.review import ExerciseSummary
from journal.domain.units import Unit
from journal.printing.document import SafeDocument, write_pdf
from journal.printing.sheets import report, session_sheet
from journal.storage import exercises
from journal.storage.database import close_database, open_database


def text_of(pdf: Path, page: int) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True
    ).stdout


def pages_of(pdf: Path) -> int:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    return int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))


def words(pdf: Path, page: int) -> list[tuple[str, float, float]]:
    """(word, right edge, top) on a page."""
    html = subprocess.run(
        ["pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-"], capture_output=True, text=True
    ).stdout
    found = []
    for line in html.splitlines():
        if "<word" in line:
            attrs = dict(part.split("=", 1) for part in line.split(">")[0].split()[1:])
            text = unescape(line.split(">", 1)[1].split("<", 1)[0])
            found.append((text, float(attrs["xMax"].strip('"')), float(attrs["yMin"].strip('"'))))
    return found


def test_a_long_report_repeats_its_head_and_keeps_its_totals_first(qapp: object, tmp_path: Path) -> None:
    rows = [ExerciseSummary(i, 10 + i, 5, 1000.0 * (i + 1), 100.0 + i, 2.0) for i in range(90)]
    document = SafeDocument()
    names = {i: f"Exercise {i:02d}" for i in range(90)}
    document.setHtml(report("Training report", "2026-01-01 to 2026-12-31", rows, names, Unit.KG, EffortScale.RIR, []))
    pdf = tmp_path / "report.pdf"
    write_pdf(document, pdf, "a4")
    assert pages_of(pdf) >= 2
    first, second = text_of(pdf, 1), text_of(pdf, 2)
    for text in (first, second):
        assert "Working" in text and "Tonnage" in text and "Best" in text  # the head on both pages
    assert "All 90 exercises" in first  # the totals under the head, not alone after the table
    # numbers right-aligned: the tonnage column's figures end at one x on page 2
    tonnage = [right for word, right, _ in words(pdf, 2) if word.replace(",", "").isdigit() and "," in word]
    assert len(tonnage) > 10 and max(tonnage) - min(tonnage) < 1.0


def test_a_long_session_sheet_has_its_totals_on_the_first_page(qapp: object, tmp_path: Path, db_path: Path) -> None:
    open_database(db_path)
    try:
        bench = exercises.find_exercise("Bench Press")
        assert bench is not None
    finally:
        close_database()
    entries = tuple(
        Entry(exercise=bench, sets=tuple(SetRecord(load_kg=100 + k, reps=5, rir=2) for k in range(9))) for _ in range(7)
    )
    session = Session(start=datetime(2026, 11, 30, 18), title="Long", entries=entries)
    document = SafeDocument()
    document.setHtml(session_sheet(session, Unit.KG, EffortScale.RIR, 3.0, E1rmFormula.CURVE))
    pdf = tmp_path / "sheet.pdf"
    write_pdf(document, pdf, "a4")
    pages = pages_of(pdf)
    assert pages >= 2
    assert "Session: 63 working sets · 63 hard · tonnage" in text_of(pdf, 1)
    last = text_of(pdf, pages)
    assert "Set" in last and "Load (kg)" in last  # every page that holds sets has the head of their table
    assert "working sets ·" in last.split("Set")[0]  # the exercise's figures head its table, on its page
    loads = [right for word, right, _ in words(pdf, 1) if word in {f"{100 + k}" for k in range(9)}]
    assert len(loads) >= 9 and max(loads) - min(loads) < 1.0  # loads right-aligned
