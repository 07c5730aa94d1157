# SPDX-License-Identifier: MIT
"""The layers without Qt pass mypy's strict checks, as configured in pyproject.toml ([tool.mypy])."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STRICT = ("domain", "io", "storage")


def test_layers_without_qt_are_checked_strictly_and_whole() -> None:
    overrides = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]["overrides"]
    strict = {module for override in overrides if override.get("strict") for module in override["module"]}
    assert {f"journal.{layer}.*" for layer in STRICT} <= strict
    loosened = [override for override in overrides if set(override) - {"module", "strict"}
                and any(module.startswith("journal") for module in override["module"])]
    assert loosened == []


def test_layers_without_qt_pass_mypy() -> None:
    result = subprocess.run([sys.executable, "-m", "mypy", *(f"journal/{layer}" for layer in STRICT)], check=False,
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr
