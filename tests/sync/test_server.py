"""The central sync service over real HTTP on loopback, against a real PostgreSQL database."""

from __future__ import annotations

import datetime as dt
import itertools
import threading
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select, text

from db import migrate
from db.models import GoodsReceiptLine, Individual, Patient, StockMovement
from db.models.enums import IndividualStatus, individual_may_change
from db.server.app import ENDPOINTS
from db.server.models import ServerChangeRecord, Workstation
from db.sync_protocol.messages import SCHEMA_HEADER

_local_seq = itertools.count(1)
T0 = dt.datetime(2026, 11, 23, 8, 0, tzinfo=dt.UTC)


def at(minutes: float) -> str:
    return (T0 + dt.timedelta(minutes=minutes)).isoformat()


def now_iso() -> str:
    """This machine's clock (the test workstations' and the server's) as the protocol writes it."""
    return dt.datetime.now(dt.UTC).isoformat()


def change(
    table: str,
    operation: str,
    row_id: str,
    payload: dict[str, Any] | None = None,
    base: dict[str, Any] | None = None,
    recorded: float = 0,
) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "local_seq": next(_local_seq),
        "table": table,
        "row_id": row_id,
        "operation": operation,
        "payload": payload or {},
        "base": base,
        "recorded_at": at(recorded),
    }


def new_id() -> str:
    return str(uuid.uuid4())


def insert(table: str, recorded: float = 0, row_id: str | None = None, **values: Any) -> dict[str, Any]:
    row_id = row_id or new_id()
    return change(table, "insert", row_id, {"id": row_id, **values}, recorded=recorded)


class Workstation_:
    """A simulated workstation speaking the raw protocol."""

    def __init__(self, server: Any, name: str) -> None:
        self.name = name
        self.token = server.add_workstation(name)
        self.http = httpx.Client(
            base_url=server.url,
            headers={"Authorization": f"Bearer {self.token}", SCHEMA_HEADER: migrate.head_revision()},
            timeout=30,
        )

    def on(self, server: Any) -> Workstation_:
        """The same workstation (same token) talking to another server instance."""
        other = object.__new__(Workstation_)
        other.name, other.token = self.name, self.token
        other.http = httpx.Client(base_url=server.url, headers=self.http.headers, timeout=30)
        return other

    def upload(self, *changes: dict[str, Any], sent_at: dt.datetime | None = None) -> dict[str, Any]:
        moment = (sent_at or dt.datetime.now(dt.UTC)).isoformat()
        response = self.http.post("/v1/upload", json={"changes": list(changes), "sent_at": moment})
        assert response.status_code == 200, response.text
        return response.json()

    def download(self, after: int = 0, limit: int | None = None) -> dict[str, Any]:
        params = {"after": after} | ({"limit": limit} if limit else {})
        response = self.http.get("/v1/download", params=params)
        assert response.status_code == 200, response.text
        return response.json()

    def conflicts(self) -> list[dict[str, Any]]:
        response = self.http.get("/v1/conflicts")
        assert response.status_code == 200, response.text
        return response.json()

    def resolve(self, conflict_id: str, keep: int) -> httpx.Response:
        return self.http.post(f"/v1/conflicts/{conflict_id}/resolve", json={"keep": keep})


class World:
    """The rows every scenario needs: a supplier, an article, a location, warehouses, users, patients."""

    def __init__(self) -> None:
        self.supplier = insert("supplier", number="S1", name="Hörsel AB")
        self.article = insert(
            "article",
            article_number="A1",
            name="Behind-the-ear aid",
            supplier_id=self.supplier["row_id"],
            iso_code="222406",
            article_type="main_aid",
            individually_marked=True,
            price="4500.00",
        )
        self.location = insert("service_location", code="HC1", name="Hearing centre")
        self.warehouse = insert(
            "warehouse", code="70", name="Central", kind="central", service_location_id=None
        )
        self.user = insert("user_account", username="anna", full_name="Anna Andersson")
        self.patients = [
            insert(
                "patient",
                identity_number=f"19500101{n:04d}",
                identity_kind="personal",
                first_name="Pat",
                last_name=f"Ient{n}",
                first_name_key="pat",
                last_name_key=f"ient{n}",
                birth_date="1950-01-01",
                phone="040-100000",
            )
            for n in range(2)
        ]
        self.individual = insert(
            "individual",
            individual_number="I0001",
            serial_number="SN1",
            article_id=self.article["row_id"],
            status="in_stock",
            warehouse_id=self.warehouse["row_id"],
            purchase_date="2026-11-01",
        )

    def changes(self) -> list[dict[str, Any]]:
        return [
            self.supplier,
            self.article,
            self.location,
            self.warehouse,
            self.user,
            *self.patients,
            self.individual,
        ]

    def id(self, name: str) -> str:
        return str(getattr(self, name)["row_id"])


