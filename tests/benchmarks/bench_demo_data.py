"""Benchmark building the large demo database (300 000 patients, 1 000 000 individuals, …).

    .venv/bin/python -m tests.benchmarks.bench_demo_data DIR [--replace] [--seed N] [--scale large]

Builds into DIR (refusing a DIR that already holds a database unless --replace is given) and prints the
seconds per stage, the total, the rows per table and the size of the file. Not a test (pytest collects
only ``test_*.py``): the figures go in the closing note. The build should take under 3 minutes on a
2-core machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from app import demo_data
from app.database import DATABASE_FILE, Database, remove_stale

LIMIT_SECONDS = 180


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--scale", choices=sorted(demo_data.SCALES), default="large")
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--replace", action="store_true", help="delete a database already in DATA_DIR")
    arguments = parser.parse_args()

    path = arguments.data_dir / DATABASE_FILE
    if path.exists() and not arguments.replace:
        print(f"{path} exists; add --replace to build over it.", file=sys.stderr)
        return 2
    remove_stale(path)

    started = time.perf_counter()
    stage_started, current = started, ""

    def progress(stage: str, _fraction: float) -> None:
        nonlocal stage_started, current
        if stage != current:
            now = time.perf_counter()
            if current:
                print(f"  {now - stage_started:7.1f} s  {current}")
            stage_started, current = now, stage

    database = Database.open(arguments.data_dir)
    try:
        summary = demo_data.generate(database, arguments.scale, seed=arguments.seed, progress=progress)
    finally:
        database.dispose()
    elapsed = time.perf_counter() - started
    print(
        f"{arguments.scale} demo data, seed {arguments.seed}: {elapsed:.1f} s in total (limit {LIMIT_SECONDS} s)"
    )
    for name, count in sorted(summary.counts.items(), key=lambda item: -item[1]):
        print(f"  {name:<24} {count:>10}")
    print(f"file: {path.stat().st_size / 2**20:.0f} MiB")
    return 0 if elapsed < LIMIT_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
