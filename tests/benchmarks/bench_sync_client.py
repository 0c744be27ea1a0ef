"""Benchmark the sync client against the real sync server on a throwaway PostgreSQL (loopback).

    .venv/bin/python -m tests.benchmarks.bench_sync_client [--rows 100000] [--changes 10000]

Builds demo data of about ``--rows`` synced rows (patients, catalogue, individuals, stock, orders …),
puts it straight into the central database and publishes it (``hearing-desk-server publish-rows``), then:

* first download of the clinic: a workstation with an empty database runs its first ``sync_once`` and
  receives every row (target ≤ 3 s);
* changes up: the same workstation records ``--changes`` openings of patient records (logged inserts) and
  uploads them; the figure is the upload part of its next ``sync_once``: from the start of the round
  until the server has answered the last batch (target ≤ 1 s for 10 000).

Not a test (pytest collects only ``test_*.py``): the figures go in the closing note.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import create_engine, select
from sqlalchemy.pool import NullPool

from app import demo_data
from app.database import Database
from app.sync.client import SyncClient
from db.models import Patient, PatientAccessLog, User
from db.server import migrate, service
from tests.benchmarks.figures import Figure, table
from tests.sync.conftest import running_postgres, start_server
from tests.sync.test_client_support import client, load_baseline

DOWNLOAD_TARGET_S = 3.0
UPLOAD_TARGET_S = 1.0


def _clinic_scale(rows: int) -> demo_data.Scale:
    """Demo data of about *rows* synced rows, in the small scale's proportions (the small scale, 100 units
    below, makes about 11 750 synced rows)."""
    unit = max(1, round(rows / 117.5))
    return demo_data.Scale(
        "bench", patients=unit * 3, articles=unit * 4, individuals=unit * 20, movements=unit * 50
    )


def open_records(database: Database, count: int, chunk: int = 10_000) -> None:
    """*count* logged inserts (openings of patient records), written in units of *chunk*."""
    with database.read() as session:
        user_id = session.scalars(select(User.id).limit(1)).one()
        patient_ids = list(session.scalars(select(Patient.id).limit(1000)))
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


def _timed_upload(one: SyncClient) -> tuple[float, float, int]:
    """One ``sync_once``: (seconds until the last upload was answered, seconds of the round, uploaded)."""
    transport = one.transport
    original = transport.call
    started = time.perf_counter()
    last_answer = started

    def timed(method: str, path: str, *args: Any, **kwargs: Any) -> Any:
        nonlocal last_answer
        answer = original(method, path, *args, **kwargs)
        if path == "/upload":
            last_answer = time.perf_counter()
        return answer

    transport.call = timed  # type: ignore[method-assign]
    try:
        report = one.sync_once()
    finally:
        del transport.call
    assert report.ok, report.message
    return last_answer - started, time.perf_counter() - started, report.uploaded


def measure(folder: Path, rows: int, changes: int) -> list[Figure]:
    print(f"building demo data of about {rows} rows …", flush=True)
    demo_data.SCALES["bench"] = _clinic_scale(rows)
    template = Database.open(folder / "template")
    demo_data.generate(template, "bench")
    template.dispose()
    with running_postgres() as postgres:
        with postgres.admin() as conn:
            conn.execute('CREATE DATABASE "bench"')
        central_url = postgres.url("bench")
        engine = create_engine(central_url, poolclass=NullPool)
        migrate.upgrade(engine)
        load_baseline(template.path, central_url)
        published = service.publish_existing_rows(engine)
        engine.dispose()
        server = start_server(central_url)
        try:
            fresh = Database.open(folder / "new-laptop")
            laptop = client(fresh, server.url, server.add_workstation("new-laptop"), "new-laptop")
            started = time.perf_counter()
            report = laptop.sync_once()
            first_download = time.perf_counter() - started
            assert report.ok and report.downloaded == published, report

            open_records(fresh, changes)
            upload, whole_round, uploaded = _timed_upload(laptop)
            assert uploaded == changes
            laptop.close()
            fresh.dispose()
        finally:
            server.stop()
    return [
        Figure(
            f"{changes} changes up (upload part of a sync round)",
            UPLOAD_TARGET_S,
            upload,
            "s",
            f"whole round with the changes coming back: {whole_round:.2f} s",
        ),
        Figure(
            f"first download of a {published}-row clinic",
            DOWNLOAD_TARGET_S,
            first_download,
            "s",
            f"{published / first_download:.0f} rows/s, empty workstation",
        ),
    ]


def figures_for(rows: int, changes: int) -> list[Figure]:
    with tempfile.TemporaryDirectory(prefix="hd-bench-sync-") as folder:
        return measure(Path(folder), rows, changes)


def figures(data_dir: Path) -> list[Figure]:
    """The sync client's figures for the benchmark runner (it builds its own clinic; data_dir unused)."""
    return figures_for(100_000, 10_000)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--changes", type=int, default=10_000)
    args = parser.parse_args()
    measured = figures_for(args.rows, args.changes)
    print(table(measured))
    return 0 if all(f.passed for f in measured) else 1


if __name__ == "__main__":
    sys.exit(main())