@pytest.fixture
def server(sync_server: Any) -> Any:
    return sync_server()


@pytest.fixture
def world(server: Any) -> World:
    w = World()
    result = Workstation_(server, "seed").upload(*w.changes())
    assert not result["rejected"], result["rejected"]
    return w


def count(server: Any, model: Any) -> int:
    with server.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(model.__table__)).scalar_one())


# --- security and schema ----------------------------------------------------------------------------


def test_missing_wrong_and_revoked_tokens_get_401_and_touch_nothing(server: Any) -> None:
    patient = World().patients[0]
    good = Workstation_(server, "reception-1")
    server.revoke("reception-1")
    headers = {SCHEMA_HEADER: migrate.head_revision()}
    attempts = {
        "missing": headers,
        "wrong": headers | {"Authorization": "Bearer not-a-token"},
        "not bearer": headers | {"Authorization": f"Basic {good.token}"},
        "revoked": headers | {"Authorization": f"Bearer {good.token}"},
    }
    with httpx.Client(base_url=server.url) as http:
        for what, attempt in attempts.items():
            upload = http.post("/v1/upload", json={"changes": [patient]}, headers=attempt)
            assert upload.status_code == 401, what
            assert upload.headers["www-authenticate"] == "Bearer"
            lease = http.post("/v1/numbers/lease", json={"year_week": "2648"}, headers=attempt)
            assert lease.status_code == 401, what
            assert http.get("/v1/download", headers=attempt).status_code == 401, what
            assert http.get("/v1/conflicts", headers=attempt).status_code == 401, what
        # The token is checked before the body is even read: nonsense without a token is still a 401.
        nonsense = http.post("/v1/upload", content=b"{not json", headers=headers)
        assert nonsense.status_code == 401
    assert count(server, Patient) == 0
    assert count(server, ServerChangeRecord) == 0
    with server.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM sync_number_lease")).scalar_one() == 0


def test_tokens_are_stored_only_as_their_hash(server: Any) -> None:
    token = server.add_workstation("reception-2")
    with server.engine.connect() as conn:
        stored = conn.execute(select(Workstation.__table__)).mappings().one()
    assert token not in {str(value) for value in stored.values()}
    assert len(stored["token_hash"]) == 64


def test_other_schema_revision_is_refused_with_a_sentence_naming_both(server: Any) -> None:
    ws = Workstation_(server, "reception-1")
    head = migrate.head_revision()
    response = ws.http.post("/v1/upload", json={"changes": []}, headers={SCHEMA_HEADER: "0001"})
    assert response.status_code == 409
    sentence = response.json()["detail"]
    assert "revision 0001" in sentence and f"revision {head}" in sentence and sentence.endswith(".")
    missing = httpx.get(f"{server.url}/v1/status", headers={"Authorization": f"Bearer {ws.token}"})
    assert missing.status_code == 409
    assert head in missing.json()["detail"]
    ok = ws.http.get("/v1/status")
    assert ok.status_code == 200 and ok.json()["schema_revision"] == head


def test_openapi_document_is_served_and_lists_exactly_the_endpoints(server: Any) -> None:
    document = httpx.get(f"{server.url}/openapi.json").json()
    served = {(method.upper(), path) for path, item in document["paths"].items() for method in item}
    assert served == set(ENDPOINTS)
    assert httpx.get(f"{server.url}/docs").status_code == 200


# --- upload ------------------------------------------------------------------------------------------


def test_resent_batch_is_applied_once(server: Any) -> None:
    ws = Workstation_(server, "reception-1")
    batch = World().changes()
    first = ws.upload(*batch)
    assert first["accepted"] == [c["id"] for c in batch] and not first["rejected"]
    again = ws.upload(*batch)
    assert again["accepted"] == first["accepted"]
    assert again["server_seq"] == first["server_seq"] == len(batch)
    assert count(server, ServerChangeRecord) == len(batch)
    assert count(server, Patient) == 2
    downloaded = ws.download()["changes"]
    assert [c["id"] for c in downloaded] == [c["id"] for c in batch]


