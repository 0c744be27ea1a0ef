"""The label of an individually marked device (individ): Code 128 of its individual number, the article
name, the serial number and the owner colour (R40: blue = the aid centre, red = a municipality, green = a
regional unit), printed at goods receipt and from the Individual tab.

Two layouts of the same label. ``LabelLayout.LABEL_PRINTER``: one label per page of 62 × 29 mm, the
die-cut label of the common desktop label printers (Brother QL's DK-11209; also cut from 62 mm endless
tape), wide enough for a nine-digit individual number's bars at five printer dots a module and small
enough for a hearing aid's box. ``LabelLayout.A4_SHEET``: the same labels in a 3 × 8 grid of 70 × 37 mm
on A4 (the common 24-up label sheet), for many devices at once on an office printer.

The bars are drawn by us as vector rectangles from python-barcode's module pattern (python-barcode does the
encoding: code sets and check symbol): a vector bar has sharp edges at any printer resolution, where
python-barcode's image writer would give a bitmap that the PDF viewer or the printer driver resamples
(uneven bar widths, the usual cause of a label that does not scan). Each module is a whole number of dots
of a 300 dpi printer (and so of a 600 dpi one), so no bar is rounded wider than its neighbour.
"""

from __future__ import annotations

import enum
import io
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from barcode.charsets.code128 import START_CODES
from barcode.codex import Code128
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import inch, mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from sqlalchemy import select
from sqlalchemy.orm import Session

from app.documents.layout import FONT, FONT_BOLD, Translate, untranslated
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from db.models import Article, Individual
from db.models.enums import OwnerColour

log = logging.getLogger(__name__)

#: One label as a label printer takes it: 62 × 29 mm.
LABEL_WIDTH = 62 * mm
LABEL_HEIGHT = 29 * mm
#: The A4 sheet: 3 columns × 8 rows of 70 × 37 mm cells, the label drawn in the middle of each.
SHEET_COLUMNS = 3
SHEET_ROWS = 8
CELL_WIDTH = 70 * mm
CELL_HEIGHT = 37 * mm

#: A printer dot at 300 dpi; a bar module is a whole number of them (at most 5).
DOT = inch / 300
MAX_DOTS_PER_MODULE = 5
#: Code 128 wants a quiet zone of ten modules on each side of the bars.
QUIET_MODULES = 10

#: R40: the owner colours as printed (strong enough to tell apart on a thermal colour label or a sheet).
OWNER_RGB: dict[OwnerColour, tuple[int, int, int]] = {
    OwnerColour.BLUE: (0, 84, 166),
    OwnerColour.RED: (200, 16, 46),
    OwnerColour.GREEN: (0, 128, 61),
}
OWNER_NAMES: dict[OwnerColour, str] = {
    OwnerColour.BLUE: QT_TRANSLATE_NOOP("documents", "Blue – aid centre"),
    OwnerColour.RED: QT_TRANSLATE_NOOP("documents", "Red – municipality"),
    OwnerColour.GREEN: QT_TRANSLATE_NOOP("documents", "Green – regional unit"),
}


class LabelLayout(enum.StrEnum):
    LABEL_PRINTER = "label_printer"  # one 62 × 29 mm label per page
    A4_SHEET = "a4_sheet"  # 24 labels per A4 page


@dataclass(frozen=True)
class IndividualLabel:
    """What one label prints."""

    individual_id: uuid.UUID
    individual_number: str
    serial_number: str
    article_number: str
    article_name: str
    owner_colour: OwnerColour


def individual_labels(session: Session, individual_ids: Sequence[uuid.UUID]) -> tuple[IndividualLabel, ...]:
    """The labels of *individual_ids*, in the order given (an id given twice prints twice)."""
    wanted = list(individual_ids)
    if not wanted:
        raise NotFound(QT_TRANSLATE_NOOP("app", "Choose the individuals to print labels for."))
    rows = {
        row.id: row
        for row in session.execute(
            select(
                Individual.id,
                Individual.individual_number,
                Individual.serial_number,
                Individual.owner_colour,
                Article.article_number,
                Article.name,
            )
            .join(Article, Article.id == Individual.article_id)
            .where(Individual.id.in_(set(wanted)))
        )
    }
    if len(rows) < len(set(wanted)):
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "An individual to print a label for was not found; search again.")
        )
    log.info("individual labels read: %d", len(wanted))
    return tuple(
        IndividualLabel(
            individual_id=row.id,
            individual_number=row.individual_number,
            serial_number=row.serial_number,
            article_number=row.article_number,
            article_name=row.name,
            owner_colour=row.owner_colour,
        )
        for row in (rows[individual_id] for individual_id in wanted)
    )


def owner_name(colour: OwnerColour, translate: Translate = untranslated) -> str:
    """The owner colour as printed on the label and shown on the record (R40)."""
    return translate(OWNER_NAMES[colour])


#: Symbol 99: in code set C the digits "99", in sets A and B the switch to set C.
PAIR_99 = 99


