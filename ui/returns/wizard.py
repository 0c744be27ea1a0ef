"""The return wizard (R9, R28–R32): the aids, where they go and why; the checklist of each aid; a summary;
then one service call registers everything and the return's document is saved and opened.

Pages load in ``initializePage`` (the first on a worker thread, through ``ui.operations.returns``) and refuse
to go on in ``validatePage`` with one sentence; nothing is written before the last page. A wizard closed
half-way keeps its answers as a local draft, offered again when a return of the same patient or individual
is started.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from html import escape
from pathlib import Path
from typing import Any

from app.errors import ClerkError
from app.organisation import WorkContext
from app.returns import (
    BLOCKED_MARK,
    CHECK_POINT_TEXTS,
    CREDIT_NAME,
    AidReturn,
    CheckAnswer,
    CheckPoint,
    Destination,
    ReturnableAid,
    ReturnDone,
    ReturnRequest,
    ReturnStart,
    check_aid,
    check_reason,
    required_points,
)
from app.scanning.codes import Code, CodeKind
from db.models.enums import PickupReason
from ui.messages import MessageBoxes
from ui.operations import OperationRunner, clerk_sentence
from ui.operations import returns as return_ops
from ui.operations.returns import Numbers, Whose, WizardStart
from ui.qt import (
    QButtonGroup,
    QCheckBox,
    QCloseEvent,
    QComboBox,
    QCoreApplication,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    Qt,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
    Signal,
)
from ui.returns.texts import app_text, destination_choice, destination_name, reason_text
from ui.scanning.targets import mark_scan_target
from ui.table_model import Column, RowTableModel
from ui.widgets import ERROR_STYLE, row_table

AIDS_PAGE, CHECKLIST_PAGE, SUMMARY_PAGE = 0, 1, 2

_NOTE_STYLE = "background:#fff4d6; color:#6b4a00; border:1px solid #e8cf8a; padding:4px; border-radius:3px;"


def check_point_text(point: CheckPoint) -> str:
    return QCoreApplication.translate("app", CHECK_POINT_TEXTS[point])


def aid_name(aid: ReturnableAid) -> str:
    """An aid as the wizard's sentences name it: the article and its individual number."""
    if aid.individual_number:
        return QCoreApplication.translate("ReturnWizard", "{article} ({individual})").format(
            article=aid.article_name, individual=aid.individual_number
        )
    return QCoreApplication.translate("ReturnWizard", "{article} ({quantity} pcs)").format(
        article=aid.article_name, quantity=aid.quantity
    )


@dataclass(frozen=True)
class Preselect:
    """Which aids the wizard ticks when it opens: every one (a deceased patient's, R9), or the rows the clerk
    chose on the record (an individual number, or an article delivered on a day)."""

    every: bool = False
    individual_numbers: frozenset[str] = frozenset()
    lines: frozenset[tuple[str, dt.date | None]] = frozenset()
    reason: PickupReason | None = None

    def wants(self, aid: ReturnableAid) -> bool:
        if aid.on_open_pickup:
            return False
        if self.every:
            return True
        if aid.individual_number:
            return aid.individual_number in self.individual_numbers
        return (aid.article_number, aid.delivered_on) in self.lines


@dataclass
class Answers:
    """What the clerk has answered so far (the draft is these, as plain values)."""

    destination: Destination | None = None
    reason: PickupReason | None = None
    comment: str = ""
    chosen: list[str] = field(default_factory=list)  # keys of the chosen aids, in list order
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)  # key -> an AidChecklist's draft

    def to_draft(self) -> dict[str, Any]:
        return {
            "destination": self.destination.value if self.destination else None,
            "reason": self.reason.value if self.reason else None,
            "comment": self.comment,
            "chosen": list(self.chosen),
            "checks": dict(self.checks),
        }

    @classmethod
    def from_draft(cls, draft: dict[str, Any]) -> Answers:
        destination = draft.get("destination")
        reason = draft.get("reason")
        return cls(
            destination=Destination(destination) if destination in set(Destination) else None,
            reason=PickupReason(reason) if reason in set(PickupReason) else None,
            comment=str(draft.get("comment", "")),
            chosen=[str(key) for key in draft.get("chosen", [])],
            checks={str(k): dict(v) for k, v in dict(draft.get("checks", {})).items()},
        )

    def touched(self) -> bool:
        return bool(self.chosen or self.comment.strip() or self.checks)


