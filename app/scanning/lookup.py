"""What a scanned code names in the local database (``find_scanned``), for the router to show.

Every lookup is one index lookup (unique or indexed columns: individual number, serial number, SIP
number, identity number, article number, supplier article number, GTIN, the document numbers), so a scan
costs the same on a million individuals as on ten. The code's kinds are tried most likely first and
the first that names something wins.

GTINs are stored as GTIN-14 (a GTIN-13 with a leading 0). A box scanned as a GTIN-14 whose indicator
digit differs from the article's (a case of ten ``1…`` where the article has the unit's ``0…``) still
names the article: the exact GTIN first, else the same item reference with indicator 0, else with any
other indicator (all in one ``IN`` lookup of the index).

Nothing found: ``Scanned.sentence`` says what the code looked like and what was looked up, with the
code as ``Code.shown()`` gives it (an identity number masked, R5). Nothing here logs a scanned text.
"""

from __future__ import annotations

import enum
import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import ClerkError, NotFound
from app.i18n import QT_TRANSLATE_NOOP
from app.individual_record import normalise_sip_number
from app.receipts import awaits_receipt
from app.scanning.codes import Code, CodeKind
from app.scanning.gs1 import gtin_check, with_indicator
from db.models import (
    Activity,
    Article,
    Individual,
    Order,
    Patient,
    PickupOrder,
    PurchaseOrder,
    StockReturn,
)


class DocumentKind(enum.Enum):
    """The numbered documents a scan can name (R15: one number sequence, so a number names one)."""

    ORDER = "order"
    PURCHASE_ORDER = "purchase_order"
    RETURN = "return"
    PICKUP_ORDER = "pickup_order"
    ACTIVITY = "activity"


@dataclass(frozen=True)
class FoundDocument:
    kind: DocumentKind
    id: uuid.UUID
    number: str
    #: An order or purchase order with lines still to receive through 750 (``app.receipts``).
    awaits_receipt: bool = False
    #: The order a purchase order belongs to (goods receipt opens the order); else the order's own id.
    order_id: uuid.UUID | None = None


@dataclass(frozen=True)
class Scanned:
    """What a code names, looked up in the local database."""

    code: Code
    individual_id: uuid.UUID | None = None
    patient_id: uuid.UUID | None = None
    article_id: uuid.UUID | None = None
    document: FoundDocument | None = None
    #: Nothing found (or the code itself is wrong): one sentence for the clerk.
    sentence: ClerkError | None = None

    @property
    def found(self) -> bool:
        return any((self.individual_id, self.patient_id, self.article_id, self.document))


def find_scanned(session: Session, code: Code) -> Scanned:
    """What *code* names: an individual, a patient, an article or a document; else the sentence why not."""
    if code.problem is not None:
        return Scanned(code, sentence=code.problem)
    if code.udi is not None:
        return _udi(session, code)
    if code.hibc is not None:
        return _hibc(session, code)
    for kind in code.kinds:
        found = _LOOKUPS[kind](session, code)
        if found is not None:
            return found
    return Scanned(code, sentence=not_found(code))


# ---------------------------------------------------------------------------------------------- per kind


def _patient(session: Session, code: Code) -> Scanned | None:
    if code.identity is None:
        return None
    patient_id = session.scalars(select(Patient.id).where(Patient.identity_number == code.identity)).first()
    return Scanned(code, patient_id=patient_id) if patient_id else None


def _document(session: Session, code: Code) -> Scanned | None:
    number = code.text
    purchase = session.execute(
        select(PurchaseOrder.id, PurchaseOrder.order_id).where(PurchaseOrder.number == number)
    ).first()
    if purchase is not None:
        document = FoundDocument(
            DocumentKind.PURCHASE_ORDER,
            purchase.id,
            number,
            awaits_receipt(session, purchase.order_id, purchase_order_id=purchase.id),
            purchase.order_id,
        )
        return Scanned(code, document=document)
    order_id = session.scalars(select(Order.id).where(Order.number == number)).first()
    if order_id is not None:
        document = FoundDocument(
            DocumentKind.ORDER, order_id, number, awaits_receipt(session, order_id), order_id
        )
        return Scanned(code, document=document)
    for kind, model in (
        (DocumentKind.RETURN, StockReturn),
        (DocumentKind.PICKUP_ORDER, PickupOrder),
        (DocumentKind.ACTIVITY, Activity),
    ):
        document_id = session.scalars(select(model.id).where(model.number == number)).first()
        if document_id is not None:
            return Scanned(code, document=FoundDocument(kind, document_id, number))
    return None


