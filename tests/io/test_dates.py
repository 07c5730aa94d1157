# SPDX-License-Identifier: MIT
"""Export dates: every form fitness apps write is read to the wall-clock time; anything else is a DateError."""

from __future__ import annotations

import contextlib
import re
import unicodedata
from collections.abc import Callable
from datetime import date, datetime

import babel
import babel.localedata
import pytest
from hypothesis import given
from hypothesis import strategies as st

from journal.io.dates import (
    MONTH_NAMES,
    MONTHS,
    DateError,
    _fold,
    locale_months,
    parse_export_date,
    parse_export_datetime,
)

NNBSP = "\u202f"
NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # ISO-like; an offset is dropped, not applied
        ("2023-10-08 15:57:35", datetime(2023, 10, 8, 15, 57, 35)),
        ("2023-10-08T15:57:35", datetime(2023, 10, 8, 15, 57, 35)),
        ("2023-10-08 15:57", datetime(2023, 10, 8, 15, 57)),
        ("2023-10-08", datetime(2023, 10, 8, 0, 0)),
        ("2021-01-17 22:14:35 +0000", datetime(2021, 1, 17, 22, 14, 35)),
        ("2021-01-17T22:14:35Z", datetime(2021, 1, 17, 22, 14, 35)),
        ("2021-01-17T22:14:35.123+01:00", datetime(2021, 1, 17, 22, 14, 35, 123000)),
        ("2021-01-17T22:14:35,5-05:30", datetime(2021, 1, 17, 22, 14, 35, 500000)),
        ("2021-01-17 22:14:35 UTC", datetime(2021, 1, 17, 22, 14, 35)),
        ("2021-01-17 22:14:35+01", datetime(2021, 1, 17, 22, 14, 35)),
        ("2026/03/02 19:59", datetime(2026, 3, 2, 19, 59)),
        ("2026.3.2", datetime(2026, 3, 2)),
        ("  2023-10-08 15:57:35\n", datetime(2023, 10, 8, 15, 57, 35)),
        ("\ufeff2023-10-08 15:57", datetime(2023, 10, 8, 15, 57)),  # a CSV's byte order mark
        # Hevy, English
        ("2 Mar 2026, 19:59", datetime(2026, 3, 2, 19, 59)),
        ("May 7, 2026, 6:13 AM", datetime(2026, 5, 7, 6, 13)),
        (f"May 7, 2026, 6:13{NNBSP}AM", datetime(2026, 5, 7, 6, 13)),
        ("7 May 2026, 6:13 pm", datetime(2026, 5, 7, 18, 13)),
        ("Sep 4, 2026 at 3:16 PM", datetime(2026, 9, 4, 15, 16)),
        ("Sept. 4, 2026 at 3:16 p.m.", datetime(2026, 9, 4, 15, 16)),
        ("September 4th, 2026, 3:16:35 PM", datetime(2026, 9, 4, 15, 16, 35)),
        ("4 SEP 2026 15:16", datetime(2026, 9, 4, 15, 16)),
        ("2026 Sep 4 15:16", datetime(2026, 9, 4, 15, 16)),
        ("04-Sep-2026", datetime(2026, 9, 4)),
        ("2 Mar 2026", datetime(2026, 3, 2)),
        # 12-hour clock edges
        ("2 Mar 2026, 12:05 AM", datetime(2026, 3, 2, 0, 5)),
        ("2 Mar 2026, 12:05 PM", datetime(2026, 3, 2, 12, 5)),
        ("2 Mar 2026, 11:59 PM", datetime(2026, 3, 2, 23, 59)),
        ("2 Mar 2026, 1:00 a.m.", datetime(2026, 3, 2, 1, 0)),
        # Portuguese
        ("4 de set. de 2026, 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 de setembro de 2026 às 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 de março de 2026 15:16", datetime(2026, 3, 4, 15, 16)),
        ("4 de out. de 2026, 07:05", datetime(2026, 10, 4, 7, 5)),
        # French
        ("4 sept. 2026, 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 août 2026 à 15:16", datetime(2026, 8, 4, 15, 16)),
        ("4 aout 2026 a 15:16", datetime(2026, 8, 4, 15, 16)),
        ("4 févr. 2026, 15:16", datetime(2026, 2, 4, 15, 16)),
        ("4 déc. 2026, 15:16", datetime(2026, 12, 4, 15, 16)),
        # German
        ("4. Sep. 2026, 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4. September 2026 um 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4. März 2026, 15:16", datetime(2026, 3, 4, 15, 16)),
        ("4. Marz 2026, 15:16", datetime(2026, 3, 4, 15, 16)),
        ("04. Dez. 2026, 15:16:07", datetime(2026, 12, 4, 15, 16, 7)),
        ("4. Jänner 2026", datetime(2026, 1, 4)),
        # Italian
        ("4 set 2026, 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 giu 2026, 15:16", datetime(2026, 6, 4, 15, 16)),
        ("4 gennaio 2026 alle 15:16", datetime(2026, 1, 4, 15, 16)),
        # Spanish
        ("4 sep 2026, 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 de septiembre de 2026, 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 ene 2026, 3:16 p. m.", datetime(2026, 1, 4, 15, 16)),
        (f"4 ene 2026, 3:16{NBSP}a.{NBSP}m.", datetime(2026, 1, 4, 3, 16)),
        ("4 de diciembre de 2026 a las 15:16", datetime(2026, 12, 4, 15, 16)),
        ("4 de enero del 2026, 1:16 p. m.", datetime(2026, 1, 4, 13, 16)),
        # Dutch
        ("4 mrt 2026 15:16", datetime(2026, 3, 4, 15, 16)),
        ("4 mei 2026 om 15:16", datetime(2026, 5, 4, 15, 16)),
        ("4 okt. 2026 15:16", datetime(2026, 10, 4, 15, 16)),
        # Swedish, Danish, Norwegian
        ("4 maj 2026 15:16", datetime(2026, 5, 4, 15, 16)),
        ("4 augusti 2026 kl. 15:16", datetime(2026, 8, 4, 15, 16)),
        ("4. marts 2026 kl. 15.16", datetime(2026, 3, 4, 15, 16)),
        ("4. des. 2026, 15:16", datetime(2026, 12, 4, 15, 16)),
        ("4. mai 2026 kl 15:16", datetime(2026, 5, 4, 15, 16)),
        # Polish
        ("4 paź 2026, 15:16", datetime(2026, 10, 4, 15, 16)),
        ("4 paz 2026, 15:16", datetime(2026, 10, 4, 15, 16)),
        ("4 września 2026 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 wrz 2026 r. o 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 sty 2026, 15:16", datetime(2026, 1, 4, 15, 16)),
        # Czech
        ("4. září 2026 v 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4. úno 2026 15:16", datetime(2026, 2, 4, 15, 16)),
        ("4. čvc 2026 15:16", datetime(2026, 7, 4, 15, 16)),
        # Finnish
        ("4. syysk. 2026 klo 15.16", datetime(2026, 9, 4, 15, 16)),
        ("4. syyskuuta 2026 klo 15.16.35", datetime(2026, 9, 4, 15, 16, 35)),
        ("4. kesäkuuta 2026", datetime(2026, 6, 4)),
        # Turkish
        ("4 Eyl 2026 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 Ağustos 2026 15:16", datetime(2026, 8, 4, 15, 16)),
        ("4 KASIM 2026 15:16", datetime(2026, 11, 4, 15, 16)),
        ("4 Kasım 2026 15:16", datetime(2026, 11, 4, 15, 16)),
        ("4 Şub 2026 15:16", datetime(2026, 2, 4, 15, 16)),
        # Russian, Ukrainian
        ("4 сент. 2026 г., 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 мая 2026 г. в 15:16", datetime(2026, 5, 4, 15, 16)),
        ("4 МАЙ 2026 15:16", datetime(2026, 5, 4, 15, 16)),
        ("4 вер. 2026 р., 15:16", datetime(2026, 9, 4, 15, 16)),
        ("4 листопада 2026 р. о 15:16", datetime(2026, 11, 4, 15, 16)),
        ("4 січ. 2026 р., 15:16", datetime(2026, 1, 4, 15, 16)),
        # numeric day and month only when they cannot be swapped
        ("13/9/2026 15:16", datetime(2026, 9, 13, 15, 16)),
        ("9/13/2026 3:16 PM", datetime(2026, 9, 13, 15, 16)),
        ("13.09.2026 15:16", datetime(2026, 9, 13, 15, 16)),
        ("31-12-2026", datetime(2026, 12, 31)),
        ("4/4/2026 15:16", datetime(2026, 4, 4, 15, 16)),
        # invisible and odd white space
        (f"2{NBSP}Mar{NBSP}2026,{NNBSP}19:59", datetime(2026, 3, 2, 19, 59)),
        ("\u200e2 Mar 2026, 19:59\u200e", datetime(2026, 3, 2, 19, 59)),
        ("2  Mar\t2026,   19:59", datetime(2026, 3, 2, 19, 59)),
        # range edges
        ("1900-01-01", datetime(1900, 1, 1)),
        ("31 Dec 2200, 23:59", datetime(2200, 12, 31, 23, 59)),
        ("29 Feb 2024", datetime(2024, 2, 29)),
    ],
)
def test_reads_the_forms_exports_write(text: str, expected: datetime) -> None:
    parsed = parse_export_datetime(text)
    assert parsed == expected
    assert parsed.tzinfo is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "'' is not a date like '2 Mar 2026, 19:59' or '2026-03-02 19:59': the text is empty"),
        ("   ", "is not a date like '2 Mar 2026, 19:59' or '2026-03-02 19:59': the text is empty"),
        (
            "32 Foo 2026, 19:59",
            "'32 Foo 2026, 19:59' is not a date like '2 Mar 2026, 19:59': 'foo' is not a month name",
        ),
        (
            "4 mar. 2026 Tuesday",
            "'4 mar. 2026 Tuesday' is not a date like '2 Mar 2026, 19:59': "
            "'tuesday' after the date is not a time of day",
        ),
        ("Tue 4 Mar 2026", "'Tue 4 Mar 2026' is not a date like '2 Mar 2026, 19:59' or '2026-03-02 19:59'"),
        ("31 Feb 2026", "'31 Feb 2026' is not a date like '2 Mar 2026, 19:59': February 2026 has no day 31"),
        ("29 Feb 2026, 10:00", "February 2026 has no day 29"),
        ("0 Mar 2026", "March 2026 has no day 0"),
        ("2026-02-30", "'2026-02-30' is not a date like '2026-03-02 19:59': February 2026 has no day 30"),
        ("2026-13-01", "there is no month 13"),
        ("2 Mar 2026, 24:00", "hour 24 is past 23"),
        ("2 Mar 2026, 19:60", "minute 60 is past 59"),
        ("2023-10-08 15:57:60", "second 60 is past 59"),
        ("2 Mar 2026, 13:00 PM", "hour 13 is not on a 12-hour clock (1 to 12 with AM/PM)"),
        ("2 Mar 2026, 0:30 AM", "hour 0 is not on a 12-hour clock"),
        ("2 Mar 1899", "year 1899 is outside 1900-2200"),
        ("2201-01-01", "year 2201 is outside 1900-2200"),
        ("1/1/0001", "year 1 is outside 1900-2200"),
        ("4/9/2026 15:16", "'4/9/2026 15:16' has an ambiguous day/month order: it could be 4 Sep 2026 or 9 Apr 2026"),
        ("04/09/2026", "ambiguous day/month order"),
        ("31/4/2026", "April 2026 has no day 31"),
        ("13/13/2026", "there is no month 13"),
        ("4/9/26", "'4/9/26' is not a date like '2 Mar 2026, 19:59' or '2026-03-02 19:59': the year needs four digits"),
        ("2021-01-17T22:14:35+25:00", "'+25:00' is not a UTC offset"),
        (
            "2 Mar 2026, 19:59 +0100",
            "'19:59 +0100' after the date is not a time of day",
        ),  # offsets only after ISO dates
        ("2 Mar 2026 at", "'at' after the date is not a time of day"),
        ("2023-10-08T", "'t' after the date is not a time of day"),
        ("yesterday", "'yesterday' is not a date like"),
        ("15:16", "'15:16' is not a date like"),
        ("2 Mar 2026\x00", r"'2 Mar 2026\x00' is not a date like '2 Mar 2026, 19:59': '\x00' after the date"),
        ("2 Mar 2026, 19:59" + "x" * 200, "217 characters are too many for a date"),
        ("४ Mar २०२६", "is not a date like"),  # only ASCII digits
    ],
)
def test_refuses_what_is_not_a_date_and_says_what_was_expected(text: str, message: str) -> None:
    with pytest.raises(DateError) as refusal:
        parse_export_datetime(text)
    assert message in str(refusal.value)


