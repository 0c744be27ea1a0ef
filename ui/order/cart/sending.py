"""Sending the cart and what follows: the order's number, purchase orders per supplier (R14) and the loan
agreement for aids handed out at once (R10b/c).

The result of the last send is said once, here, and goes when the next cart opens.
"""

from __future__ import annotations

import uuid

from app.orders import PurchaseOrderRef, SentOrder
from app.organisation import WorkContext
from ui.messages import MessageBoxes
from ui.operations import OperationRunner
from ui.operations import documents as document_ops
from ui.operations import orders as order_ops
from ui.order.numbers import Numbers
from ui.qt import QHBoxLayout, QLabel, QPushButton, Qt, QWidget, Signal


class SendBar(QWidget):
    sig_send = Signal()  # the clerk asked to send the cart
    sig_purchase_orders = Signal(object)  # tuple[PurchaseOrderRef, ...] created after a send

    def __init__(self, runner: OperationRunner, numbers: Numbers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._numbers = numbers
        self.send_button = QPushButton(self.tr("&Send order"))
        self.send_button.setObjectName("cart_send")
        self.send_button.setToolTip(self.tr("Send the order (Ctrl+Enter)"))
        self.last_sent = QLabel()
        self.last_sent.setObjectName("cart_last_sent")
        self.last_sent.setWordWrap(True)
        self.last_sent.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.last_sent, 1)
        layout.addWidget(self.send_button)
        self.send_button.clicked.connect(self.sig_send)

    def clear_result(self) -> None:
        """A new cart is open: the previous order's result is no longer news."""
        self.last_sent.clear()

    def _add_result(self, text: str) -> None:
        self.last_sent.setText(f"{self.last_sent.text()} {text}".strip())

    def show_sent(self, sent: SentOrder) -> None:
        self.last_sent.setText(self.tr("Order {number} sent.").format(number=sent.number))

    def follow_up(self, sent: SentOrder, context: WorkContext, patient_id: uuid.UUID | None) -> None:
        """Offer what the send calls for: purchase orders, the loan agreement."""
        if sent.needs_purchase_orders:
            self.offer_purchase_orders(context, sent.order_id, sent.number)
        if sent.handed_out:
            self.offer_loan_agreement(context, sent.order_id, patient_id)

    def offer_purchase_orders(self, context: WorkContext, order_id: uuid.UUID, order_number: str) -> None:
        """R14: lines through warehouse 750: one purchase order per supplier, created when the clerk says so."""
        if not MessageBoxes.ask(
            self,
            self.tr("Create purchase orders"),
            self.tr(
                "Order {number} goes through warehouse 750. Create purchase orders now? "
                "You then make sure each supplier gets its purchase order."
            ).format(number=order_number),
        ):
            self._add_result(self.tr("Purchase orders can be created later on the Orders page."))
            return

        def created(refs: tuple[PurchaseOrderRef, ...]) -> None:
            listing = ", ".join(f"{ref.number} ({ref.supplier_name})" for ref in refs)
            text = self.tr("Purchase orders created: {list}.").format(list=listing)
            self._add_result(text)
            self.sig_purchase_orders.emit(refs)
            if MessageBoxes.ask(
                self,
                self.tr("Purchase orders created"),
                self.tr(
                    "{text} Open them as PDF now to print? Send each to its supplier by letter or e-mail."
                ).format(text=text),
            ):
                for ref in refs:
                    document_ops.print_purchase_order(
                        self._runner, purchase_order_id=ref.id, number=ref.number, parent=self
                    )

        order_ops.create_purchase_orders(
            self._runner,
            context=context,
            order_id=order_id,
            numbers=self._numbers,
            on_success=created,
            on_error=lambda sentence: MessageBoxes.warn(self, self.tr("Create purchase orders"), sentence),
        )

    def offer_loan_agreement(
        self, context: WorkContext, order_id: uuid.UUID, patient_id: uuid.UUID | None
    ) -> None:
        """The aids were handed out at once (R10b/c): offer the loan agreement for the patient to sign."""
        if patient_id is None:
            return
        if MessageBoxes.ask(
            self,
            self.tr("Loan agreement"),
            self.tr("The aids were handed out. Print the loan agreement now for the patient to sign?"),
        ):
            document_ops.print_loan_agreement(
                self._runner, patient_id=patient_id, context=context, order_id=order_id, parent=self
            )
