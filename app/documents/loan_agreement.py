"""The loan agreement (låneförbindelse): the aids the region lends a patient and the patient's duties.

Printed when aids are handed out, or later from the patient's record: for chosen aids, for the delivered
lines of one order, or for everything the patient holds. ``loan_agreement`` reads what is printed into a
frozen value (no ORM objects); ``render_loan_agreement`` turns it into PDF bytes, translating every text.

Protected identity (R5): only the fictive name stored on the patient is printed, and the address is the
tax agency's forwarding address, never an address from the row.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from app.deliveries import arrived_by
from app.documents.layout import (
    REGION_NAME,
    Frame,
    Party,
    Translate,
    columns,
    format_date,
    heading,
    page_template,
    paragraph,
    render,
    signature_lines,
    spacer,
    table,
    untranslated,
)
from app.errors import NotFound, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.patients import FORWARDING_ADDRESS, AidHeld, format_identity
from db.models import (
    Article,
    Individual,
    Order,
    OrderLine,
    Patient,
    ServiceLocation,
    StockReturn,
    StockReturnLine,
    User,
)
from db.models.enums import ArticleType, IndividualStatus

log = logging.getLogger(__name__)

#: Statuses of an individual the patient still holds (as the record's "Aids held" list, R3).
HELD_STATUSES = (IndividualStatus.DELIVERED, IndividualStatus.IN_TRANSIT, IndividualStatus.IN_REPAIR)


@dataclass(frozen=True)
class LoanedAid:
    article_number: str
    article_name: str
    individual_number: str  # empty for an article that is not individually marked
    serial_number: str
    quantity: int
    delivered_on: dt.date | None
    order_number: str


@dataclass(frozen=True)
class LoanAgreement:
    issued_on: dt.date
    region: str
    patient_identity: str  # formatted identity number
    #: The name and address printed: for a protected identity the fictive name and the forwarding address.
    borrower: Party
    protected_identity: bool
    aids: tuple[LoanedAid, ...]
    prescribing_unit: Party
    user_name: str
    user_title: str


# ---------------------------------------------------------------------------------------------- data


def _individual_rows(session: Session, condition: object) -> list[tuple[uuid.UUID, LoanedAid]]:
    result = session.execute(
        select(Individual, Article, OrderLine.delivered_on, Order.number)
        .join(Article, Article.id == Individual.article_id)
        .outerjoin(OrderLine, OrderLine.id == Individual.order_line_id)
        .outerjoin(Order, Order.id == OrderLine.order_id)
        .where(condition)  # type: ignore[arg-type]
    )
    return [
        (
            individual.id,
            LoanedAid(
                article_number=article.article_number,
                article_name=article.name,
                individual_number=individual.individual_number,
                serial_number=individual.serial_number,
                quantity=1,
                delivered_on=delivered_on or individual.purchase_date,
                order_number=order_number or "",
            ),
        )
        for individual, article, delivered_on, order_number in result
    ]


def _line_rows(
    session: Session, patient_id: uuid.UUID, order_id: uuid.UUID | None, today: dt.date
) -> list[LoanedAid]:
    """Lines delivered by *today* of articles that are not individually marked (services are not lent)."""
    query = (
        select(OrderLine, Article, Order.number)
        .join(Order, Order.id == OrderLine.order_id)
        .join(Article, Article.id == OrderLine.article_id)
        .where(
            Order.patient_id == patient_id,
            arrived_by(today),
            Article.individually_marked.is_(False),
            Article.article_type != ArticleType.SERVICE,
        )
        .order_by(OrderLine.line_number)
    )
    if order_id is not None:
        query = query.where(Order.id == order_id)
    returned: dict[uuid.UUID, int] = {}
    if order_id is None:
        # Everything held: what was delivered less what came back.
        for line_id, quantity in session.execute(
            select(StockReturnLine.order_line_id, StockReturnLine.quantity)
            .join(StockReturn, StockReturn.id == StockReturnLine.stock_return_id)
            .where(StockReturn.patient_id == patient_id, StockReturnLine.order_line_id.is_not(None))
        ):
            if line_id is not None:
                returned[line_id] = returned.get(line_id, 0) + quantity
    rows = []
    for line, article, order_number in session.execute(query):
        quantity = line.quantity - returned.get(line.id, 0)
        if quantity > 0:
            rows.append(
                LoanedAid(
                    article_number=article.article_number,
                    article_name=article.name,
                    individual_number="",
                    serial_number="",
                    quantity=quantity,
                    delivered_on=line.delivered_on,
                    order_number=order_number or "",
                )
            )
    return rows


def _held_aids(session: Session, patient_id: uuid.UUID, today: dt.date) -> list[LoanedAid]:
    """What the patient holds on *today*: a device from the central warehouse from its delivery day."""
    individuals = _individual_rows(
        session,
        (Individual.patient_id == patient_id)
        & Individual.status.in_(HELD_STATUSES)
        & or_(OrderLine.delivered_on.is_(None), OrderLine.delivered_on <= today),
    )
    return [aid for _id, aid in individuals] + _line_rows(session, patient_id, None, today)


def _chosen_individuals(
    session: Session, patient_id: uuid.UUID, individual_ids: Sequence[uuid.UUID]
) -> list[LoanedAid]:
    wanted = list(dict.fromkeys(individual_ids))
    found = dict(
        _individual_rows(session, (Individual.id.in_(wanted)) & (Individual.patient_id == patient_id))
    )
    if len(found) != len(wanted):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", "One of the chosen aids is not held by this patient; open the record again and choose."
            )
        )
    return [found[i] for i in wanted]


def _order_aids(
    session: Session, patient_id: uuid.UUID, order_id: uuid.UUID, today: dt.date
) -> list[LoanedAid]:
    order = session.get(Order, order_id)
    if order is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The order was not found; search again."))
    if order.patient_id != patient_id:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Order {number} belongs to another patient."), number=order.number or ""
        )
    line_ids = select(OrderLine.id).where(OrderLine.order_id == order_id, arrived_by(today))
    individuals = _individual_rows(
        session, (Individual.order_line_id.in_(line_ids)) & (Individual.patient_id == patient_id)
    )
    return [aid for _id, aid in individuals] + _line_rows(session, patient_id, order_id, today)


def _key(aid: LoanedAid | AidHeld) -> tuple[str, str, str]:
    """How a row of the record's list is matched with a row read now."""
    return (aid.individual_number, aid.order_number, aid.article_number)


