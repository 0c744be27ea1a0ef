"""Two and three workstations work offline with interleaved random operations, then sync in random orders
(a hypothesis state machine against the real server on PostgreSQL): afterwards every workstation holds
exactly the server's rows, nothing is lost or duplicated, and every conflict is recorded.
"""

from __future__ import annotations

import collections
import datetime as dt
import random
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from hypothesis import Phase, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import Engine, func, select

from app import patients
from app.database import Database
from app.errors import RuleViolation
from app.numbers import NumberAllocator
from app.sync.client import SyncClient, list_issues
from app.sync.numbers import LeasingBlockSource, top_up
from app.sync.transport import Transport
from db.models import (
    Article,
    ChangeLogEntry,
    Individual,
    Order,
    Patient,
    PatientAccessLog,
    ServiceLocation,
    StockMovement,
    User,
    Warehouse,
)
from db.models.enums import IndividualStatus, MovementReason, NumberSeries, OrderKind
from db.server.service import correction_id
from db.sync_protocol.messages import ConflictOut, DownloadResponse
from tests.sync.test_client_support import (
    central_engine,
    client,
    differences,
    load_baseline,
    local_state,
    server_state,
    sync_until_quiet,
    workstation,
)

TABLES = ("patient", "patient_access_log", "stock_movement", "customer_order", "individual")
#: Orders are numbered in a week of their own, so leased numbers never meet the demo data's.
ORDER_DAY = dt.date(2030, 1, 9)
STATUSES = (IndividualStatus.IN_STOCK, IndividualStatus.IN_REPAIR, IndividualStatus.BLOCKED)


class OfflineSource:
    """While working offline a workstation has only the blocks it leased before."""

    def lease(self, year_week: str) -> tuple[int, int] | None:
        return None


@dataclass
class Desk:
    name: str
    database: Database
    client: SyncClient
    leasing: LeasingBlockSource


@dataclass
class Clinic:
    desks: list[Desk]
    engine: Engine
    patients: list[uuid.UUID]
    individuals: list[uuid.UUID]
    user_id: uuid.UUID
    location_id: uuid.UUID
    stock: list[tuple[uuid.UUID, uuid.UUID]]  # (warehouse, article)
    history: dict[str, Any] = field(default_factory=dict)


@pytest.fixture(params=[2, 3], ids=["two-workstations", "three-workstations"])
def clinic(request, demo_template, central_url: str, sync_server, tmp_path: Path):  # type: ignore[no-untyped-def]
    load_baseline(demo_template[0], central_url)
    server = sync_server()
    desks = []
    for index in range(request.param):
        name = f"desk-{index}"
        database = workstation(demo_template[0], tmp_path / name)
        desks.append(
            Desk(
                name,
                database,
                client(database, server.url, server.add_workstation(name), name, batch_size=40, page_size=30),
                LeasingBlockSource(Transport(server.url, server.add_workstation(f"{name}-numbers")), size=4),
            )
        )
    first = desks[0].database
    with first.read() as session:
        made = Clinic(
            desks=desks,
            engine=central_engine(central_url),
            patients=list(session.scalars(select(Patient.id).order_by(Patient.identity_number).limit(4))),
            individuals=list(
                session.scalars(select(Individual.id).order_by(Individual.individual_number).limit(3))
            ),
            user_id=session.scalars(select(User.id).order_by(User.id).limit(1)).one(),
            location_id=session.scalars(
                select(ServiceLocation.id).order_by(ServiceLocation.id).limit(1)
            ).one(),
            stock=[
                (w, a)
                for w in session.scalars(select(Warehouse.id).order_by(Warehouse.id).limit(2))
                for a in session.scalars(select(Article.id).order_by(Article.id).limit(2))
            ],
        )
    yield made
    for desk in desks:
        desk.client.close()
        desk.leasing.transport.close()
        desk.database.dispose()
    made.engine.dispose()


def count(engine: Engine, model: Any) -> int:
    with engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(model.__table__)) or 0)


