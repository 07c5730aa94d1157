# SPDX-License-Identifier: MIT
"""Editing an exercise of the library (each field checked where it is typed) and merging it into another."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal.domain.names import clean_name, name_key
from journal.domain.records import MUSCLES, Exercise, Mechanic
from journal.domain.validation import NAME_MAX_CHARS
from journal.storage import exercises, history
from journal.ui import undo
from journal.ui.service import JournalService
from journal.ui.widgets import plain_label

EQUIPMENT = ("barbell", "dumbbell", "cable", "machine", "bodyweight", "kettlebell", "band", "smith machine", "other")
MUSCLE_ROLE = Qt.ItemDataRole.UserRole


def muscle_name(muscle: str) -> str:
    return muscle.replace("_", " ")


def aliases_of(text: str) -> tuple[str, ...]:
    """The aliases typed, one per comma, tidied, without repeats (as names compare)."""
    seen: dict[str, str] = {}
    for part in text.split(","):
        name = clean_name(part)
        if name and name_key(name) not in seen:
            seen[name_key(name)] = name
    return tuple(seen.values())


class MuscleList(QListWidget):
    """Every muscle the journal knows, each with a tick box."""

    def __init__(self, ticked: tuple[str, ...], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for muscle in MUSCLES:
            item = QListWidgetItem(muscle_name(muscle))
            item.setData(MUSCLE_ROLE, muscle)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if muscle in ticked else Qt.CheckState.Unchecked)
            self.addItem(item)
        self.setMinimumHeight(self.sizeHintForRow(0) * 7)

    def ticked(self) -> tuple[str, ...]:
        return tuple(
            self.item(i).data(MUSCLE_ROLE)
            for i in range(self.count())
            if self.item(i).checkState() == Qt.CheckState.Checked
        )


class ExerciseDialog(QDialog):
    """An exercise's name, aliases, muscles, equipment, mechanic and bodyweight flag. A problem is told under its
    field as soon as the field is left, and Save writes nothing while one remains. Renamed, the old name stays an
    alias, so imports that used it still find the exercise."""

    def __init__(self, service: JournalService, exercise: Exercise, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert exercise.id is not None
        self.service = service
        self.exercise = exercise
        self.merged_into: Exercise | None = None
        self.setWindowTitle(f"Exercise: {exercise.name}")
        self.name = QLineEdit(exercise.name)
        self.name.setObjectName("exerciseName")
        self.name.setMaxLength(NAME_MAX_CHARS)
        self.aliases = QLineEdit(", ".join(exercise.aliases))
        self.aliases.setObjectName("exerciseAliases")
        self.aliases.setPlaceholderText("Other names, separated by commas (as other apps write it)")
        self.primary = MuscleList(exercise.primary)
        self.primary.setObjectName("primaryMuscles")
        self.secondary = MuscleList(exercise.secondary)
        self.secondary.setObjectName("secondaryMuscles")
        self.equipment = QComboBox()
        self.equipment.addItems(list(dict.fromkeys((*EQUIPMENT, exercise.equipment))))
        self.equipment.setCurrentText(exercise.equipment)
        self.mechanic = QComboBox()
        self.mechanic.addItems(["not set", "compound", "isolation"])
        self.mechanic.setCurrentText(exercise.mechanic.value if exercise.mechanic else "not set")
        self.bodyweight = QCheckBox("Bodyweight exercise: its load is your bodyweight plus what you add")
        self.bodyweight.setChecked(exercise.bodyweight)
        self.errors = {key: self._error_label(key) for key in ("name", "aliases", "primary", "secondary")}

        form = QFormLayout()
        form.addRow("&Name", self.name)
        form.addRow("", self.errors["name"])
        form.addRow("&Aliases", self.aliases)
        form.addRow("", self.errors["aliases"])
        muscles = QHBoxLayout()
        for title, widget in (("Primary muscles (1 set each)", self.primary), ("Secondary (½ set)", self.secondary)):
            column = QVBoxLayout()
            column.addWidget(QLabel(title))
            column.addWidget(widget)
            column.addWidget(self.errors["primary" if widget is self.primary else "secondary"])
            muscles.addLayout(column)
        form.addRow(muscles)
        form.addRow("&Equipment", self.equipment)
        form.addRow("&Mechanic", self.mechanic)
        form.addRow("", self.bodyweight)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        self.merge_button = QPushButton("Merge into…")
        self.merge_button.setToolTip("Move every set, plan and name of this exercise to another, and remove this one")
        buttons.addButton(self.merge_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.merge_button.clicked.connect(self._merge)
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.name.editingFinished.connect(self._check)
        self.aliases.editingFinished.connect(self._check)
        self.primary.itemChanged.connect(lambda _item: self._check())
        self.secondary.itemChanged.connect(lambda _item: self._check())
        self.resize(560, 620)

    def _error_label(self, key: str) -> QLabel:
        label = plain_label()
        label.setObjectName(f"{key}Error")
        label.setStyleSheet("color: #d93025; font-weight: bold;")
        label.setWordWrap(True)
        label.hide()
        return label

    def edited(self) -> Exercise:
        old, name = self.exercise.name, clean_name(self.name.text())
        aliases = aliases_of(self.aliases.text())
        if name and name_key(name) != name_key(old) and name_key(old) not in {name_key(a) for a in aliases}:
            aliases = (*aliases, old)  # the old name stays findable
        mechanic = self.mechanic.currentText()
        return Exercise(
            id=self.exercise.id,
            name=name,
            mechanic=Mechanic(mechanic) if mechanic != "not set" else None,
            primary=self.primary.ticked(),
            secondary=self.secondary.ticked(),
            equipment=clean_name(self.equipment.currentText()) or "other",
            bodyweight=self.bodyweight.isChecked(),
            measure=self.exercise.measure,
            aliases=tuple(a for a in aliases if name_key(a) != name_key(name)),
        )

    def _check(self) -> dict[str, str]:
        problems = exercises.check_exercise(self.edited())
        for key, label in self.errors.items():
            label.setText(problems.get(key, ""))
            label.setVisible(key in problems)
        return problems

    def _save(self) -> None:
        problems = self._check()
        if problems:
            field = {"name": self.name, "aliases": self.aliases, "primary": self.primary, "secondary": self.secondary}
            field[next(iter(problems))].setFocus()
            return
        after = self.edited()
        if after != self.exercise:
            self.service.push(undo.EditExercise(self.service, self.exercise, after))
        self.accept()

    def _merge(self) -> None:
        dialog = MergeDialog(self.service, self.exercise, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.merged_into = dialog.target
            self.accept()


class MergeDialog(QDialog):
    """Choose the exercise to merge into; the merge is one step of the undo stack."""

    def __init__(self, service: JournalService, gone: Exercise, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        assert gone.id is not None
        self.service = service
        self.gone = gone
        self.target: Exercise | None = None
        self.setWindowTitle(f"Merge “{gone.name}”")
        self.others = {x.name: x for x in exercises.list_exercises() if x.id != gone.id}
        self.choice = QComboBox()
        self.choice.setObjectName("mergeTarget")
        self.choice.setEditable(True)
        self.choice.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.choice.addItems(list(self.others))
        self.choice.setCurrentIndex(-1)
        line = self.choice.lineEdit()
        if line is not None:
            line.setPlaceholderText("The exercise to keep: type to search")
        completer = QCompleter(list(self.others), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.choice.setCompleter(completer)
        sessions = history.session_count(gone.id)
        self.about = plain_label(
            f"Every set of “{gone.name}” ({sessions} sessions), its routine items and its names move to the exercise "
            f"you choose, and “{gone.name}” is removed. Edit ▸ Undo puts it back as it was."
        )
        self.about.setWordWrap(True)
        self.error = plain_label()
        self.error.setObjectName("mergeError")
        self.error.setStyleSheet("color: #d93025; font-weight: bold;")
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        merge = buttons.addButton("Merge", QDialogButtonBox.ButtonRole.AcceptRole)
        merge.setObjectName("mergeButton")
        buttons.accepted.connect(self._merge)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.about)
        layout.addWidget(QLabel("Merge into"))
        layout.addWidget(self.choice)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(460, 200)

    def _merge(self) -> None:
        text = clean_name(self.choice.currentText())
        known = exercises.find_exercise(text) if text else None  # a name or an alias, as imports write it
        target = self.others.get(text) or next((x for x in self.others.values() if known and x.id == known.id), None)
        if target is None:
            self.error.setText(f"No other exercise is called “{text}”: choose one from the list" if text else "")
            self.error.setText(self.error.text() or "Choose the exercise to keep")
            self.error.show()
            self.choice.setFocus()
            return
        self.target = target
        self.service.push(undo.MergeExercises(self.service, self.gone, target))
        self.accept()
