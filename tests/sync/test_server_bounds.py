"""The sync server trusts no workstation: its own clock orders edits, every bad value is a 4xx with a
sentence, request bodies are bounded, and the OpenAPI document names every answer."""

from __future__ import annotations

import contextlib
import datetime as dt
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import Enum, String, select

from db import migrate
from db.models import Patient
from db.server import service
from db.server.app import ENDPOINTS
from db.server.cli import server_engine
from db.sync_protocol.messages import API_PREFIX, MAX_BATCH, MAX_UPLOAD_BYTES, SCHEMA_HEADER
from db.sync_protocol.values import synced_tables
from tests.sync.conftest import start_server
from tests.sync.test_server import Workstation_, World, change, now_iso

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def server(sync_server: Any) -> Any:
    return sync_server()


@pytest.fixture
def world(server: Any) -> World:
    made = World()
    assert not Workstation_(server, "seed").upload(*made.changes())["rejected"]
    return made


def _phone(world: World, number: str, recorded_at: str) -> dict[str, Any]:
    edit = change(
        "patient", "update", world.patients[0]["row_id"], {"phone": number}, {"phone": "040-100000"}
    )
    return edit | {"recorded_at": recorded_at}


def _phone_on_server(server: Any, world: World) -> str:
    with server.engine.connect() as conn:
        return str(
            conn.execute(
                select(Patient.phone).where(Patient.id == uuid.UUID(world.patients[0]["row_id"]))
            ).scalar_one()
        )


# ------------------------------------------------------------------------------------ the server's clock


def test_an_edit_dated_year_9999_does_not_pin_a_field_against_newer_edits(server: Any, world: World) -> None:
    north, south = Workstation_(server, "north"), Workstation_(server, "south")
    far_future = north.upload(_phone(world, "040-999999", "9999-12-31T23:59:59+00:00"))
    assert far_future["accepted"] and not far_future["rejected"]
    later = _phone(world, "040-222222", now_iso())
    assert south.upload(later)["accepted"] == [later["id"]]
    assert _phone_on_server(server, world) == "040-222222"


def test_an_edit_dated_year_1_does_not_freeze_the_row(server: Any, world: World) -> None:
    north, south = Workstation_(server, "north"), Workstation_(server, "south")
    assert north.upload(_phone(world, "040-111111", "0001-01-01T00:00:00+00:00"))["accepted"]
    later = _phone(world, "040-222222", now_iso())
    assert south.upload(later)["accepted"] == [later["id"]]
    assert _phone_on_server(server, world) == "040-222222"


def test_the_order_of_edits_comes_from_the_servers_clock_not_the_workstations_dates(
    server: Any, world: World
) -> None:
    """South's clock runs ten minutes fast (inside the bound): its edit, made before north's, still loses,
    because the server counts only how long before sending each edit was made."""
    north, south = Workstation_(server, "north"), Workstation_(server, "south")
    fast = dt.timedelta(minutes=10)
    south_made_at = dt.datetime.now(dt.UTC) + fast
    time.sleep(0.2)
    north_edit = _phone(world, "040-333333", now_iso())
    assert north.upload(north_edit)["accepted"] == [north_edit["id"]]
    south_edit = _phone(world, "040-444444", south_made_at.isoformat())
    answer = south.upload(south_edit, sent_at=dt.datetime.now(dt.UTC) + fast)
    assert answer["accepted"] == [south_edit["id"]]
    assert _phone_on_server(server, world) == "040-333333"


@pytest.mark.parametrize("off_by", [dt.timedelta(hours=3), -dt.timedelta(minutes=16), dt.timedelta(days=400)])
def test_a_workstation_whose_clock_is_far_from_the_servers_is_refused_with_a_sentence(
    server: Any, world: World, off_by: dt.timedelta
) -> None:
    north = Workstation_(server, "north")
    edit = _phone(world, "040-555555", now_iso())
    sent_at = dt.datetime.now(dt.UTC) + off_by
    response = north.http.post("/v1/upload", json={"changes": [edit], "sent_at": sent_at.isoformat()})
    assert response.status_code == 409
    body = response.json()
    assert body["detail"].startswith("This workstation's clock shows ")
    assert "more than 15 minutes" in body["detail"] and "set the clock right" in body["detail"]
    assert abs(dt.datetime.fromisoformat(body["server_time"]) - dt.datetime.now(dt.UTC)) < dt.timedelta(
        minutes=1
    )
    assert _phone_on_server(server, world) == "040-100000"


