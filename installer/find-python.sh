#!/bin/sh
# SPDX-License-Identifier: MIT
# Prints the Python (3.11 or newer, with its venv module) that Journal's venv is made with: $PYTHON when set, else
# the first new enough of python3, python3.13, python3.12, python3.11. Where there is none (Ubuntu 22.04's python3 is
# 3.10) python3.11 is installed with apt-get when that can be done (as root or through sudo); else it says exactly
# what to install, and exits 1.
HERE=$(dirname "$0")
new_enough() { "$1" -c 'import sys; sys.exit(sys.version_info < (3, 11))' >/dev/null 2>&1; }
has_venv() { "$1" -c 'import ensurepip, venv' >/dev/null 2>&1; }
minor() { "$1" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")'; }
find_python() {
    if [ -n "${PYTHON:-}" ]; then
        new_enough "$PYTHON" && echo "$PYTHON"
        return
    fi
    for candidate in python3 python3.13 python3.12 python3.11; do
        if command -v "$candidate" >/dev/null 2>&1 && new_enough "$candidate"; then
            echo "$candidate"
            return
        fi
    done
}

found=$(find_python)
if [ -z "$found" ] && [ -z "${PYTHON:-}" ] && command -v apt-cache >/dev/null 2>&1 \
        && apt-cache show python3.11 >/dev/null 2>&1; then
    PACKAGES="python3.11 python3.11-venv" sh "$HERE/ensure-packages.sh" >&2
    found=$(find_python)
fi
if [ -z "$found" ]; then
    have=$( { ${PYTHON:-python3} --version 2>&1 || true; } | head -n 1)
    cat >&2 <<MESSAGE
Journal needs Python 3.11 or newer; ${PYTHON:-python3} here is: ${have:-not installed}.
Install one, then run make again:
  Ubuntu 22.04:             sudo apt-get install python3.11 python3.11-venv
  Debian 12, Ubuntu 24.04:  sudo apt-get install python3 python3-venv   (their python3 is 3.11, 3.12)
  elsewhere:                Python 3.11, 3.12 or 3.13 from python.org, pyenv or the system's packages
Or name one: make PYTHON=/path/to/python3.12 test
MESSAGE
    exit 1
fi
if ! has_venv "$found"; then  # Debian and Ubuntu ship venv and ensurepip apart
    PACKAGES="python$(minor "$found")-venv" sh "$HERE/ensure-packages.sh" >&2
    if ! has_venv "$found"; then
        echo "$found has no venv module: sudo apt-get install python$(minor "$found")-venv" >&2
        exit 1
    fi
fi
echo "$found"
