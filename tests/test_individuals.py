"""A device's life (app.individuals): one transition function along one table of allowed status changes,
each change writing its event."""

from __future__ import annotations

import itertools
import uuid

import pytest
from sqlalchemy import select

from app import individuals
from app.database import Database
from app.errors import RuleViolation
from app.stock import Document
from db.models import Individual, IndividualEvent
from db.models.enums import (
    INDIVIDUAL_TRANSITIONS,
    DocumentKind,
    IndividualStatus,
    individual_may_change,
)
from tests import factories


def _device(database: Database, status: IndividualStatus, number: str = "500000001") -> dict[str, uuid.UUID]:
    with database.seed() as session:
        user, _location, own = factories.organisation(session)
        aid = factories.article(session, "Behind-the-ear aid", individually_marked=True)
        patient = factories.patient(session)
        device = Individual(
            individual_number=number,
            serial_number="SN-1",
            article_id=aid.id,
            status=status,
            warehouse_id=own.id,
        )
        session.add(device)
        session.flush()
        return {"device": device.id, "user": user.id, "own": own.id, "patient": patient.id}


def test_individual_transition_table_refuses_scrapped_to_delivered(database: Database) -> None:
    """R41: a scrapped device is gone; handing it out is refused with one sentence and nothing changes."""
    ids = _device(database, IndividualStatus.SCRAPPED)
    with pytest.raises(RuleViolation) as refused, database.write() as session:
        device = session.get(Individual, ids["device"])
        assert device is not None
        individuals.change_status(
            session,
            device,
            IndividualStatus.DELIVERED,
            user_id=ids["user"],
            document=Document(DocumentKind.ORDER, uuid.uuid4()),
            patient_id=ids["patient"],
            warehouse_id=None,
        )
    assert refused.value.sentence() == (
        'Individual 500000001 cannot change from "Scrapped" to "Delivered"; check where the device really is.'
    )
    swedish = {
        'Individual {number} cannot change from "{before}" to "{after}"; check where the device really is.': (
            "Individ {number} kan inte ändras från ”{before}” till ”{after}”; kontrollera var hjälpmedlet "
            "verkligen finns."
        ),
        "Scrapped": "Skrotad",
        "Delivered": "Levererad",
    }
    assert refused.value.sentence(swedish.__getitem__) == (
        "Individ 500000001 kan inte ändras från ”Skrotad” till ”Levererad”; kontrollera var hjälpmedlet "
        "verkligen finns."
    )
    with database.read() as session:
        device = session.get(Individual, ids["device"])
        assert device is not None and device.status is IndividualStatus.SCRAPPED
        assert device.patient_id is None
        assert session.scalars(select(IndividualEvent)).all() == []


def test_r36_a_change_writes_the_event_of_the_new_state(database: Database) -> None:
    """The status history (R36) gets one event per change: the status, where the device is, the patient of
    a reservation, who, and the document."""
    ids = _device(database, IndividualStatus.IN_STOCK)
    order_id = uuid.uuid4()
    with database.write() as session:
        device = session.get(Individual, ids["device"])
        assert device is not None
        individuals.change_status(
            session,
            device,
            IndividualStatus.RESERVED,
            user_id=ids["user"],
            document=Document(DocumentKind.ORDER, order_id),
            reserved_for=ids["patient"],
        )
        individuals.change_status(
            session,
            device,
            IndividualStatus.DELIVERED,
            user_id=ids["user"],
            document=Document(DocumentKind.ORDER, order_id),
            patient_id=ids["patient"],
            warehouse_id=None,
        )
    with database.read() as session:
        device = session.get(Individual, ids["device"])
        assert device is not None
        assert (device.status, device.patient_id, device.warehouse_id) == (
            IndividualStatus.DELIVERED,
            ids["patient"],
            None,
        )
        events = session.scalars(select(IndividualEvent).order_by(IndividualEvent.occurred_at)).all()
    assert [
        (e.status, e.warehouse_id, e.patient_id, e.user_id, e.document_kind, e.document_id) for e in events
    ] == [
        (IndividualStatus.RESERVED, ids["own"], ids["patient"], ids["user"], "order", order_id),
        (IndividualStatus.DELIVERED, None, ids["patient"], ids["user"], "order", order_id),
    ]


def test_the_transition_function_follows_the_table(database: Database) -> None:
    """Every pair of statuses: the change is made exactly when the one table allows it."""
    pairs = list(itertools.product(IndividualStatus, IndividualStatus))
    with database.seed() as session:
        user, _location, own = factories.organisation(session)
        aid = factories.article(session, "Behind-the-ear aid", individually_marked=True)
        devices = [
            Individual(
                individual_number=f"5{n:08d}",
                serial_number=f"SN-{n}",
                article_id=aid.id,
                status=before,
                warehouse_id=own.id,
            )
            for n, (before, _after) in enumerate(pairs)
        ]
        session.add_all(devices)
        session.flush()
        device_ids, user_id = [d.id for d in devices], user.id
    made = []
    for device_id, (before, after) in zip(device_ids, pairs, strict=True):
        try:
            with database.write() as session:
                device = session.get(Individual, device_id)
                assert device is not None
                individuals.change_status(
                    session, device, after, user_id=user_id, document=Document(DocumentKind.INVENTORY)
                )
        except RuleViolation:
            continue
        made.append((before, after))
    assert made == [pair for pair in pairs if individual_may_change(*pair)]
    assert set(made) == {
        (before, after) for before in IndividualStatus for after in INDIVIDUAL_TRANSITIONS[before]
    }
    with database.read() as session:
        stored = {row.id: row.status for row in session.execute(select(Individual.id, Individual.status))}
    assert [stored[i] for i in device_ids] == [
        after if (before, after) in made else before for before, after in pairs
    ]


def test_the_table_names_every_status_and_no_way_out_of_scrapped() -> None:
    assert set(INDIVIDUAL_TRANSITIONS) == set(IndividualStatus)
    assert INDIVIDUAL_TRANSITIONS[IndividualStatus.SCRAPPED] == frozenset()
    assert set(individuals.STATUS_NAMES) == set(IndividualStatus)
