# SPDX-License-Identifier: MIT
"""What the window's start leaves for later: numpy, the importers and exports, the dialogs."""

from __future__ import annotations

import os
import subprocess
import sys

LATER = ("numpy", "journal.io", "journal.storage.importing", "journal.ui.importing.import_dialog", "pyqtgraph")


def test_the_main_window_starts_without_numpy_the_importers_or_the_dialogs() -> None:
    code = (
        "import sys; import journal.ui.main_window; "
        f"print(' '.join(m for m in {LATER!r} if m in sys.modules) or 'none')"
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.stdout.split() == ["none"]