def test_a_batch_repeating_a_change_id_applies_it_once(server: Any) -> None:
    ws = Workstation_(server, "reception-1")
    w = World()
    result = ws.upload(w.supplier, w.supplier)
    assert result["accepted"] == [w.supplier["id"]] * 2
    assert count(server, ServerChangeRecord) == 1


def test_applied_values_take_the_column_types_and_the_full_row_is_downloaded(
    server: Any, world: World
) -> None:
    ws = Workstation_(server, "reception-1")
    rows = {c["row_id"]: c for c in ws.download()["changes"]}
    article = rows[world.id("article")]["row"]
    assert article["price"] == "4500.00"
    assert article["individually_marked"] is True
    assert article["status"] == "active"  # a column default filled in on the server
    assert article["pack_size"] == 1
    with server.engine.connect() as conn:
        birth = conn.execute(
            select(Patient.birth_date).where(Patient.id == uuid.UUID(world.patients[0]["row_id"]))
        ).scalar_one()
    assert birth == dt.date(1950, 1, 1)


def test_insert_whose_reference_is_missing_is_rejected_with_a_sentence(server: Any) -> None:
    ws = Workstation_(server, "reception-1")
    orphan = insert(
        "individual", individual_number="I9", serial_number="SN9", article_id=new_id(), status="in_stock"
    )
    result = ws.upload(orphan)
    assert result["accepted"] == []
    (rejection,) = result["rejected"]
    assert rejection["id"] == orphan["id"]
    assert (
        rejection["reason"]
        == "The article row that this individual row refers to (article_id) is not on the server."
    )
    assert count(server, Individual) == 0


def test_a_reference_to_a_row_inserted_earlier_in_the_batch_is_accepted(server: Any) -> None:
    ws = Workstation_(server, "reception-1")
    w = World()
    result = ws.upload(w.supplier, w.article)
    assert len(result["accepted"]) == 2


def test_values_that_do_not_fit_are_rejected_with_a_sentence(server: Any) -> None:
    ws = Workstation_(server, "reception-1")
    w = World()
    bad_enum = insert("warehouse", code="71", name="X", kind="attic")
    unknown_table = insert("change_log", local_seq=1)
    unknown_column = insert("supplier", number="S2", name="Y", colour="red")
    result = ws.upload(w.supplier, bad_enum, unknown_table, unknown_column)
    assert result["accepted"] == [w.supplier["id"]]
    reasons = {r["id"]: r["reason"] for r in result["rejected"]}
    assert "does not fit the column warehouse.kind" in reasons[bad_enum["id"]]
    assert reasons[unknown_table["id"]] == "The table change_log does not travel through sync."
    assert reasons[unknown_column["id"]] == "The table supplier has no column colour."


def test_a_change_breaking_a_database_rule_is_rejected_alone(server: Any) -> None:
    ws = Workstation_(server, "reception-1")
    first = insert("supplier", number="S1", name="One")
    duplicate = insert("supplier", number="S1", name="Same number")
    too_long = insert("supplier", number="S" * 41, name="Number longer than the column")
    other = insert("supplier", number="S2", name="Two")
    result = ws.upload(first, duplicate, too_long, other)
    assert result["accepted"] == [first["id"], other["id"]]
    assert [r["id"] for r in result["rejected"]] == [duplicate["id"], too_long["id"]]
    for rejection in result["rejected"]:
        assert rejection["reason"].startswith("The central database refused this change")
    assert result["server_seq"] == 2
    assert [c["server_seq"] for c in ws.download()["changes"]] == [1, 2]


# --- conflict rules ----------------------------------------------------------------------------------


