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


def search_names(query: str, names: list[str], limit: int = 12, preferred: frozenset[str] = frozenset()) -> list[str]:
    """Names containing every word of `query`, best first: the whole name, then names that start with the
    query, then names with a word that starts with it, then the rest; within each, `preferred` names (the
    catalogue's own, rather than aliases) first, then shorter names."""
    words = name_key(query).split()
    if not words:
        return []
    key = " ".join(words)
    scored = []
    for name in names:
        folded = name_key(name)
        if not all(word in folded for word in words):
            continue
        if folded == key:
            rank = 0
        elif folded.startswith(key):
            rank = 1
        elif any(part.startswith(words[0]) for part in folded.replace("(", " ").split()):
            rank = 2
        else:
            rank = 3
        scored.append((rank, name not in preferred, len(name), name.casefold(), name))
    return [name for *_, name in sorted(scored)[:limit]]
