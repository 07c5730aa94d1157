# SPDX-License-Identifier: MIT
"""Dates and times as fitness apps write them into CSV exports, read into naive local datetimes."""

# Exports write the wall-clock time of the workout: the result is that time, naive. A trailing UTC offset
# ("+0000", "Z", "+01:00", "UTC") is checked and then dropped, never applied: a workout logged at 19:59 in
# Lisbon stays at 19:59 whatever offset the exporter appended.
#
# Forms read, in any letter case, accents optional, any run of white space (U+00A0 and U+202F included) as one
# space, invisible format characters (U+200E, a byte order mark) ignored:
#   year first    2023-10-08 15:57:35, 2023-10-08T15:57:35.123+01:00, 2021-01-17 22:14:35 +0000, 2026/03/02
#   day first     2 Mar 2026, 19:59 / 4. Sept. 2026 um 15:16 / 4 de set. de 2026, 15:16 / 4 сент. 2026 г., 15:16
#   month first   May 7, 2026, 6:13 AM / Sep 4, 2026 at 3:16 PM
#   year, month   2026 Sep 4 15:16
#   numeric       4/9/2026 15:16 only when day and month cannot be swapped (13/9/2026, 9/13/2026, 4/4/2026);
#                 otherwise the order is ambiguous and refused.
# A time is h:mm or h.mm, optionally :ss, optionally AM/PM (am, a.m., a. m.); without a time the date is at
# midnight.

from __future__ import annotations

import calendar
import datetime
import functools
import re
import unicodedata
from collections.abc import Iterator, Mapping
from types import MappingProxyType
from typing import Final

import babel
import babel.localedata

from journal.domain.validation import YEAR_MAX, YEAR_MIN

__all__ = ["MONTHS", "MONTH_NAMES", "DateError", "parse_export_date", "parse_export_datetime"]

_MAX_LENGTH: Final = 100  # the longest form ("4 de septiembre de 2026 a las 3:16:35 p. m.") is far shorter

# What a refusal says was expected: (named month, numeric), with and without a time of day.
_EXAMPLES: Final = {True: ("2 Mar 2026, 19:59", "2026-03-02 19:59"), False: ("2 Mar 2026", "2026-03-02")}


class DateError(ValueError):
    """A text that is not a date (and time) in any form an export writes; the message says what was expected."""


# Month names come from the Unicode CLDR, through Babel: every locale's month names as dates are written with them
# ("format": genitive or partitive where the language declines it) and as they stand alone, wide and abbreviated,
# so that a phone in any language reads. A name that is one word of letters (no "1月", no "tháng 1") is read, in
# any letter case, without accents or its trailing dot.
#
# A spelling that means two months in two languages is read as the first of PRIORITY that has it (the languages
# Hevy's phones were seen in), then as the base languages in alphabetical order, then their regional variants:
#   - "mar" is March in English, Spanish, Italian, Portuguese, Polish, Turkish, Danish and Norwegian;
#   - "lis"/"listopad" is November in Polish and Czech, read so, though Croatian means October by it (a Croatian
#     export's October dates are misread; write them year first);
#   - "mai" and "maj" are May in every language that has them.
PRIORITY: Final = ("en", "de", "fr", "es", "pt", "it", "nl", "sv", "da", "nb", "pl", "cs", "fi", "tr", "ru", "uk")
# Spellings phones have written that the CLDR no longer holds: the Austrian "Feber", the German "Mrz", Finnish
# abbreviations of the partitive ("tammik." for tammikuuta).
EXTRA_SPELLINGS: Final[Mapping[str, int]] = MappingProxyType(
    {
        "feber": 2,
        "mrz": 3,
        "tammik": 1,
        "helmik": 2,
        "maalisk": 3,
        "huhtik": 4,
        "toukok": 5,
        "kesak": 6,
        "heinak": 7,
        "elok": 8,
        "syysk": 9,
        "lokak": 10,
        "marrask": 11,
        "jouluk": 12,
    }
)
# The languages, by English name, whose spellings the messages and the tests name (all of them are read).
LANGUAGES: Final = MappingProxyType(
    {
        "English": "en",
        "German": "de",
        "French": "fr",
        "Spanish": "es",
        "Portuguese": "pt",
        "Italian": "it",
        "Dutch": "nl",
        "Swedish": "sv",
        "Danish": "da",
        "Norwegian": "nb",
        "Polish": "pl",
        "Czech": "cs",
        "Finnish": "fi",
        "Turkish": "tr",
        "Russian": "ru",
        "Ukrainian": "uk",
    }
)
_ONE_WORD: Final = re.compile(r"[^\W\d_]+")


