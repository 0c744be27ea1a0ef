"""The sync client against an in-memory stand-in for the server (``httpx.MockTransport``).

These tests pin the client's own behaviour: what it sends, how it records answers, and how every kind of
failure (offline, a lost reply, 401, 409, garbage) leaves the workstation with nothing lost.
The real server on PostgreSQL is exercised in ``test_client_integration.py`` and the convergence tests.
"""

from __future__ import annotations

import datetime as dt
import gc
import json
import shutil
import stat
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import keyring
import keyring.backend
import pytest
from sqlalchemy import func, select

from app import patients
from app.changelog import json_value
from app.database import DATABASE_FILE, Database
from app.errors import InvalidInput, NotFound, RuleViolation
from app.numbers import NumberAllocator
from app.sync import settings
from app.sync.client import (
    LAST_SERVER_SEQ,
    SyncClient,
    SyncIssue,
    acknowledge_rejection,
    get_setting,
    list_issues,
    versions_for_people,
)
from app.sync.numbers import LeasingBlockSource, top_up
from app.sync.transport import GARBAGE, OFFLINE, Transport
from db.base import Base
from db.models import ChangeLogEntry, NumberBlock, Patient, PatientAccessLog, User
from db.sync_protocol.messages import (
    MAX_PAGE,
    Change,
    ConflictOut,
    DownloadResponse,
    LeaseRequest,
    LeaseResponse,
    ServerChange,
    UploadRequest,
    UploadResponse,
)
from db.sync_protocol.values import from_json
from tests.sync.test_client_support import clear_demo_mark

TOKEN = "good-token"


class FakeServer:
    """Just enough of the protocol: accept everything once per change id, stamp, serve pages, lease."""

    def __init__(self, baseline: Database | None = None) -> None:
        #: The demo data every workstation starts from (the central database holds the same rows).
        self.baseline = baseline
        self.changes: list[ServerChange] = []
        self.seen: set[uuid.UUID] = set()
        self.rows: dict[uuid.UUID, dict[str, Any]] = {}
        self.leased: dict[tuple[str, str], int] = {}
        self.requests: list[httpx.Request] = []
        #: Answer the next request with this instead (a function of the request).
        self.misbehave: Callable[[httpx.Request], httpx.Response] | None = None
        #: Apply the next upload, then cut the connection before the reply.
        self.lose_next_reply = False
        self.reject: Callable[[Any], dict[str, Any] | None] | None = None

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if self.misbehave is not None:
            answer, self.misbehave = self.misbehave, None
            return answer(request)
        if request.headers.get("Authorization") != f"Bearer {TOKEN}":
            return httpx.Response(401, json={"detail": "no"})
        path = request.url.path
        if path == "/v1/upload":
            response = self.upload(UploadRequest.model_validate_json(request.content))
            if self.lose_next_reply:
                self.lose_next_reply = False
                raise httpx.ReadError("connection cut", request=request)
            return httpx.Response(200, content=response.model_dump_json())
        if path == "/v1/download":
            after = int(request.url.params["after"])
            limit = int(request.url.params["limit"])
            page = [c for c in self.changes if c.server_seq > after][:limit]
            last = page[-1].server_seq if page else max(after, len(self.changes))
            more = bool(page) and page[-1].server_seq < len(self.changes)
            body = DownloadResponse(changes=page, last_seq=last, more=more)
            return httpx.Response(200, content=body.model_dump_json())
        if path == "/v1/numbers/lease":
            lease = LeaseRequest.model_validate_json(request.content)
            first = self.leased.get(lease.year_week, 0) + 1
            last = first + lease.size - 1
            self.leased[lease.year_week] = last
            answer = LeaseResponse(year_week=lease.year_week, first=first, last=last)
            return httpx.Response(200, content=answer.model_dump_json())
        return httpx.Response(404)

    def baseline_row(self, table_name: str, row_id: uuid.UUID) -> dict[str, Any]:
        if self.baseline is None:
            return {}
        table = Base.metadata.tables[table_name]
        with self.baseline.read() as session:
            found = session.execute(select(table).where(table.c.id == row_id)).mappings().first()
        return {k: json_value(v) for k, v in found.items()} if found else {}

    def upload(self, request: UploadRequest) -> UploadResponse:
        accepted, rejected = [], []
        for change in request.changes:
            if change.id in self.seen:
                accepted.append(change.id)
                continue
            if self.reject is not None and (verdict := self.reject(change)) is not None:
                rejected.append(verdict)
                self.seen.add(change.id)
                continue
            self.seen.add(change.id)
            if change.operation == "delete":
                self.rows.pop(change.row_id, None)
                row: dict[str, Any] = {}
            else:
                known = self.rows.get(change.row_id) or self.baseline_row(change.table, change.row_id)
                row = {**known, **change.payload, "id": str(change.row_id)}
                self.rows[change.row_id] = row
            self.changes.append(
                ServerChange(
                    server_seq=len(self.changes) + 1,
                    id=change.id,
                    workstation="?",
                    table=change.table,
                    row_id=change.row_id,
                    operation=change.operation,
                    row=dict(row),
                )
            )
            accepted.append(change.id)
        return UploadResponse.model_validate(
            {"accepted": accepted, "rejected": rejected, "conflicts": [], "server_seq": len(self.changes)}
        )