def loan_agreement(
    session: Session,
    *,
    patient_id: uuid.UUID,
    individual_ids: Sequence[uuid.UUID] | None = None,
    order_id: uuid.UUID | None = None,
    held: Sequence[AidHeld] | None = None,
    service_location_id: uuid.UUID,
    user_id: uuid.UUID,
    today: dt.date | None = None,
) -> LoanAgreement:
    """What the loan agreement prints, read fresh from the database.

    The aids are the individuals *individual_ids*, or the delivered lines of the order *order_id*, or the
    rows *held* chosen on the record's "Aids held" list, or, when none of these is given, every aid the
    patient holds. Raises ``NotFound`` or ``RuleViolation`` with the clerk's sentence.
    """
    today = today or dt.date.today()
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    location = session.get(ServiceLocation, service_location_id)
    if location is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The service location was not found."))
    user = session.get(User, user_id)
    if user is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The user was not found."))

    if individual_ids:
        aids = _chosen_individuals(session, patient.id, individual_ids)
    elif order_id is not None:
        aids = _order_aids(session, patient.id, order_id, today)
    else:
        aids = _held_aids(session, patient.id, today)
        if held:
            chosen = {_key(row) for row in held}
            aids = [aid for aid in aids if _key(aid) in chosen]
        aids.sort(key=lambda a: (a.delivered_on or dt.date.min, a.order_number), reverse=True)
    if not aids:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "There are no delivered aids to put on a loan agreement.")
        )

    name = f"{patient.first_name} {patient.last_name}"
    if patient.protected_identity:  # R5: the stored (fictive) name and the forwarding address only
        street, postal_code, city = FORWARDING_ADDRESS
    else:
        street, postal_code, city = patient.street, patient.postal_code, patient.city
    log.info("loan agreement read: patient_id=%s aids=%d", patient.id, len(aids))
    return LoanAgreement(
        issued_on=today,
        region=REGION_NAME,
        patient_identity=format_identity(patient.identity_number),
        borrower=Party(name, street, postal_code, city, phone=patient.phone),
        protected_identity=patient.protected_identity,
        aids=tuple(aids),
        prescribing_unit=Party(
            location.name, location.street, location.postal_code, location.city, phone=location.phone
        ),
        user_name=user.full_name,
        user_title=user.title,
    )


# ---------------------------------------------------------------------------------------------- render

