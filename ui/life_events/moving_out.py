"""R43 moving out: the desk returns and scraps what the rule names (shown first, exactly), then prints the
patient's aid list with the invoice address and contact person; ``AidListDialog`` prints the list alone."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Any

from app.life_events import MovingOutPlan
from app.organisation import WorkContext
from db.models.enums import ArticleType
from ui.labels import label
from ui.messages import MessageBoxes
from ui.operations import OperationRunner
from ui.operations import life_events as ops
from ui.qt import (
    QCoreApplication,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, money, row_table


class InvoiceDetails(QGroupBox):
    """The full invoice address and the contact person's name and phone printed on the aid list (002)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Invoice address and contact person"))
        self.address = QPlainTextEdit()
        self.address.setObjectName("invoice_address")
        self.address.setPlaceholderText(self.tr("Region Halland\nFakturaenheten\nBox 517\n301 80 Halmstad"))
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(86)
        self.name = QLineEdit()
        self.name.setObjectName("invoice_contact_name")
        self.phone = QLineEdit()
        self.phone.setObjectName("invoice_contact_phone")
        form = QFormLayout(self)
        form.addRow(self.tr("Invoice address:"), self.address)
        form.addRow(self.tr("Contact person:"), self.name)
        form.addRow(self.tr("Contact's phone:"), self.phone)


class _PrintsAidList(QDialog):
    print_button: QPushButton

    def _setup_printing(
        self, runner: OperationRunner, context: WorkContext, patient_id: uuid.UUID, status: Any
    ) -> None:
        self._runner, self._context, self._status = runner, context, status
        self.patient_id = patient_id
        self.invoice = InvoiceDetails()
        self.error = QLabel()
        self.error.setObjectName("life_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.saved: Path | None = None

    def _print(self, *, moving_out: bool) -> None:
        self.print_button.setEnabled(False)
        ops.print_aid_list(
            self._runner,
            patient_id=self.patient_id,
            context=self._context,
            invoice_address=self.invoice.address.toPlainText(),
            contact_name=self.invoice.name.text(),
            contact_phone=self.invoice.phone.text(),
            moving_out=moving_out,
            parent=self,
            on_done=self._printed,
            on_error=self._refused,
        )

    def _printed(self, path: Path) -> None:
        self.saved = path
        self.print_button.setEnabled(True)
        self.error.hide()
        self._status.emit(
            QCoreApplication.translate("AidListDialog", "Aid list saved as {name}.").format(name=path.name)
        )

    def _refused(self, sentence: str) -> None:
        self.print_button.setEnabled(True)
        self.error.setText(sentence)
        self.error.show()


class AidListDialog(_PrintsAidList):
    """ "Print aid list…" on the record: the invoice address and contact person are optional."""

    def __init__(
        self,
        runner: OperationRunner,
        context: WorkContext,
        patient_id: uuid.UUID,
        status: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("aid_list_dialog")
        self.setWindowTitle(self.tr("Print aid list"))
        self._setup_printing(runner, context, patient_id, status)
        intro = QLabel(
            self.tr(
                "Every aid the patient holds, with its price. Fill in an invoice address only when one is needed."
            )
        )
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = buttons.addButton(
            self.tr("&Print aid list"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setObjectName("aid_list_print")
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.invoice)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.print_button.clicked.connect(lambda: self._print(moving_out=False))
        buttons.rejected.connect(self.reject)


class MovingOutDialog(_PrintsAidList):
    """The lines the cleanup returns and scraps, shown before it is done; then the aid list to print."""

    def __init__(
        self,
        runner: OperationRunner,
        context: WorkContext,
        patient_id: uuid.UUID,
        status: Any,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("moving_out_dialog")
        self.setWindowTitle(self.tr("Patient moving out of the region"))
        self._setup_printing(runner, context, patient_id, status)
        self.plan: MovingOutPlan | None = None
        self.intro = QLabel(self.tr("Reading the patient's list…"))
        self.intro.setObjectName("moving_out_intro")
        self.intro.setWordWrap(True)
        self.lines_model = RowTableModel(
            [
                Column(self.tr("Article"), lambda r: r.article_number),
                Column(self.tr("Name"), lambda r: r.article_name),
                Column(self.tr("Type"), lambda r: label(r.article_type, ArticleType)),
                Column(self.tr("Qty"), lambda r: r.quantity, align_right=True),
                Column(self.tr("Unit price"), lambda r: money(r.unit_price), align_right=True),
                Column(self.tr("Delivered"), lambda r: r.delivered_on),
                Column(self.tr("Order"), lambda r: r.order_number),
            ],
            self,
        )
        self.lines_view = row_table("moving_out_lines", self.lines_model)
        self.lines_view.setMinimumHeight(130)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.clean_button = buttons.addButton(
            self.tr("&Return and scrap these"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.clean_button.setObjectName("moving_out_clean")
        self.clean_button.setEnabled(False)
        self.print_button = buttons.addButton(
            self.tr("&Print aid list"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.print_button.setObjectName("moving_out_print")
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.lines_view, 1)
        layout.addWidget(self.invoice)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumSize(720, 520)
        self.clean_button.clicked.connect(self._clean)
        self.print_button.clicked.connect(lambda: self._print(moving_out=True))
        buttons.rejected.connect(self.reject)
        ops.moving_out_plan(runner, patient_id=patient_id, on_success=self._show_plan, on_error=self._refused)

    def _show_plan(self, plan: MovingOutPlan) -> None:
        self.plan = plan
        self.lines_model.set_rows(plan.lines)
        if plan.lines:
            self.intro.setText(
                self.tr(
                    "Before {patient} moves, these are returned and scrapped from the list: every service "
                    "purchase, and every main aid without an individual number that costs under 1 000 SEK. "
                    "Then print the aid list for the administration."
                ).format(patient=plan.patient_label)
            )
        else:
            self.intro.setText(
                self.tr(
                    "{patient}'s list holds nothing to return and scrap. Print the aid list for the "
                    "administration."
                ).format(patient=plan.patient_label)
            )
        self.clean_button.setEnabled(bool(plan.lines))

    def _clean(self) -> None:
        if self.plan is None or not self.plan.lines:
            return
        count = len(self.plan.lines)
        if not MessageBoxes.ask(
            self,
            self.windowTitle(),
            self.tr("Return and scrap the %n line(s) listed from the patient's list?", "", count),
        ):
            return
        self.clean_button.setEnabled(False)
        ops.clean_list_for_moving_out(
            self._runner,
            patient_id=self.patient_id,
            order_line_ids=[line.order_line_id for line in self.plan.lines],
            context=self._context,
            on_success=self._cleaned,
            on_error=self._refused,
        )

    def _cleaned(self, plan: MovingOutPlan) -> None:
        self._status.emit(self.tr("The patient's list is cleaned."))
        self._show_plan(plan)

    def _refused(self, sentence: str) -> None:
        super()._refused(sentence)
        self.clean_button.setEnabled(self.plan is not None and bool(self.plan.lines))