class Workstations(RuleBasedStateMachine):
    """The clinic's desks work offline; now and then some of them sync."""

    clinic: Clinic
    #: What all runs together exercised (so a test that passes has really met conflicts and numbers).
    seen: dict[str, int]

    def __init__(self) -> None:
        super().__init__()
        self.rng = random.Random(0)
        desks = self.clinic.desks
        sync_until_quiet([d.client for d in desks])  # a converged start (the previous run ends converged)
        engine = self.clinic.engine
        self.access_before = count(engine, PatientAccessLog)
        self.movements_before = count(engine, StockMovement)
        self.opened = 0
        self.movements: set[uuid.UUID] = set()
        self.orders: dict[uuid.UUID, str] = {}
        self.last_phone: dict[uuid.UUID, str] = {}
        self.individual_edits = 0

    def desk(self, index: int) -> Desk:
        return self.clinic.desks[index % len(self.clinic.desks)]

    @rule(desk=st.integers(0, 2), patient=st.integers(0, 3), number=st.integers(1_000_000, 9_999_999))
    def edit_phone(self, desk: int, patient: int, number: int) -> None:
        patient_id = self.clinic.patients[patient]
        phone = f"070-{number}"
        with self.desk(desk).database.write() as session:
            before = session.get(Patient, patient_id)
            unchanged = before is not None and before.phone == patients.normalise_phone(phone)
            patients.update_phone(session, patient_id=patient_id, phone=phone)
        if not unchanged:  # typing the number the desk already shows is no edit (nothing is logged)
            self.last_phone[patient_id] = patients.normalise_phone(phone)

    @rule(desk=st.integers(0, 2), patient=st.integers(0, 3))
    def open_record(self, desk: int, patient: int) -> None:
        with self.desk(desk).database.write() as session:
            patients.open_patient_record(
                session,
                patient_id=self.clinic.patients[patient],
                user_id=self.clinic.user_id,
                service_location_id=self.clinic.location_id,
            )
        self.opened += 1

    @rule(desk=st.integers(0, 2), place=st.integers(0, 3), quantity=st.integers(-3, 5).filter(bool))
    def move_stock(self, desk: int, place: int, quantity: int) -> None:
        warehouse_id, article_id = self.clinic.stock[place % len(self.clinic.stock)]
        movement = StockMovement(
            warehouse_id=warehouse_id,
            article_id=article_id,
            quantity=quantity,
            reason=MovementReason.GOODS_RECEIPT if quantity > 0 else MovementReason.WITHDRAWAL,
            user_id=self.clinic.user_id,
        )
        with self.desk(desk).database.write() as session:
            session.add(movement)
        self.movements.add(movement.id)

    @rule(desk=st.integers(0, 2))
    def send_order(self, desk: int) -> None:
        """An order gets a number from the desk's leased blocks; with none left it is refused, unsaved."""
        allocator = NumberAllocator(OfflineSource())
        try:
            with self.desk(desk).database.write() as session:
                order = Order(
                    number=allocator.allocate(session, NumberSeries.ORDER, ORDER_DAY),
                    kind=OrderKind.REPLENISHMENT,
                    orderer_id=self.clinic.user_id,
                    service_location_id=self.clinic.location_id,
                )
                session.add(order)
        except RuleViolation:
            self.seen["orders refused: no number left"] += 1
            return
        self.orders[order.id] = order.number or ""

    @rule(desk=st.integers(0, 2), which=st.integers(0, 2), status=st.sampled_from(STATUSES))
    def change_individual(self, desk: int, which: int, status: IndividualStatus) -> None:
        with self.desk(desk).database.write() as session:
            individual = session.get(Individual, self.clinic.individuals[which])
            assert individual is not None
            if individual.status != status:
                individual.status = status
                self.individual_edits += 1

    @initialize(which=st.integers(0, 2))
    def two_desks_change_one_individual(self, which: int) -> None:
        """Every run starts with two desks changing the same device differently while offline, so the
        runs meet individual conflicts whatever the other steps draw."""
        self.change_individual(0, which, STATUSES[1])
        self.change_individual(1, which, STATUSES[2])

    @rule(desk=st.integers(0, 2))
    def sync_one(self, desk: int) -> None:
        chosen = self.desk(desk)
        report = chosen.client.sync_once()
        assert report.ok, report.message
        top_up(chosen.database, chosen.leasing, ORDER_DAY)

    @precondition(lambda self: len(self.clinic.desks) > 1)
    @rule(order=st.permutations([0, 1, 2]))
    def sync_in_order(self, order: list[int]) -> None:
        for index in order:
            if index < len(self.clinic.desks):
                self.sync_one(index)

    def teardown(self) -> None:
        clinic = self.clinic
        desks = clinic.desks
        sync_until_quiet([d.client for d in desks])
        central = server_state(clinic.engine, TABLES)
        for desk in desks:
            assert differences(local_state(desk.database, TABLES), central) == [], desk.name
            assert desk.client.status().pending_changes == 0

        # Nothing lost, nothing twice.
        assert count(clinic.engine, PatientAccessLog) == self.access_before + self.opened
        assert count(clinic.engine, StockMovement) == self.movements_before + len(self.movements)
        assert self.movements <= {uuid.UUID(k) for k in central["stock_movement"]}
        numbers = {uuid.UUID(k): row["number"] for k, row in central["customer_order"].items()}
        assert all(numbers.get(order_id) == number for order_id, number in self.orders.items())
        assert len(set(numbers.values())) == len(numbers)
        for patient_id, phone in self.last_phone.items():
            assert central["patient"][str(patient_id)]["phone"] == phone  # the newest edit stands

        # Every change made here is on the server, or was rejected as a conflict a person will see.
        transport = desks[0].client.transport
        applied: set[uuid.UUID] = set()
        after = 0
        while True:
            page = transport.call(
                "GET", "/download", DownloadResponse, params={"after": after, "limit": 5000}
            )
            ids = [c.id for c in page.changes]
            assert len(set(ids)) == len(ids) and not applied & set(ids)
            applied.update(ids)
            after = page.last_seq
            if not page.more:
                break
        server_conflicts = {c.id: c for c in _conflicts(transport)}
        recorded: set[uuid.UUID] = set()
        for desk in desks:
            with desk.database.read() as session:
                made = set(session.scalars(select(ChangeLogEntry.id)))
                issues = list_issues(session)
            rejected = {i.id for i in issues if i.kind == "rejected"}
            recorded |= {i.id for i in issues if i.kind != "rejected"}
            # A change whose every field lost to a newer edit is answered by the server's row under the
            # change's correction id (so its writer takes the newer values too).
            arrived = {c for c in made if c in applied or correction_id(c) in applied}
            assert made - arrived <= rejected, f"{desk.name} lost changes"
            conflicted = {
                uuid.UUID(v["change_id"])
                for c in server_conflicts.values()
                for v in c.versions
                if v.get("workstation") == desk.name and v.get("change_id")
            }
            assert rejected <= conflicted, "a rejection that is not a conflict"
        assert recorded == set(server_conflicts), "every conflict is recorded where it arose"
        self.seen["conflicts"] = len(server_conflicts)
        self.seen["numbered orders"] += len(self.orders)
        self.seen["phone edits"] += len(self.last_phone)
        self.seen["stock movements"] += len(self.movements)


def _conflicts(transport: Transport) -> list[ConflictOut]:
    from pydantic import TypeAdapter

    response = transport.http.get(transport.base + "/conflicts", headers=transport._headers)
    response.raise_for_status()
    return TypeAdapter(list[ConflictOut]).validate_json(response.content)


def test_workstations_working_offline_converge_with_nothing_lost_or_duplicated(clinic: Clinic) -> None:
    Workstations.clinic = clinic
    Workstations.seen = collections.Counter()
    run_state_machine_as_test(
        Workstations,
        settings=settings(
            max_examples=20,
            stateful_step_count=30,
            deadline=None,
            derandomize=True,
            phases=[Phase.explicit, Phase.generate],  # each step talks to a real server: no slow shrinking
        ),
    )
    seen = Workstations.seen
    assert all(seen[k] > 0 for k in ("conflicts", "numbered orders", "orders refused: no number left")), seen
