# SPDX-License-Identifier: MIT
"""Reading export files: bytes to text (with a clear error for binary or non-UTF-8 files), the delimiter, and
CSV records with the line each starts on."""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Callable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import NamedTuple

from journal.io.base import ImportFailed, Progress

MAX_FILE_BYTES = 512 * 1024 * 1024
MAX_FIELD_CHARS = 1024 * 1024  # far beyond any name or note; a longer field is refused at once
csv.field_size_limit(MAX_FIELD_CHARS)


def decode(data: bytes) -> str:
    """The text of an export file: UTF-8 (with or without a byte-order mark) or UTF-16 with one."""
    if not data.strip():
        raise ImportFailed(0, "the file is empty")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return _checked(data.decode("utf-16"))
        except UnicodeDecodeError as error:
            raise ImportFailed(0, f"the file is not valid UTF-16 text: {error.reason}") from None
    if b"\x00" in data[:65536]:
        raise ImportFailed(0, "the file is not a text file (it holds binary data)")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise ImportFailed(
            line, f"the file is not UTF-8 text (byte 0x{data[error.start]:02x}); export it again, or save it as UTF-8"
        ) from None
    return _checked(text)


def _checked(text: str) -> str:
    """No NUL character anywhere (a text field holding one could not be exported and read back)."""
    nul = text.find("\x00")
    if nul >= 0:
        raise ImportFailed(text.count("\n", 0, nul) + 1, "a NUL character (binary data) is in the file here")
    if "\n" not in text:  # old Mac line ends
        text = text.replace("\r", "\n")
    return text


def read_text(path: Path) -> str:
    """The file's text; more than MAX_FILE_BYTES is refused, counted as read (a device or a pipe that never
    ends, or a file that grows, is not trusted by its stated size)."""
    try:
        return decode(_read_limited(path))
    except OSError as error:
        raise ImportFailed(0, f"cannot read the file: {error.strerror or error}") from None


def _read_limited(path: Path, chunk: int = 1 << 20) -> bytes:
    parts: list[bytes] = []
    read = lines = 0
    with path.open("rb") as handle:
        while part := handle.read(chunk):
            if not parts and part.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                chunk = MAX_FILE_BYTES + 1  # UTF-16 holds NUL bytes: read it whole (within the limit)
            elif b"\x00" in part and not (parts and parts[0].startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))):
                nul = part.index(b"\x00")  # binary data (or an endless stream of it): stop at once
                where = lines + part.count(b"\n", 0, nul) + 1
                raise ImportFailed(
                    0 if read + nul < 65536 else where,
                    "the file is not a text file (it holds binary data)"
                    if read + nul < 65536
                    else "a NUL character (binary data) is in the file here",
                )
            parts.append(part)
            read += len(part)
            lines += part.count(b"\n")
            if read > MAX_FILE_BYTES:
                raise ImportFailed(0, f"the file is too large (more than {MAX_FILE_BYTES / 2**20:.0f} MB)")
    return b"".join(parts)


def line_count(text: str) -> int:
    return text.count("\n") + 1


def first_line(text: str) -> str:
    return text.split("\n", 1)[0].rstrip("\r")


def delimiter_of(text: str) -> str:
    """The field separator of the header line: ',', ';' or a tab, whichever splits it into the most fields."""
    line = first_line(text)

    def fields(delimiter: str) -> int:
        try:
            return len(next(csv.reader([line], delimiter=delimiter), []))
        except csv.Error:
            return 0

    return max((",", ";", "\t"), key=fields)


def header_of(text: str) -> list[str]:
    """The header's column names; a name given twice is refused (which of the two holds the value?)."""
    line = first_line(text)
    try:
        names = [name.strip() for name in next(csv.reader([line], delimiter=delimiter_of(text)), [])]
    except csv.Error as error:
        raise ImportFailed(1, f"the header cannot be read as CSV ({error})") from None
    seen: set[str] = set()
    for name in names:
        if name and name in seen:
            raise ImportFailed(1, f"the header has the column '{name}' twice: keep one of them")
        seen.add(name)
    return names


class Record(NamedTuple):
    line: int  # the line the record starts on
    fields: list[str]


_record = tuple.__new__