_CONDITIONS = (
    QT_TRANSLATE_NOOP(
        "documents",
        "The aids listed above are lent to you by {region}. They remain the property of the region; you may "
        "use them for as long as you need them.",
    ),
    QT_TRANSLATE_NOOP(
        "documents",
        "Use the aids as you were shown and take good care of them: keep them clean, store them safely and "
        "follow the instructions that came with them.",
    ),
    QT_TRANSLATE_NOOP(
        "documents", "The aids are for you only: do not lend, sell or give them to anyone else."
    ),
    QT_TRANSLATE_NOOP(
        "documents",
        "When you no longer need an aid, return it cleaned to the prescribing unit. Aids must also be "
        "returned when the region asks for them.",
    ),
    QT_TRANSLATE_NOOP(
        "documents",
        "If an aid is lost, stolen or damaged, tell the prescribing unit at once. You may have to pay for an "
        "aid that is lost, damaged, altered or not returned when asked.",
    ),
    QT_TRANSLATE_NOOP(
        "documents", "Contact the prescribing unit if an aid stops working or no longer suits you."
    ),
    QT_TRANSLATE_NOOP(
        "documents", "When aids are lent to a child, the child's guardian is responsible for them."
    ),
)


def render_loan_agreement(doc: LoanAgreement, translate: Translate = untranslated) -> bytes:
    """The loan agreement as PDF bytes; every text is passed through *translate*."""
    t = translate
    title = t(QT_TRANSLATE_NOOP("documents", "Loan agreement"))
    unit = doc.prescribing_unit

    borrower = [heading(t(QT_TRANSLATE_NOOP("documents", "Borrower")))]
    borrower.append(paragraph(f"{doc.borrower.name}\n{doc.patient_identity}"))
    borrower.append(paragraph("\n".join(doc.borrower.address_lines()[1:])))
    if doc.borrower.phone:
        borrower.append(
            paragraph(t(QT_TRANSLATE_NOOP("documents", "Phone: {phone}")).format(phone=doc.borrower.phone))
        )
    lender = [heading(t(QT_TRANSLATE_NOOP("documents", "Prescribing unit")))]
    lender.append(paragraph("\n".join(unit.address_lines())))
    if unit.phone:
        lender.append(paragraph(t(QT_TRANSLATE_NOOP("documents", "Phone: {phone}")).format(phone=unit.phone)))

    story: list[object] = [columns(borrower, lender)]
    story.append(heading(t(QT_TRANSLATE_NOOP("documents", "Aids lent"))))
    header = [
        t(QT_TRANSLATE_NOOP("documents", "Article")),
        t(QT_TRANSLATE_NOOP("documents", "Name")),
        t(QT_TRANSLATE_NOOP("documents", "Individual")),
        t(QT_TRANSLATE_NOOP("documents", "Serial number")),
        t(QT_TRANSLATE_NOOP("documents", "Qty")),
        t(QT_TRANSLATE_NOOP("documents", "Delivered")),
        t(QT_TRANSLATE_NOOP("documents", "Order")),
    ]
    rows = [
        [
            aid.article_number,
            aid.article_name,
            aid.individual_number,
            aid.serial_number,
            str(aid.quantity),
            format_date(aid.delivered_on),
            aid.order_number,
        ]
        for aid in doc.aids
    ]
    story.append(table(header, rows, [18, 60, 22, 26, 10, 20, 18], right=[4]))

    story.append(heading(t(QT_TRANSLATE_NOOP("documents", "Conditions of the loan"))))
    for condition in _CONDITIONS:
        story.append(paragraph("\u2022 " + t(condition).format(region=doc.region)))

    story.append(spacer(4))
    story.append(
        paragraph(
            t(
                QT_TRANSLATE_NOOP(
                    "documents", "I have received the aids above and accept the conditions of the loan."
                )
            )
        )
    )
    story.append(
        signature_lines(
            [
                t(QT_TRANSLATE_NOOP("documents", "Date")),
                t(QT_TRANSLATE_NOOP("documents", "Borrower's signature (or guardian's)")),
                t(QT_TRANSLATE_NOOP("documents", "Name in block letters")),
            ]
        )
    )
    story.append(spacer(6))
    handed_out = t(QT_TRANSLATE_NOOP("documents", "For the prescribing unit: {name}, {unit}")).format(
        name=", ".join(part for part in (doc.user_name, doc.user_title) if part), unit=unit.name
    )
    story.append(paragraph(handed_out))
    story.append(signature_lines([t(QT_TRANSLATE_NOOP("documents", "Signature for the prescribing unit"))]))

    frame = Frame(
        title=title,
        region=doc.region,
        unit=unit.name,
        reference=t(QT_TRANSLATE_NOOP("documents", "Date: {date}")).format(date=format_date(doc.issued_on)),
        printed=t(QT_TRANSLATE_NOOP("documents", "Printed {date}")).format(date=format_date(doc.issued_on)),
        page_template=page_template(t),
    )
    return render(frame, story)
