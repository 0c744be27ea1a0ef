"""The central server as an IT department runs it (packaging/server/): the container's command over TLS with
its settings and password from the environment and a secret file, the health endpoint an orchestrator
polls, a server install that loads no desktop library, and a schema refusal that says who must update.

Where a container engine answers (``docker info``), the compose file's image is built and started;
otherwise the container's own command (``packaging/server/entrypoint.sh``) runs as a subprocess with the
same environment and secret file against this run's throwaway PostgreSQL.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import ipaddress
import json
import os
import shutil
import socket
import ssl
import subprocess
import sys
import time
import tomllib
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import psycopg
import pytest
from sqlalchemy import create_engine, select, text
from sqlalchemy.pool import NullPool

from app import patients
from app.database import Database
from app.sync.client import SyncClient
from db import migrate as migrate_domain
from db.models import Patient
from db.server.app import schema_mismatch_sentence
from db.sync_protocol.messages import SCHEMA_HEADER
from tests.sync.conftest import PostgresServer, RunningServer, start_server
from tests.sync.test_client_support import load_baseline, workstation

ROOT = Path(__file__).resolve().parents[2]
SERVER_FOLDER = ROOT / "packaging" / "server"
ENTRYPOINT = SERVER_FOLDER / "entrypoint.sh"
APP_ROLE = "hd_deploy_app"
PASSWORD = (
    "Kx7-deploy-" + uuid.uuid4().hex[:12]
)  # a fresh one per run: its absence in the logs means something


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _self_signed(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 and localhost and its key (PEM), made here with ``cryptography``."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "hearing-desk test server")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5))
        .not_valid_after(now + dt.timedelta(days=1))
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), critical=False)
        .sign(key, hashes.SHA256())
    )
    cert, private = folder / "cert.pem", folder / "key.pem"
    cert.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    private.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
        )
    )
    private.chmod(0o600)
    return cert, private


def _trusting(cert: Path) -> httpx.Client:
    """An HTTP client that trusts the test's certificate and checks the server's name against it."""
    return httpx.Client(
        verify=ssl.create_default_context(cafile=str(cert)), timeout=httpx.Timeout(30, connect=3)
    )


@dataclass
class Deployment:
    """A running server as deployed: its https address, an admin URL of its database for the test's own
    checks, a way to run the container's command with other arguments, and what it has printed so far."""

    url: str
    admin_database_url: str
    command: Callable[..., subprocess.CompletedProcess[str]]
    output: Callable[[], str]


def _engine_answers() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        return subprocess.run(["docker", "info"], capture_output=True, timeout=30).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


def _wait_healthy(url: str, cert: Path, alive: Callable[[], bool], seconds: float = 120) -> dict[str, str]:
    deadline = time.monotonic() + seconds
    with _trusting(cert) as http:
        while True:
            try:
                answer = http.get(f"{url}/health")
                if answer.status_code == 200:
                    body: dict[str, str] = answer.json()
                    return body
            except httpx.TransportError:
                pass
            if not alive() or time.monotonic() > deadline:
                raise AssertionError("the deployed server never answered its health endpoint with 200")
            time.sleep(0.3)


