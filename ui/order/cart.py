"""The cart ("New order"): recipient, order kind (R10), articles (R33), lines, delivery and send (R11–R15).

Scanner first: the identity number and the article search take a scanner burst and Enter; the article
search keeps the focus while lines are added, so the clerk goes on typing. Every refusal of a rule is one
sentence under the recipient, and nothing the clerk typed is thrown away.
"""

from __future__ import annotations

import itertools
import uuid
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.articles import ArticleHit, ArticleSearch
from app.changes import Changes
from app.i18n import QT_TRANSLATE_NOOP
from app.orders import (
    DELIVERY_METHODS,
    PATIENT_KINDS,
    Cart,
    CartLine,
    DeliveryDetails,
    Prescriber,
    PurchaseOrderRef,
    SentOrder,
)
from app.organisation import WorkContext
from app.patients import PatientSearch
from db.models.enums import ArticleType, DeliverFrom, OrderKind
from ui.labels import label
from ui.messages import MessageBoxes
from ui.operations import OperationRunner
from ui.operations import documents as document_ops
from ui.operations import orders as order_ops
from ui.operations import patients as patient_ops
from ui.operations.orders import CartStart, IndividualAdded
from ui.order.numbers import Numbers
from ui.qt import (
    QAbstractItemView,
    QCheckBox,
    QColor,
    QComboBox,
    QCoreApplication,
    QEvent,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QLocale,
    QObject,
    QPushButton,
    QShortcut,
    QSpinBox,
    QSplitter,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.table_model import Column, RowTableModel

ARTICLE_SEARCH_DELAY_MS = 150  # coalesce typing (or a scanner burst) into one search
KIND_DELAY_MS = 250  # arrowing through the order kinds changes the cart once, where the clerk stops
ERROR_STYLE = "color:#a00000;"


@dataclass(frozen=True)
class _ArticleResult:
    ticket: int
    search: ArticleSearch


#: The delivery methods of app.orders.DELIVERY_METHODS as the clerk reads them (R11).
_METHOD_LABELS = {
    "clinic": QT_TRANSLATE_NOOP("labels", "Delivery to the clinic/unit"),
    "patient_address": QT_TRANSLATE_NOOP("labels", "Delivery to the patient's address"),
    "other_address": QT_TRANSLATE_NOOP("labels", "Delivery to another address"),
}


def delivery_method_label(key: str) -> str:
    text = _METHOD_LABELS.get(key)
    return QCoreApplication.translate("labels", text) if text else key


def _money(amount: Decimal) -> str:
    return QLocale().toString(float(amount), "f", 2)


def _line_colour(line: CartLine) -> QColor | None:
    return QColor("#fff4d6") if line.needs_comment else None


class CartPage(QWidget):
    sig_status = Signal(str)
    sig_cart_changed = Signal(object)  # Cart | None, whenever the cart shown changes
    sig_articles = Signal(object)  # ArticleSearch, once its hits are shown
    sig_sent = Signal(object)  # SentOrder
    sig_purchase_orders = Signal(object)  # tuple[PurchaseOrderRef, ...] created after a send
    sig_refused = Signal(str)  # a rule's sentence, shown to the clerk

    def __init__(self, runner: OperationRunner, numbers: Numbers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._numbers = numbers
        self._context: WorkContext | None = None
        self._cart: Cart | None = None
        self._patient_id: uuid.UUID | None = None
        self._chosen_kind: OrderKind | None = None
        self._prescribers: tuple[Prescriber, ...] = ()
        self._article_ticket = 0
        self._shown_article_ticket = 0
        self._add_when_found = False
        self._sending = False
        self._delivery_dirty = False
        self._skip_refresh = False
        self._setup_recipient()
        self._setup_articles()
        self._setup_lines()
        self._setup_delivery()
        self._setup_layout()
        self._setup_tab_order()
        self._setup_shortcuts()
        self._connect_signals()
        self._show_cart(None)

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_recipient(self) -> None:
        self.identity_edit = QLineEdit()
        self.identity_edit.setObjectName("cart_identity")
        self.identity_edit.setClearButtonEnabled(True)
        self.identity_edit.setPlaceholderText(
            self.tr("Identity number of the recipient — type or scan, Enter")
        )
        self.patient_label = QLabel()
        self.patient_label.setObjectName("cart_patient")
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

    def _setup_articles(self) -> None:
        self.article_edit = QLineEdit()
        self.article_edit.setObjectName("cart_article_search")
        self.article_edit.setClearButtonEnabled(True)
        self.article_edit.setPlaceholderText(
            self.tr("Article: name, supplier, supplier's or our article number — several words narrow")
        )
        self.type_combo = QComboBox()
        self.type_combo.setObjectName("cart_article_type")
        self.type_combo.addItem(self.tr("All types"), None)
        for article_type in ArticleType:
            self.type_combo.addItem(label(article_type), article_type)
        self.assortment_check = QCheckBox(self.tr("Assortment only"))
        self.assortment_check.setObjectName("cart_assortment_only")
        self.quantity_spin = QSpinBox()
        self.quantity_spin.setObjectName("cart_quantity")
        self.quantity_spin.setRange(1, 999)
        self.quantity_spin.setValue(1)
        self.quantity_spin.setToolTip(self.tr("Quantity for the next article added (Alt+Q)"))
        self.add_button = QPushButton(self.tr("&Add to cart"))
        self.add_button.setObjectName("cart_add_article")
        self.article_count = QLabel()
        self.article_count.setObjectName("cart_article_count")
        self.article_count.setWordWrap(True)
        self.articles_model = RowTableModel(
            [
                Column(self.tr("Article no."), lambda h: h.article_number),
                Column(self.tr("Name"), lambda h: h.name),
                Column(self.tr("Supplier"), lambda h: h.supplier_name),
                Column(self.tr("Supplier's no."), lambda h: h.supplier_article_number),
                Column(self.tr("Type"), lambda h: label(h.article_type)),
                Column(self.tr("Status"), lambda h: label(h.status)),
                Column(self.tr("Price"), lambda h: _money(h.price), align_right=True),
                Column(self.tr("Balance"), lambda h: h.balance, align_right=True),
                Column(self.tr("Assortment"), self._assortment_text),
            ],
            self,
        )
        self.articles_view = self._table("cart_articles", self.articles_model)
        self._article_timer = QTimer(self)
        self._article_timer.setSingleShot(True)
        self._article_timer.setInterval(ARTICLE_SEARCH_DELAY_MS)
        self.individual_label = QLabel(self.tr("Individual number:"))
        self.individual_edit = QLineEdit()
        self.individual_edit.setObjectName("cart_individual")
        self.individual_edit.setClearButtonEnabled(True)
        self.individual_edit.setPlaceholderText(
            self.tr("Scan or type the individual number of the device to hand out, Enter")
        )

    def _assortment_text(self, hit: ArticleHit) -> str:
        return self.tr("Yes") if hit.in_assortment else self.tr("No")

    def _setup_lines(self) -> None:
        self.lines_model = RowTableModel(
            [
                Column(self.tr("Line"), lambda r: r.line_number, align_right=True),
                Column(self.tr("Article no."), lambda r: r.article_number),
                Column(self.tr("Name"), self._line_name),
                Column(self.tr("Quantity"), lambda r: r.quantity, align_right=True),
                Column(
                    self.tr("Deliver from"), lambda r: f"{r.deliver_from_code} {r.deliver_from_name}".strip()
                ),
                Column(self.tr("Balance"), lambda r: r.balance, align_right=True),
                Column(self.tr("Unit price"), lambda r: _money(r.unit_price), align_right=True),
                Column(self.tr("Fees"), self._fees_text),
                Column(self.tr("Comment"), self._comment_text),
            ],
            self,
            highlight=_line_colour,
        )
        self.lines_view = self._table("cart_lines", self.lines_model)
        self.line_quantity = QSpinBox()
        self.line_quantity.setObjectName("cart_line_quantity")
        self.line_quantity.setRange(1, 999)
        self.line_comment = QLineEdit()
        self.line_comment.setObjectName("cart_line_comment")
        self.line_comment.setPlaceholderText(
            self.tr("Comment on the line (services: what is bought, e.g. hours) — Enter saves")
        )
        self.save_line_button = QPushButton(self.tr("Save &line"))
        self.save_line_button.setObjectName("cart_save_line")
        self.remove_line_button = QPushButton(self.tr("&Remove line"))
        self.remove_line_button.setObjectName("cart_remove_line")
        self.remove_line_button.setToolTip(self.tr("Remove the selected line (Delete)"))

    def _line_name(self, line: CartLine) -> str:
        if line.individual_number:
            return self.tr("{name} (individual {number})").format(
                name=line.article_name, number=line.individual_number
            )
        return line.article_name

    def _fees_text(self, line: CartLine) -> str:
        parts = []
        for fee in line.fees:
            when = (
                self.tr("billed at receipt")
                if fee.bill_on is None
                else self.tr("billed {date}").format(date=fee.bill_on.isoformat())
            )
            parts.append(f"{label(fee.kind)} {_money(fee.amount)} ({when})")
        return "; ".join(parts)

    def _comment_text(self, line: CartLine) -> str:
        if line.needs_comment:
            return self.tr("Comment needed: say what is bought (R13)")
        return line.comment

    def _setup_delivery(self) -> None:
        self.method_combo = QComboBox()
        self.method_combo.setObjectName("cart_delivery_method")
        for key in DELIVERY_METHODS:
            self.method_combo.addItem(delivery_method_label(key), key)
        self.delivery_name = self._delivery_edit("cart_delivery_name")
        self.delivery_street = self._delivery_edit("cart_delivery_street")
        self.delivery_postal_code = self._delivery_edit("cart_delivery_postal_code")
        self.delivery_city = self._delivery_edit("cart_delivery_city")
        self.contact_name = self._delivery_edit("cart_contact_name")
        self.contact_phone = self._delivery_edit("cart_contact_phone")
        self.order_comment = self._delivery_edit("cart_order_comment")
        self.order_comment.setPlaceholderText(self.tr("Not for delivery information"))
        self.send_button = QPushButton(self.tr("&Send order"))
        self.send_button.setObjectName("cart_send")
        self.send_button.setToolTip(self.tr("Send the order (Ctrl+Enter)"))
        self.last_sent = QLabel()
        self.last_sent.setObjectName("cart_last_sent")
        self.last_sent.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

    def _delivery_edit(self, name: str) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(name)
        return edit

    def _delivery_edits(self) -> tuple[QLineEdit, ...]:
        return (
            self.delivery_name,
            self.delivery_street,
            self.delivery_postal_code,
            self.delivery_city,
            self.contact_name,
            self.contact_phone,
            self.order_comment,
        )

    def _table(self, name: str, model: RowTableModel) -> QTableView:
        view = QTableView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.verticalHeader().setVisible(False)
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def _setup_layout(self) -> None:
        recipient = QGroupBox(self.tr("Recipient and order"))
        grid = QGridLayout(recipient)
        identity_caption = QLabel(self.tr("&Identity number:"))
        identity_caption.setBuddy(self.identity_edit)
        grid.addWidget(identity_caption, 0, 0)
        grid.addWidget(self.identity_edit, 0, 1)
        grid.addWidget(self.patient_label, 0, 2, 1, 4)
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
        grid.addWidget(self.message, 2, 0, 1, 6)
        grid.setColumnStretch(2, 1)

        articles = QGroupBox(self.tr("Articles"))
        articles_layout = QVBoxLayout(articles)
        search_row = QHBoxLayout()
        search_row.addWidget(self.article_edit, 1)
        search_row.addWidget(self.type_combo)
        search_row.addWidget(self.assortment_check)
        quantity_caption = QLabel(self.tr("&Quantity:"))
        quantity_caption.setBuddy(self.quantity_spin)
        search_row.addWidget(quantity_caption)
        search_row.addWidget(self.quantity_spin)
        search_row.addWidget(self.add_button)
        articles_layout.addLayout(search_row)
        articles_layout.addWidget(self.article_count)
        articles_layout.addWidget(self.articles_view, 1)
        individual_row = QHBoxLayout()
        individual_row.addWidget(self.individual_label)
        individual_row.addWidget(self.individual_edit, 1)
        articles_layout.addLayout(individual_row)

        delivery = QGroupBox(self.tr("Delivery"))
        self.delivery_box = delivery
        form = QFormLayout(delivery)
        form.addRow(self.tr("Delivery method:"), self.method_combo)
        form.addRow(self.tr("Name:"), self.delivery_name)
        form.addRow(self.tr("Street:"), self.delivery_street)
        form.addRow(self.tr("Postal code:"), self.delivery_postal_code)
        form.addRow(self.tr("City:"), self.delivery_city)
        form.addRow(self.tr("Contact:"), self.contact_name)
        form.addRow(self.tr("Contact phone:"), self.contact_phone)
        form.addRow(self.tr("Order comment:"), self.order_comment)

        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(articles)
        upper.addWidget(delivery)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)

        cart = QGroupBox(self.tr("Cart"))
        self.cart_box = cart
        cart_layout = QVBoxLayout(cart)
        cart_layout.addWidget(self.lines_view, 1)
        line_row = QHBoxLayout()
        line_quantity_caption = QLabel(self.tr("Quantity:"))
        line_quantity_caption.setBuddy(self.line_quantity)
        line_row.addWidget(line_quantity_caption)
        line_row.addWidget(self.line_quantity)
        line_comment_caption = QLabel(self.tr("Co&mment:"))
        line_comment_caption.setBuddy(self.line_comment)
        line_row.addWidget(line_comment_caption)
        line_row.addWidget(self.line_comment, 1)
        line_row.addWidget(self.save_line_button)
        line_row.addWidget(self.remove_line_button)
        cart_layout.addLayout(line_row)
        send_row = QHBoxLayout()
        send_row.addWidget(self.last_sent, 1)
        send_row.addWidget(self.send_button)
        cart_layout.addLayout(send_row)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(cart)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addWidget(recipient)
        layout.addWidget(splitter, 1)

    def _setup_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.identity_edit,
            self.kind_combo,
            self.prescriber_combo,
            self.default_combo,
            self.article_edit,
            self.type_combo,
            self.assortment_check,
            self.quantity_spin,
            self.add_button,
            self.articles_view,
            self.individual_edit,
            self.method_combo,
            *self._delivery_edits(),
            self.lines_view,
            self.line_quantity,
            self.line_comment,
            self.save_line_button,
            self.remove_line_button,
            self.send_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _setup_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.send, context=context)
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_article_search, context=context)
        QShortcut(QKeySequence("Ctrl+L"), self, self.focus_identity, context=context)
        QShortcut(QKeySequence("Alt+Q"), self, self.quantity_spin.setFocus, context=context)
        QShortcut(
            QKeySequence(Qt.Key.Key_Delete),
            self.lines_view,
            self.remove_selected_line,
            context=Qt.ShortcutContext.WidgetShortcut,
        )

    def _connect_signals(self) -> None:
        self.identity_edit.returnPressed.connect(self._find_patient)
        self.kind_combo.activated.connect(self._kind_timer.start)
        self._kind_timer.timeout.connect(self._kind_chosen)
        self.prescriber_combo.activated.connect(self._prescriber_chosen)
        self.default_combo.activated.connect(self._default_chosen)
        self.article_edit.textChanged.connect(self._article_search_soon)
        self.article_edit.returnPressed.connect(self._enter_in_article_search)
        self.article_edit.installEventFilter(self)
        self.type_combo.activated.connect(self._article_search_now)
        self.assortment_check.toggled.connect(self._article_search_now)
        self.quantity_spin.editingFinished.connect(self._quantity_entered)
        self._article_timer.timeout.connect(self._article_search_now)
        self.articles_view.activated.connect(self._article_activated)
        self.articles_view.doubleClicked.connect(self._article_activated)
        self.add_button.clicked.connect(self.add_selected_article)
        self.individual_edit.returnPressed.connect(self._add_individual)
        self.lines_view.selectionModel().selectionChanged.connect(self._line_selected)
        self.line_comment.returnPressed.connect(self.save_selected_line)
        self.save_line_button.clicked.connect(self.save_selected_line)
        self.remove_line_button.clicked.connect(self.remove_selected_line)
        self.method_combo.activated.connect(self._delivery_edited)
        for edit in self._delivery_edits():
            edit.textEdited.connect(self._delivery_touched)
            edit.editingFinished.connect(self._save_delivery_if_changed)
            edit.returnPressed.connect(self.focusNextChild)
        self.send_button.clicked.connect(self.send)
        self._runner.sig_changes.connect(self._on_changes)

    # -- context -----------------------------------------------------------------------------------

    def set_context(self, context: WorkContext) -> None:
        changed_location = self._context is not None and (
            self._context.service_location_id != context.service_location_id
            or self._context.user_id != context.user_id
        )
        self._context = context
        if changed_location:
            self._patient_id = None
            self._show_cart(None)
        order_ops.cart_start(self._runner, context=context, on_success=self._started)

    def _started(self, start: CartStart) -> None:
        self._prescribers = start.prescribers
        index = self.default_combo.findData(start.default_deliver_from)
        if index >= 0:
            self.default_combo.setCurrentIndex(index)
        self._fill_prescribers(self._cart)

    def focus_identity(self) -> None:
        self.identity_edit.setFocus()
        self.identity_edit.selectAll()

    def focus_article_search(self) -> None:
        self.article_edit.setFocus()
        self.article_edit.selectAll()

    def current_cart(self) -> Cart | None:
        return self._cart

    # -- messages ----------------------------------------------------------------------------------

    def _refuse(self, sentence: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(sentence)
        self.sig_refused.emit(sentence)

    def _tell(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    # -- recipient and kind ------------------------------------------------------------------------

    def _find_patient(self) -> None:
        text = self.identity_edit.text().strip()
        if not text:
            return

        def found(search: PatientSearch) -> None:
            if self.identity_edit.text().strip() != text:
                return  # the clerk has typed on since
            if len(search.hits) == 1:
                self._open_for(search.hits[0].id)
            elif not search.hits:
                self._refuse(self.tr("No patient has the identity number {number}.").format(number=text))
            else:
                self._refuse(
                    self.tr(
                        "Several patients match; type the full identity number or start from the Patient tab."
                    )
                )

        patient_ops.search_patients(self._runner, text=text, on_success=found, on_error=self._refuse)

    def start_for_patient(self, patient_id: uuid.UUID) -> None:
        """ "New order for this patient" from the Patient tab."""
        self._open_for(patient_id)

    def _open_for(self, patient_id: uuid.UUID) -> None:
        context = self._context
        if context is None:
            return
        self._patient_id = patient_id
        kind = self._chosen_kind if self._chosen_kind in PATIENT_KINDS else None
        order_ops.open_cart(
            self._runner,
            context=context,
            patient_id=patient_id,
            kind=kind,
            on_success=self._wrote(self._cart_opened),
            on_error=self._refuse,
        )

    def _cart_opened(self, cart: Cart) -> None:
        self._tell("")
        self._show_cart(cart)
        self.focus_article_search()

    def _kind_chosen(self) -> None:
        """The clerk settled on a kind (arrowing through the list is coalesced by a short delay)."""
        context = self._context
        kind = OrderKind(self.kind_combo.currentData())
        self._chosen_kind = kind
        if context is None:
            return
        cart = self._cart
        if kind is OrderKind.REPLENISHMENT:
            if cart is not None and cart.kind is OrderKind.REPLENISHMENT:
                return
            order_ops.open_cart(
                self._runner,
                context=context,
                patient_id=None,
                kind=kind,
                on_success=self._wrote(self._cart_opened),
                on_error=self._kind_refused,
            )
        elif cart is not None and cart.patient is not None:
            if cart.kind is kind:
                return
            order_ops.set_cart_kind(
                self._runner,
                context=context,
                order_id=cart.id,
                kind=kind,
                on_success=self._wrote(self._show_if_current),
                on_error=self._kind_refused,
            )
        elif self._patient_id is not None:
            self._open_for(self._patient_id)
        else:
            self._tell(self.tr("Type or scan the recipient's identity number and press Enter."))
            self.focus_identity()

    def _kind_refused(self, sentence: str) -> None:
        self._refuse(sentence)
        self._select_kind(self._cart.kind if self._cart is not None else None)

    def _select_kind(self, kind: OrderKind | None) -> None:
        if kind is None or self._kind_timer.isActive():
            return  # the clerk is still choosing
        index = self.kind_combo.findData(kind)
        if index >= 0:
            self.kind_combo.setCurrentIndex(index)

    def _fill_prescribers(self, cart: Cart | None) -> None:
        self.prescriber_combo.blockSignals(True)
        self.prescriber_combo.clear()
        chosen = cart.prescriber if cart is not None else None
        known = {p.id for p in self._prescribers}
        if chosen is None:
            self.prescriber_combo.addItem(self.tr("— choose the prescriber —"), None)
        elif chosen.id not in known:
            self.prescriber_combo.addItem(chosen.name, chosen.id)
        for prescriber in self._prescribers:
            self.prescriber_combo.addItem(prescriber.name, prescriber.id)
        if chosen is not None:
            self.prescriber_combo.setCurrentIndex(self.prescriber_combo.findData(chosen.id))
        self.prescriber_combo.blockSignals(False)
        self.prescriber_combo.setEnabled(cart is not None and cart.kind is not OrderKind.REPLENISHMENT)

    def _prescriber_chosen(self, index: int) -> None:
        context, cart = self._context, self._cart
        prescriber_id = self.prescriber_combo.itemData(index)
        if context is None or cart is None or prescriber_id is None:
            return
        if cart.prescriber is not None and cart.prescriber.id == prescriber_id:
            return
        order_ops.set_prescriber(
            self._runner,
            context=context,
            order_id=cart.id,
            prescriber_id=prescriber_id,
            on_success=self._wrote(self._show_if_current),
            on_error=self._prescriber_refused,
        )

    def _prescriber_refused(self, sentence: str) -> None:
        self._refuse(sentence)
        self._fill_prescribers(self._cart)

    def _default_chosen(self, index: int) -> None:
        context = self._context
        value = DeliverFrom(self.default_combo.itemData(index))
        if context is None:
            return

        def saved(chosen: DeliverFrom) -> None:
            self.sig_status.emit(
                self.tr("New patient carts now deliver from: {place}.").format(place=label(chosen))
            )

        order_ops.set_default_deliver_from(
            self._runner, context=context, value=value, on_success=saved, on_error=self._refuse
        )

    # -- showing the cart --------------------------------------------------------------------------

    def _is_current(self, order_id: uuid.UUID) -> bool:
        """A late answer about a cart that was sent or replaced meanwhile is not shown."""
        return self._cart is not None and self._cart.id == order_id and not self._sending

    def _show_if_current(self, cart: Cart) -> None:
        if self._is_current(cart.id):
            self._show_cart(cart)

    def _show_cart(self, cart: Cart | None) -> None:
        previous = self._cart
        self._cart = cart
        self.patient_label.setText(self._recipient_text(cart))
        if cart is not None:
            self._select_kind(cart.kind)
        self._fill_prescribers(cart)
        selected = self._selected_line()
        self.lines_model.set_rows(cart.lines if cart is not None else ())
        if selected is not None and cart is not None:
            for row, line in enumerate(cart.lines):
                if line.id == selected.id:
                    self.lines_view.selectRow(row)
        self._line_selected()
        individual = cart is not None and cart.kind is OrderKind.INDIVIDUAL_DELIVERY
        self.individual_label.setVisible(individual)
        self.individual_edit.setVisible(individual)
        if not self._delivery_dirty:
            self._fill_delivery(cart.delivery if cart is not None else DeliveryDetails())
        self._enable_delivery(cart)
        self.cart_box.setTitle(
            self.tr("Cart ({count} lines)").format(count=len(cart.lines))
            if cart is not None
            else self.tr("Cart")
        )
        self.send_button.setEnabled(cart is not None and bool(cart.lines) and not self._sending)
        self.add_button.setEnabled(cart is not None)
        if previous is None or cart is None or previous.kind is not cart.kind:
            self._article_search_now()  # balances follow the warehouse the cart delivers from
        self.sig_cart_changed.emit(cart)

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

    def _fill_delivery(self, delivery: DeliveryDetails) -> None:
        index = self.method_combo.findData(delivery.method)
        self.method_combo.setCurrentIndex(max(index, 0))
        values = (
            delivery.name,
            delivery.street,
            delivery.postal_code,
            delivery.city,
            delivery.contact_name,
            delivery.contact_phone,
            delivery.comment,
        )
        for edit, value in zip(self._delivery_edits(), values, strict=True):
            if edit.text() != value:
                edit.setText(value)

    def _enable_delivery(self, cart: Cart | None) -> None:
        own_stock = cart is not None and cart.kind in (
            OrderKind.OWN_STOCK_PRESCRIPTION,
            OrderKind.INDIVIDUAL_DELIVERY,
        )
        self.delivery_box.setEnabled(cart is not None and not own_stock)
        self.delivery_box.setToolTip(
            self.tr("A withdrawal from own stock is handed out at the desk: no delivery to choose.")
            if own_stock
            else ""
        )
        # R10d and R5: a replenishment and a protected identity are always delivered to the clinic.
        fixed = cart is not None and (
            cart.kind is OrderKind.REPLENISHMENT or (cart.patient is not None and cart.patient.protected)
        )
        self.method_combo.setEnabled(not fixed)

    def _delivery_from_form(self) -> DeliveryDetails:
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

    def _delivery_touched(self) -> None:
        self._delivery_dirty = True

    def _delivery_edited(self) -> None:
        self._delivery_dirty = True
        self._save_delivery_if_changed()

    def _save_delivery_if_changed(self) -> None:
        context, cart = self._context, self._cart
        if context is None or cart is None or self._sending or not self._delivery_dirty:
            return
        delivery = self._delivery_from_form()
        if delivery == cart.delivery:
            self._delivery_dirty = False
            return
        if delivery.method == "other_address" and not (
            delivery.street and delivery.postal_code and delivery.city
        ):
            return  # still being typed: saved once complete, or checked at the send

        def saved(updated: Cart) -> None:
            if not self._is_current(updated.id):
                return
            if self._delivery_from_form() == delivery:
                self._delivery_dirty = False
            self._show_cart(updated)

        def refused(sentence: str) -> None:
            if self._is_current(cart.id):
                self._refuse(sentence)

        order_ops.set_delivery(
            self._runner,
            context=context,
            order_id=cart.id,
            delivery=delivery,
            on_success=self._wrote(saved),
            on_error=refused,
        )

    # -- article search (R33) ----------------------------------------------------------------------

    def _balance_warehouse(self) -> uuid.UUID | None:
        return self._cart.balance_warehouse_id if self._cart is not None else None

    def _article_search_soon(self) -> None:
        self._add_when_found = False
        self._article_timer.start()

    def _enter_in_article_search(self) -> None:
        if self._article_timer.isActive() or self._article_search_pending():
            self._add_when_found = True
            if self._article_timer.isActive():
                self._article_timer.stop()
                self._article_search_now(keep_enter=True)
            return
        self.add_selected_article()

    def _article_search_pending(self) -> bool:
        return self._article_ticket != self._shown_article_ticket

    def _article_search_now(self, *_args: Any, keep_enter: bool = False) -> None:
        if not keep_enter:
            self._add_when_found = False
        self._article_timer.stop()
        text = self.article_edit.text().strip()
        self._article_ticket += 1
        ticket = self._article_ticket
        if not text:
            self._shown_article_ticket = ticket
            self.articles_model.set_rows([])
            self.article_count.clear()
            return
        chosen_type = self.type_combo.currentData()
        order_ops.search_articles(
            self._runner,
            text=text,
            warehouse_id=self._balance_warehouse(),
            article_type=ArticleType(chosen_type) if chosen_type else None,
            assortment_only=self.assortment_check.isChecked(),
            on_success=lambda search: self._show_articles(_ArticleResult(ticket, search)),
            on_error=lambda sentence: self._article_search_failed(ticket, sentence),
        )

    def _article_search_failed(self, ticket: int, sentence: str) -> None:
        if ticket != self._article_ticket:
            return
        self._shown_article_ticket = ticket
        self._add_when_found = False
        self.articles_model.set_rows([])
        self.article_count.setStyleSheet(ERROR_STYLE)
        self.article_count.setText(sentence)

    def _show_articles(self, result: _ArticleResult) -> None:
        if result.ticket != self._article_ticket:
            return  # a newer keystroke has already asked again
        self._shown_article_ticket = result.ticket
        search = result.search
        self.articles_model.set_rows(search.hits)
        self.article_count.setStyleSheet("")
        if search.refusal:
            self.article_count.setText(QCoreApplication.translate("app", search.refusal))
        elif not search.hits:
            self.article_count.setText(self.tr("No article found."))
        elif search.total > len(search.hits):
            self.article_count.setText(
                self.tr("{total} articles found, showing the first {count}; add a word to narrow.").format(
                    total=search.total, count=len(search.hits)
                )
            )
        else:
            self.article_count.setText(self.tr("{total} articles found.").format(total=search.total))
        if search.hits:
            self.articles_view.selectRow(0)
        add = self._add_when_found
        self._add_when_found = False
        if add:
            if len(search.hits) == 1:
                self.add_selected_article()
            elif search.hits:
                self._tell(self.tr("Several articles match: choose with ↑/↓ and press Enter."))
        self.sig_articles.emit(search)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.article_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            rows = self.articles_model.rowCount()
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and rows > 0:
                current = self.articles_view.currentIndex().row()
                step = 1 if key == Qt.Key.Key_Down else -1
                self.articles_view.selectRow(min(max(current + step, 0), rows - 1))
                return True  # the focus stays in the search field
        return super().eventFilter(watched, event)

    def _article_activated(self, *_args: Any) -> None:
        self.add_selected_article()

    def _quantity_entered(self) -> None:
        if self.quantity_spin.hasFocus():
            self.focus_article_search()

    def _selected_article(self) -> ArticleHit | None:
        rows = self.articles_view.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.articles_view.currentIndex().row()
        if not 0 <= row < self.articles_model.rowCount():
            return None
        hit: ArticleHit = self.articles_model.row_at(row)
        return hit

    def add_selected_article(self) -> None:
        context, cart = self._context, self._cart
        hit = self._selected_article()
        if hit is None:
            return
        if context is None or cart is None:
            self._refuse(
                self.tr("Open a cart first: scan the recipient's identity number, or choose a replenishment.")
            )
            self.focus_identity()
            return
        quantity = self.quantity_spin.value()
        known = {line.id for line in cart.lines}

        def added(updated: Cart) -> None:
            if not self._is_current(updated.id):
                return
            self._tell(self.tr("Added {quantity} × {name}.").format(quantity=quantity, name=hit.name))
            self.quantity_spin.setValue(1)
            self._show_cart(updated)
            new = [row for row, line in enumerate(updated.lines) if line.id not in known]
            if new:
                self.lines_view.selectRow(new[-1])
                if updated.lines[new[-1]].needs_comment:
                    self._tell(
                        self.tr(
                            "Line {number} is a service: write in its comment what is bought (R13)."
                        ).format(number=updated.lines[new[-1]].line_number)
                    )
            self.focus_article_search()

        order_ops.add_line(
            self._runner,
            context=context,
            order_id=cart.id,
            article_id=hit.id,
            quantity=quantity,
            on_success=self._wrote(added),
            on_error=self._refuse,
        )

    def _add_individual(self) -> None:
        context, cart = self._context, self._cart
        text = self.individual_edit.text().strip()
        if context is None or cart is None or not text:
            return

        def added(result: IndividualAdded) -> None:
            if not self._is_current(result.cart.id):
                return
            self.individual_edit.clear()
            self._tell(
                self.tr("Individual {number} ({name}) added.").format(
                    number=result.choice.individual_number, name=result.choice.article_name
                )
            )
            self._show_cart(result.cart)
            self.individual_edit.setFocus()

        order_ops.add_individual(
            self._runner,
            context=context,
            order_id=cart.id,
            text=text,
            on_success=self._wrote(added),
            on_error=self._refuse,
        )

    # -- lines -------------------------------------------------------------------------------------

    def _selected_line(self) -> CartLine | None:
        rows = self.lines_view.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < self.lines_model.rowCount():
            return None
        line: CartLine = self.lines_model.row_at(rows[0].row())
        return line

    def _line_selected(self, *_args: Any) -> None:
        line = self._selected_line()
        for widget in (self.line_quantity, self.line_comment, self.save_line_button, self.remove_line_button):
            widget.setEnabled(line is not None)
        if line is None:
            self.line_comment.clear()
            return
        self.line_quantity.setValue(line.quantity)
        self.line_quantity.setEnabled(line.individual_number is None)
        if not self.line_comment.hasFocus():
            self.line_comment.setText(line.comment)

    def save_selected_line(self) -> None:
        context, cart, line = self._context, self._cart, self._selected_line()
        if context is None or cart is None or line is None:
            return
        quantity = self.line_quantity.value()
        comment = self.line_comment.text().strip()
        if quantity == line.quantity and comment == line.comment:
            return

        def saved(updated: Cart) -> None:
            if not self._is_current(updated.id):
                return
            self._tell(self.tr("Line {number} saved.").format(number=line.line_number))
            self._show_cart(updated)

        order_ops.update_line(
            self._runner,
            context=context,
            order_id=cart.id,
            line_id=line.id,
            quantity=quantity if quantity != line.quantity else None,
            comment=comment if comment != line.comment else None,
            on_success=self._wrote(saved),
            on_error=self._refuse,
        )

    def remove_selected_line(self) -> None:
        context, cart, line = self._context, self._cart, self._selected_line()
        if context is None or cart is None or line is None:
            return

        def removed(updated: Cart) -> None:
            if not self._is_current(updated.id):
                return
            self._tell(self.tr("Line {number} removed.").format(number=line.line_number))
            self._show_cart(updated)

        order_ops.remove_line(
            self._runner,
            context=context,
            order_id=cart.id,
            line_id=line.id,
            on_success=self._wrote(removed),
            on_error=self._refuse,
        )

    # -- sending -----------------------------------------------------------------------------------

    def send(self) -> None:
        context, cart = self._context, self._cart
        if context is None or cart is None or self._sending:
            return
        if not cart.lines:
            self._refuse(self.tr("The cart is empty: add at least one article before sending."))
            return
        delivery = self._delivery_from_form()
        self._sending = True
        self.send_button.setEnabled(False)
        order_ops.send_order(
            self._runner,
            context=context,
            order_id=cart.id,
            numbers=self._numbers,
            delivery=delivery if delivery != cart.delivery else None,
            on_success=self._wrote(self._sent),
            on_error=self._send_refused,
        )

    def _send_refused(self, sentence: str) -> None:
        self._sending = False
        self.send_button.setEnabled(self._cart is not None and bool(self._cart.lines))
        self._refuse(sentence)

    def _sent(self, sent: SentOrder) -> None:
        self._sending = False
        patient_id = self._cart.patient.id if self._cart is not None and self._cart.patient else None
        text = self.tr("Order {number} sent.").format(number=sent.number)
        self.last_sent.setText(text)
        self._tell(text)
        self.sig_status.emit(text)
        self._clear_after_send()
        self.sig_sent.emit(sent)
        if sent.needs_purchase_orders:
            self.offer_purchase_orders(sent.order_id, sent.number)
        if sent.handed_out:
            self.offer_loan_agreement(sent.order_id, patient_id)

    def _clear_after_send(self) -> None:
        self._patient_id = None
        self._chosen_kind = None
        self._delivery_dirty = False
        self.identity_edit.clear()
        self.individual_edit.clear()
        self._show_cart(None)
        self.focus_identity()

    def offer_purchase_orders(self, order_id: uuid.UUID, order_number: str) -> None:
        """R14: lines through warehouse 750: one purchase order per supplier, created when the clerk says so."""
        context = self._context
        if context is None:
            return
        if not MessageBoxes.ask(
            self,
            self.tr("Create purchase orders"),
            self.tr(
                "Order {number} goes through warehouse 750. Create purchase orders now? "
                "You then make sure each supplier gets its purchase order."
            ).format(number=order_number),
        ):
            self.sig_status.emit(
                self.tr("Order {number}: purchase orders can be created later from the Orders page.").format(
                    number=order_number
                )
            )
            return

        def created(refs: tuple[PurchaseOrderRef, ...]) -> None:
            listing = ", ".join(f"{ref.number} ({ref.supplier_name})" for ref in refs)
            text = self.tr("Purchase orders created: {list}.").format(list=listing)
            self.last_sent.setText(f"{self.last_sent.text()} {text}")
            self.sig_status.emit(text)
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

    def offer_loan_agreement(self, order_id: uuid.UUID, patient_id: uuid.UUID | None = None) -> None:
        """The aids were handed out at once (R10b/c): offer the loan agreement for the patient to sign."""
        context = self._context
        if context is None or patient_id is None:
            return
        if MessageBoxes.ask(
            self,
            self.tr("Loan agreement"),
            self.tr("The aids were handed out. Print the loan agreement now for the patient to sign?"),
        ):
            document_ops.print_loan_agreement(
                self._runner, patient_id=patient_id, context=context, order_id=order_id, parent=self
            )

    # -- refresh -----------------------------------------------------------------------------------

    def _wrote(self, callback: Any) -> Any:
        """Wrap a write's success: its own broadcast of changes needs no second read of the cart."""

        def succeeded(result: Any) -> None:
            self._skip_refresh = True
            callback(result)

        return succeeded

    def _on_changes(self, changes: Changes) -> None:
        if self._skip_refresh:
            self._skip_refresh = False
            return
        cart = self._cart
        if cart is None or not (changes.orders or changes.stock or changes.patients):
            return
        order_id = cart.id

        def refreshed(updated: Cart) -> None:
            if self._cart is not None and self._cart.id == updated.id and not self._sending:
                self._show_cart(updated)

        def gone(_sentence: str) -> None:
            if self._cart is not None and self._cart.id == order_id and not self._sending:
                self._show_cart(None)

        order_ops.read_cart(self._runner, order_id=order_id, on_success=refreshed, on_error=gone)
