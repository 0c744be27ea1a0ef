"""Benchmark the sync client against the real sync server on PostgreSQL (loopback).

    .venv/bin/python -m tests.benchmarks.bench_sync_client [--pg URL]

Without ``--pg`` a throwaway PostgreSQL is started (as the test fixtures do: initdb in a temporary folder,
as the ``postgres`` user when run as root); with ``--pg`` (a maintenance database URL such as
``postgresql+psycopg://postgres@127.0.0.1:5432/postgres``) a fresh database is made there and dropped.
Both the server and the workstations start from the small demo data. Prints:

* 10 000 pending changes uploaded and applied (one ``sync_once``; target ≤ 5 s), and the same changes
  downloaded and applied by a second workstation;
* first download of a 100 000-row clinic by a workstation that has never synced (target ≤ 30 s);
* an idle sync round, nothing new (target ≤ 20 ms on the client).

Not a test (pytest collects only ``test_*.py``): the figures go in the closing note.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import pwd
import shutil
import signal
import statistics
import subprocess
import tempfile
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
from sqlalchemy import create_engine, select
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from app import demo_data
from app.database import Database
from app.sync.client import SyncClient
from db.models import Patient, PatientAccessLog, User
from db.server import migrate
from tests.sync.conftest import _free_port, _pg_bin_dir, start_server
from tests.sync.test_client_support import client, load_baseline, workstation


@contextlib.contextmanager
def throwaway_postgres() -> Iterator[str]:
    """A PostgreSQL server in a temporary folder; yields the URL of its maintenance database."""
    bin_dir = _pg_bin_dir()
    run_as = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    base = Path(tempfile.mkdtemp(prefix="hd-bench-pg-"))
    base.chmod(0o755)
    data = base / "data"
    data.mkdir(mode=0o700)
    if run_as:
        owner = pwd.getpwnam("postgres")
        os.chown(data, owner.pw_uid, owner.pw_gid)
    process = None
    try:
        subprocess.run(
            [
                *run_as,
                str(bin_dir / "initdb"),
                "-D",
                str(data),
                "-U",
                "postgres",
                "--auth=trust",
                "--no-sync",
            ],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        port = _free_port()
        process = subprocess.Popen(
            [*run_as, str(bin_dir / "postgres"), "-D", str(data), "-p", str(port), "-k", str(data),
             "-c", "listen_addresses=127.0.0.1", "-c", "fsync=off", "-c", "synchronous_commit=off"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )  # fmt: skip
        deadline = time.monotonic() + 30
        while True:
            try:
                psycopg.connect(host="127.0.0.1", port=port, user="postgres", dbname="postgres").close()
                break
            except psycopg.OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        if process is not None:
            # pg_ctl signals the postgres process itself (runuser does not pass a signal on).
            subprocess.run(
                [*run_as, str(bin_dir / "pg_ctl"), "stop", "-D", str(data), "-m", "fast", "-w"],
                stdout=subprocess.DEVNULL,
                check=False,
            )
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.send_signal(signal.SIGKILL)
                process.wait()
        shutil.rmtree(base, ignore_errors=True)


@contextlib.contextmanager
def fresh_database(maintenance_url: str) -> Iterator[str]:
    url = make_url(maintenance_url)
    name = f"hd_bench_{uuid.uuid4().hex[:12]}"
    connect = {"host": url.host, "port": url.port, "user": url.username, "dbname": url.database}
    with psycopg.connect(**connect, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield url.set(database=name).render_as_string(hide_password=False)
    finally:
        with psycopg.connect(**connect, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def open_records(database: Database, count: int, chunk: int = 10_000) -> None:
    """*count* logged inserts (openings of patient records), written in units of *chunk*."""
    with database.read() as session:
        user_id = session.scalars(select(User.id).limit(1)).one()
        patient_ids = list(session.scalars(select(Patient.id)))
    for start in range(0, count, chunk):
        with database.write() as session:
            for index in range(start, min(count, start + chunk)):
                session.add(
                    PatientAccessLog(
                        patient_id=patient_ids[index % len(patient_ids)],
                        user_id=user_id,
                        description=f"bench {index}",
                    )
                )


def timed_sync(one: SyncClient) -> tuple[float, int, int]:
    started = time.perf_counter()
    report = one.sync_once()
    seconds = time.perf_counter() - started
    assert report.ok, report.message
    return seconds, report.uploaded, report.downloaded


def run(maintenance_url: str, folder: Path) -> None:
    print("building the small demo data …", flush=True)
    template_dir = folder / "template"
    template = Database.open(template_dir)
    demo_data.generate(template, "small")
    template.dispose()
    template_file = template.path
    with fresh_database(maintenance_url) as central_url:
        engine = create_engine(central_url, poolclass=NullPool)
        migrate.upgrade(engine)
        engine.dispose()
        load_baseline(template_file, central_url)
        server = start_server(central_url)
        try:
            desks = {n: workstation(template_file, folder / n) for n in ("a", "b", "c")}
            clients = {n: client(d, server.url, server.add_workstation(n), n) for n, d in desks.items()}

            open_records(desks["a"], 10_000)
            seconds, up, down = timed_sync(clients["a"])
            print(
                f"10 000 pending changes uploaded and applied: {seconds:.2f} s (uploaded {up}, downloaded {down})"
            )
            seconds, up, down = timed_sync(clients["b"])
            print(f"the same 10 000 changes downloaded and applied on another workstation: {seconds:.2f} s")

            print("making a 100 000-row clinic on the server …", flush=True)
            open_records(desks["a"], 90_000)
            seconds, up, down = timed_sync(clients["a"])
            print(f"(90 000 more changes uploaded and applied: {seconds:.2f} s)")
            seconds, up, down = timed_sync(clients["c"])
            print(f"first download of a 100 000-row clinic: {seconds:.2f} s ({down} changes)")

            for one in clients.values():
                one.sync_once()
            samples = []
            for _ in range(200):
                started = time.perf_counter()
                report = clients["b"].sync_once()
                samples.append((time.perf_counter() - started) * 1000)
                assert report.ok and report.uploaded == report.downloaded == 0
            ordered = sorted(samples)
            p95 = ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)]
            print(
                f"idle sync round (client wall time, includes the server's answer): n={len(ordered)} "
                f"p50={statistics.median(ordered):.1f} ms p95={p95:.1f} ms max={ordered[-1]:.1f} ms"
            )
            for one in clients.values():
                one.close()
            for database in desks.values():
                database.dispose()
        finally:
            server.stop()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--pg", help="URL of a PostgreSQL maintenance database (default: start a throwaway one)"
    )
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="hd-bench-sync-") as folder:
        if args.pg:
            run(args.pg, Path(folder))
        else:
            with throwaway_postgres() as url:
                run(url, Path(folder))


if __name__ == "__main__":
    main()
