"""``hearing-desk-server``: refusing plain HTTP off loopback, migrating, issuing and revoking tokens."""

from __future__ import annotations

import datetime as dt
import socket
import uuid
from pathlib import Path

import httpx
import pytest
from alembic import command
from sqlalchemy import create_engine, select, text

from db import migrate as migrate_domain
from db.server import cli, config, migrate, service
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


def test_a_sqlite_central_database_is_refused_without_allow_sqlite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    database = tmp_path / "central.sqlite3"
    for args in (["migrate"], ["serve"], ["add-workstation", "desk"]):
        args += ["--db", f"sqlite+pysqlite:///{database}"]
        assert cli.main(args) == 2
        assert capsys.readouterr().err.strip() == (
            f"Refusing to run the central server on the SQLite file {database}: one file on one machine "
            "cannot be shared by several server instances and is not backed up like the region's "
            "PostgreSQL; pass --allow-sqlite to try the server out on it anyway."
        )
    assert not database.exists()  # refused before anything was opened


def test_without_a_database_address_the_server_asks_for_one_in_a_sentence(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    for variable in (config.URL_VARIABLE, config.HOST_VARIABLE):
        monkeypatch.delenv(variable, raising=False)
    assert cli.main(["migrate"]) == 2
    assert capsys.readouterr().err.strip() == (
        "No central database was given: pass --db postgresql+psycopg://USER@HOST/DB, or set "
        "HEARING_DESK_DB_URL or HEARING_DESK_DB_HOST (the password in HEARING_DESK_DB_PASSWORD_FILE); "
        "see packaging/server/README.md."
    )


def test_a_password_on_the_command_line_is_refused_and_never_printed(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert cli.main(["migrate", "--db", "postgresql+psycopg://hd:Sekret-7781@127.0.0.1:1/hd"]) == 2
    out = capsys.readouterr()
    assert "process list" in out.err and "HEARING_DESK_DB_PASSWORD_FILE" in out.err
    assert "Sekret-7781" not in out.err + out.out


def test_an_unreachable_database_is_one_sentence_without_the_password(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    secret = tmp_path / "db_password"
    secret.write_text("Sekret-7781\n")
    monkeypatch.setenv(config.PASSWORD_FILE_VARIABLE, str(secret))
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    assert cli.main(["migrate", "--db", f"postgresql+psycopg://hd@127.0.0.1:{port}/hd"]) == 1
    out = capsys.readouterr()
    lines = out.err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(
        f"The central database postgresql+psycopg://hd:***@127.0.0.1:{port}/hd cannot be reached: "
    )
    assert "Sekret-7781" not in out.err + out.out and "Traceback" not in out.err


@pytest.mark.parametrize(
    ("environ", "url"),
    [
        (
            {config.HOST_VARIABLE: "db", config.PASSWORD_VARIABLE: "pw"},
            "postgresql+psycopg://hearing_desk:pw@db:5432/hearing_desk",
        ),
        (
            {
                config.HOST_VARIABLE: "pg.region.example",
                config.PORT_VARIABLE: "6432",
                config.NAME_VARIABLE: "central",
                config.USER_VARIABLE: "hd_app",
            },
            "postgresql+psycopg://hd_app@pg.region.example:6432/central",
        ),
        (
            {config.HOST_VARIABLE: "/run/postgresql"},
            "postgresql+psycopg://hearing_desk@:5432/hearing_desk?host=%2Frun%2Fpostgresql",
        ),
        (
            {config.URL_VARIABLE: "postgresql+psycopg://hd@db/hd", config.PASSWORD_VARIABLE: "pw"},
            "postgresql+psycopg://hd:pw@db/hd",
        ),
        (
            {config.URL_VARIABLE: "postgresql+psycopg://hd:own@db/hd", config.PASSWORD_VARIABLE: "pw"},
            "postgresql+psycopg://hd:own@db/hd",
        ),
    ],
)
def test_the_database_address_and_password_come_from_the_environment(
    environ: dict[str, str], url: str
) -> None:
    assert config.database_url(None, environ=environ).render_as_string(hide_password=False) == url


def test_the_password_file_wins_over_the_variable_and_a_bad_one_is_a_sentence(tmp_path: Path) -> None:
    secret = tmp_path / "db_password"
    secret.write_text("from-file\nsecond line ignored\n")
    environ = {
        config.HOST_VARIABLE: "db",
        config.PASSWORD_FILE_VARIABLE: str(secret),
        config.PASSWORD_VARIABLE: "from-variable",
    }
    assert config.database_url(None, environ=environ).password == "from-file"
    secret.write_text("\n")
    with pytest.raises(config.ConfigurationError, match="is empty; put the password on its first line"):
        config.database_url(None, environ=environ)
    environ[config.PASSWORD_FILE_VARIABLE] = str(tmp_path / "missing")
    with pytest.raises(config.ConfigurationError, match="cannot be read"):
        config.database_url(None, environ=environ)
    with pytest.raises(config.ConfigurationError, match="HEARING_DESK_DB_PORT must be a port number"):
        config.database_url(None, environ={config.HOST_VARIABLE: "db", config.PORT_VARIABLE: "x"})


def test_a_sqlite_file_serves_a_trial_when_allowed_explicitly(tmp_path: Path) -> None:
    url = f"sqlite+pysqlite:///{tmp_path / 'central.sqlite3'}"
    assert cli.main(["migrate", "--db", url, "--allow-sqlite"]) == 0
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
