# SPDX-License-Identifier: MIT
"""Exercise name matching: the key under which names and aliases are compared."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_SPACES = re.compile(r"[\s_\-‐‑‒–—]+")
_PUNCT = re.compile(r"[^\w\s()]")


@lru_cache(maxsize=4096)  # an import asks for the same few names on every row
def name_key(name: str) -> str:
    """Case, accents, spacing, hyphens and punctuation folded: 'Pull-Up ' and 'pull up' share a key; letters of
    every script are kept ('Жим лежа' and 'Присед' differ)."""
    folded = unicodedata.normalize("NFKD", name.casefold())
    folded = "".join(char for char in folded if not unicodedata.combining(char))  # accents off, letters kept
    folded = _SPACES.sub(" ", _PUNCT.sub("", _SPACES.sub(" ", folded))).strip()
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


_EQUIPMENT_SUFFIX = re.compile(r"^(?P<base>.*?)\s*\((?P<equipment>[^()]*)\)\s*$")
# Equipment as other apps write it in parentheses, and as the catalogue's `equipment` column names it.
EQUIPMENT_WORDS = {
    "barbell": "barbell",
    "dumbbell": "dumbbell",
    "cable": "cable",
    "machine": "machine",
    "smith machine": "smith",
    "kettlebell": "kettlebell",
    "band": "band",
    "bodyweight": "bodyweight",
    "ez bar": "ez_bar",
    "trap bar": "trap_bar",
    "plate loaded": "machine",
    "plate": "plate",
    "pulley": "cable",
    "assisted": "machine",
}


def equipment_of(name: str) -> str | None:
    """The catalogue equipment named in parentheses at the end of a name: 'Row (Dumbbell)' -> 'dumbbell'."""
    match = _EQUIPMENT_SUFFIX.match(clean_name(name))
    return EQUIPMENT_WORDS.get(name_key(match["equipment"])) if match else None


def word_set(name: str) -> frozenset[str]:
    """The words of a name in any order ('Lateral Dumbbell Raise' and 'Dumbbell Lateral Raise' share one)."""
    return frozenset(name_key(name).replace("(", " ").replace(")", " ").split())


def name_variants(name: str) -> list[str]:
    """Other spellings under which an imported name may be known, most likely first: the equipment in
    parentheses moved to the front ('Curl (Machine)' -> 'Machine Curl') or dropped, and a plural made singular.
    A variant that drops the equipment should only match an exercise of that equipment (see equipment_of)."""
    variants: list[str] = []
    base = clean_name(name)
    match = _EQUIPMENT_SUFFIX.match(base)
    if match:
        equipment = match["equipment"].strip()
        variants += [f"{equipment} {match['base']}", match["base"]]
        base = match["base"]
    words = base.split()
    if words and len(words[-1]) > 3 and words[-1].lower().endswith("s") and not words[-1].lower().endswith("ss"):
        variants.append(" ".join([*words[:-1], words[-1][:-1]]))
    seen = {name_key(name)}
    unique = []
    for variant in variants:
        if name_key(variant) not in seen:
            seen.add(name_key(variant))
            unique.append(variant)
    return unique