def test_a_refusal_is_a_value_error() -> None:
    with pytest.raises(ValueError, match="is not a date like"):
        parse_export_datetime("soon")


def test_a_long_text_is_shortened_in_the_message() -> None:
    with pytest.raises(DateError) as refusal:
        parse_export_datetime("9" * 5000)
    assert len(str(refusal.value)) < 250


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2023-10-08", date(2023, 10, 8)),
        ("2 Mar 2026", date(2026, 3, 2)),
        ("May 7, 2026", date(2026, 5, 7)),
        ("4 de set. de 2026", date(2026, 9, 4)),
        ("4. September 2026", date(2026, 9, 4)),
        ("4 сент. 2026 г.", date(2026, 9, 4)),
        ("13/9/2026", date(2026, 9, 13)),
    ],
)
def test_reads_dates_without_a_time(text: str, expected: date) -> None:
    assert parse_export_date(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("2 Mar 2026, 19:59", "'2 Mar 2026, 19:59' is not a date like '2 Mar 2026': it has a time of day"),
        ("2023-10-08T15:57:35Z", "'2023-10-08T15:57:35Z' is not a date like '2026-03-02': it has a time of day"),
        ("", "'' is not a date like '2 Mar 2026' or '2026-03-02': the text is empty"),
        ("4/9/2026", "ambiguous day/month order"),
        ("31 Feb 2026", "February 2026 has no day 31"),
    ],
)
def test_a_date_alone_refuses_a_time_and_the_rest(text: str, message: str) -> None:
    with pytest.raises(DateError) as refusal:
        parse_export_date(text)
    assert message in str(refusal.value)


