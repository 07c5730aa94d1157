# SPDX-License-Identifier: MIT
"""The preferences dialog: load unit, effort scale, hard-set threshold, e1RM formula, colours, backups kept, the
folder whose new exports are imported."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from journal import settings
from journal.domain.effort import EffortScale
from journal.domain.estimate import EstimateUse
from journal.domain.metrics import E1rmFormula
from journal.domain.units import Unit
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
        form.addRow("Import new exports from a folder", watch)
        form.addRow("", self.watch_error)
        form.addRow(note)
        form.addRow(buttons)

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
