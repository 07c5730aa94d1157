# SPDX-License-Identifier: MIT
"""The `journal` command: no subcommand starts the window; subcommands run headless (DESIGN.md "Command line")."""

from __future__ import annotations

import argparse
import json
import logging
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from journal.io.base import ParsedImport
    from journal.settings import Preferences
    from journal.storage.importing import Proposal


class _Version(argparse.Action):
    """--version, with the version looked up only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        import journal

        print(f"journal {journal.__version__}")
        parser.exit()


# The import formats by name, as journal/io/registry.py lists them (written out so that building the parser imports
# no importer: every command starts in a tenth of a second; tests/io/test_more_apps.py checks the two agree).
FORMAT_NAMES = (
    "journal",
    "hevy",
    "fitbod",
    "strong",
    "lyfta",
    "gymbook",
    "dailystrength",
    "stronglifts",
    "fitnotes",
    "csv",
    "strong-text",  # chosen, never detected: a workout Strong shares as text
)


def _backups_kept() -> int:
    """How many backups of each kind the lifter keeps (Preferences), as the window keeps them."""
    from journal.settings import Preferences

    return Preferences.load().backups_keep


def _parser() -> argparse.ArgumentParser:
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument(
        "--db",
        type=Path,
        default=argparse.SUPPRESS,
        help="journal file (default: JOURNAL_DB, else journal.sqlite in the app-data folder)",
    )
    parser = argparse.ArgumentParser(
        prog="journal",
        parents=[db_option],
        description="A training journal for lifters who train by proximity to failure.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--smoke", action="store_true", help="build every main view offscreen on sample data, render it, and exit"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", parents=[db_option], help="write a realistic synthetic history")
    demo.set_defaults(func=_demo)
    demo.add_argument("--years", type=float, default=3.0, help="years of history (default 3)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: same seed and end date, same data")
    demo.add_argument("--end", type=date.fromisoformat, default=None, help="last day of the history (default today)")

    imp = commands.add_parser("import", parents=[db_option], help="bring in an export from another app")
    imp.set_defaults(func=_import)
    imp.add_argument("file", type=Path, metavar="FILE")
    imp.add_argument("--format", default="auto", choices=["auto", *FORMAT_NAMES])
    imp.add_argument("--units", choices=["kg", "lb"], help="the load unit, for files that do not say")
    imp.add_argument("--dry-run", action="store_true", help="show what would come in; write nothing")
    imp.add_argument(
        "--columns-by-position",
        action="store_true",
        help="read a Strong file whose header is in an unknown language, or missing, by the columns' positions",
    )
    imp.add_argument(
        "--skip-invalid",
        action="store_true",
        help="import everything but the rows that cannot be imported; those are kept in left-out/ beside the journal",
    )
    imp.add_argument(
        "--no-notes-effort",
        action="store_true",
        help="do not take '@8' or 'RIR 2' written in a set's note as its effort",
    )

    exp = commands.add_parser(
        "export", parents=[db_option], help="write the whole journal as Journal CSV (or as Strong's CSV)"
    )
    exp.set_defaults(func=_export)
    exp.add_argument("out", type=Path, metavar="OUT.csv")
    exp.add_argument(
        "--format",
        choices=("journal", "strong"),
        default="journal",
        help="journal: Journal CSV (default); strong: Strong's CSV, which Strong and Hevy import",
    )
    exp.add_argument("--units", choices=("kg", "lb"), help="the load unit of a Strong CSV (default: the preference)")

    chart = commands.add_parser("chart", parents=[db_option], help="draw a review chart to a PNG file")
    chart.set_defaults(func=_chart)
    chart.add_argument("kind", choices=["volume", "proximity", "e1rm", "calibration"])
    chart.add_argument("--png", type=Path, required=True, metavar="OUT.png")
    chart.add_argument("--exercise", metavar="NAME", help="one exercise (name or alias); default all")
    chart.add_argument("--since", type=date.fromisoformat, metavar="DATE", help="first day (YYYY-MM-DD)")
    chart.add_argument("--until", type=date.fromisoformat, metavar="DATE", help="last day (default today)")
    chart.add_argument("--width", type=int, default=1600, help="image width in pixels (default 1600)")

    page = argparse.ArgumentParser(add_help=False)
    page.add_argument("--page", choices=["a4", "letter"], help="paper size (default: the preference, else the locale)")
    printing = commands.add_parser("print", parents=[db_option, page], help="a logged session to PDF")
    printing.set_defaults(func=_printed)
    printing.add_argument("sessions", nargs="+", metavar="SESSION_ID|latest")
    printing.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    sheet = commands.add_parser("sheet", parents=[db_option, page], help="a routine's gym sheet to PDF")
    sheet.set_defaults(func=_printed)
    sheet.add_argument("routines", nargs="+", metavar="ROUTINE", help="routine name or id")
    sheet.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    sheet.add_argument("--date", type=date.fromisoformat, help="the day to print on the sheet")
    rep = commands.add_parser("report", parents=[db_option, page], help="a period report with charts to PDF")
    rep.set_defaults(func=_printed)
    rep.add_argument("--pdf", type=Path, required=True, metavar="OUT.pdf")
    rep.add_argument("--since", type=date.fromisoformat, metavar="DATE")
    rep.add_argument("--until", type=date.fromisoformat, metavar="DATE")
    rep.add_argument("--exercise", metavar="NAME")

    backup = commands.add_parser("backup", parents=[db_option], help="take a backup of the journal")
    backup.set_defaults(func=_backup)
    backup.add_argument("--to", type=Path, metavar="PATH", help="a file or folder (default: backups/ beside it)")
    backup.add_argument("--force", action="store_true", help="replace the file PATH when it exists (never the journal)")
    restore = commands.add_parser("restore", parents=[db_option], help="put a backup in place of the journal")
    restore.set_defaults(func=_restore)
    restore.add_argument("backup", type=Path, metavar="BACKUP")

    exercise = commands.add_parser("exercise", parents=[db_option], help="one exercise's rep maxes and records")
    exercise.set_defaults(func=_exercise)
    exercise.add_argument("name", metavar="NAME", help="the exercise's name or alias, or words of it")
    exercise.add_argument("--json", action="store_true", required=True, help="print one JSON object")

    stats = commands.add_parser("stats", parents=[db_option], help="totals and weekly figures")
    stats.set_defaults(func=_stats)
    stats.add_argument("--json", action="store_true", required=True, help="print one JSON object")
    return parser


def _open(args: argparse.Namespace, must_exist: bool = False) -> Path:
    """Open the journal named by --db or JOURNAL_DB (or the default); read-only commands need an existing file."""
    from journal.storage.database import JournalFileError, open_database

    path = _db_path(args)
    if must_exist and not path.exists():
        raise JournalFileError(f"{path}: no journal file there")
    open_database(path)
    return path


def _demo(args: argparse.Namespace) -> int:
    from journal.demo import generate_history
    from journal.settings import Preferences
    from journal.storage.bulk import insert_sessions
    from journal.storage.repository import session_count

    if getattr(args, "db", None) is None:
        print("journal demo: --db PATH is required (sample data never goes into your own journal)", file=sys.stderr)
        return 2
    if args.years <= 0 or args.years > 200:
        print("journal demo: --years must be more than 0 and at most 200", file=sys.stderr)
        return 2
    path = _open(args)
    existing = session_count()
    if existing:
        print(
            f"journal demo: {path} already holds {existing} sessions; demo writes only to an empty journal",
            file=sys.stderr,
        )
        return 2
    began = time.perf_counter()
    result = insert_sessions(generate_history(args.years, args.seed, args.end or date.today()))
    print(f"wrote {result.sessions} sessions, {result.sets} sets to {path} in {time.perf_counter() - began:.1f} s")
    _keep_review(Preferences.load())  # so that the first Review of the new journal loads its data, not reads it all
    return 0


def _keep_review(prefs: Preferences) -> None:
    """Read the review's data and keep it in the journal file (journal.review.data.read_kept)."""
    from journal.review.data import keep_read, read_kept

    snapshot, generation = read_kept(prefs)
    if generation is not None:
        keep_read(snapshot, prefs, generation)


