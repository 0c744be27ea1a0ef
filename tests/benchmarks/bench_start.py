"""Benchmark the start of the program on a (large) demo database: ``hearing-desk --smoke``.

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    .venv/bin/python -m tests.benchmarks.bench_start DIR

Runs ``hearing-desk --smoke --data-dir DIR`` several times (offscreen) and measures the first paint from
process start (what the program prints; target ≤ 400 ms) and the peak resident memory of the process
with the large database open and a user signed in (from the kernel's accounting of the finished process,
``wait4``; target ≤ 150 MB). Linux only. Not a test: the figures go in the closing note.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

from tests.benchmarks.figures import Figure, p95, spread, table

FIRST_PAINT_TARGET_MS = 400.0
MEMORY_TARGET_MB = 150.0


def smoke(data_dir: Path) -> tuple[float, float]:
    """One ``--smoke`` start: (ms to first paint, peak resident MB)."""
    process = subprocess.Popen(
        [sys.executable, "-m", "ui.main", "--smoke", "--data-dir", str(data_dir)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    # wait4 gives this child's own resource use (getrusage(RUSAGE_CHILDREN) would mix in every child).
    _pid, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    output = process.stdout.read() if process.stdout else ""
    errors = process.stderr.read() if process.stderr else ""
    if process.returncode != 0:
        raise RuntimeError(f"hearing-desk --smoke failed ({process.returncode}): {errors.strip()}")
    match = re.search(r"first paint: (\d+) ms", output)
    if match is None:
        raise RuntimeError(f"hearing-desk --smoke printed no first paint: {output!r}")
    return float(match.group(1)), usage.ru_maxrss / 1024  # kilobytes on Linux


def figures(data_dir: Path, *, runs: int = 7) -> list[Figure]:
    smoke(data_dir)  # the first start may migrate the file and warms the disk cache: not counted
    paint_ms, memory_mb = zip(*(smoke(data_dir) for _ in range(runs)), strict=True)
    return [
        Figure(
            "first paint from process start (p95)",
            FIRST_PAINT_TARGET_MS,
            p95(paint_ms),
            "ms",
            spread(paint_ms),
        ),
        Figure(
            "peak memory, large database open and signed in",
            MEMORY_TARGET_MB,
            max(memory_mb),
            "MB",
            f"hearing-desk --smoke, max of {runs} starts",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, runs=arguments.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
