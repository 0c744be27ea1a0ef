"""The cart ("New order"): its parts wired together, and every write to the cart (R10–R15).

Parts, each owning its widgets: ``RecipientBox`` (who, kind, prescriber, the page's message),
``ArticleSearchBox`` (R33, individuals for R10c), ``CartLinesBox`` (lines and fees), ``DeliveryBox``
(R11) and ``SendBar`` (sending, purchase orders, loan agreement). The page holds the cart shown and makes
the writes; each write answers with the cart as it now reads, and every part is shown from it.
Every refusal of a rule is one sentence under the recipient, and nothing the clerk typed is thrown away.
"""

from __future__ import annotations

import itertools
import uuid
from collections.abc import Callable
from typing import Any

from app.articles import ArticleHit
from app.changes import Changes
from app.orders import PATIENT_KINDS, Cart, CartLine, SentOrder
from app.organisation import WorkContext
from app.patients import PatientSearch
from db.models.enums import DeliverFrom, OrderKind
from ui.labels import label
from ui.operations import OperationRunner
from ui.operations import orders as order_ops
from ui.operations import patients as patient_ops
from ui.operations.orders import CartStart, IndividualAdded
from ui.order.cart.articles import ArticleSearchBox
from ui.order.cart.delivery import DeliveryBox
from ui.order.cart.lines import CartLinesBox
from ui.order.cart.recipient import RecipientBox
from ui.order.cart.sending import SendBar
from ui.order.numbers import Numbers
from ui.qt import QGroupBox, QKeySequence, QShortcut, QSplitter, Qt, QVBoxLayout, QWidget, Signal


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
        self._context: WorkContext | None = None
        self._cart: Cart | None = None
        self._patient_id: uuid.UUID | None = None
        self._chosen_kind: OrderKind | None = None
        self._sending = False
        self._skip_refresh = False
        self.recipient = RecipientBox()
        self.articles = ArticleSearchBox(runner)
        self.lines = CartLinesBox()
        self.delivery = DeliveryBox()
        self.sending = SendBar(runner, numbers)
        self._numbers = numbers
        self._setup_layout()
        self._setup_tab_order()
        self._setup_shortcuts()
        self._connect_signals()
        self._show_cart(None)

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_layout(self) -> None:
        articles = QGroupBox(self.tr("Articles"))
        QVBoxLayout(articles).addWidget(self.articles)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(articles)
        upper.addWidget(self.delivery)
        upper.setStretchFactor(0, 3)
        upper.setStretchFactor(1, 1)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.lines, 1)
        lower_layout.addWidget(self.sending)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(upper)
        splitter.addWidget(lower)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.recipient)
        layout.addWidget(splitter, 1)

    def _setup_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.recipient.identity_edit,
            self.recipient.kind_combo,
            self.recipient.prescriber_combo,
            self.recipient.default_combo,
            *self.articles.tab_chain(),
            *self.delivery.tab_chain(),
            *self.lines.tab_chain(),
            self.sending.send_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _setup_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, self.send, context=context)
        QShortcut(QKeySequence("Ctrl+F"), self, self.articles.focus_search, context=context)
        QShortcut(QKeySequence("Ctrl+L"), self, self.recipient.focus_identity, context=context)
        QShortcut(QKeySequence("Alt+Q"), self, self.articles.quantity_spin.setFocus, context=context)

    def _connect_signals(self) -> None:
        self.recipient.sig_identity_entered.connect(self._find_patient)
        self.recipient.sig_kind_chosen.connect(self._kind_chosen)
        self.recipient.sig_prescriber_chosen.connect(self._prescriber_chosen)
        self.recipient.sig_default_chosen.connect(self._default_chosen)
        self.articles.sig_add.connect(self._add_article)
        self.articles.sig_individual_entered.connect(self._add_individual)
        self.articles.sig_articles.connect(self.sig_articles)
        self.articles.sig_message.connect(self.recipient.tell)
        self.lines.sig_save.connect(self._save_line)
        self.lines.sig_remove.connect(self._remove_line)
        self.delivery.sig_edited.connect(self._save_delivery_if_changed)
        self.sending.sig_send.connect(self.send)
        self.sending.sig_purchase_orders.connect(self.sig_purchase_orders)
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
        self.recipient.set_default(start.default_deliver_from)
        self.recipient.set_prescribers(start.prescribers, self._cart)

    def focus_identity(self) -> None:
        self.recipient.focus_identity()

    def focus_article_search(self) -> None:
        self.articles.focus_search()

    def current_cart(self) -> Cart | None:
        return self._cart

    # -- messages ----------------------------------------------------------------------------------

    def _refuse(self, sentence: str) -> None:
        self.recipient.refuse(sentence)
        self.sig_refused.emit(sentence)

    def _tell(self, text: str) -> None:
        self.recipient.tell(text)

    # -- recipient, kind and prescriber --------------------------------------------------------------

    def _find_patient(self, text: str) -> None:
        self.sending.clear_result()  # the clerk has moved on to the next patient

        def found(search: PatientSearch) -> None:
            if self.recipient.identity_text() != text:
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

        patient_ops.search_patients(
            self._runner, text=text, on_success=found, on_error=self._refuse, key=(self, "recipient")
        )

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
        self.sending.clear_result()
        self._show_cart(cart)
        self.articles.focus_search()

    def _kind_chosen(self, kind: OrderKind) -> None:
        """The clerk settled on a kind (arrowing through the list is coalesced by a short delay)."""
        context = self._context
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
            self.recipient.focus_identity()

    def _kind_refused(self, sentence: str) -> None:
        self._refuse(sentence)
        self.recipient.select_kind(self._cart.kind if self._cart is not None else None)

    def _prescriber_chosen(self, prescriber_id: uuid.UUID) -> None:
        context, cart = self._context, self._cart
        if context is None or cart is None:
            return
        if cart.prescriber is not None and cart.prescriber.id == prescriber_id:
            return

        def refused(sentence: str) -> None:
            self._refuse(sentence)
            self.recipient.show_prescriber(self._cart)

        order_ops.set_prescriber(
            self._runner,
            context=context,
            order_id=cart.id,
            prescriber_id=prescriber_id,
            on_success=self._wrote(self._show_if_current),
            on_error=refused,
        )

    def _default_chosen(self, value: DeliverFrom) -> None:
        context = self._context
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
        self._cart = cart
        self.recipient.show_cart(cart)
        self.lines.show_cart(cart)
        self.delivery.show_cart(cart)
        self.articles.show_for(
            cart.balance_warehouse_id if cart is not None else None,
            cart_open=cart is not None,
            individual_delivery=cart is not None and cart.kind is OrderKind.INDIVIDUAL_DELIVERY,
        )
        self.sending.send_button.setEnabled(cart is not None and bool(cart.lines) and not self._sending)
        self.sig_cart_changed.emit(cart)

    # -- delivery ----------------------------------------------------------------------------------

    def _save_delivery_if_changed(self) -> None:
        context, cart = self._context, self._cart
        if context is None or cart is None or self._sending or not self.delivery.dirty:
            return
        delivery = self.delivery.details()
        if delivery == cart.delivery:
            self.delivery.dirty = False
            return
        if not self.delivery.complete():
            return  # still being typed: saved once complete, or checked at the send

        def saved(updated: Cart) -> None:
            if not self._is_current(updated.id):
                return
            if self.delivery.details() == delivery:
                self.delivery.dirty = False
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

    # -- articles and individuals ------------------------------------------------------------------

    def _add_article(self, hit: ArticleHit, quantity: int) -> None:
        context, cart = self._context, self._cart
        if context is None or cart is None:
            self._refuse(
                self.tr("Open a cart first: scan the recipient's identity number, or choose a replenishment.")
            )
            self.recipient.focus_identity()
            return
        known = {line.id for line in cart.lines}

        def added(updated: Cart) -> None:
            if not self._is_current(updated.id):
                return
            self._tell(self.tr("Added {quantity} × {name}.").format(quantity=quantity, name=hit.name))
            self._show_cart(updated)
            new = [line for line in updated.lines if line.id not in known]
            if new:
                self.lines.select_line(new[-1].id)
                if new[-1].needs_comment:
                    self._tell(
                        self.tr("Line {number} is a service: write in its comment what is bought.").format(
                            number=new[-1].line_number
                        )
                    )
            self.articles.added()

        order_ops.add_line(
            self._runner,
            context=context,
            order_id=cart.id,
            article_id=hit.id,
            quantity=quantity,
            on_success=self._wrote(added),
            on_error=self._refuse,
        )

    def _add_individual(self, text: str) -> None:
        context, cart = self._context, self._cart
        if context is None or cart is None:
            return

        def added(result: IndividualAdded) -> None:
            if not self._is_current(result.cart.id):
                return
            self.articles.individual_edit.clear()
            self._tell(
                self.tr("Individual {number} ({name}) added.").format(
                    number=result.choice.individual_number, name=result.choice.article_name
                )
            )
            self._show_cart(result.cart)
            self.articles.individual_edit.setFocus()

        order_ops.add_individual(
            self._runner,
            context=context,
            order_id=cart.id,
            text=text,
            on_success=self._wrote(added),
            on_error=self._refuse,
        )

    # -- lines -------------------------------------------------------------------------------------

    def _save_line(self, line: CartLine, quantity: int | None, comment: str | None) -> None:
        context, cart = self._context, self._cart
        if context is None or cart is None:
            return

        def saved(updated: Cart) -> None:
            if self._is_current(updated.id):
                self._tell(self.tr("Line {number} saved.").format(number=line.line_number))
                self._show_cart(updated)

        order_ops.update_line(
            self._runner,
            context=context,
            order_id=cart.id,
            line_id=line.id,
            quantity=quantity,
            comment=comment,
            on_success=self._wrote(saved),
            on_error=self._refuse,
        )

    def _remove_line(self, line: CartLine) -> None:
        context, cart = self._context, self._cart
        if context is None or cart is None:
            return

        def removed(updated: Cart) -> None:
            if self._is_current(updated.id):
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
        delivery = self.delivery.details()
        self._sending = True
        self.sending.send_button.setEnabled(False)
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
        self.sending.send_button.setEnabled(self._cart is not None and bool(self._cart.lines))
        self._refuse(sentence)

    def _sent(self, sent: SentOrder) -> None:
        context = self._context
        self._sending = False
        patient_id = self._cart.patient.id if self._cart is not None and self._cart.patient else None
        self._clear_after_send()
        self.sending.show_sent(sent)
        self.sig_sent.emit(sent)
        if context is not None:
            self.sending.follow_up(sent, context, patient_id)

    def _clear_after_send(self) -> None:
        self._patient_id = None
        self._chosen_kind = None
        self.delivery.dirty = False
        self._tell("")
        self.recipient.identity_edit.clear()
        self.articles.individual_edit.clear()
        self._show_cart(None)
        self.recipient.focus_identity()

    # -- refresh -----------------------------------------------------------------------------------

    def _wrote(self, callback: Callable[[Any], None]) -> Callable[[Any], None]:
        """Wrap a write's answer: it is the cart as it now reads, so its own broadcast needs no second
        read, and a refresh still on its way (older) is no longer wanted."""

        def succeeded(result: Any) -> None:
            self._skip_refresh = True
            self._runner.supersede((self, "refresh"))
            callback(result)

        return succeeded

    def _on_changes(self, changes: Changes) -> None:
        if self._skip_refresh:
            self._skip_refresh = False
            return
        cart = self._cart
        if cart is None or not (changes.orders or changes.stock or changes.patients or changes.individuals):
            return
        order_id = cart.id

        def refreshed(updated: Cart) -> None:
            if self._is_current(updated.id):
                self._show_cart(updated)

        def gone(_sentence: str) -> None:
            if self._is_current(order_id):
                self._show_cart(None)

        order_ops.read_cart(
            self._runner, order_id=order_id, on_success=refreshed, on_error=gone, key=(self, "refresh")
        )
