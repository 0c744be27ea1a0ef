"""Labels for the individuals just received, printed from the goods-receipt page through the "Print labels"
dialog: to a PDF printer (Qt's QPrinter, as the print dialog would hand it over), saved as PDF, and the
printer's page size remembered for the next time."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pypdfium2
import pytest
import zxingcpp
from pypdf import PdfReader

from ui.documents import Documents
from ui.individual_labels import LABEL_PRINTER, PrintLabelsDialog
from ui.main_window import MainWindow
from ui.order.receipt import ReceiptPage
from ui.qt import QLineEdit, QPageSize, QPrinter, QSizeF, Qt

pytestmark = pytest.mark.gui


@pytest.fixture
def no_viewer() -> Iterator[None]:
    Documents.open_files = False
    yield
    Documents.open_files = True


def _receive_two_devices(qtbot, window: MainWindow, numbers: dict[str, str]) -> ReceiptPage:  # type: ignore[no-untyped-def]
    with qtbot.wait_signal(window.sig_ready, timeout=10000):
        window.sign_in("anna.audionom", "HM-LUND")
    page: ReceiptPage = window.order_tab.receipt_page
    window.tabs.setCurrentWidget(window.order_tab)
    window.order_tab.pages.setCurrentWidget(page)
    assert not page.labels_button.isVisible()
    with qtbot.wait_signal(page.sig_delivery_shown, timeout=10000):
        qtbot.keyClicks(page.number_edit, numbers["replenishment_purchase_order"])
        qtbot.keyClick(page.number_edit, Qt.Key.Key_Return)
    for text in ("991000001", "PHX-0001", "880000002", "PHX-0002"):  # a 99… number too
        field = window.focusWidget()
        assert isinstance(field, QLineEdit)
        qtbot.keyClicks(field, text)
        qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.mouseClick(page.select_all, Qt.MouseButton.LeftButton)
    with qtbot.wait_signal(page.sig_received, timeout=10000):
        qtbot.keyClick(page.receive_button, Qt.Key.Key_Return)
    return page


def _open_dialog(qtbot, page: ReceiptPage) -> PrintLabelsDialog:  # type: ignore[no-untyped-def]
    assert page.labels_button.isVisible()
    assert page.labels_button.text() == "Print labels for the 2 received individuals…"
    qtbot.mouseClick(page.labels_button, Qt.MouseButton.LeftButton)
    dialog = page.label_dialog
    assert dialog is not None and dialog.isVisible()
    qtbot.waitUntil(lambda: dialog.rendered is not None, timeout=20000)
    assert dialog.print_button.isEnabled() and dialog.save_button.isEnabled()
    assert dialog.summary.text() == "2 labels, 2 pages"
    assert not dialog.preview.pixmap().isNull()
    return dialog


def _pdf_printer(dialog: PrintLabelsDialog, path: Path) -> QPrinter:
    """The printer the Print… button's dialog starts from, turned into a PDF printer."""
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    return printer


def _scanned(path: Path) -> list[list[str]]:
    document = pypdfium2.PdfDocument(path.read_bytes())
    try:
        pages = [document[i].render(scale=300 / 72).to_pil() for i in range(len(document))]
    finally:
        document.close()
    return [[result.text for result in zxingcpp.read_barcodes(page)] for page in pages]


def test_print_labels_of_received_individuals_to_a_printer(
    qtbot, window: MainWindow, demo_template: Any, tmp_path: Path, no_viewer: None
) -> None:  # type: ignore[no-untyped-def]
    page = _receive_two_devices(qtbot, window, demo_template[1].numbers)
    dialog = _open_dialog(qtbot, page)

    printer = _pdf_printer(dialog, tmp_path / "printed.pdf")
    size = printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (62, 29)  # the label's own page at first
    with qtbot.wait_signal(dialog.sig_printed, timeout=10000) as printed:
        dialog.print_to(printer)
    assert printed.args == [2]
    assert _scanned(tmp_path / "printed.pdf") == [["991000001"], ["880000002"]]
    assert "2 labels sent to the printer" in dialog.message.text()

    # Another page size chosen in the print dialog is remembered for the next dialog.
    printer = _pdf_printer(dialog, tmp_path / "printed-57.pdf")
    printer.setPageSize(
        QPageSize(QSizeF(57, 32), QPageSize.Unit.Millimeter, "", QPageSize.SizeMatchPolicy.ExactMatch)
    )
    dialog.print_to(printer)
    assert _scanned(tmp_path / "printed-57.pdf") == [["991000001"], ["880000002"]]
    dialog.close()
    qtbot.waitUntil(lambda: page.label_dialog is None, timeout=5000)

    again = _open_dialog(qtbot, page)
    assert again.layout_choice == LABEL_PRINTER
    size = again.printer().pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (57, 32)
    assert again.settings.path.parent == window.data_dir
    again.close()


def test_save_labels_as_pdf_and_as_an_a4_sheet(
    qtbot, window: MainWindow, demo_template: Any, no_viewer: None
) -> None:  # type: ignore[no-untyped-def]
    page = _receive_two_devices(qtbot, window, demo_template[1].numbers)
    dialog = _open_dialog(qtbot, page)
    with qtbot.wait_signal(dialog.sig_ready, timeout=20000):
        qtbot.mouseClick(dialog.sheet_choice, Qt.MouseButton.LeftButton)
    assert dialog.summary.text() == "2 labels, 1 page"
    with qtbot.wait_signal(dialog.sig_saved, timeout=20000) as saved:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    path: Path = saved.args[0]
    reader = PdfReader(io.BytesIO(path.read_bytes()))
    assert len(reader.pages) == 1
    text = " ".join(reader.pages[0].extract_text().split())
    for expected in ("991000001", "880000002", "S/N PHX-0001", "S/N PHX-0002", "Blue – aid centre"):
        assert expected in text
    assert sorted(_scanned(path)[0]) == ["880000002", "991000001"]
    dialog.close()
