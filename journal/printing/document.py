# SPDX-License-Identifier: MIT
"""A text document that never loads a resource it was not given, the page size a place uses, and PDF output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QTextDocument
from PySide6.QtPrintSupport import QPrinter

LETTER_TERRITORIES = {  # where Letter paper is the norm; A4 elsewhere
    QLocale.Country.UnitedStates, QLocale.Country.Canada, QLocale.Country.Mexico,
    QLocale.Country.Philippines, QLocale.Country.Chile, QLocale.Country.Colombia,
    QLocale.Country.Venezuela, QLocale.Country.CostaRica, QLocale.Country.Guatemala,
}
MARGIN_MM = 10.0


class SafeDocument(QTextDocument):
    """Loads only the images added with add_image; any other resource (a file, a web address written in a
    note) comes back empty."""

    def __init__(self) -> None:
        super().__init__()
        self._images: dict[str, QImage] = {}

    def add_image(self, name: str, image: QImage) -> str:
        """Register an image; returns the address to use in <img src=…>."""
        self._images[name] = image
        return f"chart:{name}"

    def loadResource(self, kind: int, name: QUrl) -> Any:  # noqa: N802 - Qt's name
        """Only the images registered here. Anything else gets an empty value: returning nothing would let Qt
        read the file itself."""
        image_kind = kind == QTextDocument.ResourceType.ImageResource.value
        if image_kind and name.scheme() == "chart" and name.path() in self._images:
            return self._images[name.path()]
        return QImage() if image_kind else QByteArray()


def default_page() -> str:
    """'letter' or 'a4', from the system's locale."""
    return "letter" if QLocale.system().territory() in LETTER_TERRITORIES else "a4"


def page_size(name: str) -> QPageSize:
    return QPageSize(QPageSize.PageSizeId.Letter if name == "letter" else QPageSize.PageSizeId.A4)


def setup_printer(printer: QPrinter, page: str | None = None) -> None:
    printer.setPageSize(page_size(page or default_page()))
    printer.setPageMargins(QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM), QPageLayout.Unit.Millimeter)


def print_document(document: QTextDocument, printer: QPrinter) -> None:
    """Lay the document out on the printer's page (in points, not device pixels) and print it."""
    rect = printer.pageLayout().paintRect(QPageLayout.Unit.Point)
    document.setPageSize(QSizeF(rect.width(), rect.height()))
    document.print_(printer)


def write_pdf(document: QTextDocument, path: Path, page: str | None = None, title: str = "") -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    printer.setCreator("Journal")
    setup_printer(printer, page)
    print_document(document, printer)
