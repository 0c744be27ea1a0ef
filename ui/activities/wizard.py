"""The "New activity" wizard (R23–R26, R32), started from the patient record.

Its pages follow 002's steps: the kind of activity (with its info text) and the service location; the
service product and the aids; the wanted action (and the fault, and a known infection); the address. An
outside-assortment application has its own page instead of the aids, the description and the address
(R26). Everything it needs is loaded before it opens (``ActivityStart``), so a page refuses to go on at
once, with the same pure checks the save makes (``app.activities``); the last page saves everything
through one service call.
"""

from __future__ import annotations

from app import activities
from app.activities import (
    CHILDREN_ONLY,
    KIND_INFO,
    KINDS,
    WITH_FAULT,
    ActivityAid,
    ActivityCreated,
    ActivityRequest,
    ActivityStart,
    Address,
    OutsideAssortment,
)
from app.errors import ClerkError
from app.organisation import WorkContext
from db.models.enums import ActivityKind, IndividualStatus
from ui.labels import label
from ui.operations import OperationRunner, clerk_sentence
from ui.operations import activities as activity_ops
from ui.order.numbers import Numbers
from ui.qt import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    Signal,
)
from ui.widgets import ERROR_STYLE, find_data

KIND_PAGE, AIDS_PAGE, DESCRIPTION_PAGE, APPLICATION_PAGE, ADDRESS_PAGE = range(5)


def _error_label(name: str) -> QLabel:
    error = QLabel()
    error.setObjectName(name)
    error.setWordWrap(True)
    error.setStyleSheet(ERROR_STYLE)
    return error


def _text_edit(name: str, placeholder: str, height: int = 70) -> QPlainTextEdit:
    edit = QPlainTextEdit()
    edit.setObjectName(name)
    edit.setPlaceholderText(placeholder)
    edit.setTabChangesFocus(True)
    edit.setMinimumHeight(height)
    return edit


