"""The Patient tab: search as you type (identity number, reserve number or name), open, edit the phone."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from app.changes import Changes
from app.organisation import WorkContext
from app.patients import AidHeld, PatientHit, PatientRecord, PatientSearch
from ui.messages import MessageBoxes
from ui.operations import OperationRunner
from ui.operations import documents as document_ops
from ui.operations import patients as patient_ops
from ui.patient.record import PatientRecordView
from ui.qt import (
    QAbstractItemView,
    QColor,
    QEvent,
    QHeaderView,
    QKeySequence,
    QLabel,
    QLineEdit,
    QObject,
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

SEARCH_DELAY_MS = 60  # coalesce fast typing into one query (a scanner's burst is routed, never typed here)


def _hit_colour(hit: PatientHit) -> QColor | None:
    if hit.deceased or not hit.active:
        return QColor("#eeeeee")
    return None


class PatientTab(QWidget):
    sig_record_opened = Signal(object)  # PatientRecord
    sig_status = Signal(str)
    sig_new_order = Signal(object)  # uuid.UUID of the patient: start an order for them (the Order tab)
    sig_document_saved = Signal(object)  # Path of a PDF just saved (and opened)

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self._context: WorkContext | None = None
        self._open_when_found = False
        self._setup_search()
        self._setup_results()
        self._setup_layout()
        self._setup_shortcuts()
        self._connect_signals()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_search(self) -> None:
        self.search_edit = QLineEdit()
        self.search_edit.setObjectName("patient_search")
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setPlaceholderText(
            self.tr("Identity number (YYYYMMDD-NNNN), reserve number or name — Enter opens a single hit")
        )
        self.search_message = QLabel()
        self.search_message.setObjectName("search_message")
        self.search_message.setWordWrap(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

    def _setup_results(self) -> None:
        self.results_model = RowTableModel(
            [
                Column(self.tr("Identity number"), lambda h: h.identity_number),
                Column(self.tr("Name"), lambda h: h.name),
                Column(self.tr("Born"), lambda h: h.birth_date),
                Column(self.tr("City"), lambda h: h.city),
                Column(self.tr("Note"), self._hit_note),
            ],
            self,
            highlight=_hit_colour,
        )
        self.results = QTableView()
        self.results.setObjectName("patient_results")
        self.results.setModel(self.results_model)
        self.results.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.results.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.results.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.results.verticalHeader().setVisible(False)
        header = self.results.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        # The name takes what room is left (shortened if need be), so the note ("Avliden") stays in view.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.results.setWordWrap(False)
        self.record_view = PatientRecordView()
        self.record_view.setObjectName("patient_record")
        self.empty_record = QLabel(self.tr("Search for a patient and press Enter to open the record."))
        self.empty_record.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.record_stack = QStackedWidget()
        self.record_stack.addWidget(self.empty_record)
        self.record_stack.addWidget(self.record_view)

    def _hit_note(self, hit: PatientHit) -> str:
        notes = []
        if hit.protected_identity:
            notes.append(self.tr("Protected identity"))
        if hit.deceased:
            notes.append(self.tr("Deceased"))
        if not hit.active:
            notes.append(self.tr("Inactive"))
        return ", ".join(notes)

    def _setup_layout(self) -> None:
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search_edit)
        left_layout.addWidget(self.search_message)
        left_layout.addWidget(self.results, 1)
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
        self._search_timer.timeout.connect(self._search_now)
        self.results.activated.connect(self._open_index)
        self.record_view.sig_phone_submitted.connect(self._save_phone)
        self.record_view.sig_print_loan_agreement.connect(self._print_loan_agreement)
        self.record_view.sig_new_order.connect(self.sig_new_order)
        self._runner.sig_changes.connect(self._on_changes)

    # -- context -----------------------------------------------------------------------------------

    def set_context(self, context: WorkContext) -> None:
        self._context = context
        self.setEnabled(True)

    def focus_search(self) -> None:
        self.search_edit.setFocus()
        self.search_edit.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.search_edit and event.type() == QEvent.Type.KeyPress:
            key = event.key()  # type: ignore[attr-defined]
            if key == Qt.Key.Key_Down and self.results_model.rowCount() > 0:
                self.results.setFocus()
                self.results.selectRow(0)
                return True
        if (
            watched is self.search_edit
            and event.type() == QEvent.Type.ShortcutOverride
            and self.current_record() is not None
            and self.record_view.owns_shortcut(event)  # type: ignore[arg-type]
        ):
            # The search box keeps the focus for the next scan, but the open record's shortcuts win over
            # its own key bindings (on Linux a line edit takes Ctrl+E as "end of line").
            event.ignore()
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
        patient_ops.search_patients(
            self._runner,
            text=text,
            on_success=self._show_results,
            on_error=self._search_failed,
            key=(self, "search"),  # a newer keystroke asks again: only its answer is shown
        )

    def _search_failed(self, sentence: str) -> None:
        self.results_model.set_rows([])
        self.search_message.setText(sentence)
        self.search_message.setStyleSheet("color:#a00000;")

    def _show_results(self, search: PatientSearch) -> None:
        self.results_model.set_rows(search.hits)
        self.search_message.setStyleSheet("")
        if not search.hits:
            self.search_message.setText(self.tr("No patient found."))
        elif search.more:
            self.search_message.setText(
                self.tr("Showing the first {count}; type more to narrow the search.").format(
                    count=len(search.hits)
                )
            )
        else:
            self.search_message.setText(self.tr("Found: {count}.").format(count=len(search.hits)))
        if self._open_when_found:
            self._open_when_found = False
            if len(search.hits) == 1:
                self.open_patient(search.hits[0].id)
            elif search.hits:
                self.results.setFocus()
                self.results.selectRow(0)

    def _open_index(self, index: Any) -> None:
        hit: PatientHit = self.results_model.row_at(index.row())
        self.open_patient(hit.id)

    # -- the record --------------------------------------------------------------------------------

    def open_patient(self, patient_id: uuid.UUID) -> None:
        context = self._context
        if context is None:
            return

        patient_ops.open_patient_record(
            self._runner,
            patient_id=patient_id,
            context=context,
            on_success=self._show_record,
            on_error=self._record_failed,
            key=(self, "record"),
        )

    def _show_record(self, record: PatientRecord) -> None:
        previous = self.current_record()
        self.record_view.show_record(record)
        if previous is None or previous.id != record.id:
            self.record_view.show_first_list()  # a newly opened patient starts on "Aids held"
        self.record_stack.setCurrentWidget(self.record_view)
        self.sig_record_opened.emit(record)

    def _record_failed(self, sentence: str) -> None:
        self.search_message.setText(sentence)
        self.search_message.setStyleSheet("color:#a00000;")

    def current_record(self) -> PatientRecord | None:
        return self.record_view.record if self.record_stack.currentWidget() is self.record_view else None

    def _save_phone(self, phone: str) -> None:
        record = self.current_record()
        if record is None:
            return
        patient_id = record.id

        def saved(updated: PatientRecord) -> None:
            self.record_view.show_record(updated)
            self.sig_status.emit(self.tr("Phone number saved."))

        context = self._context
        if context is None:
            return
        patient_ops.update_phone(
            self._runner,
            patient_id=patient_id,
            phone=phone,
            context=context,
            on_success=saved,
            on_error=self.record_view.phone_refused,
        )

    def _print_loan_agreement(self, held: tuple[AidHeld, ...]) -> None:
        """Make the loan agreement on a worker and open it; the chosen rows, or every aid held."""
        record, context = self.current_record(), self._context
        if record is None or context is None:
            return
        self.record_view.printing(True)
        self.sig_status.emit(self.tr("Making the loan agreement…"))

        def done(path: Path) -> None:
            self.record_view.printing(False)
            self.sig_status.emit(self.tr("Loan agreement saved as {name}.").format(name=path.name))
            self.sig_document_saved.emit(path)

        def failed(sentence: str) -> None:
            self.record_view.printing(False)
            self.sig_status.emit("")
            MessageBoxes.warn(self, self.tr("Loan agreement"), sentence)

        document_ops.print_loan_agreement(
            self._runner,
            patient_id=record.id,
            context=context,
            held=held,
            parent=self,
            on_done=done,
            on_error=failed,
        )

    def _on_changes(self, changes: Changes) -> None:
        """A write changed what the record shows: read the open record again in the background."""
        record = self.current_record()
        shown = (changes.patients, changes.orders, changes.individuals, changes.returns, changes.activities)
        if record is None or not any(shown):
            return
        patient_id = record.id

        def refreshed(updated: PatientRecord) -> None:
            current = self.current_record()
            if (
                current is not None
                and current.id == updated.id
                and not self.record_view.phone_edit.isVisible()
            ):
                self.record_view.show_record(updated)

        context = self._context
        if context is None:
            return
        patient_ops.read_patient_record(
            self._runner, patient_id=patient_id, context=context, on_success=refreshed, key=(self, "record")
        )