def _stats(args: argparse.Namespace) -> int:
    from journal import settings
    from journal.storage.queries import stats

    _open(args, must_exist=True)
    print(json.dumps(stats(settings.get(settings.HARD_SET_RIR)), allow_nan=False))  # never Infinity or NaN
    return 0


def _exercise(args: argparse.Namespace) -> int:
    from journal.domain.exercise_figures import records_from, rep_maxes
    from journal.settings import Preferences
    from journal.storage.exercises import match_exercises
    from journal.storage.history import lifted_sets
    from journal.storage.review import rep_max_rows

    _open(args, must_exist=True)
    found = match_exercises(args.name)
    if not found:
        print(f"journal exercise: no exercise called {args.name!r}", file=sys.stderr)
        return 2
    if len(found) > 1:
        names = ", ".join(repr(x.name) for x in found[:8]) + (f" and {len(found) - 8} more" if len(found) > 8 else "")
        print(f"journal exercise: {args.name!r} could be {names}; give one name", file=sys.stderr)
        return 2
    exercise = found[0]
    assert exercise.id is not None
    sets = lifted_sets(exercise.id)
    table = rep_maxes(sets, Preferences.load().e1rm_formula)
    out = {
        "exercise": exercise.name,
        "rep_maxes": [
            {
                "reps": m.reps,
                "load_kg": None if m.load_kg is None else round(m.load_kg, 3),
                "date": m.day.isoformat() if m.day else None,
                "e1rm_kg": None if m.e1rm_kg is None else round(m.e1rm_kg, 2),
                "e1rm_extrapolated": m.extrapolated,
            }
            for m in table
        ],
        "records": [  # the Strength chart's rows and rule
            {"date": r.day.isoformat(), "load_kg": round(r.load_kg, 3), "reps": r.reps}
            for r in records_from(rep_max_rows([exercise.id]), exercise.id)
        ],
    }
    print(json.dumps(out, allow_nan=False))
    return 0


