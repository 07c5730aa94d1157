# SPDX-License-Identifier: MIT
"""The shipped exercise catalogue, the CSV reader, and name matching keys."""

from __future__ import annotations

from pathlib import Path

import pytest

from journal.domain.catalogue import HEADER, read_catalogue
from journal.domain.names import clean_name, name_key
from journal.domain.records import MUSCLES, Exercise, Measure, Mechanic

CATALOGUE = Path(__file__).resolve().parents[2] / "resources" / "exercises.csv"
HEAD = ",".join(HEADER) + "\n"


@pytest.fixture(scope="module")
def shipped() -> list[Exercise]:
    return list(read_catalogue(CATALOGUE.read_text(encoding="utf-8")))


def test_shipped_catalogue_parses_and_is_big_enough(shipped: list[Exercise]) -> None:
    assert len(shipped) >= 120
    data_lines = [line for line in CATALOGUE.read_text(encoding="utf-8").splitlines()[1:] if line.strip()]
    assert len(shipped) == len(data_lines)


def test_shipped_catalogue_is_well_formed(shipped: list[Exercise]) -> None:
    names = [exercise.name for exercise in shipped]
    assert all(name.strip() == name and name for name in names)
    assert len({name_key(name) for name in names}) == len(names), "two exercises share a name key"
    for exercise in shipped:
        if exercise.measure is not Measure.DISTANCE_TIME:  # cardio machines carry no muscles
            assert exercise.primary, f"{exercise.name} has no primary muscle"
        assert set(exercise.primary) | set(exercise.secondary) <= set(MUSCLES)
        assert isinstance(exercise.measure, Measure)
        assert exercise.mechanic is None or isinstance(exercise.mechanic, Mechanic)
    assert any(exercise.bodyweight for exercise in shipped)
    assert any(not exercise.bodyweight for exercise in shipped)


@pytest.mark.parametrize(
    ("alias", "name"),
    [
        ("Bench Press (Barbell)", "Bench Press"),
        ("Squat (Barbell)", "Back Squat"),
        ("Deadlift (Barbell)", "Deadlift"),
        ("Lat Pulldown (Cable)", "Lat Pulldown"),
    ],
)
def test_shipped_catalogue_has_import_aliases(shipped: list[Exercise], alias: str, name: str) -> None:
    owners = [exercise.name for exercise in shipped if alias in exercise.aliases]
    assert owners == [name]


def test_no_alias_key_points_at_two_exercises(shipped: list[Exercise]) -> None:
    owner: dict[str, str] = {}
    for exercise in shipped:
        for alias in (exercise.name, *exercise.aliases):
            key = name_key(alias)
            assert owner.setdefault(key, exercise.name) == exercise.name, f"{alias!r} is ambiguous"


def test_read_catalogue_fields() -> None:
    text = HEAD + (
        "Pull-up,Pull Up|Chin| Chinup ,compound,lats|upper_back,biceps,bodyweight,1,reps\n"
        "Plank,,isolation,abs,,,0,time\n"
        "Odd Thing,,,quads,,,,\n"
    )
    pull_up, plank, odd = read_catalogue(text)
    assert pull_up == Exercise(
        id=None,
        name="Pull-up",
        mechanic=Mechanic.COMPOUND,
        primary=("lats", "upper_back"),
        secondary=("biceps",),
        equipment="bodyweight",
        bodyweight=True,
        measure=Measure.REPS,
        aliases=("Pull Up", "Chin", "Chinup"),
    )
    assert plank.measure is Measure.TIME and plank.equipment == "other" and not plank.bodyweight
    assert plank.aliases == ()
    assert odd.mechanic is None and odd.measure is Measure.REPS


@pytest.mark.parametrize(
    ("row", "reason"),
    [
        ("Bad Curl,,isolation,biceps|wings,,dumbbell,0,reps", "wings"),
        ("Bad Curl,,isolation,biceps,elbows,dumbbell,0,reps", "elbows"),
        ("Bad Curl,,sideways,biceps,,dumbbell,0,reps", "sideways"),
        ("Bad Curl,,isolation,biceps,,dumbbell,0,laps", "laps"),
    ],
)
def test_malformed_row_names_its_line(row: str, reason: str) -> None:
    text = HEAD + "Curl,,isolation,biceps,,dumbbell,0,reps\n" + row + "\n"
    with pytest.raises(ValueError) as caught:
        list(read_catalogue(text))
    assert "line 3" in str(caught.value)
    assert reason in str(caught.value)


def test_wrong_header_is_refused() -> None:
    with pytest.raises(ValueError):
        list(read_catalogue("name,aliases\nCurl,\n"))
    with pytest.raises(ValueError):
        list(read_catalogue(""))


def test_short_row_names_its_line() -> None:
    text = HEAD + "Curl,,isolation,biceps,,dumbbell,0,reps\nBroken Row,,compound\n"
    with pytest.raises(ValueError, match="line 3"):
        list(read_catalogue(text))


def test_row_without_a_name_is_refused() -> None:
    text = HEAD + "Curl,,isolation,biceps,,dumbbell,0,reps\n,,isolation,biceps,,dumbbell,0,reps\n"
    with pytest.raises(ValueError, match="line 3"):
        list(read_catalogue(text))


# ---- name keys ----------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Bench Press", "bench press"),
        ("BENCH PRESS", "Bench press"),
        ("  Bench   Press ", "bench press"),
        ("Bench\tPress", "bench press"),
        ("Squat (Barbell)", "squat (barbell)"),
        ("Squat ( Barbell )", "squat (barbell)"),
        ("Squat(Barbell)", "squat (barbell)"),
        ("pull_up", "pull up"),
        ("Café Curl", "cafe curl"),
        ("Farmer's Walk", "farmers walk"),
        ("Bench Press - Close Grip (Barbell)", "bench press close grip (barbell)"),  # a spaced dash folds away
    ],
)
def test_name_key_folds(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Pull-Up ", "pull up"),
        ("Close-Grip Bench Press", "Close Grip Bench Press"),
        ("Pull–Up", "pull up"),  # en dash
    ],
)
def test_name_key_folds_hyphens_to_spaces(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


def test_name_key_keeps_different_names_apart() -> None:
    assert name_key("Front Squat") != name_key("Back Squat")
    assert name_key("Squat (Barbell)") != name_key("Squat (Dumbbell)")
    assert name_key("Squat (Barbell)") != name_key("Squat")


def test_name_key_is_idempotent() -> None:
    for name in ("Pull-Up ", "Squat ( Barbell )", "Café  Curl", "bench_press"):
        assert name_key(name_key(name)) == name_key(name)


def test_clean_name() -> None:
    assert clean_name("  Bench   Press\t(Barbell) ") == "Bench Press (Barbell)"
