"""The open individual: its numbers, owner colour (R40), current status, information, activities, free text
and status history (R36); the renumber dialog (R37) and the SIP number edit (R38)."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP
from app.individual_record import (
    RENUMBER_KIND,
    SIP_NUMBER_KIND,
    IndividualHistoryRow,
    IndividualRecord,
)
from app.individuals import SERIAL_NUMBER_FIXED
from app.scanning.codes import Code, CodeKind
from db.models.enums import ActivityKind, ActivityStatus, IndividualStatus, OwnerColour
from ui.labels import label
from ui.messages import MessageBoxes
from ui.qt import (
    QCheckBox,
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QShortcut,
    QSizePolicy,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scanning.targets import mark_scan_target
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, RecordLists, money, row_table

#: R40: the colour printed on the label, as a swatch.
OWNER_COLOURS = {OwnerColour.BLUE: "#1f5fbf", OwnerColour.RED: "#c62828", OwnerColour.GREEN: "#2e7d32"}

#: R40: the colour's one word, for the hit list's column.
_OWNER_COLOUR_NAMES = {
    OwnerColour.BLUE: QT_TRANSLATE_NOOP("IndividualRecordView", "Blue"),
    OwnerColour.RED: QT_TRANSLATE_NOOP("IndividualRecordView", "Red"),
    OwnerColour.GREEN: QT_TRANSLATE_NOOP("IndividualRecordView", "Green"),
}

#: The history's document kinds as the clerk reads them.
_DOCUMENT_KINDS = {
    "goods_receipt": QT_TRANSLATE_NOOP("IndividualRecordView", "Goods receipt"),
    "order": QT_TRANSLATE_NOOP("IndividualRecordView", "Order"),
    "order_cancelled": QT_TRANSLATE_NOOP("IndividualRecordView", "Order cancelled"),
    "pickup_order": QT_TRANSLATE_NOOP("IndividualRecordView", "Pickup order"),
    "stock_return": QT_TRANSLATE_NOOP("IndividualRecordView", "Return"),
    "activity": QT_TRANSLATE_NOOP("IndividualRecordView", "Activity"),
    "scrap": QT_TRANSLATE_NOOP("IndividualRecordView", "Scrapped"),
    "recipient_change": QT_TRANSLATE_NOOP("IndividualRecordView", "Change of recipient"),
    "bought_over": QT_TRANSLATE_NOOP("IndividualRecordView", "Bought over from another region"),
    "inventory": QT_TRANSLATE_NOOP("IndividualRecordView", "Inventory"),
    "inventory_found_later": QT_TRANSLATE_NOOP("IndividualRecordView", "Found after the inventory"),
    RENUMBER_KIND: QT_TRANSLATE_NOOP("IndividualRecordView", "Individual number changed"),
    SIP_NUMBER_KIND: QT_TRANSLATE_NOOP("IndividualRecordView", "SIP number changed"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("IndividualRecordView", text)


def owner_colour_name(colour: OwnerColour) -> str:
    return _tr(_OWNER_COLOUR_NAMES[colour])


def _history_what(row: IndividualHistoryRow) -> str:
    kind = _DOCUMENT_KINDS.get(row.document_kind)
    return _tr(kind) if kind else ""


def _history_note(row: IndividualHistoryRow) -> str:
    translate = QCoreApplication.translate
    if row.document_kind == RENUMBER_KIND:
        return translate("IndividualRecordView", "Previous number: {number}").format(number=row.note)
    if row.document_kind == SIP_NUMBER_KIND:
        if not row.note:
            return translate("IndividualRecordView", "Added")
        return translate("IndividualRecordView", "Previous SIP number: {sip}").format(sip=row.note)
    return row.note


class RenumberDialog(QDialog):
    """R37: the new number is given only behind the explicit confirmation; ``sig_submitted`` carries
    (new number, confirmed) and the service decides (a missing tick is refused there, with its sentence)."""

    sig_submitted = Signal(str, bool)

    def __init__(self, record: IndividualRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renumber_dialog")
        self.setWindowTitle(self.tr("Change of individual number"))
        current = QLabel(
            self.tr("Individual {number}: {article}").format(
                number=record.individual_number, article=record.article_name
            )
        )
        current.setWordWrap(True)
        self.confirm = QCheckBox(
            self.tr("I confirm that this is the individual that is to get the new number")
        )
        self.confirm.setObjectName("renumber_confirm")
        self.new_number = QLineEdit()
        self.new_number.setObjectName("renumber_new_number")
        self.new_number.setPlaceholderText(self.tr("The new individual number, as on the label"))
        self.error = QLabel()
        self.error.setObjectName("renumber_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.continue_button = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setObjectName("renumber_continue")
        form = QFormLayout()
        form.addRow(self.tr("New individual number:"), self.new_number)
        layout = QVBoxLayout(self)
        layout.addWidget(current)
        layout.addWidget(self.confirm)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.continue_button.clicked.connect(self._submit)
        self.new_number.returnPressed.connect(self._submit)
        buttons.rejected.connect(self.reject)
        mark_scan_target(
            self, self._take_scan, frozenset({CodeKind.INDIVIDUAL}), what=self.tr("the new individual number")
        )

    def _take_scan(self, code: Code) -> bool:
        """The new label scanned: its number goes in, the change still waits for the confirmation."""
        if code.kinds[:1] != (CodeKind.INDIVIDUAL,):
            return False
        self.new_number.setText(code.text)
        self.new_number.setFocus()
        return True

    def _submit(self) -> None:
        self.continue_button.setEnabled(False)
        self.sig_submitted.emit(self.new_number.text(), self.confirm.isChecked())

    def refused(self, sentence: str) -> None:
        """Not changed: say why, keep what was typed."""
        self.continue_button.setEnabled(True)
        self.error.setText(sentence)
        self.error.show()
        self.adjustSize()  # room for the sentence's lines
        self.new_number.setFocus()


class IndividualRecordView(QWidget):
    """Shows one ``IndividualRecord``; asks for a renumber through ``sig_renumber``, a SIP number through
    ``sig_sip_submitted`` and for the patient's record through ``sig_open_patient`` (the patient's id)."""

    sig_renumber = Signal()
    sig_print_label = Signal()
    sig_sip_submitted = Signal(str)
    sig_open_patient = Signal(object)  # uuid.UUID
    sig_return = Signal()  # the return wizard for this individual (R28, R30, R31)
    #: R41, R42: (what, the device's individual number), see ``ui.life_events``.
    sig_life_event = Signal(str, object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: IndividualRecord | None = None
        self._swatch: OwnerColour | None = None
        self._setup_header()
        self._setup_numbers()
        self._setup_lists()
        self._setup_life_events()
        self._setup_layout()
        self._connect_signals()
        self._setup_returns()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_header(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("individual_title")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.owner_swatch = QLabel()
        self.owner_swatch.setObjectName("owner_swatch")
        self.owner_swatch.setFixedSize(18, 18)
        self.owner_colour = QLabel()
        self.owner_colour.setObjectName("owner_colour")
        self.status = QLabel()
        self.status.setObjectName("individual_status")
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Texts that change with each record do not change the view's minimum size (which would lay the
        # whole window out again on every record shown).
        for text in (self.title, self.status):
            text.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.status.setStyleSheet("background:#e6f0fb; color:#123a63; border:1px solid #a9c6e8; padding:4px;")
        self.open_patient_button = QPushButton(self.tr("Open the &patient"))
        self.open_patient_button.setObjectName("open_patient")
        self.open_patient_button.setToolTip(self.tr("Open the patient's record (the opening is logged)."))

    def _setup_numbers(self) -> None:
        self.individual_number = QLabel()
        self.individual_number.setObjectName("individual_number")
        self.individual_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.renumber_button = QPushButton(self.tr("Change individual &number…"))
        self.renumber_button.setObjectName("renumber")
        self.label_button = QPushButton(self.tr("Print &label…"))
        self.label_button.setObjectName("print_label")
        self.serial_number = QLabel()
        self.serial_number.setObjectName("serial_number")
        self.serial_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.serial_button = QPushButton(self.tr("Change serial number…"))
        self.serial_button.setObjectName("change_serial")
        self.sip_number = QLabel()
        self.sip_number.setObjectName("sip_number")
        self.sip_number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.sip_edit = QLineEdit()
        self.sip_edit.setObjectName("sip_edit")
        self.sip_edit.setPlaceholderText(self.tr("e.g. 46401234567@sip.example.se"))
        self.sip_edit.hide()
        self.sip_button = QPushButton(self.tr("&Edit SIP number"))
        self.sip_button.setObjectName("sip_button")
        self.sip_button.setToolTip(self.tr("Add or change the SIP number; Enter saves, Esc cancels."))
        self.sip_error = QLabel()
        self.sip_error.setObjectName("sip_error")
        self.sip_error.setStyleSheet(ERROR_STYLE)
        self.sip_error.setWordWrap(True)
        self.sip_error.hide()

    def _setup_lists(self) -> None:
        self.info_page = QWidget()
        self.purchase_date = QLabel()
        self.purchase_price = QLabel()
        self.purchase_price.setObjectName("purchase_price")
        self.supplier = QLabel()
        self.supplier_article_number = QLabel()
        self.supplier_article_number.setObjectName("supplier_article_number")
        self.last_maintenance = QLabel()
        self.last_maintenance.setObjectName("last_maintenance")
        info = QFormLayout(self.info_page)
        info.addRow(self.tr("Purchased:"), self.purchase_date)
        info.addRow(self.tr("Purchase price:"), self.purchase_price)
        info.addRow(self.tr("Supplier:"), self.supplier)
        info.addRow(self.tr("Supplier's article number:"), self.supplier_article_number)
        info.addRow(self.tr("Last preventive maintenance:"), self.last_maintenance)
        self.activities_model = RowTableModel(
            [
                Column(self.tr("Number"), lambda r: r.number),
                Column(self.tr("Created"), lambda r: r.created_on),
                Column(self.tr("Activity"), lambda r: label(r.kind, ActivityKind)),
                Column(self.tr("Status"), lambda r: label(r.status, ActivityStatus)),
            ],
            self,
        )
        self.activities_view = row_table("individual_activities", self.activities_model)
        self.free_text = QLabel()
        self.free_text.setObjectName("free_text")
        self.free_text.setWordWrap(True)
        self.free_text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.free_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.free_text.setMargin(6)
        self.history_model = RowTableModel(
            [
                Column(self.tr("When"), lambda r: r.occurred_at),
                Column(self.tr("Status"), lambda r: label(r.status, IndividualStatus)),
                Column(self.tr("Warehouse"), lambda r: r.warehouse),
                Column(self.tr("Patient"), lambda r: r.patient),
                Column(self.tr("By"), lambda r: r.user_name),
                Column(self.tr("What"), _history_what),
                Column(self.tr("Note"), _history_note),
            ],
            self,
        )
        self.history_view = row_table("individual_history", self.history_model)
        self.lists = RecordLists("individual_lists")
        for page in (self.info_page, self.activities_view, self.free_text, self.history_view):
            self.lists.add_list(page)

    def _setup_life_events(self) -> None:
        """R41, R42: the device lost or stolen, or handed straight to another patient."""
        from ui.life_events import LOST, RECIPIENT

        self.life_events_button = QPushButton(self.tr("M&ore"))
        self.life_events_button.setObjectName("life_events")
        menu = QMenu(self.life_events_button)
        menu.setObjectName("life_events_menu")
        self.lost_action = menu.addAction(self.tr("Report lost or stolen…"))
        self.lost_action.setObjectName("life_event_lost")
        self.recipient_action = menu.addAction(self.tr("Change of recipient…"))
        self.recipient_action.setObjectName("life_event_recipient")
        for action, kind in ((self.lost_action, LOST), (self.recipient_action, RECIPIENT)):
            action.triggered.connect(lambda _checked=False, k=kind: self._ask_life_event(k))
        self.life_events_button.setMenu(menu)

    def _ask_life_event(self, kind: str) -> None:
        if self.record is not None:
            self.sig_life_event.emit(kind, self.record.individual_number)

    def _life_events_for(self, record: IndividualRecord) -> None:
        from app.life_events import LOSABLE

        self.lost_action.setEnabled(record.status in LOSABLE)
        self.recipient_action.setEnabled(record.status is IndividualStatus.DELIVERED)

    def _setup_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        owner = QHBoxLayout()
        owner.addWidget(self.owner_swatch)
        owner.addWidget(self.owner_colour)
        owner.addStretch()
        status = self.status_row = QHBoxLayout()
        status.addWidget(self.status, 1)
        status.addWidget(self.open_patient_button)
        status.addWidget(self.life_events_button)
        form = QFormLayout()
        form.addRow(self.tr("Owner:"), owner)
        form.addRow(self.tr("Status:"), status)
        number_row = QHBoxLayout()
        number_row.addWidget(self.individual_number)
        number_row.addWidget(self.renumber_button)
        number_row.addWidget(self.label_button)
        number_row.addStretch()
        form.addRow(self.tr("Individual number:"), number_row)
        serial_row = QHBoxLayout()
        serial_row.addWidget(self.serial_number)
        serial_row.addWidget(self.serial_button)
        serial_row.addStretch()
        form.addRow(self.tr("Serial number:"), serial_row)
        sip_row = QHBoxLayout()
        sip_row.addWidget(self.sip_number)
        sip_row.addWidget(self.sip_edit, 1)
        sip_row.addWidget(self.sip_button)
        sip_row.addStretch()
        form.addRow(self.tr("SIP number:"), sip_row)
        form.addRow("", self.sip_error)
        layout.addLayout(form)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        layout.addWidget(self.lists, 1)

    def _connect_signals(self) -> None:
        self.renumber_button.clicked.connect(self.sig_renumber)
        self.label_button.clicked.connect(self.sig_print_label)
        self.serial_button.clicked.connect(self._explain_serial_number)
        self.sip_button.clicked.connect(self.start_sip_edit)
        self.sip_edit.returnPressed.connect(self._submit_sip)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.sip_edit, self.cancel_sip_edit)
        self.open_patient_button.clicked.connect(self._ask_open_patient)

    # -- returns ---------------------------------------------------------------------------------

    def _setup_returns(self) -> None:
        """ "Return…": the return wizard for a device a patient holds, or one in own stock (to the supplier)."""
        self.return_button = QPushButton(self.tr("&Return…"))
        self.return_button.setObjectName("return_individual")
        self.return_button.setEnabled(False)
        self.status_row.addWidget(self.return_button)
        self.return_button.clicked.connect(self.sig_return)

    def _show_returnable(self, record: IndividualRecord) -> None:
        returnable = record.status in (IndividualStatus.DELIVERED, IndividualStatus.IN_STOCK)
        self.return_button.setEnabled(returnable)
        self.return_button.setToolTip(
            self.tr("Return the aid: from the patient, or from our own stock to the supplier.")
            if returnable
            else self.tr("Only an aid a patient holds, or one in stock, can be returned.")
        )

    # -- actions -----------------------------------------------------------------------------------

    def _explain_serial_number(self) -> None:
        MessageBoxes.inform(
            self, self.tr("Serial number"), QCoreApplication.translate("app", SERIAL_NUMBER_FIXED)
        )

    def _ask_open_patient(self) -> None:
        if self.record is not None and self.record.patient_id is not None:
            self.sig_open_patient.emit(self.record.patient_id)

    def start_sip_edit(self) -> None:
        if self.record is None:
            return
        self.sip_number.hide()
        self.sip_button.hide()
        self.sip_edit.setText(self.record.sip_number)
        self.sip_edit.setEnabled(True)
        self.sip_edit.show()
        self.sip_edit.setFocus()
        self.sip_edit.selectAll()

    def cancel_sip_edit(self) -> None:
        self.sip_edit.hide()
        self.sip_error.hide()
        self.sip_number.show()
        self.sip_button.show()

    def _submit_sip(self) -> None:
        self.sip_edit.setEnabled(False)
        self.sig_sip_submitted.emit(self.sip_edit.text())

    def sip_refused(self, sentence: str) -> None:
        """The SIP number was not saved: say why and keep what the clerk typed."""
        self.sip_edit.setEnabled(True)
        self.sip_error.setText(sentence)
        self.sip_error.show()
        self.sip_edit.setFocus()

    def editing(self) -> bool:
        return self.sip_edit.isVisible()

    # -- showing a record --------------------------------------------------------------------------

    def show_record(self, record: IndividualRecord) -> None:
        self.record = record
        self.title.setText(f"{record.article_name}  ({record.article_number})")
        if self._swatch is not record.owner_colour:  # a style sheet set is costly: only when it changes
            self._swatch = record.owner_colour
            self.owner_swatch.setStyleSheet(
                f"background:{OWNER_COLOURS[record.owner_colour]}; border:1px solid #555; border-radius:3px;"
            )
        self.owner_colour.setText(label(record.owner_colour))
        self.status.setText(self._status_text(record))
        self.open_patient_button.setEnabled(record.patient_id is not None)
        self._show_returnable(record)
        self._life_events_for(record)
        self.individual_number.setText(record.individual_number)
        self.serial_number.setText(record.serial_number)
        self.sip_number.setText(record.sip_number or self.tr("(none)"))
        self.sip_button.setText(
            self.tr("&Edit SIP number") if record.sip_number else self.tr("&Add SIP number")
        )
        self.cancel_sip_edit()
        self.purchase_date.setText(record.purchase_date.isoformat() if record.purchase_date else "")
        self.purchase_price.setText(self.tr("{amount} kr").format(amount=money(record.purchase_price)))
        self.supplier.setText(record.supplier_name)
        self.supplier_article_number.setText(record.supplier_article_number)
        self.last_maintenance.setText(
            record.last_maintenance_on.isoformat() if record.last_maintenance_on else self.tr("(none)")
        )
        self.activities_model.set_rows(record.activities)
        self.free_text.setText(record.free_text or self.tr("(no text)"))
        self.history_model.set_rows(record.history)
        titles = (
            self.tr("Individual information"),
            self.tr("Activities ({count})").format(count=len(record.activities)),
            self.tr("Text information"),
            self.tr("Status history ({count})").format(count=len(record.history)),
        )
        for index, title in enumerate(titles):
            if self.lists.tabText(index) != title:  # Qt lays the tab bar out again even for the same text
                self.lists.setTabText(index, title)
        self.lists.rows_changed()

    def _status_text(self, record: IndividualRecord) -> str:
        status = label(record.status)
        lines = [status]
        if record.warehouse_code:
            lines.append(
                self.tr("Warehouse: {code} {name}").format(
                    code=record.warehouse_code, name=record.warehouse_name
                )
            )
        if record.patient:
            lines.append(self.tr("Patient: {patient}").format(patient=record.patient))
        if record.order_number:
            order = self.tr("Order: {number}").format(number=record.order_number)
            if record.delivered_on is not None:
                order += ", " + self.tr("delivered {date}").format(date=record.delivered_on.isoformat())
            lines.append(order)
        return "\n".join(lines)
