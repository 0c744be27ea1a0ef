"""Downloaded rows written through the driver (``app.sync.local_rows.put_rows``) store exactly what
SQLAlchemy's statement stores, for every synced table, new rows and rows already here, and refuse every
value that ``from_json`` refuses."""

from __future__ import annotations

import datetime as dt
import sqlite3
import uuid
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Table, select
from sqlalchemy.dialects import sqlite

from app.database import DATABASE_FILE, Database
from app.sync.local_rows import _storage, put_rows, upsert
from db.models import Individual
from db.sync_protocol.values import BadValue, converters, from_json, row_json, synced_tables
from tests.sync.test_client_support import synced_tables as tables_in_order

Rows = dict[str, list[tuple[uuid.UUID, dict[str, Any]]]]


def _server_rows(database: Database) -> Rows:
    """Every synced row of *database* as the server sends it (JSON values, whole rows)."""
    rows: Rows = {}
    with database.engine.connect() as connection:
        for table in tables_in_order():
            rows[table.name] = [
                (row["id"], row_json(row)) for row in connection.execute(select(table)).mappings()
            ]
    return rows


def _stored(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """What SQLite holds, byte for byte as Python reads it, of every synced table."""
    connection = sqlite3.connect(path)
    try:
        return {
            table.name: connection.execute(f'SELECT * FROM "{table.name}" ORDER BY id').fetchall()
            for table in tables_in_order()
        }
    finally:
        connection.close()


def _apply(database: Database, rows: Rows, *, through_driver: bool) -> None:
    with database.apply_remote() as session:
        for name, table_rows in rows.items():
            table = synced_tables()[name]
            if through_driver:
                put_rows(session, table, table_rows)
            else:
                upsert(session, table, [{**from_json(name, row), "id": row_id} for row_id, row in table_rows])


def supplier(supplier_id: uuid.UUID, **values: Any) -> dict[str, Any]:
    """A whole supplier row as the server sends it."""
    row = {"id": str(supplier_id), "number": "S1", "name": "Hörsel AB", "gln": "7350000000001"}
    row |= {"street": "Storgatan 1", "postal_code": "211 20", "city": "Malmö", "email": "", "phone": ""}
    return row | {"updated_at": "2026-11-23T08:00:00+00:00"} | values


@pytest.fixture
def empty_pair(tmp_path: Path) -> tuple[Database, Database]:
    return Database.open(tmp_path / "driver"), Database.open(tmp_path / "statement")


def test_a_page_written_through_the_driver_stores_what_the_statement_stores(
    demo: Database, empty_pair: tuple[Database, Database], tmp_path: Path
) -> None:
    rows = _server_rows(demo)
    driver, statement = empty_pair
    _apply(driver, rows, through_driver=True)
    _apply(statement, rows, through_driver=False)
    stored = _stored(tmp_path / "driver" / DATABASE_FILE)
    assert stored == _stored(tmp_path / "statement" / DATABASE_FILE)
    assert sum(len(r) for r in stored.values()) == sum(len(r) for r in rows.values()) > 10_000
    # … and what the demo data's own writes stored (SQLAlchemy's ORM), value for value.
    assert stored == _stored(demo.path)

    # Rows already here: the server's newer versions replace them, whole, the same way on both.
    changed: Rows = {}
    for name, table_rows in rows.items():
        table = synced_tables()[name]
        text = next((c.name for c in table.columns if c.name in {"name", "description", "free_text"}), None)
        if text is None:
            continue
        changed[name] = [(row_id, {**row, text: f"{row[text]} (edited)"}) for row_id, row in table_rows[::7]]
    assert changed
    _apply(driver, changed, through_driver=True)
    _apply(statement, changed, through_driver=False)
    again = _stored(tmp_path / "driver" / DATABASE_FILE)
    assert again == _stored(tmp_path / "statement" / DATABASE_FILE)
    assert again != stored
    for database in empty_pair:
        database.dispose()


def test_a_row_lacking_columns_keeps_the_others_and_gets_defaults_as_before(
    empty_pair: tuple[Database, Database], tmp_path: Path
) -> None:
    supplier_id = uuid.uuid4()
    whole = supplier(supplier_id)
    driver, statement = empty_pair
    for database, through_driver in ((driver, True), (statement, False)):
        _apply(database, {"supplier": [(supplier_id, whole)]}, through_driver=through_driver)
        _apply(
            database,
            {"supplier": [(supplier_id, {"number": "S1", "name": "Hörsel AB Syd"})]},
            through_driver=through_driver,
        )
    stored = _stored(tmp_path / "driver" / DATABASE_FILE)["supplier"]
    assert stored == _stored(tmp_path / "statement" / DATABASE_FILE)["supplier"]
    assert [(row[0], row[1], row[5]) for row in stored] == [("S1", "Hörsel AB Syd", "Malmö")]
    for database in empty_pair:
        database.dispose()


def _binding(table: Table, name: str) -> Any:
    dialect = sqlite.dialect()
    column = table.c[name]
    bind = column.type.dialect_impl(dialect).bind_processor(dialect)
    convert, _nullable = converters(table.name)[name]
    return lambda value: bind(convert(value)) if bind else convert(value)


MOMENTS = [
    "2026-11-23T08:00:00+00:00",
    "2026-11-23T08:00:00.000001+00:00",
    "2026-11-23T09:30:00.5+01:30",
    "2026-03-29T02:30:00-05:00",
    "2026-11-23T08:00:00",
    "2026-11-23 08:00:00Z",
    "0001-01-01T00:00:00+00:00",
    "9999-12-31T23:59:59.999999+00:00",
    "2026-11-23T08:00:00.123456+00:00",
    "2026-11-23T08:00:00.123+00:00",
]
IDS = [
    "0b9e5c1e-7a4e-4a51-9f3e-2a5c1d7e9b01",
    "0B9E5C1E-7A4E-4A51-9F3E-2A5C1D7E9B01",
    "0b9e5c1e7a4e4a519f3e2a5c1d7e9b01",
    "{0b9e5c1e-7a4e-4a51-9f3e-2a5c1d7e9b01}",
]


@pytest.mark.parametrize(
    ("table_name", "column", "value"),
    [("patient_access_log", "opened_at", moment) for moment in MOMENTS]
    + [("individual", "patient_id", value) for value in IDS]
    + [("individual", "status", "in_stock"), ("individual", "purchase_price", "1234.50")]
    + [("individual", "purchase_price", 12), ("individual", "purchase_date", "2026-11-23")]
    + [("individual", "purchase_date", "20261123"), ("patient", "protected_identity", True)]
    + [("stock_movement", "quantity", -3)],
)
def test_each_stored_form_is_the_column_types_own_binding(table_name: str, column: str, value: Any) -> None:
    table = synced_tables()[table_name]
    assert _storage(table_name, table.c[column])(value) == _binding(table, column)(value)


BAD = [
    ("individual", "patient_id", "0b9e5c1e-7a4e-4a51-9f3e-2a5c1d7e9bzz"),
    ("individual", "patient_id", "0b9e5c1e-7a4e-4a51-9f3e-2a5c1d7e9b0１"),
    ("individual", "patient_id", "0b9e5c1e-7a4e-4a51-9f3e-2a5c1d7_9b01"),  # uuid.UUID reads "_" as nothing
    ("individual", "patient_id", "0b9e5c1e-7a4e4a51-9f3e-2a5c1d7e9b01"),
    ("individual", "patient_id", 17),
    ("stock_movement", "occurred_at", "23 November"),
    ("stock_movement", "occurred_at", "２０２６-11-23T08:00:00+00:00"),
    ("stock_movement", "occurred_at", "0001-01-01T00:00:00+01:00"),
    ("stock_movement", "occurred_at", "2026-02-30T08:00:00+00:00"),
    ("stock_movement", "occurred_at", "2026-11-23T24:00:00.000000+00:00"),
    ("individual", "status", "in_the_attic"),
    ("individual", "status", ["in_stock"]),
    ("individual", "purchase_price", "NaN"),
    ("individual", "purchase_price", True),
    ("individual", "purchase_date", "2026-02-30"),
    ("patient", "protected_identity", "yes"),
    ("stock_movement", "quantity", 2**31),
    ("stock_movement", "quantity", "3"),
    ("individual", "serial_number", 5),
    ("individual", "serial_number", None),
    ("individual", "nickname", "x"),
]


@pytest.mark.parametrize(("table_name", "column", "value"), BAD)
def test_a_value_from_json_refuses_is_refused_through_the_driver(
    demo: Database, table_name: str, column: str, value: Any
) -> None:
    row_id, row = _server_rows(demo)[table_name][0]
    bad = {**row, column: value}
    with pytest.raises(BadValue):
        from_json(table_name, bad)
    with pytest.raises(BadValue), demo.apply_remote() as session:
        put_rows(session, synced_tables()[table_name], [(row_id, bad)])
    assert _server_rows(demo)[table_name][0] == (row_id, row)


def test_the_row_id_of_the_change_stands_over_the_rows_own(empty_pair: tuple[Database, Database]) -> None:
    driver, _statement = empty_pair
    supplier_id = uuid.uuid4()
    row = supplier(uuid.uuid4())
    _apply(driver, {"supplier": [(supplier_id, row)]}, through_driver=True)
    assert [r[0] for r in _server_rows(driver)["supplier"]] == [supplier_id]
    with pytest.raises(BadValue), driver.apply_remote() as session:
        put_rows(session, synced_tables()["supplier"], [(supplier_id, {**row, "id": "not an id"})])
    for database in empty_pair:
        database.dispose()


def test_a_moment_is_stored_in_utc(empty_pair: tuple[Database, Database], tmp_path: Path) -> None:
    driver, _statement = empty_pair
    supplier_id = uuid.uuid4()
    row = supplier(supplier_id, updated_at="2026-11-23T09:30:00+01:00")
    _apply(driver, {"supplier": [(supplier_id, row)]}, through_driver=True)
    (stored,) = _stored(tmp_path / "driver" / DATABASE_FILE)["supplier"]
    assert stored[-1] == "2026-11-23 08:30:00.000000"
    with driver.read() as session:
        moment = session.execute(select(synced_tables()["supplier"].c.updated_at)).scalar_one()
    assert moment.replace(tzinfo=dt.UTC) == dt.datetime(2026, 11, 23, 8, 30, tzinfo=dt.UTC)
    for database in empty_pair:
        database.dispose()


def test_r36_a_first_download_leaves_the_individual_search_index_whole(
    demo: Database, empty_pair: tuple[Database, Database]
) -> None:
    """Many new individuals are indexed in one statement after they are in (the trigger dropped and made
    again): the index is then whole, its trigger back, and a part of a number finds what it finds on the
    database the rows came from."""
    from app.individual_record import search_individuals

    rows = _server_rows(demo)
    driver, _statement = empty_pair
    _apply(driver, rows, through_driver=True)
    with driver.engine.connect() as connection:
        connection.exec_driver_sql(
            "INSERT INTO individual_search (individual_search, rank) VALUES ('integrity-check', 1)"
        )
        triggers = connection.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'individual_search_%'"
        ).scalars()
        assert sorted(triggers) == [
            "individual_search_delete",
            "individual_search_insert",
            "individual_search_update",
        ]
    with demo.read() as theirs, driver.read() as mine:
        numbers = theirs.scalars(select(Individual.individual_number).limit(20)).all()
        for number in numbers:
            part = number[2:6]
            found = [h.individual_number for h in search_individuals(mine, part, limit=1000).hits]
            assert number in found
            assert found == [h.individual_number for h in search_individuals(theirs, part, limit=1000).hits]
    for database in empty_pair:
        database.dispose()
