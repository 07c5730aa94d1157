# SPDX-License-Identifier: MIT
"""Importing another app's export: a preview of what will come in, the exercise names mapped onto the catalogue,
every problem with its line, and nothing written until the lifter confirms. Parsing and writing run in the
background with a progress dialog; cancelling writes nothing. A bodyweight file (FitNotes' body tracker, Hevy's body
measurements) is recognised by its header: the preview counts its weights, and Import adds them to the bodyweight
log as one undo step."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal import settings
from journal.domain.records import Exercise
from journal.domain.units import Unit, format_load
from journal.io import FORMATS, IMPORTERS, ImportFailed, ImportOptions, ParsedImport, check_lengths, detect
from journal.io.base import ImportCancelled, Problem
from journal.io.body import BodyFile, body_format, read_body
from journal.io.generic import GenericCsv, guess_mapping, mapping_key
from journal.io.leftout import left_out
from journal.io.plausible import unlikely_sets
from journal.io.report import summary
from journal.io.strong_columns import LayoutGuessed
from journal.io.text import header_of, read_text
from journal.storage.bodyweight import weighings
from journal.storage.bulk import count_held
from journal.storage.exercises import list_exercises
from journal.storage.importing import ImportResult, Proposal, import_sessions, new_routines, propose
from journal.storage.topping import count_new_sets
from journal.ui import undo
from journal.ui.importing.column_mapping import ColumnMappingDialog
from journal.ui.progress import WorkProgress
from journal.ui.service import JournalService
from journal.ui.table_model import Index, TableModel
from journal.ui.tasks import run_in_background
from journal.ui.widgets import plain_label

NEW = "New exercise"
BODY_FILES = {"fitnotes": "FitNotes body tracker", "hevy": "Hevy body measurements"}


class ExerciseMappingModel(TableModel):
    """Imported exercise names and the catalogue exercise each will be stored as (None: a new exercise)."""

    HEADERS = ("In the file", "Sets", "Stored as", "Why")

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[tuple[Proposal, int]] = []
        self.choice: dict[str, Exercise | None] = {}

    def set_rows(self, proposals: list[Proposal], sets: dict[str, int]) -> None:
        self.beginResetModel()
        self.rows = [(p, sets.get(p.name, 0)) for p in proposals]
        self.choice = {p.name: p.exercise for p in proposals}
        self.endResetModel()

    def choices(self) -> dict[str, int | None]:
        return {name: exercise.id if exercise else None for name, exercise in self.choice.items()}

    def row_count(self) -> int:
        return len(self.rows)

    def column_titles(self) -> tuple[str, ...]:
        return self.HEADERS

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return flags | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        proposal, sets = self.rows[index.row()]
        chosen = self.choice[proposal.name]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            how = "your choice" if chosen != proposal.exercise else proposal.how
            return (proposal.name, str(sets), chosen.name if chosen else NEW, how)[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and index.column() == 2 and chosen is None:
            return QBrush(QColor("#b06000"))
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 2 or role != Qt.ItemDataRole.EditRole:
            return False
        self.choice[self.rows[index.row()][0].name] = value if isinstance(value, Exercise) else None
        self.dataChanged.emit(self.index(index.row(), 2), self.index(index.row(), 3))
        return True


class ExerciseChoiceDelegate(QStyledItemDelegate):
    """A list of every catalogue exercise, and "New exercise", for the Stored as column."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.exercises: list[Exercise] = []

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        combo = QComboBox(parent)
        combo.addItem(NEW, None)
        for exercise in self.exercises:
            combo.addItem(exercise.name, exercise)
        combo.setEditable(True)  # type to find
        combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        editor.setCurrentIndex(max(0, editor.findText(str(index.data()))))

    def setModelData(self, editor: QWidget, model: Any, index: Index) -> None:
        assert isinstance(editor, QComboBox)
        found = editor.findText(editor.currentText())
        model.setData(index, editor.itemData(found) if found >= 0 else None)