# The month table


def test_every_language_has_twelve_months_and_every_name_reads_back() -> None:
    assert len(MONTH_NAMES) == 16
    for language, months in MONTH_NAMES.items():
        assert len(months) == 12, language
        for number, names in enumerate(months, start=1):
            for name in names:
                assert parse_export_date(f"4 {name} 2026").month == number, (language, name)
                assert parse_export_date(f"4 {name}. 2026").month == number, (language, name)


def test_shared_abbreviations_name_the_same_month_everywhere() -> None:
    assert MONTHS["mar"] == 3  # English, Spanish, Italian, Portuguese, Polish, Turkish, Danish, Norwegian
    assert MONTHS["mai"] == MONTHS["maj"] == MONTHS["may"] == 5
    assert MONTHS["set"] == MONTHS["sept"] == MONTHS["sep"] == 9
    assert MONTHS["lis"] == MONTHS["listopad"] == 11  # Polish and Czech (Croatian, where it is October, is out)
    assert MONTHS["des"] == MONTHS["dez"] == MONTHS["dec"] == MONTHS["dic"] == 12


def test_a_name_of_two_months_is_read_as_the_first_language_means_it() -> None:
    assert MONTHS["listopad"] == 11  # Polish and Czech come before Croatian, where it is October
    assert 10 in MONTHS.ambiguous["listopad"]
    assert "mar" not in MONTHS.ambiguous or MONTHS["mar"] == 3


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11 Nis 2026, 13:05", datetime(2026, 4, 11, 13, 5)),  # Turkish
        ("2026. márc. 4. 13:05", datetime(2026, 3, 4, 13, 5)),  # Hungarian, left out of the hand-written tables
        ("4 ian. 2026, 13:05", datetime(2026, 1, 4, 13, 5)),  # Romanian, likewise
        ("4 Μαρ 2026, 13:05", datetime(2026, 3, 4, 13, 5)),  # Greek
        ("4 lutego 2026, 13:05", datetime(2026, 2, 4, 13, 5)),  # Polish genitive
        ("4 tammikuuta 2026 klo 13.05", datetime(2026, 1, 4, 13, 5)),  # Finnish partitive
        ("4 Feber 2026, 13:05", datetime(2026, 2, 4, 13, 5)),  # Austrian German, not in the CLDR
    ],
)
def test_month_names_of_every_locale_are_read(text: str, expected: datetime) -> None:
    assert parse_export_datetime(text) == expected


