# SPDX-License-Identifier: MIT
"""A command's standard output that tells when what it printed could not be written (a closed pipe, a full disk)."""

from __future__ import annotations

import errno
import os
from typing import TextIO


class OutputLost(Exception):
    """Writing to standard output failed; `error` says why."""

    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error

    @property
    def reader_gone(self) -> bool:
        """The reader closed its end (`| head`): nothing to say, as nobody reads it."""
        return isinstance(self.error, BrokenPipeError) or self.error.errno == errno.EPIPE

    def describe(self) -> str:
        return f"the output could not be written: {self.error.strerror or self.error}"


class GuardedOutput:
    """Standard output whose write and flush raise OutputLost instead of OSError, so that a command can tell its
    output's failure from that of a file it writes. Everything else is the stream's own."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        try:
            return self.stream.write(text)
        except OSError as error:
            raise OutputLost(error) from error

    def flush(self) -> None:
        try:
            self.stream.flush()
        except OSError as error:
            raise OutputLost(error) from error

    def __getattr__(self, name: str) -> object:
        return getattr(self.stream, name)


def discard(stream: TextIO) -> None:
    """Point the stream's file at the null device, so that what is still buffered goes nowhere when Python exits
    instead of failing again there. A stream without a file of its own is left as it is."""
    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError):
        return
    try:
        os.dup2(null, fd)
    finally:
        os.close(null)
