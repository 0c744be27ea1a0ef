"""The purchase order (inköpsorder): one per supplier for an order through warehouse 750 (R14).

The clinic prints it and sends it to the supplier. It names the supplier, the ordering clinic (which also
receives the delivery, R18), the orderer as contact and the customer order number as the reference; the
lines carry the supplier's article number and, for service purchases, the comment saying what is bought
(R13). It never carries the patient's identity or name: the supplier needs only the reference.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from dataclasses import dataclass
from decimal import Decimal

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
from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from db.models import Article, Order, OrderLine, PurchaseOrder, ServiceLocation, Supplier, User
from db.models.enums import LineStatus

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PurchaseLine:
    line_number: int
    supplier_article_number: str
    article_number: str
    article_name: str
    quantity: int
    unit: str
    unit_price: Decimal
    comment: str

    @property
    def amount(self) -> Decimal:
        return self.unit_price * self.quantity


@dataclass(frozen=True)
class PurchaseOrderDocument:
    number: str  # YYWWNNNN (R15)
    date: dt.date
    region: str
    supplier: Party
    supplier_number: str
    clinic: Party  # the ordering clinic
    delivery: Party  # where the supplier delivers: the clinic, which receives the goods (R18)
    contact_name: str
    contact_phone: str
    contact_email: str
    reference: str  # the customer order number
    lines: tuple[PurchaseLine, ...]
    total: Decimal


def purchase_order(session: Session, *, purchase_order_id: uuid.UUID) -> PurchaseOrderDocument:
    """What the purchase order prints, read fresh; cancelled lines are left out."""
    row = session.get(PurchaseOrder, purchase_order_id)
    if row is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The purchase order was not found; search again."))
    order = session.get(Order, row.order_id)
    supplier = session.get(Supplier, row.supplier_id)
    if order is None or supplier is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The purchase order was not found; search again."))
    location = session.get(ServiceLocation, order.service_location_id)
    orderer = session.get(User, order.orderer_id)
    if location is None or orderer is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The purchase order was not found; search again."))

    lines = tuple(
        PurchaseLine(
            line_number=line.line_number,
            supplier_article_number=article.supplier_article_number,
            article_number=article.article_number,
            article_name=article.name,
            quantity=line.quantity,
            unit=article.unit,
            unit_price=line.unit_price,
            comment=line.comment,
        )
        for line, article in session.execute(
            select(OrderLine, Article)
            .join(Article, Article.id == OrderLine.article_id)
            .where(OrderLine.purchase_order_id == row.id, OrderLine.status != LineStatus.CANCELLED)
            .order_by(OrderLine.line_number)
        )
    )
    clinic = Party(
        location.name,
        location.street,
        location.postal_code,
        location.city,
        phone=location.phone,
    )
    # The contact is the orderer, never the order's delivery contact (which may be the patient).
    log.info("purchase order read: purchase_order_id=%s lines=%d", row.id, len(lines))
    return PurchaseOrderDocument(
        number=row.number,
        date=row.created_at.date(),
        region=REGION_NAME,
        supplier=Party(
            supplier.name,
            supplier.street,
            supplier.postal_code,
            supplier.city,
            phone=supplier.phone,
            email=supplier.email,
        ),
        supplier_number=supplier.number,
        clinic=clinic,
        delivery=clinic,
        contact_name=orderer.full_name,
        contact_phone=orderer.phone or location.phone,
        contact_email=orderer.email,
        reference=order.number or "",
        lines=lines,
        total=sum((line.amount for line in lines), Decimal("0")),
    )


def format_money(amount: Decimal) -> str:
    """Swedish style: 12 345,50 (a thin space would not print in Helvetica; a plain space does)."""
    whole = f"{amount.quantize(Decimal('0.01')):,.2f}"
    return whole.replace(",", " ").replace(".", ",")


def render_purchase_order(doc: PurchaseOrderDocument, translate: Translate = untranslated) -> bytes:
    """The purchase order as PDF bytes; every text is passed through *translate*. Drawn on a ``Sheet``
    (straight onto the canvas): a clinic prints it for every supplier of every order through 750."""
    t = translate
    styles = text_styles()
    body, heading = styles["body"], styles["heading"]
    title = t(QT_TRANSLATE_NOOP("documents", "Purchase order"))
    phone = t(QT_TRANSLATE_NOOP("documents", "Phone: {phone}"))
    email = t(QT_TRANSLATE_NOOP("documents", "Email: {email}"))

    supplier: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Supplier"))),
        (body, "\n".join(doc.supplier.address_lines())),
    ]
    if doc.supplier.phone:
        supplier.append((body, phone.format(phone=doc.supplier.phone)))
    if doc.supplier.email:
        supplier.append((body, email.format(email=doc.supplier.email)))
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
        (heading, t(QT_TRANSLATE_NOOP("documents", "Ordered by"))),
        (body, "\n".join(doc.clinic.address_lines())),
        (body, t(QT_TRANSLATE_NOOP("documents", "Contact: {contact}")).format(contact=", ".join(contact))),
    ]
    details: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Delivery address"))),
        (body, "\n".join(doc.delivery.address_lines())),
    ]
    reference: list[Block] = [
        (heading, t(QT_TRANSLATE_NOOP("documents", "Order details"))),
        (
            body,
            "\n".join(
                [
                    t(QT_TRANSLATE_NOOP("documents", "Purchase order number: {number}")).format(
                        number=doc.number
                    ),
                    t(QT_TRANSLATE_NOOP("documents", "Order date: {date}")).format(
                        date=format_date(doc.date)
                    ),
                    t(QT_TRANSLATE_NOOP("documents", "Our reference: order {number}")).format(
                        number=doc.reference
                    ),
                ]
            ),
        ),
    ]

    sheet = Sheet(
        Frame(
            title=title,
            region=doc.region,
            unit=doc.clinic.name,
            reference=t(QT_TRANSLATE_NOOP("documents", "Purchase order {number}")).format(number=doc.number),
            printed=t(QT_TRANSLATE_NOOP("documents", "Order date {date}")).format(date=format_date(doc.date)),
            page_template=page_template(t),
        )
    )
    sheet.columns(supplier, clinic)
    sheet.columns(details, reference)
    sheet.blocks([(heading, t(QT_TRANSLATE_NOOP("documents", "Lines")))])
    header = [
        t(QT_TRANSLATE_NOOP("documents", "Line")),
        t(QT_TRANSLATE_NOOP("documents", "Supplier's art. no.")),
        t(QT_TRANSLATE_NOOP("documents", "Our art. no.")),
        t(QT_TRANSLATE_NOOP("documents", "Name")),
        t(QT_TRANSLATE_NOOP("documents", "Qty")),
        t(QT_TRANSLATE_NOOP("documents", "Unit")),
        t(QT_TRANSLATE_NOOP("documents", "Unit price")),
        t(QT_TRANSLATE_NOOP("documents", "Amount")),
    ]
    rows = []
    for line in doc.lines:
        name = line.article_name
        if line.comment:
            name += "\n" + t(QT_TRANSLATE_NOOP("documents", "Comment: {comment}")).format(
                comment=line.comment
            )
        rows.append(
            [
                str(line.line_number),
                line.supplier_article_number,
                line.article_number,
                name,
                str(line.quantity),
                line.unit,
                format_money(line.unit_price),
                format_money(line.amount),
            ]
        )
    total = t(QT_TRANSLATE_NOOP("documents", "Total (SEK)"))
    sheet.table(
        header,
        rows,
        [10, 26, 18, 50, 11, 11, 23, 25],
        right=[0, 4, 6, 7],
        footer=["", "", "", total, "", "", "", format_money(doc.total)],
    )
    closing: list[Block] = []
    if any(line.unit_price == 0 for line in doc.lines):
        closing.append(
            (
                body,
                t(
                    QT_TRANSLATE_NOOP(
                        "documents",
                        "Lines priced 0 are priced by the supplier; state the price on the delivery note.",
                    )
                ),
            )
        )
    closing.append(
        (
            body,
            t(
                QT_TRANSLATE_NOOP(
                    "documents",
                    "Please deliver to the address above and quote the purchase order number and our reference "
                    "on the delivery note and the invoice.",
                )
            ),
        )
    )
    sheet.blocks(closing)
    return sheet.finish()
