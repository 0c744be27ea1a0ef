"""R43 moving in: the aid centre's administration enters devices bought over from another region into the
service location's own stock, with the data of 002 "Överköp"; the desk then prescribes them from own stock."""

from __future__ import annotations

from typing import Any

from app.life_events import BoughtOverDone, BoughtOverRequest, BoughtOverStart
from app.organisation import WorkContext
from ui.operations import OperationRunner
from ui.operations import life_events as ops
from ui.qt import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, row_table


class BoughtOverDialog(QDialog):
    def __init__(
        self, runner: OperationRunner, context: WorkContext, status: Any, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bought_over_dialog")
        self.setWindowTitle(self.tr("Bought over from another region"))
        self._runner, self._context, self._status = runner, context, status
        self.intro = QLabel(self.tr("Reading…"))
        self.intro.setObjectName("bought_over_intro")
        self.intro.setWordWrap(True)
        self.patient = QLineEdit()
        self.patient.setObjectName("bought_over_patient")
        self.patient.setPlaceholderText(self.tr("YYYYMMDD-NNNN"))
        self.region = QLineEdit()
        self.region.setObjectName("bought_over_region")
        self.region.setPlaceholderText(self.tr("e.g. Region Halland"))
        self.contact = QLineEdit()
        self.contact.setObjectName("bought_over_contact")
        self.contact.setPlaceholderText(self.tr("Name of the contact in the region who approved it"))
        self.supplier = QComboBox()
        self.supplier.setObjectName("bought_over_supplier")
        self.supplier_article = QLineEdit()
        self.supplier_article.setObjectName("bought_over_supplier_article")
        self.price = QLineEdit()
        self.price.setObjectName("bought_over_price")
        self.price.setPlaceholderText(self.tr("kronor, e.g. 4500"))
        self.age = QSpinBox()
        self.age.setObjectName("bought_over_age")
        self.age.setRange(0, 240)
        self.age.setSuffix(self.tr(" months"))
        self.individual_number = QLineEdit()
        self.individual_number.setObjectName("bought_over_individual")
        self.individual_number.setPlaceholderText(self.tr("Only for an individually marked aid"))
        self.serial_number = QLineEdit()
        self.serial_number.setObjectName("bought_over_serial")
        self.error = QLabel()
        self.error.setObjectName("bought_over_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.done_model = RowTableModel(
            [
                Column(self.tr("Article"), lambda d: d.article_number),
                Column(self.tr("Name"), lambda d: d.article_name),
                Column(self.tr("Individual"), lambda d: d.individual_number),
                Column(self.tr("Warehouse"), lambda d: d.warehouse_code),
            ],
            self,
        )
        self.done_view = row_table("bought_over_done", self.done_model)
        self.done_view.setMinimumHeight(90)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.register_button = buttons.addButton(
            self.tr("&Put in own stock"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.register_button.setObjectName("bought_over_register")
        self.register_button.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.tr("Patient's identity number:"), self.patient)
        form.addRow(self.tr("Bought from:"), self.region)
        form.addRow(self.tr("Approved by:"), self.contact)
        form.addRow(self.tr("Supplier:"), self.supplier)
        form.addRow(self.tr("Supplier's article number:"), self.supplier_article)
        form.addRow(self.tr("Price:"), self.price)
        form.addRow(self.tr("Age of the aid:"), self.age)
        form.addRow(self.tr("Individual number:"), self.individual_number)
        form.addRow(self.tr("Serial number:"), self.serial_number)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(QLabel(self.tr("Put in own stock in this session:")))
        layout.addWidget(self.done_view)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        self.register_button.clicked.connect(self._register)
        buttons.rejected.connect(self.reject)
        ops.bought_over_start(runner, context=context, on_success=self._started, on_error=self._refused)

    def _started(self, start: BoughtOverStart) -> None:
        self.supplier.clear()
        self.supplier.addItem(self.tr("(choose the supplier)"), None)
        for choice in start.suppliers:
            self.supplier.addItem(choice.name, choice.id)
        if not start.allowed:
            self.intro.setText(
                self.tr(
                    "Only the aid centre's administration enters aids bought over from another region; "
                    "send them the details."
                )
            )
        elif not start.warehouse_code:
            self.intro.setText(
                self.tr("{location} has no own stock; choose the clinic's service location.").format(
                    location=self._context.service_location_name
                )
            )
        else:
            self.intro.setText(
                self.tr(
                    "The aid goes into {code} {name}; the clinic then prescribes it from own stock."
                ).format(code=start.warehouse_code, name=start.warehouse_name)
            )
        self.register_button.setEnabled(start.allowed and bool(start.warehouse_code))

    def request(self) -> BoughtOverRequest:
        return BoughtOverRequest(
            patient_identity=self.patient.text(),
            selling_region=self.region.text(),
            supplier_id=self.supplier.currentData(),
            supplier_article_number=self.supplier_article.text(),
            price=self.price.text(),
            age_months=self.age.value(),
            individual_number=self.individual_number.text(),
            serial_number=self.serial_number.text(),
            approving_contact=self.contact.text(),
        )

    def _register(self) -> None:
        self.register_button.setEnabled(False)
        ops.register_bought_over(
            self._runner,
            request=self.request(),
            context=self._context,
            on_success=self._registered,
            on_error=self._refused,
        )

    def _registered(self, done: BoughtOverDone) -> None:
        """In stock: listed below; the device's own fields are cleared for the next one."""
        self.done_model.set_rows(
            [*(self.done_model.row_at(i) for i in range(self.done_model.rowCount())), done]
        )
        self.error.hide()
        for field in (self.supplier_article, self.price, self.individual_number, self.serial_number):
            field.clear()
        self.age.setValue(0)
        self.register_button.setEnabled(True)
        self.supplier_article.setFocus()
        self._status.emit(
            self.tr("{article} put in {code}.").format(article=done.article_name, code=done.warehouse_code)
        )

    def _refused(self, sentence: str) -> None:
        self.register_button.setEnabled(self.supplier.count() > 0)
        self.error.setText(sentence)
        self.error.show()
