"""The page frame every printed document shares: a header naming the region and the unit, the document's
title, and a footer with the page number ("page 2 of 3").

Rendering is pure: it takes plain values (already translated) and returns the bytes of a PDF. The font is
reportlab's standard Helvetica, whose WinAnsi encoding covers the Swedish letters å, ä and ö, so nothing has
to be embedded and a document renders in a few milliseconds.

Two ways to lay a document out, both in the same frame: ``render`` flows platypus flowables (paragraphs,
tables) for documents with free-form content; a ``Sheet`` draws plain text blocks and tables straight onto
the canvas, wrapping and breaking pages itself, which is several times faster than platypus (no markup
parsed, no flowable measured twice) for the documents printed many times a day (the purchase order).
"""

from __future__ import annotations

import datetime as dt
import io
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from app.i18n import QT_TRANSLATE_NOOP

Translate = Callable[[str], str]

#: The region that owns and lends the aids; printed in every document's header.
REGION_NAME = "Region Skåne"

FONT = "Helvetica"
FONT_BOLD = "Helvetica-Bold"
MARGIN = 18 * mm
#: reportlab's frame pads its content by 6 pt; the page margins make up for it so text lines up with the header.
FRAME_PADDING = 6
HEADER_HEIGHT = 16 * mm
FOOTER_HEIGHT = 12 * mm
PAGE_WIDTH, PAGE_HEIGHT = A4
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN


def untranslated(text: str) -> str:
    """The default *translate*: the English source text as it is."""
    return text


@dataclass(frozen=True)
class Party:
    """A name with its postal address and how to reach it (a unit, a supplier, a borrower)."""

    name: str
    street: str = ""
    postal_code: str = ""
    city: str = ""
    phone: str = ""
    email: str = ""

    def address_lines(self) -> list[str]:
        lines = [self.name, self.street, f"{self.postal_code} {self.city}".strip()]
        return [line for line in lines if line]


def format_date(day: dt.date | None) -> str:
    return day.isoformat() if day else ""


def text(value: object) -> str:
    """*value* made safe for a reportlab paragraph (which reads a small markup language)."""
    return escape(str(value))


# ---------------------------------------------------------------------------------------------- styles


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    small: ParagraphStyle
    heading: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_head: ParagraphStyle
    cell_head_right: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> Styles:
    body = ParagraphStyle("body", fontName=FONT, fontSize=10, leading=13, spaceAfter=4)
    small = ParagraphStyle("small", parent=body, fontSize=8.5, leading=11, spaceAfter=2)
    heading = ParagraphStyle(
        "heading", parent=body, fontName=FONT_BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4
    )
    cell = ParagraphStyle("cell", parent=body, fontSize=8.5, leading=10.5, spaceAfter=0)
    cell_right = ParagraphStyle("cell_right", parent=cell, alignment=TA_RIGHT)
    cell_head = ParagraphStyle("cell_head", parent=cell, fontName=FONT_BOLD)
    cell_head_right = ParagraphStyle("cell_head_right", parent=cell_head, alignment=TA_RIGHT)
    return Styles(body, small, heading, cell, cell_right, cell_head, cell_head_right)


