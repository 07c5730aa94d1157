# SPDX-License-Identifier: MIT
"""The settings file read without Qt gives back every string QSettings wrote, however it had to escape it."""

from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QSettings

from journal import settings_file

AWKWARD = {
    "plain": "kg",
    "number": "2.5",
    "spaces": "25 20 15 10 5 2.5 1.25",
    "comma": "Squat, high bar",
    "semicolon": "a;b",
    "equals": "x=y",
    "ends": "  spaced  ",
    "quote": 'the "good" one',
    "backslash": r"C:\Users\lifter\exports",
    "escapes": "tab\there\nnew line\rreturn\a\b\f\v",
    "control": "bell\x01\x1f then 0123 digits",
    "at": "@home",
    "at-at": "@@twice",
    "unicode": "Übung · 深蹲 · 💪",
    "json": '{"Date": "date", "Exercise Name": "exercise", "Weight (kg)": "load"}',
    "empty": "",
    "mappings/ab12": "in a group",
    "watch/handled": '{"/home/l/exports/a, b.csv": "da39a3ee"}',
    "windows/main state": "a key with a space",
    "Ärger/ß": "keys outside ASCII",
}


def test_every_string_qsettings_writes_reads_back_the_same(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    for key, value in AWKWARD.items():
        store.setValue(key, value)
    store.sync()
    read = settings_file.read(path)
    assert {key: read.get(key) for key in AWKWARD} == AWKWARD
    reread = QSettings(str(path), QSettings.Format.IniFormat)
    assert all(reread.value(key) == value for key, value in AWKWARD.items())


def test_a_value_qsettings_wrote_as_a_qt_type_reads_as_absent(tmp_path: Path) -> None:
    path = tmp_path / "settings.ini"
    store = QSettings(str(path), QSettings.Format.IniFormat)
    from PySide6.QtCore import QByteArray

    store.setValue("windows/main", QByteArray(b"\x00\x01geometry"))
    store.setValue("units", "lb")
    store.sync()
    assert settings_file.read(path) == {"units": "lb"}


@pytest.mark.parametrize("text", ["", "[General]\n", "garbage without equals\n;comment\n#comment\n"])
def test_an_empty_or_odd_file_reads_as_nothing_set(tmp_path: Path, text: str) -> None:
    path = tmp_path / "settings.ini"
    path.write_text(text, encoding="utf-8")
    assert settings_file.read(path) == {}
    assert settings_file.read(tmp_path / "absent.ini") == {}