def _import(args: argparse.Namespace) -> int:
    from journal.domain.units import Unit
    from journal.io import ImportFailed, ImportOptions, parse_text
    from journal.io.leftout import left_out
    from journal.io.report import describe
    from journal.io.strong_columns import LayoutGuessed
    from journal.io.text import read_text
    from journal.storage.backup import snapshot
    from journal.storage.bulk import count_held
    from journal.storage.database import JournalFileError, close_database, open_database
    from journal.storage.importing import import_sessions, left_out_dir, new_routines, propose
    from journal.storage.migrations import DatabaseTooNew
    from journal.storage.topping import count_new_sets

    name = str(args.file)
    try:
        text = read_text(args.file)
        if args.format == "auto" and _is_body_file(text):
            return _import_body(args, text)
        options = ImportOptions(
            units=Unit(args.units) if args.units else None,
            effort_from_notes=not args.no_notes_effort,
            mapping=_saved_mapping(text),
            columns_by_position=args.columns_by_position,
        )
        parsed = parse_text(text, args.format, options)
    except ImportFailed as error:
        print(error.problem.describe(name), file=sys.stderr)
        if isinstance(error, LayoutGuessed):
            print(f"{name}: columns as guessed: {error.layout.describe()}", file=sys.stderr)
        return 1
    if parsed.fatal and args.skip_invalid and parsed.skippable:
        parsed = parsed.without_left_out()
    for problem in parsed.problems:
        print(problem.describe(name, warning=not problem.fatal), file=sys.stderr)
    if parsed.fatal:
        if parsed.skippable:
            count = len(parsed.left_out)
            print(
                f"{name}: nothing was imported: {count} {'row' if count == 1 else 'rows'} cannot be imported; "
                "--skip-invalid imports everything else and keeps those rows in a file beside the backups",
                file=sys.stderr,
            )
        return 1
    left = left_out(parsed, text, args.file.name)
    path = _db_path(args)
    if args.dry_run:  # names are proposed against a copy (or a new journal): a dry run never writes
        with tempfile.TemporaryDirectory(prefix="journal-dry-run-") as folder:
            copy = Path(folder) / "journal.sqlite"
            if path.exists():
                snapshot(path, copy)
            open_database(copy)
            proposals = propose(parsed.exercise_names())
            held = count_held(parsed.sessions)
            topped = count_new_sets(parsed.sessions) if held else 0
            planned = len(new_routines(parsed.routines))
            close_database()
        _print_unlikely(parsed, proposals, name)
        print(describe(parsed, proposals, held))
        if left is not None:
            print(f"{len(left.rows)} rows would be left out and kept in {left_out_dir(path)}")
        if topped:
            print(f"would add {topped} sets logged since to days already imported")
        if parsed.routines:
            print(f"routines: {len(parsed.routines)} ({planned} new)")
        print("dry run: nothing was written")
        return 0
    try:
        _open(args)
        proposals = propose(parsed.exercise_names())
        _print_unlikely(parsed, proposals, name)
        choices = {p.name: (p.exercise.id if p.exercise else None) for p in proposals}
        result = import_sessions(
            parsed.sessions,
            choices,
            path,
            remember=False,
            keep=_backups_kept(),
            left=left,
            routines=parsed.routines,
        )
    except (JournalFileError, DatabaseTooNew, OSError) as error:
        logging.getLogger("journal.cli").warning("%s: nothing was imported", name, exc_info=True)
        print(f"{name}: nothing was imported: {error}", file=sys.stderr)
        return 1
    if result.routines:
        print(f"added {len(result.routines)} routine{'s' if len(result.routines) > 1 else ''}")
    if result.topped:
        days = len({done.session_id for done in result.topped})
        print(f"added {result.topped_sets} sets logged since to {days} day{'s' if days > 1 else ''} already imported")
    if result.left_out is not None and left is not None:
        print(f"left out {len(left.rows)} rows, kept in {result.left_out} (why: {result.left_out.with_suffix('.txt')})")
    print(f"imported {result.sessions} sessions, {result.sets} sets ({result.duplicates} duplicates skipped)")
    return 0