@pytest.fixture
def server(demo_template, tmp_path: Path) -> Iterator[FakeServer]:  # type: ignore[no-untyped-def]
    folder = tmp_path / "central"
    folder.mkdir()
    shutil.copy(demo_template[0], folder / DATABASE_FILE)
    central = Database.open(folder)
    yield FakeServer(central)
    central.dispose()


@pytest.fixture
def workstations(demo_template, tmp_path: Path) -> Iterator[list[Database]]:  # type: ignore[no-untyped-def]
    """Two workstations made from the same demo data (the demo's mark taken off)."""
    path, _summary = demo_template
    made = []
    for name in ("a", "b"):
        folder = tmp_path / name
        folder.mkdir()
        shutil.copy(path, folder / DATABASE_FILE)
        clear_demo_mark(folder / DATABASE_FILE)  # a real clinic's desks whose data equals the demo's
        made.append(Database.open(folder))
    yield made
    for database in made:
        database.dispose()


def client_for(database: Database, server: FakeServer, name: str = "a", token: str = TOKEN) -> SyncClient:
    http = httpx.Client(transport=httpx.MockTransport(server.handler))
    return SyncClient(database, "http://127.0.0.1:9", token, name, http=http, batch_size=7, page_size=5)


def some_patients(database: Database, count: int = 3) -> list[uuid.UUID]:
    with database.read() as session:
        return list(session.scalars(select(Patient.id).order_by(Patient.identity_number).limit(count)))


def phone_of(database: Database, patient_id: uuid.UUID) -> str:
    with database.read() as session:
        patient = session.get(Patient, patient_id)
        assert patient is not None
        return patient.phone


def set_phone(database: Database, patient_id: uuid.UUID, phone: str) -> None:
    with database.write() as session:
        patients.update_phone(session, patient_id=patient_id, phone=phone)


def pending(database: Database) -> int:
    with database.read() as session:
        return int(session.scalar(select(func.count()).where(ChangeLogEntry.uploaded_at.is_(None))) or 0)


# ----------------------------------------------------------------------------------------- the round


def test_a_change_made_on_one_workstation_arrives_on_the_other(workstations, server) -> None:
    a, b = workstations
    first, second = some_patients(a, 2)
    set_phone(a, first, "070-111 11 11")
    set_phone(b, second, "070-222 22 22")

    report_a = client_for(a, server, "a").sync_once()
    report_b = client_for(b, server, "b").sync_once()
    client_for(a, server, "a").sync_once()

    assert report_a.ok and report_a.uploaded == 1
    assert report_b.ok and report_b.uploaded == 1
    assert report_b.tables == {"patient"}  # what the round wrote here, for the screens to refresh
    for database in (a, b):
        assert phone_of(database, first) == "070-111 11 11"
        assert phone_of(database, second) == "070-222 22 22"
        assert pending(database) == 0


