# SPDX-License-Identifier: MIT
"""A text document that never loads a resource it was not given, the page size a place uses, and PDF output."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QByteArray, QLocale, QMarginsF, QSizeF, QUrl
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QTextBlock, QTextCursor, QTextDocument, QTextFormat
from PySide6.QtPrintSupport import QPrinter

LETTER_TERRITORIES = {  # where Letter paper is the norm; A4 elsewhere
    QLocale.Country.UnitedStates,
    QLocale.Country.Canada,
    QLocale.Country.Mexico,
    QLocale.Country.Philippines,
    QLocale.Country.Chile,
    QLocale.Country.Colombia,
    QLocale.Country.Venezuela,
    QLocale.Country.CostaRica,
    QLocale.Country.Guatemala,
}
MARGIN_MM = 10.0
_FORCED_BREAK = int(QTextFormat.Property.UserProperty) + 1  # a block asked to start a page (page-break-before)
_ALWAYS_BEFORE = QTextFormat.PageBreakFlag.PageBreak_AlwaysBefore


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

    def loadResource(self, kind: int, name: QUrl | str) -> Any:
        """Only the images registered here. Anything else gets an empty value: returning nothing would let Qt
        read the file itself."""
        image_kind = kind == QTextDocument.ResourceType.ImageResource.value
        url = QUrl(name)
        if image_kind and url.scheme() == "chart" and url.path() in self._images:
            return self._images[url.path()]
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
    no_empty_pages(document)
    document.print_(printer)


def _set_break(block: QTextBlock, forced: bool) -> None:
    """Mark the block as one that asked for a page break, and give it the break or not; the layout is redone."""
    fmt = block.blockFormat()
    policy = _ALWAYS_BEFORE if forced else QTextFormat.PageBreakFlag.PageBreak_Auto
    if fmt.hasProperty(_FORCED_BREAK) and fmt.pageBreakPolicy() == policy:
        return
    fmt.setProperty(_FORCED_BREAK, True)
    fmt.setPageBreakPolicy(policy)
    QTextCursor(block).setBlockFormat(fmt)
    document = block.document()
    document.markContentsDirty(0, document.characterCount())  # all of it: what follows the block moves too


def no_empty_pages(document: QTextDocument) -> None:
    """Qt starts a new page at a page break even when what comes before it has just filled its page (a table that
    ends at the foot of a page), which leaves a page empty. Such a break is left out at this page size; every break
    is put back first, as another page size (the print preview's) may need it."""
    height = document.pageSize().height()
    layout = document.documentLayout()
    breaks: list[QTextBlock] = []
    block = document.begin()
    while block.isValid():
        fmt = block.blockFormat()
        if fmt.hasProperty(_FORCED_BREAK) or fmt.pageBreakPolicy() & _ALWAYS_BEFORE:
            breaks.append(block)
        block = block.next()
    for block in breaks:
        _set_break(block, forced=True)
    above, block = -1.0, document.begin()  # the lowest point of everything before the block
    while block.isValid():
        box = layout.blockBoundingRect(block)
        if (
            block.blockFormat().hasProperty(_FORCED_BREAK)
            and above >= 0
            and box.top() // height - (above - 0.5) // height > 1
        ):  # a page between them holds nothing
            _set_break(block, forced=False)
            box = layout.blockBoundingRect(block)
        above = max(above, box.bottom())
        block = block.next()


def write_pdf(document: QTextDocument, path: Path, page: str | None = None, title: str = "") -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setDocName(title)
    printer.setCreator("Journal")
    setup_printer(printer, page)
    print_document(document, printer)