class Refused(Exception):
    """A page refuses to go on: the sentence for the clerk."""


def _error_label(name: str) -> QLabel:
    error = QLabel()
    error.setObjectName(name)
    error.setStyleSheet(ERROR_STYLE)
    error.setWordWrap(True)
    error.hide()
    return error


def _show_error(label: QLabel, sentence: str) -> None:
    label.setText(sentence)
    label.setVisible(bool(sentence))


# -- page 1: the aids, where they go, why --------------------------------------------------------------


class AidsPage(QWizardPage):
    def __init__(self, wizard: ReturnWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.start: ReturnStart | None = None
        self.aid_boxes: dict[str, QCheckBox] = {}
        self.setTitle(self.tr("The aids to return"))
        self.setSubTitle(
            self.tr("Tick the aids, choose where they go and why. Nothing is saved before the last page.")
        )
        self.patient_label = QLabel()
        self.patient_label.setObjectName("return_patient")
        self.loading = QLabel(self.tr("Reading the aids…"))
        self.aids_group = QGroupBox(self.tr("Aids (tick those returned, or scan their individual numbers)"))
        self.aids_layout = QVBoxLayout()
        self.aids_layout.setContentsMargins(4, 4, 4, 4)
        self.aids_layout.addWidget(self.loading)
        self.aids_layout.addStretch()
        inner = QWidget()
        inner.setLayout(self.aids_layout)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.all_button = QPushButton(self.tr("Tick &all"))
        self.all_button.setObjectName("return_all_aids")
        aids = QVBoxLayout(self.aids_group)
        aids.addWidget(scroll, 1)
        aids_buttons = QHBoxLayout()
        aids_buttons.addWidget(self.all_button)
        aids_buttons.addStretch()
        aids.addLayout(aids_buttons)
        self.destination_group = QGroupBox(self.tr("Where the aids go"))
        self.destination_layout = QVBoxLayout(self.destination_group)
        self.destinations = QButtonGroup(self)
        self.destination_buttons: dict[Destination, QRadioButton] = {}
        self.reason_combo = QComboBox()
        self.reason_combo.setObjectName("return_reason")
        self.reason_combo.addItem(self.tr("(choose a reason)"), None)
        for reason in PickupReason:
            self.reason_combo.addItem(reason_text(reason), reason.value)
        self.credit_label = QLabel(app_text(CREDIT_NAME))
        self.credit_label.setObjectName("return_credit")
        self.credit_label.hide()
        self.comment_edit = QLineEdit()
        self.comment_edit.setObjectName("return_comment")
        self.comment_edit.setPlaceholderText(self.tr("Why the aids are returned (required for Other)"))
        self.error = _error_label("return_aids_error")
        reason_row = QHBoxLayout()
        reason_row.addWidget(self.reason_combo)
        reason_row.addWidget(self.credit_label)
        reason_row.addStretch()
        form = QFormLayout()
        form.addRow(self.tr("Reason:"), reason_row)
        form.addRow(self.tr("Comment:"), self.comment_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(self.patient_label)
        layout.addWidget(self.aids_group, 1)
        layout.addWidget(self.destination_group)
        layout.addLayout(form)
        layout.addWidget(self.error)
        self.all_button.clicked.connect(self.tick_all)
        self.destinations.idToggled.connect(lambda *_args: self._destination_changed())

    # -- loading -----------------------------------------------------------------------------------

    def initializePage(self) -> None:
        if self.start is None:
            self._wizard.load_start()

    def isComplete(self) -> bool:
        return self.start is not None

    def show_start(self, start: ReturnStart, preselect: Preselect | None) -> None:
        self.start = start
        self.patient_label.setText(
            self.tr("Patient: {patient}").format(patient=start.patient_label)
            if start.patient_id is not None
            else self.tr("An individual in our own stock")
        )
        self.loading.hide()
        for aid in start.aids:
            box = QCheckBox(self._aid_text(aid).replace("&", "&&"))  # a name's "&" is no mnemonic
            box.setObjectName(f"return_aid_{aid.key}")
            if aid.on_open_pickup:
                box.setEnabled(False)
                box.setToolTip(self.tr("Already on a registered pickup order."))
            elif preselect is not None and preselect.wants(aid):
                box.setChecked(True)
            self.aid_boxes[aid.key] = box
            self.aids_layout.insertWidget(self.aids_layout.count() - 1, box)
        if not start.aids:
            self.loading.setText(self.tr("There are no aids to return."))
            self.loading.show()
        for destination in Destination:
            if destination not in start.destinations:
                continue
            button = QRadioButton(destination_choice(destination))
            button.setObjectName(f"return_destination_{destination.value}")
            self.destination_buttons[destination] = button
            self.destinations.addButton(button, len(self.destination_buttons))
            self.destination_layout.addWidget(button)
        if len(self.destination_buttons) == 1:
            next(iter(self.destination_buttons.values())).setChecked(True)
        reason = preselect.reason if preselect is not None else None
        if start.deceased:  # R9: the one reason for a deceased patient's aids
            reason = PickupReason.PATIENT_DECEASED
            self.reason_combo.setEnabled(False)
            self.reason_combo.setToolTip(self.tr("The patient is deceased: that is the reason."))
        if reason is not None:
            self.choose_reason(reason)
        self._destination_changed()
        self.completeChanged.emit()

    def _aid_text(self, aid: ReturnableAid) -> str:
        parts = [f"{aid.article_number}  {aid.article_name}"]
        if aid.individual_number:
            parts.append(self.tr("individual {number}").format(number=aid.individual_number))
        else:
            parts.append(self.tr("{quantity} pcs").format(quantity=aid.quantity))
        if aid.delivered_on is not None:
            parts.append(self.tr("delivered {date}").format(date=aid.delivered_on.isoformat()))
        if aid.on_open_pickup:
            parts.append(self.tr("on a registered pickup order"))
        return " — ".join(parts)

    # -- answers -----------------------------------------------------------------------------------

    def tick_all(self) -> None:
        for box in self.aid_boxes.values():
            if box.isEnabled():
                box.setChecked(True)

    def tick_scanned(self, number: str) -> bool:
        """A scanned individual number ticks its aid; False when it is not among them."""
        if self.start is None:
            return False
        for aid in self.start.aids:
            if aid.individual_number and aid.individual_number == number:
                box = self.aid_boxes[aid.key]
                if not box.isEnabled():
                    _show_error(
                        self.error,
                        self.tr("{aid} is already on a registered pickup order.").format(aid=aid_name(aid)),
                    )
                    return True
                box.setChecked(True)
                box.setFocus()
                _show_error(self.error, "")
                return True
        return False

    def destination(self) -> Destination | None:
        for destination, button in self.destination_buttons.items():
            if button.isChecked():
                return destination
        return None

    def _destination_changed(self) -> None:
        supplier = self.destination() is Destination.SUPPLIER
        self.reason_combo.setVisible(not supplier)
        self.credit_label.setVisible(supplier)
        self.comment_edit.setPlaceholderText(
            self.tr("What the supplier credits, and why (required)")
            if supplier
            else self.tr("Why the aids are returned (required for Other)")
        )
        if self.start is not None:
            for aid in self.start.aids:
                box = self.aid_boxes[aid.key]
                box.setEnabled(not aid.on_open_pickup and (not supplier or aid.in_own_stock))

    def chosen(self) -> list[ReturnableAid]:
        if self.start is None:
            return []
        return [
            aid
            for aid in self.start.aids
            if self.aid_boxes[aid.key].isChecked() and self.aid_boxes[aid.key].isEnabled()
        ]

    def reason(self) -> PickupReason | None:
        data = self.reason_combo.currentData()
        return PickupReason(data) if data else None

    def choose_reason(self, reason: PickupReason) -> None:
        self.reason_combo.setCurrentIndex(self.reason_combo.findData(reason.value))

    def answers_into(self, answers: Answers) -> None:
        answers.destination = self.destination()
        answers.reason = self.reason()
        answers.comment = self.comment_edit.text()
        answers.chosen = [aid.key for aid in self.chosen()]

    def apply(self, answers: Answers) -> None:
        """A draft's answers, shown (aids no longer held are left out)."""
        for key, box in self.aid_boxes.items():
            box.setChecked(key in answers.chosen and box.isEnabled())
        if answers.destination in self.destination_buttons:
            self.destination_buttons[answers.destination].setChecked(True)
        if answers.reason is not None:
            self.choose_reason(answers.reason)
        self.comment_edit.setText(answers.comment)
        self._destination_changed()

    def refusal(self) -> str:
        """Why the page cannot go on (one sentence), or ""."""
        if not self.chosen():
            return self.tr("Tick at least one aid to return.")
        destination = self.destination()
        if destination is None:
            return self.tr("Choose where the aids go.")
        reason = self.reason()
        if reason is None and destination is not Destination.SUPPLIER:
            return self.tr("Choose why the aids are returned.")
        assert self.start is not None
        request = ReturnRequest(
            destination, self.start.patient_id, reason or PickupReason.OTHER, self.comment_edit.text(), ()
        )
        try:
            check_reason(request, deceased=self.start.deceased)
        except ClerkError as error:
            return clerk_sentence(error)
        return ""

    def validatePage(self) -> bool:
        sentence = self.refusal()
        _show_error(self.error, sentence)
        return not sentence


# -- page 2: the checklist of each aid (R29) and the questions of R32 ------------------------------------


def _translate(text: str) -> str:
    return QCoreApplication.translate("AidChecklist", text)


def aid_return(aid: ReturnableAid, destination: Destination, draft: dict[str, Any]) -> AidReturn:
    """One aid's answers (an ``AidChecklist`` draft) as the service takes them; ``Refused`` with the first
    thing missing: a point neither ticked nor explained (R29), the infection or incident question not
    answered, or what the service's own check refuses (R32)."""
    done = set(draft.get("done", ()))
    reasons = {str(k): str(v).strip() for k, v in dict(draft.get("reasons", {})).items()}
    checklist = []
    for point in required_points(destination):
        ticked = point.value in done
        if not ticked and not reasons.get(point.value):
            raise Refused(
                QCoreApplication.translate(
                    "AidChecklist", "{aid}: tick “{point}” or write why it cannot be done."
                ).format(aid=aid_name(aid), point=check_point_text(point))
            )
        checklist.append(CheckAnswer(point, ticked, "" if ticked else reasons[point.value]))
    infection, incident = draft.get("infection"), draft.get("incident")
    if infection is None:
        raise Refused(
            QCoreApplication.translate(
                "AidChecklist", "{aid}: answer whether the patient has a known infection."
            ).format(aid=aid_name(aid))
        )
    if incident is None:
        raise Refused(
            QCoreApplication.translate(
                "AidChecklist", "{aid}: answer whether the aid was involved in an incident."
            ).format(aid=aid_name(aid))
        )
    answer = AidReturn(
        key=aid.key,
        quantity=aid.quantity,
        checklist=tuple(checklist),
        infection_known=bool(infection),
        cleaned=bool(infection) and bool(draft.get("cleaned")),
        incident=bool(incident),
    )
    try:
        check_aid(destination, answer, aid_name(aid))
    except ClerkError as error:
        raise Refused(clerk_sentence(error)) from error
    return answer


def _yes_no(yes: QRadioButton, no: QRadioButton) -> bool | None:
    return True if yes.isChecked() else False if no.isChecked() else None


def _set_yes_no(group: QButtonGroup, yes: QRadioButton, no: QRadioButton, value: object) -> None:
    group.setExclusive(False)  # an exclusive group cannot be set back to unanswered
    yes.setChecked(value is True)
    no.setChecked(value is False)
    group.setExclusive(True)


class AidChecklist(QGroupBox):
    """The checklist of the aid shown: each point ticked or the reason it cannot be; infection and incident
    asked. One editor serves every aid of the return (the page shows one aid at a time)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aid_checklist")
        self.points: dict[CheckPoint, QCheckBox] = {}
        self.reasons: dict[CheckPoint, QLineEdit] = {}
        grid = QGridLayout()
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 2)
        for row, point in enumerate(CheckPoint):
            box = QCheckBox(check_point_text(point))
            box.setObjectName(f"check_{point.value}")
            reason = QLineEdit()
            reason.setObjectName(f"check_reason_{point.value}")
            reason.setPlaceholderText(self.tr("Why it cannot be done"))
            reason.setMinimumWidth(220)
            box.toggled.connect(reason.setDisabled)
            grid.addWidget(box, row, 0)
            grid.addWidget(reason, row, 1)
            self.points[point] = box
            self.reasons[point] = reason
        self.all_done = QPushButton(self.tr("All points done"))
        self.all_done.setObjectName("check_all_done")
        self.all_done.clicked.connect(self.tick_all)
        self.infection_yes = QRadioButton(self.tr("Yes"))
        self.infection_yes.setObjectName("infection_yes")
        self.infection_no = QRadioButton(self.tr("No"))
        self.infection_no.setObjectName("infection_no")
        self.infection = QButtonGroup(self)
        self.infection.addButton(self.infection_yes)
        self.infection.addButton(self.infection_no)
        self.cleaned = QCheckBox(self.tr("The aid has been cleaned (protective clothing required)"))
        self.cleaned.setObjectName("infection_cleaned")
        self.cleaned.setEnabled(False)
        self.infection_yes.toggled.connect(self.cleaned.setEnabled)
        self.incident_yes = QRadioButton(self.tr("Yes"))
        self.incident_yes.setObjectName("incident_yes")
        self.incident_no = QRadioButton(self.tr("No"))
        self.incident_no.setObjectName("incident_no")
        self.incident = QButtonGroup(self)
        self.incident.addButton(self.incident_yes)
        self.incident.addButton(self.incident_no)
        self.blocked_note = QLabel(
            self.tr("The aid is blocked for the aid consultant to investigate: “{mark}”.").format(
                mark=BLOCKED_MARK
            )
        )
        self.blocked_note.setObjectName("incident_blocked")
        self.blocked_note.setWordWrap(True)
        self.blocked_note.setStyleSheet(_NOTE_STYLE)
        self.blocked_note.hide()
        self.incident_yes.toggled.connect(self.blocked_note.setVisible)
        infection_row = QHBoxLayout()
        infection_row.addWidget(self.infection_yes)
        infection_row.addWidget(self.infection_no)
        infection_row.addWidget(self.cleaned)
        infection_row.addStretch()
        incident_row = QHBoxLayout()
        incident_row.addWidget(self.incident_yes)
        incident_row.addWidget(self.incident_no)
        incident_row.addStretch()
        questions = QFormLayout()
        questions.addRow(self.tr("Known infection in the patient?"), infection_row)
        questions.addRow(self.tr("Involved in an incident?"), incident_row)
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_done)
        buttons.addStretch()
        layout.addLayout(buttons)
        layout.addLayout(questions)
        layout.addWidget(self.blocked_note)
        layout.addStretch()

    def tick_all(self) -> None:
        for box in self.points.values():
            if not box.isHidden():
                box.setChecked(True)

    def show_aid(self, aid: ReturnableAid, destination: Destination, draft: dict[str, Any]) -> None:
        """*aid*'s answers so far, with the points its destination asks (R29)."""
        self.setTitle(aid_name(aid).replace("&", "&&"))  # a name's "&" is no mnemonic
        asked = set(required_points(destination))
        done = set(draft.get("done", ()))
        reasons = dict(draft.get("reasons", {}))
        for point, box in self.points.items():
            box.setVisible(point in asked)
            self.reasons[point].setVisible(point in asked)
            box.setChecked(point.value in done)
            self.reasons[point].setText(str(reasons.get(point.value, "")))
        _set_yes_no(self.infection, self.infection_yes, self.infection_no, draft.get("infection"))
        self.cleaned.setChecked(bool(draft.get("cleaned")))
        _set_yes_no(self.incident, self.incident_yes, self.incident_no, draft.get("incident"))

    def to_draft(self) -> dict[str, Any]:
        """The answers shown, as plain values (kept per aid, and in a draft)."""
        return {
            "done": [point.value for point, box in self.points.items() if box.isChecked()],
            "reasons": {point.value: edit.text() for point, edit in self.reasons.items() if edit.text()},
            "infection": _yes_no(self.infection_yes, self.infection_no),
            "cleaned": self.cleaned.isChecked(),
            "incident": _yes_no(self.incident_yes, self.incident_no),
        }


class ChecklistPage(QWizardPage):
    """The chosen aids on the left (each marked once answered), the checklist of the one chosen on the right."""

    def __init__(self, wizard: ReturnWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self._shown: ReturnableAid | None = None
        self._answered: set[str] = set()  # keys of the aids whose checklist is answered
        self.setTitle(self.tr("The checklist of each aid"))
        self.setSubTitle(
            self.tr(
                "Tick each point, or write why it cannot be done. The checklist is kept with the return; "
                "it is not sent with the parcel."
            )
        )
        self.aids_model = RowTableModel(
            [
                Column(self.tr("Article"), lambda aid: aid.article_number),
                Column(self.tr("Aid"), aid_name),
                Column(self.tr("Answered"), lambda aid: "✓" if aid.key in self._answered else ""),
            ],
            self,
        )
        self.aids_view = row_table("checklist_aids", self.aids_model)
        self.aids_view.setMaximumHeight(120)
        header = self.aids_view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        self.editor = AidChecklist()
        self.next_aid_button = QPushButton(self.tr("Ne&xt aid"))
        self.next_aid_button.setObjectName("checklist_next_aid")
        self.error = _error_label("return_checklist_error")
        aids = QHBoxLayout()
        aids.addWidget(self.aids_view, 1)
        aids.addWidget(self.next_aid_button, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addLayout(aids)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        self.aids_view.selectionModel().selectionChanged.connect(lambda *_args: self._selection_changed())
        self.next_aid_button.clicked.connect(self.next_aid)

    def initializePage(self) -> None:
        self._shown = None
        chosen = self._wizard.aids_page.chosen()
        self.aids_model.set_rows(chosen)
        self.refresh_marks()
        self.aids_view.selectRow(0)
        if self._shown is None and chosen:  # the selection did not change: still row 0
            self._show(chosen[0])
        _show_error(self.error, "")
        self._wizard.page_ready(CHECKLIST_PAGE)

    def cleanupPage(self) -> None:
        """Back to the aids: the answers stay (kept for when the clerk comes forward again)."""
        self.keep_shown()

    def _is_answered(self, aid: ReturnableAid, destination: Destination) -> bool:
        try:
            aid_return(aid, destination, self._wizard.answers.checks.get(aid.key, {}))
        except Refused:
            return False
        return True

    def keep_shown(self) -> None:
        """The shown aid's answers into the wizard's answers."""
        if self._shown is not None:
            self._wizard.answers.checks[self._shown.key] = self.editor.to_draft()

    def _selection_changed(self) -> None:
        rows = self.aids_view.selectionModel().selectedRows()
        if rows:
            self._show(self.aids_model.row_at(rows[0].row()))

    def _show(self, aid: ReturnableAid) -> None:
        self.keep_shown()
        self._shown = aid
        destination = self._wizard.aids_page.destination()
        assert destination is not None
        self.editor.show_aid(aid, destination, self._wizard.answers.checks.get(aid.key, {}))
        self.refresh_marks()

    def refresh_marks(self) -> None:
        """The aids' "answered" marks, as the answers now stand."""
        destination = self._wizard.aids_page.destination()
        aids = [self.aids_model.row_at(row) for row in range(self.aids_model.rowCount())]
        self._answered = {
            aid.key for aid in aids if destination is not None and self._is_answered(aid, destination)
        }
        last = self.aids_model.rowCount() - 1
        if last >= 0:
            self.aids_model.dataChanged.emit(self.aids_model.index(0, 1), self.aids_model.index(last, 1))

    def show_aid_at(self, row: int) -> None:
        self.aids_view.selectRow(row)

    def next_aid(self) -> None:
        rows = self.aids_view.selectionModel().selectedRows()
        current = rows[0].row() if rows else -1
        if current + 1 < self.aids_model.rowCount():
            self.show_aid_at(current + 1)

    def aid_returns(self) -> tuple[AidReturn, ...]:
        """Every chosen aid's answers; ``Refused`` with the first aid's missing answer, that aid shown."""
        self.keep_shown()
        destination = self._wizard.aids_page.destination()
        assert destination is not None
        answers = []
        for row, aid in enumerate(self._wizard.aids_page.chosen()):
            try:
                answers.append(aid_return(aid, destination, self._wizard.answers.checks.get(aid.key, {})))
            except Refused:
                if self._shown is None or self._shown.key != aid.key:
                    self.show_aid_at(row)
                raise
        return tuple(answers)

    def validatePage(self) -> bool:
        try:
            self.aid_returns()
        except Refused as refused:
            _show_error(self.error, str(refused))
            return False
        _show_error(self.error, "")
        return True


# -- page 3: the summary, then the one save ----------------------------------------------------------------


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ReturnWizard) -> None:
        super().__init__()
        self._wizard = wizard
        self.setTitle(self.tr("Summary"))
        self.setSubTitle(
            self.tr("Check the return: the button at the bottom registers it and opens its document.")
        )
        self.summary = QLabel()
        self.summary.setMargin(6)
        self.summary.setObjectName("return_summary")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.summary)
        self.error = _error_label("return_summary_error")
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        self.setFinalPage(True)

    def initializePage(self) -> None:
        request = self._wizard.request()
        self.summary.setText(self._text(request))
        finish = {
            Destination.CENTRAL_WAREHOUSE: self.tr("Create the pickup order"),
            Destination.OWN_STOCK: self.tr("Return to own stock"),
            Destination.SUPPLIER: self.tr("Return to the supplier"),
        }[request.destination]
        self._wizard.setButtonText(QWizard.WizardButton.FinishButton, finish)
        _show_error(self.error, "")
        self._wizard.page_ready(SUMMARY_PAGE)

    def _text(self, request: ReturnRequest) -> str:
        """The summary as rich text (what the clerk typed escaped)."""
        page = self._wizard.aids_page
        aids = {aid.key: aid for aid in page.chosen()}
        reason = (
            app_text(CREDIT_NAME)
            if request.destination is Destination.SUPPLIER
            else reason_text(request.reason)
        )
        facts = [
            self.tr("Where: {destination}").format(destination=destination_name(request.destination)),
            self.tr("Reason: {reason}").format(reason=reason),
        ]
        if request.comment.strip():
            facts.append(self.tr("Comment: {comment}").format(comment=request.comment.strip()))
        parts = ["<p>" + "<br>".join(escape(fact) for fact in facts) + "</p>"]
        parts.append(
            "<p><b>" + escape(self.tr("Aids ({count}):").format(count=len(request.aids))) + "</b></p><ul>"
        )
        for answer in request.aids:
            aid = aids[answer.key]
            notes = [
                self.tr("Not done: {point} ({reason})").format(
                    point=check_point_text(c.point), reason=c.reason
                )
                for c in answer.checklist
                if not c.done
            ]
            if answer.infection_known:
                notes.append(self.tr("Known infection: cleaned; protective clothing required."))
            if answer.incident:
                notes.append(self.tr("Incident: the aid is blocked for investigation."))
            parts.append(f"<li>{escape(aid.article_number)} {escape(aid_name(aid))}")
            if notes:
                parts.append("<ul>" + "".join(f"<li>{escape(note)}</li>" for note in notes) + "</ul>")
            parts.append("</li>")
        parts.append("</ul>")
        what_next = {
            Destination.CENTRAL_WAREHOUSE: self.tr(
                "The pickup order is printed with the packing instructions: pack the aids in a padded "
                "envelope marked HÖRSEL with the pickup order and post it to the central warehouse. The "
                "aids stay on the patient's list until the central warehouse takes them in."
            ),
            Destination.OWN_STOCK: self.tr(
                "The aids go into our own stock at once and are listed under Returned; a return receipt is "
                "printed."
            ),
            Destination.SUPPLIER: self.tr(
                "The aids leave our own stock for the supplier; a return slip is printed to go with them."
            ),
        }[request.destination]
        parts.append(f"<p>{escape(what_next)}</p>")
        return "".join(parts)

    def refused(self, sentence: str) -> None:
        _show_error(self.error, sentence)


# -- the wizard ---------------------------------------------------------------------------------------------


class ReturnWizard(QWizard):
    """One return of one patient's aids (or of one individual in own stock)."""

    sig_page_ready = Signal(int)  # a page's id, once it shows what it loaded (tests, the benchmark)
    sig_registered = Signal(object)  # ReturnDone
    sig_document_saved = Signal(object)  # Path of the return's document
    sig_draft_saved = Signal()
    sig_status = Signal(str)

    def __init__(
        self,
        runner: OperationRunner,
        context: WorkContext,
        numbers: Numbers,
        whose: Whose,
        *,
        preselect: Preselect | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("return_wizard")
        self.setWindowTitle(self.tr("Return of aids"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self._runner = runner
        self._context = context
        self._numbers = numbers
        self.whose = whose
        self._preselect = preselect
        self.answers = Answers()
        self.done_return: ReturnDone | None = None
        self._saving = False
        self.aids_page = AidsPage(self)
        self.checklist_page = ChecklistPage(self)
        self.summary_page = SummaryPage(self)
        self.setPage(AIDS_PAGE, self.aids_page)
        self.setPage(CHECKLIST_PAGE, self.checklist_page)
        self.setPage(SUMMARY_PAGE, self.summary_page)
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Close (keep as draft)"))
        self.resize(1120, 760)
        mark_scan_target(
            self, self._take_scan, frozenset({CodeKind.INDIVIDUAL}), what=self.tr("the return wizard")
        )

    # -- loading -----------------------------------------------------------------------------------

    def load_start(self) -> None:
        return_ops.load_start(
            self._runner,
            context=self._context,
            whose=self.whose,
            on_success=self._started,
            on_error=self._start_failed,
            key=(self, "start"),
        )

    def _started(self, loaded: WizardStart) -> None:
        self.aids_page.show_start(loaded.start, self._preselect)
        if loaded.draft and MessageBoxes.ask(
            self,
            self.tr("Resume the return?"),
            self.tr(
                "A return begun earlier was closed before it was registered. Resume it with its answers?"
            ),
        ):
            self.answers = Answers.from_draft(loaded.draft)
            self.aids_page.apply(self.answers)
        elif loaded.draft:
            return_ops.drop_draft(self._runner, context=self._context, whose=self.whose)
        self.page_ready(AIDS_PAGE)

    def _start_failed(self, sentence: str) -> None:
        self.aids_page.loading.setText(sentence)
        self.aids_page.loading.setStyleSheet(ERROR_STYLE)

    def page_ready(self, page_id: int) -> None:
        self.sig_page_ready.emit(page_id)

    # -- answers -----------------------------------------------------------------------------------

    def collect(self) -> Answers:
        """Every answer given so far."""
        if self.aids_page.start is not None:
            self.aids_page.answers_into(self.answers)
        self.checklist_page.keep_shown()
        return self.answers

    def request(self) -> ReturnRequest:
        """The request of the answers (the pages before have refused anything missing)."""
        page = self.aids_page
        destination = page.destination()
        assert destination is not None and page.start is not None
        reason = page.reason() or PickupReason.OTHER
        return ReturnRequest(
            destination=destination,
            patient_id=page.start.patient_id,
            reason=reason,
            comment=page.comment_edit.text().strip(),
            aids=self.checklist_page.aid_returns(),
        )

    def _take_scan(self, code: Code) -> bool:
        if self.currentId() != AIDS_PAGE:
            return False
        return self.aids_page.tick_scanned(code.text)

    # -- the end -----------------------------------------------------------------------------------

    def accept(self) -> None:
        """Finish: the one service call; the wizard closes once it is saved, and the document follows."""
        if self._saving or self.done_return is not None:
            return
        try:
            request = self.request()
        except Refused as refused:
            self.summary_page.refused(str(refused))
            return
        self._saving = True
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        return_ops.register_return(
            self._runner,
            context=self._context,
            numbers=self._numbers,
            whose=self.whose,
            request=request,
            on_success=lambda done: self._registered(done, request),
            on_error=self._refused,
        )

    def _registered(self, done: ReturnDone, request: ReturnRequest) -> None:
        self._saving = False
        self.done_return = done
        self.sig_registered.emit(done)
        return_ops.print_return_document(
            self._runner,
            kind=done.kind,
            return_id=done.id,
            number=done.number,
            supplier=request.destination is Destination.SUPPLIER,
            parent=self.parentWidget(),
            on_done=self._document_saved,
            on_error=self.sig_status.emit,
        )
        super().accept()

    def _document_saved(self, path: Path) -> None:
        self.sig_document_saved.emit(path)

    def _refused(self, sentence: str) -> None:
        self._saving = False
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.summary_page.refused(sentence)

    def reject(self) -> None:
        """Closed half-way: the answers are kept as a draft (nothing goes to the ledger)."""
        if self._saving:
            return
        if self.done_return is None and self.aids_page.start is not None and self.collect().touched():
            return_ops.save_draft(
                self._runner,
                context=self._context,
                whose=self.whose,
                answers=self.answers.to_draft(),
                on_success=lambda _none: self.sig_draft_saved.emit(),
                on_error=self.sig_status.emit,
            )
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._saving:
            event.ignore()
            return
        super().closeEvent(event)