def _import_body(args: argparse.Namespace, text: str) -> int:
    """A bodyweight file (FitNotes' body tracker, Hevy's body measurements): its weights into the bodyweight log."""
    from journal.domain.units import Unit
    from journal.io import ImportFailed
    from journal.io.body import read_body
    from journal.storage.bodyweight import import_weighings

    name = str(args.file)
    try:
        found = read_body(text, Unit(args.units) if args.units else None)
    except ImportFailed as error:
        print(error.problem.describe(name), file=sys.stderr)
        return 1
    for problem in found.problems:
        print(problem.describe(name, warning=True), file=sys.stderr)
    if args.dry_run:
        print(f"{len(found.weights)} bodyweights read\ndry run: nothing was written")
        return 0
    _open(args)
    added = len(import_weighings(sorted(found.weights.items()), found.source, _db_path(args), _backups_kept()))
    print(f"imported {added} bodyweights ({len(found.weights) - added} already there)")
    return 0


def _is_body_file(text: str) -> bool:
    """A bodyweight file (FitNotes' body tracker, Hevy's body measurements), known by its header."""
    from journal.io import ImportFailed
    from journal.io.body import body_format
    from journal.io.text import header_of

    try:
        return body_format(header_of(text)) is not None
    except ImportFailed:  # no header: a Strong file saved without it, perhaps
        return False


