"""Patient rules R1–R5, R7 (identity part) and R9, on the service layer."""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

import pytest
from sqlalchemy import event, select

from app import patients
from app.database import Database
from app.errors import InvalidInput
from app.identity import make_identity_number
from db.models import (
    Activity,
    Individual,
    Order,
    OrderLine,
    PatientAccessLog,
    PaymentCommitment,
    StockReturn,
    StockReturnLine,
)
from db.models.enums import (
    ActivityKind,
    ArticleType,
    IdentityKind,
    IndividualStatus,
    LineStatus,
    OrderKind,
    OrderStatus,
    Residency,
    ReturnKind,
)
from tests import factories

TODAY = dt.date(2026, 11, 23)


@pytest.fixture
def org(database: Database) -> dict[str, Any]:
    with database.seed() as session:
        user, location, warehouse = factories.organisation(session)
        return {"user": user.id, "location": location.id, "warehouse": warehouse.id}


def _read(database: Database, org: dict[str, Any], patient_id: Any) -> patients.PatientRecord:
    with database.read() as session:
        return patients.read_patient_record(
            session, patient_id, user_id=org["user"], service_location_id=org["location"], today=TODAY
        )


def _open(database: Database, org: dict[str, Any], patient_id: Any) -> patients.PatientRecord:
    with database.write() as session:
        return patients.open_patient_record(
            session,
            patient_id=patient_id,
            user_id=org["user"],
            service_location_id=org["location"],
            today=TODAY,
        )


def test_r1_find_by_identity_number_in_any_typed_form(database: Database) -> None:
    born = dt.date(1950, 3, 14)
    number = make_identity_number(born, 123)
    with database.seed() as session:
        factories.patient(session, "Karin", "Nilsson", born=born, serial=123)
        factories.patient(session, "Karl", "Nilsson", born=born, serial=456)
    with database.read() as session:
        for typed in (number, f"{number[:8]}-{number[8:]}", f"{number[2:8]}-{number[8:]}", number[2:]):
            found = patients.search_patients(session, typed, today=TODAY)
            assert found.exact and [h.name for h in found.hits] == ["Nilsson, Karin"], typed
        partial = patients.search_patients(session, "19500314", today=TODAY)
        assert {h.name for h in partial.hits} == {"Nilsson, Karin", "Nilsson, Karl"}
        assert not partial.exact


def test_r1_invalid_check_digit_is_explained(database: Database) -> None:
    with database.read() as session, pytest.raises(InvalidInput, match="check digit"):
        patients.search_patients(session, "19121212-1213", today=TODAY)


def test_r1_find_by_name_every_word_starts_a_name(database: Database) -> None:
    with database.seed() as session:
        factories.patient(session, "Åsa", "Öberg", serial=1)
        factories.patient(session, "Anna", "Andersson", serial=2)
        factories.patient(session, "Anders", "Berg", serial=3)
        factories.patient(session, "Hélène", "Svensson", serial=4)
    with database.read() as session:

        def names(text: str) -> list[str]:
            return [h.name for h in patients.search_patients(session, text, today=TODAY).hits]

        assert names("öberg") == ["Öberg, Åsa"]
        assert sorted(names("and")) == ["Andersson, Anna", "Berg, Anders"]
        assert names("anna and") == ["Andersson, Anna"]
        assert names("berg anders") == ["Berg, Anders"]
        assert names("helene") == ["Svensson, Hélène"]
        assert names("zz") == []


