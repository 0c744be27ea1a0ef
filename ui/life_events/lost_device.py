"""R41: report a device lost or stolen; it is scrapped and its prescribing unit charged."""

from __future__ import annotations

from typing import Any

from app.life_events import LostDeviceDone, LostDevicePreview, LostDeviceRequest
from app.organisation import WorkContext
from db.models.enums import IndividualStatus
from ui.labels import label
from ui.operations import OperationRunner
from ui.operations import life_events as ops
from ui.qt import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)
from ui.widgets import ERROR_STYLE, money


class LostDeviceDialog(QDialog):
    def __init__(
        self,
        runner: OperationRunner,
        context: WorkContext,
        individual_number: str,
        status: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lost_device_dialog")
        self.setWindowTitle(self.tr("Aid lost or stolen"))
        self._runner, self._context, self._status = runner, context, status
        self.preview: LostDevicePreview | None = None
        self.device = QLabel(self.tr("Reading the aid…"))
        self.device.setObjectName("lost_device")
        self.device.setWordWrap(True)
        self.charge = QLabel()
        self.charge.setObjectName("lost_charge")
        self.charge.setWordWrap(True)
        self.lost = QRadioButton(self.tr("&Lost"))
        self.lost.setObjectName("lost_lost")
        self.lost.setChecked(True)
        self.stolen = QRadioButton(self.tr("&Stolen (reported to the police)"))
        self.stolen.setObjectName("lost_stolen")
        self.police_reference = QLineEdit()
        self.police_reference.setObjectName("lost_police_reference")
        self.police_reference.setPlaceholderText(self.tr("e.g. 5000-K123456-26"))
        self.police_reference.setEnabled(False)
        self.comment = QLineEdit()
        self.comment.setObjectName("lost_comment")
        self.comment.setPlaceholderText(self.tr("Where and when, as the patient told it (optional)"))
        self.error = QLabel()
        self.error.setObjectName("lost_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.report_button = buttons.addButton(
            self.tr("Report and &scrap"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.report_button.setObjectName("lost_report")
        self.report_button.setEnabled(False)
        kind = QHBoxLayout()
        kind.addWidget(self.lost)
        kind.addWidget(self.stolen)
        kind.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("What happened:"), kind)
        form.addRow(self.tr("Police report reference:"), self.police_reference)
        form.addRow(self.tr("Comment:"), self.comment)
        layout = QVBoxLayout(self)
        layout.addWidget(self.device)
        layout.addWidget(self.charge)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.stolen.toggled.connect(self.police_reference.setEnabled)
        self.report_button.clicked.connect(self._report)
        buttons.rejected.connect(self.reject)
        ops.lost_device_preview(
            runner,
            individual_number=individual_number,
            context=context,
            on_success=self._show_preview,
            on_error=self._refused,
        )

    def _show_preview(self, preview: LostDevicePreview) -> None:
        self.preview = preview
        lines = [
            self.tr("Individual {number}: {article}").format(
                number=preview.individual_number, article=preview.article_name
            ),
            preview.patient_label if preview.status is IndividualStatus.DELIVERED else label(preview.status),
            self.tr("Purchased {date} for {price} kr").format(
                date=preview.purchase_date.isoformat() if preview.purchase_date else "–",
                price=money(preview.purchase_price),
            ),
        ]
        self.device.setText("\n".join(line for line in lines if line))
        self.charge.setText(
            self.tr(
                "The aid is scrapped from the stock ledger. {unit} is charged the residual value {residual} kr "
                "and the administrative fee {fee} kr, in all {total} kr."
            ).format(
                unit=preview.charged_unit,
                residual=money(preview.residual_value),
                fee=money(preview.admin_fee),
                total=money(preview.total),
            )
        )
        self.report_button.setEnabled(True)

    def _report(self) -> None:
        if self.preview is None:
            return
        self.report_button.setEnabled(False)
        ops.report_lost_device(
            self._runner,
            request=LostDeviceRequest(
                self.preview.individual_id,
                stolen=self.stolen.isChecked(),
                police_reference=self.police_reference.text(),
                comment=self.comment.text(),
            ),
            context=self._context,
            on_success=self._done,
            on_error=self._refused,
        )

    def _done(self, done: LostDeviceDone) -> None:
        self._status.emit(
            self.tr("Individual {number} scrapped; {unit} is charged {total} kr.").format(
                number=done.individual_number, unit=done.charged_unit, total=money(done.total)
            )
        )
        self.accept()

    def _refused(self, sentence: str) -> None:
        """Nothing was saved: say why, keep what was typed."""
        self.report_button.setEnabled(self.preview is not None)
        self.error.setText(sentence)
        self.error.show()
        self.adjustSize()
