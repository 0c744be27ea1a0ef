"""Benchmark the Stock tab's reads on a (large) demo database (R33–R35).

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    .venv/bin/python -m tests.benchmarks.bench_stock DIR

Measures, each in its own read unit of work as the tab's operations run them:
- a warehouse's balance list to its first rows (the page the tab shows first, before the hit count is
  asked for), for the largest warehouses, with the tab's default selection (every article the warehouse
  holds) and each balance filter, with and without a search word, over the whole catalogue of 50 000
  articles: p95 ≤ 50 ms;
- an article's ledger in a warehouse (the newest movements with reason, document number and who), for
  random articles the warehouse holds: p95 ≤ 20 ms.
The hit count that follows the first rows is reported beside the first figure. Not a test.
"""

from __future__ import annotations

import argparse
import gc
import random
import time
from pathlib import Path

from sqlalchemy import func, select

from app.database import Database
from app.stock_balances import BalanceFilter, article_ledger, balance_count, balance_list
from db.models import StockMovement, Warehouse
from db.models.enums import WarehouseKind
from tests.benchmarks.figures import Figure, p95, spread, table

FIRST_ROWS_TARGET_MS = 50.0
LEDGER_TARGET_MS = 20.0
SEARCH_WORDS = ("", "dome", "oticon laddare")


def figures(data_dir: Path, *, rounds: int = 3, ledgers: int = 200) -> list[Figure]:
    database = Database.open(data_dir)
    rng = random.Random(11)
    with database.read() as session:
        # The two warehouses with the most movements: the central warehouse and the largest own stock.
        counted = session.execute(
            select(Warehouse.id, Warehouse.code, Warehouse.kind, func.count(StockMovement.id))
            .join(StockMovement, StockMovement.warehouse_id == Warehouse.id)
            .group_by(Warehouse.id)
            .order_by(func.count(StockMovement.id).desc())
        ).all()
        central = next(row for row in counted if row[2] is WarehouseKind.CENTRAL)
        own = next(row for row in counted if row[2] is WarehouseKind.OWN_STOCK)
        chosen = [central, own]
        held = {
            warehouse_id: list(
                session.scalars(
                    select(StockMovement.article_id)
                    .where(StockMovement.warehouse_id == warehouse_id)
                    .limit(300_000)
                )
            )
            for warehouse_id, *_rest in chosen
        }

    first_ms: list[float] = []
    count_ms: list[float] = []
    gc.collect()
    for _round in range(rounds):
        for warehouse_id, _code, _kind, _movements in chosen:
            for balance_filter in BalanceFilter:
                for word in SEARCH_WORDS:
                    conditions = {
                        "warehouse_id": warehouse_id,
                        "text": word,
                        "balance_filter": balance_filter,
                    }
                    started = time.perf_counter()
                    with database.read() as session:
                        listing = balance_list(session, count=False, **conditions)  # type: ignore[arg-type]
                    first_ms.append((time.perf_counter() - started) * 1000)
                    if listing.total is None:
                        started = time.perf_counter()
                        with database.read() as session:
                            balance_count(session, **conditions)  # type: ignore[arg-type]
                        count_ms.append((time.perf_counter() - started) * 1000)

    ledger_ms: list[float] = []
    movements: list[int] = []
    for index in range(ledgers):
        warehouse_id = chosen[index % len(chosen)][0]
        article_id = rng.choice(held[warehouse_id])
        started = time.perf_counter()
        with database.read() as session:
            ledger = article_ledger(session, article_id=article_id, warehouse_id=warehouse_id)
        ledger_ms.append((time.perf_counter() - started) * 1000)
        movements.append(ledger.total)
    database.dispose()
    names = " and ".join(f"{code} ({count} movements)" for _id, code, _kind, count in chosen)
    return [
        Figure(
            "stock balance list, warehouse of 50 000 articles, to first rows (p95)",
            FIRST_ROWS_TARGET_MS,
            p95(first_ms),
            "ms",
            f"{spread(first_ms)}; warehouses {names}, {len(BalanceFilter)} filters x {len(SEARCH_WORDS)} "
            f"searches; the hit count after: {spread(count_ms) if count_ms else 'none needed'}",
        ),
        Figure(
            "an article's ledger (p95)",
            LEDGER_TARGET_MS,
            p95(ledger_ms),
            "ms",
            f"{spread(ledger_ms)}; {min(movements)}–{max(movements)} movements per article",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--ledgers", type=int, default=200)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, rounds=arguments.rounds, ledgers=arguments.ledgers)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
