# SPDX-License-Identifier: MIT
"""Reproducible installs: every dependency has an upper bound, every version pinned in requirements/constraints.txt is
one pyproject.toml allows, and every pip install of the Makefile and the Linux build goes through the pins."""

from __future__ import annotations

import tomllib
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[1]
CONSTRAINTS = ROOT / "requirements" / "constraints.txt"


def requirements() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    found = [Requirement(text) for text in project["project"]["dependencies"]]
    for extra in project["project"]["optional-dependencies"].values():
        found += [Requirement(text) for text in extra]
    return found + [Requirement(text) for text in project["build-system"]["requires"]]


def pins() -> dict[str, str]:
    found = {}
    for line in CONSTRAINTS.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, version = line.partition("==")
            assert version and " " not in line, f"not a pin: {line!r}"
            found[canonicalize_name(name)] = version
    return found


def test_every_dependency_has_an_upper_bound() -> None:
    for requirement in requirements():
        assert any(spec.operator in ("<", "<=", "==", "~=") for spec in requirement.specifier), str(requirement)


def test_the_pins_are_within_the_bounds_and_cover_the_app_and_its_tests() -> None:
    pinned = pins()
    for requirement in requirements():
        name = canonicalize_name(requirement.name)
        if name in pinned:
            assert requirement.specifier.contains(pinned[name]), f"{name}=={pinned[name]} is outside {requirement}"
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    for text in (
        project["dependencies"] + project["optional-dependencies"]["test"] + project["optional-dependencies"]["build"]
    ):
        assert canonicalize_name(Requirement(text).name) in pinned, f"{text} is not pinned"


def test_every_pip_install_uses_the_pins() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "CONSTRAINTS := requirements/constraints.txt" in makefile
    installs = [line for line in makefile.splitlines() if "pip install" in line and not line.startswith("#")]
    assert installs, "the Makefile installs nothing"
    for line in installs:
        assert "-c $(CONSTRAINTS)" in line or "--upgrade" in line, line  # make constraints alone moves them on
    recipes = [line for line in makefile.splitlines() if line.startswith("\t$(PY) -m pip install")]
    assert all("--upgrade" in line for line in recipes), recipes
    build = (ROOT / "installer" / "build_linux.sh").read_text(encoding="utf-8")
    assert "-c requirements/constraints.txt" in build
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        for line in workflow.read_text(encoding="utf-8").splitlines():
            if "pip install" in line and "-e" in line:
                assert "-c requirements/constraints.txt" in line, f"{workflow.name}: {line.strip()}"
