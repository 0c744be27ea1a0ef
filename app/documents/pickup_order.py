"""The pickup order (hämtorder, R28): printed and packed with the aids the clinic sends to the central
warehouse by post.

It names the patient whose list the aids leave (R5: a protected identity prints only the stored, fictive
name; no patient address is printed at all), the unit as pickup address, the user as contact, the reason and
comment, the aids with their individual numbers, where to send the parcel and how to pack it (002: a padded
envelope marked HÖRSEL). The checklist of R29 is not on it: it is a guide for the clerk, kept with the
return, and never sent with the parcel. An aid involved in an incident is marked "Spärrat hjälpmedel, till
hjälpmedelskonsulent" (R32).
"""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass

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
from app.i18n import QT_TRANSLATE_NOOP
from app.returns import BLOCKED_MARK, DESTINATION_NAMES, Destination, read_return
from db.models.enums import DocumentKind

#: Where every hearing product goes back (002 "Hämtorder": "Skickas till").
CENTRAL_WAREHOUSE_ADDRESS = Party("Verksamhetsområde Hjälpmedel", "Truckstigen 2", "245 34", "Staffanstorp")
#: What the envelope is marked with (002), in the region's own word.
ENVELOPE_MARK = "HÖRSEL"


@dataclass(frozen=True)
class PickupAid:
    article_number: str
    article_name: str
    individual_number: str
    serial_number: str
    quantity: int
    blocked: bool  # R32: involved in an incident


@dataclass(frozen=True)
class PickupOrderDocument:
    number: str
    date: dt.date
    region: str
    reason: str  # the comment's reason, translatable source text
    comment: str
    patient_identity: str
    patient_name: str
    pickup_address: Party  # the unit (R28)
    contact_name: str  # the user (R28)
    contact_phone: str
    contact_email: str
    send_to: Party
    aids: tuple[PickupAid, ...]

    @property
    def blocked(self) -> bool:
        return any(aid.blocked for aid in self.aids)


def pickup_order(session: Session, pickup_id: uuid.UUID) -> PickupOrderDocument:
    """What the pickup order prints, read fresh."""
    detail = read_return(session, DocumentKind.PICKUP_ORDER, pickup_id)
    unit = detail.service_location
    return PickupOrderDocument(
        number=detail.number,
        date=detail.created_on,
        region=REGION_NAME,
        reason=detail.reason_text,
        comment=detail.comment,
        patient_identity=detail.patient_identity,
        # R5: the stored name, fictive for a protected identity; the address is never printed here.
        patient_name=detail.patient_name,
        pickup_address=Party(unit.name, unit.street, unit.postal_code, unit.city, phone=unit.phone),
        contact_name=detail.contact_name,
        contact_phone=detail.contact_phone or unit.phone,
        contact_email=detail.contact_email,
        send_to=CENTRAL_WAREHOUSE_ADDRESS,
        aids=tuple(
            PickupAid(
                line.article_number,
                line.article_name,
                line.individual_number,
                line.serial_number,
                line.quantity,
                line.incident,
            )
            for line in detail.lines
        ),
    )


def render_pickup_order(doc: PickupOrderDocument, translate: Translate = untranslated) -> bytes:
    """The pickup order as PDF bytes, drawn on a ``Sheet``; every text is passed through *translate*."""
    t = translate
    styles = text_styles()
    body, heading = styles["body"], styles["heading"]
    title = t(QT_TRANSLATE_NOOP("documents", "Pickup order"))
    contact = [doc.contact_name]
    if doc.contact_phone:
        contact.append(t(QT_TRANSLATE_NOOP("documents", "Phone: {phone}")).format(phone=doc.contact_phone))
    if doc.contact_email:
        contact.append(t(QT_TRANSLATE_NOOP("documents", "Email: {email}")).format(email=doc.contact_email))
    pickup: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Pickup address"))),
        (body, "\n".join(doc.pickup_address.address_lines())),
        (body, t(QT_TRANSLATE_NOOP("documents", "Contact: {contact}")).format(contact=", ".join(contact))),
    ]
    send_to: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Send to"))),
        (body, "\n".join(doc.send_to.address_lines())),
        (
            body,
            t(QT_TRANSLATE_NOOP("documents", "Mark the envelope {mark}.")).format(mark=ENVELOPE_MARK),
        ),
    ]
    details: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Pickup order"))),
        (
            body,
            "\n".join(
                [
                    t(QT_TRANSLATE_NOOP("documents", "Pickup order number: {number}")).format(
                        number=doc.number
                    ),
                    t(QT_TRANSLATE_NOOP("documents", "Date: {date}")).format(date=format_date(doc.date)),
                    t(QT_TRANSLATE_NOOP("documents", "Pickup reason: {reason}")).format(
                        reason=t(DESTINATION_NAMES[Destination.CENTRAL_WAREHOUSE])
                    ),
                ]
            ),
        ),
    ]
    patient: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Patient"))),
        (body, f"{doc.patient_name}\n{doc.patient_identity}"),
    ]
    why = t(doc.reason) + (f": {doc.comment}" if doc.comment else "")

    sheet = Sheet(
        Frame(
            title=title,
            region=doc.region,
            unit=doc.pickup_address.name,
            reference=t(QT_TRANSLATE_NOOP("documents", "Pickup order {number}")).format(number=doc.number),
            printed=format_date(doc.date),
            page_template=page_template(t),
        )
    )
    sheet.columns(details, patient)
    sheet.columns(pickup, send_to)
    sheet.blocks(
        [
            (heading, t(QT_TRANSLATE_NOOP("documents", "Reason for the return"))),
            (body, why),
            (heading, t(QT_TRANSLATE_NOOP("documents", "Aids"))),
        ]
    )
    header = [
        t(QT_TRANSLATE_NOOP("documents", "Art. no.")),
        t(QT_TRANSLATE_NOOP("documents", "Name")),
        t(QT_TRANSLATE_NOOP("documents", "Individual no.")),
        t(QT_TRANSLATE_NOOP("documents", "Serial no.")),
        t(QT_TRANSLATE_NOOP("documents", "Qty")),
    ]
    rows = [
        [
            aid.article_number,
            aid.article_name + (f"\n{BLOCKED_MARK}" if aid.blocked else ""),
            aid.individual_number,
            aid.serial_number,
            str(aid.quantity),
        ]
        for aid in doc.aids
    ]
    sheet.table(header, rows, [24, 70, 30, 30, 20], right=[4])
    packing: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Packing"))),
        (
            body,
            t(
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Pack the aids in a padded envelope with this pickup order, mark the envelope {mark} and "
                    "send it by post to the address above. The aids are not collected at your unit.",
                )
            ).format(mark=ENVELOPE_MARK),
        ),
        (
            body,
            t(
                QT_TRANSLATE_NOOP(
                    "documents",
                    "The aids stay on the patient's list until the central warehouse has taken them in.",
                )
            ),
        ),
    ]
    if doc.blocked:
        packing.append(
            (
                heading,
                t(
                    QT_TRANSLATE_NOOP(
                        "documents",
                        'An aid was involved in an incident: mark it clearly "{mark}" (preferably on red '
                        "paper) and tell the responsible aid consultant, who follows the return.",
                    )
                ).format(mark=BLOCKED_MARK),
            )
        )
    sheet.blocks(packing)
    return sheet.finish()


def pickup_order_pdf(session: Session, pickup_id: uuid.UUID, translate: Translate = untranslated) -> bytes:
    """The pickup order's PDF, read and drawn."""
    return render_pickup_order(pickup_order(session, pickup_id), translate)
