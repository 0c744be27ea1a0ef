"""What a write changed is read from the tables it wrote, mapped to areas in one place (app.changes)."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select

from app.changelog import touched_tables
from app.changes import TABLE_AREAS, Changes, changes_of_tables
from app.database import Database
from db.models import Base, Patient
from tests import factories


def test_every_table_is_mapped_to_an_area_or_to_none() -> None:
    areas = {f.name for f in fields(Changes)}
    assert set(TABLE_AREAS) == set(Base.metadata.tables), "name each new table's area in app/changes.py"
    assert {area for area in TABLE_AREAS.values() if area is not None} <= areas


def test_tables_map_to_their_areas() -> None:
    assert changes_of_tables({"order_line", "fee"}) == Changes(orders=True, fees=True)
    assert changes_of_tables({"individual_event", "stock_movement"}) == Changes(individuals=True, stock=True)
    assert changes_of_tables({"patient_access_log", "change_log"}) == Changes(access_log=True)
    assert changes_of_tables({"change_log", "number_block"}) == Changes()
    assert not changes_of_tables(set()).any()
    assert changes_of_tables({"a_table_nobody_named"}) == Changes.everything()


def test_a_write_unit_of_work_knows_the_tables_it_wrote(database: Database) -> None:
    with database.write() as session:
        factories.patient(session)
    assert touched_tables(session) == {"patient"}
    assert changes_of_tables(touched_tables(session)) == Changes(patients=True)

    with database.write() as session:
        session.scalars(select(Patient)).one()  # a row only read is no change
    assert touched_tables(session) == frozenset()

    with database.write() as session:
        patient = session.scalars(select(Patient)).one()
        patient.phone = "070-123 45 67"
    assert touched_tables(session) == {"patient"}
