# SPDX-License-Identifier: MIT
"""Printed documents through the CLI (`journal print`, `journal sheet`, `journal report`), read back with poppler:
pdftotext for the figures and the escaping, pdfinfo for pages and paper, pdftoppm for the empty boxes, the black and
white check and the screenshots people look at."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np
import pytest

from journal import settings
from journal.cli import main
from journal.domain.effort import EffortScale
from journal.domain.records import Entry, Session, SetRecord, SetType
from journal.domain.review import ExerciseSummary
from journal.domain.routines import Routine, RoutineItem
from journal.domain.units import Unit
from journal.printing.document import SafeDocument, print_document
from journal.printing.sheets import report
from journal.storage import exercises
from journal.storage import repository as repo
from journal.storage.database import close_database, open_database
from journal.storage.routines import save_routine

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")

SCREENSHOTS = Path(__file__).resolve().parents[2] / "screenshots"
NOTE = '<b>bold</b> <img src="file:///etc/passwd"> & co'
CURL = "Curl <i>x</i>"
A4_PT = (595.276, 841.89)
LETTER_PT = (612.0, 792.0)


# ---- hand figures -----------------------------------------------------------------------------------------------


def e1rm_text(load: float, reps: int, rir: float) -> str:
    """load × (1 + 0.0392 × (reps + RIR − 1)), one decimal, '*' when reps + RIR is above 10 (extrapolated)."""
    n = reps + rir
    value = load * (1 + 0.0392 * (n - 1))
    text = f"{value:.1f}"
    text = text.rstrip("0").rstrip(".") if "." in text else text
    return text + ("*" if n > 10 else "")


def test_hand_e1rm_helper() -> None:
    assert e1rm_text(100, 6, 3) == "131.4"  # 100 × 1.3136
    assert e1rm_text(100, 6, 2.5) == "129.4"  # 100 × 1.294
    assert e1rm_text(50, 8, 2) == "67.6"  # 50 × 1.3528
    assert e1rm_text(20, 12, 2) == "30.2*"  # 20 × 1.5096, n = 14
    assert e1rm_text(102.5, 4, 3) == "126.6"  # 102.5 × 1.2352


# ---- poppler ----------------------------------------------------------------------------------------------------


def run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True, timeout=30).stdout


def text_of(pdf: Path, page: int | None = None, layout: bool = False) -> str:
    """The PDF's text, ligatures (ﬁ) unfolded."""
    args = ["pdftotext", "-enc", "UTF-8"] + (["-layout"] if layout else [])
    if page is not None:
        args += ["-f", str(page), "-l", str(page)]
    return unicodedata.normalize("NFKC", run(*args, str(pdf), "-"))


def flat(text: str) -> str:
    return " ".join(text.split())