def locale_months(locale: str) -> tuple[tuple[str, ...], ...]:
    """A locale's twelve months, each as the CLDR writes it: wide and abbreviated (without its dot) as dates are
    written with it, then wide and abbreviated standing alone (often the same)."""
    names = babel.Locale.parse(locale).months
    months = []
    for number in range(1, 13):
        spellings = (
            names[context][width][number].rstrip(".")
            for context in ("format", "stand-alone")
            for width in ("wide", "abbreviated")
        )
        months.append(tuple(spellings))
    return tuple(months)


def _locales() -> list[str]:
    """Every locale Babel knows, in the order a shared spelling is decided (see PRIORITY)."""

    def rank(locale: str) -> tuple[int, bool, str]:
        language = locale.split("_")[0]
        return (PRIORITY.index(language) if language in PRIORITY else len(PRIORITY), "_" in locale, locale)

    try:
        found = babel.localedata.locale_identifiers()
    except OSError:  # Babel's locale data missing (a bundle built without it): English and EXTRA_SPELLINGS still read
        return []
    return sorted(found, key=rank)


def _month_table(locales: list[str]) -> tuple[dict[str, int], dict[str, set[int]]]:
    """Folded month name -> month number, the first locale's meaning kept; and the names other locales give
    another month (read as the first, see PRIORITY)."""
    table: dict[str, int] = dict(EXTRA_SPELLINGS)
    elsewhere: dict[str, set[int]] = {}
    for locale in locales:
        try:
            months = locale_months(locale)
        except (ValueError, KeyError, OSError, babel.UnknownLocaleError):  # a locale without month names of its own
            continue
        for number, spellings in enumerate(months, start=1):
            for spelling in spellings:
                key = _fold(spelling).rstrip(".")
                if _ONE_WORD.fullmatch(key) and table.setdefault(key, number) != number:
                    elsewhere.setdefault(key, set()).add(number)
    return table, elsewhere


class _Months(Mapping[str, int]):
    """The month table, built from the CLDR the first time a month name is looked up (about a second: every
    locale's data is read), so that a program that reads no named month never pays for it."""

    @functools.cached_property
    def _built(self) -> tuple[dict[str, int], dict[str, set[int]]]:
        return _month_table(_locales())

    @property
    def ambiguous(self) -> Mapping[str, set[int]]:
        """The names some locale reads as another month than the table does."""
        return self._built[1]

    def __getitem__(self, key: str) -> int:
        return self._built[0][key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._built[0])

    def __len__(self) -> int:
        return len(self._built[0])


MONTHS: Final = _Months()


class _Names(Mapping[str, tuple[tuple[str, ...], ...]]):
    """The months of the LANGUAGES by English name, each as locale_months writes it (the first spelling is the
    wide one dates are written with, the second the abbreviation)."""

    def __getitem__(self, language: str) -> tuple[tuple[str, ...], ...]:
        return _language_months(LANGUAGES[language])

    def __iter__(self) -> Iterator[str]:
        return iter(LANGUAGES)

    def __len__(self) -> int:
        return len(LANGUAGES)


@functools.cache
def _language_months(locale: str) -> tuple[tuple[str, ...], ...]:
    return locale_months(locale)


MONTH_NAMES: Final = _Names()


# Letters that keep their look without an accent mark but do not decompose in NFD.
_PLAIN_LETTERS: Final = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "æ": "ae", "đ": "d"})


