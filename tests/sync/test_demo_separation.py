"""Demo data never meets a clinic's real data: a demo workstation and a real server refuse each other, on
both sides (the workstation's own check, and the server's ``Gate``), and a training server (``serve
--demo``) serves only demo workstations. Real PostgreSQL and real servers (fixtures in ``conftest.py``)."""

from __future__ import annotations

import shutil
import sqlite3
import uuid
from pathlib import Path

import httpx
from sqlalchemy import select, text

from app import patients
from app.database import DATABASE_FILE, Database
from app.first_start import is_demo_database
from app.sync.transport import DEMO_WORKSTATION, TRAINING_SERVER
from db import migrate
from db.models import ChangeLogEntry, Patient
from db.server.app import DEMO_REFUSED, REAL_REFUSED
from db.sync_protocol.messages import DEMO_HEADER, DEMO_VALUE, SCHEMA_HEADER
from tests.sync.test_client_support import central_engine, client, load_baseline, workstation

NEW_PHONE = "070-123 45 67"


def demo_desk(template: Path, folder: Path) -> Database:
    """A workstation on the demo database as the first start or ``demo-data`` makes it (marked)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copy(template, folder / DATABASE_FILE)
    with sqlite3.connect(folder / DATABASE_FILE) as connection:
        connection.execute("DELETE FROM number_block")
    connection.close()
    database = Database.open(folder)
    with database.read() as session:
        assert is_demo_database(session)
    return database


def edit_a_phone(database: Database) -> uuid.UUID:
    """A clerk's edit that waits to go up."""
    with database.read() as session:
        patient_id = session.scalars(select(Patient.id).order_by(Patient.identity_number).limit(1)).one()
    with database.write() as session:
        patients.update_phone(session, patient_id=patient_id, phone=NEW_PHONE)
    return patient_id


def central_phone(central_url: str, patient_id: uuid.UUID) -> str | None:
    engine = central_engine(central_url)
    try:
        with engine.connect() as connection:
            return connection.execute(
                text("SELECT phone FROM patient WHERE id = :id"), {"id": patient_id}
            ).scalar()
    finally:
        engine.dispose()


def pending(database: Database) -> int:
    with database.read() as session:
        return len(
            session.scalars(select(ChangeLogEntry.id).where(ChangeLogEntry.uploaded_at.is_(None))).all()
        )


def headers(token: str, *, demo: bool) -> dict[str, str]:
    sent = {"Authorization": f"Bearer {token}", SCHEMA_HEADER: migrate.head_revision()}
    if demo:
        sent[DEMO_HEADER] = DEMO_VALUE
    return sent


def test_a_demo_workstation_is_refused_by_the_clinics_server_and_sends_nothing(  # type: ignore[no-untyped-def]
    demo_template, central_url: str, sync_server, tmp_path: Path
) -> None:
    load_baseline(demo_template[0], central_url)
    server = sync_server()
    desk = demo_desk(demo_template[0], tmp_path / "demo-desk")
    patient_id = edit_a_phone(desk)
    before = central_phone(central_url, patient_id)
    sent: list[tuple[str, str]] = []
    demo_client = client(desk, server.url, server.add_workstation("demo-desk"), "demo-desk")
    demo_client.transport.http.event_hooks["request"].append(
        lambda request: sent.append((request.method, request.url.path))
    )
    try:
        report = demo_client.sync_once()
    finally:
        demo_client.close()

    # The workstation asked who the server is, and sent none of its changes to a real server.
    assert sent == [("GET", "/v1/status")]
    assert not report.ok and report.template == DEMO_WORKSTATION
    assert "holds demo data and cannot sync with the clinic's server" in (report.message or "")
    assert central_phone(central_url, patient_id) == before != NEW_PHONE
    assert pending(desk) >= 1  # nothing local is lost: the edit still waits here
    with desk.read() as session:
        assert session.get(Patient, patient_id).phone == NEW_PHONE  # type: ignore[union-attr]
    desk.dispose()


