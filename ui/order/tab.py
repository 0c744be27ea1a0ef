"""The Order tab: a page per task of the reception desk's ordering day."""

from __future__ import annotations

import uuid

from app.organisation import WorkContext
from app.scanning.lookup import FoundDocument
from ui.operations import OperationRunner
from ui.order.cart import CartPage
from ui.order.fees import FeesPage
from ui.order.numbers import Numbers
from ui.order.receipt import ReceiptPage
from ui.order.search import OrderSearchPage
from ui.qt import QTabWidget, QVBoxLayout, QWidget, Signal


class OrderTab(QWidget):
    sig_status = Signal(str)

    def __init__(self, runner: OperationRunner, numbers: Numbers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pages = QTabWidget()
        self.pages.setObjectName("order_pages")
        self.pages.setDocumentMode(True)
        self.cart_page = CartPage(runner, numbers)
        self.search_page = OrderSearchPage(runner, numbers)
        self.receipt_page = ReceiptPage(runner)
        self.fees_page = FeesPage(runner)
        self.pages.addTab(self.cart_page, self.tr("New order"))
        self.pages.addTab(self.search_page, self.tr("Orders"))
        self.pages.addTab(self.receipt_page, self.tr("Goods receipt"))
        self.pages.addTab(self.fees_page, self.tr("Fees"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)
        for page in (self.cart_page, self.search_page, self.receipt_page, self.fees_page):
            page.sig_status.connect(self.sig_status)

    def set_context(self, context: WorkContext) -> None:
        for page in (self.cart_page, self.search_page, self.receipt_page, self.fees_page):
            page.set_context(context)

    def new_order_for(self, patient_id: uuid.UUID) -> None:
        """ "New order for this patient" from the Patient tab."""
        self.pages.setCurrentWidget(self.cart_page)
        self.cart_page.start_for_patient(patient_id)

    def show_document(self, document: FoundDocument) -> None:
        """A scanned order or purchase order: the goods receipt with it loaded when it awaits receipt, else
        the order in the Orders page."""
        if document.awaits_receipt:
            self.pages.setCurrentWidget(self.receipt_page)
            self.receipt_page.load_number(document.number)
        else:
            self.pages.setCurrentWidget(self.search_page)
            self.search_page.show_order(document.order_id or document.id)
