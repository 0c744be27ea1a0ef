"""Activity search (R27; 002 "Sök aktivitet via Mer… och Sök"): by the full number, or by service location
and the period registered, newest first, sortable by any column; a row opens the activity's detail."""

from __future__ import annotations

import datetime as dt
import itertools
import uuid
from typing import Any

from app.activities import ActivityHit, ActivityQuery
from app.changes import Changes
from app.organisation import LocationChoice, WorkContext
from app.scanning.codes import CodeKind
from app.typed_input import document_number, is_digits
from ui.labels import label
from ui.operations import OperationRunner
from ui.operations import activities as activity_ops
from ui.operations import orders as order_ops
from ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSortFilterProxyModel,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scanning.targets import mark_scan_target, scan_into_line_edit
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, find_data, row_table

DEFAULT_PERIOD_DAYS = 30
FILTER_DELAY_MS = 200
NUMBER_LENGTH = 8


def _qdate(day: dt.date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> dt.date:
    return dt.date(day.year(), day.month(), day.day())


class ActivitySearchDialog(QDialog):
    sig_results = Signal(object)  # list[ActivityHit], once shown
    sig_open = Signal(object)  # uuid.UUID of the activity a row opens
    sig_refused = Signal(str)

    def __init__(self, runner: OperationRunner, context: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("activity_search")
        self.setWindowTitle(self.tr("Search activities"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1100, 560)
        self._runner = runner
        self._context = context
        self._open_single = False
        self._keep_selected: uuid.UUID | None = None
        self._setup_filters()
        self._setup_results()
        self._setup_layout()
        self._connect_signals()
        mark_scan_target(
            self.number_edit,
            scan_into_line_edit(self.number_edit),
            frozenset({CodeKind.DOCUMENT}),
            what=self.tr("the activity number field"),
        )
        self.location_combo.addItem(context.service_location_name, context.service_location_id)
        self.location_combo.addItem(self.tr("All service locations"), None)
        order_ops.user_locations(runner, context=context, on_success=self._locations_loaded)
        self.search()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_filters(self) -> None:
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("activities_number")
        self.number_edit.setClearButtonEnabled(True)
        self.number_edit.setMaxLength(12)
        self.number_edit.setPlaceholderText(self.tr("Activity number (8 digits) — Enter"))
        self.location_combo = QComboBox()
        self.location_combo.setObjectName("activities_location")
        today = dt.date.today()
        self.from_edit = QDateEdit(_qdate(today - dt.timedelta(days=DEFAULT_PERIOD_DAYS)))
        self.from_edit.setObjectName("activities_from")
        self.to_edit = QDateEdit(_qdate(today))
        self.to_edit.setObjectName("activities_to")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.search_button = QPushButton(self.tr("&Search"))
        self.search_button.setObjectName("activities_search")
        self.count_label = QLabel()
        self.count_label.setObjectName("activities_count")
        self.count_label.setWordWrap(True)
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)

    def _setup_results(self) -> None:
        self.results_model = RowTableModel(
            [
                Column(self.tr("Number"), lambda r: r.number),
                Column(self.tr("Registered"), lambda r: r.created_on),
                Column(self.tr("Activity"), lambda r: label(r.kind)),
                Column(self.tr("Status"), lambda r: label(r.status)),
                Column(self.tr("Patient"), lambda r: r.patient_label),
                Column(self.tr("Aids"), lambda r: r.individual_numbers),
                Column(self.tr("Orderer"), lambda r: r.orderer_name),
                Column(self.tr("Service location"), lambda r: r.service_location_code),
            ],
            self,
        )
        # Every column's text sorts as it reads: numbers of 8 digits and ISO dates sort as text.
        self.results_proxy = QSortFilterProxyModel(self)
        self.results_proxy.setSourceModel(self.results_model)
        self.results_proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.results_view = row_table("activities_results", self.results_proxy)
        self.results_view.setSortingEnabled(True)
        # Newest first as the search gives them, until the clerk clicks a column header.
        self.results_view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.results_proxy.sort(-1)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.setObjectName("activities_open")
        self.open_button.setEnabled(False)

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
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.results_view, 1)
        layout.addLayout(buttons)
        chain: list[QWidget] = [
            self.number_edit,
            self.location_combo,
            self.from_edit,
            self.to_edit,
            self.search_button,
            self.results_view,
            self.open_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _connect_signals(self) -> None:
        self.number_edit.returnPressed.connect(self._number_entered)
        self.number_edit.textChanged.connect(self._number_typed)
        self.location_combo.activated.connect(self._filters_changed)
        self.from_edit.dateChanged.connect(self._filters_changed)
        self.to_edit.dateChanged.connect(self._filters_changed)
        self._filter_timer.timeout.connect(self.search)
        self.search_button.clicked.connect(self.search)
        self.results_view.activated.connect(lambda _index: self.open_selected())
        self.results_view.selectionModel().selectionChanged.connect(
            lambda *_args: self.open_button.setEnabled(self.selected_hit() is not None)
        )
        self.open_button.clicked.connect(self.open_selected)
        self._runner.sig_changes.connect(self._on_changes)

    def _locations_loaded(self, locations: tuple[LocationChoice, ...]) -> None:
        chosen = self.location_combo.currentData()
        self.location_combo.blockSignals(True)
        self.location_combo.clear()
        self.location_combo.addItem(self._context.service_location_name, self._context.service_location_id)
        for location in locations:
            if location.id != self._context.service_location_id:
                self.location_combo.addItem(location.name, location.id)
        self.location_combo.addItem(self.tr("All service locations"), None)
        index = find_data(self.location_combo, chosen)
        self.location_combo.setCurrentIndex(index if index >= 0 else 0)
        self.location_combo.blockSignals(False)

    # -- searching ---------------------------------------------------------------------------------

    def _number_digits(self) -> str:
        return document_number(self.number_edit.text())

    def _number_typed(self) -> None:
        digits = self._number_digits()
        if not digits:
            self._filters_changed()
        elif len(digits) == NUMBER_LENGTH and is_digits(digits):
            self._open_single = True
            self.search()

    def _number_entered(self) -> None:
        digits = self._number_digits()
        if digits and (len(digits) != NUMBER_LENGTH or not is_digits(digits)):
            self._refuse(self.tr("Type the whole activity number: 8 digits (year, week, running number)."))
            return
        self._open_single = bool(digits)
        self.search()

    def _filters_changed(self, *_args: Any) -> None:
        self._filter_timer.start()

    def query(self) -> ActivityQuery:
        digits = self._number_digits()
        if len(digits) == NUMBER_LENGTH and is_digits(digits):
            return ActivityQuery(number=digits)
        return ActivityQuery(
            service_location_id=self.location_combo.currentData(),
            date_from=_pydate(self.from_edit.date()),
            date_to=_pydate(self.to_edit.date()),
        )

    def search(self) -> None:
        self._filter_timer.stop()
        selected = self.selected_hit()
        self._keep_selected = selected.id if selected is not None else None
        activity_ops.search_activities(
            self._runner,
            query=self.query(),
            on_success=self._show_results,
            on_error=self._search_failed,
            key=(self, "search"),
        )

    def _search_failed(self, sentence: str) -> None:
        self.results_model.set_rows([])
        self._refuse(sentence)

    def _refuse(self, sentence: str) -> None:
        self.count_label.setStyleSheet(ERROR_STYLE)
        self.count_label.setText(sentence)
        self.sig_refused.emit(sentence)

    def _show_results(self, hits: list[ActivityHit]) -> None:
        self.results_model.set_rows(hits)
        self.count_label.setStyleSheet("")
        if hits:
            self.count_label.setText(self.tr("Activities found: {count}.").format(count=len(hits)))
            keep, self._keep_selected = self._keep_selected, None
            if keep is None or not self.select_activity(keep):
                self.results_view.selectRow(0)
        else:
            self.count_label.setText(self.tr("No activity found."))
        self.sig_results.emit(hits)
        if self._open_single and len(hits) == 1:
            self.sig_open.emit(hits[0].id)
        self._open_single = False

    def selected_hit(self) -> ActivityHit | None:
        rows = self.results_view.selectionModel().selectedRows()
        if not rows:
            return None
        source = self.results_proxy.mapToSource(rows[0])
        if not 0 <= source.row() < self.results_model.rowCount():
            return None
        hit: ActivityHit = self.results_model.row_at(source.row())
        return hit

    def select_activity(self, activity_id: uuid.UUID) -> bool:
        for row in range(self.results_model.rowCount()):
            if self.results_model.row_at(row).id == activity_id:
                proxy_row = self.results_proxy.mapFromSource(self.results_model.index(row, 0)).row()
                self.results_view.selectRow(proxy_row)
                return True
        return False

    def open_selected(self) -> None:
        hit = self.selected_hit()
        if hit is not None:
            self.sig_open.emit(hit.id)

    def _on_changes(self, changes: Changes) -> None:
        if changes.activities:
            self.search()