def test_the_clinics_server_refuses_a_request_that_says_it_holds_demo_data(sync_server) -> None:  # type: ignore[no-untyped-def]
    server = sync_server()
    token = server.add_workstation("hand-made")
    with httpx.Client(base_url=server.url, timeout=10) as http:
        refused = http.get("/v1/status", headers=headers(token, demo=True))
        upload = http.post(
            "/v1/upload",
            headers=headers(token, demo=True),
            json={"changes": [], "sent_at": "2026-12-01T10:00:00+00:00"},
        )
        accepted = http.get("/v1/status", headers=headers(token, demo=False))
    assert refused.status_code == 409 and refused.json() == {"detail": DEMO_REFUSED}
    assert upload.status_code == 409 and upload.json() == {"detail": DEMO_REFUSED}
    assert accepted.status_code == 200 and DEMO_HEADER not in accepted.headers


def test_a_training_server_refuses_a_real_workstation(  # type: ignore[no-untyped-def]
    demo_template, central_url: str, sync_server, tmp_path: Path
) -> None:
    load_baseline(demo_template[0], central_url)
    training = sync_server(demo=True)
    token = training.add_workstation("real-desk")
    with httpx.Client(base_url=training.url, timeout=10) as http:
        refused = http.get("/v1/status", headers=headers(token, demo=False))
        accepted = http.get("/v1/status", headers=headers(token, demo=True))
    assert refused.status_code == 409 and refused.json() == {"detail": REAL_REFUSED}
    assert refused.headers[DEMO_HEADER] == DEMO_VALUE
    assert accepted.status_code == 200 and accepted.headers[DEMO_HEADER] == DEMO_VALUE

    # The real workstation's client refuses the training server by itself too: the clerk reads its sentence.
    desk = workstation(demo_template[0], tmp_path / "real-desk")
    patient_id = edit_a_phone(desk)
    before = central_phone(central_url, patient_id)
    real_client = client(desk, training.url, token, "real-desk")
    try:
        report = real_client.sync_once()
    finally:
        real_client.close()
    assert not report.ok and report.template == TRAINING_SERVER
    assert central_phone(central_url, patient_id) == before != NEW_PHONE
    assert pending(desk) >= 1
    desk.dispose()


def test_a_demo_workstation_syncs_with_a_training_server(  # type: ignore[no-untyped-def]
    demo_template, central_url: str, sync_server, tmp_path: Path
) -> None:
    load_baseline(demo_template[0], central_url)
    training = sync_server(demo=True)
    desk = demo_desk(demo_template[0], tmp_path / "training-desk")
    patient_id = edit_a_phone(desk)
    demo_client = client(desk, training.url, training.add_workstation("training-desk"), "training-desk")
    try:
        report = demo_client.sync_once()
    finally:
        demo_client.close()
    assert report.ok, report.message
    assert report.uploaded >= 1
    assert central_phone(central_url, patient_id) == NEW_PHONE
    assert pending(desk) == 0
    desk.dispose()


def test_serve_demo_on_the_command_line_starts_a_training_server(central_url: str) -> None:
    """``hearing-desk-server serve --demo``: a real process whose answers say it is a training server."""
    import socket
    import subprocess
    import sys
    import time

    from db.server import service
    from db.server.cli import server_engine

    engine = server_engine(central_url)
    token = service.add_workstation(engine, "training-desk")
    engine.dispose()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(
        [sys.executable, "-m", "db.server.cli", "serve", "--db", central_url, "--port", str(port), "--demo"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        with httpx.Client(base_url=f"http://127.0.0.1:{port}", timeout=5) as http:
            while True:
                try:
                    answer = http.get("/v1/status", headers=headers(token, demo=True))
                    break
                except httpx.TransportError:
                    assert process.poll() is None and time.monotonic() < deadline, "the server did not start"
                    time.sleep(0.2)
            refused = http.get("/v1/status", headers=headers(token, demo=False))
        assert answer.status_code == 200 and answer.headers[DEMO_HEADER] == DEMO_VALUE
        assert refused.status_code == 409 and refused.json() == {"detail": REAL_REFUSED}
    finally:
        process.terminate()
        process.wait(timeout=30)
