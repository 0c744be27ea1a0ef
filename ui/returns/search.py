"""Search returns (R28, R30, R31): by full number, or by service location and period, newest first, sortable
by a column; a row's detail shows its lines and each aid's checklist, reprints its document, cancels a
registered pickup order and, for a user of the aid centre, closes it (the central warehouse took it in)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from app.changes import Changes
from app.organisation import LocationChoice, WorkContext
from app.returns import Destination, ReturnDetail, ReturnHit
from app.scanning.codes import CodeKind
from app.scanning.lookup import DocumentKind as FoundKind
from app.scanning.lookup import FoundDocument
from app.typed_input import document_number, is_digits
from db.models.enums import DocumentKind, PickupStatus
from ui.messages import MessageBoxes
from ui.operations import OperationRunner
from ui.operations import orders as order_ops
from ui.operations import returns as return_ops
from ui.qt import (
    QComboBox,
    QCoreApplication,
    QDate,
    QDateEdit,
    QDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.returns.texts import app_text, destination_name
from ui.returns.wizard import check_point_text
from ui.scanning.targets import mark_scan_target, scan_into_line_edit
from ui.table_model import Column, RowSortProxy, RowTableModel
from ui.widgets import ERROR_STYLE, find_data, row_table

DEFAULT_PERIOD_DAYS = 30
NUMBER_LENGTH = 8
FILTER_DELAY_MS = 200


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


def kind_text(destination: Destination) -> str:
    """What a clerk calls a return that went to *destination*."""
    if destination is Destination.CENTRAL_WAREHOUSE:
        return QCoreApplication.translate("ReturnSearchDialog", "Pickup order")
    return destination_name(destination)


class ReturnSearchDialog(QDialog):
    sig_results = Signal(object)  # list[ReturnHit], once shown
    sig_detail = Signal(object)  # ReturnDetail, once shown
    sig_document_saved = Signal(object)  # Path of a reprinted document
    sig_refused = Signal(str)

    def __init__(self, runner: OperationRunner, context: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.context = context
        self.detail: ReturnDetail | None = None
        self._wanted: tuple[DocumentKind, Any] | None = None
        #: An aid-centre user closes pickup orders (R28); known once the roles are read.
        self.aid_centre = False
        self.setObjectName("return_search")
        self.setWindowTitle(self.tr("Search returns"))
        self._setup_filters()
        self._setup_results()
        self._setup_detail()
        self._setup_layout()
        self._connect_signals()
        mark_scan_target(
            self.number_edit,
            scan_into_line_edit(self.number_edit),
            frozenset({CodeKind.DOCUMENT}),
            what=self.tr("the return number field"),
        )
        self.resize(1320, 720)
        order_ops.user_locations(self._runner, context=context, on_success=self._locations_loaded)
        return_ops.may_close_pickups(self._runner, context=context, on_success=self._roles_loaded)
        self._show_detail(None)
        self.search()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_filters(self) -> None:
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("returns_number")
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.setMaxLength(12)
        self.number_edit.setPlaceholderText(self.tr("Number (8 digits) — Enter"))
        self.location_combo = QComboBox()
        self.location_combo.setObjectName("returns_location")
        self.location_combo.addItem(self.context.service_location_name, self.context.service_location_id)
        self.location_combo.addItem(self.tr("All service locations"), None)
        today = dt.date.today()
        self.from_edit = QDateEdit(_qdate(today - dt.timedelta(days=DEFAULT_PERIOD_DAYS)))
        self.from_edit.setObjectName("returns_from")
        self.to_edit = QDateEdit(_qdate(today))
        self.to_edit.setObjectName("returns_to")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.setObjectName("returns_search")
        self.count_label = QLabel()
        self.count_label.setObjectName("returns_count")
        self.count_label.setWordWrap(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)

    def _setup_results(self) -> None:
        columns: list[tuple[Column, Any]] = [
            (Column(self.tr("Number"), lambda r: r.number), lambda r: r.number),
            (Column(self.tr("Registered"), lambda r: r.created_on), lambda r: r.created_on),
            (Column(self.tr("Kind"), self._hit_kind), self._hit_kind),
            (Column(self.tr("Status"), self._hit_status), self._hit_status),
            (Column(self.tr("Patient"), lambda r: r.patient_label), lambda r: r.patient_label),
            (Column(self.tr("Service location"), lambda r: r.service_location), lambda r: r.service_location),
            (Column(self.tr("By"), lambda r: r.user_name), lambda r: r.user_name),
        ]
        self.results_model = RowTableModel([c for c, _k in columns], self)
        self.results_proxy = RowSortProxy([k for _c, k in columns], self)
        self.results_proxy.setSourceModel(self.results_model)
        self.results_view = row_table("returns_results", self.results_proxy)
        self.results_view.setSortingEnabled(True)
        # Newest first as the search gives them, until the clerk clicks a column header.
        self.results_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.results_proxy.sort(-1)

    def _hit_kind(self, hit: ReturnHit) -> str:
        return kind_text(hit.destination)

    def _hit_status(self, hit: ReturnHit) -> str:
        return app_text(hit.status)

    def _setup_detail(self) -> None:
        self.detail_title = QLabel()
        self.detail_title.setObjectName("returns_detail_title")
        font = self.detail_title.font()
        font.setBold(True)
        self.detail_title.setFont(font)
        self.detail_title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail_info = QLabel()
        self.detail_info.setObjectName("returns_detail_info")
        self.detail_info.setWordWrap(True)
        self.detail_info.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.lines_model = RowTableModel(
            [
                Column(self.tr("Article"), lambda r: r.article_number),
                Column(self.tr("Name"), lambda r: r.article_name),
                Column(self.tr("Qty"), lambda r: r.quantity, align_right=True),
                Column(self.tr("Individual"), lambda r: r.individual_number),
                Column(self.tr("Note"), self._line_note),
            ],
            self,
        )
        self.lines_view = row_table("returns_detail_lines", self.lines_model)
        self.checklist_model = RowTableModel(
            [
                Column(self.tr("Aid"), lambda r: r[0]),
                Column(self.tr("Point"), lambda r: check_point_text(r[1].point)),
                Column(self.tr("Done"), lambda r: self.tr("Yes") if r[1].done else self.tr("No")),
                Column(self.tr("Why not"), lambda r: r[1].reason),
            ],
            self,
        )
        self.checklist_view = row_table("returns_detail_checklist", self.checklist_model)
        self.no_checklist = QLabel(self.tr("No checklist was kept with this return."))
        self.no_checklist.setObjectName("returns_no_checklist")
        self.no_checklist.hide()
        self.print_button = QPushButton(self.tr("&Print the document again"))
        self.print_button.setObjectName("returns_print")
        self.cancel_button = QPushButton(self.tr("&Cancel pickup order"))
        self.cancel_button.setObjectName("returns_cancel_pickup")
        self.close_button = QPushButton(self.tr("C&lose pickup order"))
        self.close_button.setObjectName("returns_close_pickup")
        self.close_button.setToolTip(
            self.tr("The central warehouse has taken the aids in (aid centre only).")
        )
        self.detail_message = QLabel()
        self.detail_message.setObjectName("returns_detail_message")
        self.detail_message.setWordWrap(True)

    def _line_note(self, line: Any) -> str:
        notes = []
        if line.infection_known:
            notes.append(self.tr("infection, cleaned"))
        if line.incident:
            notes.append(self.tr("incident: blocked"))
        return ", ".join(notes)

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
        filters.addWidget(self.search_button)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.count_label)
        left_layout.addWidget(self.results_view, 1)
        self.detail_box = QGroupBox(self.tr("Return"))
        detail_layout = QVBoxLayout(self.detail_box)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_info)
        detail_layout.addWidget(QLabel(self.tr("Aids:")))
        detail_layout.addWidget(self.lines_view, 1)
        detail_layout.addWidget(QLabel(self.tr("Checklist:")))
        detail_layout.addWidget(self.checklist_view, 2)
        detail_layout.addWidget(self.no_checklist)
        buttons = QHBoxLayout()
        buttons.addWidget(self.print_button)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.detail_message)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.detail_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(splitter, 1)

    def _connect_signals(self) -> None:
        self.number_edit.returnPressed.connect(self._number_entered)
        self.number_edit.textChanged.connect(self._number_typed)
        self.location_combo.activated.connect(self._filters_changed)
        self.from_edit.dateChanged.connect(self._filters_changed)
        self.to_edit.dateChanged.connect(self._filters_changed)
        self._filter_timer.timeout.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.results_view.selectionModel().selectionChanged.connect(self._result_selected)
        self.print_button.clicked.connect(self.print_document)
        self.cancel_button.clicked.connect(self.cancel_pickup)
        self.close_button.clicked.connect(self.close_pickup)
        self._runner.sig_changes.connect(self._on_changes)

    def _locations_loaded(self, locations: tuple[LocationChoice, ...]) -> None:
        chosen = self.location_combo.currentData()
        self.location_combo.clear()
        self.location_combo.addItem(self.context.service_location_name, self.context.service_location_id)
        for location in locations:
            if location.id != self.context.service_location_id:
                self.location_combo.addItem(location.name, location.id)
        self.location_combo.addItem(self.tr("All service locations"), None)
        index = find_data(self.location_combo, chosen)
        self.location_combo.setCurrentIndex(index if index >= 0 else 0)

    def _roles_loaded(self, aid_centre: bool) -> None:
        self.aid_centre = aid_centre
        self._show_detail(self.detail)

    # -- searching ---------------------------------------------------------------------------------

    def _number(self) -> str:
        return document_number(self.number_edit.text())

    def _number_typed(self) -> None:
        digits = self._number()
        if not digits or (len(digits) == NUMBER_LENGTH and is_digits(digits)):
            self._filters_changed()

    def _number_entered(self) -> None:
        digits = self._number()
        if digits and (len(digits) != NUMBER_LENGTH or not is_digits(digits)):
            self._refuse(self.tr("Type the whole number: 8 digits (year, week, running number)."))
            return
        self.search()

    def _filters_changed(self, *_args: Any) -> None:
        self._filter_timer.start()

    def search(self) -> None:
        self._filter_timer.stop()
        digits = self._number()
        whole = len(digits) == NUMBER_LENGTH and is_digits(digits)
        return_ops.search_returns(
            self._runner,
            context=self.context,
            number=digits if whole else "",
            service_location_id=None if whole else self.location_combo.currentData(),
            start=None if whole else _pydate(self.from_edit.date()),
            end=None if whole else _pydate(self.to_edit.date()),
            on_success=self._show_results,
            on_error=self._refuse,
            key=(self, "search"),
        )

    def _refuse(self, sentence: str) -> None:
        self.count_label.setStyleSheet(ERROR_STYLE)
        self.count_label.setText(sentence)
        self.sig_refused.emit(sentence)

    def _show_results(self, hits: list[ReturnHit]) -> None:
        self.count_label.setStyleSheet("")
        self.count_label.setText(self.tr("%n return(s), newest first.", "", len(hits)))
        shown = self.detail
        self.results_model.set_rows(hits)
        wanted = self._wanted or ((shown.kind, shown.id) if shown is not None else None)
        if len(hits) == 1 and wanted is None:
            wanted = (hits[0].kind, hits[0].id)
        if wanted is None:
            self._show_detail(None)
        else:
            self._select(*wanted)
        self.sig_results.emit(hits)

    def _select(self, kind: DocumentKind, return_id: Any) -> bool:
        for row in range(self.results_model.rowCount()):
            hit = self.results_model.row_at(row)
            if hit.kind is kind and hit.id == return_id:
                index = self.results_proxy.mapFromSource(self.results_model.index(row, 0))
                self.results_view.selectRow(index.row())
                self.results_view.scrollTo(index)
                return True
        return False

    def selected_hit(self) -> ReturnHit | None:
        rows = self.results_view.selectionModel().selectedRows()
        if not rows:
            return None
        hit: ReturnHit = self.results_model.row_at(self.results_proxy.mapToSource(rows[0]).row())
        return hit

    def _result_selected(self, *_args: Any) -> None:
        hit = self.selected_hit()
        if hit is not None:
            self.load_detail(hit.kind, hit.id)

    def show_found(self, found: FoundDocument) -> None:
        """A scanned pickup order or return number: its detail, and its row when listed."""
        kind = (
            DocumentKind.PICKUP_ORDER if found.kind is FoundKind.PICKUP_ORDER else DocumentKind.STOCK_RETURN
        )
        self.number_edit.setText(found.number)
        self._wanted = (kind, found.id)
        self.load_detail(kind, found.id)
        self.search()

    # -- the detail --------------------------------------------------------------------------------

    def load_detail(self, kind: DocumentKind, return_id: Any) -> None:
        return_ops.read_return(
            self._runner,
            kind=kind,
            return_id=return_id,
            on_success=self._show_detail,
            on_error=self._detail_failed,
            key=(self, "detail"),
        )

    def _detail_failed(self, sentence: str) -> None:
        self.detail_message.setStyleSheet(ERROR_STYLE)
        self.detail_message.setText(sentence)

    def _show_detail(self, detail: ReturnDetail | None) -> None:
        self.detail = detail
        self._wanted = None
        self.detail_box.setEnabled(detail is not None)
        self.detail_message.setText("")
        self.detail_message.setStyleSheet("")
        if detail is None:
            self.detail_title.setText(self.tr("Choose a return in the list."))
            self.detail_info.setText("")
            self.lines_model.set_rows([])
            self.checklist_model.set_rows([])
            for button in (self.print_button, self.cancel_button, self.close_button):
                button.setEnabled(False)
            self.close_button.setVisible(False)
            return
        self.detail_title.setText(
            self.tr("{kind} {number}").format(kind=kind_text(detail.destination), number=detail.number)
        )
        info = [
            self.tr("Registered {date} by {user}, {location}").format(
                date=detail.created_on.isoformat(),
                user=detail.contact_name,
                location=detail.service_location.name,
            ),
            self.tr("Status: {status}").format(status=app_text(detail.status_text)),
        ]
        if detail.closed_on is not None:
            info.append(
                self.tr("Taken in by the central warehouse {date}").format(date=detail.closed_on.isoformat())
            )
        if detail.supplier.name:
            info.append(self.tr("Supplier: {supplier}").format(supplier=detail.supplier.name))
        if detail.patient_label:
            info.append(self.tr("Patient: {patient}").format(patient=detail.patient_label))
        if detail.reason_text:
            info.append(self.tr("Reason: {reason}").format(reason=app_text(detail.reason_text)))
        if detail.comment:
            info.append(self.tr("Comment: {comment}").format(comment=detail.comment))
        self.detail_info.setText("\n".join(info))
        self.lines_model.set_rows(detail.lines)
        self.checklist_model.set_rows(
            [
                (line.individual_number or line.article_number, answer)
                for line in detail.lines
                for answer in line.checklist
            ]
        )
        self.no_checklist.setVisible(self.checklist_model.rowCount() == 0)
        registered = detail.kind is DocumentKind.PICKUP_ORDER and detail.status is PickupStatus.REGISTERED
        self.print_button.setEnabled(True)
        self.cancel_button.setEnabled(registered)
        self.cancel_button.setVisible(detail.kind is DocumentKind.PICKUP_ORDER)
        self.close_button.setVisible(detail.kind is DocumentKind.PICKUP_ORDER and self.aid_centre)
        self.close_button.setEnabled(registered and self.aid_centre)
        self.sig_detail.emit(detail)

    def print_document(self) -> None:
        detail = self.detail
        if detail is None:
            return
        return_ops.print_return_document(
            self._runner,
            kind=detail.kind,
            return_id=detail.id,
            number=detail.number,
            supplier=detail.destination is Destination.SUPPLIER,
            parent=self,
            on_done=self._document_saved,
            on_error=self._detail_failed,
        )

    def _document_saved(self, path: Path) -> None:
        self.detail_message.setText(self.tr("The document was saved and opened."))
        self.sig_document_saved.emit(path)

    def cancel_pickup(self) -> None:
        detail = self.detail
        if detail is None or detail.kind is not DocumentKind.PICKUP_ORDER:
            return
        if not MessageBoxes.ask(
            self,
            self.tr("Cancel pickup order"),
            self.tr("Cancel pickup order {number}? The aids stay with the patient.").format(
                number=detail.number
            ),
        ):
            return
        self.cancel_button.setEnabled(False)
        return_ops.cancel_pickup(
            self._runner,
            context=self.context,
            pickup_id=detail.id,
            on_success=self._show_detail,
            on_error=self._detail_failed,
        )

    def close_pickup(self) -> None:
        detail = self.detail
        if detail is None or detail.kind is not DocumentKind.PICKUP_ORDER:
            return
        self.close_button.setEnabled(False)
        return_ops.close_pickup(
            self._runner,
            context=self.context,
            pickup_id=detail.id,
            on_success=self._show_detail,
            on_error=self._detail_failed,
        )

    def _on_changes(self, changes: Changes) -> None:
        if changes.returns and self.isVisible():
            self.search()