def _saved_mapping(text: str) -> dict[str, str] | None:
    """The column mapping last chosen in the window for files with these columns (none for a file whose first line
    is no header)."""
    from journal import settings
    from journal.io import ImportFailed
    from journal.io.generic import mapping_key
    from journal.io.text import header_of

    try:
        return settings.saved_mapping(mapping_key(header_of(text)))
    except ImportFailed:
        return None


def _print_unlikely(parsed: ParsedImport, proposals: list[Proposal], name: str) -> None:
    """Sets imported as read but unlikely for the exercise they are stored as, as warnings on stderr."""
    from journal.io.plausible import unlikely_sets

    for warning in unlikely_sets(parsed, {p.name: p.exercise for p in proposals}):
        print(warning.describe(name, warning=True), file=sys.stderr)


def _export(args: argparse.Namespace) -> int:
    from journal import settings
    from journal.domain.units import Unit
    from journal.io.journal_csv import export_file
    from journal.io.strong_export import export_strong_file
    from journal.storage.repository import iter_sessions
    from journal.storage.routines import list_routines

    _open(args, must_exist=True)
    if args.format == "strong":
        unit = Unit(args.units) if args.units else Unit(settings.get(settings.UNITS))
        sessions, sets = export_strong_file(args.out, iter_sessions(), unit)
        print(f"exported {sessions} sessions, {sets} sets to {args.out.absolute()} (Strong CSV, loads in {unit})")
        return 0
    sessions, sets = export_file(args.out, iter_sessions(), list_routines())
    print(f"exported {sessions} sessions, {sets} sets to {args.out.absolute()}")
    return 0


