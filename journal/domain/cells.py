# SPDX-License-Identifier: MIT
"""Text for a spreadsheet cell: what a spreadsheet would run as a formula (starting with = + - @, a tab or a carriage
return) gets a leading apostrophe, as does text that starts with one, so that reading it back is exact."""

from __future__ import annotations

_RISKY = ("=", "+", "-", "@", "\t", "\r", "'")


def escape(text: str) -> str:
    """Text safe to open in a spreadsheet, reversibly."""
    return "'" + text if text.startswith(_RISKY) else text


def unescape(text: str) -> str:
    return text[1:] if text.startswith("'") else text