def test_stock_movements_add_up_and_are_never_changed(server: Any, world: World) -> None:
    north, south = Workstation_(server, "north"), Workstation_(server, "south")

    def movement(quantity: int) -> dict[str, Any]:
        return insert(
            "stock_movement",
            warehouse_id=world.id("warehouse"),
            article_id=world.id("article"),
            quantity=quantity,
            reason="withdrawal" if quantity < 0 else "goods_receipt",
        )

    a, b, c = movement(10), movement(-3), movement(-4)
    assert north.upload(a, b)["accepted"] == [a["id"], b["id"]]
    assert south.upload(c)["accepted"] == [c["id"]]
    with server.engine.connect() as conn:
        assert conn.execute(select(func.sum(StockMovement.quantity))).scalar_one() == 3
    edit = change("stock_movement", "update", a["row_id"], {"quantity": 12}, {"quantity": 10}, recorded=5)
    removal = change("stock_movement", "delete", b["row_id"], recorded=5)
    result = south.upload(edit, removal)
    assert result["accepted"] == []
    reasons = {r["id"]: r for r in result["rejected"]}
    assert "correcting movement" in reasons[edit["id"]]["reason"]
    assert reasons[edit["id"]]["current"]["quantity"] == 10
    assert "correcting movement" in reasons[removal["id"]]["reason"]
    with server.engine.connect() as conn:
        assert conn.execute(select(func.sum(StockMovement.quantity))).scalar_one() == 3


def _deliver(world: World, patient: int, recorded: float) -> dict[str, Any]:
    return change(
        "individual",
        "update",
        world.id("individual"),
        {"status": "delivered", "patient_id": world.patients[patient]["row_id"], "warehouse_id": None},
        {"status": "in_stock", "patient_id": None, "warehouse_id": world.id("warehouse")},
        recorded=recorded,
    )


def test_an_individual_delivered_to_two_patients_offline_is_a_conflict_for_a_person(
    server: Any, world: World
) -> None:
    north, south = Workstation_(server, "north"), Workstation_(server, "south")
    first, second = _deliver(world, 0, recorded=5), _deliver(world, 1, recorded=3)
    assert north.upload(first)["accepted"] == [first["id"]]
    result = south.upload(second)
    assert result["accepted"] == []
    (rejection,) = result["rejected"]
    assert rejection["current"]["patient_id"] == world.patients[0]["row_id"]
    assert rejection["current"]["status"] == "delivered"
    (conflict,) = result["conflicts"]
    assert conflict["kind"] == "individual_conflict" and conflict["status"] == "open"
    server_version, workstation_version = conflict["versions"]
    assert server_version["workstation"] == "north"
    assert server_version["row"]["patient_id"] == world.patients[0]["row_id"]
    assert workstation_version["workstation"] == "south"
    assert workstation_version["values"]["patient_id"] == world.patients[1]["row_id"]
    assert "I0001" in conflict["description"]
    # Kept by the server until a person decides; a re-send finds the same conflict, not a new one.
    again = south.upload(second)
    assert again["conflicts"][0]["id"] == conflict["id"]
    assert [c["id"] for c in north.conflicts()] == [conflict["id"]]
    with server.engine.connect() as conn:
        assert conn.execute(select(Individual.patient_id)).scalar_one() == uuid.UUID(
            world.patients[0]["row_id"]
        )

    before = north.download()["last_seq"]
    resolved = north.resolve(conflict["id"], keep=1)
    assert resolved.status_code == 200, resolved.text
    assert resolved.json()["status"] == "resolved"
    with server.engine.connect() as conn:
        assert conn.execute(select(Individual.patient_id)).scalar_one() == uuid.UUID(
            world.patients[1]["row_id"]
        )
    (news,) = north.download(after=before)["changes"]
    assert news["row"]["patient_id"] == world.patients[1]["row_id"] and news["workstation"] == "north"
    assert north.resolve(conflict["id"], keep=0).status_code == 409
    assert north.http.get("/v1/conflicts", params={"status": "open"}).json() == []


def test_an_individual_change_made_on_the_current_state_is_no_conflict(server: Any, world: World) -> None:
    north, south = Workstation_(server, "north"), Workstation_(server, "south")
    assert north.upload(_deliver(world, 0, recorded=5))["accepted"]
    back = change(
        "individual",
        "update",
        world.id("individual"),
        {"status": "in_stock", "patient_id": None, "warehouse_id": world.id("warehouse")},
        {"status": "delivered", "patient_id": world.patients[0]["row_id"], "warehouse_id": None},
        recorded=1,  # an older clock does not matter: it was made on what the server holds
    )
    result = south.upload(back)
    assert result["accepted"] == [back["id"]] and not result["conflicts"]
    with server.engine.connect() as conn:
        assert conn.execute(select(Individual.status)).scalar_one().value == "in_stock"