@contextlib.contextmanager
def _entrypoint_deployment(postgres: PostgresServer, folder: Path) -> Iterator[Deployment]:
    """``packaging/server/entrypoint.sh`` as the container runs it: settings from the environment, the
    password from a secret file, the TLS certificate and key as mounted files, migrate on first start.
    The database's role logs in with a password (scram-sha-256), so the secret file is really used."""
    database = f"hd_deploy_{uuid.uuid4().hex[:8]}"
    with postgres.admin() as conn:
        hba = Path(conn.execute("SHOW hba_file").fetchone()[0])  # type: ignore[index]
        rule = f"host all {APP_ROLE} 127.0.0.1/32 scram-sha-256\n"
        if rule not in hba.read_text():
            hba.write_text(rule + hba.read_text())  # the first matching line wins: this role alone
            conn.execute("SELECT pg_reload_conf()")
        conn.execute(f"DROP ROLE IF EXISTS {APP_ROLE}")
        conn.execute(f"CREATE ROLE {APP_ROLE} LOGIN PASSWORD '{PASSWORD}'")
        conn.execute(f'CREATE DATABASE "{database}" OWNER {APP_ROLE}')
    time.sleep(0.2)  # the reload is signalled; let the postmaster read the file again
    with pytest.raises(psycopg.OperationalError, match="password authentication failed"):
        psycopg.connect(
            host=postgres.host, port=postgres.port, user=APP_ROLE, dbname=database, password="wrong"
        ).close()

    secret = folder / "secrets" / "db_password"
    secret.parent.mkdir()
    secret.write_text(PASSWORD + "\n")
    secret.chmod(0o600)
    tls = folder / "tls"
    tls.mkdir()
    cert, _key = _self_signed(tls)
    port = _free_port()
    environment = {
        **os.environ,
        # As in compose.yaml, with this machine's PostgreSQL and a loopback address and free port.
        "HEARING_DESK_DB_HOST": postgres.host,
        "HEARING_DESK_DB_PORT": str(postgres.port),
        "HEARING_DESK_DB_NAME": database,
        "HEARING_DESK_DB_USER": APP_ROLE,
        "HEARING_DESK_DB_PASSWORD_FILE": str(secret),
        "HEARING_DESK_TLS_CERT": str(tls / "cert.pem"),
        "HEARING_DESK_TLS_KEY": str(tls / "key.pem"),
        "HEARING_DESK_HOST": "127.0.0.1",
        "HEARING_DESK_PORT": str(port),
        "HEARING_DESK_MIGRATE": "1",
        # The program of this checkout, through its console script.
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
        "PYTHONPATH": str(ROOT),
    }
    for variable in ("HEARING_DESK_DB_URL", "HEARING_DESK_DB_PASSWORD", "PGPASSWORD", "PGPASSFILE"):
        environment.pop(variable, None)
    log = folder / "server.log"
    process = subprocess.Popen(
        ["sh", str(ENTRYPOINT)], env=environment, stdout=log.open("wb"), stderr=subprocess.STDOUT
    )

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["sh", str(ENTRYPOINT), *args], env=environment, capture_output=True, text=True, timeout=120
        )

    try:
        deployment = Deployment(
            f"https://127.0.0.1:{port}",
            postgres.url(database),
            command,
            lambda: log.read_text(errors="replace"),
        )
        body = _wait_healthy(deployment.url, cert, lambda: process.poll() is None)
        assert body["status"] == "ok"
        yield deployment
    finally:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        with postgres.admin() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{database}" WITH (FORCE)')
            conn.execute(f"DROP ROLE IF EXISTS {APP_ROLE}")


@contextlib.contextmanager
def _compose_deployment(folder: Path) -> Iterator[Deployment]:
    """The compose file's PostgreSQL and server image, built and started with the test's secret file and
    certificate; the database is published on a loopback port for the test's own checks only."""
    secret = folder / "db_password"
    secret.write_text(PASSWORD + "\n")
    secret.chmod(0o644)  # the service's user in the image reads the bind-mounted secret
    tls = folder / "tls"
    tls.mkdir()
    cert, key = _self_signed(tls)
    key.chmod(0o644)
    port, db_port = _free_port(), _free_port()
    override = folder / "compose.test.yaml"
    override.write_text(f'services:\n  db:\n    ports:\n      - "127.0.0.1:{db_port}:5432"\n')
    project = f"hdtest{uuid.uuid4().hex[:8]}"
    base = [
        "docker",
        "compose",
        "-p",
        project,
        "-f",
        str(SERVER_FOLDER / "compose.yaml"),
        "-f",
        str(override),
    ]
    environment = {
        **os.environ,
        "HEARING_DESK_DB_PASSWORD_SECRET": str(secret),
        "HEARING_DESK_TLS_DIR": str(tls),
        "HEARING_DESK_PUBLISH": f"127.0.0.1:{port}",
        "HEARING_DESK_MIGRATE": "1",
    }

    def command(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*base, "run", "--rm", "-T", "server", *args],
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    def output() -> str:
        return subprocess.run(
            [*base, "logs", "--no-color", "server"], env=environment, capture_output=True, text=True
        ).stdout

    subprocess.run([*base, "up", "-d", "--build"], env=environment, check=True, timeout=1800)
    try:
        deployment = Deployment(
            f"https://127.0.0.1:{port}",
            f"postgresql+psycopg://hearing_desk:{PASSWORD}@127.0.0.1:{db_port}/hearing_desk",
            command,
            output,
        )
        _wait_healthy(deployment.url, cert, lambda: True, seconds=300)
        yield deployment
    finally:
        subprocess.run([*base, "down", "--volumes"], env=environment, timeout=300)


@pytest.fixture
def deployment(postgres_server: PostgresServer, tmp_path: Path) -> Iterator[tuple[Deployment, Path]]:
    if _engine_answers():
        with _compose_deployment(tmp_path) as running:
            yield running, tmp_path / "tls" / "cert.pem"
    else:
        with _entrypoint_deployment(postgres_server, tmp_path) as running:
            yield running, tmp_path / "tls" / "cert.pem"


