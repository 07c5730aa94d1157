# SPDX-License-Identifier: MIT
"""Print Journal's version as pyproject.toml states it (the one place it is written).

python installer/version.py                 # 0.1.0
python installer/version.py --github-env    # also appends VERSION=0.1.0 to $GITHUB_ENV (CI workflows)
"""

from __future__ import annotations

import os
import sys
import tomllib
from pathlib import Path

PYPROJECT = Path(__file__).resolve().parent.parent / "pyproject.toml"


def version() -> str:
    return str(tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]["version"])


if __name__ == "__main__":
    value = version()
    if "--github-env" in sys.argv[1:]:
        with open(os.environ["GITHUB_ENV"], "a", encoding="utf-8") as env:
            env.write(f"VERSION={value}\n")
    print(value)
