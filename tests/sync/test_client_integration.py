"""The sync client against the real sync server on a real PostgreSQL (fixtures in ``conftest.py``)."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from app import patients
from app.articles import search_articles
from app.database import Database
from app.errors import RuleViolation
from app.numbers import NumberAllocator
from app.sync.client import SyncClient, list_issues
from app.sync.numbers import LeasingBlockSource, top_up
from app.sync.transport import CLOCK_WRONG, OFFLINE, SyncFailure, Transport
from db.models import Article, ChangeLogEntry, Individual, Patient, User
from db.models.enums import IndividualStatus
from db.server.service import publish_existing_rows
from db.sync_protocol.messages import DownloadResponse
from db.sync_protocol.values import synced_tables
from tests.sync.test_client_support import (
    central_engine,
    client,
    differences,
    load_baseline,
    local_state,
    server_state,
    sync_until_quiet,
    workstation,
)

TABLES = ("patient", "patient_access_log", "individual")


@pytest.fixture
def clinic(demo_template, central_url: str, sync_server, tmp_path: Path) -> Iterator[dict[str, Any]]:  # type: ignore[no-untyped-def]
    """The central database with the demo baseline, one server, and two workstations with tokens."""
    load_baseline(demo_template[0], central_url)
    server = sync_server()
    desks: list[Database] = []
    clients: list[SyncClient] = []
    for name in ("desk-a", "desk-b"):
        database = workstation(demo_template[0], tmp_path / name)
        desks.append(database)
        clients.append(client(database, server.url, server.add_workstation(name), name))
    yield {"server": server, "desks": desks, "clients": clients, "central_url": central_url}
    for one in clients:
        one.close()
    for database in desks:
        database.dispose()


def first_patients(database: Database, count: int) -> list[uuid.UUID]:
    with database.read() as session:
        return list(session.scalars(select(Patient.id).order_by(Patient.identity_number).limit(count)))


def phone_of(database: Database, patient_id: uuid.UUID) -> str:
    with database.read() as session:
        patient = session.get(Patient, patient_id)
        assert patient is not None
        return patient.phone


def set_phone(database: Database, patient_id: uuid.UUID, phone: str) -> None:
    with database.write() as session:
        patients.update_phone(session, patient_id=patient_id, phone=phone)


def assert_converged(clinic: dict[str, Any], tables: tuple[str, ...] = TABLES) -> None:
    engine = central_engine(clinic["central_url"])
    try:
        central = server_state(engine, tables)
    finally:
        engine.dispose()
    for database in clinic["desks"]:
        assert differences(local_state(database, tables), central) == []


def test_changes_from_two_workstations_meet_on_the_server_and_on_both(clinic) -> None:
    a, b = clinic["desks"]
    ca, cb = clinic["clients"]
    first, second = first_patients(a, 2)
    set_phone(a, first, "070-111 11 11")
    set_phone(b, second, "070-222 22 22")
    with a.read() as session:
        user_id = session.scalars(select(User.id).limit(1)).one()
    with a.write() as session:
        patients.open_patient_record(session, patient_id=second, user_id=user_id, service_location_id=None)

    sync_until_quiet([ca, cb])

    assert phone_of(b, first) == "070-111 11 11" and phone_of(a, second) == "070-222 22 22"
    assert ca.status().pending_changes == cb.status().pending_changes == 0
    assert_converged(clinic)


def test_the_newest_phone_edit_wins_on_every_workstation(clinic) -> None:
    a, b = clinic["desks"]
    ca, cb = clinic["clients"]
    patient_id = first_patients(a, 1)[0]
    set_phone(a, patient_id, "070-333 33 33")
    set_phone(b, patient_id, "070-444 44 44")  # later, but uploaded first
    cb.sync_once()
    ca.sync_once()
    sync_until_quiet([ca, cb])

    assert phone_of(a, patient_id) == phone_of(b, patient_id) == "070-444 44 44"
    assert_converged(clinic)


def test_a_later_edit_uploaded_later_replaces_the_earlier_one(clinic) -> None:
    a, b = clinic["desks"]
    ca, cb = clinic["clients"]
    patient_id = first_patients(a, 1)[0]
    set_phone(a, patient_id, "070-777 77 77")
    set_phone(b, patient_id, "070-888 88 88")
    ca.sync_once()
    cb.sync_once()
    sync_until_quiet([ca, cb])

    assert phone_of(a, patient_id) == phone_of(b, patient_id) == "070-888 88 88"
    assert_converged(clinic)


def test_an_individual_changed_on_two_workstations_is_a_conflict_for_a_person(clinic) -> None:
    a, b = clinic["desks"]
    ca, cb = clinic["clients"]
    with a.read() as session:
        individual_id = session.scalars(
            select(Individual.id).where(Individual.status == IndividualStatus.IN_STOCK).limit(1)
        ).one()
    for database, status in ((a, IndividualStatus.IN_REPAIR), (b, IndividualStatus.SCRAPPED)):
        with database.write() as session:
            individual = session.get(Individual, individual_id)
            assert individual is not None
            individual.status = status
    ca.sync_once()
    report = cb.sync_once()
    sync_until_quiet([ca, cb])

    assert report.conflicts == 1
    with b.read() as session:
        issues = [i for i in list_issues(session) if i.kind != "rejected"]
        kept = session.get(Individual, individual_id)
    assert [i.row_id for i in issues] == [individual_id] and issues[0].status == "open"
    assert kept is not None and kept.status == IndividualStatus.IN_REPAIR  # the server's version stands
    assert cb.status().open_conflicts == 1 and ca.status().open_conflicts == 0
    assert_converged(clinic)


def test_a_conflict_resolved_on_another_desk_reaches_every_desk_and_stops_counting(clinic) -> None:
    a, b = clinic["desks"]
    ca, cb = clinic["clients"]
    with a.read() as session:
        individual_id = session.scalars(
            select(Individual.id).where(Individual.status == IndividualStatus.IN_STOCK).limit(1)
        ).one()
    for database, status in ((a, IndividualStatus.IN_REPAIR), (b, IndividualStatus.BLOCKED)):
        with database.write() as session:
            individual = session.get(Individual, individual_id)
            assert individual is not None
            individual.status = status
    ca.sync_once()
    cb.sync_once()
    with b.read() as session:
        (conflict,) = [i for i in list_issues(session) if i.kind != "rejected"]
    keep = next(n for n, v in enumerate(conflict.versions) if v.get("source") == "workstation")

    assert cb.status().open_conflicts == 1
    report = ca.resolve_conflict(conflict.id, keep)  # a person decides at another desk
    sync_until_quiet([ca, cb])

    assert report.ok and cb.status().open_conflicts == 0 and ca.status().open_conflicts == 0
    for database in (a, b):
        with database.read() as session:
            kept = session.get(Individual, individual_id)
            assert kept is not None and kept.status == IndividualStatus.BLOCKED
    assert_converged(clinic)


def test_an_idle_round_is_one_small_request(clinic) -> None:
    ca, _cb = clinic["clients"]
    sync_until_quiet([ca])
    report = ca.sync_once()
    assert report.ok and report.uploaded == report.downloaded == 0


def test_two_server_instances_on_one_database_behave_like_one(clinic, sync_server) -> None:
    a, b = clinic["desks"]
    second = sync_server()
    token = second.add_workstation("desk-c")
    other = client(b, second.url, token, "desk-c")
    ids = first_patients(a, 6)
    for index, patient_id in enumerate(ids):
        set_phone(a if index % 2 else b, patient_id, f"070-500 00 {index:02d}")
    sync_until_quiet([clinic["clients"][0], other])
    other.close()
    assert [phone_of(a, i) for i in ids] == [f"070-500 00 {n:02d}" for n in range(6)]
    assert_converged(clinic)


# ------------------------------------------------------------------------------------- failures


def test_a_revoked_or_wrong_token_is_one_sentence_and_loses_nothing(clinic) -> None:
    a, _b = clinic["desks"]
    server = clinic["server"]
    set_phone(a, first_patients(a, 1)[0], "070-555 55 55")
    wrong = client(a, server.url, "not-a-token", "desk-a")
    report = wrong.sync_once()
    wrong.close()
    assert not report.ok and report.online
    assert report.message is not None and report.message.startswith(
        "This workstation's token is not accepted"
    )

    server.revoke("desk-a")
    report = clinic["clients"][0].sync_once()
    assert report.message is not None and report.message.startswith(
        "This workstation's token is not accepted"
    )
    with a.read() as session:
        assert session.scalar(select(func.count()).where(ChangeLogEntry.uploaded_at.is_(None))) == 1


def test_another_schema_revision_is_refused_with_the_servers_sentence(clinic) -> None:
    server = clinic["server"]
    transport = Transport(server.url, server.add_workstation("old-desk"), schema_revision="0001")
    with pytest.raises(SyncFailure) as refused:
        transport.call("GET", "/download", DownloadResponse, params={"after": 0, "limit": 1})
    transport.close()
    assert refused.value.kind == "schema" and "0001" in refused.value.sentence


def test_a_workstation_clock_far_from_the_servers_is_refused_and_the_clerk_is_told(clinic) -> None:
    a = clinic["desks"][0]
    ca = clinic["clients"][0]
    patient_id = first_patients(a, 1)[0]
    set_phone(a, patient_id, "070-999 99 99")
    ahead = dt.timedelta(hours=2)
    ca.transport.clock = lambda: dt.datetime.now(dt.UTC) + ahead  # type: ignore[method-assign]

    report = ca.sync_once()

    assert not report.ok and report.online
    assert report.template == CLOCK_WRONG
    shown = (dt.datetime.now(dt.UTC) + ahead).astimezone().strftime("%Y-%m-%d %H:")
    assert report.params["workstation_time"].startswith(shown)
    assert report.message is not None and "Set the date, time and time zone right" in report.message
    assert ca.status().pending_changes == 1  # nothing lost: the change waits
    with central_engine(clinic["central_url"]).connect() as conn:
        assert (
            conn.execute(select(Patient.phone).where(Patient.id == patient_id)).scalar_one()
            != "070-999 99 99"
        )

    ca.transport.clock = lambda: dt.datetime.now(dt.UTC)  # type: ignore[method-assign]
    assert ca.sync_once().ok and ca.status().pending_changes == 0


def test_a_server_that_is_gone_means_offline(clinic) -> None:
    a, _b = clinic["desks"]
    set_phone(a, first_patients(a, 1)[0], "070-666 66 66")
    clinic["server"].stop()
    ca = clinic["clients"][0]
    report = ca.sync_once()
    assert not report.ok and not report.online and report.message == OFFLINE
    assert ca.status().pending_changes == 1 and not ca.status().online


# ------------------------------------------------------------------------------------- numbers


def test_leased_blocks_never_overlap_between_workstations(clinic) -> None:
    server = clinic["server"]
    today = dt.date(2030, 1, 9)
    numbers: list[str] = []
    for database, name in zip(clinic["desks"], ("desk-a", "desk-b"), strict=True):
        source = LeasingBlockSource(Transport(server.url, server.add_workstation(f"{name}-numbers")), size=5)
        top_up(database, source, today)
        allocator = NumberAllocator(source)
        with database.write() as session:
            numbers += [allocator.allocate(session, today) for _ in range(12)]
        source.transport.close()
    assert len(set(numbers)) == 24 and all(n.startswith("3002") for n in numbers)


def test_without_the_server_a_workstation_with_no_block_refuses_a_number(clinic) -> None:
    server = clinic["server"]
    database = clinic["desks"][0]
    source = LeasingBlockSource.connect(server.url, server.add_workstation("numbers"), size=3)
    server.stop()
    allocator = NumberAllocator(source)
    with pytest.raises(RuleViolation, match="no document numbers left"), database.write() as session:
        allocator.allocate(session, dt.date(2030, 1, 9))
    source.transport.close()


#: Criteria of one, two and three or more characters (the index's three kinds of terms), and none.
SEARCHES = ("wid", "a", "ph", "r b", "moment 1", "ö", "zzzzzz")


def assert_article_search_as_on(fresh: Database, source: Database) -> None:
    """The article index a first download built (in bulk, not by its trigger) is the one the trigger
    builds: FTS5's own check of the index against the text it indexes passes, every search finds what it
    finds on the workstation the rows came from, and the trigger is back for the next article."""
    try:
        totals = 0
        for criteria in SEARCHES:
            with fresh.read() as mine, source.read() as theirs:
                found = search_articles(mine, criteria, limit=10_000)
                expected = search_articles(theirs, criteria, limit=10_000)
            assert [h.id for h in found.hits] == [h.id for h in expected.hits], criteria
            assert found.total == expected.total
            totals += found.total
        assert totals > 0
        with fresh.write() as session:
            connection = session.connection()
            connection.exec_driver_sql(
                "INSERT INTO article_search (article_search, rank) VALUES ('integrity-check', 1)"
            )
            triggers = connection.exec_driver_sql(
                "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
            ).scalars()
            assert list(triggers) == [
                "article_catalogue_version_delete",
                "article_catalogue_version_insert",
                "article_catalogue_version_update",
                "article_search_delete",
                "article_search_insert",
                "article_search_update",
                "individual_search_delete",
                "individual_search_insert",
                "individual_search_update",
                "stock_balance_delete",
                "stock_balance_insert",
                "stock_balance_update",
            ]
            connection.exec_driver_sql(
                "INSERT INTO individual_search (individual_search, rank) VALUES ('integrity-check', 1)"
            )
            # The balances a first download summed in bulk are the ledger's, as the trigger keeps them.
            balances = set(connection.exec_driver_sql("SELECT * FROM stock_balance WHERE quantity != 0"))
            summed = connection.exec_driver_sql(
                "SELECT warehouse_id, article_id, sum(quantity) FROM stock_movement GROUP BY 1, 2"
            )
            assert balances == {row for row in summed if row[2] != 0} and balances
    finally:
        source.dispose()


def test_a_new_empty_workstation_receives_rows_imported_straight_into_the_central_database(
    demo_template, central_url: str, sync_server, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """Rows put into the central database by an import (not by any workstation) are published once as
    changes; a laptop that starts empty then gets the whole clinic with its first sync."""
    counts = load_baseline(
        demo_template[0], central_url
    )  # straight into the tables: no change stands for them
    engine = central_engine(central_url)
    try:
        added = publish_existing_rows(engine)
        assert added >= sum(counts.values()) > 0
        assert publish_existing_rows(engine) == 0  # a second run finds nothing unpublished
        server = sync_server()
        fresh = Database.open(tmp_path / "new-laptop")
        laptop = client(fresh, server.url, server.add_workstation("new-laptop"), "new-laptop")
        try:
            report = laptop.sync_once()
            assert report.ok and report.downloaded == added
            tables = sorted(synced_tables())
            assert differences(local_state(fresh, tables), server_state(engine, tables)) == []
            with fresh.read() as session:  # a replaced reserve number still points at its successor
                assert session.scalar(
                    select(func.count()).select_from(Patient).where(Patient.replaced_by_id.is_not(None))
                )
                # Issue 11: the articles' GTINs (migration 0013) come down with them.
                assert session.scalar(
                    select(func.count()).select_from(Article).where(Article.gtin.is_not(None))
                )
            assert_article_search_as_on(fresh, Database(demo_template[0]))
        finally:
            laptop.close()
            fresh.dispose()
    finally:
        engine.dispose()