def test_name_search_reads_each_name_index_in_the_order_it_lists(database: Database) -> None:
    """Issue 9 (name search per keystroke): both passes of a name search (the longest word starting a last
    name, then a first name) are index range scans in list order, so the scan stops at the limit; a
    first-name index without the last name beside it made SQLite test and sort every "gun…" row."""
    with database.seed() as session:
        factories.patient(session, "Gunnar", "Ek", serial=1)
        factories.patient(session, "Gun", "Ekberg", serial=2)
    statements: list[tuple[str, Any]] = []

    def remember(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_args: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            statements.append((statement, parameters))

    event.listen(database.engine, "before_cursor_execute", remember)
    try:
        with database.read() as session:
            found = patients.search_patients(session, "ek gun", today=TODAY)
    finally:
        event.remove(database.engine, "before_cursor_execute", remember)
    assert sorted(h.name for h in found.hits) == ["Ek, Gunnar", "Ekberg, Gun"]
    assert len(statements) == 2
    with database.engine.connect() as connection:
        for statement, parameters in statements:
            plan = " / ".join(
                row[3] for row in connection.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters)
            )
            assert "USING INDEX" in plan and "TEMP B-TREE" not in plan, plan


def test_r1_search_result_is_capped_and_says_so(database: Database) -> None:
    with database.seed() as session:
        for i in range(patients.SEARCH_LIMIT + 5):
            factories.patient(session, f"Per{i}", "Persson", serial=i)
    with database.read() as session:
        found = patients.search_patients(session, "persson", today=TODAY)
    assert len(found.hits) == patients.SEARCH_LIMIT and found.more


def test_r7_find_by_reserve_number(database: Database) -> None:
    with database.seed() as session:
        factories.patient(
            session,
            "Amal",
            "Hassan",
            born=dt.date(2015, 6, 1),
            identity_number="20150601KXLM",
            identity_kind=IdentityKind.RESERVE,
            residency=Residency.ASYLUM_SEEKER,
            lma_card_valid_until=dt.date(2027, 1, 1),
        )
    with database.read() as session:
        found = patients.search_patients(session, "20150601-kxlm", today=TODAY)
    assert found.exact and found.hits[0].identity_number == "20150601-KXLM"


