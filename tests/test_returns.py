"""Returns (R28–R32) and the deceased patient's returns (R9): the service behind the return wizard."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, replace
from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app import returns
from app.changelog import PlainRows
from app.database import Database
from app.errors import InvalidInput, RuleViolation
from app.individuals import change_status
from app.numbers import NumberAllocator
from app.organisation import WorkContext
from app.patients import read_patient_record
from app.returns import AidReturn, CheckAnswer, CheckPoint, Destination, ReturnRequest
from app.stock import Document, balance, move
from db.models import (
    ChangeLogEntry,
    Individual,
    IndividualEvent,
    OrderLine,
    Patient,
    PickupOrder,
    PickupOrderLine,
    ReturnDraft,
    ServiceLocation,
    StockMovement,
    StockReturn,
    User,
    UserRole,
    UserServiceLocation,
    Warehouse,
)
from db.models.enums import (
    ArticleType,
    DocumentKind,
    IndividualStatus,
    MovementReason,
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


def _start(database: Database, desk: Desk, context: WorkContext | None = None) -> returns.ReturnStart:
    with database.read() as session:
        return returns.returnable_aids(session, context or desk.context, patient_id=desk.patient, today=TODAY)


def _pickup(database: Database, desk: Desk, *aids: AidReturn) -> returns.ReturnDone:
    return _register(database, desk.context, _request(Destination.CENTRAL_WAREHOUSE, desk.patient, *aids))


def test_r28_an_aid_on_an_open_pickup_order_cannot_be_chosen_again(database: Database, desk: Desk) -> None:
    key = returns.key_of_individual(desk.aid)
    _pickup(database, desk, _aid(key))
    for destination in (Destination.CENTRAL_WAREHOUSE, Destination.OWN_STOCK):
        with pytest.raises(RuleViolation, match="already on an open pickup order"):
            _register(database, desk.context, _request(destination, desk.patient, _aid(key)))


def test_r28_domes_on_an_open_pickup_order_stay_held_until_taken_in(database: Database, desk: Desk) -> None:
    key = returns.key_of_line(desk.domes)
    done = _pickup(database, desk, _aid(key, 4))
    domes = next(a for a in _start(database, desk).aids if a.key == key)
    assert domes.quantity == 6 and not domes.on_open_pickup  # six are still the patient's to return
    with pytest.raises(InvalidInput, match="between 1 and 6"):
        _pickup(database, desk, _aid(key, 7))
    with database.read() as session:
        held = {a.article_name: a.quantity for a in _record(session, desk).aids_held}
        marked = {a.article_name: a.pickup_registered for a in _record(session, desk).aids_held}
    assert held["Dome 8 mm"] == 10
    assert marked["Dome 8 mm"]  # a line on an open pickup order is marked too, not only a device
    with database.write() as session:
        returns.close_pickup(session, desk.centre, done.id, TODAY)
    with database.read() as session:
        held = {a.article_name: a.quantity for a in _record(session, desk).aids_held}
        domes_id = session.get(OrderLine, desk.domes)
        assert domes_id is not None
        assert balance(session, desk.central, domes_id.article_id) == 4
    assert held["Dome 8 mm"] == 6


def test_r28_a_registered_pickup_order_is_cancelled_and_the_aid_is_the_patients_again(
    database: Database, desk: Desk
) -> None:
    done = _pickup(database, desk, _aid(returns.key_of_individual(desk.aid)))
    with database.write() as session:
        returns.cancel_pickup(session, desk.context, done.id)
    device = _status(database, desk.aid)
    assert device.status is IndividualStatus.DELIVERED and device.patient_id == desk.patient
    with database.read() as session:
        pickup = session.get(PickupOrder, done.id)
        assert pickup is not None and pickup.status is PickupStatus.CANCELLED
        assert not any(a.pickup_registered for a in _record(session, desk).aids_held)
    with database.write() as session, pytest.raises(RuleViolation, match="only a registered pickup order"):
        returns.cancel_pickup(session, desk.context, done.id)
    with database.write() as session, pytest.raises(RuleViolation, match="only a registered pickup order"):
        returns.close_pickup(session, desk.centre, done.id, TODAY)


def test_r28_only_the_aid_centre_closes_a_pickup_order(database: Database, desk: Desk) -> None:
    done = _pickup(database, desk, _aid(returns.key_of_individual(desk.aid)))
    with database.write() as session, pytest.raises(RuleViolation, match="Only the aid centre"):
        returns.close_pickup(session, desk.context, done.id, TODAY)
    assert _status(database, desk.aid).status is IndividualStatus.IN_TRANSIT


def test_r28_only_the_pickup_orders_own_service_location_cancels_it(database: Database, desk: Desk) -> None:
    done = _pickup(database, desk, _aid(returns.key_of_individual(desk.aid)))
    with database.write() as session, pytest.raises(RuleViolation, match="own service location"):
        returns.cancel_pickup(session, desk.private, done.id)
    elsewhere = replace(desk.centre, service_location_id=desk.private.service_location_id)
    with database.write() as session:
        returns.cancel_pickup(session, elsewhere, done.id)  # the aid centre may, from anywhere
    assert _status(database, desk.aid).status is IndividualStatus.DELIVERED


def test_r28_reason_other_needs_a_comment(database: Database, desk: Desk) -> None:
    key = returns.key_of_individual(desk.aid)
    with pytest.raises(InvalidInput, match="Other"):
        _register(
            database,
            desk.context,
            _request(
                Destination.CENTRAL_WAREHOUSE, desk.patient, _aid(key), reason=PickupReason.OTHER, comment=" "
            ),
        )
    done = _register(
        database,
        desk.context,
        _request(
            Destination.CENTRAL_WAREHOUSE,
            desk.patient,
            _aid(key),
            reason=PickupReason.OTHER,
            comment="Tappad i vatten.",
        ),
    )
    with database.read() as session:
        detail = returns.read_return(session, DocumentKind.PICKUP_ORDER, done.id)
    assert detail.reason is PickupReason.OTHER and detail.comment == "Tappad i vatten."


# ------------------------------------------------------------------------------------------------ R29


def test_r29_every_point_of_the_checklist_is_answered(database: Database, desk: Desk) -> None:
    key = returns.key_of_individual(desk.aid)
    partial = returns.all_done(tuple(CheckPoint)[:-1])
    for destination in (Destination.CENTRAL_WAREHOUSE, Destination.OWN_STOCK):
        with pytest.raises(InvalidInput, match="answer every point"):
            _register(
                database, desk.context, _request(destination, desk.patient, _aid(key, checklist=partial))
            )
    assert _status(database, desk.aid).status is IndividualStatus.DELIVERED  # nothing saved


def test_r29_a_point_that_cannot_be_done_needs_its_reason(database: Database, desk: Desk) -> None:
    key = returns.key_of_individual(desk.aid)
    answers = (*returns.all_done(tuple(CheckPoint)[:-1]), CheckAnswer(CheckPoint.ACCESSORIES_INCLUDED, False))
    with pytest.raises(InvalidInput, match="cannot be done"):
        _pickup(database, desk, _aid(key, checklist=answers))
    answers = (
        *answers[:-1],
        CheckAnswer(CheckPoint.ACCESSORIES_INCLUDED, False, "Laddaren saknas, patienten letar."),
    )
    done = _pickup(database, desk, _aid(key, checklist=answers))
    with database.read() as session:
        pickup = session.get(PickupOrder, done.id)
        assert pickup is not None and not pickup.checklist_completed


def test_r29_the_checklist_is_kept_with_the_return(database: Database, desk: Desk) -> None:
    answers = (
        *returns.all_done(tuple(CheckPoint)[1:]),
        CheckAnswer(CheckPoint.COMPLETE, False, "Originalförpackningen är slängd."),
    )
    done = _register(
        database,
        desk.context,
        _request(
            Destination.OWN_STOCK, desk.patient, _aid(returns.key_of_individual(desk.aid), checklist=answers)
        ),
    )
    with database.read() as session:
        detail = returns.read_return(session, DocumentKind.STOCK_RETURN, done.id)
        synced = session.scalar(
            select(func.count())
            .select_from(ChangeLogEntry)
            .where(ChangeLogEntry.table_name == "return_check")
        )
    (line,) = detail.lines
    assert [a.point for a in line.checklist] == list(CheckPoint)  # in the seed's order
    assert line.checklist[0] == CheckAnswer(CheckPoint.COMPLETE, False, "Originalförpackningen är slängd.")
    assert all(a.done for a in line.checklist[1:])
    assert synced == len(CheckPoint)  # travels with the return to the central server


# ------------------------------------------------------------------------------------------------ R30


def test_r30_return_to_own_stock_moves_the_aid_and_the_balance_at_once(
    database: Database, desk: Desk
) -> None:
    done = _register(
        database,
        desk.context,
        _request(
            Destination.OWN_STOCK,
            desk.patient,
            _aid(returns.key_of_individual(desk.aid)),
            _aid(returns.key_of_line(desk.domes), 3),
        ),
    )
    assert done.kind is DocumentKind.STOCK_RETURN
    device = _status(database, desk.aid)
    assert device.status is IndividualStatus.IN_STOCK and device.warehouse_id == desk.own
    assert device.patient_id is None and device.order_line_id is None
    with database.read() as session:
        domes = session.get(OrderLine, desk.domes)
        assert domes is not None
        assert balance(session, desk.own, device.article_id) == 1
        assert balance(session, desk.own, domes.article_id) == 3
        reasons = set(session.scalars(select(StockMovement.reason)))
        record = _record(session, desk)
    assert reasons == {MovementReason.RETURN_FROM_PATIENT}
    held = {(a.article_name, a.individual_number): a.quantity for a in record.aids_held}
    assert ("Oticon Intent 1", "412345678") not in held and held[("Dome 8 mm", "")] == 7
    returned = {(a.individual_number, a.document_number) for a in record.returned}
    assert ("412345678", done.number) in returned


def test_r30_a_private_clinic_returns_by_pickup_order_only(database: Database, desk: Desk) -> None:
    with database.seed() as session:  # even one that was given a warehouse of its own holds no stock
        session.add(
            Warehouse(
                code="P-PRIV",
                name="Privat",
                kind=WarehouseKind.OWN_STOCK,
                service_location_id=desk.private.service_location_id,
            )
        )
    start = _start(database, desk, desk.private)
    assert start.destinations == (Destination.CENTRAL_WAREHOUSE,)
    with pytest.raises(RuleViolation, match="holds no own stock"):
        _register(
            database,
            desk.private,
            _request(Destination.OWN_STOCK, desk.patient, _aid(returns.key_of_individual(desk.aid))),
        )
    assert _status(database, desk.aid).status is IndividualStatus.DELIVERED
    _register(
        database,
        desk.private,
        _request(Destination.CENTRAL_WAREHOUSE, desk.patient, _aid(returns.key_of_individual(desk.aid))),
    )
    assert _status(database, desk.aid).status is IndividualStatus.IN_TRANSIT


# ------------------------------------------------------------------------------------------------ R31


def _supplier_aid(individual_id: uuid.UUID, **fields) -> AidReturn:
    fields.setdefault("checklist", returns.all_done(returns.SUPPLIER_CHECK_POINTS))
    return AidReturn(returns.key_of_individual(individual_id), 1, **fields)


def test_r31_a_device_in_own_stock_goes_back_to_its_supplier_for_credit(
    database: Database, desk: Desk
) -> None:
    with database.read() as session:
        start = returns.returnable_aids(session, desk.context, individual_id=desk.in_stock, today=TODAY)
    assert start.destinations == (Destination.SUPPLIER,) and start.patient_id is None
    assert [a.in_own_stock for a in start.aids] == [True]
    done = _register(
        database,
        desk.context,
        _request(Destination.SUPPLIER, None, _supplier_aid(desk.in_stock), comment="Fel färg levererad."),
    )
    device = _status(database, desk.in_stock)
    assert device.status is IndividualStatus.AT_SUPPLIER and device.warehouse_id is None
    with database.read() as session:
        stock_return = session.get(StockReturn, done.id)
        assert stock_return is not None and stock_return.reason == "credit" and stock_return.supplier_id
        assert balance(session, desk.own, device.article_id) == -1  # the seeded device had no receipt
        detail = returns.read_return(session, DocumentKind.STOCK_RETURN, done.id)
    assert detail.destination is Destination.SUPPLIER and detail.reason_text == "Credit"
    assert detail.supplier.name == "Oticon AB"


def test_r31_only_a_device_in_own_stock_goes_to_the_supplier(database: Database, desk: Desk) -> None:
    for key_of in (desk.aid, desk.domes):
        key = returns.key_of_line(key_of) if key_of == desk.domes else returns.key_of_individual(key_of)
        with pytest.raises(RuleViolation, match="in your own stock"):
            _register(
                database,
                desk.context,
                _request(
                    Destination.SUPPLIER, None, AidReturn(key, 1, returns.all_done()), comment="Kredit."
                ),
            )
        with pytest.raises(RuleViolation, match="in your own stock"):
            _register(
                database,
                desk.context,
                _request(
                    Destination.SUPPLIER,
                    desk.patient,
                    AidReturn(key, 1, returns.all_done()),
                    comment="Kredit.",
                ),
            )
    assert _status(database, desk.aid).status is IndividualStatus.DELIVERED
    with database.read() as session, pytest.raises(RuleViolation, match="neither held by a patient"):
        returns.returnable_aids(session, desk.private, individual_id=desk.in_stock, today=TODAY)


def test_r31_a_return_to_the_supplier_needs_a_comment(database: Database, desk: Desk) -> None:
    with pytest.raises(InvalidInput, match="why the aid goes back to the supplier"):
        _register(database, desk.context, _request(Destination.SUPPLIER, None, _supplier_aid(desk.in_stock)))
    assert _status(database, desk.in_stock).status is IndividualStatus.IN_STOCK


def test_r31_the_supplier_checklist_is_completeness_and_packaging(database: Database, desk: Desk) -> None:
    """The supplier credits a complete product in its packaging: those three points must be answered; the
    points that ready an aid for the next patient are not asked."""
    missing = returns.all_done(returns.SUPPLIER_CHECK_POINTS[:-1])
    with pytest.raises(InvalidInput, match="answer every point"):
        _register(
            database,
            desk.context,
            _request(
                Destination.SUPPLIER, None, _supplier_aid(desk.in_stock, checklist=missing), comment="Fel."
            ),
        )
    assert returns.required_points(Destination.SUPPLIER) == (
        CheckPoint.COMPLETE,
        CheckPoint.PACKAGING_GOOD,
        CheckPoint.ACCESSORIES_INCLUDED,
    )
    _register(
        database,
        desk.context,
        _request(Destination.SUPPLIER, None, _supplier_aid(desk.in_stock), comment="Fel."),
    )


def test_r31_one_return_slip_per_supplier(database: Database, desk: Desk) -> None:
    with database.seed() as session:
        other = factories.article(
            session, "Phonak Audéo", individually_marked=True, article_type=ArticleType.MAIN_AID
        )
        second = _device(
            session, other.id, "700000001", status=IndividualStatus.IN_STOCK, warehouse_id=desk.own
        )
        second_id = second.id
    with pytest.raises(RuleViolation, match="one return slip per supplier"):
        _register(
            database,
            desk.context,
            _request(
                Destination.SUPPLIER,
                None,
                _supplier_aid(desk.in_stock),
                _supplier_aid(second_id),
                comment="Fel.",
            ),
        )
    assert _status(database, desk.in_stock).status is IndividualStatus.IN_STOCK


# ------------------------------------------------------------------------------------------------ R32


def test_r32_an_aid_of_a_known_infection_is_cleaned_before_it_is_returned(
    database: Database, desk: Desk
) -> None:
    key = returns.key_of_individual(desk.aid)
    with pytest.raises(RuleViolation, match="known infection"):
        _pickup(database, desk, _aid(key, infection_known=True))
    done = _pickup(database, desk, _aid(key, infection_known=True, cleaned=True))
    with database.read() as session:
        pickup = session.get(PickupOrder, done.id)
        assert pickup is not None and pickup.infection_known
        assert returns.read_return(session, DocumentKind.PICKUP_ORDER, done.id).infection_known


def test_r32_an_aid_of_an_incident_is_taken_into_own_stock_blocked(database: Database, desk: Desk) -> None:
    _register(
        database,
        desk.context,
        _request(
            Destination.OWN_STOCK, desk.patient, _aid(returns.key_of_individual(desk.aid), incident=True)
        ),
    )
    device = _status(database, desk.aid)
    assert device.status is IndividualStatus.BLOCKED and device.warehouse_id == desk.own
    assert device.patient_id is None
    with database.read() as session:
        note = session.scalars(
            select(IndividualEvent.note)
            .where(IndividualEvent.individual_id == desk.aid)
            .order_by(IndividualEvent.occurred_at.desc())
        ).first()
    assert note == returns.BLOCKED_MARK


def test_r32_an_aid_of_an_incident_is_taken_in_blocked_at_the_central_warehouse(
    database: Database, desk: Desk
) -> None:
    done = _pickup(
        database,
        desk,
        _aid(returns.key_of_individual(desk.aid), incident=True),
        _aid(returns.key_of_individual(desk.second_aid)),
    )
    assert _status(database, desk.aid).status is IndividualStatus.IN_TRANSIT  # travels like the others
    with database.read() as session:
        pickup = session.get(PickupOrder, done.id)
        assert pickup is not None and pickup.blocked_for_investigation
    with database.write() as session:
        returns.close_pickup(session, desk.centre, done.id, TODAY)
    blocked, cleared = _status(database, desk.aid), _status(database, desk.second_aid)
    assert blocked.status is IndividualStatus.BLOCKED and blocked.warehouse_id == desk.central
    assert cleared.status is IndividualStatus.IN_STOCK and cleared.warehouse_id == desk.central


def test_r32_an_aid_of_an_incident_does_not_go_to_the_supplier_for_credit(
    database: Database, desk: Desk
) -> None:
    with pytest.raises(RuleViolation, match="incident"):
        _register(
            database,
            desk.context,
            _request(Destination.SUPPLIER, None, _supplier_aid(desk.in_stock, incident=True), comment="Fel."),
        )
    assert _status(database, desk.in_stock).status is IndividualStatus.IN_STOCK


# ------------------------------------------------------------------------------------------------- R9


def _deceased(database: Database, desk: Desk) -> None:
    with database.seed() as session:
        patient = session.get(Patient, desk.patient)
        assert patient is not None
        patient.deceased_on = dt.date(2026, 11, 20)


def test_r9_a_deceased_patients_aids_are_all_to_be_returned(database: Database, desk: Desk) -> None:
    assert not _start(database, desk).deceased
    _deceased(database, desk)
    start = _start(database, desk)
    assert start.deceased
    assert {a.individual_number for a in start.aids} == {"412345678", "412345679", ""}
    everything = tuple(_aid(a.key, a.quantity) for a in start.choosable)
    with pytest.raises(RuleViolation, match="Patient deceased"):
        _register(database, desk.context, _request(Destination.CENTRAL_WAREHOUSE, desk.patient, *everything))
    done = _register(
        database,
        desk.context,
        _request(
            Destination.CENTRAL_WAREHOUSE, desk.patient, *everything, reason=PickupReason.PATIENT_DECEASED
        ),
    )
    assert not _start(database, desk).choosable  # every aid is on the pickup order
    with database.read() as session:
        detail = returns.read_return(session, DocumentKind.PICKUP_ORDER, done.id)
    assert detail.reason_text == "Patient deceased" and len(detail.lines) == 3


# --------------------------------------------------------------------------------------------- drafts


def test_a_draft_is_kept_on_this_workstation_and_never_in_the_change_log(
    database: Database, desk: Desk
) -> None:
    answers = {"destination": "own_stock", "aids": [returns.key_of_individual(desk.aid)], "page": 2}
    with database.write() as session:
        before = session.scalar(select(func.count()).select_from(ChangeLogEntry))
        returns.save_draft(session, desk.context, patient_id=desk.patient, answers=answers)
    with database.write() as session:
        returns.save_draft(session, desk.context, patient_id=desk.patient, answers={**answers, "page": 3})
    with database.read() as session:
        assert returns.load_draft(session, desk.context, patient_id=desk.patient) == {**answers, "page": 3}
        assert returns.load_draft(session, desk.centre, patient_id=desk.patient) is None  # the user's own
        assert returns.load_draft(session, desk.context, individual_id=desk.aid) is None
        assert session.scalar(select(func.count()).select_from(ChangeLogEntry)) == before
        assert session.scalar(select(func.count()).select_from(ReturnDraft)) == 1
    assert _status(database, desk.aid).status is IndividualStatus.DELIVERED  # nothing in the ledger
    with database.write() as session:
        returns.drop_draft(session, desk.context, patient_id=desk.patient)
    with database.read() as session:
        assert returns.load_draft(session, desk.context, patient_id=desk.patient) is None


def test_the_return_draft_table_is_local_to_the_workstation() -> None:
    from db.sync_protocol.values import synced_tables

    assert "return_draft" not in synced_tables() and "return_check" in synced_tables()


# --------------------------------------------------------------------------------------------- search


def test_returns_are_found_by_number_or_by_service_location_and_period_newest_first(
    database: Database, desk: Desk
) -> None:
    first = _pickup(database, desk, _aid(returns.key_of_individual(desk.aid)))
    second = _register(
        database,
        desk.context,
        _request(Destination.OWN_STOCK, desk.patient, _aid(returns.key_of_individual(desk.second_aid))),
    )
    third = _register(
        database,
        desk.context,
        _request(Destination.SUPPLIER, None, _supplier_aid(desk.in_stock), comment="Fel."),
    )
    with database.read() as session:
        pickup = session.get(PickupOrder, first.id)
        assert pickup is not None
        day = pickup.created_at.date()  # the day it was saved (the clock's, not the test's TODAY)
        hits = returns.search_returns(
            session, desk.context, service_location_id=desk.context.service_location_id, start=day, end=day
        )
        assert [h.number for h in hits] == [third.number, second.number, first.number]
        assert [h.destination for h in hits] == [
            Destination.SUPPLIER,
            Destination.OWN_STOCK,
            Destination.CENTRAL_WAREHOUSE,
        ]
        assert hits[2].status == "Registered" and hits[0].status == "Returned"
        assert hits[2].patient_label.startswith("Nilsson, Karin") and hits[0].patient_label == ""
        (by_number,) = returns.search_returns(
            session, desk.context, number=f"{second.number[:4]} {second.number[4:]}"
        )
        assert by_number.id == second.id and by_number.kind is DocumentKind.STOCK_RETURN
        assert not returns.search_returns(
            session, desk.context, service_location_id=desk.private.service_location_id
        )
        assert not returns.search_returns(session, desk.context, start=day + dt.timedelta(days=1))
        with pytest.raises(InvalidInput, match="not a return number"):
            returns.search_returns(session, desk.context, number="2649")


def test_a_return_names_its_patient_its_aids_once_and_only_aids_the_patient_holds(
    database: Database, desk: Desk
) -> None:
    key = returns.key_of_individual(desk.aid)
    with pytest.raises(InvalidInput, match="at least one aid"):
        _pickup(database, desk)
    with pytest.raises(InvalidInput, match="Choose the patient or the individual"):
        _register(database, desk.context, _request(Destination.CENTRAL_WAREHOUSE, None, _aid(key)))
    with pytest.raises(RuleViolation, match="no longer held here"):
        _pickup(database, desk, _aid(key), _aid(key))
    with pytest.raises(RuleViolation, match="no longer held here"):  # a device in stock, not the patient's
        _pickup(database, desk, _aid(returns.key_of_individual(desk.in_stock)))
    assert _status(database, desk.aid).status is IndividualStatus.DELIVERED


def test_r28_closing_takes_in_only_a_device_on_its_way_back(database: Database, desk: Desk) -> None:
    done = _pickup(database, desk, _aid(returns.key_of_individual(desk.aid)))
    with database.seed() as session:  # as a conflict settled on another workstation may leave it
        device = session.get(Individual, desk.aid)
        assert device is not None
        device.status = IndividualStatus.DELIVERED
    with database.write() as session, pytest.raises(RuleViolation, match="not on its way back"):
        returns.close_pickup(session, desk.centre, done.id, TODAY)
    with database.read() as session:
        assert session.scalar(select(func.count()).select_from(StockMovement)) == 0


def test_r28_cancelling_a_pickup_order_leaves_a_device_taken_in_on_another_where_it_is(
    database: Database, desk: Desk
) -> None:
    """Two workstations offline may both order one aid's pickup (sync merges the same change): once the
    central warehouse took it in on one, cancelling the other only cancels the paper."""
    first = _pickup(database, desk, _aid(returns.key_of_individual(desk.aid)))
    with database.seed() as session:  # the second pickup order, as sync brings it from the other desk
        second = PickupOrder(
            number="26499999",
            patient_id=desk.patient,
            service_location_id=desk.context.service_location_id,
            contact_user_id=desk.context.user_id,
            reason=PickupReason.MODEL_UNSUITABLE,
        )
        session.add(second)
        session.flush()
        device = session.get(Individual, desk.aid)
        assert device is not None
        session.add(
            PickupOrderLine(pickup_order_id=second.id, individual_id=desk.aid, article_id=device.article_id)
        )
        second_id = second.id
    with database.write() as session:  # still on its way for the first: cancelling the second keeps it so
        returns.cancel_pickup(session, desk.context, second_id)
    assert _status(database, desk.aid).status is IndividualStatus.IN_TRANSIT
    with database.write() as session:
        returns.close_pickup(session, desk.centre, first.id, TODAY)
    with database.seed() as session:
        row = session.get(PickupOrder, second_id)
        assert row is not None
        row.status = PickupStatus.REGISTERED
    with database.write() as session:  # taken in at 70: cancelling the other leaves it there
        returns.cancel_pickup(session, desk.centre, second_id)
    device_now = _status(database, desk.aid)
    assert device_now.status is IndividualStatus.IN_STOCK and device_now.warehouse_id == desk.central


def test_r30_a_device_handed_out_again_is_taken_in_again(database: Database, desk: Desk) -> None:
    """The booking that keeps two offline workstations from taking one device in twice is per hand-out:
    a device that went back to the patient (here twice) is taken into own stock each time."""
    key = returns.key_of_individual(desk.aid)
    for round_ in range(3):
        _register(database, desk.context, _request(Destination.OWN_STOCK, desk.patient, _aid(key)))
        with database.read() as session:
            article_id = _status(database, desk.aid).article_id
            assert balance(session, desk.own, article_id) == 1
        if round_ == 2:
            break
        with database.write() as session:  # handed out again from own stock (R10c), the same patient
            device = session.get(Individual, desk.aid)
            assert device is not None
            change_status(
                session,
                device,
                IndividualStatus.DELIVERED,
                user_id=desk.context.user_id,
                document=Document(DocumentKind.ORDER, uuid.uuid4()),
                warehouse_id=None,
                patient_id=desk.patient,
            )
            move(
                plain := PlainRows(),
                article_id=device.article_id,
                warehouse_id=desk.own,
                quantity=-1,
                reason=MovementReason.WITHDRAWAL,
                document=Document(DocumentKind.ORDER, None),
                user_id=desk.context.user_id,
                individual_id=device.id,
            )
            plain.write(session)
