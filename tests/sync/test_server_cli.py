"""``hearing-desk-server``: refusing plain HTTP off loopback, migrating, issuing and revoking tokens."""

from __future__ import annotations

import datetime as dt
import uuid
from pathlib import Path

import httpx
import pytest
from alembic import command
from sqlalchemy import create_engine, select, text

from db import migrate as migrate_domain
from db.server import cli, migrate, service
from db.server.models import Workstation
from db.sync_protocol.messages import SCHEMA_HEADER, LeaseRequest
from tests.sync.conftest import start_server


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "clinic.example.org"])
def test_serving_plain_http_off_loopback_is_refused_with_a_sentence(
    host: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "central.sqlite3"
    assert cli.main(["serve", "--host", host, "--port", "1", "--db", f"sqlite+pysqlite:///{database}"]) == 2
    error = capsys.readouterr().err.strip()
    assert error == (
        f"Refusing to serve plain HTTP on {host}: off loopback the service needs --tls-cert and --tls-key."
    )
    assert not database.exists()  # refused before anything was opened


def test_half_a_tls_configuration_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cert = tmp_path / "cert.pem"
    assert cli.main(["serve", "--host", "10.0.0.5", "--tls-cert", str(cert), "--db", "sqlite:///x"]) == 2
    assert "--tls-key" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("host", "loopback"),
    [("127.0.0.1", True), ("127.8.9.10", True), ("::1", True), ("localhost", True), ("0.0.0.0", False)],
)
def test_loopback_addresses(host: str, loopback: bool) -> None:
    assert cli.is_loopback(host) is loopback


def test_migrate_add_and_revoke_workstations_on_postgresql(
    postgres_server, capsys: pytest.CaptureFixture[str]
) -> None:  # type: ignore[no-untyped-def]
    with postgres_server.admin() as conn:
        conn.execute('DROP DATABASE IF EXISTS "hd_cli"')
        conn.execute('CREATE DATABASE "hd_cli"')
    url = postgres_server.url("hd_cli")
    engine = create_engine(url)
    try:
        assert cli.main(["add-workstation", "north", "--db", url]) == 1
        assert "migrate" in capsys.readouterr().err
        assert cli.main(["migrate", "--db", url]) == 0
        assert migrate.is_current(engine)
        capsys.readouterr()
        assert cli.main(["add-workstation", "north", "--db", url]) == 0
        token = capsys.readouterr().out.strip().splitlines()[-1]
        assert service.authenticate(engine, token) == "north"
        with engine.connect() as conn:
            stored = conn.execute(select(Workstation.token_hash)).scalar_one()
        assert stored == service.hash_token(token) and token not in stored
        assert cli.main(["add-workstation", "north", "--db", url]) == 1
        assert "already has a valid token; revoke it first" in capsys.readouterr().err
        assert cli.main(["revoke-workstation", "north", "--db", url]) == 0
        assert service.authenticate(engine, token) is None
        assert cli.main(["revoke-workstation", "north", "--db", url]) == 1
        capsys.readouterr()
        assert cli.main(["publish-rows", "--db", url]) == 0  # an empty central database: nothing to send
        assert capsys.readouterr().out.startswith("0 rows are now sent")
    finally:
        engine.dispose()
        with postgres_server.admin() as conn:
            conn.execute('DROP DATABASE IF EXISTS "hd_cli" WITH (FORCE)')


def test_a_revoked_workstation_name_is_given_a_new_token_and_the_old_one_stays_refused(
    central_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(central_url)
    try:
        assert cli.main(["add-workstation", "lund-reception-1", "--db", central_url]) == 0
        old = capsys.readouterr().out.strip().splitlines()[-1]
        assert cli.main(["revoke-workstation", "lund-reception-1", "--db", central_url]) == 0
        capsys.readouterr()
        assert cli.main(["add-workstation", "lund-reception-1", "--db", central_url]) == 0
        out = capsys.readouterr().out.strip().splitlines()
        new = out[-1]
        assert out[0] == (
            "The workstation lund-reception-1 had been revoked; it gets a new token now and its old token "
            "stays refused. Enter the new token in the workstation's sync settings."
        )
        assert new != old
        assert service.authenticate(engine, new) == "lund-reception-1"
        assert service.authenticate(engine, old) is None
        with engine.connect() as conn:
            assert conn.execute(select(Workstation.revoked_at)).scalar_one() is None
    finally:
        engine.dispose()


def test_the_embedded_default_is_a_sqlite_file_that_serves(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import platformdirs

    monkeypatch.setattr(platformdirs, "user_data_dir", lambda name: str(tmp_path / name))
    url = cli.default_url()
    assert url == f"sqlite+pysqlite:///{tmp_path / 'hearing-desk-server' / 'central.sqlite3'}"
    assert cli.main(["migrate"]) == 0
    server = start_server(url)
    try:
        assert migrate.is_current(server.engine)
        token = server.add_workstation("desk")
        headers = {"Authorization": f"Bearer {token}", SCHEMA_HEADER: migrate_domain.head_revision()}
        with httpx.Client(base_url=server.url, headers=headers) as http:
            supplier = {
                "id": str(uuid.uuid4()),
                "local_seq": 1,
                "table": "supplier",
                "row_id": str(uuid.uuid4()),
                "operation": "insert",
                "payload": {"number": "S1", "name": "Hörsel AB"},
                "recorded_at": "2026-11-23T08:00:00+00:00",
            }
            supplier["payload"]["id"] = supplier["row_id"]
            sent_at = dt.datetime.now(dt.UTC).isoformat()
            assert http.post("/v1/upload", json={"changes": [supplier], "sent_at": sent_at}).json()[
                "accepted"
            ] == [supplier["id"]]
            (row,) = http.get("/v1/download").json()["changes"]
            assert row["row"]["name"] == "Hörsel AB" and row["row"]["updated_at"].endswith("+00:00")
            lease = http.post("/v1/numbers/lease", json={"year_week": "2648", "size": 10})
            assert (lease.json()["first"], lease.json()["last"]) == (1, 10)
    finally:
        server.stop()


def test_r15_after_the_upgrade_to_one_sequence_no_series_leases_a_number_another_already_had(
    postgres_server,
) -> None:  # type: ignore[no-untyped-def]
    """Server migration s002: the week's counters of every series become one that goes on after the
    highest of them, so a block leased afterwards holds no number any series was leased before."""
    with postgres_server.admin() as conn:
        conn.execute('DROP DATABASE IF EXISTS "hd_numbers"')
        conn.execute('CREATE DATABASE "hd_numbers"')
    url = postgres_server.url("hd_numbers")
    engine = create_engine(url)
    try:
        migrate_domain.upgrade(engine)
        command.upgrade(migrate.alembic_config(engine), "s001")
        with engine.begin() as conn:
            conn.execute(
                text(
                    "INSERT INTO sync_number_counter (series, year_week, next_first) VALUES "
                    "('order', '2648', 201), ('purchase_order', '2648', 401), ('order', '2649', 11)"
                )
            )
        migrate.upgrade(engine)
        assert migrate.is_current(engine)
        leased = [
            service.lease(engine, "north", LeaseRequest(year_week=week, size=5)) for week in ("2648", "2649")
        ]
        assert [(b.year_week, b.first, b.last) for b in leased] == [("2648", 401, 405), ("2649", 11, 15)]
    finally:
        engine.dispose()
        with postgres_server.admin() as conn:
            conn.execute('DROP DATABASE IF EXISTS "hd_numbers" WITH (FORCE)')
