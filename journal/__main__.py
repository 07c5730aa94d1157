# SPDX-License-Identifier: MIT
"""`python -m journal` runs the same entry point as the `journal` command."""

import sys

from journal.cli import main

sys.exit(main())