def test_every_locale_with_one_word_months_reads_them_abbreviated_and_full() -> None:
    """Every spelling of every locale reads as its month, unless an earlier language reads it as another."""
    unread = []
    for locale in sorted(babel.localedata.locale_identifiers())[::7]:  # a seventh of them: each costs a moment
        try:
            months = locale_months(locale)
        except (ValueError, KeyError, babel.UnknownLocaleError):
            continue
        for number, spellings in enumerate(months, start=1):
            for spelling in spellings:
                key = _fold(spelling).rstrip(".")
                if not re.fullmatch(r"[^\W\d_]+", key) or key in MONTHS.ambiguous:
                    continue
                try:
                    read = parse_export_date(f"4 {spelling} 2026").month
                except DateError:
                    read = 0
                if read != number:
                    unread.append((locale, spelling, number, read))
    assert unread[:20] == []


# Round trips: a datetime written the way a phone in each language writes it reads back unchanged

TEMPLATES: dict[str, tuple[str, ...]] = {
    "English": (
        "{d} {short} {y}, {H}:{MM}",
        "{short} {d}, {y}, {h}:{MM}\u202f{AMPM}",
        "{short} {d}, {y} at {h}:{MM} {AMPM}",
        "{full} {d}, {y} at {h}:{MM}:{SS} {ampm}",
        "{d} {full} {y} {HH}:{MM}",
        "{d} {short} {y}, {h}:{MM} {amdot}",
    ),
    "German": ("{d}. {abbr} {y}, {HH}:{MM}", "{d}. {full} {y} um {H}:{MM}", "{dd}. {abbr} {y}, {H}:{MM}:{SS}"),
    "French": ("{d} {abbr} {y}, {H}:{MM}", "{d} {full} {y} à {H}:{MM}", "{d} {full} {y} {HH}:{MM}:{SS}"),
    "Spanish": (
        "{d} {short} {y}, {H}:{MM}",
        "{d} de {full} de {y}, {h}:{MM}\u00a0{am_es}",
        "{d} {abbr} {y} a las {H}:{MM}",
    ),
    "Portuguese": ("{d} de {abbr} de {y}, {H}:{MM}", "{d} de {full} de {y} às {H}:{MM}"),
    "Italian": ("{d} {short} {y}, {H}:{MM}", "{d} {full} {y} alle {H}:{MM}:{SS}"),
    "Dutch": ("{d} {short} {y} {H}:{MM}", "{d} {full} {y} om {H}:{MM}"),
    "Swedish": ("{d} {short} {y} {H}:{MM}", "{d} {full} {y} kl. {H}:{MM}"),
    "Danish": ("{d}. {abbr} {y} {HH}.{MM}", "{d}. {full} {y} kl. {HH}.{MM}"),
    "Norwegian": ("{d}. {abbr} {y}, {HH}:{MM}", "{d}. {full} {y} kl. {HH}:{MM}"),
    "Polish": ("{d} {short} {y}, {H}:{MM}", "{d} {full} {y} {H}:{MM}:{SS}", "{d} {full} {y} r. o {H}:{MM}"),
    "Czech": ("{d}. {short} {y} {H}:{MM}", "{d}. {full} {y} v {H}:{MM}"),
    "Finnish": ("{d}. {abbr} {y} klo {H}.{MM}", "{d}. {full} {y} klo {H}.{MM}.{SS}"),
    "Turkish": ("{d} {short} {y} {HH}:{MM}", "{d} {full} {y} {HH}:{MM}:{SS}"),
    "Russian": ("{d} {abbr} {y} г., {H}:{MM}", "{d} {full} {y} г. в {H}:{MM}"),
    "Ukrainian": ("{d} {abbr} {y} р., {H}:{MM}", "{d} {full} {y} р. о {H}:{MM}"),
}
NUMERIC = (
    "{y}-{mm}-{dd} {HH}:{MM}:{SS}",
    "{y}-{mm}-{dd}T{HH}:{MM}:{SS}Z",
    "{y}-{mm}-{dd}T{HH}:{MM}:{SS}.{us}+01:00",
    "{y}-{mm}-{dd} {HH}:{MM}:{SS} -0800",
    "{y}-{mm}-{dd} {HH}:{MM}",
    "{y}/{mm}/{dd} {H}:{MM}",
    "{y}-{mm}-{dd}",
)
AMBIGUOUS = ("{d}/{m}/{y} {H}:{MM}", "{m}/{d}/{y} {h}:{MM} {AMPM}", "{dd}-{mm}-{y}")


