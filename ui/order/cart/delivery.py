"""The cart's delivery details (R11): method, address, contact and the order comment.

What the clerk types is kept ("dirty") until it is saved: a cart read meanwhile never overwrites it.
"""

from __future__ import annotations

from app.orders import DELIVERY_METHODS, Cart, DeliveryDetails
from db.models.enums import OrderKind
from ui.labels import delivery_method_label
from ui.qt import QComboBox, QFormLayout, QGroupBox, QLineEdit, QWidget, Signal
from ui.widgets import find_data


class DeliveryBox(QGroupBox):
    sig_edited = Signal()  # the clerk finished editing a field or chose a method: save if complete

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Delivery"))
        self.dirty = False
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("cart_delivery_method")
        for key in DELIVERY_METHODS:
            self.method_combo.addItem(delivery_method_label(key), key)
        self.delivery_name = self._edit("cart_delivery_name")
        self.delivery_street = self._edit("cart_delivery_street")
        self.delivery_postal_code = self._edit("cart_delivery_postal_code")
        self.delivery_city = self._edit("cart_delivery_city")
        self.contact_name = self._edit("cart_contact_name")
        self.contact_phone = self._edit("cart_contact_phone")
        self.order_comment = self._edit("cart_order_comment")
        self.order_comment.setPlaceholderText(self.tr("Not for delivery information"))
        form = QFormLayout(self)
        form.addRow(self.tr("Delivery method:"), self.method_combo)
        form.addRow(self.tr("Name:"), self.delivery_name)
        form.addRow(self.tr("Street:"), self.delivery_street)
        form.addRow(self.tr("Postal code:"), self.delivery_postal_code)
        form.addRow(self.tr("City:"), self.delivery_city)
        form.addRow(self.tr("Contact:"), self.contact_name)
        form.addRow(self.tr("Contact phone:"), self.contact_phone)
        form.addRow(self.tr("Order comment:"), self.order_comment)
        self.method_combo.activated.connect(self._method_chosen)
        for edit in self.edits():
            edit.textEdited.connect(self._touched)
            edit.editingFinished.connect(self.sig_edited)
            edit.returnPressed.connect(self.focusNextChild)

    def _edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        return edit

    def edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.delivery_name,
            self.delivery_street,
            self.delivery_postal_code,
            self.delivery_city,
            self.contact_name,
            self.contact_phone,
            self.order_comment,
        )

    def tab_chain(self) -> list[QWidget]:
        return [self.method_combo, *self.edits()]

    def _touched(self) -> None:
        self.dirty = True

    def _method_chosen(self) -> None:
        self.dirty = True
        self.sig_edited.emit()

    def details(self) -> DeliveryDetails:
        """What the form says now."""
        return DeliveryDetails(
            method=self.method_combo.currentData() or "clinic",
            name=self.delivery_name.text().strip(),
            street=self.delivery_street.text().strip(),
            postal_code=self.delivery_postal_code.text().strip(),
            city=self.delivery_city.text().strip(),
            contact_name=self.contact_name.text().strip(),
            contact_phone=self.contact_phone.text().strip(),
            comment=self.order_comment.text().strip(),
        )

    def complete(self) -> bool:
        """False while another address is still being typed (saved once complete, or checked at the send)."""
        details = self.details()
        return details.method != "other_address" or bool(
            details.street and details.postal_code and details.city
        )

    def show_cart(self, cart: Cart | None) -> None:
        if not self.dirty:
            self._fill(cart.delivery if cart is not None else DeliveryDetails())
        own_stock = cart is not None and cart.kind in (
            OrderKind.OWN_STOCK_PRESCRIPTION,
            OrderKind.INDIVIDUAL_DELIVERY,
        )
        self.setEnabled(cart is not None and not own_stock)
        self.setToolTip(
            self.tr("A withdrawal from own stock is handed out at the desk: no delivery to choose.")
            if own_stock
            else ""
        )
        # R10d and R5: a replenishment and a protected identity are always delivered to the clinic.
        fixed = cart is not None and (
            cart.kind is OrderKind.REPLENISHMENT or (cart.patient is not None and cart.patient.protected)
        )
        self.method_combo.setEnabled(not fixed)

    def _fill(self, delivery: DeliveryDetails) -> None:
        self.method_combo.setCurrentIndex(max(find_data(self.method_combo, delivery.method), 0))
        values = (
            delivery.name,
            delivery.street,
            delivery.postal_code,
            delivery.city,
            delivery.contact_name,
            delivery.contact_phone,
            delivery.comment,
        )
        for edit, value in zip(self.edits(), values, strict=True):
            if edit.text() != value:
                edit.setText(value)
