# SPDX-License-Identifier: MIT
"""Journal: a desktop training journal for lifters who train by proximity to failure."""

APP_NAME = "Journal"
ORG_NAME = "Journal"


def __getattr__(name: str) -> str:
    """`__version__`, looked up when first asked for: reading the package metadata costs every command 30 ms."""
    if name != "__version__":
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("journal")
    except PackageNotFoundError:  # running from a source tree that was never installed
        found = "0.0.0"
    globals()["__version__"] = found
    return found
