"""Run every benchmark on the large demo database and print one table: figure, target, measured, pass.

    .venv/bin/python -m tests.benchmarks DIR [--only bench_orders ...] [--keep-scratch]

DIR holds the large demo database; when it holds none, it is built first (``hearing-desk-admin demo-data
--scale large``, several minutes). Each benchmark module runs on a fresh scratch copy beside DIR (several
of them write: orders sent, deliveries received, records opened; a fresh copy keeps one module's rows out
of the next one's figures), removed afterwards; DIR is never changed. Each module offers
``figures(data_dir) -> list[Figure]``; one that has none, or fails, gets a row saying so. Exits 0 when
every figure meets its target, 1 otherwise.
"""

from __future__ import annotations

import argparse
import importlib
import os
import shutil
import sqlite3
import subprocess
import sys
import time
import traceback
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.benchmarks.figures import Figure, table

DATABASE_FILE = "hearing-desk.sqlite"  # app.database.DATABASE_FILE, without importing the program early

#: The benchmark modules, in the order they run (each ``tests/benchmarks/<name>.py``).
MODULES = (
    "bench_start",
    "bench_patients",
    "bench_individuals",
    "bench_scanning",
    "bench_orders",
    "bench_receipt",
    "bench_documents",
    "bench_return_wizard",
    "bench_returns",
    "bench_aid_list",
    "bench_activities",
    "bench_stock",
    "bench_inventory",
    "bench_sync_server",
    "bench_sync_client",
    "bench_recogniser",
    "bench_decode",
    "bench_camera",
)


def build_if_missing(data_dir: Path) -> None:
    if (data_dir / DATABASE_FILE).exists():
        return
    print(f"{data_dir} holds no database: building the large demo database (several minutes)…", flush=True)
    subprocess.run(
        [sys.executable, "-m", "app.cli", "demo-data", "--scale", "large", "--data-dir", str(data_dir)],
        check=True,
        stdout=subprocess.DEVNULL,
    )


def scratch_copy(data_dir: Path) -> Path:
    """A copy of DIR's database in a folder beside it (same disk), for benchmarks that write."""
    scratch = data_dir.with_name(f"{data_dir.name}-scratch")
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    source = data_dir / DATABASE_FILE
    with sqlite3.connect(source) as connection:  # everything in the file itself, nothing left in a WAL
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    shutil.copyfile(source, scratch / DATABASE_FILE)
    # Written to disk now, not while a benchmark commits (its first sync would wait for gigabytes).
    with open(scratch / DATABASE_FILE, "rb+") as copy:
        os.fsync(copy.fileno())
    return scratch


def gather(name: str, data_dir: Path) -> list[Figure]:
    """The figures of one module, or one row saying why there are none."""
    try:
        module = importlib.import_module(f"tests.benchmarks.{name}")
    except Exception as error:  # a module that cannot even be imported
        return [Figure.missing(name, f"cannot be imported: {error}")]
    figures: Callable[[Path], list[Figure]] | None = getattr(module, "figures", None)
    if figures is None:
        return [Figure.missing(name, "has no figures(data_dir) yet")]
    started = time.perf_counter()
    try:
        found = list(figures(data_dir))
    except Exception as error:
        traceback.print_exc()
        return [Figure.missing(name, f"failed: {type(error).__name__}: {error}")]
    print(
        f"{name}: {len(found)} figures in {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True
    )
    return found or [Figure.missing(name, "returned no figures")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m tests.benchmarks",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("data_dir", type=Path, help="folder of the large demo database (built when empty)")
    parser.add_argument("--only", nargs="+", choices=MODULES, help="run only these modules")
    parser.add_argument("--keep-scratch", action="store_true", help="keep the last scratch copy afterwards")
    arguments = parser.parse_args(argv)

    data_dir: Path = arguments.data_dir.resolve()
    build_if_missing(data_dir)
    figures: list[Figure] = []
    scratch = data_dir
    try:
        for name in arguments.only or MODULES:
            scratch = scratch_copy(data_dir)
            figures.extend(gather(name, scratch))
    finally:
        if not arguments.keep_scratch and scratch != data_dir:
            shutil.rmtree(scratch, ignore_errors=True)
    print(table(figures))
    return 0 if all(figure.passed for figure in figures) else 1


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # PySide's teardown of the offscreen application may crash at interpreter exit
