# SPDX-License-Identifier: MIT
"""The models keep peewee's own class methods usable and declare the `<key>_id` attributes of their foreign keys."""

from __future__ import annotations

from pathlib import Path

import pytest
from peewee import ForeignKeyField, ModelAlias

from journal.domain.names import name_key
from journal.storage.exercises import create_exercise, list_exercises
from journal.storage.models import ALL_MODELS, AliasRow, BaseModel, ExerciseRow


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda model: model.__name__)
def test_every_model_can_be_aliased_for_a_self_join(model: type[BaseModel]) -> None:
    assert isinstance(model.alias("other"), ModelAlias)


@pytest.mark.parametrize("model", ALL_MODELS, ids=lambda model: model.__name__)
def test_foreign_key_ids_are_declared_with_their_nullability(model: type[BaseModel]) -> None:
    keys = [field for field in model._meta.sorted_fields if isinstance(field, ForeignKeyField)]
    declared = {field.object_id_name: model.__annotations__.get(field.object_id_name) for field in keys}
    assert declared == {field.object_id_name: "int | None" if field.null else "int" for field in keys}


def test_aliases_of_one_exercise_by_self_join(journal: Path) -> None:
    created, _ = create_exercise("Knee-high pin press")
    AliasRow.create(key=name_key("Knee pin press"), name="Knee pin press", exercise=created.id)
    other = AliasRow.alias("other")
    names = {
        row.name
        for row in AliasRow.select(AliasRow.name)
        .join(other, on=(AliasRow.exercise == other.exercise))
        .where(other.key == name_key("Knee-high pin press"))
    }
    assert names == {"Knee-high pin press", "Knee pin press"}
    assert next(e for e in list_exercises() if e.name == "Knee-high pin press").aliases == ("Knee pin press",)
    assert ExerciseRow.get_by_id(created.id).name == "Knee-high pin press"