def _patient_phone(database: Database, patient_id: uuid.UUID) -> str:
    with database.read() as session:
        patient = session.get(Patient, patient_id)
        assert patient is not None
        return patient.phone


def test_the_container_command_serves_over_tls_and_syncs_a_workstation_through_it(
    deployment: tuple[Deployment, Path], demo_template, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """As IT deploys it: migrated on first start, tokens issued with the same command, a workstation's
    change uploaded over TLS lands in the central database and reaches a second workstation, and the
    database password never shows in anything the server printed."""
    running, cert = deployment
    load_baseline(demo_template[0], running.admin_database_url)

    health = running.command("health")
    assert health.returncode == 0, health.stderr
    assert health.stdout.startswith("The service is healthy (schema revision ")
    tokens = {}
    for name in ("desk-a", "desk-b"):
        issued = running.command("add-workstation", name)
        assert issued.returncode == 0, issued.stderr
        tokens[name] = issued.stdout.strip().splitlines()[-1]

    desks = {name: workstation(demo_template[0], tmp_path / name) for name in tokens}
    clients = {
        name: SyncClient(desks[name], running.url, tokens[name], name, http=_trusting(cert))
        for name in tokens
    }
    try:
        with desks["desk-a"].read() as session:
            patient_id = session.scalars(select(Patient.id).order_by(Patient.identity_number).limit(1)).one()
        with desks["desk-a"].write() as session:
            patients.update_phone(session, patient_id=patient_id, phone="070-123 45 67")

        uploaded = clients["desk-a"].sync_once()
        assert uploaded.ok, uploaded.message
        assert uploaded.uploaded >= 1
        central = create_engine(running.admin_database_url, poolclass=NullPool)
        try:
            with central.connect() as conn:
                phone = conn.execute(text("SELECT phone FROM patient WHERE id = :id"), {"id": patient_id})
                assert phone.scalar_one() == "070-123 45 67"
        finally:
            central.dispose()

        downloaded = clients["desk-b"].sync_once()
        assert downloaded.ok, downloaded.message
        assert downloaded.downloaded >= 1
        assert _patient_phone(desks["desk-b"], patient_id) == "070-123 45 67"
    finally:
        for one in clients.values():
            one.close()
        for database in desks.values():
            database.dispose()
    printed = running.output() + health.stdout + health.stderr
    assert "Uvicorn running on https://" in printed
    assert PASSWORD not in printed


# --- the health endpoint ---------------------------------------------------------------------------------


def test_health_answers_ok_without_a_token_when_the_database_is_at_this_programs_schema(
    sync_server: Callable[..., RunningServer],
) -> None:
    server = sync_server()
    answer = httpx.get(f"{server.url}/health")
    assert answer.status_code == 200
    assert answer.json() == {"status": "ok", "schema_revision": migrate_domain.head_revision()}


def test_health_is_503_with_a_sentence_when_the_schema_is_behind(
    sync_server: Callable[..., RunningServer], central_url: str
) -> None:
    server = sync_server()
    head = migrate_domain.head_revision()
    older = sorted(migrate_domain.known_revisions() - {head})[-1]
    with server.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :older"), {"older": older})
    answer = httpx.get(f"{server.url}/health")
    assert answer.status_code == 503
    detail = answer.json()["detail"]
    assert detail.startswith(f"The central database is at schema revision {older} ")
    assert f"this server program needs {head} " in detail and "hearing-desk-server migrate" in detail
    failed = subprocess.run(
        [sys.executable, "-m", "db.server.cli", "health", "--url", f"{server.url}/health"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert failed.returncode == 1 and failed.stderr.strip() == detail


def test_health_is_503_when_the_database_does_not_answer() -> None:
    server = start_server(f"postgresql+psycopg://nobody@127.0.0.1:{_free_port()}/none")
    try:
        answer = httpx.get(f"{server.url}/health", timeout=30)
        assert answer.status_code == 503
        assert answer.json()["detail"] == (
            "The central database cannot be reached just now; nothing was changed. Try again in a while."
        )
    finally:
        server.stop()


def test_the_health_endpoint_is_in_the_openapi_document_with_both_answers(
    sync_server: Callable[..., RunningServer],
) -> None:
    document = httpx.get(f"{sync_server().url}/openapi.json").json()
    answers = document["paths"]["/health"]["get"]["responses"]
    assert set(answers) == {"200", "503"}
    assert "security" not in document["paths"]["/health"]["get"]


def test_health_command_says_when_nothing_answers() -> None:
    url = f"http://127.0.0.1:{_free_port()}/health"
    failed = subprocess.run(
        [sys.executable, "-m", "db.server.cli", "health", "--url", url],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert failed.returncode == 1
    assert failed.stderr.startswith(f"The service at {url} does not answer: ")


# --- upgrade: who must update ----------------------------------------------------------------------------


def test_schema_refusal_tells_an_older_workstation_to_update_and_a_newer_one_that_the_server_must(
    sync_server: Callable[..., RunningServer],
) -> None:
    server = sync_server()
    token = server.add_workstation("desk-a")
    head = migrate_domain.head_revision()
    older = sorted(migrate_domain.known_revisions() - {head})[-1]
    answers = {}
    for revision in (older, "9999"):
        headers = {"Authorization": f"Bearer {token}", SCHEMA_HEADER: revision}
        answer = httpx.get(f"{server.url}/v1/status", headers=headers)
        assert answer.status_code == 409
        answers[revision] = answer.json()["detail"]
    assert answers[older] == (
        f"This workstation's program is older than the server's (its database is at schema revision {older}, "
        f"the server's at revision {head}): update Hearing Desk on this workstation; its changes wait until "
        "then and nothing is lost."
    )
    assert answers["9999"] == schema_mismatch_sentence("9999", head)
    assert "the server must be updated first, ask IT" in answers["9999"]


# --- a server install without the desktop ----------------------------------------------------------------

DESKTOP_IMPORTS = (
    "PySide6",
    "shiboken6",
    "cv2",
    "numpy",
    "zxingcpp",
    "pyzbar",
    "reportlab",
    "pypdfium2",
    "barcode",
    "biip",
    "stdnum",
    "phonenumbers",
    "httpx",
    "keyring",
)
SERVER_IMPORTS = ("fastapi", "uvicorn", "psycopg", "starlette", "httptools", "uvloop")


def _blocking(modules: tuple[str, ...]) -> str:
    """Python source that makes *modules* unimportable, as where they are not installed."""
    return "import sys\n" + "".join(f"sys.modules[{name!r}] = None\n" for name in modules)


def test_server_extra_holds_no_desktop_library_and_the_desktop_extra_no_server_library() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    extras = project["optional-dependencies"]

    def names(requirements: list[str]) -> set[str]:
        return {
            r.split(";")[0].split("[")[0].split(">")[0].split("<")[0].split("=")[0].strip().lower()
            for r in requirements
        }

    base, desktop, server = names(project["dependencies"]), names(extras["desktop"]), names(extras["server"])
    assert {"pyside6-essentials", "opencv-python-headless", "zxing-cpp", "reportlab"} <= desktop
    assert {"fastapi", "uvicorn", "psycopg", "httptools", "uvloop"} <= server
    assert not (base | server) & desktop and not (base | desktop) & server
    assert "hearing-desk[desktop,server]" in extras["dev"]


def test_the_server_runs_where_no_desktop_library_is_installed(tmp_path: Path) -> None:
    """Migrate, issue a token and build the app with every desktop library unimportable; none is loaded."""
    database = tmp_path / "central.sqlite3"
    script = _blocking(DESKTOP_IMPORTS) + (
        "import json\n"
        "from db.server import cli\n"
        f"url = 'sqlite+pysqlite:///{database}'\n"
        "assert cli.main(['migrate', '--db', url, '--allow-sqlite']) == 0\n"
        "assert cli.main(['add-workstation', 'desk', '--db', url, '--allow-sqlite']) == 0\n"
        "from db.server.app import create_app\n"
        "engine = cli.server_engine(url)\n"
        "create_app(engine).openapi()\n"
        "engine.dispose()\n"
        f"print(json.dumps(sorted(m.split('.')[0] for m in sys.modules if sys.modules[m] is not None)))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    loaded = set(json.loads(result.stdout.strip().splitlines()[-1]))
    assert "fastapi" in loaded and not loaded & set(DESKTOP_IMPORTS)


def test_the_workstation_program_without_its_libraries_says_to_install_hearing_desk_desktop() -> None:
    script = (
        _blocking(("PySide6", "cv2"))
        + "from ui.entry import workstation, admin\n"
        + ("sys.exit(workstation([]) * 10 + admin(['--version']))\n")
    )
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 22
    assert result.stderr.strip().splitlines() == [
        f"{program} needs the workstation's libraries, which this installation lacks (PySide6, cv2): "
        "install hearing-desk[desktop] (pip install 'hearing-desk[desktop]')."
        for program in ("hearing-desk", "hearing-desk-admin")
    ]


def test_the_workstation_imports_no_server_library() -> None:
    """The desktop install does not need the server's libraries: the whole program imports with them
    unimportable."""
    script = _blocking(SERVER_IMPORTS) + (
        "import app.changelog, app.sync.client, app.cli, ui.main_window\nprint('imported')\n"
    )
    environment = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "imported"
