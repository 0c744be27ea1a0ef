"""The Individual tab: search devices by individual, serial or SIP number, or by part of one (R36, R38),
open one, renumber it (R37), set its SIP number (R38)."""

from __future__ import annotations

import uuid
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from app.changes import Changes
from app.individual_record import PARTIAL_MIN, IndividualHit, IndividualRecord, IndividualSearch, SearchIn
from app.organisation import WorkContext
from ui.individual.record import IndividualRecordView, RenumberDialog, owner_colour_name
from ui.labels import label
from ui.operations import OperationRunner
from ui.operations import individual_record as individual_ops
from ui.qt import (
    QAbstractItemView,
    QComboBox,
    QEvent,
    QHBoxLayout,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
    QPushButton,
    QShortcut,
    QSplitter,
    QStackedWidget,
    Qt,
    QTableView,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE

if TYPE_CHECKING:
    from ui.individual_labels import PrintLabelsDialog

SEARCH_DELAY_MS = 60  # coalesce fast typing into one query (a scanner's burst is routed, never typed here)


class IndividualTab(QWidget):
    sig_record_opened = Signal(object)  # IndividualRecord
    sig_status = Signal(str)
    sig_open_patient = Signal(object)  # uuid.UUID of the patient holding the device

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._context: WorkContext | None = None
        self._open_when_found = False
        self.renumber_dialog: RenumberDialog | None = None
        self._setup_search()
        self._setup_results()
        self._setup_layout()
        self._setup_shortcuts()
        self._connect_signals()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_search(self) -> None:
        self.search_in = QComboBox()
        self.search_in.setObjectName("individual_search_in")
        self.search_in.addItem(self.tr("Individual number"), SearchIn.INDIVIDUAL_NUMBER)
        self.search_in.addItem(self.tr("Serial number"), SearchIn.SERIAL_NUMBER)
        self.search_in.addItem(self.tr("SIP number"), SearchIn.SIP_NUMBER)
        self.search_in_label = QLabel(self.tr("Search &in:"))
        self.search_in_label.setBuddy(self.search_in)
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("individual_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr(
                "The whole number, or at least {count} characters of it — Enter opens a single hit"
            ).format(count=PARTIAL_MIN)
        )
        self.search_message = QLabel()
        self.search_message.setObjectName("individual_search_message")
        self.search_message.setWordWrap(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

    def _setup_results(self) -> None:
        self.results_model = RowTableModel(
            [
                Column(self.tr("Individual number"), lambda h: h.individual_number),
                Column(self.tr("Article"), lambda h: f"{h.article_number} {h.article_name}"),
                Column(self.tr("Serial number"), lambda h: h.serial_number),
                Column(self.tr("Status"), self._hit_status),
                Column(self.tr("Owner"), lambda h: owner_colour_name(h.owner_colour)),
            ],
            self,
        )
        self.results = QTableView()
        self.results.setObjectName("individual_results")
        self.results.setModel(self.results_model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several hits may be chosen for a sheet of labels; Enter or a double click opens the current one.
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().setVisible(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.results.setWordWrap(False)
        self.labels_button = QPushButton(self.tr("Print labels for the chosen hits…"))
        self.labels_button.setObjectName("print_hit_labels")
        self.labels_button.setEnabled(False)
        self.label_dialog: PrintLabelsDialog | None = None
        self.record_view = IndividualRecordView()
        self.record_view.setObjectName("individual_record")
        self.empty_record = QLabel(
            self.tr("Search for an individual by its number, serial number or SIP number; Enter opens it.")
        )
        self.empty_record.setWordWrap(True)
        self.empty_record.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.record_stack = QStackedWidget()
        self.record_stack.addWidget(self.empty_record)
        self.record_stack.addWidget(self.record_view)

    def _hit_status(self, hit: IndividualHit) -> str:
        status = label(hit.status)
        return f"{status} ({hit.warehouse_code})" if hit.warehouse_code else status

    def _setup_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.search_in_label)
        row.addWidget(self.search_in)
        row.addWidget(self.search_edit, 1)
        left_layout.addLayout(row)
        left_layout.addWidget(self.search_message)
        left_layout.addWidget(self.results, 1)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.labels_button)
        left_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.record_stack)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)

    def _setup_shortcuts(self) -> None:
        for sequence in ("Ctrl+F", "F3"):
            QShortcut(QKeySequence(sequence), self, self.focus_search)

    def _connect_signals(self) -> None:
        self.search_edit.textChanged.connect(self._search_soon)
        self.search_edit.returnPressed.connect(self._enter_in_search)
        self.search_edit.installEventFilter(self)
        self.search_in.currentIndexChanged.connect(self._search_soon)
        self._search_timer.timeout.connect(self._search_now)
        self.results.activated.connect(self._open_index)
        self.record_view.sig_renumber.connect(self.start_renumber)
        self.record_view.sig_print_label.connect(self._print_record_label)
        self.labels_button.clicked.connect(self._print_hit_labels)
        self.results.selectionModel().selectionChanged.connect(self._hits_chosen)
        self.record_view.sig_sip_submitted.connect(self._save_sip)
        self.record_view.sig_open_patient.connect(self.sig_open_patient)
        self._runner.sig_changes.connect(self._on_changes)

    # -- context -----------------------------------------------------------------------------------

    def set_context(self, context: WorkContext) -> None:
        self._context = context
        self.setEnabled(True)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.KeyPress
            and event.key() == Qt.Key.Key_Down  # type: ignore[attr-defined]
            and self.results_model.rowCount() > 0
        ):
            self.results.setFocus()
            self.results.selectRow(0)
            return True
        return super().eventFilter(watched, event)

    # -- searching ---------------------------------------------------------------------------------

    def _search_soon(self) -> None:
        self._open_when_found = False
        self._search_timer.start()

    def _enter_in_search(self) -> None:
        self._open_when_found = True
        self._search_timer.stop()
        self._search_now()

    def _search_now(self) -> None:
        text = self.search_edit.text()
        if not text.strip():
            self._runner.supersede((self, "search"))
            self.results_model.set_rows([])
            self.search_message.clear()
            return
        individual_ops.search_individuals(
            self._runner,
            text=text,
            search_in=self.search_in.currentData(),
            on_success=self._show_results,
            on_error=self._search_failed,
            key=(self, "search"),  # a newer keystroke asks again: only its answer is shown
        )

    def _search_failed(self, sentence: str) -> None:
        self.results_model.set_rows([])
        self.search_message.setText(sentence)
        self.search_message.setStyleSheet(ERROR_STYLE)

    def _show_results(self, search: IndividualSearch) -> None:
        self.results_model.set_rows(search.hits)
        self.search_message.setStyleSheet("")
        typed = self.search_edit.text().strip()
        if search.too_short:
            self.search_message.setText(
                self.tr(
                    "No individual has the number {text}; type at least {count} characters to search for part of a number."
                ).format(text=typed, count=PARTIAL_MIN)
            )
        elif not search.hits:
            self.search_message.setStyleSheet(ERROR_STYLE)
            self.search_message.setText(self.tr("No individual found for {text}.").format(text=typed))
        elif search.more:
            self.search_message.setText(
                self.tr("Showing the first {count}; type more of the number to narrow the search.").format(
                    count=len(search.hits)
                )
            )
        else:
            self.search_message.setText(self.tr("Found: {count}.").format(count=len(search.hits)))
        if self._open_when_found:
            self._open_when_found = False
            if len(search.hits) == 1:
                self.open_individual(search.hits[0].id)
            elif search.hits:
                self.results.setFocus()
                self.results.selectRow(0)

    def _open_index(self, index: Any) -> None:
        hit: IndividualHit = self.results_model.row_at(index.row())
        self.open_individual(hit.id)

    # -- the record --------------------------------------------------------------------------------

    def open_individual(self, individual_id: uuid.UUID) -> None:
        individual_ops.read_individual_record(
            self._runner,
            individual_id=individual_id,
            on_success=self._show_record,
            on_error=self._record_failed,
            key=(self, "record"),
        )

    def show_individual(self, record: IndividualRecord) -> None:
        """*record*, read elsewhere (a scan's look-up read it): shown as if opened here."""
        self._runner.supersede((self, "record"))  # an older opening still on its way is not shown over it
        self._show_record(record)

    def _show_record(self, record: IndividualRecord) -> None:
        previous = self.current_record()
        self.record_view.show_record(record)
        if previous is None or previous.id != record.id:
            self.record_view.lists.setCurrentIndex(0)
        self.record_stack.setCurrentWidget(self.record_view)
        self.sig_record_opened.emit(record)

    def _record_failed(self, sentence: str) -> None:
        self.search_message.setText(sentence)
        self.search_message.setStyleSheet(ERROR_STYLE)

    def current_record(self) -> IndividualRecord | None:
        return self.record_view.record if self.record_stack.currentWidget() is self.record_view else None

    # -- labels ------------------------------------------------------------------------------------

    def chosen_hits(self) -> list[IndividualHit]:
        rows = sorted({index.row() for index in self.results.selectionModel().selectedRows()})
        return [self.results_model.row_at(row) for row in rows]

    def _hits_chosen(self, *_args: object) -> None:
        self.labels_button.setEnabled(bool(self.results.selectionModel().selectedRows()))

    def _print_record_label(self) -> None:
        record = self.current_record()
        if record is not None:
            self.print_labels([record.id])

    def _print_hit_labels(self) -> None:
        self.print_labels([hit.id for hit in self.chosen_hits()])

    def print_labels(self, individual_ids: list[uuid.UUID]) -> None:
        """The label dialog for *individual_ids*: one label, or a sheet for many."""
        if not individual_ids:
            return
        from ui.individual_labels import PrintLabelsDialog

        self.label_dialog = PrintLabelsDialog(self._runner, individual_ids, self)
        self.label_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.label_dialog.destroyed.connect(self._label_dialog_closed)
        self.label_dialog.open()

    def _label_dialog_closed(self) -> None:
        self.label_dialog = None

    # -- renumber (R37) ----------------------------------------------------------------------------

    def start_renumber(self) -> None:
        record = self.current_record()
        if record is None:
            return
        dialog = RenumberDialog(record, self)
        dialog.sig_submitted.connect(
            lambda number, confirmed: self._renumber(dialog, record.id, number, confirmed)
        )
        dialog.finished.connect(dialog.deleteLater)
        self.renumber_dialog = dialog
        dialog.open()

    def _renumber(
        self, dialog: RenumberDialog, individual_id: uuid.UUID, number: str, confirmed: bool
    ) -> None:
        context = self._context
        if context is None:
            return

        def done(updated: IndividualRecord) -> None:
            dialog.accept()
            self.renumber_dialog = None
            self._show_record(updated)
            # The hit in the list carries the new number too (it no longer matches the old search).
            hits = [self.results_model.row_at(row) for row in range(self.results_model.rowCount())]
            self.results_model.set_rows(
                [
                    replace(hit, individual_number=updated.individual_number) if hit.id == updated.id else hit
                    for hit in hits
                ]
            )
            self.sig_status.emit(
                self.tr("The individual number is now {number}.").format(number=updated.individual_number)
            )

        individual_ops.renumber_individual(
            self._runner,
            individual_id=individual_id,
            new_number=number,
            confirmed=confirmed,
            context=context,
            on_success=done,
            on_error=dialog.refused,
        )

    # -- SIP number (R38) --------------------------------------------------------------------------

    def _save_sip(self, sip: str) -> None:
        record, context = self.current_record(), self._context
        if record is None or context is None:
            return

        def saved(updated: IndividualRecord) -> None:
            self.record_view.show_record(updated)
            self.sig_status.emit(self.tr("SIP number saved."))

        individual_ops.set_sip_number(
            self._runner,
            individual_id=record.id,
            sip_number=sip,
            context=context,
            on_success=saved,
            on_error=self.record_view.sip_refused,
        )

    def _on_changes(self, changes: Changes) -> None:
        """A write changed what the record shows: read the open record again in the background."""
        record = self.current_record()
        if record is None or not (changes.individuals or changes.activities or changes.orders):
            return

        def refreshed(updated: IndividualRecord) -> None:
            current = self.current_record()
            if current is not None and current.id == updated.id and not self.record_view.editing():
                self.record_view.show_record(updated)

        individual_ops.read_individual_record(
            self._runner, individual_id=record.id, on_success=refreshed, key=(self, "record")
        )