def article_by_gtin(session: Session, gtin: str) -> uuid.UUID | None:
    """The article with *gtin* (8 to 14 digits), else one of the same item reference with another
    indicator digit (see the module's docstring)."""
    gtin14 = gtin_check(gtin)
    if gtin14 is None:
        return None
    variants = [gtin14, *(with_indicator(gtin14, str(digit)) for digit in range(9))]
    rows = session.execute(select(Article.gtin, Article.id).where(Article.gtin.in_(sorted(set(variants)))))
    found = {gtin_: article_id for gtin_, article_id in rows}
    return next((found[variant] for variant in variants if variant in found), None)


def _gtin(session: Session, code: Code) -> Scanned | None:
    article_id = article_by_gtin(session, code.text)
    return Scanned(code, article_id=article_id) if article_id else None


def _article(session: Session, code: Code) -> Scanned | None:
    text = code.text
    article_id = session.scalars(select(Article.id).where(Article.article_number == text)).first()
    if article_id is None:
        article_id = _by_supplier_article_number(session, text)
    return Scanned(code, article_id=article_id) if article_id else None


def _by_supplier_article_number(session: Session, text: str) -> uuid.UUID | None:
    return session.scalars(
        select(Article.id).where(Article.supplier_article_number.in_(sorted({text, text.upper()}))).limit(1)
    ).first()


def _individual(session: Session, code: Code) -> Scanned | None:
    individual_id = session.scalars(
        select(Individual.id).where(Individual.individual_number.in_(sorted({code.text, code.text.upper()})))
    ).first()
    return Scanned(code, individual_id=individual_id) if individual_id else None


def _serial(session: Session, code: Code) -> Scanned | None:
    return _by_serial(session, code, code.text, None)


def _by_serial(session: Session, code: Code, serial: str, article_id: uuid.UUID | None) -> Scanned | None:
    """The individual with *serial*. When the code also named the article (a UDI's GTIN), only that
    article's devices count: a serial number is the supplier's, so another article's device with the same
    serial is not this box (its box may be on its way, awaiting receipt). Several devices of one article (or
    of any, when the code named none) with the serial: the clerk is asked to choose in the Individual tab."""
    rows = session.execute(
        select(Individual.id, Individual.article_id).where(
            Individual.serial_number.in_(sorted({serial, serial.upper()}))
        )
    ).all()
    if article_id is not None:
        rows = [row for row in rows if row.article_id == article_id]
    if not rows:
        return None
    if len(rows) > 1:
        return Scanned(
            code,
            article_id=article_id,
            sentence=NotFound(
                QT_TRANSLATE_NOOP(
                    "app",
                    "{count} individuals have the serial number {serial}; search for it in the Individual tab "
                    "and choose the right one.",
                ),
                count=len(rows),
                serial=serial,
            ),
        )
    return Scanned(code, individual_id=rows[0].id, article_id=article_id or rows[0].article_id)


def _sip(session: Session, code: Code) -> Scanned | None:
    try:
        sip = normalise_sip_number(code.text)
    except ClerkError:
        return None
    individual_id = session.scalars(select(Individual.id).where(Individual.sip_number == sip)).first()
    return Scanned(code, individual_id=individual_id) if individual_id else None


