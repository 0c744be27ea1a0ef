"""The cart's header: who the order is for, its kind (R10), the prescriber (R11) and the page's one message.

It shows a cart and says what the clerk chose; the cart page makes the writes.
"""

from __future__ import annotations

import uuid

from app.orders import PATIENT_KINDS, Cart, Prescriber
from app.scanning.codes import CodeKind
from db.models.enums import DeliverFrom, OrderKind
from ui.labels import label
from ui.qt import QComboBox, QGridLayout, QGroupBox, QLabel, QLineEdit, Qt, QTimer, QWidget, Signal
from ui.scanning.targets import mark_scan_target, scan_into_line_edit
from ui.widgets import ERROR_STYLE, find_data

KIND_DELAY_MS = 250  # arrowing through the order kinds changes the cart once, where the clerk stops


class RecipientBox(QGroupBox):
    sig_identity_entered = Signal(str)  # the identity number typed or scanned, on Enter
    sig_kind_chosen = Signal(object)  # OrderKind, once the clerk settles on it
    sig_prescriber_chosen = Signal(object)  # uuid.UUID of the prescriber
    sig_default_chosen = Signal(object)  # DeliverFrom: the user's own setting for new patient carts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Recipient and order"))
        self._prescribers: tuple[Prescriber, ...] = ()
        self._setup_widgets()
        self._setup_layout()
        self._connect_signals()

    def _setup_widgets(self) -> None:
        self.identity_edit = QLineEdit()
        self.identity_edit.setObjectName("cart_identity")
        self.identity_edit.setClearButtonEnabled(True)
        self.identity_edit.setPlaceholderText(
            self.tr("Identity number of the recipient — type or scan, Enter")
        )
        self.identity_edit.setMinimumWidth(
            self.identity_edit.fontMetrics().horizontalAdvance(self.identity_edit.placeholderText()) + 40
        )
        self.patient_label = QLabel()
        self.patient_label.setObjectName("cart_patient")
        self.patient_label.setWordWrap(True)
        self.patient_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("cart_kind")
        for kind in (*PATIENT_KINDS, OrderKind.REPLENISHMENT):
            self.kind_combo.addItem(label(kind), kind)
        self.default_combo = QComboBox()
        self.default_combo.setObjectName("cart_default_deliver_from")
        self.default_combo.addItem(self.tr("The aid service"), DeliverFrom.AID_SERVICE)
        self.default_combo.addItem(self.tr("Own stock"), DeliverFrom.OWN_STOCK)
        self.default_combo.setToolTip(
            self.tr("New patient carts start as a prescription delivered from here (your own setting).")
        )
        self.prescriber_combo = QComboBox()
        self.prescriber_combo.setObjectName("cart_prescriber")
        self.prescriber_combo.setToolTip(
            self.tr("You, or a prescriber linked to you when you order in their name.")
        )
        self._kind_timer = QTimer(self)
        self._kind_timer.setSingleShot(True)
        self._kind_timer.setInterval(KIND_DELAY_MS)
        self.message = QLabel()
        self.message.setObjectName("cart_message")
        self.message.setWordWrap(True)
        mark_scan_target(
            self.identity_edit,
            scan_into_line_edit(self.identity_edit),
            frozenset({CodeKind.IDENTITY, CodeKind.RESERVE}),
            what=self.tr("the recipient's identity number field"),
        )

    def _setup_layout(self) -> None:
        grid = QGridLayout(self)
        identity_caption = QLabel(self.tr("&Identity number:"))
        identity_caption.setBuddy(self.identity_edit)
        grid.addWidget(identity_caption, 0, 0)
        grid.addWidget(self.identity_edit, 0, 1)
        grid.addWidget(self.patient_label, 0, 2, 1, 5)
        kind_caption = QLabel(self.tr("Order &kind:"))
        kind_caption.setBuddy(self.kind_combo)
        grid.addWidget(kind_caption, 1, 0)
        grid.addWidget(self.kind_combo, 1, 1)
        prescriber_caption = QLabel(self.tr("&Prescriber:"))
        prescriber_caption.setBuddy(self.prescriber_combo)
        grid.addWidget(prescriber_caption, 1, 2)
        grid.addWidget(self.prescriber_combo, 1, 3)
        default_caption = QLabel(self.tr("My default: deliver from"))
        default_caption.setBuddy(self.default_combo)
        grid.addWidget(default_caption, 1, 4)
        grid.addWidget(self.default_combo, 1, 5)
        grid.addWidget(self.message, 2, 0, 1, 7)
        grid.setColumnStretch(
            6, 1
        )  # the room left over goes after the last field, not between caption and field

    def _connect_signals(self) -> None:
        self.identity_edit.returnPressed.connect(self._identity_entered)
        self.kind_combo.activated.connect(self._kind_timer.start)
        self._kind_timer.timeout.connect(self._kind_settled)
        self.prescriber_combo.activated.connect(self._prescriber_activated)
        self.default_combo.activated.connect(self._default_activated)

    # -- what the clerk chose ----------------------------------------------------------------------

    def _identity_entered(self) -> None:
        text = self.identity_edit.text().strip()
        if text:
            self.sig_identity_entered.emit(text)

    def _kind_settled(self) -> None:
        self.sig_kind_chosen.emit(OrderKind(self.kind_combo.currentData()))

    def _prescriber_activated(self, index: int) -> None:
        prescriber_id = self.prescriber_combo.itemData(index)
        if isinstance(prescriber_id, uuid.UUID):
            self.sig_prescriber_chosen.emit(prescriber_id)

    def _default_activated(self, index: int) -> None:
        self.sig_default_chosen.emit(DeliverFrom(self.default_combo.itemData(index)))

    def identity_text(self) -> str:
        return self.identity_edit.text().strip()

    def focus_identity(self) -> None:
        self.identity_edit.setFocus()
        self.identity_edit.selectAll()

    # -- showing -----------------------------------------------------------------------------------

    def set_prescribers(self, prescribers: tuple[Prescriber, ...], cart: Cart | None) -> None:
        self._prescribers = prescribers
        self.show_prescriber(cart)

    def set_default(self, value: DeliverFrom) -> None:
        index = find_data(self.default_combo, value)
        if index >= 0:
            self.default_combo.setCurrentIndex(index)

    def show_cart(self, cart: Cart | None) -> None:
        self.patient_label.setText(self._recipient_text(cart))
        if cart is not None:
            self.select_kind(cart.kind)
        self.show_prescriber(cart)

    def select_kind(self, kind: OrderKind | None) -> None:
        if kind is None or self._kind_timer.isActive():
            return  # the clerk is still choosing
        index = find_data(self.kind_combo, kind)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    def show_prescriber(self, cart: Cart | None) -> None:
        combo = self.prescriber_combo
        combo.blockSignals(True)
        combo.clear()
        chosen = cart.prescriber if cart is not None else None
        if chosen is None:
            combo.addItem(self.tr("— choose the prescriber —"), None)
        elif chosen.id not in {p.id for p in self._prescribers}:
            combo.addItem(chosen.name, chosen.id)
        for prescriber in self._prescribers:
            combo.addItem(prescriber.name, prescriber.id)
        if chosen is not None:
            combo.setCurrentIndex(find_data(combo, chosen.id))
        combo.blockSignals(False)
        combo.setEnabled(cart is not None and cart.kind is not OrderKind.REPLENISHMENT)

    def _recipient_text(self, cart: Cart | None) -> str:
        if cart is None:
            return self.tr("No cart open: scan the recipient's identity number, or choose a replenishment.")
        where = self.tr("Service location: {name}").format(name=cart.service_location_name)
        if cart.patient is None:
            stock = cart.own_stock_code or self.tr("none (a private clinic holds no stock)")
            return self.tr("Replenishment of own stock {stock} — {where}").format(stock=stock, where=where)
        patient = cart.patient
        text = self.tr("{identity}  {name}, {age} years — {where}").format(
            identity=patient.identity, name=patient.name, age=patient.age, where=where
        )
        if patient.protected:
            text += " " + self.tr("(protected identity: deliveries go to the prescribing unit)")
        return text

    # -- the page's message ------------------------------------------------------------------------

    def refuse(self, sentence: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(sentence)

    def tell(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