def paragraph(value: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain text (escaped; line breaks kept)."""
    return Paragraph(text(value).replace("\n", "<br/>"), style or styles().body)


def heading(value: str) -> Paragraph:
    return Paragraph(text(value), styles().heading)


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


CELL_PADDING = 3  # points, left and right of every cell


def fit_header(header: Sequence[str], widths_mm: Sequence[float]) -> list[float]:
    """Column widths (mm) in which no heading word is broken ("Beställnin/g"): a column too narrow for
    its longest heading word takes the room from the widest column; the table keeps its width."""
    style = styles().cell_head
    needed = [
        max((stringWidth(word, style.fontName, style.fontSize) for word in title.split()), default=0.0) / mm
        + 2 * CELL_PADDING / mm
        + 0.5
        for title in header
    ]
    widths = list(widths_mm)
    for index, need in enumerate(needed):
        missing = need - widths[index]
        if missing <= 0:
            continue
        widest = max(range(len(widths)), key=lambda i: widths[i] - needed[i])
        if widest == index or widths[widest] - missing < needed[widest]:
            continue  # no room to take: the heading breaks rather than another one
        widths[index] += missing
        widths[widest] -= missing
    return widths


def table(
    header: Sequence[str],
    rows: Iterable[Sequence[str]],
    widths_mm: Sequence[float],
    *,
    right: Iterable[int] = (),
    footer: Sequence[str] | None = None,
) -> Table:
    """A grid of plain-text cells with a bold header row (repeated on every page); *right* lists the
    columns aligned right (numbers), *footer* an optional bold last row (a total)."""
    s = styles()
    right_columns = set(right)

    def cells(values: Sequence[str], bold: bool) -> list[Paragraph]:
        out = []
        for index, value in enumerate(values):
            if bold:
                style = s.cell_head_right if index in right_columns else s.cell_head
            else:
                style = s.cell_right if index in right_columns else s.cell
            out.append(Paragraph(text(value).replace("\n", "<br/>"), style))
        return out

    data = [cells(header, True)] + [cells(row, False) for row in rows]
    commands: list[tuple[Any, ...]] = [
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    if len(data) > 2:
        commands.append(("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f2f2")]))
    if footer is not None:
        data.append(cells(footer, True))
        commands.append(("LINEABOVE", (0, -1), (-1, -1), 0.8, colors.black))
    widths = fit_header(header, widths_mm)
    grid = Table(data, colWidths=[w * mm for w in widths], repeatRows=1, hAlign="LEFT")
    grid.setStyle(TableStyle(commands))
    return grid


def columns(left: Sequence[Any], right: Sequence[Any]) -> Table:
    """Two blocks of flowables side by side (e.g. the supplier beside the ordering clinic)."""
    grid = Table([[list(left), list(right)]], colWidths=[CONTENT_WIDTH / 2] * 2, hAlign="LEFT")
    grid.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 6),
            ]
        )
    )
    return grid


def signature_lines(labels: Sequence[str]) -> Table:
    """Blank lines to sign on, side by side with a gap between them, each with its label underneath."""
    s = styles()
    gap = 8 * mm
    width = (CONTENT_WIDTH - gap * (len(labels) - 1)) / len(labels)
    widths: list[float] = []
    row: list[Any] = []
    for index, label in enumerate(labels):
        if index:
            widths.append(gap)
            row.append("")
        widths.append(width)
        row.append(Paragraph(text(label), s.small))
    grid = Table([[""] * len(row), row], colWidths=widths, rowHeights=[14 * mm, None], hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 0),
    ]
    commands += [
        ("LINEBELOW", (column, 0), (column, 0), 0.6, colors.black) for column in range(0, len(row), 2)
    ]
    grid.setStyle(TableStyle(commands))
    return grid


# ---------------------------------------------------------------------------------------------- frame


@dataclass(frozen=True)
class Frame:
    """What the header and footer print on every page (already translated)."""

    title: str
    region: str
    unit: str
    reference: str  # e.g. "Purchase order 26480012" or the date; printed top right
    printed: str  # the footer's left text: "Printed 2026-11-23"
    page_template: str  # "Page {page} of {pages}", translated


def _frame_painter(frame: Frame) -> type[Canvas]:
    """A canvas class that defers each page until the end, so the footer can say how many pages there are."""

    class FramedCanvas(Canvas):
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for number, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                self._paint(number, total)
                super().showPage()
            super().save()

        def _paint(self, number: int, total: int) -> None:
            top = PAGE_HEIGHT - MARGIN
            self.setFont(FONT_BOLD, 10)
            self.drawString(MARGIN, top, frame.region)
            self.setFont(FONT, 9)
            self.drawString(MARGIN, top - 12, frame.unit)
            self.setFont(FONT_BOLD, 15)
            self.drawString(MARGIN, top - 32, frame.title)
            self.setFont(FONT, 9)
            self.drawRightString(PAGE_WIDTH - MARGIN, top, frame.reference)
            self.setLineWidth(0.6)
            self.line(MARGIN, top - 38, PAGE_WIDTH - MARGIN, top - 38)
            bottom = MARGIN - 4
            self.line(MARGIN, bottom + 10, PAGE_WIDTH - MARGIN, bottom + 10)
            self.setFont(FONT, 8)
            self.drawString(MARGIN, bottom, f"{frame.title} \u2013 {frame.printed}")
            self.drawRightString(
                PAGE_WIDTH - MARGIN, bottom, frame.page_template.format(page=number, pages=total)
            )

    return FramedCanvas


def page_template(translate: Translate) -> str:
    return translate(QT_TRANSLATE_NOOP("documents", "Page {page} of {pages}"))


def render(frame: Frame, story: list[Any], *, author: str = "") -> bytes:
    """The PDF of *story* in the shared page frame."""
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN - FRAME_PADDING,
        rightMargin=MARGIN - FRAME_PADDING,
        topMargin=MARGIN + HEADER_HEIGHT,
        bottomMargin=MARGIN + FOOTER_HEIGHT,
        title=frame.title,
        author=author or frame.unit,
        creator="Hearing Desk",
    )
    document.build(story, canvasmaker=_frame_painter(frame))
    return buffer.getvalue()


# ---------------------------------------------------------------------------------------------- sheet

ZEBRA = colors.HexColor("#f2f2f2")  # every second table row


@dataclass(frozen=True)
class TextStyle:
    """Font, size, leading and the space around a block of text drawn on a ``Sheet``."""

    font: str
    size: float
    leading: float
    space_before: float = 0
    space_after: float = 0

    @classmethod
    def of(cls, style: ParagraphStyle) -> TextStyle:
        """The same look as a platypus paragraph style (so both ways of laying out match)."""
        return cls(style.fontName, style.fontSize, style.leading, style.spaceBefore, style.spaceAfter)


@lru_cache(maxsize=1)
def text_styles() -> dict[str, TextStyle]:
    s = styles()
    return {
        "body": TextStyle.of(s.body),
        "heading": TextStyle.of(s.heading),
        "cell": TextStyle.of(s.cell),
        "cell_head": TextStyle.of(s.cell_head),
    }


def wrap(value: str, style: TextStyle, width: float) -> list[str]:
    """The lines *value* takes in *width* points; its own line breaks are kept."""
    if "\n" not in value and stringWidth(value, style.font, style.size) <= width:
        return [value]  # most cells: one measurement instead of one per word
    lines: list[str] = []
    for part in value.split("\n"):
        lines.extend(simpleSplit(part, style.font, style.size, width) or [""])
    return lines


#: A block of text: its style and the text (line breaks kept).
Block = tuple[TextStyle, str]


class Sheet:
    """A document drawn straight onto the canvas inside the shared page frame, top to bottom; a block or a
    table row that does not fit on the page starts the next one (a table repeats its heading row there)."""

    def __init__(self, frame: Frame, *, author: str = "") -> None:
        self._buffer = io.BytesIO()
        self.canvas = _frame_painter(frame)(self._buffer, pagesize=A4)
        self.canvas.setTitle(frame.title)
        self.canvas.setAuthor(author or frame.unit)
        self.canvas.setCreator("Hearing Desk")
        self._top = PAGE_HEIGHT - MARGIN - HEADER_HEIGHT - FRAME_PADDING
        self._bottom = MARGIN + FOOTER_HEIGHT + FRAME_PADDING
        self.y = self._top

    def finish(self) -> bytes:
        """The PDF (the sheet cannot be drawn on afterwards)."""
        self.canvas.showPage()
        self.canvas.save()
        return self._buffer.getvalue()

    def _new_page(self) -> None:
        self.canvas.showPage()
        self.y = self._top

    def _room_for(self, height: float) -> None:
        if self.y - height < self._bottom and self.y < self._top:
            self._new_page()

    def _draw_lines(
        self, x: float, top: float, lines: Sequence[str], style: TextStyle, *, right_edge: float | None = None
    ) -> None:
        canvas = self.canvas
        canvas.setFont(style.font, style.size)
        baseline = top - style.size
        for line in lines:
            if right_edge is None:
                canvas.drawString(x, baseline, line)
            else:
                canvas.drawRightString(right_edge, baseline, line)
            baseline -= style.leading

    def _block_height(self, blocks: Sequence[Block], width: float) -> tuple[float, list[list[str]]]:
        wrapped = [wrap(value, style, width) for style, value in blocks]
        height = 0.0
        for index, ((style, _value), lines) in enumerate(zip(blocks, wrapped, strict=True)):
            height += (style.space_before if index else 0) + len(lines) * style.leading
            height += style.space_after if index < len(blocks) - 1 else 0  # as platypus stacks a table cell
        return height, wrapped

    def _draw_block(self, x: float, top: float, blocks: Sequence[Block], wrapped: list[list[str]]) -> None:
        for index, ((style, _value), lines) in enumerate(zip(blocks, wrapped, strict=True)):
            top -= style.space_before if index else 0
            self._draw_lines(x, top, lines, style)
            top -= len(lines) * style.leading + style.space_after

    def blocks(self, blocks: Sequence[Block]) -> None:
        """Blocks of text across the page, one under the other."""
        for style, value in blocks:
            lines = wrap(value, style, CONTENT_WIDTH)
            self.y -= style.space_before if self.y < self._top else 0
            self._room_for(len(lines) * style.leading)
            self._draw_lines(MARGIN, self.y, lines, style)
            self.y -= len(lines) * style.leading + style.space_after

    def columns(self, left: Sequence[Block], right: Sequence[Block], *, padding: float = 3) -> None:
        """Two stacks of blocks side by side (e.g. the supplier beside the ordering clinic)."""
        width = CONTENT_WIDTH / 2
        left_height, left_lines = self._block_height(left, width - 6)
        right_height, right_lines = self._block_height(right, width - 6)
        height = max(left_height, right_height) + 2 * padding
        self._room_for(height)
        self._draw_block(MARGIN, self.y - padding, left, left_lines)
        self._draw_block(MARGIN + width, self.y - padding, right, right_lines)
        self.y -= height

    def table(
        self,
        header: Sequence[str],
        rows: Iterable[Sequence[str]],
        widths_mm: Sequence[float],
        *,
        right: Iterable[int] = (),
        footer: Sequence[str] | None = None,
    ) -> None:
        """A grid of plain-text cells with a bold heading row (repeated on every page), every second row
        shaded; *right* lists the columns aligned right (numbers), *footer* an optional bold last row."""
        ts = text_styles()
        cell, head = ts["cell"], ts["cell_head"]
        widths = [w * mm for w in fit_header(header, widths_mm)]
        lefts = [MARGIN + sum(widths[:index]) for index in range(len(widths))]
        aligned_right = set(right)
        top_pad, bottom_pad = 2.0, 3.0

        def layout(values: Sequence[str], style: TextStyle) -> tuple[float, list[list[str]]]:
            lines = [
                wrap(value, style, width - 2 * CELL_PADDING)
                for value, width in zip(values, widths, strict=True)
            ]
            return max(len(cell_lines) for cell_lines in lines) * style.leading + top_pad + bottom_pad, lines

        def draw(height: float, lines: list[list[str]], style: TextStyle, shade: bool) -> None:
            canvas = self.canvas
            if shade:
                canvas.setFillColor(ZEBRA)
                canvas.rect(MARGIN, self.y - height, sum(widths), height, stroke=0, fill=1)
                canvas.setFillColor(colors.black)
            for index, cell_lines in enumerate(lines):
                left = lefts[index] + CELL_PADDING
                edge = lefts[index] + widths[index] - CELL_PADDING if index in aligned_right else None
                self._draw_lines(left, self.y - top_pad, cell_lines, style, right_edge=edge)
            self.y -= height

        def rule(y: float) -> None:
            self.canvas.setLineWidth(0.8)
            self.canvas.line(MARGIN, y, MARGIN + sum(widths), y)

        head_height, head_lines = layout(header, head)

        def heading_row() -> None:
            self._room_for(head_height)
            draw(head_height, head_lines, head, shade=False)
            rule(self.y)

        heading_row()
        body = [layout(row, cell) for row in rows]
        zebra = len(body) > 1
        for number, (height, lines) in enumerate(body, start=1):
            if self.y - height < self._bottom:
                self._new_page()
                heading_row()
            draw(height, lines, cell, shade=zebra and number % 2 == 0)
        if footer is not None:
            height, lines = layout(footer, head)
            if self.y - height < self._bottom:
                self._new_page()
                heading_row()
            rule(self.y)
            draw(height, lines, head, shade=zebra and (len(body) + 1) % 2 == 0)
