# SPDX-License-Identifier: MIT
"""The frozen bundle's entry point (installer/journal.spec): the same `main` as the `journal` command."""

import sys

from journal.cli import main

if __name__ == "__main__":
    sys.exit(main())
