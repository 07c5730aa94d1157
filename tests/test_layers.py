# SPDX-License-Identifier: MIT
"""Each folder is a layer: domain knows neither Qt nor peewee, storage knows no Qt, only storage knows peewee,
and the GUI writes no SQL."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "journal"
FORBIDDEN = {
    "domain": ("PySide6", "pyqtgraph", "peewee", "playhouse", "sqlite3", "journal.storage", "journal.ui"),
    "storage": ("PySide6", "pyqtgraph", "journal.ui"),
    "io": ("PySide6", "pyqtgraph", "peewee", "playhouse", "sqlite3", "journal.ui"),
    "ui": ("peewee", "playhouse", "sqlite3"),
    # charts are fed arrays: they read nothing themselves
    "charts": (
        "peewee",
        "playhouse",
        "sqlite3",
        "journal.storage",
        "journal.io",
        "journal.review",
        "journal.printing",
        "journal.ui",
    ),
    # documents and the review read through storage's functions, and need no window
    "printing": ("peewee", "playhouse", "sqlite3", "journal.ui"),
    "review": ("peewee", "playhouse", "sqlite3", "journal.ui", "journal.printing"),
}


def imports(path: Path) -> set[str]:
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


@pytest.mark.parametrize("layer", sorted(FORBIDDEN))
def test_layer_imports_only_what_it_may(layer: str) -> None:
    offences = []
    for path in sorted((PACKAGE / layer).rglob("*.py")):
        for name in imports(path):
            if any(name == bad or name.startswith(bad + ".") for bad in FORBIDDEN[layer]):
                offences.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert offences == []


def test_only_storage_imports_peewee() -> None:
    users = {
        path.relative_to(PACKAGE).parts[0]
        for path in PACKAGE.rglob("*.py")
        if any(name.split(".")[0] in ("peewee", "playhouse") for name in imports(path))
    }
    assert users == {"storage"}


def test_the_gui_writes_no_sql() -> None:
    sql = re.compile(
        r"\bSELECT\b.+\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\S+\s+SET\b|\bDELETE\s+FROM\b|\bPRAGMA\b", re.IGNORECASE
    )
    offences = [
        str(path.relative_to(PACKAGE))
        for path in (PACKAGE / "ui").rglob("*.py")
        if sql.search(path.read_text(encoding="utf-8"))
    ]
    assert offences == []


def test_the_command_line_imports_the_gui_only_to_start_it() -> None:
    """`journal chart`, `print`, `report`, `stats`… run without the GUI package; only starting the window (and the
    smoke test of its views) imports it."""
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    used = sorted(
        {
            node.module
            for node in ast.walk(tree)
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("journal.ui")
        }
    )
    assert used == ["journal.ui.app", "journal.ui.smoke"]
