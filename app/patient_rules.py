"""The rules about a patient that decide what may be done for them (R2, R4–R9): one pure check.

``check_patient`` reads only plain facts (``PatientFacts``, who is asking as a ``Desk``, the day) and
returns a frozen ``PatientReport``. The patient record shows the report's notices; orders enforce the same
report (``order_refusal`` for the patient as a whole, ``article_refusal`` per article). So the record and
the order cannot disagree: there is no second copy of a rule. ``load_facts`` and ``desk_of`` are the only
parts that read the database.

Notice severities: ``info`` and ``warning`` are shown; ``stop`` is shown *and* refuses every new order.
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from functools import cache

from sqlalchemy import Executable, bindparam, select
from sqlalchemy.orm import Session

from app.i18n import QT_TRANSLATE_NOOP
from app.identity import age_on, format_identity
from db.models import (
    Article,
    ForeignCertificate,
    Patient,
    PaymentCommitment,
    ServiceLocation,
    UrgentNeedDecision,
    UserRole,
)
from db.models.enums import ArticleType, Residency, Role

# R7: under this age a reserve-number patient has the same rights as a resident.
ADULT_AGE = 18
# R6: hearing aids (ISO 9999 22 06) always need the home region's payment commitment, other aids from this price.
HEARING_AID_ISO = "2206"
OUT_OF_REGION_LIMIT = Decimal("10000")
# R7: patients identified by a reserve number.
RESERVE_NUMBER_RESIDENCIES = frozenset({Residency.ASYLUM_SEEKER, Residency.UNDOCUMENTED})
# 002 "Hjälpmedel till asylsökanden/utlandssvenskar/EU-medborgare – Ärenden handläggs endast av
# mottagningar inom Region Skåne": never by a private clinic (R7, R8).
REGION_CLINICS_ONLY = frozenset({Residency.ASYLUM_SEEKER, Residency.UNDOCUMENTED, Residency.ABROAD})


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    STOP = "stop"  # no new orders


@dataclass(frozen=True)
class Notice:
    """Something the clerk must know or do. ``rule`` is the rule's id for code and tests, never shown."""

    rule: str
    template: str
    params: dict[str, str] = field(default_factory=dict)
    severity: str = Severity.INFO

    def sentence(self) -> str:
        return self.template.format(**self.params)


@dataclass(frozen=True)
class Document:
    """A payment commitment (R6) or a foreign certificate (R8) as stored."""

    name: str  # the commitment's reference, the certificate's kind
    received_on: dt.date | None
    valid_until: dt.date | None  # None: no end date

    def valid_on(self, day: dt.date) -> bool:
        return self.valid_until is None or self.valid_until >= day


@dataclass(frozen=True)
class PatientFacts:
    """Everything about the patient the rules read."""

    residency: Residency
    birth_date: dt.date
    active: bool
    deceased_on: dt.date | None
    protected_identity: bool
    has_phone: bool
    home_region: str
    country: str
    lma_card_valid_until: dt.date | None
    # The number the reserve number was replaced by (formatted), or None (R7).
    replaced_by: str | None
    urgent_need_recorded: bool
    payment_commitments: tuple[Document, ...] = ()
    foreign_certificates: tuple[Document, ...] = ()


@dataclass(frozen=True)
class Desk:
    """Who is asking: an aid-centre user may register what a desk may not; a private clinic may not
    handle some patients at all."""

    aid_centre: bool
    private_clinic: bool
    location_name: str = ""


@dataclass(frozen=True)
class ArticleFacts:
    name: str
    hearing_aid: bool  # a main aid of ISO 9999 22 06
    price: Decimal

    @classmethod
    def of(cls, article: Article) -> ArticleFacts:
        return cls(article.name, is_hearing_aid(article), article.price)


