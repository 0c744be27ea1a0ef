"""Small builders for service tests that need a few precise rows (seeded, like register data)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlalchemy.orm import Session

from app.documents import LoanAgreement, LoanedAid, PurchaseLine, PurchaseOrderDocument
from app.documents.layout import Party
from app.identity import make_identity_number
from app.patients import name_key
from db.models import (
    Article,
    Order,
    OrderLine,
    Patient,
    ServiceLocation,
    Supplier,
    User,
    UserRole,
    UserServiceLocation,
    Warehouse,
)
from db.models.enums import (
    ArticleType,
    IdentityKind,
    LineStatus,
    OrderKind,
    OrderStatus,
    Role,
    WarehouseKind,
)


def patient(
    session: Session,
    first: str = "Karin",
    last: str = "Nilsson",
    *,
    born: dt.date = dt.date(1950, 3, 14),
    serial: int = 123,
    **fields: Any,
) -> Patient:
    row = Patient(
        identity_number=fields.pop("identity_number", make_identity_number(born, serial)),
        identity_kind=fields.pop("identity_kind", IdentityKind.PERSONAL),
        first_name=first,
        last_name=last,
        first_name_key=name_key(first),
        last_name_key=name_key(last),
        birth_date=born,
        street=fields.pop("street", "Storgatan 1"),
        postal_code=fields.pop("postal_code", "222 22"),
        city=fields.pop("city", "Lund"),
        phone=fields.pop("phone", "046-12 34 56"),
        **fields,
    )
    session.add(row)
    session.flush()
    return row


def organisation(session: Session) -> tuple[User, ServiceLocation, Warehouse]:
    location = ServiceLocation(code="LUND", name="Hörselmottagningen Lund", city="Lund")
    session.add(location)
    session.flush()
    warehouse = Warehouse(
        code="L-LUND", name="Eget förråd Lund", kind=WarehouseKind.OWN_STOCK, service_location_id=location.id
    )
    user = User(username="anna", full_name="Anna Audionom", default_service_location_id=location.id)
    session.add_all([warehouse, user])
    session.flush()
    session.add_all(
        [
            UserRole(user_id=user.id, role=Role.PRESCRIBER),
            UserServiceLocation(user_id=user.id, service_location_id=location.id),
        ]
    )
    session.flush()
    return user, location, warehouse


def article(
    session: Session,
    name: str = "Dome 8 mm",
    *,
    individually_marked: bool = False,
    article_type: ArticleType = ArticleType.ACCESSORY,
) -> Article:
    supplier = Supplier(number=f"S{uuid.uuid4().hex[:6]}", name="Oticon AB")
    session.add(supplier)
    session.flush()
    row = Article(
        article_number=uuid.uuid4().hex[:6],
        name=name,
        supplier_id=supplier.id,
        iso_code="220615",
        article_type=article_type,
        price=Decimal("100"),
        individually_marked=individually_marked,
    )
    session.add(row)
    session.flush()
    return row


def delivered_line(
    session: Session,
    patient_row: Patient,
    user: User,
    location: ServiceLocation,
    art: Article,
    *,
    delivered_on: dt.date,
    quantity: int = 1,
    number: str,
) -> OrderLine:
    order = Order(
        number=number,
        kind=OrderKind.PRESCRIPTION,
        status=OrderStatus.DELIVERED,
        patient_id=patient_row.id,
        prescriber_id=user.id,
        orderer_id=user.id,
        service_location_id=location.id,
    )
    session.add(order)
    session.flush()
    line = OrderLine(
        order_id=order.id,
        line_number=1,
        article_id=art.id,
        quantity=quantity,
        status=LineStatus.DELIVERED,
        delivered_on=delivered_on,
    )
    session.add(line)
    session.flush()
    return line


def loan_agreement_of(count: int, today: dt.date = dt.date(2026, 11, 23)) -> LoanAgreement:
    """A loan agreement of *count* individually marked aids, without a database (rendering tests)."""
    aids = tuple(
        LoanedAid(
            f"{100000 + n}", f"Hörapparat modell {n}", f"IND{n:05d}", f"SN-{n:06d}", 1, today, "26470001"
        )
        for n in range(count)
    )
    return LoanAgreement(
        issued_on=today,
        region="Region Skåne",
        patient_identity="19500314-1234",
        borrower=Party("Åsa Öberg", "Ängsvägen 3", "222 22", "Lund"),
        protected_identity=False,
        aids=aids,
        prescribing_unit=Party(
            "Hörselmottagningen Lund", "Sjukhusgatan 1", "221 85", "Lund", phone="046-17 10 00"
        ),
        user_name="Anna Audionom",
        user_title="Audionom",
    )


def purchase_order_of(count: int, today: dt.date = dt.date(2026, 11, 23)) -> PurchaseOrderDocument:
    """A purchase order of *count* lines, without a database (rendering tests): every seventh name is long
    enough to wrap, line 3 carries a comment, line 5 is priced 0 (priced by the supplier)."""
    lines = tuple(
        PurchaseLine(
            line_number=n,
            supplier_article_number=f"LEV-{n:05d}",
            article_number=f"{300000 + n}",
            article_name=f"Hörapparat Ödla {n} bakom örat, med en benämning lång nog att bryta raden"
            if n % 7 == 0
            else f"Laddare för hörapparat {n}",
            quantity=n % 3 + 1,
            unit="st",
            unit_price=Decimal("0") if n == 5 else Decimal("1234.50") + n,
            comment="Utbildning två timmar på Ängsvägen" if n == 3 else "",
        )
        for n in range(1, count + 1)
    )
    clinic = Party("Hörselmottagningen Lund", "Sjukhusgatan 1", "221 85", "Lund", phone="046-17 10 00")
    return PurchaseOrderDocument(
        number="26480012",
        date=today,
        region="Region Skåne",
        supplier=Party("Hörteknik Öresund AB", "Box 1234", "171 23", "Solna", email="order@example.se"),
        supplier_number="LEV-77",
        clinic=clinic,
        delivery=clinic,
        contact_name="Anna Åström",
        contact_phone="046-17 10 01",
        contact_email="anna.astrom@example.se",
        reference="26480011",
        lines=lines,
        total=sum((line.amount for line in lines), Decimal("0")),
    )
