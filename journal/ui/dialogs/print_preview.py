# SPDX-License-Identifier: MIT
"""Showing a document in Qt's print preview (page size and margins from the preference or the locale, changeable
there), and saving it as PDF."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QFileDialog, QToolBar, QToolButton, QWidget

from journal.printing.document import print_document, setup_printer, write_pdf
from journal.settings import Preferences

_open: dict[int, tuple[QPrintPreviewDialog, QPrinter, object]] = {}  # the dialog does not own its printer


def preview(document: object, parent: QWidget, prefs: Preferences, title: str) -> QPrintPreviewDialog:
    """Open the print preview of `document`; printing from it sends the same document to the printer."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    setup_printer(printer, prefs.page or None)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(f"Print — {title}")
    toolbar = dialog.findChild(QToolBar)
    if toolbar is not None:  # Qt's preview has a toolbar of its own: a PDF beside the printer's buttons
        toolbar.addSeparator()
        action = QAction("Save as PDF…", dialog)
        action.setObjectName("savePdf")
        action.setToolTip("Save this document as a PDF file")
        action.triggered.connect(lambda: save_pdf(document, dialog, prefs, title))
        toolbar.addAction(action)
        button = toolbar.widgetForAction(action)
        if isinstance(button, QToolButton):
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
    dialog.paintRequested.connect(lambda target: print_document(document, target))  # type: ignore[arg-type]
    key = id(dialog)
    _open[key] = (dialog, printer, document)  # kept until the dialog closes
    dialog.finished.connect(lambda _result: _open.pop(key, None))
    dialog.open()
    return dialog


def save_pdf(document: object, parent: QWidget, prefs: Preferences, name: str, path: Path | None = None) -> Path | None:
    if path is None:
        chosen, _ = QFileDialog.getSaveFileName(parent, "Save as PDF", f"{name}.pdf", "PDF (*.pdf)")
        if not chosen:
            return None
        path = Path(chosen)
    write_pdf(document, path, prefs.page or None, name)  # type: ignore[arg-type]
    return path