def is_hearing_aid(article: Article) -> bool:
    """A main aid of ISO 9999 class 22 06 (accessories and spare parts of hearing aids share the class)."""
    return article.article_type is ArticleType.MAIN_AID and article.iso_code.startswith(HEARING_AID_ISO)


@dataclass(frozen=True)
class PatientReport:
    notices: tuple[Notice, ...]
    # R6: a payment commitment valid today (None when the patient needs one and has none).
    valid_commitment: Document | None
    # R8: certificates valid today are on file.
    certificates_valid: bool
    residency: Residency
    home_region: str
    country: str

    @property
    def order_refusal(self) -> Notice | None:
        """The first reason no new order may be made for the patient, or None."""
        return next((n for n in self.notices if n.severity == Severity.STOP), None)

    @property
    def may_order(self) -> bool:
        return self.order_refusal is None

    def article_refusal(self, article: ArticleFacts, *, handed_out: bool) -> Notice | None:
        """Why *article* may not be ordered for the patient (R6), or handed out without a receipt at the
        clinic (R8, *handed_out*), or None."""
        if (
            self.residency is Residency.OTHER_REGION
            and (article.hearing_aid or article.price >= OUT_OF_REGION_LIMIT)
            and self.valid_commitment is None
        ):
            return Notice(
                "R6",
                QT_TRANSLATE_NOOP(
                    "app",
                    "{article} for a patient registered in {region} needs the home region's payment "
                    "commitment: store it first.",
                ),
                {"article": article.name, "region": self.home_region},
                Severity.STOP,
            )
        if self.residency is Residency.ABROAD and handed_out and not self.certificates_valid:
            return Notice(
                "R8",
                QT_TRANSLATE_NOOP(
                    "app",
                    "A patient from {country} needs the required certificates recorded before any aid is "
                    "handed out.",
                ),
                {"country": self.country},
                Severity.STOP,
            )
        return None