class ImportDialog(QDialog):
    """Signals:
    imported(object): the ImportResult, once the sessions are in the journal.
    weights_imported(int): how many bodyweights a bodyweight file added to the log.
    """

    imported = Signal(object)
    weights_imported = Signal(int)

    def __init__(
        self,
        service: JournalService,
        path: Path,
        parent: QWidget | None = None,
        *,
        text: str | None = None,
        fmt: str = "auto",
    ) -> None:
        """The preview of the file at `path`, or of `text` (pasted) read as format `fmt`."""
        super().__init__(parent)
        self.service = service
        self.path = path
        self.pasted = text
        self.parsed: ParsedImport | None = None
        self.body_kind: str | None = None  # "fitnotes" or "hevy" for a bodyweight file
        self.body: BodyFile | None = None
        self.text = ""
        self.mapping: dict[str, str] | None = None
        self.setWindowTitle(f"Import {path.name}")
        self.resize(900, 760)

        self.format = QComboBox()
        self.format.setObjectName("importFormat")
        self.format.addItem("Detect from the header", "auto")
        for importer in IMPORTERS:
            self.format.addItem(importer.label, importer.name)
        if self.format.findData(fmt) < 0:  # a format chosen, never detected (a workout shared as text)
            self.format.addItem(FORMATS[fmt].label, fmt)
        self.format.setCurrentIndex(self.format.findData(fmt))
        self.units = QComboBox()
        self.units.setObjectName("importUnits")
        self.units.addItem("Kilograms (kg)", Unit.KG)
        self.units.addItem("Pounds (lb)", Unit.LB)
        self.units.setCurrentIndex(max(0, self.units.findData(service.preferences.units)))
        self.units_note = QLabel()
        self.notes = QCheckBox("Read RIR or RPE written in set notes (“@8”, “RIR 2”)")
        self.notes.setObjectName("importNotesEffort")
        self.notes.setChecked(True)
        self.by_position = QCheckBox("Read the columns as guessed below")
        self.by_position.setObjectName("importByPosition")
        self.by_position.setVisible(False)
        self.layout_note = QLabel()
        self.layout_note.setObjectName("importLayout")
        self.layout_note.setTextFormat(Qt.TextFormat.PlainText)  # column names from the file are never markup
        self.layout_note.setWordWrap(True)
        self.layout_note.setVisible(False)
        self.map_button = QPushButton("Map columns…")
        self.map_button.setObjectName("mapColumns")
        self.map_button.clicked.connect(self.edit_mapping)
        units_row = QHBoxLayout()
        units_row.addWidget(self.units)
        units_row.addWidget(self.units_note, 1)
        format_row = QHBoxLayout()
        format_row.addWidget(self.format, 1)
        format_row.addWidget(self.map_button)
        form = QFormLayout()
        form.addRow("File" if text is None else "From", plain_label(str(path)))
        form.addRow("Format", format_row)
        form.addRow("Loads in", units_row)
        form.addRow("", self.notes)
        form.addRow("", self.by_position)

        self.summary = QLabel()
        self.summary.setObjectName("importSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)  # names from the file are never markup
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.summary.setWordWrap(True)
        self.figures = QFormLayout()
        self.figures.setHorizontalSpacing(16)
        self.figures.setVerticalSpacing(2)
        self.names = ExerciseMappingModel()
        self.names_view = QTableView()
        self.names_view.setObjectName("importNames")
        self.names_view.setModel(self.names)
        self.choice_delegate = ExerciseChoiceDelegate(self.names_view)
        self.names_view.setItemDelegateForColumn(2, self.choice_delegate)
        self.names_view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.names_view.verticalHeader().hide()
        header = self.names_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.problems = QStringListModel(self)
        self.problems_view = QListView()
        self.problems_view.setObjectName("importProblems")
        self.problems_view.setModel(self.problems)
        self.problems_view.setMaximumHeight(110)
        self.problems_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.problems_view.setWordWrap(True)  # a long reason is read whole, not scrolled to
        self.problems_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.skip_invalid = QCheckBox()
        self.skip_invalid.setObjectName("importSkipInvalid")
        self.skip_invalid.setVisible(False)
        self.skip_invalid.toggled.connect(lambda _on: self._enable_import())
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("Import", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("confirmImport")
        self.buttons.accepted.connect(self.confirm)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.layout_note)
        layout.addLayout(self.figures)
        layout.addWidget(self.summary)
        self.names_label = QLabel(
            "Exercises: each name in the file and what it will be stored as (click to change; "
            "your choices are remembered)"
        )
        layout.addWidget(self.names_label)
        layout.addWidget(self.names_view, 1)
        self.body_space = QWidget()  # takes the exercises' room when a bodyweight file has none
        self.body_space.setVisible(False)
        layout.addWidget(self.body_space, 1)
        layout.addWidget(QLabel("Problems"))
        layout.addWidget(self.problems_view)
        layout.addWidget(self.skip_invalid)
        layout.addWidget(self.buttons)

        self._generation = 0  # a preview shows only the newest read
        self._new = 0  # sessions of the file the journal does not hold yet
        self.options_widgets = (self.format, self.units, self.notes, self.map_button, self.by_position)
        self.format.currentIndexChanged.connect(lambda _i: self.reparse())
        self.units.currentIndexChanged.connect(lambda _i: self.reparse())
        self.notes.toggled.connect(lambda _on: self.reparse())
        self.by_position.toggled.connect(lambda _on: self.reparse())
        self._load()

    # ---- reading ----
    def _load(self) -> None:
        """Read the file and detect its format; a file whose columns were mapped before opens with that mapping."""
        try:
            self.text = read_text(self.path) if self.pasted is None else self.pasted
            if self.format.currentData() != "auto":
                self.reparse()
                return
        except ImportFailed as error:
            self._failed(error.problem)
            return
        try:
            header = header_of(self.text)
        except ImportFailed as error:
            try:
                detect(self.text)  # a format whose header repeats names, or a Strong file without a header line
            except ImportFailed:
                self._failed(error.problem)
                return
            header = []
        self.body_kind = body_format(header) if header else None
        if self.body_kind is not None:
            self.format.setItemText(0, f"Detect from the header ({BODY_FILES[self.body_kind]})")
            self.reparse()
            return
        saved = settings.saved_mapping(mapping_key(header)) if header else None
        self.mapping = saved or guess_mapping(header)
        try:
            detected = detect(self.text)
        except ImportFailed as error:
            if saved is None:
                self._failed(error.problem)
                return
            detected = GenericCsv
        self.format.setItemText(0, f"Detect from the header ({detected.label})")
        if saved is not None and detected is GenericCsv:
            self.format.setCurrentIndex(self.format.findData(GenericCsv.name))  # reads the file
            return
        self.reparse()

    def importer_name(self) -> str:
        chosen = str(self.format.currentData())
        if chosen != "auto":
            return chosen
        try:
            return detect(self.text).name
        except ImportFailed:
            if self.mapping and settings.saved_mapping(mapping_key(header_of(self.text))):
                return GenericCsv.name
            raise

    def options(self) -> ImportOptions:
        return ImportOptions(
            units=self.units.currentData(),
            effort_from_notes=self.notes.isChecked(),
            mapping=self.mapping,
            columns_by_position=self.by_position.isChecked(),
        )

    def reparse(self) -> None:
        if not self.text:
            return
        self._body_mode(self.body_kind is not None and self.format.currentData() == "auto")
        if self.body_kind is not None and self.format.currentData() == "auto":
            self._show_body()
            return
        try:
            name = self.importer_name()
        except ImportFailed as error:
            self._failed(error.problem)
            return
        importer = FORMATS[name]
        self.map_button.setVisible(importer is GenericCsv)
        progress = WorkProgress(self, "Reading", f"Reading {self.path.name}…")
        options = self.options()
        text = self.text
        self._generation += 1
        generation = self._generation
        self.parsed = None
        self.import_button.setEnabled(False)
        self._set_busy(True)

        def done(parsed: object) -> None:
            progress.finish()
            if generation != self._generation:
                return  # an older read, overtaken by a newer one
            self._set_busy(False)
            assert isinstance(parsed, ParsedImport)
            self._show(parsed, importer.needs_units)

        def failed(error: BaseException) -> None:
            progress.finish()
            if generation != self._generation:
                return
            self._set_busy(False)
            if isinstance(error, LayoutGuessed):
                self._guessed(error)
            elif isinstance(error, ImportFailed):
                self._failed(error.problem)
            elif isinstance(error, ImportCancelled):
                self._failed(Problem(0, "reading was cancelled: change an option to read the file again"))
            else:
                self._failed(Problem(0, f"the file could not be read: {error}"))

        run_in_background(lambda: check_lengths(importer().read(text, options, progress)), done, failed)

    def _set_busy(self, busy: bool) -> None:
        """While the file is read or written, its options cannot change under it."""
        for widget in self.options_widgets:
            widget.setEnabled(not busy)

    def _show(self, parsed: ParsedImport, needs_units: bool) -> None:
        self.parsed = parsed
        self.by_position.setVisible(self.by_position.isChecked())
        self.layout_note.setVisible(self.by_position.isChecked())
        self.units.setEnabled(needs_units and not parsed.units_stated)
        self.units_note.setText(
            "as the file says" if parsed.units_stated else "the file does not say: check the heaviest load below"
        )
        held = count_held(parsed.sessions)
        topped = count_new_sets(parsed.sessions) if held else 0  # sets logged since on days already imported
        figures = summary(parsed, held)
        if topped:
            figures.append(("new sets on days already imported", f"{topped} (added to those days)"))
        planned = len(new_routines(parsed.routines))
        if parsed.routines:
            figures.append(("routines", f"{len(parsed.routines)} ({planned} new)"))
        self._show_figures(figures)
        new = len(parsed.sessions) - held + topped + planned
        self.summary.setText(
            ""
            if new or not parsed.sessions
            else "Everything in this file is already in your journal: there is nothing to import."
        )
        self.summary.setVisible(bool(self.summary.text()))
        self.choice_delegate.exercises = list_exercises()
        proposals = propose(parsed.exercise_names())
        self.names.set_rows(proposals, dict(parsed.exercise_names()))
        unlikely = unlikely_sets(parsed, {p.name: p.exercise for p in proposals})
        self.problems.setStringList(
            [
                f"{'Cannot import' if p.row else 'Error' if p.fatal else 'Note'} · line {p.line}: {p.message}"
                if p.line
                else f"{'Error' if p.fatal else 'Note'}: {p.message}"
                for p in parsed.problems
            ]
            + [f"Unlikely · {p.message}" for p in unlikely]
            or ["No problems found."]
        )
        count = len(parsed.left_out)
        self.skip_invalid.setText(
            f"Import everything else, leaving out the {count} {'row' if count == 1 else 'rows'} that cannot be "
            "imported (kept in a file beside the backups)"
        )
        self.skip_invalid.setVisible(parsed.skippable)
        self._new = new
        self._enable_import()

    # ---- a bodyweight file ----
    def _body_mode(self, body: bool) -> None:
        """A bodyweight file has no exercises, set notes or columns to map: those parts of the preview go."""
        for widget in (self.names_label, self.names_view, self.notes):
            widget.setVisible(not body)
        self.body_space.setVisible(body)
        if body:
            self.map_button.setVisible(False)
        else:
            self.body = None

    def _show_body(self) -> None:
        """The weights of a bodyweight file: how many days, from when to when, and how many the log lacks."""
        self.parsed = None
        stated = self.body_kind == "hevy" or "Unit" in {name.strip() for name in header_of(self.text)}
        self.units.setEnabled(not stated)
        self.units_note.setText(
            "as the file says for each weight" if stated else "the file does not say: check the weights below"
        )
        try:
            found = read_body(self.text, self.units.currentData())
        except ImportFailed as error:
            self._failed(error.problem)
            return
        self.body = found
        held = {w.day for w in weighings() if w.source == found.source}
        new = [day for day in found.weights if day not in held]
        unit = self.service.preferences.units  # shown in the lifter's unit, whatever the file's
        figures = [("bodyweights", f"{len(found.weights)} days, one weight a day (the day's last)")]
        if found.weights:
            first, last = min(found.weights), max(found.weights)
            light, heavy = min(found.weights.values()), max(found.weights.values())
            figures += [
                ("dates", f"{first:%d %b %Y} to {last:%d %b %Y}"),
                ("weights", f"{format_load(light, unit, 1)} to {format_load(heavy, unit, 1)} {unit}"),
                ("new", f"{len(new)} ({len(found.weights) - len(new)} already in your bodyweight log)"),
            ]
        self._show_figures(figures)
        self.summary.setText(
            "Everything in this file is already in your bodyweight log: there is nothing to import."
            if found.weights and not new
            else "A bodyweight file: its weights go to the bodyweight log (the Bodyweight tab), not to sessions."
        )
        self.summary.setVisible(True)
        self.names.set_rows([], {})
        self.problems.setStringList(
            [f"Note · line {p.line}: {p.message}" for p in found.problems] or ["No problems found."]
        )
        self.skip_invalid.setVisible(False)
        self._new = len(new)
        self.import_button.setEnabled(bool(new))

    def _confirm_body(self, found: BodyFile) -> None:
        command = undo.ImportWeighings(
            self.service, sorted(found.weights.items()), found.source, f"Import {self.path.name} (bodyweights)"
        )
        self.service.push(command)
        self.weights_imported.emit(len(command.added))
        self.accept()

    def _enable_import(self) -> None:
        parsed = self.parsed
        self.import_button.setEnabled(
            parsed is not None
            and (not parsed.fatal or (parsed.skippable and self.skip_invalid.isChecked()))
            and self._new > 0
        )

    def _show_figures(self, rows: list[tuple[str, str]]) -> None:
        while self.figures.rowCount():
            self.figures.removeRow(0)
        for label, value in rows:
            shown = QLabel(value)
            shown.setTextFormat(Qt.TextFormat.PlainText)  # text from the file is never markup
            shown.setWordWrap(True)
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.figures.addRow(label.capitalize(), shown)

    def figure(self, label: str) -> str:
        """The value shown for a figure of the preview ('' when there is none)."""
        for row in range(self.figures.rowCount()):
            name = self.figures.itemAt(row, QFormLayout.ItemRole.LabelRole)
            value = self.figures.itemAt(row, QFormLayout.ItemRole.FieldRole)
            name_label = name.widget() if name is not None else None
            value_label = value.widget() if value is not None else None
            if isinstance(name_label, QLabel) and name_label.text() == label.capitalize():
                return value_label.text() if isinstance(value_label, QLabel) else ""
        return ""

    def _failed(self, problem: Problem) -> None:
        self.parsed = None
        self._show_figures([])
        self.summary.setVisible(True)
        self.summary.setText("Nothing can be imported from this file.")
        self.names.set_rows([], {})
        where = f"line {problem.line}: " if problem.line else ""
        self.problems.setStringList([f"Error · {where}{problem.message}"])
        self.skip_invalid.setVisible(False)
        self.import_button.setEnabled(False)

    def _guessed(self, guess: LayoutGuessed) -> None:
        """A Strong file read by position: show the columns as guessed and let the lifter confirm them."""
        self._failed(guess.problem)
        self.summary.setText(
            "These columns look like Strong's export, read by their position and content. Check them, then tick "
            "“Read the columns as guessed”."
        )
        self._show_layout(guess.layout.describe())

    def _show_layout(self, described: str) -> None:
        self.by_position.setVisible(True)
        self.layout_note.setText(f"Columns as guessed: {described}")
        self.layout_note.setVisible(True)

    def edit_mapping(self) -> None:
        header = header_of(self.text)
        dialog = ColumnMappingDialog(header, self.text, self.mapping or guess_mapping(header), self)
        if dialog.exec():
            self.mapping = dialog.mapping()
            settings.save_mapping(mapping_key(header), self.mapping)
            self.reparse()

    def _report_left_out(self, result: ImportResult, reasons: tuple[str, ...]) -> None:
        """The import's report names every row it left out, and where they are kept."""
        kept = result.left_out
        assert kept is not None
        shown = list(reasons[:12]) + ([f"… and {len(reasons) - 12} more"] if len(reasons) > 12 else [])
        box = QMessageBox(QMessageBox.Icon.Information, "Import", "", QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)  # reasons quote the file
        box.setText(
            f"Imported {result.sessions} sessions, {result.sets} sets. "
            f"{len(reasons)} {'row was' if len(reasons) == 1 else 'rows were'} left out:\n\n"
            + "\n".join(shown)
            + f"\n\nThey are kept, as written, in {kept}\n(and why, in {kept.with_suffix('.txt').name})."
        )
        box.exec()

    # ---- writing ----
    def confirm(self) -> None:
        if self.body is not None and self.body_kind is not None and self.format.currentData() == "auto":
            self._confirm_body(self.body)
            return
        parsed = self.parsed
        if parsed is None or (parsed.fatal and not (parsed.skippable and self.skip_invalid.isChecked())):
            return
        left = None
        if parsed.fatal:
            parsed = parsed.without_left_out()
            left = left_out(parsed, self.text, self.path.name)
        if self.importer_name() == GenericCsv.name and self.mapping:
            settings.save_mapping(mapping_key(header_of(self.text)), self.mapping)
        choices = self.names.choices()
        total = len(parsed.sessions)
        progress = WorkProgress(self, "Importing", f"Writing {total} sessions…")
        self.import_button.setEnabled(False)
        self._set_busy(True)
        path, keep = self.service.path, self.service.preferences.backups_keep

        def work() -> ImportResult:
            return import_sessions(
                parsed.sessions,
                choices,
                path,
                lambda done: progress(done, total),
                keep=keep,
                routines=parsed.routines,
                left=left,
            )

        def done(result: object) -> None:
            progress.finish()
            assert isinstance(result, ImportResult)
            self.service.push(
                undo.ImportSessions(self.service, result, f"Import {self.path.name} ({result.sessions} sessions)")
            )
            self.service.publish(result.change)
            self.imported.emit(result)
            if result.left_out is not None and left is not None:
                self._report_left_out(result, left.reasons)
            self.accept()

        def failed(error: BaseException) -> None:
            progress.finish()
            self._set_busy(False)
            self.import_button.setEnabled(True)
            message = (
                "Import cancelled: nothing was written."
                if isinstance(error, ImportCancelled)
                else f"The import failed and nothing was written: {error}"
            )
            self.problems.setStringList([message, *self.problems.stringList()])

        run_in_background(work, done, failed)
