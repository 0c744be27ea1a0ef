"""The patient's aid list (hjälpmedelslista): every aid the patient holds, with its price.

Printed from the patient's record, and when the patient moves to another region (R43, 002 "Försäljning av
hjälpmedel till annan region"): then it goes to the administration with the full invoice address and the
contact person's name and phone, so the other region can be offered the aids. Drawn on a ``Sheet``.

Protected identity (R5): the patient's own document may carry the identity number, but only the fictive
name stored on the patient is printed, with the tax agency's forwarding address.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from app.deliveries import arrived_by
from app.documents.layout import (
    REGION_NAME,
    Block,
    Frame,
    Party,
    Sheet,
    Translate,
    format_date,
    page_template,
    text_styles,
    untranslated,
)
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.patients import FORWARDING_ADDRESS, format_identity, returned_quantities
from db.models import Article, Individual, Order, OrderLine, Patient, RecipientChange, ServiceLocation, User
from db.models.enums import IndividualStatus

log = logging.getLogger(__name__)

#: Statuses of a device the patient still holds (as the record's "Aids held").
_HELD = (IndividualStatus.DELIVERED, IndividualStatus.IN_TRANSIT, IndividualStatus.IN_REPAIR)


@dataclass(frozen=True)
class ListedAid:
    article_number: str
    article_name: str
    individual_number: str  # "" for an article that is not individually marked
    serial_number: str
    quantity: int
    delivered_on: dt.date | None
    unit_price: Decimal  # the device's purchase price, else the line's price (the article's when 0)


@dataclass(frozen=True)
class AidList:
    printed_on: dt.date
    region: str
    patient_identity: str  # formatted
    #: The name and address printed: for a protected identity the fictive name and forwarding address.
    patient: Party
    protected_identity: bool
    aids: tuple[ListedAid, ...]
    unit: Party
    user_name: str
    #: R43 moving out: the full invoice address (lines) and the contact person; empty when not given.
    invoice_address: tuple[str, ...] = ()
    contact_name: str = ""
    contact_phone: str = ""

    @property
    def total(self) -> Decimal:
        return sum((aid.unit_price * aid.quantity for aid in self.aids), Decimal("0"))


def _individuals(session: Session, patient_id: uuid.UUID, today: dt.date) -> list[ListedAid]:
    handed_over = {
        individual_id: changed_on
        for individual_id, changed_on in session.execute(
            select(RecipientChange.individual_id, func.max(RecipientChange.changed_on))
            .where(RecipientChange.to_patient_id == patient_id)
            .group_by(RecipientChange.individual_id)
        )
    }
    rows = session.execute(
        select(
            Individual.id,
            Article.article_number,
            Article.name,
            Individual.individual_number,
            Individual.serial_number,
            OrderLine.delivered_on,
            Individual.purchase_date,
            Individual.purchase_price,
        )
        .join(Article, Article.id == Individual.article_id)
        .outerjoin(OrderLine, OrderLine.id == Individual.order_line_id)
        .where(
            Individual.patient_id == patient_id,
            Individual.status.in_(_HELD),
            or_(OrderLine.delivered_on.is_(None), OrderLine.delivered_on <= today),
        )
    )
    return [
        ListedAid(
            number,
            name,
            individual_number,
            serial,
            1,
            handed_over.get(individual_id) or delivered or bought,
            price,
        )
        for individual_id, number, name, individual_number, serial, delivered, bought, price in rows
    ]


def _lines(session: Session, patient_id: uuid.UUID, today: dt.date) -> list[ListedAid]:
    """Delivered lines of articles that are not individually marked (service purchases too: they are on
    the patient's list until the desk cleans it), less what came back or was written off."""
    returned = returned_quantities(session, patient_id)
    rows = session.execute(
        select(
            OrderLine.id,
            Article.article_number,
            Article.name,
            OrderLine.quantity,
            OrderLine.delivered_on,
            func.coalesce(func.nullif(OrderLine.unit_price, 0), Article.price),
        )
        .join(Order, Order.id == OrderLine.order_id)
        .join(Article, Article.id == OrderLine.article_id)
        .where(Order.patient_id == patient_id, arrived_by(today), Article.individually_marked.is_(False))
    )
    listed = []
    for line_id, number, name, quantity, delivered_on, price in rows:
        held = quantity - returned.get(line_id, 0)
        if held > 0:
            listed.append(ListedAid(number, name, "", "", held, delivered_on, Decimal(price)))
    return listed


def aid_list(
    session: Session,
    *,
    patient_id: uuid.UUID,
    service_location_id: uuid.UUID,
    user_id: uuid.UUID,
    today: dt.date,
    invoice_address: str = "",
    contact_name: str = "",
    contact_phone: str = "",
) -> AidList:
    """What the aid list prints for the patient on *today*, newest delivery first."""
    patient = session.get(Patient, patient_id)
    if patient is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The patient was not found; search again."))
    location = session.get(ServiceLocation, service_location_id)
    user = session.get(User, user_id)
    assert location is not None and user is not None
    aids = _individuals(session, patient_id, today) + _lines(session, patient_id, today)
    aids.sort(key=lambda aid: (aid.delivered_on or dt.date.min, aid.article_number), reverse=True)
    if patient.protected_identity:  # R5: the stored (fictive) name and the forwarding address only
        street, postal_code, city = FORWARDING_ADDRESS
    else:
        street, postal_code, city = patient.street, patient.postal_code, patient.city
    log.info("aid list read: patient_id=%s aids=%d", patient.id, len(aids))
    return AidList(
        printed_on=today,
        region=REGION_NAME,
        patient_identity=format_identity(patient.identity_number),
        patient=Party(f"{patient.first_name} {patient.last_name}", street, postal_code, city, patient.phone),
        protected_identity=patient.protected_identity,
        aids=tuple(aids),
        unit=Party(location.name, location.street, location.postal_code, location.city, phone=location.phone),
        user_name=user.full_name,
        invoice_address=tuple(line.strip() for line in invoice_address.splitlines() if line.strip()),
        contact_name=" ".join(contact_name.split()),
        contact_phone=" ".join(contact_phone.split()),
    )


def _kronor(amount: Decimal) -> str:
    return f"{amount:,.2f}".replace(",", "\u00a0").replace(".", ",")


def render_aid_list(doc: AidList, translate: Translate = untranslated) -> bytes:
    """The aid list as PDF bytes; every text is passed through *translate*."""
    t = translate
    styles = text_styles()
    body, heading = styles["body"], styles["heading"]
    title = t(QT_TRANSLATE_NOOP("documents", "Aid list"))
    phone = t(QT_TRANSLATE_NOOP("documents", "Phone: {phone}"))

    patient: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Patient"))),
        (body, "\n".join([doc.patient.name, doc.patient_identity, *doc.patient.address_lines()[1:]])),
    ]
    if doc.patient.phone:
        patient.append((body, phone.format(phone=doc.patient.phone)))
    unit: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Prescribing unit"))),
        (body, "\n".join(doc.unit.address_lines())),
    ]
    if doc.unit.phone:
        unit.append((body, phone.format(phone=doc.unit.phone)))
    unit.append((body, t(QT_TRANSLATE_NOOP("documents", "Printed by: {name}")).format(name=doc.user_name)))

    sheet = Sheet(
        Frame(
            title=title,
            region=doc.region,
            unit=doc.unit.name,
            reference=t(QT_TRANSLATE_NOOP("documents", "Date: {date}")).format(
                date=format_date(doc.printed_on)
            ),
            printed=t(QT_TRANSLATE_NOOP("documents", "Printed {date}")).format(
                date=format_date(doc.printed_on)
            ),
            page_template=page_template(t),
        )
    )
    sheet.columns(patient, unit)
    if doc.invoice_address or doc.contact_name or doc.contact_phone:
        invoice: list[Block] = [
            (heading, t(QT_TRANSLATE_NOOP("documents", "Invoice address"))),
            (body, "\n".join(doc.invoice_address)),
        ]
        contact: list[Block] = [
            (heading, t(QT_TRANSLATE_NOOP("documents", "Contact person"))),
            (body, doc.contact_name),
        ]
        if doc.contact_phone:
            contact.append((body, phone.format(phone=doc.contact_phone)))
        sheet.columns(invoice, contact)
    sheet.blocks([(heading, t(QT_TRANSLATE_NOOP("documents", "Aids held")))])
    header = [
        t(QT_TRANSLATE_NOOP("documents", "Article")),
        t(QT_TRANSLATE_NOOP("documents", "Name")),
        t(QT_TRANSLATE_NOOP("documents", "Individual")),
        t(QT_TRANSLATE_NOOP("documents", "Serial number")),
        t(QT_TRANSLATE_NOOP("documents", "Qty")),
        t(QT_TRANSLATE_NOOP("documents", "Delivered")),
        t(QT_TRANSLATE_NOOP("documents", "Price (SEK)")),
    ]
    rows = [
        [
            aid.article_number,
            aid.article_name,
            aid.individual_number,
            aid.serial_number,
            str(aid.quantity),
            format_date(aid.delivered_on),
            _kronor(aid.unit_price),
        ]
        for aid in doc.aids
    ]
    footer = [t(QT_TRANSLATE_NOOP("documents", "Total")), "", "", "", "", "", _kronor(doc.total)]
    sheet.table(header, rows, [18, 56, 22, 26, 10, 20, 22], right=[4, 6], footer=footer)
    if not doc.aids:
        sheet.blocks([(body, t(QT_TRANSLATE_NOOP("documents", "The patient holds no aids.")))])
    return sheet.finish()
