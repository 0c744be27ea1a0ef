"""A central database restored from a backup (``pg_dump -Fc`` / ``pg_restore``, then ``hearing-desk-server
restored``): the workstations notice by the history id in every answer, send again what the restore took
away, and read the server's changes again from the start, so nothing is lost and nothing is skipped."""

from __future__ import annotations

import subprocess
from pathlib import Path
from typing import Any

from sqlalchemy import select, text

from app import patients
from app.database import Database
from app.sync.client import SyncClient
from db.models import Patient
from db.server import cli as server_cli
from db.server import service
from tests.sync.conftest import _pg_bin_dir
from tests.sync.test_client_support import (
    central_engine,
    client,
    load_baseline,
    server_state,
    sync_until_quiet,
    workstation,
)


def _phone(database: Database, patient_id: Any) -> str:
    with database.read() as session:
        patient = session.get(Patient, patient_id)
        assert patient is not None
        return patient.phone


def _set_phone(database: Database, patient_id: Any, phone: str) -> None:
    with database.write() as session:
        patients.update_phone(session, patient_id=patient_id, phone=phone)


def _libpq(url: str) -> str:
    return url.replace("postgresql+psycopg://", "postgresql://", 1)


def _restore(postgres_server: Any, central_url: str, dump: Path) -> None:
    name = central_url.rsplit("/", 1)[1]
    with postgres_server.admin() as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    subprocess.run(
        [str(_pg_bin_dir() / "pg_restore"), "--no-owner", "-d", _libpq(central_url), str(dump)],
        check=True,
        capture_output=True,
    )


def test_a_restored_central_database_gets_back_what_workstations_sent_and_they_skip_nothing(
    demo_template: Any, central_url: str, sync_server: Any, postgres_server: Any, tmp_path: Path, capsys: Any
) -> None:
    load_baseline(demo_template[0], central_url)
    server = sync_server()
    desk_a = workstation(demo_template[0], tmp_path / "desk-a")
    desk_b = workstation(demo_template[0], tmp_path / "desk-b")
    tokens = {"desk-a": server.add_workstation("desk-a"), "desk-b": server.add_workstation("desk-b")}
    clients: list[SyncClient] = [
        client(desk_a, server.url, tokens["desk-a"], "desk-a"),
        client(desk_b, server.url, tokens["desk-b"], "desk-b"),
    ]
    with desk_a.read() as session:
        first, second = session.scalars(select(Patient.id).order_by(Patient.identity_number).limit(2))
    sync_until_quiet(clients)

    # The nightly backup, then desk A's work of the morning reaches the server.
    dump = tmp_path / "central.dump"
    subprocess.run(
        [str(_pg_bin_dir() / "pg_dump"), "-Fc", "-f", str(dump), _libpq(central_url)],
        check=True,
        capture_output=True,
    )
    engine = central_engine(central_url)
    with engine.connect() as conn:
        conn.execute(text("INSERT INTO sync_number_counter (year_week, next_first) VALUES ('2152', 401)"))
        conn.commit()
    _set_phone(desk_a, first, "0701-111111")
    phone_a = _phone(desk_a, first)
    phone_b_before = _phone(desk_b, second)
    assert clients[0].sync_once().uploaded == 1
    for one in clients:
        one.close()
    server.stop()
    engine.dispose()

    # The central database fails; IT restores last night's backup and says so to the server.
    _restore(postgres_server, central_url, dump)
    assert server_cli.main(["restored", "--db", central_url]) == 0
    assert "restored from a backup" in capsys.readouterr().out
    engine = central_engine(central_url)
    try:
        with engine.connect() as conn:
            counters = dict(conn.execute(text("SELECT year_week, next_first FROM sync_number_counter")).all())
        assert "2152" not in counters  # the counter row came after the backup: the restore took it away
        assert all(value > service.RESTORE_NUMBER_MARGIN for value in counters.values())

        server = sync_server()
        clients = [
            client(desk_a, server.url, tokens["desk-a"], "desk-a"),
            client(desk_b, server.url, tokens["desk-b"], "desk-b"),
        ]
        # Desk B works first: the restored server numbers its change where desk A had already read.
        _set_phone(desk_b, second, "0702-222222")
        assert clients[1].sync_once().ok
        report = clients[0].sync_once()
        assert report.ok, report.message

        central = server_state(engine, ("patient",))["patient"]
        assert central[str(first)]["phone"] == _phone(desk_a, first) == phone_a
        assert _phone(desk_a, second) == _phone(desk_b, second) != phone_b_before
        sync_until_quiet(clients)
        assert _phone(desk_b, first) == phone_a
    finally:
        for one in clients:
            one.close()
        engine.dispose()
        desk_a.dispose()
        desk_b.dispose()


def test_r15_the_restored_command_moves_every_weeks_numbers_on(central_url: str, capsys: Any) -> None:
    engine = central_engine(central_url)
    try:
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO sync_number_counter (year_week, next_first) "
                    "VALUES ('2150', 201), ('2151', 9000)"
                )
            )
        before = service.history_id(engine)
        assert server_cli.main(["restored", "--db", central_url]) == 0
        capsys.readouterr()
        with engine.connect() as conn:
            counters = dict(conn.execute(text("SELECT year_week, next_first FROM sync_number_counter")).all())
        assert counters == {"2150": 201 + service.RESTORE_NUMBER_MARGIN, "2151": 10000}
        assert service.history_id(engine) not in (None, before)
    finally:
        engine.dispose()
