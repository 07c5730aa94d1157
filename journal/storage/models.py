# SPDX-License-Identifier: MIT
"""peewee models of the journal file. Loads in kg, effort as RIR (NULL = not rated).

The tables and indexes themselves are made by the frozen SQL steps in journal.storage.migrations; these classes
only describe the latest columns (a test checks that the two agree). Each foreign key `x` also reads as `x_id`, the
related row's id without a query; those attributes are declared here for the type checker."""

from __future__ import annotations

from peewee import (
    SQL,
    AutoField,
    BooleanField,
    CharField,
    DatabaseProxy,
    DateField,
    DateTimeField,
    FloatField,
    ForeignKeyField,
    IntegerField,
    Model,
    TextField,
)

db = DatabaseProxy()


class BaseModel(Model):
    id = AutoField()

    class Meta:
        database = db
        legacy_table_names = False


class ExerciseRow(BaseModel):
    name = CharField(constraints=[SQL("COLLATE NOCASE")], unique=True)
    mechanic = CharField(null=True)  # compound | isolation
    primary = TextField(default="")  # muscles joined by "|"
    secondary = TextField(default="")
    equipment = CharField(default="other")
    bodyweight = BooleanField(default=False)
    measure = CharField(default="reps")
    builtin = BooleanField(default=False)  # from the catalogue, as opposed to created by the lifter or an import

    class Meta:
        table_name = "exercise"


class AliasRow(BaseModel):
    key = CharField(unique=True)  # normalised name, see journal.domain.names.name_key
    name = CharField(column_name="alias")  # as written (`alias` itself would hide peewee's Model.alias())
    exercise = ForeignKeyField(ExerciseRow, backref="aliases", on_delete="CASCADE")
    exercise_id: int

    class Meta:
        table_name = "alias"


class RoutineRow(BaseModel):
    name = CharField()
    notes = TextField(default="")
    position = IntegerField(default=0)

    class Meta:
        table_name = "routine"


class SessionRow(BaseModel):
    start = DateTimeField()
    end = DateTimeField(null=True)
    title = CharField(default="")
    bodyweight_kg = FloatField(null=True)
    notes = TextField(default="")
    source = CharField(default="manual")
    source_key = CharField(null=True)
    routine = ForeignKeyField(RoutineRow, null=True, on_delete="SET NULL", backref="sessions")
    routine_id: int | None

    class Meta:
        table_name = "session"


class EntryRow(BaseModel):
    session = ForeignKeyField(SessionRow, backref="entries", on_delete="CASCADE")
    exercise = ForeignKeyField(ExerciseRow, backref="entries", on_delete="RESTRICT")
    session_id: int
    exercise_id: int
    position = IntegerField()
    note = TextField(default="")
    superset = IntegerField(null=True)  # entries of a session with the same number are done in turn

    class Meta:
        table_name = "entry"


class SetRow(BaseModel):
    entry = ForeignKeyField(EntryRow, backref="sets", on_delete="CASCADE")
    entry_id: int
    position = IntegerField()
    set_type = CharField(default="working")
    load_kg = FloatField(null=True)
    reps = IntegerField(null=True)
    rir = FloatField(null=True)
    effort_scale = CharField(null=True)  # rir | rpe: how the effort was entered
    failure_reps = IntegerField(null=True)
    duration_s = FloatField(null=True)
    distance_m = FloatField(null=True)
    note = TextField(default="")
    rir_origin = CharField(null=True)  # None: the RIR is a rating as entered; set_type: RIR 0 from a failure set type

    class Meta:
        table_name = "set"


class PlannedSetRow(BaseModel):
    """A set planned for an exercise of a session (from a routine or "as last time"): not a set until the lifter
    confirms it, and so in no figure; `last_*` is what was done in its place last time."""

    entry = ForeignKeyField(EntryRow, backref="plans", on_delete="CASCADE")
    entry_id: int
    position = IntegerField()
    set_type = CharField(default="working")
    load_kg = FloatField(null=True)
    reps = IntegerField(null=True)  # the target (the top of the rep range)
    reps_low = IntegerField(null=True)  # the bottom of the rep range, when the plan has one
    rir = FloatField(null=True)
    effort_scale = CharField(null=True)
    duration_s = FloatField(null=True)
    distance_m = FloatField(null=True)
    last_load_kg = FloatField(null=True)
    last_reps = IntegerField(null=True)
    last_rir = FloatField(null=True)

    class Meta:
        table_name = "planned_set"


class RoutineItemRow(BaseModel):
    routine = ForeignKeyField(RoutineRow, backref="items", on_delete="CASCADE")
    exercise = ForeignKeyField(ExerciseRow, on_delete="RESTRICT")
    routine_id: int
    exercise_id: int
    position = IntegerField()
    sets = IntegerField(default=3)
    reps_low = IntegerField(default=8)
    reps_high = IntegerField(default=12)
    target_rir = FloatField(null=True)
    target_scale = CharField(null=True)  # rir | rpe: how the target was written
    load_kg = FloatField(null=True)  # a fixed load; None: suggested from the last time
    rest_s = IntegerField(null=True)
    notes = TextField(default="")
    calibration = BooleanField(default=False)  # the last set is taken to failure, to calibrate RIR calls
    warmup = BooleanField(default=False)  # a warm-up ramp is planned before the first working set
    superset = IntegerField(null=True)  # items with the same number are done in turn

    class Meta:
        table_name = "routine_item"


class BodyweightRow(BaseModel):
    """A bodyweight of a day, typed in the bodyweight log or read from an import's body tracker; the sessions'
    own bodyweights stay on the sessions."""

    day = DateField()
    kg = FloatField()
    source = CharField(default="manual")
    note = TextField(default="")

    class Meta:
        table_name = "bodyweight"
        indexes = ((("day", "source"), True),)


ALL_MODELS = (
    ExerciseRow,
    AliasRow,
    SessionRow,
    EntryRow,
    SetRow,
    RoutineRow,
    RoutineItemRow,
    PlannedSetRow,
    BodyweightRow,
)
