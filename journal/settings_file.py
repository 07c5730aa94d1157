# SPDX-License-Identifier: MIT
"""The settings file read as QSettings writes it (its INI format), without Qt: for the commands that draw nothing.

QSettings writes each top-level key under [General] and a key "group/name" as name= under [group]; a key's
characters other than letters, digits and - _ . ~ as %XX or %UXXXX; a value with a comma, semicolon or equals sign,
or with a space at either end, in double quotes; a backslash, a double quote and control characters as C escapes
(\\n, \\t, \\x1B, ...); a value beginning with @ as @@; and other characters as UTF-8. A value it wrote as a Qt type
(@ByteArray, @Variant) is not a string and reads as absent; an unquoted comma makes a list, as QSettings reads it.
"""

from __future__ import annotations

import re
from pathlib import Path

_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t", "v": "\v", '"': '"', "?": "?"}
_ESCAPES |= {"'": "'", "\\": "\\"}
_KEY_ESCAPE = re.compile(r"%U([0-9A-Fa-f]{4})|%([0-9A-Fa-f]{2})")


def _key(text: str) -> str:
    """A key or group name as QSettings knows it: %XX and %UXXXX decoded, a backslash a group separator."""
    decoded = _KEY_ESCAPE.sub(lambda m: chr(int(m.group(1) or m.group(2), 16)), text.strip())
    return decoded.replace("\\", "/")


def _value(text: str) -> str | list[str]:
    """One value (the spaces at its ends already gone, as QSettings skips them) as QSettings reads it: quotes,
    escapes, and unquoted commas splitting it into a list."""
    items: list[str] = []
    current: list[str] = []
    quoted = False
    listed = False
    i, size = 0, len(text)
    while i < size:
        ch = text[i]
        if ch == '"':
            quoted = not quoted
            i += 1
        elif ch == "\\" and i + 1 < size:
            code = text[i + 1]
            i += 2
            if code in _ESCAPES:
                current.append(_ESCAPES[code])
            elif code in "xX":
                digits = re.match(r"[0-9A-Fa-f]*", text[i:])
                found = digits.group(0) if digits else ""
                current.append(chr(int(found, 16)) if found else "")
                i += len(found)
            elif code in "01234567":
                digits = re.match(r"[0-7]*", text[i - 1 :])
                found = digits.group(0) if digits else code
                current.append(chr(int(found, 8)))
                i += len(found) - 1
            else:
                current.append(code)
        elif ch == "," and not quoted:
            listed = True
            items.append("".join(current).rstrip(" \t"))
            current = []
            i += 1
            while i < size and text[i] in " \t":
                i += 1
        else:
            current.append(ch)
            i += 1
    last = "".join(current)
    if not listed:
        return last
    items.append(last)
    return items


def read(path: Path) -> dict[str, str | list[str]]:
    """Every string value of the file by its QSettings key ("units", "mappings/ab12…"); {} without the file."""
    try:
        text = path.read_bytes().decode("utf-8", errors="replace")
    except OSError:
        return {}
    values: dict[str, str | list[str]] = {}
    group = ""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or stripped[0] in ";#":
            continue
        if stripped.startswith("[") and stripped.endswith("]"):
            name = stripped[1:-1]
            group = "" if name == "General" else _key(name)
            continue
        if "=" not in line:
            continue
        raw_key, raw_value = line.split("=", 1)
        key = _key(raw_key)
        value = _value(raw_value.strip())
        if isinstance(value, str) and value.startswith("@"):
            if not value.startswith("@@"):
                continue  # a Qt type (@ByteArray, @Variant…), not a string
            value = value[1:]
        values[f"{group}/{key}" if group else key] = value
    return values