def check_patient(facts: PatientFacts, desk: Desk, today: dt.date) -> PatientReport:
    """The rules R2, R4–R9 for *facts*, asked by *desk* on *today*: what the record shows and the order
    enforces. Stops come first, in the order a clerk should deal with them."""
    notices: list[Notice] = []
    age = age_on(facts.birth_date, today)
    reserve = facts.residency in RESERVE_NUMBER_RESIDENCIES
    if facts.deceased_on is not None:
        notices.append(
            Notice(
                "R9",
                QT_TRANSLATE_NOOP(
                    "app",
                    "Deceased on {date}: the aids under Aids held must be returned; no new orders.",
                ),
                {"date": facts.deceased_on.isoformat()},
                Severity.STOP,
            )
        )
    if not facts.active:
        notices.append(
            Notice(
                "R4",
                QT_TRANSLATE_NOOP(
                    "app", "The patient is inactive: no new orders or activities. Contact the aid centre."
                ),
                {},
                Severity.STOP,
            )
        )
    if facts.replaced_by is not None:
        notices.append(
            Notice(
                "R7",
                QT_TRANSLATE_NOOP(
                    "app",
                    "This reserve number was replaced by {number}; the aids were moved there. Order on "
                    "the new number.",
                ),
                {"number": facts.replaced_by},
                Severity.STOP,
            )
        )
    if facts.residency in REGION_CLINICS_ONLY and desk.private_clinic:
        notices.append(
            Notice(
                "R7" if reserve else "R8",
                QT_TRANSLATE_NOOP(
                    "app",
                    "Asylum seekers, undocumented patients, Swedes abroad and EU citizens are handled only by "
                    "the region's own clinics, not by {location}: refer the patient to one of them.",
                ),
                {"location": desk.location_name},
                Severity.STOP,
            )
        )
    if facts.residency is Residency.UNDOCUMENTED and not desk.aid_centre:
        notices.append(
            Notice(
                "R7",
                QT_TRANSLATE_NOOP(
                    "app",
                    "Undocumented patient: prescriptions are registered by the aid centre (VO Hjälpmedel), "
                    "not at the desk. Contact VO Hjälpmedel to prescribe.",
                ),
                {},
                Severity.STOP,
            )
        )
    if facts.residency is Residency.ASYLUM_SEEKER:
        valid = facts.lma_card_valid_until
        if valid is None or valid < today:
            notices.append(
                Notice(
                    "R7",
                    QT_TRANSLATE_NOOP(
                        "app", "No valid LMA card is recorded: check the patient's LMA card before ordering."
                    ),
                    {},
                    Severity.STOP,
                )
            )
        else:
            notices.append(
                Notice(
                    "R7",
                    QT_TRANSLATE_NOOP("app", "LMA card valid until {date}."),
                    {"date": valid.isoformat()},
                    Severity.INFO,
                )
            )
    if reserve:
        if age < ADULT_AGE:
            notices.append(
                Notice(
                    "R7",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "Reserve number, under 18: the same rights to aids as residents. No patient fee up to "
                        "20 years.",
                    ),
                    {},
                    Severity.INFO,
                )
            )
        elif facts.urgent_need_recorded:
            notices.append(
                Notice(
                    "R7",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "Reserve number, 18 or over: only needs that cannot wait. The prescriber has recorded "
                        "the reason.",
                    ),
                    {},
                    Severity.INFO,
                )
            )
        else:
            notices.append(
                Notice(
                    "R7",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "An adult with a reserve number only gets aids for needs that cannot wait: the "
                        "prescriber must record the reason first.",
                    ),
                    {},
                    Severity.STOP,
                )
            )
    if facts.protected_identity:
        notices.append(
            Notice(
                "R5",
                QT_TRANSLATE_NOOP(
                    "app",
                    "Protected identity: the name is fictive and the address is the tax agency's forwarding "
                    "address. Deliver everything to the prescribing unit.",
                ),
                {},
                Severity.WARNING,
            )
        )
    if not facts.has_phone:
        notices.append(
            Notice(
                "R2",
                QT_TRANSLATE_NOOP("app", "The phone number is missing: ask the patient and add it."),
                {},
                Severity.WARNING,
            )
        )
    commitment = next((d for d in facts.payment_commitments if d.valid_on(today)), None)
    if facts.residency is Residency.OTHER_REGION:
        if commitment is not None:
            notices.append(
                Notice(
                    "R6",
                    QT_TRANSLATE_NOOP(
                        "app", "Registered in {region}: payment commitment {reference} received {date}."
                    ),
                    {
                        "region": facts.home_region,
                        "reference": commitment.name,
                        "date": commitment.received_on.isoformat() if commitment.received_on else "",
                    },
                    Severity.INFO,
                )
            )
        elif facts.payment_commitments:
            latest = facts.payment_commitments[0]
            notices.append(
                Notice(
                    "R6",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "Registered in {region}: payment commitment {reference} expired on {date}. Hearing aids "
                        "and aids from 10 000 SEK need a valid one: store the new commitment first.",
                    ),
                    {
                        "region": facts.home_region,
                        "reference": latest.name,
                        "date": latest.valid_until.isoformat() if latest.valid_until else "",
                    },
                    Severity.WARNING,
                )
            )
        else:
            notices.append(
                Notice(
                    "R6",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "Registered in {region}: hearing aids need the home region's payment commitment, and "
                        "none is stored. Aids under 10 000 SEK without advanced fitting need none.",
                    ),
                    {"region": facts.home_region},
                    Severity.WARNING,
                )
            )
    certificates = tuple(d for d in facts.foreign_certificates if d.valid_on(today))
    if facts.residency is Residency.ABROAD:
        if certificates:
            notices.append(
                Notice(
                    "R8",
                    QT_TRANSLATE_NOOP("app", "From {country}: certificates on file: {kinds}."),
                    {"country": facts.country, "kinds": ", ".join(d.name for d in certificates)},
                    Severity.INFO,
                )
            )
        else:
            notices.append(
                Notice(
                    "R8",
                    QT_TRANSLATE_NOOP(
                        "app",
                        "From {country}: record the required certificates before any aid is handed out.",
                    ),
                    {"country": facts.country},
                    Severity.WARNING,
                )
            )
    order = {Severity.STOP: 0, Severity.WARNING: 1, Severity.INFO: 2}
    notices.sort(key=lambda n: order[Severity(n.severity)])
    return PatientReport(
        notices=tuple(notices),
        valid_commitment=commitment,
        certificates_valid=bool(certificates),
        residency=facts.residency,
        home_region=facts.home_region,
        country=facts.country,
    )