def _fold(text: str) -> str:
    """Lower case, without accents or invisible format characters, every run of white space one plain space."""
    if text.isascii():  # no accents or format characters to drop
        return " ".join(text.split()).lower()
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")  # U+200E, U+FEFF, ...
    text = unicodedata.normalize("NFD", " ".join(text.split()).casefold())
    return "".join(char for char in text if unicodedata.category(char) != "Mn").translate(_PLAIN_LETTERS)


# The patterns run on folded text (see _fold): lower case, no accents, single plain spaces.
_DAY = r"(?P<day>[0-9]{1,2})(?![0-9])(?:(?:st|nd|rd|th)(?![^\W\d_]))?"
_MONTH = r"(?P<month>[^\W\d_]+)\.?"
_YEAR = r"(?P<year>[0-9]{4})(?![0-9])"
_GAP = r"[ -]?"
_NAMED: Final = (
    # 2 Mar 2026 / 4. Sept. 2026 / 4 de set. de 2026 / 4 сент. 2026 г. / 4 вер. 2026 р. / 4 wrz 2026 r.
    re.compile(
        _DAY
        + r"\.?"
        + _GAP
        + r"(?:de )?"
        + _MONTH
        + r",?"
        + _GAP
        + r"(?:del? )?"
        + _YEAR
        + r"(?: ?(?:г|года|р|року|r|roku)\b\.?)?"
    ),
    re.compile(_MONTH + _GAP + _DAY + r",?" + _GAP + _YEAR),  # May 7, 2026
    re.compile(_YEAR + r"\.?" + _GAP + _MONTH + _GAP + _DAY + r"\.?"),  # 2026 Sep 4
)
_YEAR_FIRST: Final = re.compile(
    r"(?P<year>[0-9]{4})(?P<sep>[-/.])(?P<month>[0-9]{1,2})(?P=sep)(?P<day>[0-9]{1,2})(?![0-9])"
)
_DAY_OR_MONTH_FIRST: Final = re.compile(
    r"(?P<first>[0-9]{1,2})(?P<sep>[-/.])(?P<second>[0-9]{1,2})(?P=sep)(?P<year>[0-9]{4})(?![0-9])"
)
_PLAIN_ISO: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}(?P<time>[ T][0-9]{2}:[0-9]{2}(?::[0-9]{2})?)?")
_PLAIN_NAMED: Final = re.compile(
    r"(?P<day>[0-9]{1,2}) (?P<month>[A-Za-z]{3,9}) (?P<year>[0-9]{4}), "
    r"(?P<hour>[0-9]{1,2}):(?P<minute>[0-9]{2})"
)
_SHORT_YEAR: Final = re.compile(r"[0-9]{1,2}(?P<sep>[-/.])[0-9]{1,2}(?P=sep)[0-9]{2}(?![0-9])")

_TIME = (
    r"(?P<hour>[0-9]{1,2})(?P<tsep>[:.])(?P<minute>[0-9]{2})"
    r"(?:(?P=tsep)(?P<second>[0-9]{2})(?:[.,](?P<fraction>[0-9]{1,9}))?)?"
    r"(?: ?(?P<meridiem>[ap])\.? ?m\.?)?"
)
# Between date and time: a comma, a space, or a word: at, um, à, às, a las, alle, om, kl., klo, o, v, в, о.
_SEPARATOR = r",? ?(?:(?:a las|a la|alle|at|um|as|a|om|kl\.?|klo|o|v|в|о|-) ?)?"
_CLOCK: Final = re.compile(_SEPARATOR + _TIME)
_ISO_CLOCK: Final = re.compile(
    r"(?:t|"
    + _SEPARATOR
    + r")"
    + _TIME
    + r"(?: ?(?P<offset>z|utc|gmt|[+-](?P<offset_hours>[0-9]{2})(?::?(?P<offset_minutes>[0-9]{2}))?))?"
)


def _shown(text: str) -> str:
    return repr(text if len(text) <= 60 else text[:60] + "…")


