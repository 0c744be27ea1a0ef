"""Print labels for individuals: the "Print labels" dialog any screen opens with the individuals' ids.

The dialog reads and renders the labels on a worker (``app.documents.individual_label``), shows the first
page, and offers the PDF (saved in the documents folder and opened, as every document) or the printer
through Qt's print dialog. A printer gets the PDF's pages as images at its own resolution (up to 600 dpi;
a bar module is a whole number of 300 dpi dots, so the bars stay exact), rasterised by PDFium: the printed
label is the PDF's label, with no second drawing of it. The printer and its page size are remembered per
layout (label printer or A4 sheet) in ``printing.ini`` in the workstation's data directory, so the next
print goes to the same label printer on the same labels.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from ui.documents import documents_dir, open_document, translate_documents
from ui.operations import OperationRunner
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QImage,
    QLabel,
    QMarginsF,
    QPageLayout,
    QPageSize,
    QPainter,
    QPixmap,
    QPrintDialog,
    QPrinter,
    QPushButton,
    QRadioButton,
    QRectF,
    QSettings,
    QSizeF,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import ERROR_STYLE

log = logging.getLogger(__name__)

SETTINGS_FILE = "printing.ini"
PREVIEW_DPI = 150
MAX_PRINT_DPI = 600

# The layouts' values as app.documents.individual_label.LabelLayout has them (that module loads reportlab,
# which the program imports only when a document is first asked for).
LABEL_PRINTER = "label_printer"
A4_SHEET = "a4_sheet"
#: The page each layout is made for, until the clerk has chosen another in the print dialog.
DEFAULT_PAGE_MM = {LABEL_PRINTER: (62.0, 29.0), A4_SHEET: (210.0, 297.0)}


def page_images(pdf: bytes, dpi: float, *, pages: int | None = None) -> list[QImage]:
    """The pages of *pdf* (the first *pages* of them) as images at *dpi*, rendered by PDFium."""
    import pypdfium2

    document = pypdfium2.PdfDocument(pdf)
    try:
        images = []
        for index in range(min(len(document), pages or len(document))):
            page = document[index]
            bitmap = page.render(scale=dpi / 72, rev_byteorder=True)  # RGB, no alpha: white paper
            image = QImage(
                bytes(bitmap.buffer), bitmap.width, bitmap.height, bitmap.stride, QImage.Format.Format_RGB888
            ).copy()  # its own pixels, not the bitmap's buffer
            image.setDotsPerMeterX(round(dpi / 0.0254))
            image.setDotsPerMeterY(round(dpi / 0.0254))
            images.append(image)
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()


class LabelPrinterSettings:
    """The printer and page size chosen last for a layout, kept between starts (QSettings in an ini file)."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = path or documents_dir().parent / SETTINGS_FILE
        self._settings = QSettings(str(self.path), QSettings.Format.IniFormat)

    def apply(self, printer: QPrinter, layout: str) -> None:
        """*printer* set to the remembered printer and page for *layout*, or to the layout's own page."""
        s = self._settings
        name = str(s.value(f"{layout}/printer_name", "") or "")
        if name:
            printer.setPrinterName(name)
        default_width, default_height = DEFAULT_PAGE_MM[layout]
        try:
            width = float(str(s.value(f"{layout}/page_width_mm", default_width)))
            height = float(str(s.value(f"{layout}/page_height_mm", default_height)))
            landscape = str(s.value(f"{layout}/orientation", "portrait")) == "landscape"
        except ValueError:  # an ini edited by hand
            width, height, landscape = default_width, default_height, False
        printer.setPageSize(
            QPageSize(
                QSizeF(width, height), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.FuzzyMatch
            )
        )
        printer.setPageOrientation(
            QPageLayout.Orientation.Landscape if landscape else QPageLayout.Orientation.Portrait
        )
        printer.setFullPage(True)
        printer.setPageMargins(QMarginsF(0, 0, 0, 0))

    def remember(self, printer: QPrinter, layout: str) -> None:
        page = printer.pageLayout()
        size = page.pageSize().size(QPageSize.Unit.Millimeter)
        s = self._settings
        s.setValue(f"{layout}/printer_name", printer.printerName())
        s.setValue(f"{layout}/page_width_mm", round(size.width(), 2))
        s.setValue(f"{layout}/page_height_mm", round(size.height(), 2))
        landscape = page.orientation() is QPageLayout.Orientation.Landscape
        s.setValue(f"{layout}/orientation", "landscape" if landscape else "portrait")
        s.sync()


