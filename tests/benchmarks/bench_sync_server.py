"""Benchmark the central sync service on a throwaway PostgreSQL over loopback.

    .venv/bin/python -m tests.benchmarks.bench_sync_server [--changes 10000]

Starts PostgreSQL (as in ``tests/sync/conftest.py``) and one service instance under uvicorn, then prints:
the time to upload and apply N pending changes in batches of ``MAX_BATCH`` (target ≤ 5 s for 10 000:
patient inserts, stock movements and phone edits), the first download of everything, and an idle
download round with nothing new (target ≤ 20 ms), and the CPU a ``hearing-desk-server serve`` process
uses while 200 idle clients poll it every 5 s (target < 25 % of one core; Linux, read from /proc).
Not a test: figures go in the closing note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import signal
import socket
import statistics
import subprocess
import sys
import threading
import time
import uuid
from pathlib import Path
from typing import Any

import httpx
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from db import migrate as domain_migrate
from db.server import migrate, service
from db.server.cli import server_engine
from db.sync_protocol.messages import MAX_BATCH, SCHEMA_HEADER
from tests.sync.conftest import running_postgres, start_server


def _change(
    n: int,
    table: str,
    operation: str,
    row_id: str,
    payload: dict[str, Any],
    base: dict[str, Any] | None = None,
) -> dict[str, Any]:
    return {
        "id": str(uuid.uuid4()),
        "local_seq": n,
        "table": table,
        "row_id": row_id,
        "operation": operation,
        "payload": payload,
        "base": base,
        "recorded_at": (dt.datetime(2026, 11, 23, tzinfo=dt.UTC) + dt.timedelta(seconds=n)).isoformat(),
    }


def workload(total: int) -> list[dict[str, Any]]:
    """A clinic's day: 70 % new patients (all columns), 20 % stock movements, 10 % phone edits."""
    changes: list[dict[str, Any]] = []
    ids = {name: str(uuid.uuid4()) for name in ("supplier", "article", "warehouse")}
    now = dt.datetime(2026, 11, 23, tzinfo=dt.UTC).isoformat()
    changes.append(
        _change(
            0, "supplier", "insert", ids["supplier"], {"id": ids["supplier"], "number": "S1", "name": "S"}
        )
    )
    changes.append(
        _change(
            0,
            "article",
            "insert",
            ids["article"],
            {
                "id": ids["article"],
                "article_number": "A1",
                "name": "Battery",
                "supplier_id": ids["supplier"],
                "iso_code": "222406",
                "article_type": "accessory",
            },
        )
    )
    changes.append(
        _change(
            0,
            "warehouse",
            "insert",
            ids["warehouse"],
            {"id": ids["warehouse"], "code": "70", "name": "Central", "kind": "central"},
        )
    )
    patients: list[str] = []
    n = len(changes)
    while len(changes) < total:
        n += 1
        kind = n % 10
        if kind < 7 or not patients:
            row_id = str(uuid.uuid4())
            patients.append(row_id)
            changes.append(
                _change(
                    n,
                    "patient",
                    "insert",
                    row_id,
                    {
                        "id": row_id,
                        "updated_at": now,
                        "identity_number": f"{19000000 + n:08d}{n % 10000:04d}",
                        "identity_kind": "personal",
                        "first_name": "Pat",
                        "last_name": f"Ient {n}",
                        "first_name_key": "pat",
                        "last_name_key": f"ient {n}",
                        "birth_date": "1950-01-01",
                        "street": "Storgatan 1",
                        "postal_code": "211 11",
                        "city": "Malmö",
                        "phone": "040-100000",
                        "home_region": "Region Skåne",
                        "residency": "resident",
                        "country": "",
                        "protected_identity": False,
                        "deceased_on": None,
                        "active": True,
                        "lma_card_valid_until": None,
                        "replaced_by_id": None,
                    },
                )
            )
        elif kind < 9:
            row_id = str(uuid.uuid4())
            changes.append(
                _change(
                    n,
                    "stock_movement",
                    "insert",
                    row_id,
                    {
                        "id": row_id,
                        "warehouse_id": ids["warehouse"],
                        "article_id": ids["article"],
                        "quantity": 5 if n % 2 else -1,
                        "reason": "goods_receipt" if n % 2 else "withdrawal",
                        "unit_price": "12.50",
                        "occurred_at": now,
                    },
                )
            )
        else:
            changes.append(
                _change(
                    n,
                    "patient",
                    "update",
                    patients[n % len(patients)],
                    {"phone": f"070-{n:06d}", "updated_at": now},
                    {"phone": "040-100000", "updated_at": now},
                )
            )
    return changes[:total]


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def idle_clients(url: str, clients: int, seconds: float, interval: float = 5.0) -> None:
    """``clients`` workstations poll a served ``hearing-desk-server`` process; print its CPU share."""
    engine = server_engine(url)
    tokens = [service.add_workstation(engine, f"idle-{n}") for n in range(clients)]
    last = service.status(engine).last_seq
    engine.dispose()
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [
        sys.executable,
        "-m",
        "db.server.cli",
        "serve",
        "--db",
        url,
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 30
        while True:
            try:
                httpx.get(f"{base}/openapi.json")
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        stop = threading.Event()
        failures: list[int] = []

        def poll(index: int, token: str) -> None:
            headers = {"Authorization": f"Bearer {token}", SCHEMA_HEADER: domain_migrate.head_revision()}
            with httpx.Client(base_url=base, headers=headers, timeout=30) as http:
                if stop.wait(interval * index / clients):  # spread the clients over the interval
                    return
                while not stop.is_set():
                    if http.get("/v1/download", params={"after": last}).status_code != 200:
                        failures.append(index)
                    stop.wait(interval)

        threads = [threading.Thread(target=poll, args=(n, t), daemon=True) for n, t in enumerate(tokens)]
        for thread in threads:
            thread.start()
        time.sleep(interval)  # every client has made its first round
        cpu_before, started = _cpu_seconds(server.pid), time.monotonic()
        time.sleep(seconds)
        share = (_cpu_seconds(server.pid) - cpu_before) / (time.monotonic() - started)
        stop.set()
        for thread in threads:
            thread.join()
        print(
            f"{clients} idle clients polling every {interval:.0f} s: server process at {share * 100:.1f} % "
            f"of one core over {seconds:.0f} s ({len(failures)} failed polls; target < 25 %)"
        )
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--idle-rounds", type=int, default=200)
    parser.add_argument("--idle-clients", type=int, default=200)
    parser.add_argument("--idle-seconds", type=float, default=30.0)
    args = parser.parse_args()

    with running_postgres() as postgres:
        with postgres.admin() as conn:
            conn.execute('CREATE DATABASE "bench"')
        url = postgres.url("bench")
        engine = create_engine(url, poolclass=NullPool)
        migrate.upgrade(engine)
        engine.dispose()
        server = start_server(url)
        try:
            token = server.add_workstation("bench")
            headers = {"Authorization": f"Bearer {token}", SCHEMA_HEADER: domain_migrate.head_revision()}
            changes = workload(args.changes)
            with httpx.Client(base_url=server.url, headers=headers, timeout=120) as http:
                started = time.perf_counter()
                rejected = 0
                for start in range(0, len(changes), MAX_BATCH):
                    response = http.post("/v1/upload", json={"changes": changes[start : start + MAX_BATCH]})
                    response.raise_for_status()
                    rejected += len(response.json()["rejected"])
                upload_s = time.perf_counter() - started
                last = response.json()["server_seq"]

                started = time.perf_counter()
                after, rows = 0, 0
                while True:
                    page = http.get("/v1/download", params={"after": after}).json()
                    rows += len(page["changes"])
                    after = page["last_seq"]
                    if not page["more"]:
                        break
                download_s = time.perf_counter() - started

                idle = []
                for _ in range(args.idle_rounds):
                    started = time.perf_counter()
                    response = http.get("/v1/download", params={"after": last})
                    idle.append((time.perf_counter() - started) * 1000)
                    assert response.json()["changes"] == []
            idle.sort()
            print(f"upload+apply {len(changes)} changes in {len(changes) // MAX_BATCH} batches: {upload_s:.2f} s "
                  f"({len(changes) / upload_s:.0f} changes/s, {rejected} rejected; target <= 5 s)")  # fmt: skip
            print(f"first download of {rows} changes: {download_s:.2f} s")
            print(
                f"idle download round: median {statistics.median(idle):.1f} ms, "
                f"p95 {idle[int(len(idle) * 0.95) - 1]:.1f} ms, max {idle[-1]:.1f} ms (target <= 20 ms)"
            )
        finally:
            server.stop()
        if args.idle_clients:
            idle_clients(url, args.idle_clients, args.idle_seconds)


if __name__ == "__main__":
    main()
