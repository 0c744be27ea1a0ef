"""The open patient record: identity, address (read only), phone (editable), notices and the lists."""

from __future__ import annotations

from app.patients import AccessRow, ActivityRow, AidHeld, AidOrdered, AidReturned, Notice, PatientRecord
from db.models.enums import ActivityKind, ActivityStatus, IdentityKind, Residency
from ui.labels import label
from ui.messages import MessageBoxes
from ui.qt import (
    QAbstractItemView,
    QColor,
    QCoreApplication,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QKeyEvent,
    QKeySequence,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QShortcut,
    Qt,
    QTableView,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.table_model import Column, RowTableModel
from ui.widgets import RecordLists

_NOTICE_STYLE = {
    "stop": "background:#fde2e1; color:#7a1010; border:1px solid #e0a0a0;",
    "warning": "background:#fff4d6; color:#6b4a00; border:1px solid #e8cf8a;",
    "info": "background:#e6f0fb; color:#123a63; border:1px solid #a9c6e8;",
}
_PICKUP_HIGHLIGHT = QColor("#fff4d6")


def _table(name: str, model: RowTableModel) -> QTableView:
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().setVisible(False)
    return view


class PatientRecordView(QWidget):
    """Shows one ``PatientRecord``; asks for a phone change through ``sig_phone_submitted``, for a loan
    agreement through ``sig_print_loan_agreement`` (the chosen rows of "Aids held", empty for all) and for a
    new order through ``sig_new_order`` (the patient's id)."""

    sig_phone_submitted = Signal(str)
    sig_print_loan_agreement = Signal(object)  # tuple[AidHeld, ...]; empty: every aid held
    sig_new_order = Signal(object)  # uuid.UUID of the patient
    sig_return_aids = Signal(object)  # tuple[AidHeld, ...]; empty: every aid held
    sig_return_deceased = Signal()  # R9: every aid held, the reason "patient deceased"
    #: R41–R43: (what, the chosen aid's individual number or the patient's id), see ``ui.life_events``.
    sig_life_event = Signal(str, object)
    sig_new_activity = Signal(object)  # uuid.UUID of the patient: the "New activity" wizard
    sig_open_activity = Signal(object)  # uuid.UUID of an activity in the list (Enter or a double click)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.record: PatientRecord | None = None
        self._setup_header()
        self._setup_details()
        self._setup_lists()
        self._setup_actions()
        self._setup_life_events()
        self._setup_activity_action()
        self._setup_layout()
        self._setup_shortcuts()
        self._connect_signals()
        self._setup_returns()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_activity_action(self) -> None:
        """ "New activity…" (R23–R26): the wizard for this patient; a patient who may get none (R4, R9, …)
        has the button off, its tooltip saying why."""
        self.new_activity_button = QPushButton(self.tr("New &activity…"))
        self.new_activity_button.setObjectName("new_activity")
        self.new_activity_button.setEnabled(False)
        self.new_activity_button.clicked.connect(self._ask_new_activity)

    def _ask_new_activity(self) -> None:
        if self.record is not None and self.record.can_order:
            self.sig_new_activity.emit(self.record.id)

    def _update_activity_action(self, record: PatientRecord) -> None:
        self.new_activity_button.setEnabled(record.can_order)
        stop = next((n for n in record.notices if n.severity == "stop"), None)
        self.new_activity_button.setToolTip(
            QCoreApplication.translate("app", stop.template).format(**stop.params)
            if stop is not None
            else self.tr(
                "A warranty repair, an installation or an outside-assortment application for this patient."
            )
        )

    def _setup_header(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("record_title")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 4)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.notices = QVBoxLayout()
        self.notices.setSpacing(4)
        self._notice_boxes: list[QLabel] = []

    def _setup_details(self) -> None:
        self.identity = QLabel()
        self.identity.setObjectName("record_identity")
        self.birth = QLabel()
        self.address = QLabel()
        self.address.setObjectName("record_address")
        self.address.setToolTip(self.tr("From the population register; it cannot be changed at the desk."))
        self.residency = QLabel()
        self.residency.setObjectName("record_residency")
        self.phone = QLabel()
        self.phone.setObjectName("record_phone")
        self.phone_edit = QLineEdit()
        self.phone_edit.setObjectName("phone_edit")
        self.phone_edit.setPlaceholderText(self.tr("e.g. 070-123 45 67"))
        self.phone_edit.hide()
        self.phone_button = QPushButton(self.tr("&Edit phone"))
        self.phone_button.setObjectName("phone_button")
        self.phone_button.setToolTip(self.tr("Edit the phone number (Ctrl+E); Enter saves, Esc cancels."))
        self.phone_error = QLabel()
        self.phone_error.setObjectName("phone_error")
        self.phone_error.setStyleSheet("color:#a00000;")
        self.phone_error.setWordWrap(True)
        self.phone_error.hide()

    def _setup_lists(self) -> None:
        self.aids_model = RowTableModel(
            [
                Column(self.tr("Delivered"), lambda r: r.delivered_on),
                Column(self.tr("Article"), lambda r: r.article_number),
                Column(self.tr("Name"), lambda r: r.article_name),
                Column(self.tr("Qty"), lambda r: r.quantity, align_right=True),
                Column(self.tr("Individual"), lambda r: r.individual_number),
                Column(self.tr("Serial"), lambda r: r.serial_number),
                Column(self.tr("Order"), lambda r: r.order_number),
                Column(
                    self.tr("Pickup order"), lambda r: self.tr("Registered") if r.pickup_registered else ""
                ),
            ],
            self,
            highlight=lambda r: _PICKUP_HIGHLIGHT if isinstance(r, AidHeld) and r.pickup_registered else None,
        )
        self.ordered_model = RowTableModel(
            [
                Column(self.tr("Order"), lambda r: r.order_number),
                Column(self.tr("Ordered"), lambda r: r.ordered_on),
                Column(self.tr("Article"), lambda r: r.article_number),
                Column(self.tr("Name"), lambda r: r.article_name),
                Column(self.tr("Qty"), lambda r: r.quantity, align_right=True),
                Column(self.tr("Planned delivery"), lambda r: r.planned_delivery_on),
            ],
            self,
        )
        self.returned_model = RowTableModel(
            [
                Column(self.tr("Returned"), lambda r: r.returned_on),
                Column(self.tr("Article"), lambda r: r.article_number),
                Column(self.tr("Name"), lambda r: r.article_name),
                Column(self.tr("Qty"), lambda r: r.quantity, align_right=True),
                Column(self.tr("Individual"), lambda r: r.individual_number),
                Column(self.tr("Document"), lambda r: r.document_number),
            ],
            self,
        )
        self.activities_model = RowTableModel(
            [
                Column(self.tr("Number"), lambda r: r.number),
                Column(self.tr("Created"), lambda r: r.created_on),
                Column(self.tr("Activity"), lambda r: label(r.kind, ActivityKind)),
                Column(self.tr("Status"), lambda r: label(r.status, ActivityStatus)),
            ],
            self,
        )
        self.access_model = RowTableModel(
            [
                Column(self.tr("Opened"), lambda r: r.opened_at),
                Column(self.tr("By"), lambda r: r.user_name),
                Column(self.tr("What"), lambda r: QCoreApplication.translate("app", r.description)),
            ],
            self,
        )
        self.lists = RecordLists("record_lists")
        self.aids_view = _table("aids_held", self.aids_model)
        self.ordered_view = _table("aids_ordered", self.ordered_model)
        self.returned_view = _table("aids_returned", self.returned_model)
        self.activities_view = _table("activities", self.activities_model)
        self.access_view = _table("access_log", self.access_model)
        self.lists.add_list(self.aids_view)
        self.lists.add_list(self.ordered_view)
        self.lists.add_list(self.returned_view)
        self.lists.add_list(self.activities_view)
        self.lists.add_list(self.access_view)
        self.activities_view.activated.connect(
            lambda index: self.sig_open_activity.emit(self.activities_model.row_at(index.row()).id)
        )

    def _setup_actions(self) -> None:
        self.print_button = QPushButton(self.tr("Print &loan agreement…"))
        self.print_button.setObjectName("print_loan_agreement")
        self.new_order_button = QPushButton(self.tr("&New order for this patient"))
        self.new_order_button.setObjectName("new_order")
        self.print_button.setEnabled(False)
        self.new_order_button.setEnabled(False)

    def _setup_life_events(self) -> None:
        """R41–R43: a lost or stolen aid, a change of recipient (the aid chosen in "Aids held"), moving out
        of the region, and the aid list."""
        from ui.life_events import AID_LIST, LOST, MOVING_OUT, RECIPIENT

        self.life_events_button = QPushButton(self.tr("M&ore"))
        self.life_events_button.setObjectName("life_events")
        self.life_events_button.setEnabled(False)
        menu = QMenu(self.life_events_button)
        menu.setObjectName("life_events_menu")
        for kind, text in (
            (LOST, self.tr("Report lost or stolen…")),
            (RECIPIENT, self.tr("Change of recipient…")),
            (MOVING_OUT, self.tr("Moving out of the region…")),
            (AID_LIST, self.tr("Print aid list…")),
        ):
            action = menu.addAction(text)
            action.setObjectName(f"life_event_{kind}")
            action.triggered.connect(lambda _checked=False, k=kind: self._ask_life_event(k))
        self.life_events_button.setMenu(menu)

    def _ask_life_event(self, kind: str) -> None:
        from ui.life_events import LOST, RECIPIENT

        if self.record is None:
            return
        if kind not in (LOST, RECIPIENT):
            self.sig_life_event.emit(kind, self.record.id)
            return
        chosen = [aid for aid in self.selected_aids() if aid.individual_number]
        if len(chosen) != 1:
            MessageBoxes.inform(
                self,
                self.tr("Choose an aid"),
                self.tr('Choose one individually marked aid in "Aids held" first.'),
            )
            return
        self.sig_life_event.emit(kind, chosen[0].individual_number)

    def _setup_layout(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addLayout(self.notices)
        form = QFormLayout()
        form.addRow(self.tr("Identity:"), self.identity)
        form.addRow(self.tr("Born:"), self.birth)
        form.addRow(self.tr("Registered address:"), self.address)
        phone_row = QHBoxLayout()
        phone_row.addWidget(self.phone)
        phone_row.addWidget(self.phone_edit, 1)
        phone_row.addWidget(self.phone_button)
        phone_row.addStretch()
        form.addRow(self.tr("Phone:"), phone_row)
        form.addRow("", self.phone_error)
        form.addRow(self.tr("Home region:"), self.residency)
        layout.addLayout(form)
        actions = self.actions_row = QHBoxLayout()
        actions.addWidget(self.new_order_button)
        actions.addWidget(self.new_activity_button)
        actions.addWidget(self.print_button)
        actions.addWidget(self.life_events_button)  # "More": the life events, last
        actions.addStretch()
        layout.addLayout(actions)
        line = QFrame()
        line.setFrameShape(QFrame.Shape.HLine)
        layout.addWidget(line)
        layout.addWidget(self.lists, 1)

    def _setup_shortcuts(self) -> None:
        # The lists' titles carry their number but no mnemonic: "&1" as well would make Alt+1 ambiguous,
        # and Qt then switches only on every second press.
        self.shortcuts = [QShortcut(QKeySequence("Ctrl+E"), self, self.start_phone_edit)]
        for number in range(1, 6):
            self.shortcuts.append(
                QShortcut(
                    QKeySequence(f"Alt+{number}"), self, lambda n=number: self.lists.setCurrentIndex(n - 1)
                )
            )

    def owns_shortcut(self, event: QKeyEvent) -> bool:
        """True when *event* is one of the record's shortcuts (so a focused search box lets it through)."""
        pressed = QKeySequence(event.keyCombination())
        return any(shortcut.key() == pressed for shortcut in self.shortcuts)

    def show_first_list(self) -> None:
        self.lists.setCurrentIndex(0)

    def _connect_signals(self) -> None:
        self.phone_button.clicked.connect(self.start_phone_edit)
        self.phone_edit.returnPressed.connect(self._submit_phone)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self.phone_edit, self.cancel_phone_edit)
        self.print_button.clicked.connect(self._ask_loan_agreement)
        self.new_order_button.clicked.connect(self._ask_new_order)
        self.aids_view.selectionModel().selectionChanged.connect(self._aids_selection_changed)

    # -- actions -----------------------------------------------------------------------------------

    def selected_aids(self) -> tuple[AidHeld, ...]:
        """The rows chosen in "Aids held", in list order."""
        rows = sorted(index.row() for index in self.aids_view.selectionModel().selectedRows())
        return tuple(self.aids_model.row_at(row) for row in rows)

    def _ask_loan_agreement(self) -> None:
        if self.record is not None and self.record.aids_held:
            self.sig_print_loan_agreement.emit(self.selected_aids())

    def _ask_new_order(self) -> None:
        if self.record is not None and self.record.can_order:
            self.sig_new_order.emit(self.record.id)

    def _aids_selection_changed(self, *_args: object) -> None:
        if self.record is None or not self.record.aids_held:
            return
        count = len(self.aids_view.selectionModel().selectedRows())
        if count:
            self.print_button.setToolTip(
                self.tr("Print a loan agreement for the %n selected aid(s).", "", count)
            )
        else:
            self.print_button.setToolTip(
                self.tr("Print a loan agreement for every aid held; select rows to print only those.")
            )

    def printing(self, busy: bool) -> None:
        """While a loan agreement is being made the button waits (no second copy by a double click)."""
        self.print_button.setEnabled(not busy and self.record is not None and bool(self.record.aids_held))

    def _update_actions(self, record: PatientRecord) -> None:
        self.print_button.setEnabled(bool(record.aids_held))
        if record.aids_held:
            self._aids_selection_changed()
        else:
            self.print_button.setToolTip(self.tr("The patient holds no aids, so there is nothing to lend."))
        self.new_order_button.setEnabled(record.can_order)
        self.life_events_button.setEnabled(True)
        self._update_activity_action(record)
        if record.deceased_on is not None:
            self.new_order_button.setToolTip(
                self.tr("The patient is deceased: no new orders; the aids held must be returned.")
            )
        elif not record.active:
            self.new_order_button.setToolTip(
                self.tr("The patient is inactive: no new orders. Contact the aid centre.")
            )
        else:
            self.new_order_button.setToolTip(self.tr("Start an order with this patient as recipient."))

    # -- returns (R9, R28-R30) ----------------------------------------------------------------------

    def _setup_returns(self) -> None:
        """ "Return…" for the chosen aids held (all when none is chosen), and for a deceased patient a notice
        naming the aids to return with a button that returns them all (R9)."""
        self.return_button = QPushButton(self.tr("&Return…"))
        self.return_button.setObjectName("return_aids")
        self.return_button.setEnabled(False)
        # After the new activity, before the loan agreement and "More".
        self.actions_row.insertWidget(self.actions_row.indexOf(self.print_button), self.return_button)
        self.deceased_box = QFrame()
        self.deceased_box.setObjectName("deceased_returns")
        self.deceased_box.setStyleSheet(
            "#deceased_returns {" + _NOTICE_STYLE["stop"] + " border-radius:3px;}"
            " QLabel {background:transparent; border:none;}"
        )
        self.deceased_text = QLabel()
        self.deceased_text.setObjectName("deceased_returns_text")
        self.deceased_text.setTextFormat(Qt.TextFormat.PlainText)
        self.deceased_text.setWordWrap(True)
        self.deceased_button = QPushButton(self.tr("Return all aids…"))
        self.deceased_button.setObjectName("return_deceased")
        box = QHBoxLayout(self.deceased_box)
        box.addWidget(self.deceased_text, 1)
        box.addWidget(self.deceased_button, 0, Qt.AlignmentFlag.AlignTop)
        self.deceased_box.hide()
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(layout.indexOf(self.notices) + 1, self.deceased_box)  # below the R9 notice
        self.return_button.clicked.connect(self._ask_return)
        self.deceased_button.clicked.connect(self.sig_return_deceased)

    def _ask_return(self) -> None:
        if self.record is not None and self.record.aids_held:
            self.sig_return_aids.emit(self.selected_aids())

    def _show_returns(self, record: PatientRecord) -> None:
        self.return_button.setEnabled(bool(record.aids_held))
        self.return_button.setToolTip(
            self.tr("Return the selected aids, or choose among all aids held in the wizard.")
            if record.aids_held
            else self.tr("The patient holds no aids.")
        )
        if record.deceased_on is None or not record.aids_held:
            self.deceased_box.hide()
            return
        aids = []
        for aid in record.aids_held:
            line = f"• {aid.article_number} {aid.article_name}"
            if aid.individual_number:
                line += " " + self.tr("(individual {number})").format(number=aid.individual_number)
            if aid.pickup_registered:
                line += " — " + self.tr("pickup order registered")
            aids.append(line)
        self.deceased_text.setText(
            self.tr("The patient is deceased: these aids must be returned.") + "\n" + "\n".join(aids)
        )
        self.deceased_button.setEnabled(not all(aid.pickup_registered for aid in record.aids_held))
        self.deceased_box.show()

    # -- phone -------------------------------------------------------------------------------------

    def start_phone_edit(self) -> None:
        if self.record is None:
            return
        self.phone.hide()
        self.phone_button.hide()
        self.phone_edit.setText(self.record.phone)
        self.phone_edit.show()
        self.phone_edit.setFocus()
        self.phone_edit.selectAll()

    def cancel_phone_edit(self) -> None:
        self.phone_edit.hide()
        self.phone_error.hide()
        self.phone.show()
        self.phone_button.show()

    def _submit_phone(self) -> None:
        self.phone_edit.setEnabled(False)
        self.sig_phone_submitted.emit(self.phone_edit.text())

    def phone_refused(self, sentence: str) -> None:
        """The phone was not saved: say why and keep what the clerk typed."""
        self.phone_edit.setEnabled(True)
        self.phone_error.setText(sentence)
        self.phone_error.show()
        self.phone_edit.setFocus()

    # -- showing a record --------------------------------------------------------------------------

    def show_record(self, record: PatientRecord) -> None:
        self.record = record
        title = record.name
        if record.protected_identity:
            title += "  " + self.tr("(protected identity)")
        if record.deceased_on is not None:
            title += "  † " + record.deceased_on.isoformat()
        self.title.setText(title)
        self.identity.setText(f"{record.identity_number}  ({label(record.identity_kind, IdentityKind)})")
        self.birth.setText(
            self.tr("{date}, {age} years").format(date=record.birth_date.isoformat(), age=record.age)
        )
        self.address.setText(f"{record.street}\n{record.postal_code} {record.city}".strip())
        self.phone.setText(record.phone or self.tr("(missing)"))
        region = f"{record.home_region} — {label(record.residency, Residency)}"
        if record.country:
            region += f" ({record.country})"
        self.residency.setText(region)
        self.phone_edit.setEnabled(True)
        self.cancel_phone_edit()
        self._show_notices(record.notices)
        self.aids_model.set_rows(record.aids_held)
        self._update_actions(record)
        self._show_returns(record)
        self.ordered_model.set_rows(record.ordered)
        self.returned_model.set_rows(record.returned)
        self.activities_model.set_rows(record.activities)
        self.access_model.set_rows(record.access_log)
        self._title_lists(record)
        self.lists.rows_changed()

    def _title_lists(self, record: PatientRecord) -> None:
        titles = [
            self.tr("Aids held ({count})"),
            self.tr("Ordered ({count})"),
            self.tr("Returned ({count})"),
            self.tr("Activities ({count})"),
            self.tr("Access log ({count})"),
        ]
        counts: list[
            tuple[AidHeld, ...]
            | tuple[AidOrdered, ...]
            | tuple[AidReturned, ...]
            | tuple[ActivityRow, ...]
            | tuple[AccessRow, ...]
        ] = [
            record.aids_held,
            record.ordered,
            record.returned,
            record.activities,
            record.access_log,
        ]
        for index, (title, rows) in enumerate(zip(titles, counts, strict=True)):
            text = f"{index + 1} " + title.format(count=len(rows))
            # Qt lays the tab bar out and repaints the whole tab widget on every setTabText, even unchanged.
            if self.lists.tabText(index) != text:
                self.lists.setTabText(index, text)

    def _show_notices(self, notices: tuple[Notice, ...]) -> None:
        # The boxes are kept and reused (a hidden one takes no room): one made, styled and destroyed for
        # each record shown was an eighth of the time the record took to show.
        while len(self._notice_boxes) < len(notices):
            box = QLabel()
            box.setTextFormat(Qt.TextFormat.PlainText)
            box.setWordWrap(True)
            self.notices.addWidget(box)
            self._notice_boxes.append(box)
        for box, notice in zip(self._notice_boxes, notices, strict=False):
            box.setText(QCoreApplication.translate("app", notice.template).format(**notice.params))
            # The rule id names the box for tests and logs; clerks read only the sentence.
            box.setObjectName(f"notice_{notice.rule}")
            if box.property("severity") != notice.severity:
                box.setProperty("severity", notice.severity)
                box.setStyleSheet(_NOTICE_STYLE[notice.severity] + " padding:4px; border-radius:3px;")
            box.show()
        for box in self._notice_boxes[len(notices) :]:
            box.hide()
            box.setObjectName("")

    def shown_notices(self) -> list[tuple[str, str]]:
        """(internal rule id, the text the clerk reads) of each notice shown."""
        shown = []
        for index in range(self.notices.count()):
            item = self.notices.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, QLabel) and not widget.isHidden():
                shown.append((widget.objectName().removeprefix("notice_"), widget.text()))
        return shown
