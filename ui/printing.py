"""Printing a report straight to a printer through Qt's print dialog.

The clerk chooses the printer in Qt's dialog (``PrintDialogs.ask``, replaceable so tests can answer it);
the report is then read and painted onto the printer on a worker thread (Qt paints onto a ``QPrinter``
from any thread), with the same translated texts as its PDF. Qt's print module is imported here, when a
clerk first prints, not at start.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCore import QRectF
from PySide6.QtGui import QFont, QFontMetricsF, QPainter
from PySide6.QtPrintSupport import QPrintDialog, QPrinter

from app.documents.layout import REGION_NAME
from app.documents.stock_report import RIGHT, WIDTHS_MM, ReportText
from ui.qt import QCoreApplication, Qt, QWidget


def _ask_with_dialog(printer: QPrinter, parent: QWidget | None) -> bool:
    dialog = QPrintDialog(printer, parent)
    dialog.setWindowTitle(QCoreApplication.translate("Printing", "Print"))
    return dialog.exec() == QPrintDialog.DialogCode.Accepted


class PrintDialogs:
    """The one place a print dialog is asked; tests replace ``ask`` (it sets up the printer, True to print)."""

    ask: Callable[[QPrinter, QWidget | None], bool] = staticmethod(_ask_with_dialog)


def choose_printer(title: str, parent: QWidget | None) -> QPrinter | None:
    """A printer the clerk chose in the print dialog, or None when they cancelled."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(title)
    return printer if PrintDialogs.ask(printer, parent) else None


def paint_report(printer: QPrinter, text: ReportText, page_template: str) -> int:
    """Paint *text* (a report's title, lines and table) onto *printer*; returns the pages painted (0 when
    the printer could not be opened). Long cells are cut with "…"; the table's heading repeats on every
    page, and every page says "page n of m" (*page_template*)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        return _paint(painter, printer, text, page_template)
    finally:
        painter.end()


def _paint(painter: QPainter, printer: QPrinter, text: ReportText, page_template: str) -> int:
    area = printer.pageLayout().paintRectPixels(printer.resolution())
    width, height = float(area.width()), float(area.height())
    mm = printer.resolution() / 25.4
    body, bold, title_font = QFont("Helvetica", 9), QFont("Helvetica", 9), QFont("Helvetica", 15)
    bold.setBold(True)
    title_font.setBold(True)
    line = QFontMetricsF(body, printer).height() * 1.25
    head_height = QFontMetricsF(title_font, printer).height() + 2 * line
    scale = min(1.0, width / (sum(WIDTHS_MM) * mm))
    widths = [w * mm * scale for w in WIDTHS_MM]
    lefts = [sum(widths[:i]) for i in range(len(widths))]
    room = height - head_height - 2 * line  # below the page head, above the footer
    first_rows = max(1, math.floor((room - len(text.lines) * line - 2 * line) / line))
    other_rows = max(1, math.floor((room - 2 * line) / line))
    pages = 1 + max(0, math.ceil((len(text.rows) - first_rows) / other_rows))

    def cells(values: Sequence[str], y: float, font: QFont) -> None:
        painter.setFont(font)
        metrics = QFontMetricsF(font, printer)
        for index, value in enumerate(values):
            cell = QRectF(lefts[index] + 0.8 * mm, y, widths[index] - 1.6 * mm, line)
            shown = metrics.elidedText(value, Qt.TextElideMode.ElideRight, cell.width())
            align = Qt.AlignmentFlag.AlignRight if index in RIGHT else Qt.AlignmentFlag.AlignLeft
            painter.drawText(cell, int(align | Qt.AlignmentFlag.AlignVCenter), shown)

    def page_head(number: int) -> float:
        painter.setFont(bold)
        painter.drawText(QRectF(0, 0, width, line), int(Qt.AlignmentFlag.AlignLeft), REGION_NAME)
        painter.setFont(body)
        painter.drawText(QRectF(0, 0, width, line), int(Qt.AlignmentFlag.AlignRight), text.reference)
        painter.drawText(QRectF(0, line, width, line), int(Qt.AlignmentFlag.AlignLeft), text.unit)
        painter.setFont(title_font)
        painter.drawText(QRectF(0, 2 * line, width, head_height), int(Qt.AlignmentFlag.AlignLeft), text.title)
        painter.setFont(body)
        footer = QRectF(0, height - line, width, line)
        painter.drawText(footer, int(Qt.AlignmentFlag.AlignLeft), f"{text.title} \u2013 {text.printed}")
        painter.drawText(
            footer, int(Qt.AlignmentFlag.AlignRight), page_template.format(page=number, pages=pages)
        )
        painter.drawLine(0, int(height - line - 0.5 * mm), int(width), int(height - line - 0.5 * mm))
        return head_height + line

    def table_head(y: float) -> float:
        cells(text.header, y, bold)
        painter.drawLine(0, int(y + line), int(sum(widths)), int(y + line))
        return y + line * 1.2

    y = page_head(1)
    painter.setFont(body)
    for value in text.lines:
        painter.drawText(QRectF(0, y, width, line), int(Qt.AlignmentFlag.AlignLeft), value)
        y += line
    y += line * 0.5
    if not text.rows:
        painter.drawText(QRectF(0, y, width, line), int(Qt.AlignmentFlag.AlignLeft), text.empty)
        return 1
    y = table_head(y)
    page = 1
    for row in text.rows:
        if y + line > height - 2 * line:
            printer.newPage()
            page += 1
            y = table_head(page_head(page))
        cells(row, y, body)
        y += line
    return page
