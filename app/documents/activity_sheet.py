"""The activity sheet (R23): what goes to the supplier with an aid for a warranty repair, or to the
technician for an installation.

It carries what 002 lists for the supplier ("Aktivitet – Skapa och skriv ut pdf"): the activity number,
the products with their names and individual numbers, the orderer with contact details, the ordering unit
with its address, the fault description, the return address when it is not the unit's, and the comment
typed when printing. A known infection prints "Protective clothing required" (R32). It never carries the
patient's identity or name: the supplier needs only the activity number.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

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
from app.errors import InvalidInput, NotFound
from app.i18n import QT_TRANSLATE_NOOP
from db.models import Activity, ActivityIndividual, Article, Individual, ServiceLocation, Supplier, User
from db.models.enums import ActivityKind

log = logging.getLogger(__name__)

#: The longest comment printed on the sheet.
MAX_COMMENT = 2000

#: The sheet's title for each kind of activity.
TITLES: dict[ActivityKind, str] = {
    ActivityKind.WARRANTY_REPAIR: QT_TRANSLATE_NOOP("documents", "Activity: warranty repair"),
    ActivityKind.INSTALLATION: QT_TRANSLATE_NOOP("documents", "Activity: installation"),
    ActivityKind.INSTALLATION_WARRANTY: QT_TRANSLATE_NOOP("documents", "Activity: warranty on installation"),
    ActivityKind.DISMANTLING: QT_TRANSLATE_NOOP("documents", "Activity: dismantling"),
    ActivityKind.INSTALLED_REPAIR: QT_TRANSLATE_NOOP("documents", "Activity: repair of installed aid"),
    ActivityKind.OUTSIDE_ASSORTMENT: QT_TRANSLATE_NOOP(
        "documents", "Activity: outside-assortment application"
    ),
}


@dataclass(frozen=True)
class SheetProduct:
    article_number: str
    article_name: str
    individual_number: str
    serial_number: str


@dataclass(frozen=True)
class ActivitySheet:
    number: str  # YYWWNNNN
    kind: ActivityKind
    created_on: dt.date
    printed_on: dt.date
    region: str
    supplier: Party | None  # None for an outside-assortment application
    unit: Party  # the ordering unit with its address
    orderer_name: str
    orderer_phone: str
    orderer_email: str
    service_product: str
    products: tuple[SheetProduct, ...]
    fault_description: str
    wanted_action: str
    #: Where the aid goes back to, when it is not the ordering unit's address; None when it is.
    return_address: Party | None
    protective_clothing_required: bool  # R32
    comment: str


def activity_sheet(
    session: Session, *, activity_id: uuid.UUID, comment: str = "", today: dt.date | None = None
) -> ActivitySheet:
    """What the sheet prints, read fresh; *comment* is typed when printing (002: "en kommentar som följer
    med på utskriften")."""
    if len(comment) > MAX_COMMENT:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "The comment may be at most {most} characters long."),
            most=str(MAX_COMMENT),
        )
    activity = session.get(Activity, activity_id)
    if activity is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The activity was not found; search for it again."))
    location = session.get(ServiceLocation, activity.service_location_id)
    orderer = session.get(User, activity.orderer_id)
    if location is None or orderer is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The activity was not found; search for it again."))
    supplier = session.get(Supplier, activity.supplier_id) if activity.supplier_id else None
    service = session.get(Article, activity.service_article_id) if activity.service_article_id else None
    products = tuple(
        SheetProduct(article.article_number, article.name, individual_number, serial_number)
        for individual_number, serial_number, article in session.execute(
            select(Individual.individual_number, Individual.serial_number, Article)
            .join(ActivityIndividual, ActivityIndividual.individual_id == Individual.id)
            .join(Article, Article.id == Individual.article_id)
            .where(ActivityIndividual.activity_id == activity.id)
            .order_by(Individual.individual_number)
        )
    )
    unit = Party(location.name, location.street, location.postal_code, location.city, phone=location.phone)
    given = (activity.return_street, activity.return_postal_code, activity.return_city)
    same = tuple(part.strip().casefold() for part in given) == tuple(
        part.strip().casefold() for part in (location.street, location.postal_code, location.city)
    )
    return_address = None if same or not any(given) else Party("", *given)
    log.info("activity sheet read: activity_id=%s products=%d", activity.id, len(products))
    return ActivitySheet(
        number=activity.number,
        kind=activity.kind,
        created_on=activity.created_at.date(),
        printed_on=today or dt.date.today(),
        region=REGION_NAME,
        supplier=Party(
            supplier.name,
            supplier.street,
            supplier.postal_code,
            supplier.city,
            phone=supplier.phone,
            email=supplier.email,
        )
        if supplier
        else None,
        unit=unit,
        orderer_name=orderer.full_name,
        orderer_phone=orderer.phone or location.phone,
        orderer_email=orderer.email,
        service_product=f"{service.article_number} {service.name}" if service else "",
        products=products,
        fault_description=activity.fault_description,
        wanted_action=activity.wanted_action,
        return_address=return_address,
        protective_clothing_required=activity.protective_clothing_required,
        comment=comment.strip(),
    )


