"""R42: a device with full function goes straight to another patient (change of recipient, "BMB")."""

from __future__ import annotations

import uuid
from typing import Any

from app.life_events import RecipientChangeDone
from app.organisation import WorkContext
from app.patients import PatientHit, PatientSearch
from ui.operations import OperationRunner
from ui.operations import life_events as ops
from ui.operations import patients as patient_ops
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, row_table


class RecipientChangeDialog(QDialog):
    def __init__(
        self,
        runner: OperationRunner,
        context: WorkContext,
        individual_number: str,
        status: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("recipient_dialog")
        self.setWindowTitle(self.tr("Change of recipient"))
        self._runner, self._context, self._status = runner, context, status
        self.individual_number = individual_number
        intro = QLabel(
            self.tr(
                "Individual {number} goes straight to another patient, without passing the central "
                "warehouse. The first patient's record lists it as returned."
            ).format(number=individual_number)
        )
        intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setObjectName("recipient_search")
        self.search.setPlaceholderText(self.tr("Identity number or name of the new recipient"))
        self.hits_model = RowTableModel(
            [
                Column(self.tr("Name"), lambda h: h.name),
                Column(self.tr("Identity number"), lambda h: h.identity_number),
                Column(self.tr("City"), lambda h: h.city),
            ],
            self,
        )
        self.hits = row_table("recipient_hits", self.hits_model)
        self.hits.setMinimumHeight(140)
        self.confirm = QCheckBox(self.tr("I confirm that the aid has been checked and has full function"))
        self.confirm.setObjectName("recipient_confirm")
        self.comment = QLineEdit()
        self.comment.setObjectName("recipient_comment")
        self.comment.setPlaceholderText(self.tr("Why the aid changes recipient (optional)"))
        self.error = QLabel()
        self.error.setObjectName("recipient_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.change_button = buttons.addButton(
            self.tr("&Change recipient"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.change_button.setObjectName("recipient_change")
        self.change_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("New recipient:"), self.search)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.hits, 1)
        layout.addWidget(self.confirm)
        layout.addWidget(self.comment)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumSize(600, 420)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self._search_now)
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self.hits.selectionModel().selectionChanged.connect(self._chosen_changed)
        self.change_button.clicked.connect(self._change)
        buttons.rejected.connect(self.reject)

    def _search_now(self) -> None:
        text = self.search.text().strip()
        if len(text) < 2:
            self.hits_model.set_rows(())
            return
        patient_ops.search_patients(
            self._runner, text=text, on_success=self._show_hits, on_error=self._refused, key=(self, "search")
        )

    def _show_hits(self, search: PatientSearch) -> None:
        self.hits_model.set_rows(search.hits)
        if len(search.hits) == 1:
            self.hits.selectRow(0)
        self._chosen_changed()

    def chosen(self) -> PatientHit | None:
        rows = self.hits.selectionModel().selectedRows()
        return self.hits_model.row_at(rows[0].row()) if rows else None

    def _chosen_changed(self, *_args: object) -> None:
        self.change_button.setEnabled(self.chosen() is not None)

    def _change(self) -> None:
        hit = self.chosen()
        if hit is None:
            return
        self.change_button.setEnabled(False)
        new_patient: uuid.UUID = hit.id
        ops.change_recipient(
            self._runner,
            individual_number=self.individual_number,
            new_patient_id=new_patient,
            full_function_confirmed=self.confirm.isChecked(),
            comment=self.comment.text(),
            context=self._context,
            on_success=self._done,
            on_error=self._refused,
        )

    def _done(self, done: RecipientChangeDone) -> None:
        self._status.emit(
            self.tr("Individual {number} now belongs to {patient}.").format(
                number=done.individual_number, patient=done.new_patient_label
            )
        )
        self.accept()

    def _refused(self, sentence: str) -> None:
        self._chosen_changed()
        self.error.setText(sentence)
        self.error.show()