# ------------------------------------------------------------------------------------ database reads


# Built once (at first use), with the patient as a parameter: the report is read each time a record opens.
@cache
def _commitments() -> Executable:
    return (
        select(PaymentCommitment.reference, PaymentCommitment.received_on, PaymentCommitment.valid_until)
        .where(PaymentCommitment.patient_id == bindparam("patient_id"))
        .order_by(PaymentCommitment.received_on.desc())
    )


@cache
def _certificates() -> Executable:
    return select(ForeignCertificate.kind, ForeignCertificate.valid_until).where(
        ForeignCertificate.patient_id == bindparam("patient_id")
    )


@cache
def _urgent() -> Executable:
    return select(UrgentNeedDecision.id).where(UrgentNeedDecision.patient_id == bindparam("patient_id"))


def load_facts(session: Session, patient: Patient) -> PatientFacts:
    """The facts ``check_patient`` reads, from the patient's row and documents."""
    replaced = session.get(Patient, patient.replaced_by_id) if patient.replaced_by_id else None
    asked = {"patient_id": patient.id}
    connection = session.connection()  # plain reads: no ORM work per statement
    commitments = tuple(
        Document(reference, received_on, valid_until)
        for reference, received_on, valid_until in connection.execute(_commitments(), asked)
    )
    certificates = tuple(
        Document(kind, None, valid_until) for kind, valid_until in connection.execute(_certificates(), asked)
    )
    urgent = connection.scalars(_urgent(), asked).first() is not None
    return PatientFacts(
        residency=patient.residency,
        birth_date=patient.birth_date,
        active=patient.active,
        deceased_on=patient.deceased_on,
        protected_identity=patient.protected_identity,
        has_phone=bool(patient.phone.strip()),
        home_region=patient.home_region,
        country=patient.country,
        lma_card_valid_until=patient.lma_card_valid_until,
        replaced_by=(format_identity(replaced.identity_number) if replaced else "?")
        if patient.replaced_by_id
        else None,
        urgent_need_recorded=urgent,
        payment_commitments=commitments,
        foreign_certificates=certificates,
    )


@cache
def _aid_centre_role() -> Executable:
    return select(UserRole.id).where(
        UserRole.user_id == bindparam("user_id"), UserRole.role == Role.AID_CENTRE
    )


def desk_of(session: Session, user_id: uuid.UUID, service_location_id: uuid.UUID | None) -> Desk:
    """Who asks: the user's aid-centre role and whether the service location is a private clinic."""
    aid_centre = session.connection().scalars(_aid_centre_role(), {"user_id": user_id}).first() is not None
    location = session.get(ServiceLocation, service_location_id) if service_location_id else None
    return Desk(
        aid_centre=aid_centre,
        private_clinic=bool(location and location.is_private),
        location_name=location.name if location else "",
    )


def patient_report(
    session: Session,
    patient: Patient,
    *,
    user_id: uuid.UUID,
    service_location_id: uuid.UUID | None,
    today: dt.date,
) -> PatientReport:
    """``check_patient`` on the patient as stored, asked by the user at the service location."""
    return check_patient(
        load_facts(session, patient),
        desk_of(session, user_id, service_location_id),
        today,
    )
