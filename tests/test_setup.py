# SPDX-License-Identifier: MIT
"""Setting up on a real machine: where python3 is older than 3.11 (Ubuntu 22.04's is 3.10) the Makefile's venv is
made with a python3.11, 3.12 or 3.13 found beside it, or make says exactly what to install."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FIND = ROOT / "installer" / "find-python.sh"
OLD_PYTHON = """#!/bin/sh
[ "$1" = "--version" ] && { echo "Python 3.10.12"; exit 0; }
exit 1
"""


def machine(tmp_path: Path, *pythons: str) -> dict[str, str]:
    """A PATH with a python3 that is 3.10, the pythons named (this test's own Python under those names) and the few
    tools the script uses: no apt-get, so nothing is installed."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    (bin_dir / "python3").write_text(OLD_PYTHON, encoding="utf-8")
    (bin_dir / "python3").chmod(0o755)
    for name in pythons:
        (bin_dir / name).symlink_to(sys.executable)
    for tool in ("sh", "dirname", "head", "cat"):
        found = shutil.which(tool)
        assert found is not None
        (bin_dir / tool).symlink_to(found)
    return {"PATH": str(bin_dir), "HOME": str(tmp_path)}


def find(env: dict[str, str], python: str = "") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(Path(env["PATH"]) / "sh"), str(FIND)],
        env={**env, "PYTHON": python},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_newer_python_beside_an_old_python3_is_found(tmp_path: Path) -> None:
    done = find(machine(tmp_path, "python3.12", "python3.11"))
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "python3.12"


def test_with_no_python_new_enough_it_says_what_to_install(tmp_path: Path) -> None:
    done = find(machine(tmp_path))
    assert done.returncode == 1 and done.stdout == ""
    assert "Journal needs Python 3.11 or newer; python3 here is: Python 3.10.12." in done.stderr
    assert "sudo apt-get install python3.11 python3.11-venv" in done.stderr
    assert "make PYTHON=" in done.stderr


def test_a_python_named_must_be_new_enough(tmp_path: Path) -> None:
    env = machine(tmp_path, "python3.13")
    assert find(env, "python3.13").stdout.strip() == "python3.13"
    refused = find(env, "python3")
    assert refused.returncode == 1 and "python3 here is: Python 3.10.12" in refused.stderr


def test_the_makefile_makes_its_venv_with_the_python_found() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "PYTHON ?=\n" in makefile
    venv_recipe = makefile.split("$(VENV)/bin/python:\n", 1)[1].split("\n\n", 1)[0]
    assert "installer/find-python.sh" in venv_recipe and '"$$python" -m venv $(VENV)' in venv_recipe
    dry = subprocess.run(
        ["make", "-n", "bundle"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, "MAKEFLAGS": ""},
    )
    assert 'PYTHON=$(PYTHON="" sh installer/find-python.sh) bash installer/build_linux.sh' in dry.stdout