def test_many_changes_go_in_batches_in_local_order_and_come_back_in_pages(workstations, server) -> None:
    a, b = workstations
    ids = some_patients(a, 10)
    for index, patient_id in enumerate(ids):
        set_phone(a, patient_id, f"070-000 00 {index:02d}")
        set_phone(a, patient_id, f"070-100 00 {index:02d}")  # two changes to the same row, in order

    report = client_for(a, server).sync_once()
    uploads = [r for r in server.requests if r.url.path == "/v1/upload"]
    sent = [c["local_seq"] for r in uploads for c in json.loads(r.content)["changes"]]

    assert report.uploaded == 20
    assert len(uploads) == 3 and all(len(json.loads(r.content)["changes"]) <= 7 for r in uploads)
    assert sent == sorted(sent)
    assert client_for(b, server, "b").sync_once().downloaded == 20
    assert [phone_of(b, i) for i in ids] == [f"070-100 00 {n:02d}" for n in range(10)]


def _changed_twice(database: Database, count: int) -> list[uuid.UUID]:
    ids = some_patients(database, count)
    for index, patient_id in enumerate(ids):
        set_phone(database, patient_id, f"070-200 00 {index:02d}")
        set_phone(database, patient_id, f"070-210 00 {index:02d}")
    return ids


def _last_server_seq(database: Database) -> int:
    with database.read() as session:
        return int(get_setting(session, LAST_SERVER_SEQ) or 0)


def test_pages_read_in_a_row_are_applied_in_one_transaction(workstations, server, monkeypatch) -> None:
    """A large download (a new workstation's first) commits once per ``APPLY_AT`` changes, not per page."""
    import app.sync.client as sync_client

    monkeypatch.setattr(sync_client, "APPLY_AT", 10)
    a, b = workstations
    ids = _changed_twice(a, 10)
    client_for(a, server).sync_once()
    opened = []
    apply_remote = b.apply_remote

    def counted(**options: Any) -> Any:
        opened.append(1)
        return apply_remote(**options)

    monkeypatch.setattr(b, "apply_remote", counted)

    before = len(server.requests)
    report = client_for(b, server, "b").sync_once()

    assert [r.url.path for r in server.requests[before:]] == ["/v1/download"] * 4  # pages of five
    assert report.ok and report.downloaded == 20 and len(opened) == 2  # in two transactions
    assert [phone_of(b, i) for i in ids] == [f"070-210 00 {n:02d}" for n in range(10)]
    assert _last_server_seq(b) == 20