def pdf_info(pdf: Path) -> tuple[int, tuple[float, float]]:
    info = run("pdfinfo", str(pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    assert size is not None, info
    return pages, (float(size.group(1)), float(size.group(2)))


def gray_page(pdf: Path, page: int, dpi: int, tmp: Path) -> np.ndarray:
    """One page as a grayscale array (0 black .. 255 white)."""
    prefix = tmp / f"{pdf.stem}-{page}-gray"
    run("pdftoppm", "-gray", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix))
    data = Path(f"{prefix}.pgm").read_bytes()
    match = re.match(rb"P5\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match is not None
    width, height = int(match.group(1)), int(match.group(2))
    return np.frombuffer(data[match.end() : match.end() + width * height], dtype=np.uint8).reshape(height, width)


def color_page(pdf: Path, page: int, dpi: int, tmp: Path) -> np.ndarray:
    prefix = tmp / f"{pdf.stem}-{page}-rgb"
    run("pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix))
    data = Path(f"{prefix}.ppm").read_bytes()
    match = re.match(rb"P6\s+(\d+)\s+(\d+)\s+(\d+)\s", data)
    assert match is not None
    width, height = int(match.group(1)), int(match.group(2))
    return np.frombuffer(data[match.end() : match.end() + width * height * 3], dtype=np.uint8).reshape(height, width, 3)


@dataclass(frozen=True)
class Word:
    text: str
    x0: float
    y0: float
    x1: float
    y1: float


def words_of(pdf: Path, page: int) -> list[Word]:
    html = run("pdftotext", "-enc", "UTF-8", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    return [
        Word(unicodedata.normalize("NFKC", m.group(5)), *(float(m.group(i)) for i in range(1, 5)))
        for m in re.finditer(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', html
        )
    ]


def vertical_lines(image: np.ndarray, top: int, bottom: int) -> int:
    """How many vertical rules run through every pixel row from top to bottom (box edges)."""
    band = image[top:bottom] < 128
    full = band.mean(axis=0) > 0.95
    return int(np.count_nonzero(full[1:] & ~full[:-1]) + (1 if full[0] else 0))


def screenshot(pdf: Path, name: str, page: int = 1) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    target = SCREENSHOTS / name
    run(
        "pdftoppm",
        "-png",
        "-r",
        "110",
        "-f",
        str(page),
        "-l",
        str(page),
        "-singlefile",
        str(pdf),
        str(target.with_suffix("")),
    )
    assert target.exists() and target.stat().st_size > 1000
    return target


# ---- the journal ------------------------------------------------------------------------------------------------


def cli(*argv: str) -> int:
    try:
        return main(list(argv))
    finally:
        close_database()


DOCUMENTS = {  # name: the command line without --pdf and --db
    "latest": ("print", "latest", "--page", "a4"),
    "two": ("print", "{s1}", "{s2}", "--page", "a4"),
    "sheet": ("sheet", "push a", "--date", "2026-03-09", "--page", "a4"),
    "sheet_letter": ("sheet", "{push}", "--page", "letter"),
    "sheets": ("sheet", "Push A", "PULL B", "--page", "a4"),
    "report": ("report", "--since", "2026-03-01", "--until", "2026-03-08", "--page", "a4"),
}


@dataclass
class Printed:
    """One journal for the module; each document is written the first time a test asks for it."""

    folder: Path
    db: Path
    data: Path
    ids: dict[str, int] = field(default_factory=dict)
    made: dict[str, Path] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Path:
        if name not in self.made:
            out = self.folder / f"{name}.pdf"
            argv = [part.format(**self.ids) for part in DOCUMENTS[name]]
            with pytest.MonkeyPatch.context() as patch:
                patch.setenv("JOURNAL_DATA_DIR", str(self.data))
                code = cli(*argv, "--pdf", str(out), "--db", str(self.db))
            assert code == 0, argv
            assert out.read_bytes()[:5] == b"%PDF-"
            self.made[name] = out
        return self.made[name]


def build_journal(db: Path) -> dict[str, int]:
    """Three sessions (Mon 2 March, Thu 5 March, Wed 11 March 2026) and two routines."""
    open_database(db)
    try:
        bench = exercises.find_exercise("Bench Press")
        press = exercises.find_exercise("Overhead Press")
        dumbbell = exercises.find_exercise("Dumbbell Bench Press")
        pulldown = exercises.find_exercise("Lat Pulldown")
        row = exercises.find_exercise("Barbell Row")
        assert bench and press and dumbbell and pulldown and row
        curl, _ = exercises.create_exercise(CURL)
        push, _ = save_routine(
            Routine(
                name="Push A",
                notes="<u>deload</u> & week",
                items=(
                    RoutineItem(exercise=bench, sets=3, reps_low=5, reps_high=6, target_rir=2.0, rest_s=180),
                    RoutineItem(exercise=press, sets=3, reps_low=8, reps_high=12, target_rir=2.0),
                    RoutineItem(
                        exercise=curl,
                        sets=3,
                        reps_low=10,
                        reps_high=15,
                        target_rir=1.0,
                        calibration=True,
                        notes="<script>alert(1)</script> last set all out",
                    ),
                    RoutineItem(exercise=dumbbell, sets=3, reps_low=8, reps_high=12, target_rir=2.0),
                    RoutineItem(exercise=pulldown, sets=3, reps_low=8, reps_high=12, target_rir=2.0, load_kg=60.0),
                ),
            )
        )
        pull, _ = save_routine(
            Routine(
                name="Pull B",
                items=(
                    RoutineItem(exercise=row, sets=4, reps_low=6, reps_high=8, target_rir=1.0),
                    RoutineItem(exercise=pulldown, sets=3, reps_low=10, reps_high=12, target_rir=2.0),
                ),
            )
        )
        s1, _ = repo.add_session(
            Session(
                start=datetime(2026, 3, 2, 18),
                title="Push A",
                bodyweight_kg=80.0,
                notes=NOTE,
                routine_id=push.id,
                entries=(
                    Entry(
                        exercise=bench,
                        sets=(
                            SetRecord(set_type=SetType.WARMUP, load_kg=60, reps=5),
                            SetRecord(load_kg=100, reps=6, rir=3),
                            SetRecord(load_kg=100, reps=6, rir=3),
                            SetRecord(load_kg=100, reps=6, rir=2.5, note=NOTE),
                        ),
                    ),
                    Entry(exercise=press, sets=tuple(SetRecord(load_kg=50, reps=8, rir=2) for _ in range(3))),
                    Entry(
                        exercise=curl,
                        note="supinate",
                        sets=(
                            SetRecord(load_kg=20, reps=12, rir=2),
                            SetRecord(load_kg=20, reps=12, rir=2, failure_reps=14),
                            SetRecord(set_type=SetType.FAILURE, load_kg=20, reps=13, rir=0),
                        ),
                    ),
                ),
            )
        )
        s2, _ = repo.add_session(
            Session(
                start=datetime(2026, 3, 5, 18),
                title="Pull B",
                entries=(
                    Entry(exercise=bench, sets=(SetRecord(load_kg=102.5, reps=4, rir=3),)),
                    Entry(exercise=curl, sets=(SetRecord(load_kg=22.5, reps=10, rir=2),)),
                ),
            )
        )
        s3, _ = repo.add_session(
            Session(
                start=datetime(2026, 3, 11, 18),
                title="Later",
                entries=(Entry(exercise=bench, sets=(SetRecord(load_kg=105, reps=4, rir=1),)),),
            )
        )
        return {"push": push.id, "pull": pull.id, "s1": s1.id, "s2": s2.id, "s3": s3.id}  # type: ignore[dict-item]
    finally:
        close_database()


@pytest.fixture(scope="module")
def printed(qapp: object, tmp_path_factory: pytest.TempPathFactory) -> Printed:
    folder = tmp_path_factory.mktemp("printed")
    result = Printed(folder, folder / "journal.sqlite", folder / "data")
    result.data.mkdir()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("JOURNAL_DATA_DIR", str(result.data))
        result.ids = build_journal(result.db)
    return result


# ---- session sheets ---------------------------------------------------------------------------------------------


def test_print_latest_is_the_newest_session(printed: Printed) -> None:
    pdf = printed["latest"]
    pages, size = pdf_info(pdf)
    assert pages == 1
    text = flat(text_of(pdf))
    assert text.startswith("Later")
    assert "Wednesday 11 March 2026" in text
    assert "Bench Press" in text and "Push A" not in text and "Pull B" not in text
    layout = flat(text_of(pdf, layout=True))
    assert re.search(r"\b1 Working 105 4 1 " + re.escape(e1rm_text(105, 4, 1)), layout), layout
    assert "420 kg" in text


def test_two_sessions_start_on_separate_pages(printed: Printed) -> None:
    pdf = printed["two"]
    pages, _ = pdf_info(pdf)
    assert pages == 2
    first, second = flat(text_of(pdf, 1)), flat(text_of(pdf, 2))
    assert first.startswith("Push A") and "Monday 02 March 2026" in first
    assert "Thursday 05 March 2026" not in first
    assert second.startswith("Pull B") and "Thursday 05 March 2026" in second
    assert "Monday 02 March 2026" not in second and "Overhead Press" not in second


def test_session_sheet_has_every_set_with_effort_and_e1rm(printed: Printed) -> None:
    pdf = printed["two"]
    text = flat(text_of(pdf, 1))
    layout = flat(text_of(pdf, 1, layout=True))
    for name in ("Bench Press", "Overhead Press", CURL):
        assert name in text
    assert "Load (kg)" in text and "e1RM (kg)" in text and "RIR" in text
    assert "Bodyweight 80 kg" in text
    assert re.search(r"W Warm-up ?60 5\b", layout), layout  # a warm-up: no number, no e1RM
    assert re.search(r"W Warm-up ?60 5 1 Working", layout), layout
    for number, load, reps, rir, kind in (
        (1, 100, 6, 3, "Working"),
        (2, 100, 6, 3, "Working"),
        (3, 100, 6, 2.5, "Working"),
        (1, 50, 8, 2, "Working"),
        (2, 50, 8, 2, "Working"),
        (3, 50, 8, 2, "Working"),
        (1, 20, 12, 2, "Working"),
        (3, 20, 13, 0, "Failure/AMRAP"),
    ):
        rir_text = f"{rir:g}"
        estimate = re.escape(e1rm_text(load, reps, rir))
        pattern = rf"\b{number} {re.escape(kind)} {load} {reps} {re.escape(rir_text)} {estimate}"
        assert re.search(pattern, layout), (pattern, layout)
    # the set continued to failure shows the reps reached
    assert re.search(r"\b2 Working 20 12 2 14 " + re.escape(e1rm_text(20, 12, 2)), layout), layout
    assert "131.4" in text and "129.4" in text and "67.6" in text and "30.2*" in text and "29.4*" in text


def test_session_sheet_totals(printed: Printed) -> None:
    text = flat(text_of(printed["two"], 1))
    # bench 3 × 100 × 6; press 3 × 50 × 8; curl 20 × (12 + 12 + 13); hard: RIR ≤ 3, all nine
    assert "3 working sets · 3 hard (RIR ≤ 3) · 1,800 kg · best e1RM 131.4 kg" in text
    assert "3 working sets · 3 hard (RIR ≤ 3) · 1,200 kg · best e1RM 67.6 kg" in text
    assert "3 working sets · 3 hard (RIR ≤ 3) · 740 kg" in text
    assert "9 working sets · 9 hard · tonnage 3,740 kg" in text
    second = flat(text_of(printed["two"], 2))
    assert "1 working sets · 1 hard (RIR ≤ 3) · 410 kg · best e1RM 126.6 kg" in second
    assert "tonnage 635 kg" in second  # 410 + 22.5 × 10


def test_session_sheet_shows_notes_literally(printed: Printed) -> None:
    text = flat(text_of(printed["two"], 1))
    assert NOTE in text  # the session's notes, escaped: the tags are text, the & is an &
    assert "<b>bold</b>" in text and "<img src=" in text and "& co" in text
    assert "supinate" in text
    assert "&amp;" not in text and "&lt;" not in text
    assert CURL in text and "<i>" in text


def test_session_sheet_loads_no_image(printed: Printed) -> None:
    listing = run("pdfimages", "-list", str(printed["two"])).splitlines()
    assert len(listing) == 2, listing  # the header only


# ---- gym sheets -------------------------------------------------------------------------------------------------


def test_gym_sheet_targets_suggestions_and_last_time(printed: Printed) -> None:
    text = flat(text_of(printed["sheet"]))
    assert text.startswith("Push A")
    assert "2026-03-09" in text
    assert "Loads in kg" in text and "RIR" in text
    assert "Bench Press — 3 × 5–6 @ RIR 2" in text
    assert "Overhead Press — 3 × 8–12 @ RIR 2" in text
    assert f"{CURL} — 3 × 10–15 @ RIR 1" in text
    assert "Dumbbell Bench Press — 3 × 8–12 @ RIR 2" in text
    assert "Lat Pulldown — 3 × 8–12 @ RIR 2" in text
    # bench: every set at 100 kg reached 6 reps at RIR ≥ 2.5 > 2 → one 2.5 kg step more
    assert "Suggested load: 102.5 kg" in text
    assert "100 kg" in text and "2.5 kg more" in text
    # press: 8 of 8–12 reps → the same 50 kg; curl: not all at 15 → the same 20 kg; pulldown: fixed 60 kg
    assert "Suggested load: 50 kg" in text
    assert "Suggested load: 20 kg" in text
    assert "Suggested load: 60 kg" in text
    assert "Suggested load: choose" in text  # dumbbell bench press: never done in this routine
    assert "Last time: 100×6 @3, 100×6 @3, 100×6 @2.5" in text  # no warm-up
    assert "Last time: 50×8 @2, 50×8 @2, 50×8 @2" in text
    assert "Last time: 20×12 @2, 20×12 @2, 20×13 @0" in text
    assert "Rest 3:00" in text
    assert text.count("Last time") == 3
    assert text.count("Suggested load") == 5


def test_gym_sheet_calibration_set_has_a_reps_to_failure_box(printed: Printed) -> None:
    text = flat(text_of(printed["sheet"]))
    assert text.count("Reps to failure") == 1  # only the calibration exercise
    assert "(all out)" in text


def test_gym_sheet_shows_notes_literally(printed: Printed) -> None:
    text = flat(text_of(printed["sheet"]))
    assert "<u>deload</u> & week" in text
    assert "<script>alert(1)</script> last set all out" in text


def test_gym_sheet_has_empty_boxes_to_fill(printed: Printed, tmp_path: Path) -> None:
    pdf, dpi = printed["sheet"], 144
    words = words_of(pdf, 1)
    heads = [w for w in words if w.text == "Set"]
    assert heads, words
    head = heads[0]
    numbers = [w for w in words if w.text in ("1", "2", "3") and abs(w.x0 - head.x0) < 60 and w.y0 > head.y1]
    numbers = sorted(numbers, key=lambda w: w.y0)[:3]
    assert [w.text for w in numbers] == ["1", "2", "3"]
    scale = dpi / 72
    image = gray_page(pdf, 1, dpi, tmp_path)
    top, bottom = int(numbers[0].y0 * scale) + 2, int(numbers[-1].y1 * scale) - 2
    # Set, Load, Reps, RIR: four boxed columns have five vertical rules through the set rows
    assert vertical_lines(image, top, bottom) >= 5
    # and the boxes are empty: nothing printed right of the set number
    right = image[top:bottom, int(numbers[0].x1 * scale) + 20 :]
    inner = right[:, :-10] < 128
    assert inner.mean() < 0.05


def test_gym_sheet_is_black_and_white(printed: Printed, tmp_path: Path) -> None:
    pixels = color_page(printed["sheet"], 1, 50, tmp_path).astype(int)
    spread = pixels.max(axis=2) - pixels.min(axis=2)
    assert spread.max() <= 8


def test_gym_sheet_fits_one_a4_page(printed: Printed) -> None:
    pages, size = pdf_info(printed["sheet"])
    assert size == pytest.approx(A4_PT, abs=0.5)
    assert pages == 1


def test_gym_sheet_fits_one_letter_page(printed: Printed) -> None:
    pages, size = pdf_info(printed["sheet_letter"])
    assert size == pytest.approx(LETTER_PT, abs=0.5)
    assert pages == 1


def test_page_sizes(printed: Printed) -> None:
    assert pdf_info(printed["sheet_letter"])[1] == pytest.approx(LETTER_PT, abs=0.5)
    for name in ("sheet", "two", "latest"):
        assert pdf_info(printed[name])[1] == pytest.approx(A4_PT, abs=0.5)
    assert tuple(round(v) for v in pdf_info(printed["sheet"])[1]) == (595, 842)
    assert tuple(round(v) for v in pdf_info(printed["sheet_letter"])[1]) == (612, 792)


def test_letter_sheet_has_the_same_content(printed: Printed) -> None:
    text = flat(text_of(printed["sheet_letter"]))
    assert "Bench Press — 3 × 5–6 @ RIR 2" in text and "Reps to failure" in text
    assert "Date: ____" in text  # no --date: a blank to fill


def test_several_routines_in_one_job_start_on_new_pages(printed: Printed) -> None:
    pdf = printed["sheets"]
    pages, _ = pdf_info(pdf)
    texts = [flat(text_of(pdf, page)) for page in range(1, pages + 1)]
    starts = [i for i, text in enumerate(texts) if text.startswith("Pull B")]
    assert len(starts) == 1 and starts[0] > 0
    assert all("Pull B" not in text for text in texts[: starts[0]])
    assert "Barbell Row — 4 × 6–8 @ RIR 1" in texts[starts[0]]
    assert "Lat Pulldown — 3 × 10–12 @ RIR 2" in texts[starts[0]]
    assert "Bench Press" not in " ".join(texts[starts[0] :])


def test_page_preference_is_used_without_page_option(qapp: object, tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "journal.sqlite"
    ids = build_journal(db)
    settings.put(settings.PAGE, "letter")
    out = tmp_path / "pref.pdf"
    assert cli("print", str(ids["s3"]), "--pdf", str(out), "--db", str(db)) == 0
    assert pdf_info(out)[1] == pytest.approx(LETTER_PT, abs=0.5)
    assert cli("print", str(ids["s3"]), "--pdf", str(out), "--page", "a4", "--db", str(db)) == 0
    assert pdf_info(out)[1] == pytest.approx(A4_PT, abs=0.5)


def test_gym_sheet_in_pounds(qapp: object, tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "journal.sqlite"
    ids = build_journal(db)
    settings.put(settings.UNITS, Unit.LB)
    out = tmp_path / "lb.pdf"
    assert cli("sheet", str(ids["push"]), "--pdf", str(out), "--db", str(db)) == 0
    text = flat(text_of(out))
    assert "Loads in lb" in text and "Load (lb)" in text
    # 100 kg = 220.46 lb, one 5 lb step more = 225.46 lb, rounded to whole 5 lb steps: 225 lb, 4.54 lb more
    assert "Suggested load: 225 lb" in text and "4.54 lb more (one 5 lb step, to the nearest whole step)" in text


def square(tmp_path: Path) -> tuple[object, Path]:
    from PySide6.QtGui import QColor, QImage

    picture = QImage(64, 64, QImage.Format.Format_RGB32)
    picture.fill(QColor("black"))
    path = tmp_path / "secret.png"
    assert picture.save(str(path))
    return picture, path


def embedded_images(pdf: Path) -> list[tuple[int, int]]:
    """(width, height) of every image drawn in the PDF (soft masks left out)."""
    rows = run("pdfimages", "-list", str(pdf)).splitlines()[2:]
    return [(int(r.split()[3]), int(r.split()[4])) for r in rows if r.split()[2] == "image"]


def test_safe_document_loads_no_file_named_in_the_text(qapp: object, tmp_path: Path) -> None:
    from journal.printing.document import SafeDocument, write_pdf

    _, path = square(tmp_path)
    document = SafeDocument()
    document.setHtml(f"<p>a</p><img src='{path.as_uri()}' width='200'/><img src='{path}' width='200'/>")
    out = tmp_path / "safe.pdf"
    write_pdf(document, out, "a4")
    assert (64, 64) not in embedded_images(out)


def test_safe_document_draws_the_images_it_was_given(qapp: object, tmp_path: Path) -> None:
    from journal.printing.document import SafeDocument, write_pdf

    picture, _ = square(tmp_path)
    document = SafeDocument()
    address = document.add_image("chart1", picture)  # type: ignore[arg-type]
    document.setHtml(f"<p>a</p><img src='{address}' width='200'/>")
    out = tmp_path / "given.pdf"
    write_pdf(document, out, "a4")
    assert embedded_images(out) == [(64, 64)]


# ---- period report ----------------------------------------------------------------------------------------------


def report_row(layout: str, name: str) -> list[str]:
    for line in layout.splitlines():
        if line.strip().startswith(name):
            return line.strip()[len(name) :].split()
    raise AssertionError(f"no row for {name!r} in:\n{layout}")


def test_report_table_for_a_range(printed: Printed) -> None:
    pdf = printed["report"]
    layout = text_of(pdf, 1, layout=True)
    text = flat(text_of(pdf, 1))
    assert "Training report" in text and "2026-03-01 to 2026-03-08" in text
    for head in ("Exercise", "Working", "Hard", "Tonnage", "(kg)", "e1RM", "Mean", "RIR"):
        assert head in text
    # 2–8 March: sessions 1 and 2 (11 March is outside)
    # bench: 100×6 ×3 + 102.5×4 = 2,210 kg; best e1RM 131.4; mean RIR (3+3+2.5+3)/4 = 2.875
    assert report_row(layout, "Bench Press") == ["4", "4", "2,210", "131.4", "2.9"]
    # curl: 20×12 ×2 + 20×13 + 22.5×10 = 965 kg; all e1RMs extrapolated, best 22.5×10 @2: 32.2; RIR (2+2+0+2)/4
    assert report_row(layout, CURL) == ["4", "4", "965", "32.2", "1.5"]
    # press: 50×8 ×3 = 1,200 kg; 67.6; RIR 2
    assert report_row(layout, "Overhead Press") == ["3", "3", "1,200", "67.6", "2"]
    assert "105" not in layout and "121.5" not in layout


def test_report_draws_every_chart_into_the_document(printed: Printed) -> None:
    pdf = printed["report"]
    text = flat(text_of(pdf))
    for caption in ("Weekly volume", "Proximity to failure", "Strength: e1RM and records", "RIR calibration"):
        assert caption in text
    listing = run("pdfimages", "-list", str(pdf)).splitlines()[2:]
    assert len(listing) == 4, listing
    for line in listing:
        width, height = (int(v) for v in line.split()[3:5])
        assert width >= 800 and height >= 400


def test_report_mid_week_range_counts_only_days_inside(qapp: object, tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "journal.sqlite"
    build_journal(db)
    out = tmp_path / "mid.pdf"
    assert cli("report", "--since", "2026-03-04", "--until", "2026-03-10", "--pdf", str(out), "--db", str(db)) == 0
    _mid_week_figures(text_of(out, 1, layout=True))


def _mid_week_figures(layout: str) -> None:
    # only session 2 (Thu 5 March): bench 102.5×4 @3, curl 22.5×10 @2; no press
    assert report_row(layout, "Bench Press") == ["1", "1", "410", "126.6", "3"]
    assert report_row(layout, CURL) == ["1", "1", "225", "32.2", "2"]
    assert "Overhead Press" not in layout


def test_report_for_one_exercise(qapp: object, tmp_path: Path, data_dir: Path) -> None:
    db = tmp_path / "journal.sqlite"
    build_journal(db)
    out = tmp_path / "bench.pdf"
    assert (
        cli(
            "report",
            "--since",
            "2026-03-01",
            "--until",
            "2026-03-08",
            "--exercise",
            "bench press",
            "--pdf",
            str(out),
            "--db",
            str(db),
        )
        == 0
    )
    layout = text_of(out, 1, layout=True)
    assert report_row(layout, "Bench Press") == ["4", "4", "2,210", "131.4", "2.9"]
    assert CURL not in layout and "Overhead Press" not in layout


def test_report_shows_exercise_names_literally(printed: Printed) -> None:
    text = flat(text_of(printed["report"], 1))
    assert CURL in text and "&lt;" not in text


# ---- errors -----------------------------------------------------------------------------------------------------


def test_unknown_routine_is_exit_code_2(qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "journal.sqlite"
    build_journal(db)
    out = tmp_path / "none.pdf"
    assert cli("sheet", "Push A", "Legs Day", "--pdf", str(out), "--db", str(db)) == 2
    err = capsys.readouterr().err
    assert "Legs Day" in err and "no routine" in err
    assert not out.exists()


def test_latest_on_an_empty_journal_is_exit_code_2(
    qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = tmp_path / "empty.sqlite"
    open_database(db)
    close_database()
    out = tmp_path / "none.pdf"
    assert cli("print", "latest", "--pdf", str(out), "--db", str(db)) == 2
    err = capsys.readouterr().err
    assert "no sessions" in err
    assert not out.exists()


def test_unknown_session_is_exit_code_2(qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "journal.sqlite"
    build_journal(db)
    out = tmp_path / "none.pdf"
    assert cli("print", "999", "--pdf", str(out), "--db", str(db)) == 2
    assert "999" in capsys.readouterr().err
    assert cli("print", "yesterday", "--pdf", str(out), "--db", str(db)) == 2
    assert "yesterday" in capsys.readouterr().err
    assert not out.exists()


def test_missing_journal_file_is_exit_code_2(qapp: object, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "none.pdf"
    assert cli("print", "latest", "--pdf", str(out), "--db", str(tmp_path / "nope.sqlite")) == 2
    assert capsys.readouterr().err
    assert not (tmp_path / "nope.sqlite").exists()


# ---- screenshots ------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("document", "name"),
    [
        ("two", "pdf-session.png"),
        ("sheet", "pdf-gym-sheet.png"),
        ("report", "pdf-report.png"),
        ("sheet_letter", "pdf-gym-sheet-letter.png"),
    ],
)
def test_screenshot(printed: Printed, document: str, name: str) -> None:
    assert os.access(screenshot(printed[document], name), os.R_OK)


# ---- page breaks ------------------------------------------------------------------------------------------------


def _images_on(pdf: Path, page: int) -> int:
    return len(run("pdfimages", "-list", "-f", str(page), "-l", str(page), str(pdf)).splitlines()) - 2  # 2: header


def _report(rows: int) -> SafeDocument:
    from PySide6.QtGui import QColor, QImage

    chart = QImage(1000, 562, QImage.Format.Format_RGB32)
    chart.fill(QColor("steelblue"))
    document = SafeDocument()
    charts = [
        (document.add_image("volume", chart), "Weekly volume"),
        (document.add_image("proximity", chart), "Proximity to failure"),
    ]
    summaries = [
        ExerciseSummary(exercise=i, working=10, hard=5, tonnage=1000.0, best_e1rm=100.0, mean_rir=2.0)
        for i in range(rows)
    ]
    document.setHtml(
        report(
            "Training report",
            "2026-11-01 to 2026-12-07",
            summaries,
            {i: f"Exercise {i}" for i in range(rows)},
            Unit.KG,
            EffortScale.RIR,
            charts,
        )
    )
    return document


def test_a_report_whose_table_ends_at_the_foot_of_a_page_has_no_empty_page(qapp: object, tmp_path: Path) -> None:
    """The charts start on a page of their own; when the table has just filled its page, the page after it is the
    charts' page, not an empty one (Qt's page break counted from the page the table's last border spilt onto)."""
    from PySide6.QtCore import QMarginsF, QSizeF
    from PySide6.QtGui import QPageLayout, QPageSize, QTextTable
    from PySide6.QtPrintSupport import QPrinter

    measuring = _report(40)
    measuring.setPageSize(QSizeF(595, 100_000))
    table = next(frame for frame in measuring.rootFrame().childFrames() if isinstance(frame, QTextTable))
    bottom = measuring.documentLayout().frameBoundingRect(table).bottom()
    for tenth in range(-60, 61, 5):  # pages from 6 pt shorter to 6 pt longer than the table
        pdf = tmp_path / f"report-{tenth}.pdf"
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(pdf))
        printer.setPageSize(QPageSize(QSizeF(595, bottom + tenth / 10), QPageSize.Unit.Point, "tight"))
        printer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Point)
        print_document(_report(40), printer)
        pages, _ = pdf_info(pdf)
        empty = [page for page in range(1, pages + 1) if not text_of(pdf, page).split() and not _images_on(pdf, page)]
        assert empty == [], f"page height {bottom + tenth / 10:g} pt: empty pages {empty} of {pages}"
        charts = next(page for page in range(1, pages + 1) if "Weekly volume" in text_of(pdf, page))
        assert "Exercise" not in text_of(pdf, charts)  # the charts on a page of their own
        assert "Exercise 39" in text_of(pdf, charts - 1)
        assert "Proximity to failure" in text_of(pdf, pages) and _images_on(pdf, pages) >= 1
