"""Returns (R28–R32) and the deceased patient's returns (R9): the service behind the return wizard."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import returns
from app.database import Database
from app.numbers import NumberAllocator
from app.organisation import WorkContext
from app.patients import read_patient_record
from app.returns import AidReturn, Destination, ReturnRequest
from app.stock import balance
from db.models import (
    Individual,
    IndividualEvent,
    PickupOrder,
    ServiceLocation,
    StockMovement,
    User,
    UserRole,
    UserServiceLocation,
    Warehouse,
)
from db.models.enums import (
    ArticleType,
    DocumentKind,
    IndividualStatus,
    PickupReason,
    PickupStatus,
    Role,
    WarehouseKind,
)
from tests import factories

TODAY = dt.date(2026, 11, 30)


@dataclass
class Desk:
    context: WorkContext
    centre: WorkContext  # a user with the aid-centre role
    private: WorkContext  # the same user at a private clinic (no own stock)
    patient: uuid.UUID
    aid: uuid.UUID  # a hearing aid delivered to the patient
    second_aid: uuid.UUID
    domes: uuid.UUID  # an order line of 10 domes delivered to the patient (not individually marked)
    in_stock: uuid.UUID  # a device in own stock
    own: uuid.UUID
    central: uuid.UUID


def _context(user: User, location: ServiceLocation) -> WorkContext:
    return WorkContext(user.id, user.username, user.full_name, location.id, location.code, location.name)


def _device(session, article_id, number, **fields) -> Individual:
    row = Individual(
        individual_number=number,
        serial_number=f"SN{number}",
        article_id=article_id,
        purchase_date=dt.date(2026, 1, 15),
        purchase_price=Decimal("4190"),
        **fields,
    )
    session.add(row)
    session.flush()
    session.add(IndividualEvent.of(row, user_id=None, document_kind="goods_receipt", document_id=None))
    return row


def make_desk(database: Database) -> Desk:
    """A clinic with its own stock, central warehouse 70, a user of the aid centre, a private clinic the
    user also works for, and a patient holding two hearing aids and ten domes."""
    with database.seed() as session:
        user, location, own = factories.organisation(session)
        central = Warehouse(code="70", name="Centrallager Hörsel", kind=WarehouseKind.CENTRAL)
        private = ServiceLocation(code="PRIV", name="Hörselkliniken Privat AB", is_private=True)
        centre = User(username="ulla", full_name="Ulla Hjälpmedel")
        session.add_all([central, private, centre])
        session.flush()
        session.add_all(
            [
                UserRole(user_id=centre.id, role=Role.AID_CENTRE),
                UserServiceLocation(user_id=centre.id, service_location_id=location.id),
                UserServiceLocation(user_id=user.id, service_location_id=private.id),
            ]
        )
        patient = factories.patient(session)
        aid_article = factories.article(
            session, "Oticon Intent 1", individually_marked=True, article_type=ArticleType.MAIN_AID
        )
        domes = factories.article(session, "Dome 8 mm")
        line = factories.delivered_line(
            session, patient, user, location, aid_article, delivered_on=dt.date(2026, 9, 1), number="26360001"
        )
        dome_line = factories.delivered_line(
            session, patient, user, location, domes, delivered_on=dt.date(2026, 9, 1), quantity=10,
            number="26360002",
        )  # fmt: skip
        aid = _device(
            session, aid_article.id, "412345678", status=IndividualStatus.DELIVERED, patient_id=patient.id,
            order_line_id=line.id,
        )  # fmt: skip
        second = _device(
            session, aid_article.id, "412345679", status=IndividualStatus.DELIVERED, patient_id=patient.id,
            order_line_id=line.id,
        )  # fmt: skip
        in_stock = _device(
            session, aid_article.id, "598765432", status=IndividualStatus.IN_STOCK, warehouse_id=own.id
        )
        return Desk(
            context=_context(user, location),
            centre=_context(centre, location),
            private=_context(user, private),
            patient=patient.id,
            aid=aid.id,
            second_aid=second.id,
            domes=dome_line.id,
            in_stock=in_stock.id,
            own=own.id,
            central=central.id,
        )


@pytest.fixture
def desk(database: Database) -> Desk:
    return make_desk(database)


def _request(
    destination: Destination,
    patient_id: uuid.UUID | None,
    *aids: AidReturn,
    reason: PickupReason = PickupReason.MODEL_UNSUITABLE,
    comment: str = "",
) -> ReturnRequest:
    return ReturnRequest(destination, patient_id, reason, comment, aids)


def _aid(key: str, quantity: int = 1, **fields) -> AidReturn:
    fields.setdefault("checklist", returns.all_done())
    return AidReturn(key, quantity, **fields)


def _register(database: Database, context: WorkContext, request: ReturnRequest) -> returns.ReturnDone:
    with database.write() as session:
        return returns.register_return(session, context, NumberAllocator(), request, TODAY)


def _record(session, desk: Desk):
    return read_patient_record(
        session,
        desk.patient,
        user_id=desk.context.user_id,
        service_location_id=desk.context.service_location_id,
        today=TODAY,
    )


def _status(database: Database, individual_id: uuid.UUID) -> Individual:
    with database.read() as session:
        row = session.get(Individual, individual_id)
        assert row is not None
        session.expunge(row)
        return row


# ------------------------------------------------------------------------------------------------ R28


def test_r28_pickup_order_keeps_the_aid_on_the_patient_until_the_central_warehouse_takes_it_in(
    database: Database, desk: Desk
) -> None:
    key = returns.key_of_individual(desk.aid)
    done = _register(database, desk.context, _request(Destination.CENTRAL_WAREHOUSE, desk.patient, _aid(key)))
    assert done.kind is DocumentKind.PICKUP_ORDER and len(done.number) == 8
    device = _status(database, desk.aid)
    assert device.status is IndividualStatus.IN_TRANSIT and device.patient_id == desk.patient
    with database.read() as session:
        record = _record(session, desk)
        held = {a.individual_number: a for a in record.aids_held}
        assert held["412345678"].pickup_registered
        pickup = session.get(PickupOrder, done.id)
        assert pickup is not None and pickup.status is PickupStatus.REGISTERED
        assert pickup.contact_user_id == desk.context.user_id
        assert pickup.service_location_id == desk.context.service_location_id
        assert session.scalar(select(func.count()).select_from(StockMovement)) == 0
        start = returns.returnable_aids(session, desk.context, patient_id=desk.patient, today=TODAY)
    assert [a.on_open_pickup for a in start.aids if a.individual_id == desk.aid] == [True]
    with database.write() as session:
        returns.close_pickup(session, desk.centre, done.id, TODAY)
    device = _status(database, desk.aid)
    assert device.status is IndividualStatus.IN_STOCK and device.warehouse_id == desk.central
    assert device.patient_id is None
    with database.read() as session:
        assert balance(session, desk.central, device.article_id) == 1
        record = _record(session, desk)
    assert "412345678" not in {a.individual_number for a in record.aids_held}
    assert "412345678" in {a.individual_number for a in record.returned}
