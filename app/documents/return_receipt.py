"""The return receipt (returkvitto, R30): what the patient handed back into the clinic's own stock.

Printed for the patient: the identity number and the stored name (R5: fictive for a protected identity;
no address), the unit and the own stock that took the aids in, the reason and the aids. An aid involved in
an incident is marked blocked (R32).
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
from app.returns import BLOCKED_MARK, Destination, read_return
from db.models.enums import DocumentKind


@dataclass(frozen=True)
class ReturnedAid:
    article_number: str
    article_name: str
    individual_number: str
    quantity: int
    blocked: bool


@dataclass(frozen=True)
class ReturnReceiptDocument:
    number: str
    date: dt.date
    region: str
    patient_identity: str
    patient_name: str
    unit: Party
    warehouse_code: str
    user_name: str
    reason: str  # translatable source text
    comment: str
    aids: tuple[ReturnedAid, ...]


def return_receipt(session: Session, return_id: uuid.UUID) -> ReturnReceiptDocument:
    """What the return receipt prints, read fresh."""
    detail = read_return(session, DocumentKind.STOCK_RETURN, return_id)
    if detail.destination is not Destination.OWN_STOCK or detail.patient_id is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "A return receipt is printed for a return from a patient to own stock.")
        )
    unit = detail.service_location
    return ReturnReceiptDocument(
        number=detail.number,
        date=detail.created_on,
        region=REGION_NAME,
        patient_identity=detail.patient_identity,
        patient_name=detail.patient_name,  # R5: the stored (fictive) name only
        unit=Party(unit.name, unit.street, unit.postal_code, unit.city, phone=unit.phone),
        warehouse_code=detail.warehouse_code,
        user_name=detail.contact_name,
        reason=detail.reason_text,
        comment=detail.comment,
        aids=tuple(
            ReturnedAid(
                line.article_number, line.article_name, line.individual_number, line.quantity, line.incident
            )
            for line in detail.lines
        ),
    )


def render_return_receipt(doc: ReturnReceiptDocument, translate: Translate = untranslated) -> bytes:
    """The return receipt as PDF bytes, drawn on a ``Sheet``; every text is passed through *translate*."""
    t = translate
    styles = text_styles()
    body, heading = styles["body"], styles["heading"]
    title = t(QT_TRANSLATE_NOOP("documents", "Return receipt"))
    patient: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Returned by"))),
        (body, f"{doc.patient_name}\n{doc.patient_identity}"),
    ]
    unit: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Received by"))),
        (body, "\n".join(doc.unit.address_lines())),
        (body, t(QT_TRANSLATE_NOOP("documents", "Own stock {code}")).format(code=doc.warehouse_code)),
        (body, doc.user_name),
    ]
    why = t(doc.reason) + (f": {doc.comment}" if doc.comment else "")
    sheet = Sheet(
        Frame(
            title=title,
            region=doc.region,
            unit=doc.unit.name,
            reference=t(QT_TRANSLATE_NOOP("documents", "Return {number}")).format(number=doc.number),
            printed=format_date(doc.date),
            page_template=page_template(t),
        )
    )
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
                    ]
                ),
            )
        ]
    )
    sheet.columns(patient, unit)
    sheet.blocks(
        [
            (heading, t(QT_TRANSLATE_NOOP("documents", "Reason for the return"))),
            (body, why),
            (heading, t(QT_TRANSLATE_NOOP("documents", "Aids returned"))),
        ]
    )
    header = [
        t(QT_TRANSLATE_NOOP("documents", "Art. no.")),
        t(QT_TRANSLATE_NOOP("documents", "Name")),
        t(QT_TRANSLATE_NOOP("documents", "Individual no.")),
        t(QT_TRANSLATE_NOOP("documents", "Qty")),
    ]
    rows = [
        [
            aid.article_number,
            aid.article_name + (f"\n{BLOCKED_MARK}" if aid.blocked else ""),
            aid.individual_number,
            str(aid.quantity),
        ]
        for aid in doc.aids
    ]
    sheet.table(header, rows, [26, 94, 34, 20], right=[3])
    sheet.blocks(
        [
            (
                body,
                t(
                    QT_TRANSLATE_NOOP(
                        "documents",
                        "The aids above have been returned and are no longer on the patient's list.",
                    )
                ),
            )
        ]
    )
    return sheet.finish()


def return_receipt_pdf(session: Session, return_id: uuid.UUID, translate: Translate = untranslated) -> bytes:
    """The return receipt's PDF, read and drawn."""
    return render_return_receipt(return_receipt(session, return_id), translate)
