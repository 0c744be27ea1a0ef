"""What every benchmark reports: figures with their target, gathered into one table by the runner.

A benchmark module offers ``figures(data_dir: Path) -> list[Figure]`` (``data_dir`` holds a scratch copy
of the large demo database; a module that needs no database ignores it) beside its own ``main()``.
"""

from __future__ import annotations

import math
import statistics
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    name: str  # what was measured, e.g. "name search per keystroke (p95)"
    target: float  # the most the figure may be
    measured: float
    unit: str  # "ms", "s", "MB", "% of one core"
    detail: str = ""  # n, p50, max … for the reader

    @property
    def passed(self) -> bool:
        return self.measured <= self.target  # never for a missing figure (NaN)

    @classmethod
    def missing(cls, name: str, why: str) -> Figure:
        """A row for what could not be measured (a module without ``figures``, one that failed)."""
        return cls(name, math.nan, math.nan, "", why)

    @property
    def is_missing(self) -> bool:
        return math.isnan(self.measured)


def p95(samples: Sequence[float]) -> float:
    """The 95th percentile by nearest rank."""
    ordered = sorted(samples)
    return ordered[max(0, math.ceil(len(ordered) * 0.95) - 1)]


def spread(samples: Sequence[float]) -> str:
    ordered = sorted(samples)
    return (
        f"n={len(ordered)} p50={statistics.median(ordered):.1f} p95={p95(ordered):.1f} max={ordered[-1]:.1f}"
    )


def table(figures: Sequence[Figure]) -> str:
    """One plain-text table: figure, target, measured, pass."""
    rows = [("figure", "target", "measured", "pass", "detail")]
    for figure in figures:
        rows.append(
            (
                figure.name,
                "" if math.isnan(figure.target) else f"≤ {figure.target:g} {figure.unit}",
                "missing" if figure.is_missing else f"{figure.measured:.1f} {figure.unit}",
                "yes" if figure.passed else "NO",
                figure.detail,
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = []
    for number, row in enumerate(rows):
        lines.append(
            "  ".join(cell.ljust(width) for cell, width in zip(row, widths, strict=False)) + "  " + row[4]
        )
        if number == 0:
            lines.append("  ".join("-" * width for width in widths))
    return "\n".join(line.rstrip() for line in lines)
