"""The goods-receipt page (Kvittera direktleverans): find a delivery by purchase or order number (R18),
price and mark what arrived (R19), receive or cancel the ticked lines and see every delivery still
waiting at the service location (R20).

Built for a handheld scanner: the number field takes a purchase or order number, a line's fields take the
individual and serial numbers, and Enter moves on to the next field; after the last one Enter lands on
"Receive ticked lines". A box's UDI code scanned anywhere on the page fills the serial number of the line
whose article has its GTIN.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from app.changes import Changes
from app.errors import ClerkError
from app.organisation import WorkContext
from app.receipts import (
    Delivery,
    DeliveryLine,
    DeliverySummary,
    LineReceipt,
    ReceiptResult,
    parse_amount,
    unit_price_from_total,
)
from app.scanning.codes import Code, CodeKind
from app.scanning.gs1 import gtin_check
from app.typed_input import whole_number
from db.models.enums import OrderKind
from ui.messages import MessageBoxes
from ui.operations import OperationRunner, clerk_sentence
from ui.operations import receipts as receipt_ops
from ui.qt import (
    QCheckBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scanning.targets import mark_scan_target, not_a_box_code, put_into_line_edit, scan_into_line_edit
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, money, row_table

if TYPE_CHECKING:
    from ui.individual_labels import PrintLabelsDialog


class LineEditor(QFrame):
    """One open line: its tick box, the price when it has none (R19), one row per unit when
    individually marked (R19), and the delivered quantity (R18: a line is received whole or not at all)."""

    sig_edited = Signal()

    def __init__(
        self, line: DeliveryLine, takes: Callable[[Code], bool] | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.line = line
        #: Whether a line's field takes a scanned code (the page keeps a box's codes for itself).
        self._takes = takes
        self.setObjectName(f"receipt_line_{line.line_number}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        n = line.line_number
        self.tick = QCheckBox(
            self.tr("Line {line}: {article_number} {article_name}").format(
                line=n, article_number=line.article_number, article_name=line.article_name
            )
        )
        self.tick.setObjectName(f"tick_{n}")
        facts = [
            self.tr("Ordered: {quantity}").format(quantity=line.quantity),
            self.tr("Supplier: {supplier} {number}")
            .format(supplier=line.supplier_name, number=line.supplier_article_number)
            .strip(),
            self.tr("Purchase order: {number}").format(number=line.purchase_order_number or "–"),
        ]
        if line.planned_delivery_on:
            facts.append(self.tr("Planned: {day}").format(day=line.planned_delivery_on.isoformat()))
        if not line.needs_price:
            facts.append(self.tr("Unit price: {price} kr").format(price=money(line.unit_price)))
        self.facts = QLabel(" · ".join(facts))
        self.facts.setObjectName(f"facts_{n}")
        self.facts.setWordWrap(True)
        self.delivered_edit = QLineEdit(str(line.quantity))
        self.delivered_edit.setObjectName(f"delivered_{n}")
        self.delivered_edit.setMaximumWidth(80)
        self.price_edit: QLineEdit | None = None
        self.total_edit: QLineEdit | None = None
        self.unit_edits: list[tuple[QLineEdit, QLineEdit]] = []

        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.tick, 1)
        top.addWidget(QLabel(self.tr("Delivered:")))
        top.addWidget(self.delivered_edit)
        layout.addLayout(top)
        layout.addWidget(self.facts)
        if line.comment:
            comment = QLabel(self.tr("Comment: {text}").format(text=line.comment))
            comment.setWordWrap(True)
            layout.addWidget(comment)
        if line.needs_price:
            self._setup_price(layout)
        if line.individually_marked:
            self._setup_units(layout)
        self.delivered_edit.textEdited.connect(self._edited)

    def _setup_price(self, layout: QVBoxLayout) -> None:
        n = self.line.line_number
        self.price_edit = QLineEdit()
        self.price_edit.setObjectName(f"price_{n}")
        self.price_edit.setPlaceholderText(self.tr("Unit price, kr"))
        self.total_edit = QLineEdit()
        self.total_edit.setObjectName(f"total_{n}")
        self.total_edit.setPlaceholderText(self.tr("Total on the delivery note, kr"))
        row = QHBoxLayout()
        note = QLabel(
            self.tr(
                "No price on the order: type the unit price, or the total to divide by {quantity}."
            ).format(quantity=self.line.quantity)
        )
        note.setWordWrap(True)
        note.setStyleSheet("color:#8a5a00;")
        layout.addWidget(note)
        row.addWidget(QLabel(self.tr("Unit price:")))
        row.addWidget(self.price_edit)
        row.addWidget(QLabel(self.tr("or total:")))
        row.addWidget(self.total_edit)
        layout.addLayout(row)
        self.price_edit.textEdited.connect(self._edited)
        self.total_edit.textEdited.connect(self._total_edited)

    def _setup_units(self, layout: QVBoxLayout) -> None:
        n = self.line.line_number
        grid = QGridLayout()
        grid.addWidget(QLabel(self.tr("Unit")), 0, 0)
        grid.addWidget(QLabel(self.tr("Individual number")), 0, 1)
        grid.addWidget(QLabel(self.tr("Serial number")), 0, 2)
        for unit in range(1, self.line.quantity + 1):
            number = QLineEdit()
            number.setObjectName(f"individual_{n}_{unit}")
            serial = QLineEdit()
            serial.setObjectName(f"serial_{n}_{unit}")
            grid.addWidget(QLabel(str(unit)), unit, 0)
            grid.addWidget(number, unit, 1)
            grid.addWidget(serial, unit, 2)
            number.textEdited.connect(self._edited)
            serial.textEdited.connect(self._edited)
            mark_scan_target(
                number,
                scan_into_line_edit(number, take_kinds=self._takes),
                what=self.tr("the individual number field of line {line}").format(line=n),
            )
            mark_scan_target(
                serial,
                scan_into_line_edit(serial, take_kinds=self._takes),
                what=self.tr("the serial number field of line {line}").format(line=n),
            )
            self.unit_edits.append((number, serial))
        layout.addLayout(grid)

    def fields(self) -> list[QLineEdit]:
        """The fields a scanner fills, in the order Enter walks through them."""
        chain: list[QLineEdit] = []
        if self.price_edit is not None and self.total_edit is not None:
            chain += [self.total_edit, self.price_edit]
        for number, serial in self.unit_edits:
            chain += [number, serial]
        return chain

    def _edited(self) -> None:
        self.tick.setChecked(True)  # typing into a line means it arrived
        self.sig_edited.emit()

    def _total_edited(self, text: str) -> None:
        self._edited()
        if self.price_edit is None:
            return
        try:
            price = unit_price_from_total(parse_amount(text), self.line.quantity)
        except ClerkError:
            return  # half typed: the unit price is filled once the total reads as an amount
        self.price_edit.setText(money(price).replace("\u00a0", " "))

    def receipt(self) -> LineReceipt:
        """What the clerk confirmed; raises the clerk's sentence for an amount that cannot be read."""
        quantity = whole_number(self.delivered_edit.text())
        price: Decimal | None = None
        if self.price_edit is not None and self.price_edit.text().strip():
            price = parse_amount(self.price_edit.text())
        units = tuple((number.text(), serial.text()) for number, serial in self.unit_edits)
        unreadable = -1  # refused by the receipt with its sentence
        return LineReceipt(
            self.line.id, quantity=unreadable if quantity is None else quantity, unit_price=price, units=units
        )