def test_the_server_refuses_an_individual_change_the_transition_table_does_not_allow(
    server: Any, world: World
) -> None:
    """The server judges an uploaded status change by the same table the workstations change devices by
    (``INDIVIDUAL_TRANSITIONS``): for every pair of different statuses, a change made on the state the
    server holds is accepted exactly when the table allows it; a refused one leaves the row as it was."""
    seed, north = Workstation_(server, "seed-devices"), Workstation_(server, "north")
    pairs = [(b, a) for b, a in itertools.product(IndividualStatus, IndividualStatus) if b is not a]
    devices = [
        insert(
            "individual",
            individual_number=f"T{n:04d}",
            serial_number=f"SN-T{n}",
            article_id=world.id("article"),
            status=before.value,
            warehouse_id=world.id("warehouse"),
            purchase_date="2026-11-01",
        )
        for n, (before, _after) in enumerate(pairs)
    ]
    assert not seed.upload(*devices)["rejected"]
    changes = [
        change("individual", "update", device["row_id"], {"status": after.value}, {"status": before.value})
        for device, (before, after) in zip(devices, pairs, strict=True)
    ]
    result = north.upload(*changes)
    accepted = set(result["accepted"])
    assert {pair for pair, c in zip(pairs, changes, strict=True) if c["id"] in accepted} == {
        pair for pair in pairs if individual_may_change(*pair)
    }
    refused = {r["id"]: r for r in result["rejected"]}
    assert len(refused) == len(pairs) - len(accepted) and not result["conflicts"]
    scrapped_to_delivered = pairs.index((IndividualStatus.SCRAPPED, IndividualStatus.DELIVERED))
    rejection = refused[changes[scrapped_to_delivered]["id"]]
    assert rejection["reason"] == (
        f"Individual T{scrapped_to_delivered:04d} cannot change from scrapped to delivered (the server has it "
        "scrapped); check where the device really is."
    )
    assert rejection["current"]["status"] == "scrapped"
    with server.engine.connect() as conn:
        stored = {row.individual_number: row.status for row in conn.execute(select(Individual.__table__))}
    assert [stored[f"T{n:04d}"] for n in range(len(pairs))] == [
        after if individual_may_change(before, after) else before for before, after in pairs
    ]


def test_keeping_the_server_version_sends_it_to_every_workstation(server: Any, world: World) -> None:
    north, south = Workstation_(server, "north"), Workstation_(server, "south")
    north.upload(_deliver(world, 0, recorded=5))
    (conflict,) = south.upload(_deliver(world, 1, recorded=6))["conflicts"]
    before = south.download()["last_seq"]
    assert south.resolve(conflict["id"], keep=0).status_code == 200
    (news,) = south.download(after=before)["changes"]
    assert news["row"]["patient_id"] == world.patients[0]["row_id"]
    assert south.resolve(conflict["id"], keep=5).status_code == 409
    assert south.resolve(str(uuid.uuid4()), keep=0).status_code == 404


def _receipt_world(server: Any, world: World) -> dict[str, Any]:
    order = insert(
        "customer_order",
        kind="prescription",
        status="sent",
        number="26480001",
        patient_id=world.patients[0]["row_id"],
        orderer_id=world.id("user"),
        service_location_id=world.id("location"),
    )
    line = insert(
        "order_line", order_id=order["row_id"], line_number=1, article_id=world.id("article"), quantity=1
    )
    receipts = [
        insert(
            "goods_receipt",
            order_id=order["row_id"],
            received_by_id=world.id("user"),
            service_location_id=world.id("location"),
        )
        for _ in range(2)
    ]
    assert not Workstation_(server, "orders").upload(order, line, *receipts)["rejected"]
    return {"line": line, "receipts": receipts}


def test_the_same_receipt_line_received_twice_is_a_conflict(server: Any, world: World) -> None:
    rows = _receipt_world(server, world)
    north, south = Workstation_(server, "north"), Workstation_(server, "south")

    def receive(receipt: int, quantity: int) -> dict[str, Any]:
        return insert(
            "goods_receipt_line",
            goods_receipt_id=rows["receipts"][receipt]["row_id"],
            order_line_id=rows["line"]["row_id"],
            quantity=quantity,
            unit_price="4500.00",
        )

    first, second = receive(0, 1), receive(1, 2)
    assert north.upload(first)["accepted"] == [first["id"]]
    result = south.upload(second)
    assert result["accepted"] == []
    assert result["rejected"][0]["current"] is None
    (conflict,) = result["conflicts"]
    assert conflict["kind"] == "receipt_line_received_twice"
    assert [v["workstation"] for v in conflict["versions"]] == ["north", "south"]
    assert count(server, GoodsReceiptLine) == 1

    assert south.resolve(conflict["id"], keep=1).status_code == 200
    with server.engine.connect() as conn:
        (kept,) = conn.execute(select(GoodsReceiptLine.id, GoodsReceiptLine.quantity)).all()
    assert kept == (uuid.UUID(second["row_id"]), 2)
    operations = [(c["operation"], c["row_id"]) for c in north.download()["changes"]][-2:]
    assert operations == [("delete", first["row_id"]), ("insert", second["row_id"])]


