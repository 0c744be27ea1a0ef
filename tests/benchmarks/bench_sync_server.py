"""Benchmark the central sync service: 1 000 idle workstations polling every 5 s.

    .venv/bin/python -m tests.benchmarks.bench_sync_server [--workstations 1000] [--seconds 60]

Starts a throwaway PostgreSQL (as ``tests/sync/conftest.py`` does) and ``hearing-desk-server serve`` as a
process of its own, gives every simulated workstation a token, and lets each do what an idle
``SyncClient.sync_once`` sends every 5 s (``ui/sync/controller.py``): nothing to upload, so one
``GET /v1/download?after=<its last sequence>`` over its own kept-alive connection, answered with no
changes. The figure is the server process's CPU time over the wall time of the measurement (Linux,
``/proc``), at the rate 1 000 workstations poll (200 a second): when the load generator on the same machine
falls behind, the CPU time per answered poll is scaled to that rate rather than flattered by fewer polls.
Target: under 25 % of one core. Not a test: the figures go in the closing note.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from db import migrate as domain_migrate
from db.server import migrate, service
from db.server.cli import server_engine
from db.sync_protocol.messages import API_PREFIX, MAX_PAGE, SCHEMA_HEADER
from tests.benchmarks.figures import Figure, p95, table
from tests.sync.conftest import running_postgres

ROOT = Path(__file__).resolve().parents[2]
INTERVAL_S = 5.0  # ui.sync.controller.INTERVAL_MS
TARGET_SHARE = 25.0


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _serve(url: str) -> tuple[subprocess.Popen[bytes], str]:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    command = [sys.executable, "-m", "db.server.cli", "serve", "--db", url, "--host", "127.0.0.1"]
    process = subprocess.Popen(
        [*command, "--port", str(port)], cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(f"{base}/openapi.json", timeout=5)
            return process, base
        except httpx.TransportError:
            if process.poll() is not None or time.monotonic() > deadline:
                raise
            time.sleep(0.2)


class _Desk:
    """One workstation's kept-alive connection, sending the request ``httpx`` sends for an idle poll
    (written by hand so that the load generator, on the same machine, stays light)."""

    def __init__(self, base: str, token: str, after: int) -> None:
        host, port = base.removeprefix("http://").split(":")
        self.address = (host, int(port))
        self.request = (
            f"GET {API_PREFIX}/download?after={after}&limit={MAX_PAGE} HTTP/1.1\r\n"
            f"Host: {host}:{port}\r\nAccept: */*\r\nAccept-Encoding: gzip, deflate\r\n"
            f"Connection: keep-alive\r\nUser-Agent: python-httpx/{httpx.__version__}\r\n"
            f"Authorization: Bearer {token}\r\n{SCHEMA_HEADER}: {domain_migrate.head_revision()}\r\n\r\n"
        ).encode()
        self.streams: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None

    async def poll(self) -> bool:
        """One idle poll; True when the server answered 200 with no changes."""
        if self.streams is None:
            self.streams = await asyncio.open_connection(*self.address)
        reader, writer = self.streams
        try:
            writer.write(self.request)
            head = await reader.readuntil(b"\r\n\r\n")
            length = next(
                int(line.split(b":", 1)[1])
                for line in head.split(b"\r\n")
                if line.lower().startswith(b"content-length:")
            )
            body = await reader.readexactly(length)
        except (OSError, asyncio.IncompleteReadError, asyncio.LimitOverrunError, StopIteration):
            writer.close()
            self.streams = None
            return False
        return head.startswith(b"HTTP/1.1 200") and b'"changes":[]' in body

    def close(self) -> None:
        if self.streams is not None:
            self.streams[1].close()


async def _poll_for(
    base: str, tokens: list[str], after: int, seconds: float, pid: int
) -> tuple[float, int, int, float]:
    """Every workstation polls every INTERVAL_S; returns (CPU share %, polls, failed polls, p95 ms)."""
    desks = [_Desk(base, token, after) for token in tokens]
    measuring = asyncio.Event()
    done = asyncio.Event()
    polls, failures = 0, 0
    latencies: list[float] = []

    async def workstation(index: int, desk: _Desk) -> None:
        nonlocal polls, failures
        await asyncio.sleep(INTERVAL_S * index / len(desks))  # the desks started at different moments
        next_round = time.monotonic()
        while not done.is_set():
            started = time.perf_counter()
            try:
                ok = await asyncio.wait_for(desk.poll(), timeout=30)
            except TimeoutError:
                ok = False
            if measuring.is_set():
                polls += 1
                failures += not ok
                latencies.append((time.perf_counter() - started) * 1000)
            next_round += INTERVAL_S
            await asyncio.sleep(max(0.0, next_round - time.monotonic()))

    tasks = [asyncio.create_task(workstation(n, desk)) for n, desk in enumerate(desks)]
    await asyncio.sleep(INTERVAL_S * 2)  # every desk has made its first rounds (connections open)
    measuring.set()
    cpu_before, started = _cpu_seconds(pid), time.monotonic()
    await asyncio.sleep(seconds)
    cpu, wall = _cpu_seconds(pid) - cpu_before, time.monotonic() - started
    answered = polls - failures
    nominal = len(desks) / INTERVAL_S * wall  # the polls 1 000 desks make in that time
    share = cpu / wall * 100 * max(1.0, nominal / max(answered, 1))
    measuring.clear()
    done.set()
    await asyncio.gather(*tasks)
    for desk in desks:
        desk.close()
    return share, polls, failures, p95(latencies) if latencies else 0.0


def idle_polling(workstations: int = 1000, seconds: float = 60.0) -> Figure:
    with running_postgres() as postgres:
        with postgres.admin() as conn:
            conn.execute('CREATE DATABASE "bench"')
        url = postgres.url("bench")
        engine = create_engine(url, poolclass=NullPool)
        migrate.upgrade(engine)
        engine.dispose()
        engine = server_engine(url)
        tokens = [service.add_workstation(engine, f"idle-{n}") for n in range(workstations)]
        after = service.status(engine).last_seq
        engine.dispose()
        server, base = _serve(url)
        try:
            share, polls, failures, slowest = asyncio.run(_poll_for(base, tokens, after, seconds, server.pid))
        finally:
            server.send_signal(signal.SIGINT)
            server.wait(timeout=30)
    return Figure(
        f"{workstations} idle workstations polling every {INTERVAL_S:g} s: server CPU",
        TARGET_SHARE,
        share,
        "% of one core",
        f"{polls} polls in {seconds:g} s, {failures} failed, poll p95 {slowest:.1f} ms",
    )


def figures_for(workstations: int, seconds: float) -> list[Figure]:
    return [idle_polling(workstations, seconds)]


def figures(data_dir: Path) -> list[Figure]:
    """The sync server's figure for the benchmark runner (it builds its own database)."""
    return figures_for(1000, 60.0)


def main() -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--workstations", type=int, default=1000)
    parser.add_argument("--seconds", type=float, default=60.0)
    args = parser.parse_args()
    measured = figures_for(args.workstations, args.seconds)
    print(table(measured))
    return 0 if all(f.passed for f in measured) else 1


if __name__ == "__main__":
    sys.exit(main())