def _udi(session: Session, code: Code) -> Scanned:
    udi = code.udi
    assert udi is not None and udi.gtin is not None
    article_id = article_by_gtin(session, udi.gtin)
    if udi.serial:
        by_serial = _by_serial(session, code, udi.serial, article_id)
        if by_serial is not None:
            return by_serial
    if article_id is not None:
        return Scanned(code, article_id=article_id)
    if udi.serial:
        sentence = NotFound(
            QT_TRANSLATE_NOOP(
                "app",
                "The box's code names GTIN {gtin} and serial number {serial}, but no article has that GTIN and "
                "no individual that serial number.",
            ),
            gtin=udi.gtin,
            serial=udi.serial,
        )
    else:
        sentence = NotFound(
            QT_TRANSLATE_NOOP("app", "The box's code names GTIN {gtin}, but no article has that GTIN."),
            gtin=udi.gtin,
        )
    return Scanned(code, sentence=sentence)


def _hibc(session: Session, code: Code) -> Scanned:
    hibc = code.hibc
    assert hibc is not None
    article_id = _by_supplier_article_number(session, hibc.product) if hibc.product else None
    if hibc.serial:
        by_serial = _by_serial(session, code, hibc.serial, article_id)
        if by_serial is not None:
            return by_serial
    if article_id is not None:
        return Scanned(code, article_id=article_id)
    if hibc.product:
        sentence = NotFound(
            QT_TRANSLATE_NOOP(
                "app",
                "The HIBC code names product {product} of labeler {labeler}, but no article has it as its "
                "supplier article number.",
            ),
            product=hibc.product,
            labeler=hibc.labeler or "",
        )
    else:
        sentence = NotFound(
            QT_TRANSLATE_NOOP(
                "app",
                "The HIBC code {text} holds only a lot, a serial number or a date; scan the box's other code "
                "(the product) instead.",
            ),
            text=code.shown(),
        )
    return Scanned(code, sentence=sentence)


_LOOKUPS = {
    CodeKind.IDENTITY: _patient,
    CodeKind.RESERVE: _patient,
    CodeKind.DOCUMENT: _document,
    CodeKind.GTIN: _gtin,
    CodeKind.ARTICLE: _article,
    CodeKind.INDIVIDUAL: _individual,
    CodeKind.SERIAL: _serial,
    CodeKind.SIP: _sip,
    CodeKind.UDI: lambda session, code: None,  # read above, with the code's UDI
    CodeKind.HIBC: lambda session, code: None,
}

#: What a code that names nothing looked like (its most likely kind), and what was looked up.
_NOT_FOUND = {
    CodeKind.IDENTITY: QT_TRANSLATE_NOOP(
        "app", "{text} looks like a personal identity number, but no patient has it."
    ),
    CodeKind.RESERVE: QT_TRANSLATE_NOOP("app", "{text} looks like a reserve number, but no patient has it."),
    CodeKind.DOCUMENT: QT_TRANSLATE_NOOP(
        "app",
        "{text} looks like an order, purchase, return, pickup or activity number, but no document, individual "
        "or article has it.",
    ),
    CodeKind.GTIN: QT_TRANSLATE_NOOP("app", "{text} looks like a GTIN, but no article or individual has it."),
    CodeKind.ARTICLE: QT_TRANSLATE_NOOP(
        "app", "{text} looks like an article number, but no article or individual has it."
    ),
    CodeKind.INDIVIDUAL: QT_TRANSLATE_NOOP(
        "app", "{text} looks like an individual number, but no individual or article has it."
    ),
    CodeKind.SERIAL: QT_TRANSLATE_NOOP(
        "app", "{text} looks like a serial number, but no individual or article has it."
    ),
    CodeKind.SIP: QT_TRANSLATE_NOOP("app", "{text} looks like a SIP number, but no individual has it."),
}


def not_found(code: Code) -> NotFound:
    """The sentence for a code that names nothing here."""
    template = _NOT_FOUND.get(code.kinds[0]) if code.kinds else None
    if template is None:
        template = QT_TRANSLATE_NOOP(
            "app",
            "{text} is not a code Hearing Desk knows: not an individual, serial, SIP, article, GTIN, identity or "
            "document number.",
        )
    return NotFound(template, text=code.shown())


__all__ = ["DocumentKind", "FoundDocument", "Scanned", "article_by_gtin", "find_scanned", "not_found"]
