"""Benchmark ordering on a (large) demo database.

    .venv/bin/hearing-desk-admin demo-data --scale large --data-dir DIR
    QT_QPA_PLATFORM=offscreen .venv/bin/python -m tests.benchmarks.bench_orders DIR

Measures article search in the cart per keystroke (query with the balances of the cart's warehouse, plus
the results model the cart shows; target p95 ≤ 5 ms), and sending a 10-line order (the ``send_order``
unit of work: checks, number, central reservations, fees; target p95 ≤ 20 ms). The sends write into DIR:
use a scratch copy (``python -m tests.benchmarks`` makes one). Not a test: figures go in the closing note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import func, select

from app import orders
from app.articles import search_articles
from app.database import Database
from app.numbers import NumberAllocator
from app.organisation import work_context
from app.stock import balances_of
from db.models import Article, Patient, Warehouse
from db.models.enums import ArticleStatus, ArticleType, IdentityKind, OrderKind, Residency
from tests.benchmarks.figures import Figure, p95, spread, table

ARTICLE_SEARCH_TARGET_MS = 5.0
SEND_TARGET_MS = 20.0


def keystrokes(words: list[str]) -> list[str]:
    """What the search field holds after each key of typing *words* separated by spaces."""
    typed = " ".join(words)
    return [typed[:end] for end in range(1, len(typed) + 1)]


def figures(data_dir: Path, *, queries: int = 120, sends: int = 30) -> list[Figure]:
    from ui.qt import QApplication
    from ui.table_model import Column, RowTableModel

    app = QApplication.instance() or QApplication([])
    database = Database.open(data_dir)
    rng = random.Random(3)
    today = dt.date.today()
    with database.read() as session:
        context = work_context(session, username="anna.audionom", service_location_code="HM-LUND")
        central = session.scalars(select(Warehouse.id).where(Warehouse.code == "70")).one()
        articles = session.execute(
            select(Article.name, Article.article_number).order_by(func.random()).limit(queries)
        ).all()
        count = session.scalar(select(func.count()).select_from(Article))

    # -- article search as you type
    model = RowTableModel(
        [
            Column("Article", lambda hit: hit.article_number),
            Column("Name", lambda hit: hit.name),
            Column("Supplier", lambda hit: hit.supplier_name),
            Column("Balance", lambda hit: "" if hit.balance is None else str(hit.balance)),
        ]
    )
    samples: list[float] = []
    for name, number in articles:
        words = name.lower().split()
        typed = rng.choice([words[:2], words[-2:], [number], words[:1] + words[-1:]])
        for text in keystrokes(typed):
            started = time.perf_counter()
            with database.read() as session:
                found = search_articles(session, text, warehouse_id=central)
            model.set_rows(list(found.hits))
            samples.append((time.perf_counter() - started) * 1000)
            app.processEvents()

    # -- sending a 10-line order
    with database.read() as session:
        patients = list(
            session.scalars(
                select(Patient.id)
                .where(
                    Patient.active.is_(True),
                    Patient.deceased_on.is_(None),
                    Patient.residency == Residency.RESIDENT,
                    Patient.identity_kind == IdentityKind.PERSONAL,
                    Patient.replaced_by_id.is_(None),
                )
                .limit(5000)
            )
        )
        candidates = list(
            session.scalars(
                select(Article.id).where(
                    Article.status == ArticleStatus.ACTIVE, Article.article_type != ArticleType.SERVICE
                )
            )
        )
        held = balances_of(session, central, candidates)
    in_central = [a for a in candidates if held.get(a, 0) >= sends * 2]
    via_direct = [a for a in candidates if held.get(a, 0) == 0]
    send_ms: list[float] = []
    for _ in range(sends):
        with database.write() as session:
            order_id = orders.open_cart(
                session, context, patient_id=rng.choice(patients), kind=OrderKind.PRESCRIPTION
            ).id
            for index in range(10):
                article = rng.choice(in_central if index % 2 else via_direct)
                orders.add_line(session, context, order_id=order_id, article_id=article, today=today)
        started = time.perf_counter()
        with database.write() as session:
            orders.send_order(session, context, order_id=order_id, allocator=NumberAllocator(), today=today)
        send_ms.append((time.perf_counter() - started) * 1000)
    database.dispose()
    return [
        Figure(
            "article search per keystroke (p95)",
            ARTICLE_SEARCH_TARGET_MS,
            p95(samples),
            "ms",
            f"{spread(samples)}; {count} articles",
        ),
        Figure(
            "send a 10-line order (p95)",
            SEND_TARGET_MS,
            p95(send_ms),
            "ms",
            f"{spread(send_ms)}; 5 lines from 70, 5 through 750",
        ),
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--queries", type=int, default=120)
    parser.add_argument("--sends", type=int, default=30)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, queries=arguments.queries, sends=arguments.sends)))
    return 0


if __name__ == "__main__":
    code = main()
    sys.stdout.flush()
    os._exit(code)  # PySide's teardown of the offscreen application may crash at interpreter exit
