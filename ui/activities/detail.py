"""One activity: what it is about, its aids, and what the desk does with it — move its status on (R27),
print the sheet for the supplier (R23), close it with the action taken or as not warranty (R23), and give a
device the number of the supplier's replacement (R37, with the clerk's confirmation)."""

from __future__ import annotations

import uuid
from pathlib import Path

from app.activities import ActivityAidRow, ActivityDetail
from app.changes import Changes
from app.organisation import WorkContext
from db.models.enums import ActivityStatus
from ui.labels import label
from ui.messages import MessageBoxes
from ui.operations import OperationRunner
from ui.operations import activities as activity_ops
from ui.qt import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    Qt,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, row_table

# R32: the banner a technician cannot miss.
_PROTECTIVE_STYLE = (
    "background:#fde2e1; color:#7a1010; border:1px solid #e0a0a0; padding:6px; font-weight:bold;"
)


def _value_label(name: str) -> QLabel:
    value = QLabel()
    value.setObjectName(name)
    value.setWordWrap(True)
    value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return value


class ActivityDetailDialog(QDialog):
    sig_detail = Signal(object)  # ActivityDetail, once shown
    sig_refused = Signal(str)
    sig_sheet_saved = Signal(object)  # Path of the activity sheet's PDF
    sig_status = Signal(str)

    def __init__(
        self,
        runner: OperationRunner,
        context: WorkContext,
        activity_id: uuid.UUID,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activity_detail")
        self.setWindowTitle(self.tr("Activity"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1180, 680)
        self._runner = runner
        self._context = context
        self.activity_id = activity_id
        self.detail: ActivityDetail | None = None
        self._setup_information()
        self._setup_actions()
        self._setup_layout()
        self._connect_signals()
        self.reload()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_information(self) -> None:
        self.title = QLabel()
        self.title.setObjectName("activity_title")
        font = self.title.font()
        font.setPointSize(font.pointSize() + 3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.protective = QLabel(self.tr("Protective clothing required: the patient has a known infection."))
        self.protective.setObjectName("activity_protective_clothing")
        self.protective.setStyleSheet(_PROTECTIVE_STYLE)
        self.protective.hide()
        self.patient = _value_label("activity_patient")
        self.registered = _value_label("activity_registered")
        self.orderer = _value_label("activity_orderer")
        self.service = _value_label("activity_service_product")
        self.address = _value_label("activity_address")
        self.wanted = _value_label("activity_wanted_action")
        self.fault = _value_label("activity_fault")
        self.action = _value_label("activity_action_taken")
        self.aids_model = RowTableModel(
            [
                Column(self.tr("Individual"), lambda r: r.individual_number),
                Column(self.tr("Replaced number"), lambda r: r.replaced_individual_number),
                Column(self.tr("Serial"), lambda r: r.serial_number),
                Column(self.tr("Article"), lambda r: r.article_number),
                Column(self.tr("Name"), lambda r: r.article_name),
                Column(self.tr("Status"), lambda r: label(r.status)),
            ],
            self,
        )
        self.aids_view = row_table("activity_aids", self.aids_model)
        header = self.aids_view.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(4, QHeaderView.ResizeMode.Stretch)  # the name takes what is left
        self.aids_view.setWordWrap(False)

    def _setup_actions(self) -> None:
        self.status_combo = QComboBox()
        self.status_combo.setObjectName("activity_next_status")
        self.status_button = QPushButton(self.tr("Set s&tatus"))
        self.status_button.setObjectName("activity_set_status")
        self.comment_edit = QLineEdit()
        self.comment_edit.setObjectName("activity_sheet_comment")
        self.comment_edit.setPlaceholderText(self.tr("A comment printed on the sheet (optional)"))
        self.print_button = QPushButton(self.tr("&Print activity sheet…"))
        self.print_button.setObjectName("activity_print_sheet")
        self.action_edit = QPlainTextEdit()
        self.action_edit.setObjectName("activity_action_edit")
        self.action_edit.setPlaceholderText(self.tr("The action the supplier or technician took"))
        self.action_edit.setTabChangesFocus(True)
        self.action_edit.setMaximumHeight(70)
        self.not_warranty = QCheckBox(
            self.tr("&Not warranty (the supplier found it was not a warranty matter)")
        )
        self.not_warranty.setObjectName("activity_not_warranty")
        self.close_button = QPushButton(self.tr("&Close activity"))
        self.close_button.setObjectName("activity_close")
        self.renumber_hint = QLabel(
            self.tr("The supplier sent a new device: select its row above and type the new number.")
        )
        self.renumber_hint.setWordWrap(True)
        self.new_number = QLineEdit()
        self.new_number.setObjectName("activity_new_number")
        self.new_number.setPlaceholderText(self.tr("New individual number"))
        self.confirm = QCheckBox(self.tr("This is the individual that gets the new number"))
        self.confirm.setObjectName("activity_renumber_confirmed")
        self.renumber_button = QPushButton(self.tr("Change &number"))
        self.renumber_button.setObjectName("activity_renumber")
        self.message = QLabel()
        self.message.setObjectName("activity_message")
        self.message.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close window"))

    def _setup_layout(self) -> None:
        information = QFormLayout()
        information.addRow(self.tr("Patient:"), self.patient)
        information.addRow(self.tr("Registered:"), self.registered)
        information.addRow(self.tr("Orderer:"), self.orderer)
        information.addRow(self.tr("Service product:"), self.service)
        information.addRow(self.tr("Address:"), self.address)
        information.addRow(self.tr("Wanted action:"), self.wanted)
        information.addRow(self.tr("Fault description:"), self.fault)
        information.addRow(self.tr("Action taken:"), self.action)
        left = QVBoxLayout()
        left.addLayout(information)
        left.addWidget(QLabel(self.tr("Aids:")))
        left.addWidget(self.aids_view, 1)

        self.status_box = status_box = QGroupBox(self.tr("Status"))
        status_row = QHBoxLayout(status_box)
        status_row.addWidget(self.status_combo, 1)
        status_row.addWidget(self.status_button)
        print_box = QGroupBox(self.tr("Activity sheet for the supplier"))
        print_layout = QVBoxLayout(print_box)
        print_layout.addWidget(self.comment_edit)
        print_layout.addWidget(self.print_button, 0, Qt.AlignmentFlag.AlignRight)
        self.close_box = QGroupBox(self.tr("Close the activity"))
        close_layout = QVBoxLayout(self.close_box)
        close_layout.addWidget(QLabel(self.tr("Action taken:")))
        close_layout.addWidget(self.action_edit)
        close_layout.addWidget(self.not_warranty)
        close_layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self.renumber_box = QGroupBox(self.tr("New device from the supplier"))
        renumber_layout = QVBoxLayout(self.renumber_box)
        renumber_layout.addWidget(self.renumber_hint)
        renumber_layout.addWidget(self.new_number)
        renumber_layout.addWidget(self.confirm)
        renumber_layout.addWidget(self.renumber_button, 0, Qt.AlignmentFlag.AlignRight)
        right = QVBoxLayout()
        right.addWidget(status_box)
        right.addWidget(print_box)
        right.addWidget(self.close_box)
        right.addWidget(self.renumber_box)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.protective)
        layout.addLayout(columns, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.status_button.clicked.connect(self.set_status)
        self.print_button.clicked.connect(self.print_sheet)
        self.close_button.clicked.connect(self.close_activity)
        self.renumber_button.clicked.connect(self.renumber)
        self.not_warranty.toggled.connect(self._not_warranty_toggled)
        self.buttons.rejected.connect(self.reject)
        self._runner.sig_changes.connect(self._on_changes)

    # -- showing -----------------------------------------------------------------------------------

    def reload(self) -> None:
        activity_ops.read_activity(
            self._runner,
            activity_id=self.activity_id,
            on_success=self.show_detail,
            on_error=self._failed,
            key=(self, "detail"),
        )

    def _failed(self, sentence: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(sentence)
        self.sig_refused.emit(sentence)

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)
        self.sig_status.emit(text)

    def show_detail(self, detail: ActivityDetail) -> None:
        self.detail = detail
        self.setWindowTitle(self.tr("Activity {number}").format(number=detail.number))
        self.title.setText(
            self.tr("Activity {number} — {kind} — {status}").format(
                number=detail.number, kind=label(detail.kind), status=label(detail.status)
            )
        )
        self.protective.setVisible(detail.protective_clothing_required)
        self.patient.setText(detail.patient_label)
        self.registered.setText(
            self.tr("{date} for {unit}").format(
                date=detail.created_on.isoformat(), unit=detail.service_location_name
            )
        )
        self.orderer.setText(detail.orderer_name)
        service = detail.service_product
        if detail.supplier_name:
            service = self.tr("{product}, supplier {supplier}").format(
                product=service, supplier=detail.supplier_name
            )
        self.service.setText(service or self.tr("None (an application names the product)"))
        self.address.setText(", ".join(detail.address.lines()) or "—")
        self.wanted.setText(detail.wanted_action)
        self.fault.setText(detail.fault_description or "—")
        self.action.setText(self._action_text(detail))
        self.aids_model.set_rows(detail.aids)
        if detail.aids and not self.aids_view.selectionModel().selectedRows():
            self.aids_view.selectRow(0)
        self.status_combo.clear()
        for status in detail.next_statuses:
            self.status_combo.addItem(label(status), status)
        self.status_box.setVisible(bool(detail.next_statuses))
        self.status_button.setEnabled(bool(detail.next_statuses))
        self.close_box.setVisible(detail.may_close)
        self.not_warranty.setVisible(detail.may_say_not_warranty)
        self.renumber_box.setVisible(detail.may_renumber)
        self.sig_detail.emit(detail)

    def _action_text(self, detail: ActivityDetail) -> str:
        if detail.status is not ActivityStatus.CLOSED:
            return "—"
        parts = [self.tr("Not warranty")] if detail.not_warranty else []
        if detail.action_taken:
            parts.append(detail.action_taken)
        closed = detail.closed_on.isoformat() if detail.closed_on else ""
        return self.tr("{action} (closed {date})").format(action=". ".join(parts), date=closed)

    def _not_warranty_toggled(self, on: bool) -> None:
        self.action_edit.setPlaceholderText(
            self.tr("Anything to add (optional)")
            if on
            else self.tr("The action the supplier or technician took")
        )

    def _on_changes(self, changes: Changes) -> None:
        if changes.activities or changes.individuals:
            self.reload()

    # -- actions -----------------------------------------------------------------------------------

    def _changed(self, detail: ActivityDetail) -> None:
        self.show_detail(detail)
        if detail.status is ActivityStatus.CLOSED:
            self._say(self.tr("Activity {number} closed.").format(number=detail.number))
        else:
            self._say(
                self.tr("Activity {number} is now: {status}.").format(
                    number=detail.number, status=label(detail.status)
                )
            )

    def set_status(self) -> None:
        data = self.status_combo.currentData()
        if self.detail is None or data is None:
            return
        status = ActivityStatus(data)  # a combo keeps an enum member as its str
        activity_ops.set_status(
            self._runner,
            context=self._context,
            activity_id=self.activity_id,
            status=status,
            on_success=self._changed,
            on_error=self._failed,
        )

    def close_activity(self) -> None:
        detail = self.detail
        if detail is None:
            return
        not_warranty = self.not_warranty.isVisible() and self.not_warranty.isChecked()
        activity_ops.close_activity(
            self._runner,
            context=self._context,
            activity_id=self.activity_id,
            action_taken=self.action_edit.toPlainText(),
            not_warranty=not_warranty,
            on_success=self._changed,
            on_error=self._failed,
        )

    def selected_aid(self) -> ActivityAidRow | None:
        rows = self.aids_view.selectionModel().selectedRows()
        if not rows:
            return None
        aid: ActivityAidRow = self.aids_model.row_at(rows[0].row())
        return aid

    def renumber(self) -> None:
        aid = self.selected_aid()
        if self.detail is None:
            return
        if aid is None:
            self._failed(self.tr("Select the aid that gets the new number."))
            return
        old = aid.individual_number

        def renumbered(detail: ActivityDetail) -> None:
            self.new_number.clear()
            self.confirm.setChecked(False)
            self.show_detail(detail)
            new = next((a.individual_number for a in detail.aids if a.replaced_individual_number == old), "")
            self._say(self.tr("Individual {old} now has the number {new}.").format(old=old, new=new))

        activity_ops.renumber(
            self._runner,
            context=self._context,
            activity_id=self.activity_id,
            individual_id=aid.individual_id,
            new_number=self.new_number.text(),
            confirmed=self.confirm.isChecked(),  # R37: the service refuses without it
            on_success=renumbered,
            on_error=self._failed,
        )

    def print_sheet(self) -> None:
        detail = self.detail
        if detail is None:
            return
        self.print_button.setEnabled(False)

        def saved(path: Path) -> None:
            self.print_button.setEnabled(True)
            self._say(self.tr("Activity sheet saved as {name}.").format(name=path.name))
            self.sig_sheet_saved.emit(path)

        def failed(sentence: str) -> None:
            self.print_button.setEnabled(True)
            self._failed(sentence)
            MessageBoxes.warn(self, self.tr("Activity sheet"), sentence)

        activity_ops.print_activity_sheet(
            self._runner,
            activity_id=detail.id,
            number=detail.number,
            comment=self.comment_edit.text(),
            parent=self,
            on_done=saved,
            on_error=failed,
        )
