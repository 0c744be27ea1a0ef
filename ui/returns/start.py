"""Returns → New return…: whose aids are returned, asked as a patient's identity or reserve number or an
individual number (typed or scanned)."""

from __future__ import annotations

from app.scanning.codes import CodeKind, read_code
from ui.operations import OperationRunner, clerk_sentence
from ui.operations import scanning as scanning_ops
from ui.operations.returns import Whose
from ui.operations.scanning import ScanLookup
from ui.qt import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget
from ui.scanning.targets import mark_scan_target, scan_into_line_edit
from ui.widgets import ERROR_STYLE


class NewReturnDialog(QDialog):
    """Asks for the patient or the individual; ``whose`` holds the answer once accepted."""

    def __init__(self, runner: OperationRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._runner = runner
        self.whose: Whose | None = None
        self._looking = False  # Enter both presses the default button and is the field's returnPressed
        self.setObjectName("new_return_dialog")
        self.setWindowTitle(self.tr("New return"))
        explanation = QLabel(
            self.tr(
                "Whose aids are returned? Type or scan the patient's identity number or reserve number, or the individual number of one aid."
            )
        )
        explanation.setWordWrap(True)
        self.number_edit = QLineEdit()
        self.number_edit.setObjectName("new_return_number")
        self.number_edit.setPlaceholderText(self.tr("Identity number, reserve number or individual number"))
        self.error = QLabel()
        self.error.setObjectName("new_return_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.continue_button = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.continue_button.setObjectName("new_return_continue")
        self.continue_button.setDefault(True)
        cancel = buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setAutoDefault(False)  # Enter continues; only Esc or a click cancels
        layout = QVBoxLayout(self)
        layout.addWidget(explanation)
        layout.addWidget(self.number_edit)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.setMinimumWidth(520)
        self.continue_button.clicked.connect(self.look_up)
        self.number_edit.returnPressed.connect(self.look_up)
        buttons.rejected.connect(self.reject)
        mark_scan_target(
            self.number_edit,
            scan_into_line_edit(self.number_edit),
            frozenset({CodeKind.INDIVIDUAL, CodeKind.IDENTITY, CodeKind.RESERVE}),
            what=self.tr("the new return's number field"),
        )

    def look_up(self) -> None:
        code = read_code(self.number_edit.text())
        if code.problem is not None:
            self._refuse(clerk_sentence(code.problem))
            return
        if not code.text:
            self._refuse(self.tr("Type the patient's identity number or an individual number."))
            return
        if self._looking:
            return
        self._looking = True  # the button stays enabled: a disabled default makes Enter press Cancel
        scanning_ops.find_scanned(
            self._runner, code=code, on_success=self._found, on_error=self._refuse, key=(self, "look up")
        )

    def _found(self, found: ScanLookup) -> None:
        scanned = found.scanned
        if scanned.individual_id is not None:
            self.whose = Whose(individual_id=scanned.individual_id)
        elif scanned.patient_id is not None:
            self.whose = Whose(patient_id=scanned.patient_id)
        else:
            self._refuse(self.tr("No patient and no individual has this number."))
            return
        self.accept()

    def _refuse(self, sentence: str) -> None:
        self._looking = False
        self.error.setText(sentence)
        self.error.show()
        self.number_edit.setFocus()
        self.number_edit.selectAll()