def _refuse(text: str, examples: tuple[str, ...], reason: str = "") -> DateError:
    like = " or ".join(repr(example) for example in examples)
    return DateError(f"{_shown(text)} is not a date like {like}" + (f": {reason}" if reason else ""))


_ENGLISH: Final = (  # as messages name months (not calendar's names, which follow the system's locale)
    (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
)


# English names, which no language reads as another month, are read without building the whole table.
_QUICK: Final = {name.lower(): number for names in _ENGLISH for number, name in enumerate(names, start=1)}


def _month_number(name: str) -> int | None:
    return _QUICK.get(name) or MONTHS.get(name)


def _month_name(month: int) -> str:
    return _ENGLISH[1][month - 1]


def _check_date(year: int, month: int, day: int) -> str:
    """Why year-month-day is no date, or "" when it is one."""
    if not YEAR_MIN <= year <= YEAR_MAX:
        return f"year {year} is outside {YEAR_MIN}-{YEAR_MAX}"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{_ENGLISH[0][month - 1]} {year} has no day {day}"
    return ""


def _check_clock(clock: re.Match[str]) -> tuple[datetime.time | None, str]:
    """The time of day a matched clock reads, or None and why it is no time."""
    hour, minute, second = int(clock["hour"]), int(clock["minute"]), int(clock["second"] or 0)
    microsecond = int((clock["fraction"] or "0")[:6].ljust(6, "0"))
    if clock["meridiem"]:
        if not 1 <= hour <= 12:
            return None, f"hour {hour} is not on a 12-hour clock (1 to 12 with AM/PM)"
        hour = hour % 12 + (12 if clock["meridiem"] == "p" else 0)
    elif hour > 23:
        return None, f"hour {hour} is past 23"
    if minute > 59:
        return None, f"minute {minute} is past 59"
    if second > 59:
        return None, f"second {second} is past 59"
    if clock.groupdict().get("offset_hours") and (
        int(clock["offset_hours"]) > 23 or int(clock["offset_minutes"] or 0) > 59
    ):
        return None, f"{clock['offset']!r} is not a UTC offset"
    return datetime.time(hour, minute, second, microsecond), ""


def _read(text: str, with_time: bool, day_first: bool | None = None) -> tuple[datetime.date, datetime.time | None]:
    """The date and, when written, the time of day in text; DateError when it is neither."""
    if not isinstance(text, str):
        raise DateError(f"expected a text, not {type(text).__name__}")
    every = _EXAMPLES[with_time]
    stripped = text.strip()
    if not stripped:
        raise _refuse(text, every, "the text is empty")
    if len(stripped) > _MAX_LENGTH:
        raise _refuse(text, every, f"{len(stripped)} characters are too many for a date")
    if (common := _common_form(stripped, with_time)) is not None:
        return common
    folded = _fold(stripped)
    year, month, day, match, examples, clocks = _date_part(text, folded, with_time, day_first)
    if reason := _check_date(year, month, day):
        raise _refuse(text, examples, reason)
    rest = folded[match.end() :]
    if not rest:
        return datetime.date(year, month, day), None
    return datetime.date(year, month, day), _time_part(text, rest, clocks, examples, with_time)


def _common_form(stripped: str, with_time: bool) -> tuple[datetime.date, datetime.time | None] | None:
    """ISO dates and Hevy's "2 Mar 2026, 19:59", read without the patterns; None for anything else (or anything
    wrong, which the patterns then refuse with the reason)."""
    if (plain := _PLAIN_ISO.fullmatch(stripped)) and (with_time or not plain["time"]):
        try:
            moment = datetime.datetime.fromisoformat(stripped)
        except ValueError:
            return None
        if YEAR_MIN <= moment.year <= YEAR_MAX:
            return moment.date(), moment.time() if plain["time"] else None
    if with_time and (plain := _PLAIN_NAMED.fullmatch(stripped)) and (month := _month_number(plain["month"].lower())):
        try:
            moment = datetime.datetime(
                int(plain["year"]), month, int(plain["day"]), int(plain["hour"]), int(plain["minute"])
            )
        except ValueError:
            return None
        if YEAR_MIN <= moment.year <= YEAR_MAX:
            return moment.date(), moment.time()
    return None


def _date_part(
    text: str, folded: str, with_time: bool, day_first: bool | None
) -> tuple[int, int, int, re.Match[str], tuple[str, ...], re.Pattern[str]]:
    """Year, month, day, the match (where the rest begins), the examples to show in a refusal, and the clock
    pattern the rest must match: year first, then numeric day/month in either order, then a month name."""
    named, numeric = _EXAMPLES[with_time]
    if match := _YEAR_FIRST.match(folded):
        return int(match["year"]), int(match["month"]), int(match["day"]), match, (numeric,), _ISO_CLOCK
    if match := _DAY_OR_MONTH_FIRST.match(folded):
        day, month = _day_and_month(text, match, numeric, day_first)
        return int(match["year"]), month, day, match, (numeric,), _CLOCK
    for pattern in _NAMED:
        if match := pattern.match(folded):
            break
    else:
        raise _refuse(text, (named, numeric), "the year needs four digits" if _SHORT_YEAR.match(folded) else "")
    named_month = _month_number(match["month"])
    if named_month is None:
        raise _refuse(text, (named,), f"{match['month']!r} is not a month name")
    return int(match["year"]), named_month, int(match["day"]), match, (named,), _CLOCK


def _day_and_month(text: str, match: re.Match[str], example: str, day_first: bool | None) -> tuple[int, int]:
    """Day and month of a numeric date written day or month first: the one valid reading, or the order the lifter
    chose (dotted dates are day first); two valid readings are refused as ambiguous."""
    year, first, second = int(match["year"]), int(match["first"]), int(match["second"])
    readings = sorted({(first, second), (second, first)}, key=lambda pair: pair != (first, second))
    valid = [(day, month) for day, month in readings if not _check_date(year, month, day)]
    if len(valid) > 1 and (day_first is not None or match["sep"] == "."):
        valid = [(first, second) if day_first is not False else (second, first)]
    if len(valid) > 1:
        (day_a, month_a), (day_b, month_b) = valid
        raise DateError(
            f"{_shown(text)} has an ambiguous day/month order: it could be {day_a} {_month_name(month_a)} "
            f"{year} or {day_b} {_month_name(month_b)} {year}; write the year first, like {example!r}"
        )
    if not valid:
        raise _refuse(text, (example,), _check_date(year, second, first))
    return valid[0]


def _time_part(
    text: str, rest: str, clocks: re.Pattern[str], examples: tuple[str, ...], with_time: bool
) -> datetime.time:
    """The time of day written after the date."""
    clock = clocks.fullmatch(rest)
    if clock is None:
        raise _refuse(text, examples, f"{rest.strip(' ,')!r} after the date is not a time of day")
    if not with_time:
        raise _refuse(text, examples, "it has a time of day")
    time, reason = _check_clock(clock)
    if time is None:
        raise _refuse(text, examples, reason)
    return time


@functools.lru_cache(maxsize=4096)  # exports repeat a workout's date on each of its sets
def parse_export_datetime(text: str, day_first: bool | None = None) -> datetime.datetime:
    """The naive local date and time a fitness app's CSV export wrote, at midnight when it wrote no time.

    Seconds (and fractions of them) are kept when written; a UTC offset is dropped, not applied, because exports
    write the local wall-clock time. Raises DateError for anything else, ambiguous numeric orders included, unless
    `day_first` says the order of numeric dates (dotted dates like 02.03.2026 are always read day first).
    """
    date, time = _read(text, with_time=True, day_first=day_first)
    return datetime.datetime.combine(date, time or datetime.time())


def parse_export_date(text: str) -> datetime.date:
    """The date in a date-only text of any form parse_export_datetime reads; DateError if it has a time too."""
    return _read(text, with_time=False)[0]
