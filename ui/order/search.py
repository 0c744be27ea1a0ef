"""Order search ("Orders", R17) and the order's detail: lines, purchase orders (R14), cancel (R16).

A full 8-digit number goes straight to that order; otherwise orders of a service location and period,
newest first, sortable by any column. "My orders" are those where the user is orderer or prescriber.
"""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from collections.abc import Callable
from typing import Any

from app.changes import Changes
from app.orders import DetailLine, OrderDetail, OrderQuery, OrderRow, PurchaseOrderRef
from app.organisation import LocationChoice, WorkContext
from app.scanning.codes import CodeKind
from app.typed_input import document_number, is_digits
from ui.labels import delivery_method_label, label
from ui.messages import MessageBoxes
from ui.operations import OperationRunner
from ui.operations import documents as document_ops
from ui.operations import orders as order_ops
from ui.order.numbers import Numbers
from ui.qt import (
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QGroupBox,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QPushButton,
    QShortcut,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scanning.targets import mark_scan_target, scan_into_line_edit
from ui.table_model import Column, RowSortProxy, RowTableModel
from ui.widgets import ERROR_STYLE, find_data, row_table

DEFAULT_PERIOD_DAYS = 30
FILTER_DELAY_MS = 200
ORDER_NUMBER_LENGTH = 8

Key = Callable[[Any], Any]


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class OrderSearchPage(QWidget):
    sig_status = Signal(str)
    sig_results = Signal(object)  # list[OrderRow], once shown
    sig_detail = Signal(object)  # OrderDetail, once shown
    sig_cancelled = Signal(object)  # the cancelled order's id
    sig_purchase_orders = Signal(object)  # tuple[PurchaseOrderRef, ...] created here
    sig_refused = Signal(str)

    def __init__(self, runner: OperationRunner, numbers: Numbers, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._numbers = numbers
        self._context: WorkContext | None = None
        self._detail: OrderDetail | None = None
        self._keep_selected: uuid.UUID | None = None
        self._open_single = False
        self._setup_filters()
        self._setup_results()
        self._setup_detail()
        self._setup_layout()
        self._setup_tab_order()
        self._setup_shortcuts()
        self._connect_signals()
        self._setup_scanning()
        self._show_detail(None)

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_filters(self) -> None:
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("orders_number")
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.setMaxLength(12)
        self.number_edit.setPlaceholderText(self.tr("Order number (8 digits) — Enter"))
        self.location_combo = QComboBox()
        self.location_combo.setObjectName("orders_location")
        today = dt.date.today()
        self.from_edit = QDateEdit(_qdate(today - dt.timedelta(days=DEFAULT_PERIOD_DAYS)))
        self.from_edit.setObjectName("orders_from")
        self.to_edit = QDateEdit(_qdate(today))
        self.to_edit.setObjectName("orders_to")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.mine_check = QCheckBox(self.tr("&My orders"))
        self.mine_check.setObjectName("orders_mine")
        self.mine_check.setToolTip(self.tr("Orders where you are the orderer or the prescriber"))
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.setObjectName("orders_search")
        self.count_label = QLabel()
        self.count_label.setObjectName("orders_count")
        self.count_label.setWordWrap(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)

    def _setup_results(self) -> None:
        columns: list[tuple[Column, Key]] = [
            (Column(self.tr("Number"), lambda r: r.number), lambda r: r.number),
            (Column(self.tr("Registered"), lambda r: r.created_on), lambda r: r.created_on),
            (Column(self.tr("Order kind"), lambda r: label(r.kind)), lambda r: label(r.kind)),
            (Column(self.tr("Status"), lambda r: label(r.status)), lambda r: label(r.status)),
            (Column(self.tr("Recipient"), lambda r: r.patient_label), lambda r: r.patient_label),
            (Column(self.tr("Orderer"), lambda r: r.orderer_name), lambda r: r.orderer_name),
            (Column(self.tr("Prescriber"), lambda r: r.prescriber_name), lambda r: r.prescriber_name),
            (
                Column(self.tr("Service location"), lambda r: r.service_location_code),
                lambda r: r.service_location_code,
            ),
            (Column(self.tr("Lines"), lambda r: r.line_count, align_right=True), lambda r: r.line_count),
        ]
        self.results_model = RowTableModel([c for c, _k in columns], self)
        self.results_proxy = RowSortProxy([k for _c, k in columns], self)
        self.results_proxy.setSourceModel(self.results_model)
        self.results_view = row_table("orders_results", self.results_proxy)
        self.results_view.setSortingEnabled(True)
        # Newest first as the search gives them, until the clerk clicks a column header.
        self.results_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.results_proxy.sort(-1)

    def _setup_detail(self) -> None:
        self.detail_title = QLabel()
        self.detail_title.setObjectName("orders_detail_title")
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_info = QLabel()
        self.detail_info.setObjectName("orders_detail_info")
        self.detail_info.setWordWrap(True)
        self.lines_model = RowTableModel(
            [
                Column(self.tr("Line"), lambda r: r.line_number, align_right=True),
                Column(self.tr("Article no."), lambda r: r.article_number),
                Column(self.tr("Name"), lambda r: r.article_name),
                Column(self.tr("Quantity"), lambda r: r.quantity, align_right=True),
                Column(self.tr("Deliver from"), lambda r: r.deliver_from_code),
                Column(self.tr("Status"), lambda r: label(r.status)),
                Column(self.tr("Planned delivery"), lambda r: r.planned_delivery_on),
                Column(self.tr("Delivered"), lambda r: r.delivered_on),
                Column(self.tr("Purchase order"), lambda r: r.purchase_order_number),
                Column(self.tr("Comment"), self._line_comment),
            ],
            self,
        )
        self.lines_view = row_table("orders_detail_lines", self.lines_model)
        self.delivery_label = QLabel()
        self.delivery_label.setObjectName("orders_delivery")
        self.delivery_label.setWordWrap(True)
        self.delivery_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.purchase_model = RowTableModel(
            [
                Column(self.tr("Purchase order"), lambda r: r.number),
                Column(self.tr("Supplier"), lambda r: r.supplier_name),
            ],
            self,
        )
        self.purchase_view = row_table("orders_purchase_orders", self.purchase_model)
        self.create_purchase_button = QPushButton(self.tr("Create &purchase orders"))
        self.create_purchase_button.setObjectName("orders_create_purchase_orders")
        self.print_purchase_button = QPushButton(self.tr("P&rint purchase order"))
        self.print_purchase_button.setObjectName("orders_print_purchase_order")
        self.cancel_button = QPushButton(self.tr("&Cancel order"))
        self.cancel_button.setObjectName("orders_cancel")
        self.cancel_refusal = QLabel()
        self.cancel_refusal.setObjectName("orders_cancel_refusal")
        self.cancel_refusal.setWordWrap(True)
        self.detail_message = QLabel()
        self.detail_message.setObjectName("orders_detail_message")
        self.detail_message.setWordWrap(True)

    def _line_comment(self, line: DetailLine) -> str:
        return line.comment

    def _setup_layout(self) -> None:
        filters = QHBoxLayout()
        for caption, widget in (
            (self.tr("&Number:"), self.number_edit),
            (self.tr("Service &location:"), self.location_combo),
            (self.tr("&From:"), self.from_edit),
            (self.tr("&To:"), self.to_edit),
        ):
            text = QLabel(caption)
            text.setBuddy(widget)
            filters.addWidget(text)
            filters.addWidget(widget, 1 if widget is self.number_edit else 0)
        filters.addWidget(self.mine_check)
        filters.addWidget(self.search_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.results_view, 1)

        detail = QGroupBox(self.tr("Order"))
        self.detail_box = detail
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_info)
        detail_layout.addWidget(QLabel(self.tr("Order lines:")))
        detail_layout.addWidget(self.lines_view, 2)
        detail_layout.addWidget(QLabel(self.tr("Delivery:")))
        detail_layout.addWidget(self.delivery_label)
        detail_layout.addWidget(QLabel(self.tr("Purchase orders:")))
        detail_layout.addWidget(self.purchase_view, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.create_purchase_button)
        buttons.addWidget(self.print_purchase_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.cancel_refusal)
        detail_layout.addWidget(self.detail_message)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _setup_tab_order(self) -> None:
        chain: list[QWidget] = [
            self.number_edit,
            self.location_combo,
            self.from_edit,
            self.to_edit,
            self.mine_check,
            self.search_button,
            self.results_view,
            self.lines_view,
            self.purchase_view,
            self.create_purchase_button,
            self.print_purchase_button,
            self.cancel_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _setup_shortcuts(self) -> None:
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        QShortcut(QKeySequence("Ctrl+F"), self, self.focus_number, context=context)

    def _connect_signals(self) -> None:
        self.number_edit.returnPressed.connect(self._number_entered)
        self.number_edit.textChanged.connect(self._number_typed)
        self.location_combo.activated.connect(self._filters_changed)
        self.from_edit.dateChanged.connect(self._filters_changed)
        self.to_edit.dateChanged.connect(self._filters_changed)
        self.mine_check.toggled.connect(self._filters_changed)
        self._filter_timer.timeout.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.results_view.selectionModel().selectionChanged.connect(self._result_selected)
        self.results_view.activated.connect(lambda _index: self.lines_view.setFocus())
        self.create_purchase_button.clicked.connect(self.create_purchase_orders)
        self.print_purchase_button.clicked.connect(self.print_selected_purchase_order)
        self.purchase_view.activated.connect(lambda _index: self.print_selected_purchase_order())
        self.cancel_button.clicked.connect(self.cancel_selected_order)
        self._runner.sig_changes.connect(self._on_changes)

    def _setup_scanning(self) -> None:
        mark_scan_target(
            self.number_edit,
            scan_into_line_edit(self.number_edit),
            frozenset({CodeKind.DOCUMENT}),
            what=self.tr("the order number field"),
        )

    # -- context -----------------------------------------------------------------------------------

    def set_context(self, context: WorkContext) -> None:
        self._context = context
        self.location_combo.clear()
        self.location_combo.addItem(context.service_location_name, context.service_location_id)
        self.location_combo.addItem(self.tr("All service locations"), None)
        order_ops.user_locations(self._runner, context=context, on_success=self._locations_loaded)
        self.search()

    def _locations_loaded(self, locations: tuple[LocationChoice, ...]) -> None:
        context = self._context
        if context is None:
            return
        chosen = self.location_combo.currentData()
        self.location_combo.blockSignals(True)
        self.location_combo.clear()
        self.location_combo.addItem(context.service_location_name, context.service_location_id)
        for location in locations:
            if location.id != context.service_location_id:
                self.location_combo.addItem(location.name, location.id)
        self.location_combo.addItem(self.tr("All service locations"), None)
        index = find_data(self.location_combo, chosen)
        self.location_combo.setCurrentIndex(index if index >= 0 else 0)
        self.location_combo.blockSignals(False)

    def focus_number(self) -> None:
        self.number_edit.setFocus()
        self.number_edit.selectAll()

    def show_order(self, order_id: uuid.UUID) -> None:
        """The order *order_id* (a scan of its number, or of one of its purchase orders, routed here):
        selected in the list when it is listed, its detail shown in any case."""
        if not self.select_order(order_id):
            self.results_view.clearSelection()
            self._load_detail(order_id)

    # -- searching ---------------------------------------------------------------------------------

    def _number_digits(self) -> str:
        return document_number(self.number_edit.text())

    def _number_typed(self) -> None:
        digits = self._number_digits()
        if not digits:
            self._filters_changed()
        elif len(digits) == ORDER_NUMBER_LENGTH and is_digits(digits):
            self._open_single = True
            self.search()

    def _number_entered(self) -> None:
        digits = self._number_digits()
        if digits and (len(digits) != ORDER_NUMBER_LENGTH or not is_digits(digits)):
            self._refuse(self.tr("Type the whole order number: 8 digits (year, week, running number)."))
            return
        self._open_single = bool(digits)
        self.search()

    def _filters_changed(self, *_args: Any) -> None:
        if self._context is not None:
            self._filter_timer.start()

    def _query(self) -> OrderQuery:
        digits = self._number_digits()
        if len(digits) == ORDER_NUMBER_LENGTH and is_digits(digits):
            return OrderQuery(number=digits)
        return OrderQuery(
            service_location_id=self.location_combo.currentData(),
            date_from=_pydate(self.from_edit.date()),
            date_to=_pydate(self.to_edit.date()),
            mine=self.mine_check.isChecked(),
        )

    def search(self) -> None:
        context = self._context
        if context is None:
            return
        self._filter_timer.stop()
        selected = self.selected_row()
        if selected is not None:
            self._keep_selected = selected.id
        order_ops.search_orders(
            self._runner,
            context=context,
            query=self._query(),
            on_success=self._show_results,
            on_error=self._search_failed,
            key=(self, "search"),  # the filters changed while a search ran: only the newest is shown
        )

    def _search_failed(self, sentence: str) -> None:
        self.results_model.set_rows([])
        self._refuse(sentence)
        self._show_detail(None)

    def _refuse(self, sentence: str) -> None:
        self.count_label.setStyleSheet(ERROR_STYLE)
        self.count_label.setText(sentence)
        self.sig_refused.emit(sentence)

    def _show_results(self, rows: list[OrderRow]) -> None:
        keep, self._keep_selected = self._keep_selected, None
        self.results_model.set_rows(rows)
        self.count_label.setStyleSheet("")
        if not rows:
            self.count_label.setText(self.tr("No order found."))
        else:
            self.count_label.setText(self.tr("Orders found: {count}.").format(count=len(rows)))
        chosen = next((i for i, row in enumerate(rows) if row.id == keep), None)
        if chosen is None and self._open_single and len(rows) == 1:
            chosen = 0
        self._open_single = False
        if chosen is not None:
            proxy_row = self.results_proxy.mapFromSource(self.results_model.index(chosen, 0)).row()
            self.results_view.selectRow(proxy_row)
        else:
            self._show_detail(None)
        self.sig_results.emit(rows)

    def selected_row(self) -> OrderRow | None:
        rows = self.results_view.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.results_proxy.mapToSource(rows[0])
        if not 0 <= source.row() < self.results_model.rowCount():
            return None
        row: OrderRow = self.results_model.row_at(source.row())
        return row

    def select_order(self, order_id: uuid.UUID) -> bool:
        """Select the order in the results (tests, and a link from elsewhere); False when it is not listed."""
        for row in range(self.results_model.rowCount()):
            if self.results_model.row_at(row).id == order_id:
                proxy_row = self.results_proxy.mapFromSource(self.results_model.index(row, 0)).row()
                self.results_view.selectRow(proxy_row)
                return True
        return False

    # -- the detail --------------------------------------------------------------------------------

    def _result_selected(self, *_args: Any) -> None:
        row = self.selected_row()
        if row is None:
            self._runner.supersede((self, "detail"))
            self._show_detail(None)
            return
        self._load_detail(row.id)

    def _load_detail(self, order_id: uuid.UUID) -> None:
        def failed(sentence: str) -> None:
            self._show_detail(None)
            self.detail_message.setStyleSheet(ERROR_STYLE)
            self.detail_message.setText(sentence)

        order_ops.order_detail(
            self._runner,
            order_id=order_id,
            on_success=self._show_detail,
            on_error=failed,
            key=(self, "detail"),
        )

    def current_detail(self) -> OrderDetail | None:
        return self._detail

    def _show_detail(self, detail: OrderDetail | None) -> None:
        self._detail = detail
        self.detail_message.clear()
        self.detail_message.setStyleSheet("")
        if detail is None:
            self.detail_title.setText(
                self.tr("Select an order to see its lines, delivery and purchase orders.")
            )
            self.detail_info.clear()
            self.lines_model.set_rows([])
            self.purchase_model.set_rows([])
            self.delivery_label.clear()
            self.cancel_refusal.clear()
            for button in (self.create_purchase_button, self.print_purchase_button, self.cancel_button):
                button.setEnabled(False)
            self.create_purchase_button.setVisible(False)
            return
        row = detail.row
        self.detail_title.setText(
            self.tr("Order {number} — {kind} — {status}").format(
                number=row.number, kind=label(row.kind), status=label(row.status)
            )
        )
        info = [
            self.tr("Registered {date} at {location}.").format(
                date=row.created_on.isoformat(), location=row.service_location_code
            ),
            self.tr("Orderer: {name}.").format(name=row.orderer_name),
        ]
        if row.prescriber_name:
            info.append(self.tr("Prescriber: {name}.").format(name=row.prescriber_name))
        if row.patient_label:
            info.append(self.tr("Recipient: {patient}.").format(patient=row.patient_label))
        self.detail_info.setText(" ".join(info))
        self.lines_model.set_rows(detail.lines)
        self.purchase_model.set_rows(detail.purchase_orders)
        if detail.purchase_orders:
            self.purchase_view.selectRow(0)
        self.delivery_label.setText(self._delivery_text(detail))
        self.create_purchase_button.setVisible(detail.needs_purchase_orders)
        self.create_purchase_button.setEnabled(detail.needs_purchase_orders)
        self.print_purchase_button.setEnabled(bool(detail.purchase_orders))
        self.cancel_button.setEnabled(detail.can_cancel)
        if detail.can_cancel or not detail.cancel_refusal:
            self.cancel_refusal.clear()
        else:
            self.cancel_refusal.setText(QCoreApplication.translate("app", detail.cancel_refusal))
        self.sig_detail.emit(detail)

    def _delivery_text(self, detail: OrderDetail) -> str:
        delivery = detail.delivery
        parts = [delivery_method_label(delivery.method)]
        address = ", ".join(
            p
            for p in (
                delivery.name,
                delivery.street,
                f"{delivery.postal_code} {delivery.city}".strip(),
            )
            if p
        )
        if address:
            parts.append(address)
        contact = ", ".join(p for p in (delivery.contact_name, delivery.contact_phone) if p)
        if contact:
            parts.append(self.tr("Contact: {contact}").format(contact=contact))
        if delivery.comment:
            parts.append(self.tr("Comment: {comment}").format(comment=delivery.comment))
        return "\n".join(parts)

    # -- actions -----------------------------------------------------------------------------------

    def cancel_selected_order(self) -> None:
        context, detail = self._context, self._detail
        if context is None or detail is None:
            return
        if not detail.can_cancel:
            self.cancel_refusal.setText(QCoreApplication.translate("app", detail.cancel_refusal))
            return
        number = detail.row.number
        if not MessageBoxes.ask(
            self,
            self.tr("Cancel order"),
            self.tr("Cancel order {number}? Its lines will not be delivered and no fee is billed.").format(
                number=number
            ),
        ):
            return

        def cancelled(order_id: uuid.UUID) -> None:
            text = self.tr("Order {number} cancelled.").format(number=number)
            self.detail_message.setStyleSheet("")
            self.detail_message.setText(text)
            self.sig_status.emit(text)
            self.sig_cancelled.emit(order_id)

        def refused(sentence: str) -> None:
            self.cancel_refusal.setText(sentence)
            self.sig_refused.emit(sentence)
            MessageBoxes.warn(self, self.tr("Cancel order"), sentence)

        order_ops.cancel_order(
            self._runner, context=context, order_id=detail.row.id, on_success=cancelled, on_error=refused
        )

    def create_purchase_orders(self) -> None:
        context, detail = self._context, self._detail
        if context is None or detail is None or not detail.needs_purchase_orders:
            return

        def created(refs: tuple[PurchaseOrderRef, ...]) -> None:
            listing = ", ".join(f"{ref.number} ({ref.supplier_name})" for ref in refs)
            text = self.tr("Purchase orders created: {list}.").format(list=listing)
            self.detail_message.setStyleSheet("")
            self.detail_message.setText(text)
            self.sig_status.emit(text)
            self.sig_purchase_orders.emit(refs)

        def refused(sentence: str) -> None:
            self.detail_message.setStyleSheet(ERROR_STYLE)
            self.detail_message.setText(sentence)
            self.sig_refused.emit(sentence)

        order_ops.create_purchase_orders(
            self._runner,
            context=context,
            order_id=detail.row.id,
            numbers=self._numbers,
            on_success=created,
            on_error=refused,
        )

    def selected_purchase_order(self) -> PurchaseOrderRef | None:
        rows = self.purchase_view.selectionModel().selectedRows()
        if not rows or not 0 <= rows[0].row() < self.purchase_model.rowCount():
            return None
        ref: PurchaseOrderRef = self.purchase_model.row_at(rows[0].row())
        return ref

    def print_selected_purchase_order(self) -> None:
        ref = self.selected_purchase_order()
        if ref is not None:
            self.print_purchase_order(ref)

    def print_purchase_order(self, ref: PurchaseOrderRef) -> None:
        """The purchase order of one supplier as a PDF to print and send (R14)."""

        def saved(_path: object) -> None:
            self.sig_status.emit(
                self.tr("Purchase order {number} opened for printing.").format(number=ref.number)
            )

        def failed(sentence: str) -> None:
            self.detail_message.setStyleSheet(ERROR_STYLE)
            self.detail_message.setText(sentence)

        document_ops.print_purchase_order(
            self._runner,
            purchase_order_id=ref.id,
            number=ref.number,
            parent=self,
            on_done=saved,
            on_error=failed,
        )

    # -- refresh -----------------------------------------------------------------------------------

    def _on_changes(self, changes: Changes) -> None:
        if not changes.orders or self._context is None:
            return
        self.search()  # keeps the selected order, whose detail then reloads
