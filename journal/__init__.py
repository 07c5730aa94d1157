# SPDX-License-Identifier: MIT
"""Journal: a desktop training journal for lifters who train by proximity to failure."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("journal")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0"

APP_NAME = "Journal"
ORG_NAME = "Journal"