def _chart(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from journal.qtapp import application
    from journal.review import figures
    from journal.review.data import CHART_PARTS, read_all
    from journal.settings import Preferences
    from journal.storage.exercises import find_exercise

    _open(args, must_exist=True)
    exercise = None
    if args.exercise:
        found = find_exercise(args.exercise)
        if found is None:
            print(f"journal chart: no exercise called {args.exercise!r}", file=sys.stderr)
            return 2
        exercise = found.id
    application()
    prefs = Preferences.load()
    snapshot = read_all(prefs, CHART_PARTS[args.kind])
    chart = figures.draw_chart(args.kind, snapshot, figures.Scope(args.since, args.until, exercise), prefs)
    chart.export_png(args.png, args.width)
    print(f"wrote {args.png}")
    return 0


def _printed(args: argparse.Namespace) -> int:
    """`journal print`, `journal sheet` and `journal report`: a document written to PDF offscreen."""
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from journal.printing import documents as printouts
    from journal.printing.document import write_pdf
    from journal.qtapp import application
    from journal.review.data import read_all
    from journal.review.figures import Scope
    from journal.settings import Preferences
    from journal.storage.exercises import find_exercise
    from journal.storage.queries import list_sessions
    from journal.storage.repository import NotFound
    from journal.storage.routines import find_routine

    _open(args, must_exist=True)
    application()
    prefs = Preferences.load()
    page = args.page or prefs.page or None
    if args.command == "print":
        ids: list[int] = []
        for text in args.sessions:
            if text == "latest":
                newest = list_sessions(limit=1)
                if not newest:
                    print("journal print: the journal has no sessions", file=sys.stderr)
                    return 2
                ids.append(newest[0].id)
            elif text.isdigit():
                ids.append(int(text))
            else:
                print(f"journal print: {text!r} is neither a session id nor 'latest'", file=sys.stderr)
                return 2
        try:
            document = printouts.session_document(ids, prefs)
        except NotFound as error:
            print(f"journal print: {error}", file=sys.stderr)
            return 2
        title = "Session"
    elif args.command == "sheet":
        routines = []
        for name in args.routines:
            found = find_routine(name)
            if found is None:
                print(f"journal sheet: no routine called {name!r}", file=sys.stderr)
                return 2
            routines.append(found)
        document = printouts.gym_sheet_document(routines, prefs, args.date)
        title = routines[0].name
    else:
        exercise = find_exercise(args.exercise) if args.exercise else None
        if args.exercise and exercise is None:
            print(f"journal report: no exercise called {args.exercise!r}", file=sys.stderr)
            return 2
        scope = Scope(args.since, args.until, exercise.id if exercise else None)
        document = printouts.report_document(read_all(prefs), scope, prefs)
        title = "Training report"
    write_pdf(document, args.pdf, page, title)
    print(f"wrote {args.pdf}")
    return 0


def _backup(args: argparse.Namespace) -> int:
    from journal import settings
    from journal.storage import backup
    from journal.storage.backup import backup_dir, backup_file
    from journal.storage.database import STORAGE_ERRORS, storage_reason

    path = _db_path(args)
    if not path.exists():
        print(f"journal backup: {path}: no journal file there", file=sys.stderr)
        return 2
    target = args.to or backup_dir(path)
    dated = target == backup_dir(path)  # the backups folder beside it: kept in rotation, as the window keeps them
    if not dated and not target.is_dir() and not target.parent.is_dir():
        print(f"journal backup: {target}: the folder {target.parent} does not exist", file=sys.stderr)
        return 2
    try:
        if dated:
            target.mkdir(mode=0o700, parents=True, exist_ok=True)
        written = backup_file(path, target, force=args.force)
    except FileExistsError as error:
        journal_itself = backup.same_file(path, target)
        print(
            f"journal backup: {target} is the journal itself; nothing was written"
            if journal_itself
            else f"journal backup: {target} already exists; nothing was written (--force replaces it)",
            file=sys.stderr,
        )
        logging.getLogger("journal.cli").warning("The backup to %s was refused: %s", target, error)
        return 2
    except backup.BackupError as error:  # a damaged journal
        logging.getLogger("journal.cli").warning("The backup to %s was refused: %s", target, error)
        print(f"journal backup: {error}", file=sys.stderr)
        return 1
    except (OSError, *STORAGE_ERRORS) as error:
        logging.getLogger("journal.cli").warning("The backup to %s failed", target, exc_info=True)
        reason = error.strerror if isinstance(error, OSError) and error.strerror else storage_reason(error)
        print(f"journal backup: the backup could not be written to {target}: {reason}", file=sys.stderr)
        return 1
    if dated:
        backup.rotate(path, "manual", settings.get(settings.BACKUPS_KEEP))
    print(f"backed up to {written}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    """Put a checked backup in place of the journal: restored into it when it opens (its content kept as a backup),
    else in place of the unusable file (kept beside it)."""
    from journal.storage.backup import BackupError, check_backup, damage, replace_with_backup, restore_into
    from journal.storage.database import JournalFileError, close_database, open_database
    from journal.storage.migrations import SCHEMA_VERSION, DatabaseTooNew

    path = _db_path(args)
    try:
        check_backup(args.backup, SCHEMA_VERSION)
        try:
            database = open_database(path)
            found = damage(database.connection())
            if found is not None:  # no backup of it can be taken: it is kept beside, as a file that will not open
                close_database()
                raise JournalFileError(f"{path} is damaged: {found}")
        except (JournalFileError, DatabaseTooNew):
            kept = replace_with_backup(path, args.backup, SCHEMA_VERSION)
            print(f"restored {args.backup} into {path}; the file that could not be opened is kept as {kept}")
            return 0
        kept = restore_into(database, path, args.backup, SCHEMA_VERSION, _backups_kept())
        close_database()
        open_database(path)  # a backup from an older version is brought up to date
    except BackupError as error:
        logging.getLogger("journal.cli").warning("%s not restored", args.backup, exc_info=True)
        print(f"journal restore: {error}", file=sys.stderr)
        return 2
    print(f"restored {args.backup} into {path}; the journal as it was is kept as {kept}")
    return 0


def _db_path(args: argparse.Namespace) -> Path:
    """The journal a command works on: --db, else JOURNAL_DB, else journal.sqlite in the app-data folder."""
    from journal.paths import default_db_path

    given = getattr(args, "db", None)
    return Path(given) if given is not None else default_db_path()


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from journal.logs import setup_logging
    from journal.output import GuardedOutput, OutputLost, discard

    setup_logging()

    stdout = sys.stdout
    sys.stdout = GuardedOutput(stdout)
    try:
        code = _run(args)
        sys.stdout.flush()  # what is still buffered, while a failure can still be told
        return code
    except OutputLost as lost:
        if not lost.reader_gone:
            print(f"journal {args.command or ''}".rstrip() + f": {lost.describe()}", file=sys.stderr)
        discard(stdout)
        return 1
    except Exception as error:  # never a traceback on the terminal: one line, the details in the log
        from journal.logs import log_path

        logging.getLogger("journal.cli").exception("journal %s failed", args.command or "")
        name = f"journal {args.command}" if args.command else "journal"
        print(f"{name}: {_one_line(error)} (details in {log_path()})", file=sys.stderr)
        return 1
    finally:
        sys.stdout = stdout


def _one_line(error: BaseException, limit: int = 300) -> str:
    """An error as one short line: what a message quotes of a value is never longer than `limit`."""
    if isinstance(error, OSError) and error.strerror:
        text = f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    else:
        text = str(error) or type(error).__name__
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _bad_paths(args: argparse.Namespace) -> str | None:
    """What is wrong with the paths given, before anything is opened: a folder given as the journal file, or as a
    file to write, or a file to write in a folder that does not exist."""
    db = getattr(args, "db", None)
    if db is not None and db.exists() and not db.is_file():
        return f"{db} is a folder, not a journal file"
    for option in ("pdf", "png", "out"):
        out = getattr(args, option, None)
        if isinstance(out, Path) and out.is_dir():
            return f"{out} is a folder: give a file name to write"
        if isinstance(out, Path) and not out.parent.is_dir():
            return f"{out}: the folder {out.parent} does not exist"
    return None


def _run(args: argparse.Namespace) -> int:
    from journal.lock import JournalLocked
    from journal.storage.backup import BackupError
    from journal.storage.database import STORAGE_ERRORS, JournalFileError, storage_reason
    from journal.storage.migrations import DatabaseTooNew

    bad = _bad_paths(args)
    if bad is not None:
        print(f"journal {args.command or ''}".rstrip() + f": {bad}", file=sys.stderr)
        return 2
    writes = (
        args.command in ("import", "demo", "restore")
        and not getattr(args, "dry_run", False)
        and (args.command != "demo" or getattr(args, "db", None) is not None)
    )
    lock = None
    try:
        if writes:  # one writer: not while the window has the file open
            from journal.lock import acquire

            lock = acquire(_db_path(args))
        if args.smoke:
            from journal.ui.smoke import run_smoke

            return run_smoke()
        command = getattr(args, "func", None)  # each subcommand's function, set by its parser
        if command is not None:
            return int(command(args))
        from journal.ui.app import run_app

        return run_app(getattr(args, "db", None))
    except (JournalFileError, DatabaseTooNew, JournalLocked, BackupError) as error:
        logging.getLogger("journal.cli").warning("journal %s: %s", args.command or "", error, exc_info=True)
        print(f"journal: {error}", file=sys.stderr)
        return 2
    except STORAGE_ERRORS as error:  # damaged pages found while reading, a backup target that cannot be written…
        name = f"journal {args.command}" if args.command else "journal"
        where = _db_path(args)
        logging.getLogger("journal.cli").warning("%s: %s could not be read or written", name, where, exc_info=True)
        print(f"{name}: {where} could not be read or written: {storage_reason(error)}", file=sys.stderr)
        return 1
    finally:
        if lock is not None:
            lock.unlock()
