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
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final

from journal.domain.validation import YEAR_MAX, YEAR_MIN

__all__ = ["MONTHS", "MONTH_NAMES", "DateError", "parse_export_date", "parse_export_datetime"]

_MAX_LENGTH: Final = 100  # the longest form ("4 de septiembre de 2026 a las 3:16:35 p. m.") is far shorter

# What a refusal says was expected: (named month, numeric), with and without a time of day.
_EXAMPLES: Final = {True: ("2 Mar 2026, 19:59", "2026-03-02 19:59"), False: ("2 Mar 2026", "2026-03-02")}


class DateError(ValueError):
    """A text that is not a date (and time) in any form an export writes; the message says what was expected."""


# Month names per language, one tuple a month: first the form a date is written with (genitive or partitive
# where the language declines it), second the abbreviation phones write (without its dot; the same as the
# first when the month is not abbreviated), then other spellings.
#
# Every spelling, lower-cased and without accents or trailing dot, must name one month in every language;
# _month_table refuses the table otherwise. Decisions taken so that this holds:
#   - "mar" is March in English, Spanish, Italian, Portuguese, Polish, Turkish, Danish, Norwegian: no conflict.
#     Weekday names are not in the table, so Spanish "mar." (martes) and the like are unknown words.
#   - "lis"/"listopad" is November in Polish and Czech but October in Croatian: Croatian (and Slovene,
#     Serbian, Bosnian, whose names overlap it) are left out.
#   - "mai" (French, German, Norwegian, Portuguese) and "maj" (Swedish, Danish, Polish) are all May; "set"
#     (Portuguese, Italian, Spanish "setiembre") is September; "des" is only Norwegian December.
#   - Hungarian ("márc.", "szept.") and Romanian ("ian.", "noi.") are not covered.
MONTH_NAMES: Final[Mapping[str, tuple[tuple[str, ...], ...]]] = MappingProxyType(
    {
        "English": (
            ("January", "Jan"),
            ("February", "Feb"),
            ("March", "Mar"),
            ("April", "Apr"),
            ("May", "May"),
            ("June", "Jun"),
            ("July", "Jul"),
            ("August", "Aug"),
            ("September", "Sep", "Sept"),
            ("October", "Oct"),
            ("November", "Nov"),
            ("December", "Dec"),
        ),
        "German": (
            ("Januar", "Jan", "Jänner", "Jän"),
            ("Februar", "Feb", "Feber"),
            ("März", "März", "Mär", "Mrz"),
            ("April", "Apr"),
            ("Mai", "Mai"),
            ("Juni", "Juni", "Jun"),
            ("Juli", "Juli", "Jul"),
            ("August", "Aug"),
            ("September", "Sept", "Sep"),
            ("Oktober", "Okt"),
            ("November", "Nov"),
            ("Dezember", "Dez"),
        ),
        "French": (
            ("janvier", "janv"),
            ("février", "févr", "fév"),
            ("mars", "mars"),
            ("avril", "avr"),
            ("mai", "mai"),
            ("juin", "juin"),
            ("juillet", "juil"),
            ("août", "août"),
            ("septembre", "sept"),
            ("octobre", "oct"),
            ("novembre", "nov"),
            ("décembre", "déc"),
        ),
        "Spanish": (
            ("enero", "ene"),
            ("febrero", "feb"),
            ("marzo", "mar"),
            ("abril", "abr"),
            ("mayo", "may"),
            ("junio", "jun"),
            ("julio", "jul"),
            ("agosto", "ago"),
            ("septiembre", "sept", "sep", "setiembre", "set"),
            ("octubre", "oct"),
            ("noviembre", "nov"),
            ("diciembre", "dic"),
        ),
        "Portuguese": (
            ("janeiro", "jan"),
            ("fevereiro", "fev"),
            ("março", "mar"),
            ("abril", "abr"),
            ("maio", "mai"),
            ("junho", "jun"),
            ("julho", "jul"),
            ("agosto", "ago"),
            ("setembro", "set"),
            ("outubro", "out"),
            ("novembro", "nov"),
            ("dezembro", "dez"),
        ),
        "Italian": (
            ("gennaio", "gen"),
            ("febbraio", "feb"),
            ("marzo", "mar"),
            ("aprile", "apr"),
            ("maggio", "mag"),
            ("giugno", "giu"),
            ("luglio", "lug"),
            ("agosto", "ago"),
            ("settembre", "set"),
            ("ottobre", "ott"),
            ("novembre", "nov"),
            ("dicembre", "dic"),
        ),
        "Dutch": (
            ("januari", "jan"),
            ("februari", "feb"),
            ("maart", "mrt"),
            ("april", "apr"),
            ("mei", "mei"),
            ("juni", "jun"),
            ("juli", "jul"),
            ("augustus", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        "Swedish": (
            ("januari", "jan"),
            ("februari", "feb"),
            ("mars", "mars", "mar"),
            ("april", "apr"),
            ("maj", "maj"),
            ("juni", "juni", "jun"),
            ("juli", "juli", "jul"),
            ("augusti", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        "Danish": (
            ("januar", "jan"),
            ("februar", "feb"),
            ("marts", "mar"),
            ("april", "apr"),
            ("maj", "maj"),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        "Norwegian": (
            ("januar", "jan"),
            ("februar", "feb"),
            ("mars", "mar"),
            ("april", "apr"),
            ("mai", "mai"),
            ("juni", "jun"),
            ("juli", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("oktober", "okt"),
            ("november", "nov"),
            ("desember", "des"),
        ),
        "Polish": (
            ("stycznia", "sty", "styczeń"),
            ("lutego", "lut", "luty"),
            ("marca", "mar", "marzec"),
            ("kwietnia", "kwi", "kwiecień"),
            ("maja", "maj"),
            ("czerwca", "cze", "czerwiec"),
            ("lipca", "lip", "lipiec"),
            ("sierpnia", "sie", "sierpień"),
            ("września", "wrz", "wrzesień"),
            ("października", "paź", "październik"),
            ("listopada", "lis", "listopad"),
            ("grudnia", "gru", "grudzień"),
        ),
        "Czech": (
            ("ledna", "led", "leden"),
            ("února", "úno", "únor"),
            ("března", "bře", "březen"),
            ("dubna", "dub", "duben"),
            ("května", "kvě", "květen"),
            ("června", "čvn", "červen"),
            ("července", "čvc", "červenec"),
            ("srpna", "srp", "srpen"),
            ("září", "zář"),
            ("října", "říj", "říjen"),
            ("listopadu", "lis", "listopad"),
            ("prosince", "pro", "prosinec"),
        ),
        "Finnish": (
            ("tammikuuta", "tammik", "tammikuu", "tammi"),
            ("helmikuuta", "helmik", "helmikuu", "helmi"),
            ("maaliskuuta", "maalisk", "maaliskuu", "maalis"),
            ("huhtikuuta", "huhtik", "huhtikuu", "huhti"),
            ("toukokuuta", "toukok", "toukokuu", "touko"),
            ("kesäkuuta", "kesäk", "kesäkuu", "kesä"),
            ("heinäkuuta", "heinäk", "heinäkuu", "heinä"),
            ("elokuuta", "elok", "elokuu", "elo"),
            ("syyskuuta", "syysk", "syyskuu", "syys"),
            ("lokakuuta", "lokak", "lokakuu", "loka"),
            ("marraskuuta", "marrask", "marraskuu", "marras"),
            ("joulukuuta", "jouluk", "joulukuu", "joulu"),
        ),
        "Turkish": (
            ("Ocak", "Oca"),
            ("Şubat", "Şub"),
            ("Mart", "Mar"),
            ("Nisan", "Nis"),
            ("Mayıs", "May"),
            ("Haziran", "Haz"),
            ("Temmuz", "Tem"),
            ("Ağustos", "Ağu"),
            ("Eylül", "Eyl"),
            ("Ekim", "Eki"),
            ("Kasım", "Kas"),
            ("Aralık", "Ara"),
        ),
        "Russian": (
            ("января", "янв", "январь"),
            ("февраля", "февр", "февраль", "фев"),
            ("марта", "мар", "март"),
            ("апреля", "апр", "апрель"),
            ("мая", "мая", "май"),
            ("июня", "июн", "июнь"),
            ("июля", "июл", "июль"),
            ("августа", "авг", "август"),
            ("сентября", "сент", "сентябрь", "сен"),
            ("октября", "окт", "октябрь"),
            ("ноября", "нояб", "ноябрь", "ноя"),
            ("декабря", "дек", "декабрь"),
        ),
        "Ukrainian": (
            ("січня", "січ", "січень"),
            ("лютого", "лют", "лютий"),
            ("березня", "бер", "березень"),
            ("квітня", "квіт", "квітень"),
            ("травня", "трав", "травень"),
            ("червня", "черв", "червень"),
            ("липня", "лип", "липень"),
            ("серпня", "серп", "серпень"),
            ("вересня", "вер", "вересень"),
            ("жовтня", "жовт", "жовтень"),
            ("листопада", "лист", "листопад"),
            ("грудня", "груд", "грудень"),
        ),
    }
)

# Letters that keep their look without an accent mark but do not decompose in NFD.
_PLAIN_LETTERS: Final = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "æ": "ae", "đ": "d"})


def _fold(text: str) -> str:
    """Lower case, without accents or invisible format characters, every run of white space one plain space."""
    if text.isascii():  # no accents or format characters to drop
        return " ".join(text.split()).lower()
    text = "".join(char for char in text if unicodedata.category(char) != "Cf")  # U+200E, U+FEFF, ...
    text = unicodedata.normalize("NFD", " ".join(text.split()).casefold())
    return "".join(char for char in text if unicodedata.category(char) != "Mn").translate(_PLAIN_LETTERS)


def _month_table(languages: Mapping[str, tuple[tuple[str, ...], ...]]) -> dict[str, int]:
    """Folded month name -> month number; a name that would mean two months is refused with ValueError."""
    table: dict[str, int] = {}
    for language, months in languages.items():
        if len(months) != 12:
            raise ValueError(f"{language} has {len(months)} months")
        for number, names in enumerate(months, start=1):
            for name in names:
                key = _fold(name).rstrip(".")
                if table.setdefault(key, number) != number:
                    raise ValueError(f"{language} {name!r} is month {number} but already month {table[key]}")
    return table


MONTHS: Final[Mapping[str, int]] = MappingProxyType(_month_table(MONTH_NAMES))

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


def _month_name(month: int) -> str:
    return MONTH_NAMES["English"][month - 1][1]


def _check_date(year: int, month: int, day: int) -> str:
    """Why year-month-day is no date, or "" when it is one."""
    if not YEAR_MIN <= year <= YEAR_MAX:
        return f"year {year} is outside {YEAR_MIN}-{YEAR_MAX}"
    if not 1 <= month <= 12:
        return f"there is no month {month}"
    if not 1 <= day <= calendar.monthrange(year, month)[1]:
        return f"{MONTH_NAMES['English'][month - 1][0]} {year} has no day {day}"
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
    if with_time and (plain := _PLAIN_NAMED.fullmatch(stripped)) and (month := MONTHS.get(plain["month"].lower())):
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
    if match["month"] not in MONTHS:
        raise _refuse(text, (named,), f"{match['month']!r} is not a month name")
    return int(match["year"]), MONTHS[match["month"]], int(match["day"]), match, (named,), _CLOCK


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