def render_activity_sheet(doc: ActivitySheet, translate: Translate = untranslated) -> bytes:
    """The activity sheet as PDF bytes; every text is passed through *translate*."""
    t = translate
    styles = text_styles()
    body, heading = styles["body"], styles["heading"]
    phone = t(QT_TRANSLATE_NOOP("documents", "Phone: {phone}"))
    email = t(QT_TRANSLATE_NOOP("documents", "Email: {email}"))
    reference = t(QT_TRANSLATE_NOOP("documents", "Activity {number}")).format(number=doc.number)

    sheet = Sheet(
        Frame(
            title=t(TITLES[doc.kind]),
            region=doc.region,
            unit=doc.unit.name,
            reference=reference,
            printed=t(QT_TRANSLATE_NOOP("documents", "Printed {date}")).format(
                date=format_date(doc.printed_on)
            ),
            page_template=page_template(t),
        )
    )
    if doc.protective_clothing_required:  # R32, first thing the technician reads
        sheet.blocks(
            [(heading, t(QT_TRANSLATE_NOOP("documents", "PROTECTIVE CLOTHING REQUIRED: known infection.")))]
        )

    supplier: list[Block] = [(heading, t(QT_TRANSLATE_NOOP("documents", "Supplier")))]
    if doc.supplier is not None:
        supplier.append((body, "\n".join(doc.supplier.address_lines())))
        if doc.supplier.phone:
            supplier.append((body, phone.format(phone=doc.supplier.phone)))
        if doc.supplier.email:
            supplier.append((body, email.format(email=doc.supplier.email)))
    else:
        supplier.append((body, t(QT_TRANSLATE_NOOP("documents", "Named in the application below."))))
    contact = [doc.orderer_name]
    if doc.orderer_phone:
        contact.append(phone.format(phone=doc.orderer_phone))
    if doc.orderer_email:
        contact.append(email.format(email=doc.orderer_email))
    unit: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Ordering unit"))),
        (body, "\n".join(doc.unit.address_lines())),
        (heading, t(QT_TRANSLATE_NOOP("documents", "Orderer"))),
        (body, "\n".join(contact)),
    ]
    sheet.columns(supplier, unit)

    details = [
        t(QT_TRANSLATE_NOOP("documents", "Activity number: {number}")).format(number=doc.number),
        t(QT_TRANSLATE_NOOP("documents", "Registered: {date}")).format(date=format_date(doc.created_on)),
    ]
    if doc.service_product:
        details.append(
            t(QT_TRANSLATE_NOOP("documents", "Service product: {product}")).format(
                product=doc.service_product
            )
        )
    returning: list[Block] = [(heading, t(QT_TRANSLATE_NOOP("documents", "Return address")))]
    if doc.return_address is not None:
        returning.append((body, "\n".join(doc.return_address.address_lines())))
    elif doc.supplier is not None:
        returning.append((body, t(QT_TRANSLATE_NOOP("documents", "The ordering unit above."))))
    else:
        returning = []
    sheet.columns(
        [(heading, t(QT_TRANSLATE_NOOP("documents", "Activity"))), (body, "\n".join(details))], returning
    )

    if doc.products:
        sheet.blocks([(heading, t(QT_TRANSLATE_NOOP("documents", "Products")))])
        sheet.table(
            [
                t(QT_TRANSLATE_NOOP("documents", "Article")),
                t(QT_TRANSLATE_NOOP("documents", "Name")),
                t(QT_TRANSLATE_NOOP("documents", "Individual number")),
                t(QT_TRANSLATE_NOOP("documents", "Serial number")),
            ],
            [[p.article_number, p.article_name, p.individual_number, p.serial_number] for p in doc.products],
            [22, 82, 36, 34],
        )
    texts: list[Block] = []
    if doc.fault_description:
        texts += [
            (heading, t(QT_TRANSLATE_NOOP("documents", "Fault description"))),
            (body, doc.fault_description),
        ]
    if doc.wanted_action:
        title = (
            QT_TRANSLATE_NOOP("documents", "Application")
            if doc.kind is ActivityKind.OUTSIDE_ASSORTMENT
            else QT_TRANSLATE_NOOP("documents", "Wanted action")
        )
        texts += [(heading, t(title)), (body, doc.wanted_action)]
    if doc.comment:
        texts += [(heading, t(QT_TRANSLATE_NOOP("documents", "Comment"))), (body, doc.comment)]
    texts.append(
        (
            body,
            t(
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Please quote the activity number on the delivery note and the invoice, and report the "
                    "action taken to the ordering unit.",
                )
            ),
        )
    )
    sheet.blocks(texts)
    return sheet.finish()


def activity_sheet_pdf(
    session: Session,
    *,
    activity_id: uuid.UUID,
    comment: str = "",
    translate: Translate = untranslated,
    today: dt.date | None = None,
) -> bytes:
    """The activity sheet of *activity_id* as PDF bytes."""
    return render_activity_sheet(
        activity_sheet(session, activity_id=activity_id, comment=comment, today=today), translate
    )