def test_a_bad_page_among_pages_applied_together_applies_none_of_them(
    workstations, server, monkeypatch
) -> None:
    """The pages gathered for one transaction go in wholly or not at all, ``last_server_seq`` with them;
    the next round fetches them again and applies each change once."""
    import app.sync.client as sync_client

    monkeypatch.setattr(sync_client, "APPLY_AT", 10)
    a, b = workstations
    ids = _changed_twice(a, 10)
    client_for(a, server).sync_once()
    handler, pages = server.handler, []

    def fourth_page_bad(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/download":
            pages.append(request)
            if len(pages) == 4:  # the second page of the second transaction
                return httpx.Response(200, json={"changes": [], "last_seq": 1, "more": False})
        return handler(request)

    monkeypatch.setattr(server, "handler", fourth_page_bad)

    report = client_for(b, server, "b").sync_once()

    assert not report.ok and report.message == sync_client._BAD_PAGE
    assert _last_server_seq(b) == 10  # the first two pages, and nothing of the third
    assert [phone_of(b, i) for i in ids[:5]] == [f"070-210 00 {n:02d}" for n in range(5)]
    assert [phone_of(b, i) for i in ids[5:]] != [f"070-210 00 {n:02d}" for n in range(5, 10)]
    assert client_for(b, server, "b").sync_once().ok
    assert [phone_of(b, i) for i in ids] == [f"070-210 00 {n:02d}" for n in range(10)]
    assert _last_server_seq(b) == 20


def test_batches_are_packed_under_the_servers_body_limit(workstations, server, monkeypatch) -> None:
    """A batch holds at most MAX_BATCH changes and at most MAX_UPLOAD_BYTES bytes: long rows only make
    a batch hold fewer changes, so a legal batch never meets the server's 413."""
    import app.sync.client as sync_client

    monkeypatch.setattr(sync_client, "MAX_UPLOAD_BYTES", 900)
    a, b = workstations
    ids = some_patients(a, 6)
    for index, patient_id in enumerate(ids):
        set_phone(a, patient_id, f"070-300 00 {index:02d}")

    report = client_for(a, server).sync_once()
    uploads = [r for r in server.requests if r.url.path == "/v1/upload"]

    assert report.ok and report.uploaded == 6
    assert len(uploads) > 1 and all(len(r.content) <= 900 for r in uploads)
    assert [len(json.loads(r.content)["changes"]) for r in uploads] != [6]
    assert client_for(b, server, "b").sync_once().downloaded == 6


def test_an_idle_round_sends_nothing_and_applies_nothing(workstations, server) -> None:
    a, _b = workstations
    set_phone(a, some_patients(a, 1)[0], "070-333 33 33")
    client = client_for(a, server)
    client.sync_once()
    server.requests.clear()

    report = client.sync_once()

    assert report.ok and report.uploaded == 0 and report.downloaded == 0
    assert report.tables == frozenset()
    assert [r.url.path for r in server.requests] == ["/v1/download"]


def test_access_log_rows_sync_as_inserts(workstations, server) -> None:
    a, b = workstations
    patient_id = some_patients(a, 1)[0]
    with a.read() as session:
        user_id = session.scalars(select(User.id).limit(1)).one()
    with a.write() as session:
        patients.open_patient_record(
            session, patient_id=patient_id, user_id=user_id, service_location_id=None
        )
    client_for(a, server).sync_once()
    client_for(b, server, "b").sync_once()

    def count(database: Database) -> int:
        with database.read() as session:
            return int(session.scalar(select(func.count()).select_from(PatientAccessLog)) or 0)

    assert count(a) == count(b)


def test_a_row_with_changes_waiting_here_is_not_overwritten_by_a_download(workstations, server) -> None:
    a, b = workstations
    patient_id = some_patients(a, 1)[0]
    set_phone(b, patient_id, "070-444 44 44")
    client_for(b, server, "b").sync_once()
    set_phone(a, patient_id, "070-555 55 55")
    client_a = client_for(a, server)
    client_a._download({"uploaded": 0, "rejected": 0, "conflicts": 0, "downloaded": 0})

    assert phone_of(a, patient_id) == "070-555 55 55"  # still the clerk's own edit, waiting to go up
    client_a.sync_once()
    client_for(b, server, "b").sync_once()
    assert phone_of(a, patient_id) == phone_of(b, patient_id) == "070-555 55 55"


# ------------------------------------------------------------------------------------------- failures


def test_offline_is_a_report_not_an_exception_and_keeps_everything(workstations, server) -> None:
    a, _b = workstations
    set_phone(a, some_patients(a, 1)[0], "070-666 66 66")

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    server.misbehave = refuse
    client = client_for(a, server)
    report = client.sync_once()

    assert not report.ok and not report.online and report.message == OFFLINE
    assert pending(a) == 1
    assert client.status().online is False and client.status().pending_changes == 1


def test_a_reply_lost_after_the_server_applied_the_batch_is_applied_once(workstations, server) -> None:
    a, b = workstations
    patient_id = some_patients(a, 1)[0]
    set_phone(a, patient_id, "070-777 77 77")
    server.lose_next_reply = True
    client = client_for(a, server)

    assert client.sync_once().message == OFFLINE
    assert pending(a) == 1
    assert client.sync_once().ok
    assert pending(a) == 0 and len(server.changes) == 1
    client_for(b, server, "b").sync_once()
    assert phone_of(b, patient_id) == "070-777 77 77"


def test_an_unaccepted_token_is_told_in_one_sentence(workstations, server) -> None:
    a, _b = workstations
    set_phone(a, some_patients(a, 1)[0], "070-888 88 88")
    report = client_for(a, server, token="stolen").sync_once()

    assert not report.ok and report.online
    assert report.message is not None and report.message.startswith(
        "This workstation's token is not accepted"
    )
    assert pending(a) == 1


def test_a_schema_mismatch_shows_the_servers_sentence(workstations, server) -> None:
    a, _b = workstations
    sentence = "This workstation has schema 0002 but the server has 0003; update the program."
    server.misbehave = lambda request: httpx.Response(409, json={"detail": sentence})
    report = client_for(a, server).sync_once()
    assert report.message == sentence and report.online


@pytest.mark.parametrize(
    "answer",
    [
        lambda request: httpx.Response(200, content=b"<html>proxy login</html>"),
        lambda request: httpx.Response(200, json={"accepted": "all"}),
        lambda request: httpx.Response(200, json=[1, 2, 3]),
    ],
    ids=["not-json", "wrong-shape", "a-list"],
)
def test_a_garbage_answer_is_one_sentence_and_loses_nothing(workstations, server, answer) -> None:
    a, _b = workstations
    set_phone(a, some_patients(a, 1)[0], "070-999 99 99")
    server.misbehave = answer
    report = client_for(a, server).sync_once()

    assert not report.ok and report.message == GARBAGE
    assert pending(a) == 1
    assert client_for(a, server).sync_once().ok and pending(a) == 0


def test_pending_changes_go_up_as_the_change_model_writes_them(workstations, server) -> None:
    """The upload's JSON is written straight from the stored change log (for speed): each entry reads
    back as the ``Change`` the model builds from the same entry."""
    a, _b = workstations
    patient_id = some_patients(a, 1)[0]
    with a.read() as session:
        user_id = session.scalars(select(User.id).limit(1)).one()
    with a.write() as session:
        patients.open_patient_record(
            session, patient_id=patient_id, user_id=user_id, service_location_id=None
        )
    set_phone(a, patient_id, "070-171 71 71")
    with a.write() as session:
        session.delete(session.scalars(select(PatientAccessLog).limit(1)).one())
    client = client_for(a, server)
    with a.read() as session:
        entries = list(session.scalars(select(ChangeLogEntry).order_by(ChangeLogEntry.local_seq)))
        expected = [
            Change(
                id=e.id,
                local_seq=e.local_seq,
                table=e.table_name,
                row_id=e.row_id,
                operation=e.operation.value,
                payload=e.payload,
                base=e.base,
                recorded_at=e.recorded_at.replace(tzinfo=e.recorded_at.tzinfo or dt.UTC),
            )
            for e in entries
        ]

    batch = client._pending_batch()

    assert {e.operation.value for e in entries} == {"insert", "update", "delete"}
    assert [Change.model_validate_json(pending.json()) for pending in batch] == expected
    assert [pending.change() for pending in batch] == expected
    client.close()


def test_a_page_with_an_unreadable_row_applies_nothing(workstations, server) -> None:
    a, b = workstations
    patient_id = some_patients(a, 1)[0]
    set_phone(a, patient_id, "070-121 21 21")
    client_for(a, server).sync_once()
    server.changes[0].row["birth_date"] = "not a date"

    report = client_for(b, server, "b").sync_once()

    assert report.message == GARBAGE
    assert phone_of(b, patient_id) != "070-121 21 21"


def test_an_unreadable_row_a_later_change_of_the_same_download_replaces_is_never_written(
    workstations, server
) -> None:
    """Rows are converted while their page is read ahead, but a value that does not fit fails the round
    only if its row is written: a row changed again later in the same download is written in its last
    state alone, as before the rows were read ahead."""
    a, b = workstations
    patient_id = some_patients(a, 1)[0]
    set_phone(a, patient_id, "070-121 21 21")
    set_phone(a, patient_id, "070-121 21 22")
    client_for(a, server).sync_once()
    server.changes[0].row["birth_date"] = "not a date"

    report = client_for(b, server, "b").sync_once()

    assert report.ok, report.message
    assert phone_of(b, patient_id) == "070-121 21 22"


def test_a_download_cut_while_pages_are_read_ahead_applies_nothing_and_leaves_no_reader(
    workstations, server, monkeypatch
) -> None:
    """The pages after the first are read by a thread of their own; when the connection is cut under it,
    the round reports the workstation offline, nothing of the pages read is applied, and the reading thread
    is gone; the next round reads everything again."""
    a, b = workstations
    ids = _changed_twice(a, 10)
    client_for(a, server).sync_once()
    handler, pages = server.handler, []

    def cut_at_the_third_page(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/download":
            pages.append(request)
            if len(pages) == 3:
                raise httpx.ReadError("connection cut", request=request)
        return handler(request)

    monkeypatch.setattr(server, "handler", cut_at_the_third_page)

    report = client_for(b, server, "b").sync_once()

    assert not report.ok and not report.online and report.message == OFFLINE
    assert _last_server_seq(b) == 0
    assert not [t for t in threading.enumerate() if t.name == "sync-download"]
    monkeypatch.setattr(server, "handler", handler)
    assert client_for(b, server, "b").sync_once().ok
    assert [phone_of(b, i) for i in ids] == [f"070-210 00 {n:02d}" for n in range(10)]


def test_the_cycle_collector_runs_again_after_a_round_that_succeeded_or_failed(workstations, server) -> None:
    """The cycle collector rests while changes go up and come down, and runs again afterwards, whether the
    round succeeded or not."""
    a, b = workstations
    set_phone(a, some_patients(a, 1)[0], "070-131 31 31")
    assert gc.isenabled()

    assert client_for(a, server).sync_once().ok
    assert gc.isenabled()

    server.changes[0].row["birth_date"] = "not a date"
    assert client_for(b, server, "b").sync_once().message == GARBAGE
    assert gc.isenabled()


def test_a_rejection_puts_the_local_row_back_and_is_kept_for_a_person(workstations, server) -> None:
    a, _b = workstations
    patient_id = some_patients(a, 1)[0]
    before = phone_of(a, patient_id)
    set_phone(a, patient_id, "070-131 31 31")
    with a.read() as session:
        current = {
            c.key: getattr(session.get(Patient, patient_id), c.key)
            for c in Base.metadata.tables["patient"].columns
        }
    current = {
        k: str(v) if v is not None and not isinstance(v, bool | int) else v for k, v in current.items()
    }
    current["phone"] = before
    server.reject = lambda change: {
        "id": str(change.id),
        "reason": "The patient is deceased.",
        "current": current,
    }

    client = client_for(a, server)
    report = client.sync_once()

    assert report.ok and report.rejected == 1
    assert "patient" in report.tables  # the row put back
    assert phone_of(a, patient_id) == before
    assert pending(a) == 0
    with a.read() as session:
        issues = list_issues(session)
    assert [(i.kind, i.description) for i in issues] == [("rejected", "The patient is deceased.")]
    assert client.status().open_rejections == 1 and client.status().open_conflicts == 0
    with a.write() as session:
        acknowledge_rejection(session, issues[0].id)
    assert client.status().open_rejections == 0
    with a.read() as session:
        assert [i.status for i in list_issues(session)] == ["resolved"]  # read, still listed
    with pytest.raises(NotFound), a.write() as session:
        acknowledge_rejection(session, uuid.uuid4())


def test_conflicts_from_the_server_are_kept_and_counted(workstations, server) -> None:
    a, _b = workstations
    patient_id = some_patients(a, 1)[0]
    set_phone(a, patient_id, "070-141 41 41")
    original = server.upload

    def with_conflict(request: UploadRequest) -> UploadResponse:
        response = original(request)
        response.conflicts = [
            ConflictOut.model_validate(
                {
                    "id": str(uuid.uuid4()),
                    "kind": "individual_delivered_twice",
                    "table": "individual",
                    "row_id": str(uuid.uuid4()),
                    "versions": [{"who": "a"}, {"who": "b"}],
                    "status": "open",
                    "created_at": dt.datetime.now(dt.UTC).isoformat(),
                    "description": "The hearing aid was delivered to two patients; choose one.",
                }
            )
        ]
        return response

    server.upload = with_conflict  # type: ignore[method-assign]
    client = client_for(a, server)
    assert client.sync_once().conflicts == 1
    status = client.status()
    assert status.open_conflicts == 1 and status.online and status.pending_changes == 0
    assert status.last_success_at is not None


def test_moments_from_the_server_are_stored_in_utc() -> None:
    row = from_json(
        "patient_access_log", {"opened_at": "2026-11-23T10:00:00+01:00", "user_id": str(uuid.UUID(int=1))}
    )
    assert row["opened_at"] == dt.datetime(2026, 11, 23, 9, 0, tzinfo=dt.UTC)
    assert row["user_id"] == uuid.UUID(int=1)


def test_the_page_size_never_exceeds_the_protocols_limit(workstations, server) -> None:
    client = SyncClient(workstations[0], "http://127.0.0.1:9", TOKEN, "a", page_size=10**6)
    assert client.page_size == MAX_PAGE
    client.close()


# ------------------------------------------------------------------------------------------- numbers


def source_for(server: FakeServer, size: int = 10) -> LeasingBlockSource:
    http = httpx.Client(transport=httpx.MockTransport(server.handler))
    return LeasingBlockSource(Transport("http://127.0.0.1:9", TOKEN, http=http), size=size)


def test_numbers_come_from_leased_blocks_and_offline_refuses_cleanly(database: Database, server) -> None:
    today = dt.date(2030, 1, 9)
    allocator = NumberAllocator(source_for(server, size=2))
    with database.write() as session:
        numbers = [allocator.allocate(session, today) for _ in range(3)]
    assert numbers == ["30020001", "30020002", "30020003"]

    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    server.misbehave = refuse
    with database.write() as session:
        assert allocator.allocate(session, today) == "30020004"  # still held
    with pytest.raises(RuleViolation, match="no document numbers left"), database.write() as session:
        allocator.allocate(session, today)


def test_top_up_leases_ahead_when_running_low(database: Database, server) -> None:
    today = dt.date(2030, 1, 9)
    source = source_for(server, size=10)
    assert top_up(database, source, today).remaining == 10
    allocator = NumberAllocator(source)
    with database.write() as session:
        for _ in range(8):
            allocator.allocate(session, today)
    assert top_up(database, source, today).remaining == 12
    with database.read() as session:
        blocks = session.scalars(select(NumberBlock).order_by(NumberBlock.first)).all()
    assert [(b.first, b.last) for b in blocks] == [(1, 10), (11, 20)]
    assert top_up(database, source, today).remaining == 12


# ------------------------------------------------------------------------------------------- settings


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:8765", "http://localhost:8765/", "http://[::1]:80", "https://sync.example.org"]
)
def test_allowed_server_addresses(url: str) -> None:
    assert settings.check_server_url(url) == url.rstrip("/")


@pytest.mark.parametrize(
    "url", ["http://sync.example.org", "http://10.0.0.5:8765", "ftp://x", "sync", "http://:80"]
)
def test_plain_http_off_this_computer_and_non_addresses_are_refused(url: str) -> None:
    with pytest.raises(InvalidInput):
        settings.check_server_url(url)


def test_settings_are_kept_in_the_database_and_make_the_client(database: Database, tmp_path: Path) -> None:
    assert settings.load_settings(database) is None
    assert settings.client_from_settings(database, tmp_path) is None
    settings.save_settings(database, "https://sync.example.org/", " desk-1 ")
    assert settings.load_settings(database) == settings.SyncSettings("https://sync.example.org", "desk-1")
    assert settings.client_from_settings(database, tmp_path) is None  # no token yet
    settings.TokenStore(tmp_path, use_keyring=False).save("secret")
    made = settings.client_from_settings(database, tmp_path)
    assert made is not None and made.workstation_name == "desk-1"
    assert made.transport.base == "https://sync.example.org/v1"
    made.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_without_a_keyring_the_token_is_a_file_only_the_user_reads(tmp_path: Path) -> None:
    store = settings.TokenStore(tmp_path, use_keyring=False)
    store.save("secret-token\n")
    assert store.load() == "secret-token"
    assert stat.S_IMODE(store.file.stat().st_mode) == 0o600
    store.clear()
    assert store.load() is None


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def test_with_a_keyring_the_token_goes_there_and_not_to_a_file(tmp_path: Path) -> None:
    previous = keyring.get_keyring()
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    try:
        assert settings.keyring_usable()
        store = settings.TokenStore(tmp_path)
        store.save("secret-token")
        assert not store.file.exists()
        assert list(memory.items.values()) == ["secret-token"]
        assert store.load() == "secret-token"
    finally:
        keyring.set_keyring(previous)


def test_the_token_never_reaches_the_log(workstations, server, caplog) -> None:
    a, _b = workstations
    set_phone(a, some_patients(a, 1)[0], "070-151 51 51")
    caplog.set_level("DEBUG")
    client_for(a, server, token="s3cr3t-t0ken").sync_once()
    client_for(a, server).sync_once()
    assert "s3cr3t-t0ken" not in caplog.text and TOKEN not in caplog.text


# ----------------------------------------------------------------------- changes to the change log


def test_a_logged_insert_holds_the_row_as_stored_with_its_defaults(database: Database) -> None:
    with database.write() as session:
        user = User(username="sync", full_name="Sync Test")
        session.add(user)
    with database.read() as session:
        entry = session.scalars(select(ChangeLogEntry)).one()
        stored = session.get(User, user.id)
    assert stored is not None
    assert entry.payload["title"] == "" and entry.payload["active"] is True
    assert entry.payload["default_deliver_from"] == "aid_service"
    assert entry.payload["updated_at"] is not None
    assert from_json("user_account", entry.payload)["updated_at"].replace(
        tzinfo=None
    ) == stored.updated_at.replace(tzinfo=None)


def test_applying_downloaded_rows_is_not_logged_but_ordinary_writes_still_must_be(demo: Database) -> None:
    from app.errors import WriteOutsideService

    with demo.read() as session:
        patient_id = session.scalars(select(Patient.id).limit(1)).one()
    with demo.apply_remote() as session:
        patient = session.get(Patient, patient_id)
        assert patient is not None
        patient.phone = "070-161 61 61"
    assert pending(demo) == 0 and phone_of(demo, patient_id) == "070-161 61 61"
    with pytest.raises(WriteOutsideService), demo.read() as session:
        patient = session.get(Patient, patient_id)
        assert patient is not None
        patient.phone = "070-171 71 71"
        session.flush()


def test_r5_the_conflicts_view_never_shows_a_protected_identity_number() -> None:
    def issue(protected: bool | None) -> SyncIssue:
        server_row = {"identity_number": "194105066226", "birth_date": "1941-05-06", "last_name": "Skyddad"}
        if protected is not None:
            server_row["protected_identity"] = protected
        return SyncIssue(
            id=uuid.uuid4(),
            kind="rejected",
            table="patient",
            row_id=uuid.uuid4(),
            description="The patient is deceased.",
            status="open",
            created_at=dt.datetime(2026, 11, 23, tzinfo=dt.UTC),
            versions=[
                {"source": "server", "row": server_row},
                {"source": "desk-a", "change": {"payload": {"identity_number": "194105066226"}}},
            ],
        )

    for protected in (True, None):  # protected, or nothing tells: hidden
        shown = json.dumps(versions_for_people(issue(protected)))
        assert "194105066226" not in shown and "1941-05-06" not in shown and "Skyddad" in shown
    assert "194105066226" in json.dumps(versions_for_people(issue(False)))