def records(
    text: str,
    delimiter: str | None = None,
    header: list[str] | None = None,
    progress: Progress | None = None,
    mend: Callable[[Record, int], list[str]] | None = None,
) -> Iterator[Record]:
    """Every record after the header, with its first line; blank lines are skipped. A quote left open at the end
    of the file is reported as a file cut short. Given the `header`, each record is checked to have all its fields
    (after `mend`, which may fix a record given the header's length), and ends with one extra empty field: a column
    the header lacks is read from position -1 (see positions); `progress` hears every 2,000 records and the end."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter or delimiter_of(text), strict=True)
    width = len(header) if header is not None else 0
    total = line_count(text) if progress is not None else 0
    start, count = 1, 0
    try:
        next(reader, None)  # the header
        start = reader.line_num + 1
        for fields in reader:
            line = start
            start = reader.line_num + 1
            # blank: every field empty or spaces (looked at whole only when the first field is)
            if (not fields or not fields[0] or fields[0].isspace()) and not "".join(fields).strip():
                continue
            if width:
                if mend is not None:
                    fields = mend(Record(line, fields), width)
                if len(fields) < width:
                    raise ImportFailed(
                        line, f"{len(fields)} fields where the header has {width} (the file may be cut short)"
                    )
                fields.append("")
            if progress is not None:
                count += 1
                if count % 2000 == 0:
                    progress(line, total)
            yield _record(Record, (line, fields))  # as Record(line, fields), without its Python __new__
    except csv.Error as error:
        reason = (
            "a quoted field is never closed: the file may be cut short"
            if "end of data" in str(error)
            else f"a field is longer than {MAX_FIELD_CHARS:,} characters"
            if "field limit" in str(error)
            else f"the file cannot be read as CSV here ({error})"
        )
        raise ImportFailed(start, reason) from None
    if progress is not None:
        progress(total, total)


class Row(dict[str, str]):
    """A record read by column name: row["Reps"] is that field, stripped ('' when the file has no such column).
    A dict, so reading a field costs one lookup; `line` is the line it starts on, `fields` the raw fields."""

    __slots__ = ("line", "fields")

    def __init__(self, line: int, fields: list[str], header: list[str]) -> None:
        super().__init__(zip(header, map(str.strip, fields), strict=False))  # a short row lacks its last columns
        self.line = line
        self.fields = fields

    def __missing__(self, name: str) -> str:
        return ""


def checked_records(
    text: str, header: list[str], progress: Progress, mend: Callable[[Record, int], list[str]] | None = None
) -> Iterator[Record]:
    """The records after `header`, checked against it (see records)."""
    return records(text, delimiter_of(text), header, progress, mend)


def rows(
    text: str, header: list[str], progress: Progress, mend: Callable[[Record, int], list[str]] | None = None
) -> Iterator[Row]:
    """The checked records (see checked_records) read by column name."""
    for record in checked_records(text, header, progress, mend):
        yield Row(record.line, record.fields, header)


def column(header: list[str], name: str | None) -> int:
    """Where a checked record holds column `name`: the last column of that name, as Row reads it, or -1 (the
    empty field every checked record ends with) when the header lacks it."""
    return max((index for index, each in enumerate(header) if each == name), default=-1)


def positions(header: list[str], *names: str | None) -> Callable[[list[str]], tuple[str, ...]]:
    """A getter of the raw (unstripped) fields of `names` from a checked record, as one tuple: a key under which
    to remember what those fields were read as."""
    return itemgetter(*(column(header, name) for name in names))


def require(header: list[str], required: tuple[str, ...], label: str) -> None:
    missing = [name for name in required if name not in header]
    if missing:
        raise ImportFailed(1, f"not a {label} export: the header lacks {', '.join(missing)}")


def rows_at(text: str, lines: list[int]) -> list[str]:
    """The records that start on `lines`, each as written (a quoted field may run over several lines), in file
    order: the rows an import left out, kept as they were so that they can be mended and imported."""
    wanted = set(lines)
    if not wanted:
        return []
    physical = io.StringIO(text, newline="").readlines()  # lines as the reader counts them
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter_of(text))
    found: list[str] = []
    start = 1
    try:
        for _fields in reader:
            if start in wanted:
                found.append("".join(physical[start - 1 : reader.line_num]).rstrip("\r\n"))
            start = reader.line_num + 1
    except csv.Error:
        pass  # the rows before the fault are found; a file this broken is refused before anything is left out
    return found
