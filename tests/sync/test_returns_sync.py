"""Returns made on two workstations while offline (R28, R30, R31): the same device returned two ways is a
conflict shown to a person, the central warehouse takes a device in once however many close its pickup
order, and a wizard's draft never leaves its workstation."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlalchemy import func, select

from app import returns
from app.database import Database
from app.numbers import HeldBlocksOnly, NumberAllocator
from app.organisation import WorkContext, work_context
from app.returns import AidReturn, Destination, ReturnDone, ReturnRequest
from app.stock import balance
from app.sync.client import list_issues, to_show
from app.sync.numbers import LeasingBlockSource, top_up
from app.sync.transport import Transport
from db.models import (
    ChangeLogEntry,
    Individual,
    PickupOrder,
    ReturnCheck,
    ReturnDraft,
    StockMovement,
    StockReturn,
    Warehouse,
)
from db.models.enums import IndividualStatus, PickupReason, PickupStatus, WarehouseKind
from tests.sync.test_client_integration import assert_converged, clinic  # noqa: F401 - the fixture
from tests.sync.test_client_support import central_engine, sync_until_quiet

TABLES = (
    "individual",
    "pickup_order",
    "pickup_order_line",
    "stock_return",
    "stock_return_line",
    "return_check",
)
OFFLINE = NumberAllocator(HeldBlocksOnly())


def _lease_numbers(clinic: dict[str, Any], today: dt.date) -> None:  # noqa: F811
    server = clinic["server"]
    for index, database in enumerate(clinic["desks"]):
        source = LeasingBlockSource(
            Transport(server.url, server.add_workstation(f"numbers-{index}")), size=20
        )
        top_up(database, source, today)


def _contexts(database: Database) -> tuple[WorkContext, WorkContext]:
    with database.read() as session:
        desk = work_context(session, username="anna.audionom", service_location_code="HM-LUND")
        centre = work_context(session, username="helena.hjalpmedel", service_location_code="HM-LUND")
    return desk, centre


def _held_device(database: Database, context: WorkContext, today: dt.date) -> tuple[uuid.UUID, str]:
    """A patient and the key of a hearing aid they hold that is on no pickup order."""
    with database.read() as session:
        for patient_id in session.scalars(
            select(Individual.patient_id)
            .where(Individual.status == IndividualStatus.DELIVERED, Individual.patient_id.is_not(None))
            .order_by(Individual.individual_number)
            .limit(50)
        ):
            assert patient_id is not None
            start = returns.returnable_aids(session, context, patient_id=patient_id, today=today)
            if start.deceased:
                continue
            for aid in start.choosable:
                if aid.individual_id is not None:
                    return patient_id, aid.key
    raise AssertionError("the demo holds delivered hearing aids")


def _return(
    database: Database,
    context: WorkContext,
    destination: Destination,
    patient_id: uuid.UUID | None,
    key: str,
    today: dt.date,
) -> ReturnDone:
    points = returns.required_points(destination)
    request = ReturnRequest(
        destination,
        patient_id,
        PickupReason.MODEL_UNSUITABLE,
        "Returneras offline.",
        (AidReturn(key, 1, returns.all_done(points)),),
    )
    with database.write() as session:
        return returns.register_return(session, context, OFFLINE, request, today)


def _device(database: Database, key: str) -> Individual:
    with database.read() as session:
        device = session.get(Individual, uuid.UUID(key.removeprefix("i:")))
        assert device is not None
        session.expunge(device)
        return device


def test_r28_r30_one_device_returned_two_ways_offline_is_a_conflict_shown_to_a_person(
    clinic: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    today = dt.date.today()
    _lease_numbers(clinic, today)
    a, b = clinic["desks"]
    context, _centre = _contexts(a)
    patient_id, key = _held_device(a, context, today)
    # The network is gone: desk A sends the aid to the central warehouse, desk B takes it into own stock.
    pickup = _return(a, context, Destination.CENTRAL_WAREHOUSE, patient_id, key, today)
    taken_in = _return(b, context, Destination.OWN_STOCK, patient_id, key, today)
    assert _device(a, key).status is IndividualStatus.IN_TRANSIT
    assert _device(b, key).status is IndividualStatus.IN_STOCK

    sync_until_quiet(clinic["clients"])  # A first: the server has the pickup order's version

    # Both left "delivered", which the lifecycle allows either way: desk B, whose change came second, is
    # shown the clash to decide, and meanwhile both desks hold the server's version.
    with a.read() as session:
        assert not to_show(list_issues(session))
    with b.read() as session:
        shown = to_show(list_issues(session))
    assert [(issue.kind, issue.table) for issue in shown] == [("individual_conflict", "individual")]
    assert "conflicting ways" in shown[0].description and "in_transit" in shown[0].description
    for database in (a, b):
        assert _device(database, key).status is IndividualStatus.IN_TRANSIT
    assert_converged(clinic, TABLES)
    with a.read() as session:  # both documents are kept for the person who decides
        assert session.get(PickupOrder, pickup.id) is not None
        assert session.get(StockReturn, taken_in.id) is not None


def test_r28_two_aid_centre_workstations_closing_one_pickup_order_offline_take_the_aid_in_once(
    clinic: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    today = dt.date.today()
    _lease_numbers(clinic, today)
    a, b = clinic["desks"]
    context, centre = _contexts(a)
    patient_id, key = _held_device(a, context, today)
    pickup = _return(a, context, Destination.CENTRAL_WAREHOUSE, patient_id, key, today)
    sync_until_quiet(clinic["clients"])  # the pickup order reaches the other workstation
    # The network is gone: the aid centre closes the same pickup order on both workstations.
    for database in (a, b):
        with database.write() as session:
            returns.close_pickup(session, centre, pickup.id, today)
    sync_until_quiet(clinic["clients"])
    assert_converged(clinic, (*TABLES, "stock_movement", "individual_event"))
    device = _device(a, key)
    for database in (a, b):
        with database.read() as session:
            assert not to_show(list_issues(session)), "nothing for a person to decide"
            central = session.scalars(
                select(Warehouse.id).where(Warehouse.kind == WarehouseKind.CENTRAL)
            ).one()
            booked = session.scalar(
                select(func.count()).select_from(StockMovement).where(StockMovement.document_id == pickup.id)
            )
            assert booked == 1
            pickup_row = session.get(PickupOrder, pickup.id)
            assert pickup_row is not None and pickup_row.status is PickupStatus.CLOSED
        closed = _device(database, key)
        assert closed.status is IndividualStatus.IN_STOCK and closed.warehouse_id == central
        assert closed.patient_id is None
    with a.read() as session:
        assert balance(session, central, device.article_id) >= 1


def test_a_draft_never_syncs_and_a_finished_return_does(
    clinic: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    today = dt.date.today()
    _lease_numbers(clinic, today)
    a, b = clinic["desks"]
    context, _centre = _contexts(a)
    patient_id, key = _held_device(a, context, today)
    with a.write() as session:
        returns.save_draft(
            session, context, patient_id=patient_id, answers={"destination": "own_stock", "aids": [key]}
        )
    sync_until_quiet(clinic["clients"])
    with b.read() as session:
        assert returns.load_draft(session, context, patient_id=patient_id) is None
        assert session.scalar(select(func.count()).select_from(ReturnDraft)) == 0
    with a.read() as session:
        assert returns.load_draft(session, context, patient_id=patient_id) is not None
        assert not session.scalar(
            select(func.count())
            .select_from(ChangeLogEntry)
            .where(ChangeLogEntry.table_name == "return_draft")
        )
    engine = central_engine(clinic["central_url"])
    try:
        with engine.connect() as connection:
            assert not connection.exec_driver_sql(
                "SELECT count(*) FROM sync_change WHERE table_name = 'return_draft'"
            ).scalar()
    finally:
        engine.dispose()
    # The wizard's last page saves the return: that travels, checklist and all.
    done = _return(a, context, Destination.OWN_STOCK, patient_id, key, today)
    with a.write() as session:
        returns.drop_draft(session, context, patient_id=patient_id)
    sync_until_quiet(clinic["clients"])
    assert_converged(clinic, TABLES)
    with b.read() as session:
        assert session.get(StockReturn, done.id) is not None
        assert session.scalar(select(func.count()).select_from(ReturnCheck)) == len(returns.CheckPoint)


def test_r28_one_device_on_two_pickup_orders_made_offline_is_taken_in_once_and_the_other_cancelled(
    clinic: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    today = dt.date.today()
    _lease_numbers(clinic, today)
    a, b = clinic["desks"]
    context, centre = _contexts(a)
    patient_id, key = _held_device(a, context, today)
    # The network is gone: both desks order the same aid's pickup. The lifecycle table decides: both made
    # the same change (delivered → on its way back), so the device agrees everywhere with no one to ask.
    first = _return(a, context, Destination.CENTRAL_WAREHOUSE, patient_id, key, today)
    second = _return(b, context, Destination.CENTRAL_WAREHOUSE, patient_id, key, today)
    sync_until_quiet(clinic["clients"])
    for database in (a, b):
        with database.read() as session:
            assert not to_show(list_issues(session))
            start = returns.returnable_aids(session, context, patient_id=patient_id, today=today)
        assert [aid.on_open_pickup for aid in start.aids if aid.key == key] == [True]
    # The parcel arrives once: the aid centre takes it in on the first and cancels the second.
    with a.write() as session:
        returns.close_pickup(session, centre, first.id, today)
    with a.write() as session:
        returns.cancel_pickup(session, centre, second.id)
    sync_until_quiet(clinic["clients"])
    assert_converged(clinic, (*TABLES, "stock_movement"))
    for database in (a, b):
        device = _device(database, key)
        assert device.status is IndividualStatus.IN_STOCK and device.patient_id is None
        with database.read() as session:
            statuses = {
                session.get(PickupOrder, first.id).status,
                session.get(PickupOrder, second.id).status,
            }
            moved = session.scalar(
                select(func.count())
                .select_from(StockMovement)
                .where(StockMovement.individual_id == device.id)
            )
            events = session.scalars(
                select(StockMovement.document_id).where(StockMovement.individual_id == device.id)
            ).all()
        assert statuses == {PickupStatus.CLOSED, PickupStatus.CANCELLED}
        assert first.id in events and second.id not in events and moved == len(events)


def _own_balance(database: Database, context: WorkContext, key: str) -> int:
    with database.read() as session:
        device = session.get(Individual, uuid.UUID(key.removeprefix("i:")))
        assert device is not None and device.warehouse_id is not None
        return balance(session, device.warehouse_id, device.article_id)


def test_r30_one_device_taken_into_own_stock_on_two_workstations_offline_is_booked_once(
    clinic: dict[str, Any],  # noqa: F811 - the fixture imported above
) -> None:
    today = dt.date.today()
    _lease_numbers(clinic, today)
    a, b = clinic["desks"]
    context, _centre = _contexts(a)
    patient_id, key = _held_device(a, context, today)
    # The network is gone: both desks take the same aid into the same own stock.
    _return(a, context, Destination.OWN_STOCK, patient_id, key, today)
    _return(b, context, Destination.OWN_STOCK, patient_id, key, today)
    before = _own_balance(a, context, key)
    assert _own_balance(b, context, key) == before

    reports = sync_until_quiet(clinic["clients"])

    # The device came in once: the second desk's booking is refused, and its ledger takes the server's.
    assert any(report.rejected for report in reports)
    assert _own_balance(a, context, key) == _own_balance(b, context, key) == before
    assert_converged(clinic, (*TABLES, "stock_movement"))