def print_pages(printer: QPrinter, pdf: bytes) -> int:
    """Every page of *pdf* onto *printer*, each scaled to fit its paper and centred; the pages printed."""
    printer.setFullPage(True)
    images = page_images(pdf, min(printer.resolution(), MAX_PRINT_DPI))
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        for index, image in enumerate(images):
            if index:
                printer.newPage()
            area = painter.viewport()
            scale = min(area.width() / image.width(), area.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            target = QRectF((area.width() - width) / 2, (area.height() - height) / 2, width, height)
            painter.drawImage(target, image)
    finally:
        painter.end()
    return len(images)


@dataclass(frozen=True)
class RenderedLabels:
    layout: str
    pdf: bytes
    labels: int
    pages: int
    preview: QImage  # the first page


class PrintLabelsDialog(QDialog):
    """Labels of the individuals given: preview, save as PDF, print."""

    sig_ready = Signal(object)  # RenderedLabels
    sig_printed = Signal(int)  # pages sent to the printer
    sig_saved = Signal(object)  # the saved PDF's Path

    def __init__(
        self, runner: OperationRunner, individual_ids: Sequence[uuid.UUID], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._runner = runner
        self.individual_ids = tuple(individual_ids)
        self.rendered: RenderedLabels | None = None
        self.settings = LabelPrinterSettings()
        self.setObjectName("print_labels_dialog")
        self.setWindowTitle(self.tr("Print labels"))
        self._setup_widgets()
        self._setup_layout()
        self._connect_signals()
        self._render()

    def _setup_widgets(self) -> None:
        self.label_printer_choice = QRadioButton(self.tr("Label printer: one 62 × 29 mm label a page"))
        self.label_printer_choice.setObjectName("labels_label_printer")
        self.label_printer_choice.setChecked(True)
        self.sheet_choice = QRadioButton(self.tr("A4 sheet: 24 labels of 70 × 37 mm a page"))
        self.sheet_choice.setObjectName("labels_a4_sheet")
        self.summary = QLabel(self.tr("Preparing the labels…"))
        self.summary.setObjectName("labels_summary")
        self.preview = QLabel()
        self.preview.setObjectName("labels_preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(420, 200)
        self.preview.setStyleSheet("background:#8a8a8a; padding:12px;")
        self.message = QLabel()
        self.message.setObjectName("labels_message")
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save as PDF"))
        self.save_button.setObjectName("labels_save")
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.setObjectName("labels_print")
        self.print_button.setDefault(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        close = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        self._enable(False)

    def _setup_layout(self) -> None:
        choices = QHBoxLayout()
        choices.addWidget(self.label_printer_choice)
        choices.addWidget(self.sheet_choice)
        choices.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(self.summary)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.label_printer_choice.toggled.connect(self._render)
        self.save_button.clicked.connect(self.save_pdf)
        self.print_button.clicked.connect(self.print_labels)
        self.buttons.rejected.connect(self.reject)

    @property
    def layout_choice(self) -> str:
        return LABEL_PRINTER if self.label_printer_choice.isChecked() else A4_SHEET

    def _enable(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    # -- rendering ---------------------------------------------------------------------------------

    def _render(self) -> None:
        self._enable(False)
        self.rendered = None
        chosen = self.individual_ids
        layout = self.layout_choice

        def work(session: Session) -> RenderedLabels:
            from app.documents.individual_label import (
                LabelLayout,
                individual_labels,
                render_individual_labels,
            )

            labels = individual_labels(session, chosen)
            pdf = render_individual_labels(labels, translate_documents, layout=LabelLayout(layout))
            import pypdfium2

            document = pypdfium2.PdfDocument(pdf)
            pages = len(document)
            document.close()
            return RenderedLabels(layout, pdf, len(labels), pages, page_images(pdf, PREVIEW_DPI, pages=1)[0])

        self._runner.read(work, on_success=self._rendered, on_error=self._failed, key=(self, "labels"))

    def _rendered(self, rendered: RenderedLabels) -> None:
        self.rendered = rendered
        self.summary.setText(
            self.tr("%n labels", "", rendered.labels) + ", " + self.tr("%n pages", "", rendered.pages)
        )
        pixmap = QPixmap.fromImage(rendered.preview)
        pixmap.setDevicePixelRatio(PREVIEW_DPI / 96)  # about real size on a 96 dpi screen
        self.preview.setPixmap(pixmap)
        self.message.clear()
        self.message.setStyleSheet("")
        self._enable(True)
        self.sig_ready.emit(rendered)

    def _failed(self, sentence: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(sentence)

    def done(self, result: int) -> None:
        self._runner.supersede((self, "labels"))  # a closed dialog takes no late preview
        super().done(result)

    # -- printing and saving -----------------------------------------------------------------------

    def printer(self) -> QPrinter:
        """A printer set up as last time for the chosen layout."""
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self.settings.apply(printer, self.layout_choice)
        return printer

    def print_labels(self) -> None:
        """The Print… button: Qt's print dialog, then the labels to the printer chosen there."""
        if self.rendered is None:
            return
        printer = self.printer()
        dialog = QPrintDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print labels"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        """The labels onto *printer* (set up by the print dialog, or a PDF printer), whose printer and
        page size are remembered for the next time."""
        rendered = self.rendered
        if rendered is None:
            return
        pages = print_pages(printer, rendered.pdf)
        if not pages:
            self._failed(self.tr("The printer could not be started; check that it is on and try again."))
            return
        self.settings.remember(printer, rendered.layout)
        log.info("labels printed: %d labels on %d pages", rendered.labels, pages)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("%n labels sent to the printer.", "", rendered.labels))
        self.sig_printed.emit(pages)

    def save_pdf(self) -> None:
        rendered = self.rendered
        if rendered is None:
            return
        data = rendered.pdf

        def saved(path: Path) -> None:
            self.message.setStyleSheet("")
            self.message.setText(self.tr("Saved as {path}.").format(path=str(path)))
            self.sig_saved.emit(path)

        open_document(
            self._runner,
            build=lambda _session: data,
            file_name=self.tr("individual-labels"),
            parent=self,
            on_done=saved,
            on_error=self._failed,
        )
