# SPDX-License-Identifier: MIT
"""The preferences dialog: load unit, effort scale, hard-set threshold, e1RM formula, colours, backups kept, the
plate calculator's bar and plates, the rest timer, the folder whose new exports are imported."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from journal import settings
from journal.domain.effort import EffortScale
from journal.domain.estimate_use import EstimateUse
from journal.domain.metrics import E1rmFormula
from journal.domain.plates import parse_plates
from journal.domain.units import Unit
from journal.domain.validation import ValidationError
from journal.settings import Preferences

_FORMULA_LABELS = {E1rmFormula.CURVE: "RIR curve (default)", E1rmFormula.EPLEY: "Epley", E1rmFormula.BRZYCKI: "Brzycki"}
_THEMES = {"system": "Follow the system", "light": "Light", "dark": "Dark"}


def _combo(items: Mapping[Any, str], current: object) -> QComboBox:
    combo = QComboBox()
    for value, label in items.items():
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class PreferencesDialog(QDialog):
    def __init__(self, prefs: Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preferences")
        self.unit = _combo({Unit.KG: "Kilograms (kg)", Unit.LB: "Pounds (lb)"}, prefs.units)
        self.unit.setObjectName("unit")
        self.effort = _combo(
            {EffortScale.RIR: "Reps in reserve (RIR)", EffortScale.RPE: "RPE (10 = no reps left)"}, prefs.effort_scale
        )
        self.effort.setObjectName("effortScale")
        self.threshold = QDoubleSpinBox()
        self.threshold.setObjectName("hardSetRir")
        self.threshold.setRange(0, 5)
        self.threshold.setSingleStep(0.5)
        self.threshold.setDecimals(1)
        self.threshold.setSuffix(" RIR or closer")
        self.threshold.setValue(prefs.hard_set_rir)
        self.formula = _combo(_FORMULA_LABELS, prefs.e1rm_formula)
        self.formula.setObjectName("e1rmFormula")
        self.theme = _combo(_THEMES, prefs.theme)
        self.theme.setObjectName("theme")
        self.muscle_low = QDoubleSpinBox()
        self.muscle_high = QDoubleSpinBox()
        for spin, value in ((self.muscle_low, prefs.muscle_low), (self.muscle_high, prefs.muscle_high)):
            spin.setRange(0, 60)
            spin.setSingleStep(1)
            spin.setDecimals(0)
            spin.setValue(value)
        self.muscle_low.setObjectName("muscleLow")
        self.muscle_high.setObjectName("muscleHigh")
        # a bound method, not a lambda holding the dialog: a closure over the dialog kept it alive past its
        # window, and Python freed it in the middle of Qt deleting its children at exit
        self.muscle_low.valueChanged.connect(self.muscle_high.setMinimum)
        muscles = QHBoxLayout()
        muscles.addWidget(self.muscle_low)
        muscles.addWidget(QLabel("to"))
        muscles.addWidget(self.muscle_high)
        muscles.addWidget(QLabel("hard sets a week"))
        self.step_kg = QDoubleSpinBox()
        self.step_kg.setRange(0.25, 20)
        self.step_kg.setSingleStep(0.25)
        self.step_kg.setSuffix(" kg")
        self.step_kg.setValue(prefs.step_kg)
        self.step_lb = QDoubleSpinBox()
        self.step_lb.setRange(0.5, 45)
        self.step_lb.setSingleStep(0.5)
        self.step_lb.setSuffix(" lb")
        self.step_lb.setValue(prefs.step_lb)
        steps = QHBoxLayout()
        steps.addWidget(self.step_kg)
        steps.addWidget(self.step_lb)
        self.estimates = _combo({use: use.label for use in EstimateUse}, prefs.rir_estimates)
        self.estimates.setObjectName("rirEstimates")
        self.estimates.setToolTip(
            "Sets logged without RIR or RPE get an RIR estimated from their load and the "
            "exercise's e1RM; it is never stored, and always drawn in its own style"
        )
        self.page = _combo({"": "From the system's locale", "a4": "A4", "letter": "Letter"}, prefs.page)
        self.page.setObjectName("page")
        self.backups_keep = QSpinBox()
        self.backups_keep.setObjectName("backupsKeep")
        self.backups_keep.setRange(1, 999)
        self.backups_keep.setSuffix(" of each kind")
        self.backups_keep.setToolTip(
            "Daily backups, those taken before an import, a migration or a restore, and "
            "those you take: the newest this many of each are kept"
        )
        self.backups_keep.setValue(prefs.backups_keep)
        self.watch_folder = QLineEdit(prefs.watch_folder)
        self.watch_folder.setObjectName("watchFolder")
        self.watch_folder.setPlaceholderText("none: nothing is watched")
        self.watch_folder.setToolTip(
            "Exports from Strong, Hevy, FitNotes or Fitbod saved here (a synced folder) are imported as they "
            "appear or change; only new sessions are added, and a notice with Undo says so"
        )
        choose = QPushButton("Choose…")
        choose.setObjectName("chooseWatchFolder")
        choose.clicked.connect(self.choose_folder)
        watch = QHBoxLayout()
        watch.addWidget(self.watch_folder, 1)
        watch.addWidget(choose)
        self.watch_error = QLabel()
        self.watch_error.setObjectName("watchFolderError")
        self.watch_error.setStyleSheet("color: #d93025;")
        self.watch_error.setWordWrap(True)
        self.watch_error.hide()
        note = QLabel("Loads are always stored in kilograms; the unit only changes what you see and type.")
        note.setWordWrap(True)
        note.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.check_and_accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow("Load unit", self.unit)
        form.addRow("Enter effort as", self.effort)
        form.addRow("Hard set", self.threshold)
        form.addRow("e1RM formula", self.formula)
        form.addRow("Colours", self.theme)
        form.addRow("Per muscle, aim for", muscles)
        form.addRow("Routine load step", steps)
        form.addRow("Unrated sets in charts", self.estimates)
        form.addRow("Paper", self.page)
        form.addRow("Backups kept", self.backups_keep)
        gym = QHBoxLayout()
        gym.addWidget(self._plates_box(prefs), 3)
        gym.addWidget(self._rest_box(prefs), 2)
        form.addRow(gym)
        form.addRow(self.plates_error)
        form.addRow("Import new exports from a folder", watch)
        form.addRow("", self.watch_error)
        form.addRow(note)
        form.addRow(buttons)

    def _plates_box(self, prefs: Preferences) -> QGroupBox:
        """The plate calculator's kit: a bar and the plates in each unit, the collars."""
        box = QGroupBox("Plate calculator")
        self.bar_kg = _spin(0, 100, 0.5, " kg", prefs.bar_kg, "barKg", 1)
        self.bar_lb = _spin(0, 225, 1, " lb", prefs.bar_lb, "barLb", 1)
        self.plates_kg = QLineEdit(prefs.plates_kg)
        self.plates_kg.setObjectName("platesKg")
        self.plates_lb = QLineEdit(prefs.plates_lb)
        self.plates_lb.setObjectName("platesLb")
        for line in (self.plates_kg, self.plates_lb):  # a whole set of plates in view
            line.setMinimumWidth(line.fontMetrics().horizontalAdvance("25 20 15 10 5 2.5 1.25 0.5 ") + 12)
            line.setToolTip("The plates you have, in pairs, heaviest first or not: 25 20 15 10 5 2.5 1.25")
            line.textEdited.connect(self._check_plates)
        self.collars = _spin(0, 10, 0.25, " kg", prefs.collars_kg, "collarsKg")
        self.collars.setToolTip("Both collars together; 0 for spring clips")
        self.plates_error = QLabel()
        self.plates_error.setObjectName("platesError")
        self.plates_error.setWordWrap(True)
        self.plates_error.setStyleSheet("color: #c0392b")
        self.plates_error.hide()
        layout = QFormLayout(box)
        bars = QHBoxLayout()
        bars.addWidget(self.bar_kg)
        bars.addWidget(self.bar_lb)
        layout.addRow("Bar", bars)
        layout.addRow("Plates (kg)", self.plates_kg)
        layout.addRow("Plates (lb)", self.plates_lb)
        layout.addRow("Collars", self.collars)
        return box

    def _rest_box(self, prefs: Preferences) -> QGroupBox:
        """The rest timer: on or off, the rest when the routine sets none, a sound at its end."""
        box = QGroupBox("Rest timer")
        self.rest_timer = QCheckBox("Count down after each set")
        self.rest_timer.setObjectName("restTimer")
        self.rest_timer.setChecked(prefs.rest_timer)
        self.rest_s = QSpinBox()
        self.rest_s.setObjectName("restSeconds")
        self.rest_s.setRange(10, 900)
        self.rest_s.setSingleStep(15)
        self.rest_s.setSuffix(" s")
        self.rest_s.setValue(prefs.rest_s)
        self.rest_s.setToolTip("The rest after a set of an exercise whose routine sets none")
        self.rest_sound = QCheckBox("Sound when a rest is over")
        self.rest_sound.setObjectName("restSound")
        self.rest_sound.setChecked(prefs.rest_sound)
        layout = QFormLayout(box)
        layout.addRow(self.rest_timer)
        layout.addRow("Rest", self.rest_s)
        layout.addRow(self.rest_sound)
        return box

    def _plates_problem(self) -> tuple[QLineEdit, str] | None:
        """The first plates field that does not read, and why."""
        for line, unit in ((self.plates_kg, Unit.KG), (self.plates_lb, Unit.LB)):
            try:
                parse_plates(line.text(), unit)
            except ValidationError as error:
                return line, f"Plates ({unit}): {error.message}"
        return None

    def _check_plates(self) -> bool:
        problem = self._plates_problem()
        self.plates_error.setVisible(problem is not None)
        self.plates_error.setText(problem[1] if problem else "")
        return problem is None

    def accept(self) -> None:
        """OK keeps the dialog open on plates that do not read, with the reason under them."""
        if not self._check_plates():
            problem = self._plates_problem()
            if problem is not None:
                problem[0].setFocus()
            return
        super().accept()

    def preferences(self) -> Preferences:
        """What the dialog shows, each value as its declared kind (a combo box hands an enum back as a string)."""
        return Preferences(
            units=settings.UNITS.kind(self.unit.currentData()),
            effort_scale=settings.EFFORT_SCALE.kind(self.effort.currentData()),
            hard_set_rir=self.threshold.value(),
            e1rm_formula=settings.E1RM_FORMULA.kind(self.formula.currentData()),
            theme=str(self.theme.currentData()),
            muscle_low=self.muscle_low.value(),
            muscle_high=self.muscle_high.value(),
            step_kg=self.step_kg.value(),
            step_lb=self.step_lb.value(),
            page=str(self.page.currentData()),
            backups_keep=self.backups_keep.value(),
            rir_estimates=settings.RIR_ESTIMATES.kind(self.estimates.currentData()),
            bar_kg=self.bar_kg.value(),
            bar_lb=self.bar_lb.value(),
            plates_kg=" ".join(_plain(p) for p in parse_plates(self.plates_kg.text(), Unit.KG)),
            plates_lb=" ".join(_plain(p) for p in parse_plates(self.plates_lb.text(), Unit.LB)),
            collars_kg=self.collars.value(),
            rest_timer=self.rest_timer.isChecked(),
            rest_s=self.rest_s.value(),
            rest_sound=self.rest_sound.isChecked(),
            watch_folder=self.watch_folder.text().strip(),
        )

    def choose_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, "Import new exports from a folder", self.watch_folder.text())
        if chosen:
            self.watch_folder.setText(chosen)

    def check_and_accept(self) -> None:
        """OK, unless the folder to watch is not a folder (said at the field)."""
        folder = self.watch_folder.text().strip()
        if folder and not Path(folder).is_dir():
            self.watch_error.setText(f"{folder} is not a folder: choose one, or leave the field empty")
            self.watch_error.show()
            self.watch_folder.setFocus()
            return
        self.watch_error.hide()
        self.accept()


def _plain(value: float) -> str:
    return f"{value:g}"


def _spin(
    low: float, high: float, step: float, suffix: str, value: float, name: str, decimals: int = 2
) -> QDoubleSpinBox:
    spin = QDoubleSpinBox()
    spin.setObjectName(name)
    spin.setRange(low, high)
    spin.setSingleStep(step)
    spin.setDecimals(decimals)
    spin.setSuffix(suffix)
    spin.setValue(value)
    return spin