# --------------------------------------------------------------------------------- bad values, no 500


@pytest.mark.parametrize(
    ("method", "path", "params", "body"),
    [
        ("GET", "/download", {"after": str(2**64)}, None),
        ("GET", "/download", {"after": str(2**63)}, None),
        ("GET", "/download", {"after": "-1"}, None),
        ("GET", "/download", {"after": "２"}, None),
        ("GET", "/download", {"after": "0", "limit": "0"}, None),
        ("GET", "/conflicts", {"status": "bananas"}, None),
        ("POST", "/numbers/lease", None, {"year_week": "２６４８"}),
        ("POST", "/numbers/lease", None, {"year_week": "٢٦٤٨"}),
        ("POST", "/numbers/lease", None, {"year_week": "2654"}),
        ("POST", "/numbers/lease", None, {"year_week": "2600"}),
        ("POST", "/numbers/lease", None, {"year_week": "2648", "size": 0}),
        ("POST", "/numbers/lease", None, {"year_week": "2648", "size": "２"}),
        ("POST", "/upload", None, {"changes": "nothing"}),
        ("POST", "/upload", None, {"changes": [], "sent_at": "0001-01-01T00:00:00+01:00"}),
        ("POST", "/upload", None, {"changes": [], "sent_at": "9999-12-31T23:59:59-01:00"}),
        ("POST", "/upload", None, {"changes": [], "sent_at": "２０２６-11-30T10:00:00+00:00"}),
        ("POST", f"/conflicts/{uuid.uuid4()}/resolve", None, {"keep": "２"}),
        ("POST", "/conflicts/not-an-id/resolve", None, {"keep": 0}),
    ],
)
def test_every_bad_value_is_a_4xx_with_a_sentence(
    server: Any, method: str, path: str, params: dict[str, str] | None, body: dict[str, Any] | None
) -> None:
    north = Workstation_(server, "north")
    response = north.http.request(method, f"{API_PREFIX}{path}", params=params, json=body)
    assert 400 <= response.status_code < 500, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str) and detail.endswith(".") and len(detail.split()) >= 5
    with server.engine.connect() as conn:
        assert conn.execute(select(service._lease.c.id)).first() is None


@pytest.mark.parametrize("path", ["/upload", "/numbers/lease", f"/conflicts/{uuid.uuid4()}/resolve"])
def test_a_body_that_is_not_utf8_json_is_a_4xx_with_a_sentence(server: Any, path: str) -> None:
    north = Workstation_(server, "north")
    response = north.http.post(
        f"{API_PREFIX}{path}", content=b"/\xff\xfe\x07", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "detail": "The request body is not JSON text in UTF-8; nothing was read or changed."
    }


def test_a_moment_that_overflows_in_utc_is_refused_not_a_server_error(server: Any, world: World) -> None:
    north = Workstation_(server, "north")
    edit = _phone(world, "040-666666", "0001-01-01T00:00:00+01:00")
    response = north.http.post("/v1/upload", json={"changes": [edit], "sent_at": now_iso()})
    assert response.status_code == 422
    assert "recorded_at" in response.json()["detail"] and "UTC" in response.json()["detail"]
    stamped = change(
        "patient", "update", world.patients[0]["row_id"], {"updated_at": "9999-12-31T23:59:59-01:00"}
    )
    answer = north.upload(stamped)
    (rejection,) = answer["rejected"]
    assert "patient.updated_at" in rejection["reason"]


