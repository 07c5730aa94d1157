# SPDX-License-Identifier: MIT
"""Where the test windows open: pytest-xvfb's Xvfb display with openbox managing it, else offscreen."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

WM_START_TIMEOUT = 10.0  # seconds for openbox to take the display


class Display:
    """Chooses Qt's platform for the run before any QApplication exists, and runs the window manager."""

    def __init__(self) -> None:
        self.display = ""  # ":99" while Xvfb is up
        self.reason = ""  # why the run fell back to offscreen
        self.window_manager: subprocess.Popen[bytes] | None = None

    def start(self, config: pytest.Config) -> None:
        xvfb = getattr(config.pluginmanager.get_plugin("xvfb"), "xvfb_instance", None)
        if xvfb is None or xvfb.display is None:
            self.reason = self._why_no_xvfb(config)
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
            return
        self.display = f":{xvfb.display}"
        os.environ["DISPLAY"] = self.display
        os.environ["QT_QPA_PLATFORM"] = "xcb"
        # Qt's own dialogs (a file dialog a test can type into), not those of the desktop the tests were started from
        for name in ("WAYLAND_DISPLAY", "QT_QPA_PLATFORMTHEME", "XDG_CURRENT_DESKTOP"):
            os.environ.pop(name, None)
        if shutil.which("openbox") is not None:
            self.window_manager = self._start_openbox()

    def stop(self) -> None:
        if self.window_manager is not None:
            self.window_manager.terminate()
            try:
                self.window_manager.wait(timeout=5)
            except subprocess.TimeoutExpired:
                self.window_manager.kill()
                self.window_manager.wait()
            self.window_manager = None

    def describe(self) -> str:
        if not self.display:
            return f"UI tests: OFFSCREEN fallback, {self.reason}"
        if self.window_manager is None:
            return f"UI tests: Xvfb {self.display} without a window manager (openbox not found)"
        return f"UI tests: Xvfb {self.display} with openbox"

    @staticmethod
    def _why_no_xvfb(config: pytest.Config) -> str:
        if config.pluginmanager.get_plugin("xvfb") is None:
            return "pytest-xvfb not installed"
        if config.getoption("--no-xvfb", default=False):
            return "--no-xvfb given"
        return "no Xvfb found"

    def _start_openbox(self) -> subprocess.Popen[bytes]:
        """openbox on the display, waited for until it runs its startup command (it then manages windows)."""
        with tempfile.TemporaryDirectory(prefix="openbox-") as folder:
            ready = Path(folder) / "ready"
            process = subprocess.Popen(
                ["openbox", "--sm-disable", "--startup", f"touch {ready}"],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                env={**os.environ, "DISPLAY": self.display},
            )
            deadline = time.monotonic() + WM_START_TIMEOUT
            while not ready.exists():
                if process.poll() is not None or time.monotonic() > deadline:
                    process.kill()
                    process.wait()
                    raise pytest.UsageError(f"openbox did not start on Xvfb {self.display}")
                time.sleep(0.02)
        return process