def write(template: str, moment: datetime, full: str = "", short: str = "") -> str:
    """moment in template; {abbr} is the abbreviation with its dot, when it is one."""
    hour12 = moment.hour % 12 or 12
    pm = moment.hour >= 12
    fields = {
        "d": moment.day,
        "dd": f"{moment.day:02}",
        "m": moment.month,
        "mm": f"{moment.month:02}",
        "y": moment.year,
        "H": moment.hour,
        "HH": f"{moment.hour:02}",
        "h": hour12,
        "MM": f"{moment.minute:02}",
        "SS": f"{moment.second:02}",
        "us": f"{moment.microsecond:06}",
        "AMPM": "PM" if pm else "AM",
        "ampm": "pm" if pm else "am",
        "amdot": "p.m." if pm else "a.m.",
        "am_es": "p.\u00a0m." if pm else "a.\u00a0m.",
        "full": full,
        "short": short,
        "abbr": short if short == full else short + ".",
    }
    return template.format_map(fields)


def precision(template: str, moment: datetime) -> datetime:
    """moment as far as template writes it."""
    if "{us}" in template:
        return moment
    if "{SS}" in template:
        return moment.replace(microsecond=0)
    if "{MM}" in template:
        return moment.replace(second=0, microsecond=0)
    return moment.replace(hour=0, minute=0, second=0, microsecond=0)


def strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if unicodedata.category(c) != "Mn")


moments = st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2100, 12, 31, 23, 59, 59, 999999))
spaces = st.sampled_from([" ", "\u00a0", "\u202f", "  "])
cases: st.SearchStrategy[Callable[[str], str]] = st.sampled_from([str, str.upper, str.lower, strip_accents])


@given(st.data(), moments, st.sampled_from(sorted(TEMPLATES)), spaces, cases)
def test_every_language_reads_back_what_it_writes(
    data: st.DataObject, moment: datetime, language: str, space: str, case: Callable[[str], str]
) -> None:
    template = data.draw(st.sampled_from(TEMPLATES[language]), label="template")
    names = MONTH_NAMES[language][moment.month - 1]
    text = write(template, moment, full=names[0], short=names[1]).replace(" ", space)
    text = case(text)
    assert parse_export_datetime(text) == precision(template, moment), text


@given(moments, st.sampled_from(NUMERIC), spaces)
def test_year_first_numbers_read_back(moment: datetime, template: str, space: str) -> None:
    text = write(template, moment).replace(" ", space)
    assert parse_export_datetime(text) == precision(template, moment), text


@given(moments, st.sampled_from(AMBIGUOUS))
def test_day_first_numbers_read_back_only_when_unambiguous(moment: datetime, template: str) -> None:
    text = write(template, moment)
    if moment.day > 12 or moment.day == moment.month:
        assert parse_export_datetime(text) == precision(template, moment), text
    else:
        with pytest.raises(DateError, match="ambiguous day/month order"):
            parse_export_datetime(text)


@given(moments)
def test_a_date_alone_reads_back(moment: datetime) -> None:
    assert (
        parse_export_date(f"{moment.day} {MONTH_NAMES['English'][moment.month - 1][1]} {moment.year}") == moment.date()
    )
    assert parse_export_date(moment.date().isoformat()) == moment.date()


# Arbitrary text: a datetime or a DateError, never anything else