@pytest.mark.parametrize(
    ("column", "value"),
    [("unit_price", "１２.５０"), ("article_id", "１" * 8 + "-1111-1111-1111-" + "1" * 12)],
)
def test_numbers_in_other_digits_than_0_to_9_are_refused_with_a_sentence(
    server: Any, world: World, column: str, value: str
) -> None:
    north = Workstation_(server, "north")
    movement_id = str(uuid.uuid4())
    row = {
        "id": movement_id,
        "warehouse_id": world.id("warehouse"),
        "article_id": world.id("article"),
        "quantity": 1,
        "reason": "goods_receipt",
        "unit_price": "12.50",
        "occurred_at": now_iso(),
    }
    answer = north.upload(change("stock_movement", "insert", movement_id, row | {column: value}))
    (rejection,) = answer["rejected"]
    assert f"stock_movement.{column}" in rejection["reason"] and "digits 0-9" in rejection["reason"]


def test_a_central_database_that_cannot_be_reached_is_a_503_with_a_sentence() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]  # nothing listens here once the probe is closed
    away = start_server(f"postgresql+psycopg://postgres@127.0.0.1:{port}/gone")
    try:
        response = httpx.get(f"{away.url}/v1/status", headers={"Authorization": "Bearer some-token"})
    finally:
        away.stop()
    assert response.status_code == 503
    assert response.json()["detail"].startswith("The central database cannot be reached just now")


def test_an_idle_poll_is_answered_without_the_database_and_still_sees_another_instances_change(
    sync_server: Any,
) -> None:
    """The ``Gate`` answers "nothing after N" from the instance's watermark (PostgreSQL NOTIFY from every
    writer, on any instance); a change committed through another instance reaches the next poll."""
    one = sync_server()
    two = sync_server(one.database_url)
    north = Workstation_(one, "north")
    south = Workstation_(two, "south")
    world = World()
    north.upload(*world.changes())
    last = south.download()["last_seq"]
    assert south.download(after=last) == {"changes": [], "last_seq": last, "more": False}
    edit = change(
        "patient", "update", world.patients[0]["row_id"], {"phone": "040-777777"}, {"phone": "040-100000"}
    )
    north.upload(edit)
    deadline = time.monotonic() + 5
    while not (page := south.download(after=last))["changes"]:
        assert time.monotonic() < deadline, "the other instance never heard of the change"
        time.sleep(0.05)
    assert [c["id"] for c in page["changes"]] == [edit["id"]]
    assert two._server.config.app.state.watermark.known() == page["last_seq"]


# ------------------------------------------------------------------------------------------- body size


def test_the_limit_holds_the_largest_legal_batch() -> None:
    """MAX_UPLOAD_BYTES is chosen from the largest legal batch: MAX_BATCH updates of the widest synced
    row, every text column full to its length in two-byte letters, each with its base values."""

    def texts(table: Any) -> list[Any]:
        return [c for c in table.columns if isinstance(c.type, String) and not isinstance(c.type, Enum)]

    widest = max(synced_tables().values(), key=lambda t: sum(c.type.length or 0 for c in texts(t)))
    values = {c.name: "å" * c.type.length for c in texts(widest) if c.type.length}
    one = change(widest.name, "update", str(uuid.uuid4()), values, values)
    batch = {"changes": [one] * MAX_BATCH, "sent_at": now_iso()}
    size = len(httpx.Request("POST", "http://x", json=batch).content)
    assert 0.75 * MAX_UPLOAD_BYTES < size < MAX_UPLOAD_BYTES