def test_r2_phone_required_and_checked_address_not_editable(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        person = factories.patient(session, phone="")
    record = _open(database, org, person.id)
    assert any(n.rule == "R2" for n in record.notices)
    for bad, fragment in (
        ("", "required"),
        ("   ", "required"),
        ("abc", "not a phone"),
        ("12", "not a phone"),
    ):
        with pytest.raises(InvalidInput, match=fragment), database.write() as session:
            patients.update_phone(session, patient_id=person.id, phone=bad)
    with database.write() as session:
        patients.update_phone(session, patient_id=person.id, phone=" 070-123  45 67 ")
    record = _read(database, org, person.id)
    assert record.phone == "070-123 45 67"
    assert not any(n.rule == "R2" for n in record.notices)
    # R2: the service layer offers no way to change the registered address.
    assert not [
        name for name in dir(patients) if "address" in name and name.startswith(("update", "set", "edit"))
    ]


def test_r3_four_lists_newest_first(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        person = factories.patient(session)
        aid = factories.article(
            session, "Hörapparat X", individually_marked=True, article_type=ArticleType.MAIN_AID
        )
        dome = factories.article(session, "Dome 8 mm")
        old = factories.delivered_line(
            session,
            person,
            *_user_location(session, org),
            dome,
            delivered_on=dt.date(2024, 1, 10),
            quantity=4,
            number="24020001",
        )
        new = factories.delivered_line(
            session,
            person,
            *_user_location(session, org),
            aid,
            delivered_on=dt.date(2026, 5, 2),
            number="26180001",
        )
        session.add(
            Individual(
                individual_number="10000001",
                serial_number="SN1",
                article_id=aid.id,
                status=IndividualStatus.DELIVERED,
                patient_id=person.id,
                order_line_id=new.id,
            )
        )
        open_order = Order(
            number="26470001",
            kind=OrderKind.PRESCRIPTION,
            status=OrderStatus.SENT,
            patient_id=person.id,
            orderer_id=org["user"],
            prescriber_id=org["user"],
            service_location_id=org["location"],
        )
        session.add(open_order)
        session.flush()
        session.add(
            OrderLine(
                order_id=open_order.id,
                line_number=1,
                article_id=dome.id,
                quantity=2,
                status=LineStatus.OPEN,
                planned_delivery_on=dt.date(2026, 12, 1),
            )
        )
        ret = StockReturn(
            number="26300001",
            kind=ReturnKind.TO_OWN_STOCK,
            patient_id=person.id,
            service_location_id=org["location"],
            warehouse_id=org["warehouse"],
            user_id=org["user"],
            created_at=dt.datetime(2026, 7, 20, 10, tzinfo=dt.UTC),
        )
        session.add(ret)
        session.flush()
        session.add(
            StockReturnLine(stock_return_id=ret.id, order_line_id=old.id, article_id=dome.id, quantity=1)
        )
        session.add(
            Activity(
                number="26400001",
                kind=ActivityKind.WARRANTY_REPAIR,
                patient_id=person.id,
                service_location_id=org["location"],
                orderer_id=org["user"],
            )
        )
    record = _open(database, org, person.id)
    assert [(a.article_name, a.quantity, a.individual_number) for a in record.aids_held] == [
        ("Hörapparat X", 1, "10000001"),
        ("Dome 8 mm", 3, ""),  # 4 delivered, 1 returned
    ]
    assert [(o.order_number, o.planned_delivery_on) for o in record.ordered] == [
        ("26470001", dt.date(2026, 12, 1))
    ]
    assert [(r.returned_on, r.quantity, r.document_number) for r in record.returned] == [
        (dt.date(2026, 7, 20), 1, "26300001")
    ]
    assert [a.number for a in record.activities] == ["26400001"]


def _user_location(session: Any, org: dict[str, Any]) -> tuple[Any, Any]:
    from db.models import ServiceLocation, User

    return session.get(User, org["user"]), session.get(ServiceLocation, org["location"])


def test_r4_inactive_patient_is_told_to_contact_the_aid_centre(
    database: Database, org: dict[str, Any]
) -> None:
    with database.seed() as session:
        person = factories.patient(session, active=False)
    record = _open(database, org, person.id)
    assert not record.can_order
    notice = next(n for n in record.notices if n.rule == "R4")
    assert notice.severity == "stop" and "aid centre" in notice.sentence()


def test_r5_protected_identity_never_leaks(
    database: Database, org: dict[str, Any], caplog: pytest.LogCaptureFixture
) -> None:
    with database.seed() as session:
        person = factories.patient(
            session,
            "Fiktiv",
            "Person",
            protected_identity=True,
            street="Hemlig väg 7",
            postal_code="211 11",
            city="Malmö",
        )
    caplog.set_level(logging.DEBUG)
    with database.read() as session:
        hit = patients.search_patients(session, "fiktiv", today=TODAY).hits[0]
    assert hit.protected_identity and hit.city == ""
    record = _open(database, org, person.id)
    assert (record.street, record.postal_code, record.city) == patients.FORWARDING_ADDRESS
    assert "Hemlig" not in repr(record) and "Malmö" not in repr(record)
    assert any(n.rule == "R5" for n in record.notices)
    with database.read() as session:
        entry = session.scalars(select(PatientAccessLog)).one()
    assert (
        person.identity_number not in entry.description
        and person.identity_number[:8] not in entry.description
    )
    logged = caplog.text
    assert "Fiktiv" not in logged and person.identity_number not in logged and "Hemlig" not in logged


def test_r6_out_of_region_payment_commitment_is_shown(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        without = factories.patient(
            session,
            "Utan",
            "Halland",
            serial=1,
            residency=Residency.OTHER_REGION,
            home_region="Region Halland",
        )
        with_one = factories.patient(
            session,
            "Med",
            "Halland",
            serial=2,
            residency=Residency.OTHER_REGION,
            home_region="Region Halland",
        )
        session.add(
            PaymentCommitment(
                patient_id=with_one.id,
                home_region="Region Halland",
                reference="BF-2026-17",
                received_on=dt.date(2026, 10, 1),
                valid_until=None,
            )
        )
    missing = next(n for n in _open(database, org, without.id).notices if n.rule == "R6")
    assert missing.severity == "warning" and "none is stored" in missing.sentence()
    stored = next(n for n in _open(database, org, with_one.id).notices if n.rule == "R6")
    assert "BF-2026-17" in stored.sentence()


def test_r7_reserve_number_adult_and_child_rules(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        child = factories.patient(
            session,
            "Barn",
            "Reserv",
            born=dt.date(2015, 6, 1),
            identity_number="20150601ABCD",
            identity_kind=IdentityKind.RESERVE,
            residency=Residency.ASYLUM_SEEKER,
            lma_card_valid_until=dt.date(2027, 1, 1),
        )
        adult = factories.patient(
            session,
            "Vuxen",
            "Reserv",
            born=dt.date(1980, 2, 2),
            identity_number="19800202EFGH",
            identity_kind=IdentityKind.RESERVE,
            residency=Residency.ASYLUM_SEEKER,
            lma_card_valid_until=dt.date(2025, 1, 1),
        )
    child_notices = " ".join(n.sentence() for n in _open(database, org, child.id).notices if n.rule == "R7")
    assert "same rights" in child_notices and "LMA card valid until 2027-01-01" in child_notices
    adult_notices = " ".join(n.sentence() for n in _open(database, org, adult.id).notices if n.rule == "R7")
    assert "cannot wait" in adult_notices and "check the patient's LMA card" in adult_notices


def test_r9_deceased_patient_shows_the_aids_to_return(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        person = factories.patient(session, deceased_on=dt.date(2026, 10, 2))
        aid = factories.article(
            session, "Hörapparat Y", individually_marked=True, article_type=ArticleType.MAIN_AID
        )
        line = factories.delivered_line(
            session,
            person,
            *_user_location(session, org),
            aid,
            delivered_on=dt.date(2025, 3, 3),
            number="25100001",
        )
        session.add(
            Individual(
                individual_number="10000002",
                serial_number="SN2",
                article_id=aid.id,
                status=IndividualStatus.DELIVERED,
                patient_id=person.id,
                order_line_id=line.id,
            )
        )
    record = _open(database, org, person.id)
    notice = next(n for n in record.notices if n.rule == "R9")
    assert (
        notice.severity == "stop"
        and "Aids held must be returned" in notice.sentence()
        and "2026-10-02" in notice.sentence()
    )
    assert [a.individual_number for a in record.aids_held] == ["10000002"]
    assert not record.can_order


def test_opening_a_record_writes_the_access_log(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        person = factories.patient(session)
    first = _open(database, org, person.id)
    second = _open(database, org, person.id)
    assert len(first.access_log) == 1 and len(second.access_log) == 2
    assert second.access_log[0].user_name == "Anna Audionom"
    # Translatable words only, never the identity number (R5: the access log is a list others read).
    assert {row.description for row in second.access_log} == {patients.RECORD_OPENED}
    assert person.identity_number[:8] not in repr(second.access_log)


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("0701234567", "070-123 45 67"),
        (" 070-123  45 67 ", "070-123 45 67"),
        ("+46 70 123 45 67", "070-123 45 67"),
        ("0046701234567", "070-123 45 67"),
        ("046123456", "046-12 34 56"),
        ("08 123 456 78", "08-123 456 78"),
        ("０７０１２３４５６７", "070-123 45 67"),  # full-width digits, as some input methods type them
        ("+45 32 12 34 56", "+45 32 12 34 56"),  # a foreign number keeps its country code
    ],
)
def test_r2_phone_numbers_are_saved_in_one_form(
    database: Database, org: dict[str, Any], typed: str, stored: str
) -> None:
    with database.seed() as session:
        person = factories.patient(session)
    with database.write() as session:
        patients.update_phone(session, patient_id=person.id, phone=typed)
    assert _read(database, org, person.id).phone == stored
