# SPDX-License-Identifier: MIT
"""Exercise name matching: the key under which names and aliases are compared."""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"[\s_\-‐‑‒–—]+")
_PUNCT = re.compile(r"[^\w\s()]")


def name_key(name: str) -> str:
    """Case, accents, spacing, hyphens and punctuation folded: 'Pull-Up ' and 'pull up' share a key."""
    folded = unicodedata.normalize("NFKD", name).lower()
    folded = _SPACES.sub(" ", folded).encode("ascii", "ignore").decode()
    folded = _SPACES.sub(" ", _PUNCT.sub("", folded)).strip()
    return re.sub(r"\s*\(\s*", " (", folded).replace(" )", ")").strip()


def clean_name(name: str) -> str:
    """A name as a lifter typed it, with its spacing tidied."""
    return " ".join(name.split())