@contextlib.contextmanager
def served(database_url: str) -> Iterator[tuple[str, int]]:
    """``hearing-desk-server serve`` as its own process on a free loopback port: (base URL, pid)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "db.server.cli", "serve", "--db", database_url, "--port", str(port)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(f"{base}/openapi.json", timeout=5)
                break
            except httpx.TransportError:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the sync server did not start") from None
                time.sleep(0.2)
        yield base, process.pid
    finally:
        process.terminate()
        process.wait(timeout=30)


def _resident_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmRSS")


def _raw_request(base: str, head: str, body: bytes = b"") -> tuple[int, bytes]:
    """Send *head* (and *body*) on a plain socket, then read the answer: (status, body)."""
    host, port = base.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as sock:
        sock.sendall(head.encode() + body)
        data = b""
        while chunk := sock.recv(65536):
            data += chunk
            if b"\r\n\r\n" in data:
                headers, _, rest = data.partition(b"\r\n\r\n")
                length = next(
                    (
                        int(h.split(b":")[1])
                        for h in headers.split(b"\r\n")
                        if h.lower().startswith(b"content-length")
                    ),
                    None,
                )
                if length is not None and len(rest) >= length:
                    break
    status = int(data.split(b" ", 2)[1])
    return status, data.partition(b"\r\n\r\n")[2]


def test_an_oversize_upload_is_refused_early_and_the_server_keeps_its_memory(central_url: str) -> None:
    """Against the real ``serve`` process: a declared 200 MB body is answered 413 before any of it is
    sent; a streamed 200 MB body (no length given) is cut off at the limit; memory stays put."""
    engine = server_engine(central_url)
    token = service.add_workstation(engine, "big-sender")
    engine.dispose()
    headers = {"Authorization": f"Bearer {token}", SCHEMA_HEADER: migrate.head_revision()}
    with served(central_url) as (base, pid):
        with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
            assert http.get("/v1/status").status_code == 200
        before = _resident_mb(pid)

        head = (
            "POST /v1/upload HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            f"Authorization: Bearer {token}\r\n{SCHEMA_HEADER}: {migrate.head_revision()}\r\n"
            f"Content-Length: {200 * 1024 * 1024}\r\n\r\n"
        )
        status, body = _raw_request(base, head)  # nothing of the body is sent: the answer comes first
        assert status == 413
        assert b"larger than the" in body and b"MB" in body

        chunk = b" " * (1024 * 1024)
        streamed = 0

        def two_hundred_megabytes() -> Iterator[bytes]:
            nonlocal streamed
            for _ in range(200):
                streamed += len(chunk)
                yield chunk

        with httpx.Client(base_url=base, headers=headers, timeout=60) as http:
            try:
                answer: httpx.Response | None = http.post("/v1/upload", content=two_hundred_megabytes())
            except httpx.TransportError:
                answer = None  # the server stopped reading and closed the connection
            if answer is not None:
                assert answer.status_code == 413, answer.text
            assert streamed < 200 * len(chunk)  # the client was stopped before it sent it all
            assert http.get("/v1/status").status_code == 200
        assert _resident_mb(pid) < before + 64


# --------------------------------------------------------------------------------------- the document


EXPECTED = {
    ("GET", f"{API_PREFIX}/status"): {200, 401, 409, 503},
    ("POST", f"{API_PREFIX}/upload"): {200, 400, 401, 409, 413, 422, 503},
    ("GET", f"{API_PREFIX}/download"): {200, 401, 409, 422, 503},
    ("POST", f"{API_PREFIX}/numbers/lease"): {200, 400, 401, 409, 413, 422, 503},
    ("GET", f"{API_PREFIX}/conflicts"): {200, 401, 409, 422, 503},
    ("POST", f"{API_PREFIX}/conflicts/{{conflict_id}}/resolve"): {200, 400, 401, 404, 409, 413, 422, 503},
    ("GET", "/health"): {200, 503},  # no token, no schema header: the orchestrator's poll
}


def test_the_openapi_document_names_every_status_code_each_endpoint_answers(server: Any) -> None:
    document = httpx.get(f"{server.url}/openapi.json").json()
    assert set(EXPECTED) == ENDPOINTS
    problem = document["components"]["schemas"]["Problem"]
    assert problem["properties"]["detail"]["type"] == "string" and "detail" in problem["required"]
    for (method, path), codes in EXPECTED.items():
        responses = document["paths"][path][method.lower()]["responses"]
        assert {int(code) for code in responses} == codes, (method, path)
        for code, answer in responses.items():
            assert answer["description"].strip(), (method, path, code)
            if int(code) >= 400:
                schema = answer["content"]["application/json"]["schema"]
                assert schema == {"$ref": "#/components/schemas/Problem"}, (method, path, code)