class _Page(QWizardPage):
    """A page that shows the sentence its check refused with, and clears it when shown again."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.setObjectName(name)
        self.error = _error_label(f"{name}_error")

    def wiz(self) -> ActivityWizard:
        wizard = self.wizard()
        assert isinstance(wizard, ActivityWizard)
        return wizard

    def refuse(self, error: ClerkError | str) -> bool:
        sentence = error if isinstance(error, str) else clerk_sentence(error)
        self.error.setText(sentence)
        self.wiz().sig_refused.emit(sentence)
        return False

    def initializePage(self) -> None:
        self.error.clear()


class KindPage(_Page):
    def __init__(self, start: ActivityStart) -> None:
        super().__init__("activity_kind_page")
        self.setTitle(self.tr("Kind of activity"))
        self.setSubTitle(self.tr("Choose the kind of activity and check the service location."))
        self.patient = QLabel()
        self.patient.setObjectName("activity_patient")
        self.patient.setWordWrap(True)
        phone = start.phone or self.tr("(missing)")
        self.patient.setText(
            self.tr("Patient: {patient}, {age} years. Phone: {phone}").format(
                patient=start.patient_label, age=start.age, phone=phone
            )
        )
        self.kind_combo = QComboBox()
        self.kind_combo.setObjectName("activity_kind")
        for kind in KINDS:
            self.kind_combo.addItem(label(kind), kind)
        self.info = QLabel()
        self.info.setObjectName("activity_kind_info")
        self.info.setWordWrap(True)
        self.info.setStyleSheet("background:#e6f0fb; color:#123a63; border:1px solid #a9c6e8; padding:6px;")
        self.unit_combo = QComboBox()
        self.unit_combo.setObjectName("activity_unit")
        for unit in start.units:
            self.unit_combo.addItem(unit.name, unit.id)
        self.unit_combo.setCurrentIndex(max(find_data(self.unit_combo, start.default_unit_id), 0))
        unit_hint = QLabel(
            self.tr("Choose the service location the activity is for when you work at several units.")
        )
        unit_hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Kind:"), self.kind_combo)
        form.addRow(
            self.info
        )  # across the whole page: a word-wrapped text in a field's column grows too tall
        form.addRow(self.tr("&Service location:"), self.unit_combo)
        form.addRow("", unit_hint)
        layout = QVBoxLayout(self)
        layout.addWidget(self.patient)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def kind(self) -> ActivityKind:
        return ActivityKind(self.kind_combo.currentData())  # a combo keeps an enum member as its str

    def _kind_changed(self, *_args: object) -> None:
        self.info.setText(QCoreApplication.translate("app", KIND_INFO[self.kind()]))
        self.error.clear()

    def validatePage(self) -> bool:
        try:
            activities.check_kind(
                self.wiz().start, kind=self.kind(), service_location_id=self.unit_combo.currentData()
            )
        except ClerkError as error:
            return self.refuse(error)
        return True

    def nextId(self) -> int:
        return APPLICATION_PAGE if self.kind() is ActivityKind.OUTSIDE_ASSORTMENT else AIDS_PAGE


class AidsPage(_Page):
    def __init__(self, start: ActivityStart) -> None:
        super().__init__("activity_aids_page")
        self.setTitle(self.tr("Service product and aids"))
        self.service_combo = QComboBox()
        self.service_combo.setObjectName("activity_service")
        self.service_combo.addItem(self.tr("Choose a service product…"), None)
        for service in start.services:
            self.service_combo.addItem(f"{service.name} ({service.article_number})", service.id)
        self.aid_boxes: list[tuple[QCheckBox, ActivityAid]] = []
        holder = QWidget()
        holder.setObjectName("activity_aid_list")
        aids_layout = QVBoxLayout(holder)
        for aid in start.aids:
            box = QCheckBox(self._aid_text(aid))
            box.setObjectName(f"activity_aid_{aid.individual_number}")
            aids_layout.addWidget(box)
            self.aid_boxes.append((box, aid))
        if not start.aids:
            aids_layout.addWidget(QLabel(self.tr("The patient holds no individually marked aid.")))
        aids_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("Service &product:"), self.service_combo)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)

    def _aid_text(self, aid: ActivityAid) -> str:
        text = f"{aid.individual_number} — {aid.article_name}"
        if aid.delivered:
            notes = [
                self.tr("delivered {date}").format(
                    date=aid.delivered_on.isoformat() if aid.delivered_on else ""
                )
            ]
        elif aid.delivered_on is not None and aid.status is IndividualStatus.DELIVERED:
            notes = [self.tr("delivered from {date}").format(date=aid.delivered_on.isoformat())]
        else:
            notes = [label(aid.status).lower()]
        if aid.open_activities:
            numbers = ", ".join(number for number, _kind in aid.open_activities)
            notes.append(self.tr("open activity {numbers}").format(numbers=numbers))
        return f"{text} — {', '.join(notes)}"

    def initializePage(self) -> None:
        super().initializePage()
        kind = self.wiz().kind_page.kind()
        self.setSubTitle(
            self.tr("{kind}: choose the service product and tick the aid.").format(kind=label(kind))
        )
        if kind in activities.INSTALLATION_KINDS:
            self.hint.setText(
                self.tr(
                    "One activity per installation: tick one aid; more to install go in the wanted action."
                )
            )
        else:
            self.hint.setText(self.tr("Tick the aids the activity concerns."))

    def chosen(self) -> tuple[ActivityAid, ...]:
        return tuple(aid for box, aid in self.aid_boxes if box.isChecked())

    def validatePage(self) -> bool:
        try:
            activities.check_aids(
                self.wiz().start,
                kind=self.wiz().kind_page.kind(),
                service_article_id=self.service_combo.currentData(),
                individual_ids=tuple(aid.individual_id for aid in self.chosen()),
            )
        except ClerkError as error:
            return self.refuse(error)
        return True

    def nextId(self) -> int:
        return DESCRIPTION_PAGE


class DescriptionPage(_Page):
    def __init__(self) -> None:
        super().__init__("activity_description_page")
        self.setTitle(self.tr("Wanted action"))
        self.wanted = _text_edit("activity_wanted", self.tr("What the supplier or technician is to do"))
        self.fault_label = QLabel(self.tr("&Fault description:"))
        self.fault = _text_edit("activity_fault", self.tr("The fault, as the patient describes it"))
        self.fault_label.setBuddy(self.fault)
        self.infection = QCheckBox(
            self.tr("The patient has a known infection (MRSA, Clostridium, hepatitis, ESBL, covid…)")
        )
        self.infection.setObjectName("activity_infection")
        self.infection.setToolTip(self.tr('The work order then says "Protective clothing required".'))
        wanted_label = QLabel(self.tr("&Wanted action:"))
        wanted_label.setBuddy(self.wanted)
        layout = QVBoxLayout(self)
        layout.addWidget(wanted_label)
        layout.addWidget(self.wanted, 1)
        layout.addWidget(self.fault_label)
        layout.addWidget(self.fault, 1)
        layout.addWidget(self.infection)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        super().initializePage()
        kind = self.wiz().kind_page.kind()
        with_fault = kind in WITH_FAULT
        self.fault_label.setVisible(with_fault)
        self.fault.setVisible(with_fault)
        if kind is ActivityKind.INSTALLED_REPAIR:
            self.setSubTitle(
                self.tr(
                    "Write the fault to be fixed, a contact person with phone number, and anything else important."
                )
            )
        elif kind in activities.INSTALLATION_KINDS:
            self.setSubTitle(self.tr("Describe the installation, and say if there are more aids to install."))
        else:
            self.setSubTitle(self.tr("Describe what the warranty repair concerns."))

    def validatePage(self) -> bool:
        try:
            activities.check_description(
                self.wiz().kind_page.kind(),
                wanted_action=self.wanted.toPlainText(),
                fault_description=self.fault.toPlainText() if self.fault.isVisible() else "",
                application=None,
            )
        except ClerkError as error:
            return self.refuse(error)
        return True

    def nextId(self) -> int:
        return ADDRESS_PAGE


class ApplicationPage(_Page):
    """R26: each point the application must cover is a field of its own."""

    def __init__(self) -> None:
        super().__init__("activity_application_page")
        self.setTitle(self.tr("Outside-assortment application"))
        self.setSubTitle(
            self.tr("No article is chosen. Give only what is relevant and needed for the application.")
        )
        self.supplier = QLineEdit()
        self.supplier.setObjectName("application_supplier")
        self.supplier_article_number = QLineEdit()
        self.supplier_article_number.setObjectName("application_supplier_article_number")
        self.article_name = QLineEdit()
        self.article_name.setObjectName("application_article_name")
        self.ce_yes = QRadioButton(self.tr("&Yes"))
        self.ce_yes.setObjectName("application_ce_yes")
        self.ce_no = QRadioButton(self.tr("N&o"))
        self.ce_no.setObjectName("application_ce_no")
        self.ce_group = QButtonGroup(self)
        self.ce_group.addButton(self.ce_yes)
        self.ce_group.addButton(self.ce_no)
        ce_row = QHBoxLayout()
        ce_row.addWidget(self.ce_yes)
        ce_row.addWidget(self.ce_no)
        ce_row.addStretch(1)
        self.need = _text_edit(
            "application_need",
            self.tr("The need that requires and justifies a product outside the assortment"),
        )
        self.tried = _text_edit(
            "application_tried",
            self.tr(
                "Products or measures tried or considered and why; if none, why not and how the need was found"
            ),
        )
        form = QFormLayout()
        form.addRow(self.tr("&Supplier:"), self.supplier)
        form.addRow(self.tr("Supplier's &article number:"), self.supplier_article_number)
        form.addRow(self.tr("Product &name:"), self.article_name)
        form.addRow(self.tr("CE-marked under MDR:"), ce_row)
        form.addRow(self.tr("The patient's &need:"), self.need)
        form.addRow(self.tr("&Tried or considered:"), self.tried)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 1)
        layout.addWidget(self.error)

    def application(self) -> OutsideAssortment:
        return OutsideAssortment(
            supplier=self.supplier.text(),
            supplier_article_number=self.supplier_article_number.text(),
            article_name=self.article_name.text(),
            ce_marked_mdr=True if self.ce_yes.isChecked() else False if self.ce_no.isChecked() else None,
            need=self.need.toPlainText(),
            tried=self.tried.toPlainText(),
        )

    def validatePage(self) -> bool:
        try:
            activities.check_description(
                ActivityKind.OUTSIDE_ASSORTMENT,
                wanted_action="",
                fault_description="",
                application=self.application(),
            )
        except ClerkError as error:
            return self.refuse(error)
        return True

    def nextId(self) -> int:
        return -1


class AddressPage(_Page):
    def __init__(self, start: ActivityStart) -> None:
        super().__init__("activity_address_page")
        self.setTitle(self.tr("Address"))
        self.unit_radio = QRadioButton(self.tr("The &unit's address"))
        self.unit_radio.setObjectName("address_unit")
        self.patient_radio = QRadioButton(self.tr("The &patient's address"))
        self.patient_radio.setObjectName("address_patient")
        self.other_radio = QRadioButton(self.tr("&Another address"))
        self.other_radio.setObjectName("address_other")
        self.group = QButtonGroup(self)
        for radio in (self.unit_radio, self.patient_radio, self.other_radio):
            self.group.addButton(radio)
        self.patient_radio.setVisible(start.patient_address is not None)
        self.street = QLineEdit()
        self.street.setObjectName("address_street")
        self.postal_code = QLineEdit()
        self.postal_code.setObjectName("address_postal_code")
        self.city = QLineEdit()
        self.city.setObjectName("address_city")
        protected = QLabel(
            self.tr(
                "Protected identity: everything goes through the unit; the patient's address is not used."
            )
        )
        protected.setWordWrap(True)
        protected.setVisible(start.patient_address is None)
        form = QFormLayout()
        form.addRow(self.tr("S&treet:"), self.street)
        form.addRow(self.tr("Postal &code:"), self.postal_code)
        form.addRow(self.tr("C&ity:"), self.city)
        layout = QVBoxLayout(self)
        layout.addWidget(self.unit_radio)
        layout.addWidget(self.patient_radio)
        layout.addWidget(self.other_radio)
        layout.addWidget(protected)
        layout.addLayout(form)
        layout.addStretch(1)
        layout.addWidget(self.error)
        self._patient_address = start.patient_address or Address()
        self.unit_radio.toggled.connect(self._unit_chosen)
        self.patient_radio.toggled.connect(self._patient_chosen)
        self.other_radio.toggled.connect(self._other_chosen)

    def _unit_chosen(self, on: bool) -> None:
        if on:
            self._fill(self._unit_address())

    def _patient_chosen(self, on: bool) -> None:
        if on:
            self._fill(self._patient_address)

    def _other_chosen(self, on: bool) -> None:
        if on:
            self._fill(Address())

    def _unit_address(self) -> Address:
        wizard = self.wiz()
        unit_id = wizard.kind_page.unit_combo.currentData()
        unit = next((u for u in wizard.start.units if u.id == unit_id), None)
        return unit.address if unit else Address()

    def _fill(self, address: Address) -> None:
        self.street.setText(address.street)
        self.postal_code.setText(address.postal_code)
        self.city.setText(address.city)
        if self.other_radio.isChecked():
            self.street.setFocus()

    def initializePage(self) -> None:
        super().initializePage()
        kind = self.wiz().kind_page.kind()
        if kind in activities.INSTALLATION_KINDS or kind in CHILDREN_ONLY:
            self.setSubTitle(self.tr("Where the technician is to come, or where the aid is to be returned."))
        else:
            self.setSubTitle(self.tr("Where the supplier returns the aid."))
        if self.unit_radio.isChecked():
            self._fill(self._unit_address())
        else:
            self.unit_radio.setChecked(True)

    def address(self) -> Address:
        return Address(self.street.text(), self.postal_code.text(), self.city.text())

    def validatePage(self) -> bool:
        try:
            activities.check_address(self.wiz().kind_page.kind(), self.address())
        except ClerkError as error:
            return self.refuse(error)
        return True

    def nextId(self) -> int:
        return -1


class ActivityWizard(QWizard):
    """The wizard for one patient; ``sig_created`` carries the saved activity's id and number."""

    sig_created = Signal(object)  # ActivityCreated
    sig_refused = Signal(str)

    def __init__(
        self,
        runner: OperationRunner,
        context: WorkContext,
        start: ActivityStart,
        numbers: Numbers,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("activity_wizard")
        self.setWindowTitle(self.tr("New activity"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Next >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Back"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Save"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Cancel"))
        self.resize(800, 580)
        self._runner = runner
        self._context = context
        self._numbers = numbers
        self.start = start
        self.created: ActivityCreated | None = None
        self._saving = False
        self.kind_page = KindPage(start)
        self.aids_page = AidsPage(start)
        self.description_page = DescriptionPage()
        self.application_page = ApplicationPage()
        self.address_page = AddressPage(start)
        self.setPage(KIND_PAGE, self.kind_page)
        self.setPage(AIDS_PAGE, self.aids_page)
        self.setPage(DESCRIPTION_PAGE, self.description_page)
        self.setPage(APPLICATION_PAGE, self.application_page)
        self.setPage(ADDRESS_PAGE, self.address_page)
        self.setStartId(KIND_PAGE)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def request(self) -> ActivityRequest:
        kind = self.kind_page.kind()
        unit_id = self.kind_page.unit_combo.currentData()
        if kind is ActivityKind.OUTSIDE_ASSORTMENT:
            return ActivityRequest(
                kind=kind,
                patient_id=self.start.patient_id,
                service_location_id=unit_id,
                application=self.application_page.application(),
            )
        return ActivityRequest(
            kind=kind,
            patient_id=self.start.patient_id,
            service_location_id=unit_id,
            service_article_id=self.aids_page.service_combo.currentData(),
            individual_ids=tuple(aid.individual_id for aid in self.aids_page.chosen()),
            wanted_action=self.description_page.wanted.toPlainText(),
            fault_description=self.description_page.fault.toPlainText() if kind in WITH_FAULT else "",
            address=self.address_page.address(),
            infection_known=self.description_page.infection.isChecked(),
        )

    def accept(self) -> None:
        """Save the answers in one call; the wizard closes once the activity is saved."""
        if self.created is not None:
            super().accept()
            return
        if self._saving or not self.validateCurrentPage():
            return
        self._saving = True
        finish = self.button(QWizard.WizardButton.FinishButton)
        finish.setEnabled(False)
        activity_ops.create_activity(
            self._runner,
            context=self._context,
            request=self.request(),
            numbers=self._numbers,
            on_success=self._saved,
            on_error=self._refused,
        )

    def _saved(self, created: ActivityCreated) -> None:
        self.created = created
        self.sig_created.emit(created)
        super().accept()

    def _refused(self, sentence: str) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        page = self.currentPage()
        if isinstance(page, _Page):
            page.refuse(sentence)
