"""Benchmark the patient's aid list (R43) on a (large) demo database.

    .venv/bin/python -m tests.benchmarks.bench_aid_list DIR      (DIR: a scratch copy; it is written to)

Gives one patient 50 aids (25 individually marked devices and 25 lines of other articles, on one order)
and measures the aid list of that patient, read in its own unit of work and rendered to PDF bytes, with
the invoice address of a move out of the region (target p95 ≤ 100 ms). Not a test: figures go in the
closing note.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import time
import uuid
from pathlib import Path

from sqlalchemy import select

from app.database import Database
from app.documents.aid_list import aid_list, render_aid_list
from app.identity import make_identity_number
from db.models import Article, Individual, Order, OrderLine, Patient, ServiceLocation, User
from db.models.enums import ArticleType, IdentityKind, IndividualStatus, LineStatus, OrderKind, OrderStatus
from tests.benchmarks.figures import Figure, p95, spread, table

AID_LIST_TARGET_MS = 100.0
AIDS = 50
BORN = dt.date(1931, 2, 3)


def _patient_with_aids(database: Database, today: dt.date) -> tuple[uuid.UUID, uuid.UUID, uuid.UUID]:
    """A new patient given ``AIDS`` aids; returns (patient, service location, user) ids."""
    with database.write() as session:
        # A patient of its own (a birth date and serial not in use), so the list holds exactly these aids.
        taken = set(session.scalars(select(Patient.identity_number).where(Patient.birth_date == BORN)))
        identity = next(
            n for n in (make_identity_number(BORN, serial) for serial in range(1000)) if n not in taken
        )
        patient = Patient(
            identity_number=identity,
            identity_kind=IdentityKind.PERSONAL,
            first_name="Bengt",
            last_name="Benchmark",
            first_name_key="bengt",
            last_name_key="benchmark",
            birth_date=BORN,
            street="Storgatan 1",
            postal_code="222 22",
            city="Lund",
            phone="046-12 34 56",
        )
        session.add(patient)
        session.flush()
        location = session.scalars(
            select(ServiceLocation).where(ServiceLocation.is_private.is_(False))
        ).first()
        user = session.scalars(select(User)).first()
        assert location is not None and user is not None
        marked = list(
            session.scalars(select(Article).where(Article.individually_marked.is_(True)).limit(AIDS // 2))
        )
        plain = list(
            session.scalars(
                select(Article)
                .where(Article.individually_marked.is_(False), Article.article_type != ArticleType.SERVICE)
                .limit(AIDS - len(marked))
            )
        )
        order = Order(
            number=None,  # no number: nothing to collide with
            kind=OrderKind.PRESCRIPTION,
            status=OrderStatus.DELIVERED,
            patient_id=patient.id,
            prescriber_id=user.id,
            orderer_id=user.id,
            service_location_id=location.id,
        )
        session.add(order)
        session.flush()
        tag = identity[-8:]
        for line_number, article in enumerate(marked + plain, start=1):
            line = OrderLine(
                order_id=order.id,
                line_number=line_number,
                article_id=article.id,
                quantity=1 if article.individually_marked else 2,
                status=LineStatus.DELIVERED,
                delivered_on=today - dt.timedelta(days=line_number),
                unit_price=article.price,
            )
            session.add(line)
            session.flush()
            if article.individually_marked:
                session.add(
                    Individual(
                        individual_number=f"B{tag}{line_number:02d}",
                        serial_number=f"SN-B{tag}{line_number:02d}",
                        article_id=article.id,
                        status=IndividualStatus.DELIVERED,
                        patient_id=patient.id,
                        order_line_id=line.id,
                        purchase_date=today - dt.timedelta(days=line_number),
                        purchase_price=article.price,
                    )
                )
        return patient.id, location.id, user.id


def figures(data_dir: Path, *, runs: int = 60) -> list[Figure]:
    database = Database.open(data_dir)
    today = dt.date.today()
    patient, location, user = _patient_with_aids(database, today)
    elapsed: list[float] = []
    sizes: list[int] = []
    gc.collect()
    for _ in range(runs):
        started = time.perf_counter()
        with database.read() as session:
            doc = aid_list(
                session,
                patient_id=patient,
                service_location_id=location,
                user_id=user,
                today=today,
                invoice_address="Region Halland\nFakturaenheten\nBox 517\n301 80 Halmstad",
                contact_name="Sofia Sortiment",
                contact_phone="035-13 40 00",
            )
        data = render_aid_list(doc)
        elapsed.append((time.perf_counter() - started) * 1000)
        sizes.append(len(doc.aids))
    database.dispose()
    assert min(sizes) == AIDS, sizes[:1]
    return [
        Figure(
            f"patient aid list PDF of {AIDS} aids, read and rendered (p95)",
            AID_LIST_TARGET_MS,
            p95(elapsed),
            "ms",
            f"{spread(elapsed)}; {len(data)} bytes",
        )
    ]


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("data_dir", type=Path)
    parser.add_argument("--runs", type=int, default=60)
    arguments = parser.parse_args()
    print(table(figures(arguments.data_dir, runs=arguments.runs)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
