# SPDX-License-Identifier: MIT
"""Fixtures of the reliability tests, and the figures they report at the end of the run."""

from __future__ import annotations

import pytest

from tests.reliability.support import FIGURES
from tests.ui.conftest import open_window  # noqa: F401 - the window fixture, for the GUI tests here


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    kills, fuzz = FIGURES["kills"], FIGURES["fuzz"]
    if not kills and not fuzz and not FIGURES["validators"]:
        return
    write = terminalreporter.write_line
    terminalreporter.section("reliability figures")
    if kills:
        write(f"kills (SIGKILL): {sum(kills.values())} - " + ", ".join(f"{k} {v}" for k, v in sorted(kills.items())))
        if FIGURES["outcomes"]:
            write("import kills left: " + ", ".join(f"{k} {v}" for k, v in sorted(FIGURES["outcomes"].items())))
        if FIGURES["edits_reported"]:
            write(f"edits reported committed before a kill: {FIGURES['edits_reported']}")
        write(f"rows lost: {FIGURES['rows_lost']}")
    for importer, seen in sorted(fuzz.items()):
        write(
            f"fuzzed {importer}: {seen['examples']} inputs (derandomized), "
            f"{seen['refused']} refused, {seen['accepted']} accepted"
        )
    if FIGURES["validators"]:
        write("fuzzed validators: " + ", ".join(f"{k} {v}" for k, v in sorted(FIGURES["validators"].items())))