def test_a_plain_field_takes_the_newest_edit(server: Any, world: World) -> None:
    north, south = Workstation_(server, "north"), Workstation_(server, "south")
    patient = world.patients[0]["row_id"]

    def phone(number: str, recorded: float) -> dict[str, Any]:
        return change(
            "patient", "update", patient, {"phone": number}, {"phone": "040-100000"}, recorded=recorded
        )

    newer, older = phone("040-222222", recorded=10), phone("040-111111", recorded=5)
    assert north.upload(newer)["accepted"] == [newer["id"]]
    before = south.download()["last_seq"]
    result = south.upload(older)
    assert result["accepted"] == [older["id"]] and not result["rejected"] and not result["conflicts"]
    with server.engine.connect() as conn:
        assert (
            conn.execute(select(Patient.phone).where(Patient.id == uuid.UUID(patient))).scalar_one()
            == "040-222222"
        )
    # The older edit lost: the server's row goes out again under an id of its own, so south takes it too.
    (correction,) = south.download(after=before)["changes"]
    assert correction["id"] != older["id"] and correction["row"]["phone"] == "040-222222"
    assert south.upload(older)["accepted"] == [older["id"]]
    assert south.download()["last_seq"] == correction["server_seq"]
    newest = phone("040-333333", recorded=20)
    assert south.upload(newest)["accepted"] == [newest["id"]]
    with server.engine.connect() as conn:
        assert (
            conn.execute(select(Patient.phone).where(Patient.id == uuid.UUID(patient))).scalar_one()
            == "040-333333"
        )


def test_a_change_to_a_row_deleted_elsewhere_is_reported_not_dropped(server: Any, world: World) -> None:
    north, south = Workstation_(server, "north"), Workstation_(server, "south")
    patient = world.patients[1]["row_id"]
    removal = change("patient", "delete", patient, recorded=5)
    assert north.upload(removal)["accepted"] == [removal["id"]]
    edit = change("patient", "update", patient, {"phone": "040-999999"}, {"phone": "040-100000"}, recorded=6)
    result = south.upload(edit)
    (rejection,) = result["rejected"]
    assert "deleted elsewhere" in rejection["reason"] and rejection["current"] is None
    (conflict,) = result["conflicts"]
    assert conflict["kind"] == "row_deleted_elsewhere"
    assert conflict["versions"][0]["deleted"] is True and conflict["versions"][1]["workstation"] == "south"
    assert south.resolve(conflict["id"], keep=1).status_code == 200
    with server.engine.connect() as conn:
        restored = conn.execute(
            select(Patient.phone, Patient.last_name).where(Patient.id == uuid.UUID(patient))
        ).one()
    assert restored == ("040-999999", "Ient1")


def test_a_change_to_a_row_the_server_never_had_is_rejected(server: Any) -> None:
    ws = Workstation_(server, "north")
    edit = change("patient", "update", new_id(), {"phone": "1"})
    (rejection,) = ws.upload(edit)["rejected"]
    assert rejection["reason"] == "The patient row this change is about is not on the server."


# --- download ------------------------------------------------------------------------------------------