class ReceiptPage(QWidget):
    sig_status = Signal(str)
    sig_delivery_shown = Signal(object)  # Delivery, or None when cleared
    sig_received = Signal(object)  # ReceiptResult
    sig_list_loaded = Signal(int)

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._context: WorkContext | None = None
        self.delivery: Delivery | None = None
        self.line_editors: list[LineEditor] = []
        self._setup_find()
        self._setup_list()
        self._setup_delivery()
        self._setup_layout()
        self._connect_signals()
        self._setup_scanning()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_find(self) -> None:
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("receipt_number")
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.setPlaceholderText(
            self.tr("Purchase number or order number from the delivery note — scan or type, then Enter")
        )
        self.find_button = QPushButton(self.tr("Find"))
        self.find_button.setObjectName("receipt_find")
        self.message = QLabel()
        self.message.setObjectName("receipt_message")
        self.message.setWordWrap(True)
        self.labels_button = QPushButton()
        self.labels_button.setObjectName("receipt_print_labels")
        self.labels_button.setVisible(False)
        #: The individuals of the last receipt, for their labels.
        self.received_individuals: tuple[uuid.UUID, ...] = ()
        self.label_dialog: PrintLabelsDialog | None = None

    def _setup_list(self) -> None:
        self.list_title = QLabel(self.tr("Unreceived deliveries"))
        self.list_model = RowTableModel(
            [
                Column(self.tr("Planned"), lambda s: s.planned_delivery_on),
                Column(self.tr("Order"), lambda s: s.order_number),
                Column(self.tr("Purchase order"), lambda s: ", ".join(s.purchase_order_numbers)),
                Column(self.tr("Supplier"), lambda s: ", ".join(s.supplier_names)),
                Column(self.tr("For"), self._summary_for),
                Column(self.tr("Orderer"), lambda s: s.orderer_name),
                Column(self.tr("Lines"), lambda s: s.open_lines, align_right=True),
            ],
            self,
        )
        self.list_view = row_table("receipt_unreceived", self.list_model)

    def _summary_for(self, summary: DeliverySummary) -> str:
        if summary.kind is OrderKind.REPLENISHMENT:
            return self.tr("Own stock (replenishment)")
        if summary.protected_identity:
            return self.tr("{name} (protected identity)").format(name=summary.patient_label)
        return summary.patient_label

    def _setup_delivery(self) -> None:
        self.header = QLabel(self.tr("Scan a number or pick a delivery from the list."))
        self.header.setObjectName("receipt_header")
        self.header.setWordWrap(True)
        self.header.setTextFormat(Qt.TextFormat.PlainText)
        self.select_all = QCheckBox(self.tr("Select all"))
        self.select_all.setObjectName("receipt_select_all")
        self.note_edit = QLineEdit()
        self.note_edit.setObjectName("receipt_delivery_note")
        self.note_edit.setPlaceholderText(self.tr("Delivery note number (optional)"))
        self.note_edit.setMaxLength(40)
        # Wide enough for its placeholder: "Delivery note number (optional)" must not read "Följesedelsnumm…".
        self.note_edit.setMinimumWidth(
            self.note_edit.fontMetrics().horizontalAdvance(self.note_edit.placeholderText()) + 24
        )
        self.lines_box = QWidget()
        self.lines_layout = QVBoxLayout(self.lines_box)
        self.lines_layout.addStretch(1)
        self.lines_scroll = QScrollArea()
        self.lines_scroll.setObjectName("receipt_lines")
        self.lines_scroll.setWidgetResizable(True)
        self.lines_scroll.setWidget(self.lines_box)
        self.receive_button = QPushButton(self.tr("Receive ticked lines"))
        self.receive_button.setObjectName("receipt_receive")
        self.receive_button.setAutoDefault(True)
        self.cancel_button = QPushButton(self.tr("Cancel ticked lines"))
        self.cancel_button.setObjectName("receipt_cancel_lines")
        self._enable_actions()

    def _setup_layout(self) -> None:
        find_row = QHBoxLayout()
        find_row.addWidget(QLabel(self.tr("Purchase or order number:")))
        find_row.addWidget(self.number_edit, 1)
        find_row.addWidget(self.find_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list_title)
        left_layout.addWidget(self.list_view, 1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.header)
        tools = QHBoxLayout()
        tools.addWidget(self.select_all)
        tools.addStretch(1)
        tools.addWidget(self.note_edit)
        right_layout.addLayout(tools)
        right_layout.addWidget(self.lines_scroll, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.receive_button)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(find_row)
        message_row = QHBoxLayout()
        message_row.addWidget(self.message, 1)
        message_row.addWidget(self.labels_button)
        layout.addLayout(message_row)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.number_edit.returnPressed.connect(self.find_delivery)
        self.find_button.clicked.connect(self.find_delivery)
        self.list_view.activated.connect(self._open_index)
        self.select_all.clicked.connect(self._select_all)
        self.note_edit.returnPressed.connect(self._focus_first_field)
        self.receive_button.clicked.connect(self.receive)
        self.cancel_button.clicked.connect(self.cancel_ticked)
        self.labels_button.clicked.connect(self.print_labels)
        self._runner.sig_changes.connect(self._on_changes)

    def _setup_scanning(self) -> None:
        mark_scan_target(
            self.number_edit,
            scan_into_line_edit(self.number_edit, take_kinds=not_a_box_code),
            what=self.tr("the purchase or order number field"),
        )
        mark_scan_target(
            self,
            self.take_scan,
            frozenset({CodeKind.UDI, CodeKind.GTIN, CodeKind.DOCUMENT}),
            what=self.tr("the goods receipt page"),
        )

    # -- context and the list ------------------------------------------------------------------------

    def set_context(self, context: WorkContext) -> None:
        self._context = context
        self.list_title.setText(
            self.tr("Unreceived deliveries of {location}").format(location=context.service_location_name)
        )
        self._runner.supersede((self, "delivery"))
        self._show_received_individuals(())
        self._show_delivery(None)
        self.refresh_list()

    def refresh_list(self) -> None:
        context = self._context
        if context is None:
            return
        receipt_ops.unreceived_deliveries(
            self._runner,
            context=context,
            on_success=self._list_loaded,
            on_error=self._show_error,
            key=(self, "list"),  # an older list never overwrites a newer one
        )

    def _list_loaded(self, rows: list[DeliverySummary]) -> None:
        selected = self.list_view.currentIndex()
        chosen = self.list_model.row_at(selected.row()).order_id if selected.isValid() else None
        self.list_model.set_rows(rows)
        for row, summary in enumerate(rows):
            if summary.order_id == chosen:
                self.list_view.setCurrentIndex(self.list_model.index(row, 0))
        self.sig_list_loaded.emit(len(rows))

    def _on_changes(self, changes: Changes) -> None:
        if changes.orders:
            self.refresh_list()

    def _open_index(self, index: Any) -> None:
        context = self._context
        if context is None:
            return
        summary: DeliverySummary = self.list_model.row_at(index.row())
        receipt_ops.read_delivery(
            self._runner,
            context=context,
            order_id=summary.order_id,
            on_success=self._delivery_found,
            on_error=self._show_error,
            key=(self, "delivery"),  # the clerk asked for another delivery since: only that one is shown
        )

    # -- finding -----------------------------------------------------------------------------------

    def find_delivery(self) -> None:
        context = self._context
        if context is None:
            return
        receipt_ops.find_delivery(
            self._runner,
            context=context,
            number=self.number_edit.text(),
            on_success=self._delivery_found,
            on_error=self._show_error,
            key=(self, "delivery"),
        )

    def _delivery_found(self, delivery: Delivery) -> None:
        self._clear_message()
        self._show_delivery(delivery)
        self._focus_first_field()

    def _show_delivery(self, delivery: Delivery | None) -> None:
        self.delivery = delivery
        for editor in self.line_editors:
            editor.setParent(None)
            editor.deleteLater()
        self.line_editors = []
        self.select_all.setChecked(False)
        self.note_edit.clear()
        if delivery is None:
            self.header.setText(self.tr("Scan a number or pick a delivery from the list."))
        else:
            self.header.setText(self._header_text(delivery))
            for line in delivery.lines:
                editor = LineEditor(line, self._field_takes)
                editor.tick.toggled.connect(self._enable_actions)
                self.lines_layout.insertWidget(self.lines_layout.count() - 1, editor)
                self.line_editors.append(editor)
            self._chain_fields()
        self._enable_actions()
        self.sig_delivery_shown.emit(delivery)

    def _header_text(self, delivery: Delivery) -> str:
        if delivery.kind is OrderKind.REPLENISHMENT:
            receiver = self.tr("Replenishment of own stock")
        elif delivery.protected_identity:
            receiver = self.tr("Patient: {name} (protected identity)").format(name=delivery.patient_label)
        else:
            receiver = self.tr("Patient: {name}").format(name=delivery.patient_label)
        lines = [
            self.tr("Order {number} · purchase order {purchase} · {suppliers}").format(
                number=delivery.order_number,
                purchase=", ".join(delivery.purchase_order_numbers) or "–",
                suppliers=", ".join(delivery.supplier_names),
            ),
            receiver,
            self.tr("Ordered by {name} · planned delivery {day}").format(
                name=delivery.orderer_name,
                day=delivery.planned_delivery_on.isoformat() if delivery.planned_delivery_on else "–",
            ),
        ]
        return "\n".join(lines)

    def _chain_fields(self) -> None:
        """Enter in a field moves to the next one; from the last one to "Receive ticked lines"."""
        fields = [field for editor in self.line_editors for field in editor.fields()]
        for current, following in zip(fields, [*fields[1:], None], strict=True):
            current.returnPressed.connect(lambda target=following: self._focus(target))

    def _focus(self, target: QLineEdit | None) -> None:
        if target is None:
            self.receive_button.setFocus()
        else:
            target.setFocus()
            target.selectAll()

    def _focus_first_field(self) -> None:
        fields = [field for editor in self.line_editors for field in editor.fields()]
        if fields:
            self._focus(fields[0])
        elif self.line_editors:
            self.line_editors[0].tick.setFocus()

    def _select_all(self, checked: bool) -> None:
        for editor in self.line_editors:
            editor.tick.setChecked(checked)

    def _ticked(self) -> list[LineEditor]:
        return [editor for editor in self.line_editors if editor.tick.isChecked()]

    def _enable_actions(self) -> None:
        ticked = bool(self._ticked())
        self.receive_button.setEnabled(ticked)
        self.cancel_button.setEnabled(ticked)
        self.select_all.setEnabled(bool(self.line_editors))

    # -- scanning ----------------------------------------------------------------------------------

    def load_number(self, number: str) -> None:
        """The delivery of a purchase or order number (scanned elsewhere and routed here)."""
        self.number_edit.setText(number)
        self.find_delivery()

    def _lines_of_gtin(self, gtin: str | None) -> list[LineEditor]:
        """The individually marked lines whose article has *gtin* (any length: compared as GTIN-14)."""
        wanted = gtin_check(gtin) if gtin else None
        return [
            e for e in self.line_editors if wanted and e.line.gtin == wanted and e.line.individually_marked
        ]

    def _field_takes(self, code: Code) -> bool:
        """A line's individual or serial field takes what is typed or scanned into it, but a box's UDI and
        the GTIN of an article on the delivery are the page's (they fill the right line)."""
        if code.udi is not None or CodeKind.HIBC in code.kinds[:1]:
            return False
        return not (CodeKind.GTIN in code.kinds and self._lines_of_gtin(code.text))

    def take_scan(self, code: Code) -> bool:
        """A code scanned on the page outside a field that takes it: a number loads its delivery; a box's
        UDI fills the serial number of a unit of the line whose article has its GTIN."""
        if code.udi is not None:
            self._take_udi(code.udi.gtin, code.udi.serial)
            return True
        if CodeKind.GTIN in code.kinds and self.delivery is not None:
            lines = self._lines_of_gtin(code.text)
            if not lines:
                return False  # an article not on this delivery: the router shows it
            self._show_error(
                self.tr(
                    "The box's code names line {line} ({article}); scan its serial number or its UDI code."
                ).format(line=lines[0].line.line_number, article=lines[0].line.article_name)
            )
            return True
        if CodeKind.DOCUMENT in code.kinds:
            self.load_number(code.text)
            return True
        return False

    def _take_udi(self, gtin: str | None, serial: str | None) -> None:
        if self.delivery is None:
            self._show_error(
                self.tr("Find the delivery first (scan its purchase or order number), then scan the boxes.")
            )
            return
        if not serial:
            self._show_error(self.tr("This box's code carries no serial number: type the serial number."))
            return
        lines = self._lines_of_gtin(gtin)
        if not lines:
            self._show_error(
                self.tr("No line of this delivery is for the article with GTIN {gtin}.").format(
                    gtin=gtin or "–"
                )
            )
            return
        serials = [s for editor in lines for _n, s in editor.unit_edits]
        focused = self.focusWidget()
        field = next((s for s in serials if s is focused and not s.text().strip()), None)
        field = field or next((s for s in serials if not s.text().strip()), None)
        if field is None:
            self._show_error(
                self.tr("Every unit of line {line} already has a serial number.").format(
                    line=lines[0].line.line_number
                )
            )
            return
        self._clear_message()
        put_into_line_edit(field, serial)

    # -- receiving and cancelling ------------------------------------------------------------------

    def receive(self) -> None:
        context, delivery = self._context, self.delivery
        ticked = self._ticked()
        if context is None or delivery is None:
            return
        if not ticked:
            self._show_error(self.tr("Tick the lines that were delivered."))
            return
        try:
            chosen = [editor.receipt() for editor in ticked]
        except ClerkError as error:
            self._show_error(clerk_sentence(error))
            return
        self.receive_button.setEnabled(False)
        receipt_ops.receive(
            self._runner,
            context=context,
            order_id=delivery.order_id,
            lines=chosen,
            delivery_note=self.note_edit.text(),
            today=dt.date.today(),
            on_success=self._received,
            on_error=self._action_refused,
        )

    def _received(self, result: ReceiptResult) -> None:
        text = self.tr("Received %n lines of order {number}.", "", result.lines_received).format(
            number=result.order_number
        )
        self._after_action(text, result.order_id)
        self._show_received_individuals(result.individual_ids)
        self.sig_received.emit(result)

    def _show_received_individuals(self, individual_ids: tuple[uuid.UUID, ...]) -> None:
        self.received_individuals = individual_ids
        self.labels_button.setText(
            self.tr("Print labels for the %n received individuals…", "", len(individual_ids))
        )
        self.labels_button.setVisible(bool(individual_ids))

    def print_labels(self) -> None:
        """The labels of the individuals just received (to stick on their boxes)."""
        if not self.received_individuals:
            return
        from ui.individual_labels import PrintLabelsDialog

        self.label_dialog = PrintLabelsDialog(self._runner, self.received_individuals, self)
        self.label_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.label_dialog.destroyed.connect(self._label_dialog_closed)
        self.label_dialog.open()

    def _label_dialog_closed(self) -> None:
        self.label_dialog = None

    def cancel_ticked(self) -> None:
        context, delivery = self._context, self.delivery
        ticked = self._ticked()
        if context is None or delivery is None or not ticked:
            return
        question = self.tr(
            "Cancel %n ticked lines of order {number}? They cannot be received afterwards, and you must "
            "tell the supplier yourself.",
            "",
            len(ticked),
        ).format(number=delivery.order_number)
        if not MessageBoxes.ask(self, self.tr("Cancel lines"), question):
            return
        count = len(ticked)
        receipt_ops.cancel_lines(
            self._runner,
            context=context,
            order_id=delivery.order_id,
            line_ids=[editor.line.id for editor in ticked],
            today=dt.date.today(),
            on_success=lambda _none: self._after_action(
                self.tr("Cancelled %n lines of order {number}.", "", count).format(
                    number=delivery.order_number
                ),
                delivery.order_id,
            ),
            on_error=self._action_refused,
        )

    def _after_action(self, text: str, order_id: uuid.UUID) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.sig_status.emit(text)
        context = self._context
        if context is None:
            return

        def gone(_sentence: str) -> None:  # nothing left to receive on the order: clear the page
            self._show_delivery(None)
            self.number_edit.setFocus()
            self.number_edit.selectAll()

        receipt_ops.read_delivery(
            self._runner,
            context=context,
            order_id=order_id,
            on_success=self._show_delivery,
            on_error=gone,
            key=(self, "delivery"),
        )

    def _action_refused(self, sentence: str) -> None:
        """One sentence; what the clerk typed stays where it is."""
        self._show_error(sentence)
        self._enable_actions()

    # -- messages ----------------------------------------------------------------------------------

    def _show_error(self, sentence: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(sentence)

    def _clear_message(self) -> None:
        self.message.setStyleSheet("")
        self.message.clear()