PIECES = st.sampled_from(
    [
        "2026",
        "1899",
        "2201",
        "0000",
        "9999",
        "4",
        "12",
        "13",
        "31",
        "0",
        "00",
        "99",
        "123",
        "1",
        "7",
        ":",
        ".",
        ",",
        "-",
        "/",
        " ",
        "\u00a0",
        "\u202f",
        "\u200e",
        "\x00",
        "t",
        "T",
        "z",
        "Z",
        "+01:00",
        "-0000",
        "+99",
        "utc",
        "am",
        "PM",
        "p. m.",
        "a.m.",
        "at",
        "um",
        "às",
        "a las",
        "kl.",
        "klo",
        "de",
        "del",
        "г.",
        "р.",
        "r.",
        "sep",
        "Sept.",
        "mar",
        "Mai",
        "paź",
        "сент.",
        "вер",
        "kasım",
        "foo",
        "ı",
        "İ",
        "ß",
        "\u0301",
        "٣",
        "²",
        "\ufeff",
    ]
)


def reads_or_refuses(text: str) -> None:
    try:
        moment = parse_export_datetime(text)
    except DateError:
        pass
    else:
        assert moment.tzinfo is None
        assert 1900 <= moment.year <= 2200
    with contextlib.suppress(DateError):  # refused is a fine answer; anything else raised is not
        parse_export_date(text)


@given(st.text())
def test_arbitrary_text_is_a_datetime_or_a_date_error(text: str) -> None:
    reads_or_refuses(text)


@given(st.lists(PIECES, max_size=12).map("".join))
def test_near_dates_are_a_datetime_or_a_date_error(text: str) -> None:
    reads_or_refuses(text)


@pytest.mark.parametrize(
    "text",
    [
        "1" * 1_000_000,
        "\x00" * 1_000_000,
        "2 Mar 2026, 19:59" + "9" * 1_000_000,
        "2 Mar 2026" + " de" * 300_000,
        "\u0301" * 100_000,
        "\ufdfa" * 99,  # one character that decomposes into 18
    ],
)
def test_huge_and_strange_texts_are_refused_quickly(text: str) -> None:
    with pytest.raises(DateError):
        parse_export_datetime(text)
    with pytest.raises(DateError):
        parse_export_date(text)


def test_white_space_around_a_date_does_not_count_against_its_length() -> None:
    assert parse_export_datetime(" " * 1_000_000 + "2 Mar 2026, 19:59") == datetime(2026, 3, 2, 19, 59)


def test_dotted_dates_are_day_first() -> None:
    assert parse_export_datetime("04.09.2026 15:16") == datetime(2026, 9, 4, 15, 16)
    assert parse_export_datetime("4.9.2026") == datetime(2026, 9, 4)


def test_the_lifter_can_say_the_order_of_numeric_dates() -> None:
    assert parse_export_datetime("04/09/2026 15:16", day_first=True) == datetime(2026, 9, 4, 15, 16)
    assert parse_export_datetime("04/09/2026 15:16", day_first=False) == datetime(2026, 4, 9, 15, 16)
    assert parse_export_datetime("13/09/2026", day_first=False) == datetime(2026, 9, 13)  # only one reading


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 Mar 2026, 19:59", datetime(2026, 3, 2, 19, 59)),
        ("02 Mar 2026, 07:05", datetime(2026, 3, 2, 7, 5)),
        ("2 March 2026, 7:05", datetime(2026, 3, 2, 7, 5)),
        ("4 Sept 2026, 10:00", datetime(2026, 9, 4, 10)),
        ("4 okt 2026, 10:00", datetime(2026, 10, 4, 10)),  # a month of another language, read by the same table
    ],
)
def test_hevy_dates_read_without_the_patterns_as_with_them(text: str, expected: datetime) -> None:
    assert parse_export_datetime(text) == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("31 Feb 2026, 10:00", "February 2026 has no day 31"),
        ("2 Mar 1850, 10:00", "year 1850 is outside 1900-2200"),
        ("2 Mar 2026, 24:00", "hour 24 is past 23"),
        ("2 Foo 2026, 10:00", "'foo' is not a month name"),
    ],
)
def test_hevy_dates_that_are_no_dates_are_refused_with_the_reason(text: str, reason: str) -> None:
    with pytest.raises(DateError) as refusal:
        parse_export_datetime(text)
    assert str(refusal.value).endswith(reason)