def test_download_comes_in_pages_and_deletions_as_tombstones(server: Any) -> None:
    ws = Workstation_(server, "north")
    suppliers = [insert("supplier", number=f"S{n}", name=f"Supplier {n}") for n in range(12)]
    removal = change("supplier", "delete", suppliers[3]["row_id"], recorded=1)
    ws.upload(*suppliers, removal)
    pages, after = [], 0
    while True:
        page = ws.download(after=after, limit=5)
        pages.append(page)
        after = page["last_seq"]
        if not page["more"]:
            break
    assert [len(p["changes"]) for p in pages] == [5, 5, 3]
    assert [p["more"] for p in pages] == [True, True, False]
    changes = [c for p in pages for c in p["changes"]]
    assert [c["server_seq"] for c in changes] == list(range(1, 14))
    tombstone = changes[-1]
    assert tombstone["operation"] == "delete" and tombstone["row"] == {}
    assert tombstone["row_id"] == suppliers[3]["row_id"]
    idle = ws.download(after=13)
    assert idle == {"changes": [], "last_seq": 13, "more": False}
    assert ws.http.get("/v1/download", params={"limit": 5001}).status_code == 422


# --- number leases and several instances -----------------------------------------------------------------


def test_number_leases_never_overlap_even_concurrently_from_two_instances(sync_server: Any) -> None:
    one = sync_server()
    two = sync_server(one.database_url)
    workstations = [Workstation_(one, "north"), Workstation_(two, "south")]
    workstations += [workstations[0].on(two), workstations[1].on(one)]
    blocks: list[tuple[int, int]] = []
    errors: list[str] = []
    lock = threading.Lock()

    def lease_many(ws: Workstation_) -> None:
        for _ in range(12):
            response = ws.http.post("/v1/numbers/lease", json={"year_week": "2648", "size": 37})
            if response.status_code != 200:
                errors.append(response.text)
                continue
            body = response.json()
            with lock:
                blocks.append((body["first"], body["last"]))

    threads = [threading.Thread(target=lease_many, args=(ws,)) for ws in workstations for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert len(blocks) == 96
    blocks.sort()
    assert blocks[0][0] == 1
    for (_first, last), (next_first, _last) in itertools.pairwise(blocks):
        assert next_first == last + 1
    other_week = workstations[0].http.post("/v1/numbers/lease", json={"year_week": "2649"})
    assert (other_week.json()["first"], other_week.json()["last"]) == (1, 200)


def test_a_week_whose_numbers_are_all_handed_out_is_refused_with_a_sentence(server: Any) -> None:
    ws = Workstation_(server, "north")
    whole = ws.http.post("/v1/numbers/lease", json={"year_week": "2648", "size": 9999})
    assert (whole.json()["first"], whole.json()["last"]) == (1, 9999)
    refused = ws.http.post("/v1/numbers/lease", json={"year_week": "2648", "size": 1})
    assert refused.status_code == 409
    assert refused.json()["detail"] == "Every number of week 2648 has been handed out."


def test_two_instances_on_one_database_behave_as_one(sync_server: Any) -> None:
    one = sync_server()
    two = sync_server(one.database_url)
    north = Workstation_(one, "north")
    north_on_two = north.on(two)
    w = World()
    first = north.upload(*w.changes())
    # The batch re-sent to the other instance (a lost reply, a load balancer) is not applied again.
    assert north_on_two.upload(*w.changes())["accepted"] == first["accepted"]
    assert north.download() == north_on_two.download()
    assert count(one, ServerChangeRecord) == len(w.changes())

    # Concurrent uploads through both instances: every change applied once, sequence numbers gap-free.
    batches = [[insert("supplier", number=f"T{t}-{n}", name="x") for n in range(40)] for t in range(6)]
    results: list[dict[str, Any]] = []

    def send(t: int) -> None:
        ws = north if t % 2 else north_on_two
        results.append(ws.upload(*batches[t]))

    threads = [threading.Thread(target=send, args=(t,)) for t in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sum(len(r["accepted"]) for r in results) == 240
    seqs = [c["server_seq"] for c in north_on_two.download()["changes"]]
    assert seqs == list(range(1, len(w.changes()) + 241))


def test_a_conflict_survives_a_batch_that_is_redone_change_by_change(server: Any, world: World) -> None:
    north, south = Workstation_(server, "north"), Workstation_(server, "south")
    north.upload(_deliver(world, 0, recorded=5))
    clash = _deliver(world, 1, recorded=6)
    duplicate = insert("supplier", number="S1", name="Same number as the world's")
    fine = insert("supplier", number="S9", name="New")
    result = south.upload(clash, duplicate, fine)
    assert result["accepted"] == [fine["id"]]
    assert {r["id"] for r in result["rejected"]} == {clash["id"], duplicate["id"]}
    (conflict,) = result["conflicts"]
    assert [c["id"] for c in south.conflicts()] == [conflict["id"]]
