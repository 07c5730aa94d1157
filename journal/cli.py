# SPDX-License-Identifier: MIT
"""The `journal` command: no subcommand starts the window; subcommands run headless (DESIGN.md "Command line")."""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from journal import __version__


def _parser() -> argparse.ArgumentParser:
    db_option = argparse.ArgumentParser(add_help=False)
    db_option.add_argument("--db", type=Path, default=argparse.SUPPRESS,
                           help="journal file (default: JOURNAL_DB, else journal.sqlite in the app-data folder)")
    parser = argparse.ArgumentParser(prog="journal", parents=[db_option],
                                     description="A training journal for lifters who train by proximity to failure.")
    parser.add_argument("--version", action="version", version=f"journal {__version__}")
    parser.add_argument("--smoke", action="store_true",
                        help="build every main view offscreen on sample data, render it, and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = commands.add_parser("demo", parents=[db_option], help="write a realistic synthetic history")
    demo.add_argument("--years", type=float, default=3.0, help="years of history (default 3)")
    demo.add_argument("--seed", type=int, default=1, help="random seed: same seed and end date, same data")
    demo.add_argument("--end", type=date.fromisoformat, default=None, help="last day of the history (default today)")

    stats = commands.add_parser("stats", parents=[db_option], help="totals and weekly figures")
    stats.add_argument("--json", action="store_true", required=True, help="print one JSON object")
    return parser


def _open(args: argparse.Namespace, must_exist: bool = False) -> Path:
    """Open the journal named by --db or JOURNAL_DB (or the default); read-only commands need an existing file."""
    from journal.paths import default_db_path
    from journal.storage.database import JournalFileError, open_database

    path = Path(getattr(args, "db", None) or default_db_path())
    if must_exist and not path.exists():
        raise JournalFileError(f"{path}: no journal file there")
    open_database(path)
    return path


def _demo(args: argparse.Namespace) -> int:
    from journal.demo import generate_history
    from journal.storage.bulk import insert_sessions
    from journal.storage.repository import session_count

    if getattr(args, "db", None) is None:
        print("journal demo: --db PATH is required (sample data never goes into your own journal)", file=sys.stderr)
        return 2
    if args.years <= 0 or args.years > 50:
        print("journal demo: --years must be more than 0 and at most 50", file=sys.stderr)
        return 2
    path = _open(args)
    existing = session_count()
    if existing:
        print(f"journal demo: {path} already holds {existing} sessions; demo writes only to an empty journal",
              file=sys.stderr)
        return 2
    began = time.perf_counter()
    result = insert_sessions(generate_history(args.years, args.seed, args.end or date.today()))
    print(f"wrote {result.sessions} sessions, {result.sets} sets to {path} "
          f"in {time.perf_counter() - began:.1f} s")
    return 0


def _stats(args: argparse.Namespace) -> int:
    from journal import settings
    from journal.storage.queries import stats

    _open(args, must_exist=True)
    print(json.dumps(stats(settings.get(settings.HARD_SET_RIR))))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    from journal.storage.database import JournalFileError
    from journal.storage.migrations import DatabaseTooNew

    try:
        if args.smoke:
            from journal.ui.smoke import run_smoke

            return run_smoke()
        if args.command == "demo":
            return _demo(args)
        if args.command == "stats":
            return _stats(args)
        from journal.ui.app import run_app

        return run_app(getattr(args, "db", None))
    except (JournalFileError, DatabaseTooNew) as error:
        print(f"journal: {error}", file=sys.stderr)
        return 2