class _Code128(Code128):
    """python-barcode's Code 128 without its loss of a leading "99" (python-barcode issue 251, open in
    0.16): starting in code set C, it takes the pair 99 after the start symbol for a switch to set C and
    folds both into the start, so 999999999 would scan as 9999999. Only a real switch is folded here."""

    def _try_to_optimize(self, encoded: list[int]) -> list[int]:
        if encoded[0] == START_CODES["C"] and encoded[1] == PAIR_99:
            return encoded  # the digits 99, not a switch
        return super()._try_to_optimize(encoded)


def code128_modules(value: str) -> str:
    """The bars of *value* in Code 128 as a string of modules, ``1`` black and ``0`` white (stop included)."""
    return str(_Code128(value).build()[0])


def _fit(value: str, font: str, size: float, width: float) -> str:
    """*value* cut with an ellipsis to fit *width* points (a long article name)."""
    if stringWidth(value, font, size) <= width:
        return value
    while value and stringWidth(value + "…", font, size) > width:
        value = value[:-1]
    return value.rstrip() + "…"


def draw_label(canvas: Canvas, label: IndividualLabel, x: float, y: float, translate: Translate) -> None:
    """One label with its lower left corner at (*x*, *y*), LABEL_WIDTH × LABEL_HEIGHT.

    Left, the full-height owner-colour stripe (R40); right of it, top to bottom: article name, the bars,
    the individual number as text, then the serial number and the owner colour's name.
    """
    stripe = 5 * mm
    pad = 2 * mm
    left = x + stripe + pad
    width = LABEL_WIDTH - stripe - 2 * pad
    red, green, blue = OWNER_RGB[label.owner_colour]
    canvas.setFillColorRGB(red / 255, green / 255, blue / 255)
    canvas.rect(x, y, stripe, LABEL_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(colors.black)

    top = y + LABEL_HEIGHT - pad
    canvas.setFont(FONT_BOLD, 7.5)
    canvas.drawString(left, top - 7, _fit(label.article_name, FONT_BOLD, 7.5, width))

    modules = code128_modules(label.individual_number)
    total = len(modules) + 2 * QUIET_MODULES
    dots = max(1, min(MAX_DOTS_PER_MODULE, int(width / total / DOT)))
    module = dots * DOT if width / total >= DOT else width / total  # a very long number: thinner bars
    bars_left = left + (width - len(modules) * module) / 2
    bars_bottom = y + pad + 18
    bars_height = top - 11 - bars_bottom
    start = None
    for index, bit in enumerate(modules + "0"):
        if bit == "1" and start is None:
            start = index
        elif bit == "0" and start is not None:
            canvas.rect(
                bars_left + start * module,
                bars_bottom,
                (index - start) * module,
                bars_height,
                stroke=0,
                fill=1,
            )
            start = None

    canvas.setFont(FONT_BOLD, 8)
    canvas.drawCentredString(left + width / 2, bars_bottom - 8.5, label.individual_number)
    canvas.setFont(FONT, 6.5)
    serial = translate(QT_TRANSLATE_NOOP("documents", "S/N {serial}")).format(serial=label.serial_number)
    owner = owner_name(label.owner_colour, translate)
    canvas.drawRightString(left + width, y + pad, owner)
    canvas.drawString(left, y + pad, _fit(serial, FONT, 6.5, width - stringWidth(owner, FONT, 6.5) - 4))


def render_individual_labels(
    labels: Sequence[IndividualLabel],
    translate: Translate = untranslated,
    *,
    layout: LabelLayout = LabelLayout.LABEL_PRINTER,
) -> bytes:
    """The PDF of *labels*: one label a page for a label printer, or 24 to an A4 sheet."""
    buffer = io.BytesIO()
    if layout is LabelLayout.LABEL_PRINTER:
        canvas = Canvas(buffer, pagesize=(LABEL_WIDTH, LABEL_HEIGHT))
    else:
        canvas = Canvas(buffer, pagesize=A4)
    canvas.setTitle(translate(QT_TRANSLATE_NOOP("documents", "Individual labels")))
    canvas.setCreator("Hearing Desk")
    if layout is LabelLayout.LABEL_PRINTER:
        for label in labels:
            draw_label(canvas, label, 0, 0, translate)
            canvas.showPage()
    else:
        page_width, page_height = A4
        left = (page_width - SHEET_COLUMNS * CELL_WIDTH) / 2
        bottom = (page_height - SHEET_ROWS * CELL_HEIGHT) / 2
        per_page = SHEET_COLUMNS * SHEET_ROWS
        for index, label in enumerate(labels):
            if index and index % per_page == 0:
                canvas.showPage()
            row, column = divmod(index % per_page, SHEET_COLUMNS)
            cell_x = left + column * CELL_WIDTH
            cell_y = bottom + (SHEET_ROWS - 1 - row) * CELL_HEIGHT
            x = cell_x + (CELL_WIDTH - LABEL_WIDTH) / 2
            y = cell_y + (CELL_HEIGHT - LABEL_HEIGHT) / 2
            draw_label(canvas, label, x, y, translate)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()
