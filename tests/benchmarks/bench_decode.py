"""Benchmark the barcode decoder on the test set (tests/scan_images/): ours against each library alone.

    .venv/bin/python -m tests.benchmarks.bench_decode

Reads every image of the set with zxing-cpp alone (its defaults: all formats, rotation, downscale,
inversion), with pyzbar alone (libzbar's defaults) and with ours (app.scanning.decode: both combined, with
retries in other forms of the image), ours once within a camera frame's budget (80 ms) and once as a dropped
photo or ``hearing-desk-admin decode`` reads a file. A code counts as read when its expected text is among
the texts read; a text that is not in the image is a false positive. Targets: ours misses fewer images than
either library alone, and reads nothing that is not there. Needs no database.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

import cv2
import numpy as np
import zxingcpp
from pyzbar import pyzbar

from app.scanning.decode import FILE_BUDGET_S, decode_image
from app.scanning.frames import FRAME_BUDGET_S
from tests.benchmarks.figures import Figure, table
from tests.scan_images.generate import Sample, load_set

Reader = Callable[[np.ndarray], set[str]]


def zxing_alone(image: np.ndarray) -> set[str]:
    return {barcode.text for barcode in zxingcpp.read_barcodes(image, text_mode=zxingcpp.TextMode.Plain)}


def pyzbar_alone(image: np.ndarray) -> set[str]:
    grey = cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    return {symbol.data.decode("utf-8", errors="replace") for symbol in pyzbar.decode(grey)}


def ours(budget_s: float) -> Reader:
    return lambda image: {found.text for found in decode_image(image, budget_s=budget_s)}


def run(reader: Reader, samples: list[tuple[Sample, np.ndarray]]) -> tuple[list[str], int, list[float]]:
    """The images missed, the false positives (texts read that are not there) and the times in ms."""
    missed, false_positives, times = [], 0, []
    for sample, image in samples:
        started = time.perf_counter()
        texts = reader(image)
        times.append((time.perf_counter() - started) * 1000)
        if not set(sample.expected) <= texts:
            missed.append(sample.path.name)
        false_positives += len(texts - set(sample.expected))
    return missed, false_positives, times


def figures(data_dir: Path | None = None) -> list[Figure]:
    samples = [(sample, cv2.imread(str(sample.path))) for sample in load_set()]
    with_code = [pair for pair in samples if pair[0].expected]
    without = len(samples) - len(with_code)
    results = {
        "zxing-cpp alone": run(zxing_alone, samples),
        "pyzbar alone": run(pyzbar_alone, samples),
        f"ours, frame budget {FRAME_BUDGET_S * 1000:.0f} ms": run(ours(FRAME_BUDGET_S), samples),
        "ours, photo file": run(ours(FILE_BUDGET_S), samples),
    }
    total = len(with_code)

    def rate(name: str) -> str:
        missed, false_positives, times = results[name]
        read = total - len([m for m in missed if m in {s.path.name for s, _ in with_code}])
        return (
            f"{name}: {read}/{total} read ({read / total:.0%}), {false_positives} false, "
            f"p50 {statistics.median(times):.0f} ms"
        )

    for name in results:
        print(rate(name), file=sys.stderr)
    misses = {name: len(result[0]) for name, result in results.items()}
    best_alone = min(misses["zxing-cpp alone"], misses["pyzbar alone"])
    figures = []
    for name in (f"ours, frame budget {FRAME_BUDGET_S * 1000:.0f} ms", "ours, photo file"):
        figures.append(
            Figure(
                f"test set: images {name} misses (target: fewer than either library alone)",
                best_alone - 1,
                misses[name],
                "images",
                f"{rate(name)}; {rate('zxing-cpp alone')}; {rate('pyzbar alone')}",
            )
        )
    figures.append(
        Figure(
            f"test set: false positives of ours ({without} images without a code, {total} with one)",
            0,
            sum(results[name][1] for name in results if name.startswith("ours")),
            "texts",
            f"zxing-cpp alone {results['zxing-cpp alone'][1]}, pyzbar alone {results['pyzbar alone'][1]}",
        )
    )
    return figures


def main() -> int:
    argparse.ArgumentParser(description=__doc__).parse_args()
    print(table(figures()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
