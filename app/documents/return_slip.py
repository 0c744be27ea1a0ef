"""The return slip (retursedel, R31): packed with the devices the clinic sends back to the supplier for
credit ("Kreditering").

It names the supplier, the clinic as return address and contact, the reason and comment, and the devices
with the supplier's article numbers, individual and serial numbers. It never names a patient.
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
from app.errors import RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.returns import CREDIT_NAME, Destination, read_return
from db.models.enums import DocumentKind


@dataclass(frozen=True)
class SlipLine:
    supplier_article_number: str
    article_number: str
    article_name: str
    individual_number: str
    serial_number: str
    quantity: int


@dataclass(frozen=True)
class ReturnSlipDocument:
    number: str
    date: dt.date
    region: str
    supplier: Party
    supplier_number: str
    clinic: Party  # the return address
    contact_name: str
    contact_phone: str
    contact_email: str
    reason: str  # "Credit" (translatable source text)
    comment: str
    lines: tuple[SlipLine, ...]


def return_slip(session: Session, return_id: uuid.UUID) -> ReturnSlipDocument:
    """What the return slip prints, read fresh."""
    detail = read_return(session, DocumentKind.STOCK_RETURN, return_id)
    if detail.destination is not Destination.SUPPLIER:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "A return slip is printed for a return to the supplier.")
        )
    unit, supplier = detail.service_location, detail.supplier
    return ReturnSlipDocument(
        number=detail.number,
        date=detail.created_on,
        region=REGION_NAME,
        supplier=Party(
            supplier.name,
            supplier.street,
            supplier.postal_code,
            supplier.city,
            phone=supplier.phone,
            email=supplier.email,
        ),
        supplier_number=detail.supplier_number,
        clinic=Party(unit.name, unit.street, unit.postal_code, unit.city, phone=unit.phone),
        contact_name=detail.contact_name,
        contact_phone=detail.contact_phone or unit.phone,
        contact_email=detail.contact_email,
        reason=CREDIT_NAME,
        comment=detail.comment,
        lines=tuple(
            SlipLine(
                line.supplier_article_number,
                line.article_number,
                line.article_name,
                line.individual_number,
                line.serial_number,
                line.quantity,
            )
            for line in detail.lines
        ),
    )


def render_return_slip(doc: ReturnSlipDocument, translate: Translate = untranslated) -> bytes:
    """The return slip as PDF bytes, drawn on a ``Sheet``; every text is passed through *translate*."""
    t = translate
    styles = text_styles()
    body, heading = styles["body"], styles["heading"]
    title = t(QT_TRANSLATE_NOOP("documents", "Return slip"))
    phone = t(QT_TRANSLATE_NOOP("documents", "Phone: {phone}"))
    email = t(QT_TRANSLATE_NOOP("documents", "Email: {email}"))
    supplier: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Supplier"))),
        (body, "\n".join(doc.supplier.address_lines())),
    ]
    if doc.supplier_number:
        supplier.append(
            (
                body,
                t(QT_TRANSLATE_NOOP("documents", "Supplier number: {number}")).format(
                    number=doc.supplier_number
                ),
            )
        )
    contact = [doc.contact_name]
    if doc.contact_phone:
        contact.append(phone.format(phone=doc.contact_phone))
    if doc.contact_email:
        contact.append(email.format(email=doc.contact_email))
    clinic: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Returned by"))),
        (body, "\n".join(doc.clinic.address_lines())),
        (body, t(QT_TRANSLATE_NOOP("documents", "Contact: {contact}")).format(contact=", ".join(contact))),
    ]
    sheet = Sheet(
        Frame(
            title=title,
            region=doc.region,
            unit=doc.clinic.name,
            reference=t(QT_TRANSLATE_NOOP("documents", "Return {number}")).format(number=doc.number),
            printed=format_date(doc.date),
            page_template=page_template(t),
        )
    )
    sheet.columns(supplier, clinic)
    sheet.blocks(
        [
            (
                body,
                "\n".join(
                    [
                        t(QT_TRANSLATE_NOOP("documents", "Return number: {number}")).format(
                            number=doc.number
                        ),
                        t(QT_TRANSLATE_NOOP("documents", "Date: {date}")).format(date=format_date(doc.date)),
                        t(QT_TRANSLATE_NOOP("documents", "Return reason: {reason}")).format(
                            reason=t(doc.reason)
                        ),
                    ]
                ),
            ),
            (heading, t(QT_TRANSLATE_NOOP("documents", "Comment"))),
            (body, doc.comment),
            (heading, t(QT_TRANSLATE_NOOP("documents", "Devices returned"))),
        ]
    )
    header = [
        t(QT_TRANSLATE_NOOP("documents", "Supplier's art. no.")),
        t(QT_TRANSLATE_NOOP("documents", "Our art. no.")),
        t(QT_TRANSLATE_NOOP("documents", "Name")),
        t(QT_TRANSLATE_NOOP("documents", "Individual no.")),
        t(QT_TRANSLATE_NOOP("documents", "Serial no.")),
        t(QT_TRANSLATE_NOOP("documents", "Qty")),
    ]
    rows = [
        [
            line.supplier_article_number,
            line.article_number,
            line.article_name,
            line.individual_number,
            line.serial_number,
            str(line.quantity),
        ]
        for line in doc.lines
    ]
    sheet.table(header, rows, [28, 20, 58, 26, 28, 14], right=[5])
    sheet.blocks(
        [
            (
                body,
                t(
                    QT_TRANSLATE_NOOP(
                        "documents",
                        "Returned for credit as agreed with the supplier: please send a credit invoice quoting "
                        "the return number.",
                    )
                ),
            )
        ]
    )
    return sheet.finish()


def return_slip_pdf(session: Session, return_id: uuid.UUID, translate: Translate = untranslated) -> bytes:
    """The return slip's PDF, read and drawn."""
    return render_return_slip(return_slip(session, return_id), translate)
