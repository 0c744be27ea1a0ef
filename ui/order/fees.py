"""The Fees page of the Order tab: what will be billed when (R21, R22, R7), and pausing a charger invoice.

Fees are computed by the program when orders are sent and lines received; the clerk only reads them here
and, when a fitting takes longer than 90 days, pauses a charger's invoice up to two weeks before it goes out.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from app.changes import Changes
from app.fees import FeeRow, FeeTotals, PausedInvoice, fee_totals
from app.organisation import WorkContext
from app.scanning.codes import CodeKind
from db.models.enums import FeeKind, FeeStatus
from ui.labels import label
from ui.operations import OperationRunner
from ui.operations import fees as fee_ops
from ui.qt import (
    QAbstractItemView,
    QColor,
    QComboBox,
    QDate,
    QDateEdit,
    QDialog,
    QEvent,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPushButton,
    QSortFilterProxyModel,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scanning.targets import mark_scan_target, read_first_as, scan_into_line_edit
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, money

FILTER_DELAY_MS = 150  # coalesce date and status changes into one query
#: The default period: this month and the next three (a charger received now is billed within it).
DEFAULT_MONTHS_AHEAD = 3


def _to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def _to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _month_end(day: dt.date, months_ahead: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months_ahead + 1
    return dt.date(index // 12, index % 12 + 1, 1) - dt.timedelta(days=1)


def _highlight(row: FeeRow) -> QColor | None:
    if row.status is FeeStatus.PAUSED:
        return QColor("#fff4d6")
    if row.status is FeeStatus.CANCELLED:
        return QColor("#eeeeee")
    return None


class _SortProxy(QSortFilterProxyModel):
    """Sorts by each column's value (dates, amounts), not by the text shown."""

    def __init__(self, keys: list[Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._keys = keys

    def lessThan(
        self, left: QModelIndex | QPersistentModelIndex, right: QModelIndex | QPersistentModelIndex
    ) -> bool:
        source = self.sourceModel()
        assert isinstance(source, RowTableModel)
        key = self._keys[left.column()]
        a, b = key(source.row_at(left.row())), key(source.row_at(right.row()))
        return bool(a < b)


class PauseChargerDialog(QDialog):
    """Pause a charger invoice: scan the individual number (Enter looks it up), choose the until-date."""

    sig_paused = Signal(object)  # PausedInvoice

    def __init__(self, runner: OperationRunner, context: WorkContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._context = context
        self._found: FeeRow | None = None
        self._key = (self, "look-up")
        self.setWindowTitle(self.tr("Pause charger invoice"))
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("pause_individual_number")
        self.number_edit.setPlaceholderText(
            self.tr("Scan or type the charger's individual number, then Enter")
        )
        self.found_label = QLabel()
        self.found_label.setObjectName("pause_found")
        self.found_label.setWordWrap(True)
        self.until_edit = QDateEdit()
        self.until_edit.setObjectName("pause_until")
        self.until_edit.setCalendarPopup(True)
        self.until_edit.setDisplayFormat("yyyy-MM-dd")
        self.until_edit.setDate(_to_qdate(dt.date.today() + dt.timedelta(days=90)))
        self.until_edit.setEnabled(False)
        self.message = QLabel()
        self.message.setObjectName("pause_message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(ERROR_STYLE)
        self.pause_button = QPushButton(self.tr("Pause invoice"))
        self.pause_button.setObjectName("pause_confirm")
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for button in (self.pause_button, self.cancel_button):
            button.setAutoDefault(False)  # Enter after a scan looks up; it never saves by itself
            button.setDefault(False)
        self.pause_button.setEnabled(False)

        form = QFormLayout()
        form.addRow(self.tr("Individual number"), self.number_edit)
        form.addRow("", self.found_label)
        form.addRow(self.tr("Paused until"), self.until_edit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "When a fitting takes longer than 90 days, the charger's invoice can be paused up to two "
                    "weeks before it goes out. It then goes out the first working day of a month after the "
                    "pause."
                )
            )
        )
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        self.number_edit.returnPressed.connect(self.look_up)
        self.number_edit.textEdited.connect(self._number_changed)
        # The dialog waits for the charger's number wherever its focus is.
        mark_scan_target(
            self,
            scan_into_line_edit(
                self.number_edit, take_kinds=read_first_as(CodeKind.INDIVIDUAL, CodeKind.SERIAL)
            ),
            what=self.tr("the charger's individual number field"),
        )
        self.until_edit.installEventFilter(self)
        self.pause_button.clicked.connect(self.pause)
        self.cancel_button.clicked.connect(self.reject)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.until_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.pause()
                return True
        return super().eventFilter(watched, event)

    def _number_changed(self) -> None:
        self._runner.supersede(self._key)  # an answer for the number as it was is no longer wanted
        self._found = None
        self.found_label.clear()
        self.message.clear()
        self.until_edit.setEnabled(False)
        self.pause_button.setEnabled(False)

    def look_up(self) -> None:
        number = self.number_edit.text().strip()
        self._number_changed()
        if not number:
            self.message.setText(self.tr("Scan or type the charger's individual number."))
            return
        fee_ops.find_charger_invoice(
            self._runner,
            context=self._context,
            individual_number=number,
            on_success=self._show_found,
            on_error=self.message.setText,
            key=self._key,
        )

    def _show_found(self, row: FeeRow) -> None:
        self._found = row
        text = self.tr("{article} for {patient}: {amount} kr, goes out {bill_on}.").format(
            article=row.article_name,
            patient=row.patient_label,
            amount=money(row.amount),
            bill_on=row.bill_on.isoformat(),
        )
        self.found_label.setText(text)
        self.until_edit.setMinimumDate(_to_qdate(row.bill_on + dt.timedelta(days=1)))
        self.until_edit.setDate(_to_qdate(row.bill_on + dt.timedelta(days=31)))
        self.until_edit.setEnabled(True)
        self.pause_button.setEnabled(True)
        self.until_edit.setFocus()

    def pause(self) -> None:
        if self._found is None:
            return
        self.pause_button.setEnabled(False)
        self.message.clear()

        def paused(result: PausedInvoice) -> None:
            self.sig_paused.emit(result)
            self.accept()

        def failed(sentence: str) -> None:
            self.message.setText(sentence)
            self.pause_button.setEnabled(True)

        fee_ops.pause_charger_invoice(
            self._runner,
            context=self._context,
            individual_number=self._found.individual_number,
            until=_to_date(self.until_edit.date()),
            on_success=paused,
            on_error=failed,
        )


class FeesPage(QWidget):
    sig_status = Signal(str)
    sig_loaded = Signal(int)  # rows shown, after each refresh

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._context: WorkContext | None = None
        self._stale = True
        self._message_is_error = False
        self.pause_dialog: PauseChargerDialog | None = None
        self._setup_filters()
        self._setup_table()
        self._setup_layout()
        self._connect_signals()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_filters(self) -> None:
        today = dt.date.today()
        self.from_edit = QDateEdit()
        self.from_edit.setObjectName("fees_from")
        self.to_edit = QDateEdit()
        self.to_edit.setObjectName("fees_to")
        for edit in (self.from_edit, self.to_edit):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.from_edit.setDate(_to_qdate(today.replace(day=1)))
        self.to_edit.setDate(_to_qdate(_month_end(today, DEFAULT_MONTHS_AHEAD)))
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("fees_status")
        self.status_combo.addItem(self.tr("All statuses"), None)
        for status in FeeStatus:
            self.status_combo.addItem(self._status_text(status), status.value)
        self.pause_button = QPushButton(self.tr("Pause charger invoice…"))
        self.pause_button.setObjectName("fees_pause")
        self._filter_timer = QTimer(self)
        self._filter_timer.setSingleShot(True)
        self._filter_timer.setInterval(FILTER_DELAY_MS)

    def _status_text(self, status: FeeStatus) -> str:
        texts = {
            FeeStatus.PLANNED: self.tr("Planned"),
            FeeStatus.PAUSED: self.tr("Paused"),
            FeeStatus.BILLED: self.tr("Billed"),
            FeeStatus.CANCELLED: self.tr("Cancelled"),
        }
        return texts[status]

    def _setup_table(self) -> None:
        columns = [
            (Column(self.tr("Bill date"), lambda r: r.bill_on), lambda r: r.bill_on),
            (Column(self.tr("Kind"), lambda r: label(r.kind)), lambda r: label(r.kind)),
            (Column(self.tr("Patient"), lambda r: r.patient_label), lambda r: r.patient_label.casefold()),
            (
                Column(self.tr("Article"), lambda r: f"{r.article_number} {r.article_name}"),
                lambda r: r.article_name.casefold(),
            ),
            (
                Column(self.tr("Individual number"), lambda r: r.individual_number),
                lambda r: r.individual_number,
            ),
            (
                Column(self.tr("Amount (kr)"), lambda r: money(r.amount), align_right=True),
                lambda r: r.amount,
            ),
            (Column(self.tr("Status"), lambda r: self._status_text(r.status)), lambda r: r.status.value),
            (
                Column(self.tr("Paused until"), lambda r: r.paused_until),
                lambda r: r.paused_until or dt.date.min,
            ),
            (Column(self.tr("Order"), lambda r: r.order_number), lambda r: r.order_number),
        ]
        self.model = RowTableModel([c for c, _key in columns], self, highlight=_highlight)
        self.proxy = _SortProxy([key for _c, key in columns], self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView()
        self.table.setObjectName("fees_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.totals_label = QLabel()
        self.totals_label.setObjectName("fees_totals")
        self.message = QLabel()
        self.message.setObjectName("fees_message")
        self.message.setWordWrap(True)

    def _setup_layout(self) -> None:
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Bill date from")))
        filters.addWidget(self.from_edit)
        filters.addWidget(QLabel(self.tr("to")))
        filters.addWidget(self.to_edit)
        filters.addWidget(QLabel(self.tr("Status")))
        filters.addWidget(self.status_combo)
        filters.addStretch(1)
        filters.addWidget(self.pause_button)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(
            QLabel(
                self.tr(
                    "Fees are added by the program when an order is sent or a delivery received; "
                    "they are never chosen by hand."
                )
            )
        )
        layout.addWidget(self.table, 1)
        layout.addWidget(self.totals_label)
        layout.addWidget(self.message)

    def _connect_signals(self) -> None:
        self.from_edit.dateChanged.connect(self._refresh_soon)
        self.to_edit.dateChanged.connect(self._refresh_soon)
        self.status_combo.currentIndexChanged.connect(self._refresh_soon)
        self._filter_timer.timeout.connect(self.refresh)
        self.pause_button.clicked.connect(self.open_pause_dialog)
        self._runner.sig_changes.connect(self._on_changes)

    # -- context and refresh -----------------------------------------------------------------------

    def set_context(self, context: WorkContext) -> None:
        self._context = context
        self._stale = True
        if self.isVisible():
            self.refresh()

    def showEvent(self, event: Any) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def _on_changes(self, changes: Changes) -> None:
        if not changes.fees:
            return
        self._stale = True
        if self.isVisible():
            self.refresh()

    def _refresh_soon(self) -> None:
        self._filter_timer.start()

    def status_filter(self) -> FeeStatus | None:
        value = self.status_combo.currentData()
        return FeeStatus(value) if value else None

    def period(self) -> tuple[dt.date, dt.date]:
        return _to_date(self.from_edit.date()), _to_date(self.to_edit.date())

    def refresh(self) -> None:
        context = self._context
        if context is None or self._runner.database is None:
            return
        self._stale = False
        self._filter_timer.stop()
        date_from, date_to = self.period()

        def failed(sentence: str) -> None:
            self.model.set_rows([])
            self.totals_label.clear()
            self._show_message(sentence, error=True)
            self.sig_loaded.emit(0)

        fee_ops.list_fees(
            self._runner,
            context=context,
            date_from=date_from,
            date_to=date_to,
            status=self.status_filter(),
            on_success=self._show_rows,
            on_error=failed,
            key=(self, "list"),  # the filters changed while a list was read: only the newest is shown
        )

    def _show_rows(self, rows: list[FeeRow]) -> None:
        self.model.set_rows(rows)
        if self._message_is_error:
            self._show_message("", error=False)
        self.totals_label.setText(self._totals_text(fee_totals(rows)))
        self.sig_loaded.emit(len(rows))

    def _totals_text(self, totals: FeeTotals) -> str:
        if not totals.count:
            return self.tr("No fees in the period.")
        text = self.tr("%n fees; still to bill {amount} kr", "", totals.count).format(
            amount=money(totals.amount)
        )
        if totals.by_kind:
            text += (
                " (" + ", ".join(f"{label(kind)} {money(amount)}" for kind, amount in totals.by_kind) + ")"
            )
        if totals.billed:
            text += self.tr("; already billed {amount} kr").format(amount=money(totals.billed))
        return text + "."

    def rows(self) -> list[FeeRow]:
        """The rows in the order shown (after sorting)."""
        return [
            self.model.row_at(self.proxy.mapToSource(self.proxy.index(r, 0)).row())
            for r in range(self.proxy.rowCount())
        ]

    # -- pausing -----------------------------------------------------------------------------------

    def open_pause_dialog(self) -> None:
        context = self._context
        if context is None:
            return
        dialog = PauseChargerDialog(self._runner, context, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sig_paused.connect(self._paused)
        dialog.finished.connect(lambda _result: self._dialog_closed(dialog))
        self.pause_dialog = dialog
        selected = self._selected_charger()
        if selected:
            dialog.number_edit.setText(selected)
        dialog.open()
        dialog.number_edit.setFocus()
        if selected:
            dialog.look_up()

    def _dialog_closed(self, dialog: PauseChargerDialog) -> None:
        if self.pause_dialog is dialog:
            self.pause_dialog = None

    def _selected_charger(self) -> str:
        indexes = self.table.selectionModel().selectedRows()
        if not indexes:
            return ""
        row: FeeRow = self.model.row_at(self.proxy.mapToSource(indexes[0]).row())
        return row.individual_number if row.kind is FeeKind.CHARGER else ""

    def _paused(self, result: PausedInvoice) -> None:
        text = self.tr(
            "The invoice for charger {number} is paused until {until}; it goes out on {bill_on}."
        ).format(
            number=result.individual_number,
            until=result.paused_until.isoformat(),
            bill_on=result.bill_on.isoformat(),
        )
        self._show_message(text, error=False)
        self.sig_status.emit(text)

    def _show_message(self, text: str, *, error: bool) -> None:
        self._message_is_error = error
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)
