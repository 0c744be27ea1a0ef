"""The Individual tab's services: search (R36, R38), record, renumber (R37), SIP number (R38), owner colour
(R40) and protected identities in its lists (R5)."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest
from sqlalchemy import select

from app import individual_record as records
from app.database import Database
from app.errors import InvalidInput, RuleViolation
from app.identity import format_identity
from app.individual_record import SearchIn
from db.models import Activity, ActivityIndividual, ChangeLogEntry, Individual, IndividualEvent
from db.models.enums import ActivityKind, IndividualStatus, OwnerColour
from tests import factories


@pytest.fixture
def org(database: Database) -> dict[str, Any]:
    """A clinic with its own stock, an individually marked article and three devices in that stock."""
    with database.seed() as session:
        user, location, warehouse = factories.organisation(session)
        art = factories.article(session, "Phonak Audéo L90-R", individually_marked=True)
        made = {}
        for number, serial, sip, colour in (
            ("412345678", "PH00112233", None, OwnerColour.BLUE),
            ("412399990", "PH00998877", None, OwnerColour.RED),
            ("598765432", "OT55554444", "46401234567@sip.horsel.skane.example", OwnerColour.GREEN),
        ):
            row = Individual(
                individual_number=number,
                serial_number=serial,
                sip_number=sip,
                article_id=art.id,
                owner_colour=colour,
                status=IndividualStatus.IN_STOCK,
                warehouse_id=warehouse.id,
                purchase_date=dt.date(2026, 1, 15),
                purchase_price=Decimal("4190"),
            )
            session.add(row)
            session.flush()
            session.add(
                IndividualEvent.of(row, user_id=user.id, document_kind="goods_receipt", document_id=None)
            )
            made[number] = row.id
        return {"user": user.id, "location": location.id, "warehouse": warehouse.id, "art": art.id, **made}


def _search(database: Database, text: str, search_in: SearchIn = SearchIn.INDIVIDUAL_NUMBER) -> Any:
    with database.read() as session:
        return records.search_individuals(session, text, search_in=search_in)


def _record(database: Database, individual_id: uuid.UUID) -> records.IndividualRecord:
    with database.read() as session:
        return records.read_individual_record(session, individual_id)


def test_r36_whole_individual_number_finds_the_one_device(database: Database, org: dict[str, Any]) -> None:
    found = _search(database, "412 345 678")
    assert found.exact and [h.individual_number for h in found.hits] == ["412345678"]
    hit = found.hits[0]
    assert hit.status is IndividualStatus.IN_STOCK and hit.warehouse_code == "L-LUND"
    assert hit.article_name == "Phonak Audéo L90-R" and hit.serial_number == "PH00112233"


def test_r36_part_of_a_worn_label_finds_every_device_with_that_run(
    database: Database, org: dict[str, Any]
) -> None:
    assert [h.individual_number for h in _search(database, "4123").hits] == ["412345678", "412399990"]
    assert [h.individual_number for h in _search(database, "8765").hits] == ["598765432"]  # in the middle
    assert [h.individual_number for h in _search(database, "9990").hits] == ["412399990"]  # at the end
    assert not _search(database, "1111").hits


def test_r36_fewer_than_four_characters_is_no_partial_search(database: Database, org: dict[str, Any]) -> None:
    found = _search(database, "412")
    assert found.too_short and not found.hits


def test_r36_partial_search_is_an_exact_run_not_scattered_digits(
    database: Database, org: dict[str, Any]
) -> None:
    # 4, 1, 2, 3 all occur in 412399990 but not as the run "4132".
    assert not _search(database, "4132").hits


def test_r36_search_in_serial_number(database: Database, org: dict[str, Any]) -> None:
    found = _search(database, "ph00112233", SearchIn.SERIAL_NUMBER)
    assert found.exact and [h.individual_number for h in found.hits] == ["412345678"]
    assert [h.individual_number for h in _search(database, "9988", SearchIn.SERIAL_NUMBER).hits] == [
        "412399990"
    ]
    # The individual number's digits are not looked for among serial numbers.
    assert not _search(database, "412345678", SearchIn.SERIAL_NUMBER).hits


def test_r38_search_in_sip_number(database: Database, org: dict[str, Any]) -> None:
    whole = _search(database, "sip:46401234567@SIP.horsel.skane.example", SearchIn.SIP_NUMBER)
    assert whole.exact and [h.individual_number for h in whole.hits] == ["598765432"]
    part = _search(database, "46401234567", SearchIn.SIP_NUMBER)
    assert [h.sip_number for h in part.hits] == ["46401234567@sip.horsel.skane.example"]


def test_r36_record_shows_information_status_activities_and_history(
    database: Database, org: dict[str, Any]
) -> None:
    with database.seed() as session:
        patient = factories.patient(session)
        session.add(
            Activity(
                number="26480001",
                kind=ActivityKind.WARRANTY_REPAIR,
                patient_id=patient.id,
                service_location_id=org["location"],
                orderer_id=org["user"],
            )
        )
        session.flush()
        activity = session.scalars(select(Activity.id)).one()
        session.add(ActivityIndividual(activity_id=activity, individual_id=org["412345678"]))
        individual = session.get(Individual, org["412345678"])
        assert individual is not None
        individual.last_maintenance_on = dt.date(2026, 6, 1)
        individual.free_text = "Laddaren byttes 2026-06."
    record = _record(database, org["412345678"])
    assert record.purchase_date == dt.date(2026, 1, 15) and record.purchase_price == Decimal("4190")
    assert record.last_maintenance_on == dt.date(2026, 6, 1)
    assert record.supplier_name == "Oticon AB"
    assert record.warehouse_code == "L-LUND" and record.patient_id is None
    assert record.free_text == "Laddaren byttes 2026-06."
    assert [a.number for a in record.activities] == ["26480001"]
    assert [h.document_kind for h in record.history] == ["goods_receipt"]


def test_r37_renumber_needs_confirmation(database: Database, org: dict[str, Any]) -> None:
    with pytest.raises(RuleViolation, match="confirmation"), database.write() as session:
        records.renumber_individual(
            session,
            individual_id=org["412345678"],
            new_number="712345678",
            confirmed=False,
            user_id=org["user"],
        )
    assert _record(database, org["412345678"]).individual_number == "412345678"


def test_r37_renumber_writes_history_with_the_old_number(database: Database, org: dict[str, Any]) -> None:
    with database.write() as session:
        record = records.renumber_individual(
            session,
            individual_id=org["412345678"],
            new_number=" 712345678 ",
            confirmed=True,
            user_id=org["user"],
        )
    assert record.individual_number == "712345678"
    newest = record.history[0]
    assert newest.document_kind == records.RENUMBER_KIND and newest.note == "412345678"
    assert newest.user_name == "Anna Audionom"
    # The full-text index follows the new number (its trigger), and the old one is gone from it.
    assert [h.individual_number for h in _search(database, "7123").hits] == ["712345678"]
    assert [h.individual_number for h in _search(database, "4123").hits] == ["412399990"]
    with database.read() as session:
        logged = session.scalars(select(ChangeLogEntry.table_name)).all()
    assert "individual" in logged and "individual_event" in logged  # it syncs


def test_r37_renumber_to_a_number_in_use_is_refused(database: Database, org: dict[str, Any]) -> None:
    with pytest.raises(RuleViolation) as refused, database.write() as session:
        records.renumber_individual(
            session,
            individual_id=org["412345678"],
            new_number="412399990",
            confirmed=True,
            user_id=org["user"],
        )
    assert refused.value.sentence() == (
        "Individual number 412399990 is already used by another individual; nothing was changed."
    )
    record = _record(database, org["412345678"])
    assert record.individual_number == "412345678" and len(record.history) == 1


def test_r37_renumber_refuses_what_is_no_individual_number(database: Database, org: dict[str, Any]) -> None:
    for typed in ("", "12", "41-23@45"):
        with pytest.raises(InvalidInput), database.write() as session:
            records.renumber_individual(
                session, individual_id=org["412345678"], new_number=typed, confirmed=True, user_id=org["user"]
            )
    assert _record(database, org["412345678"]).individual_number == "412345678"


def test_r37_serial_number_cannot_be_changed_at_the_desk(database: Database, org: dict[str, Any]) -> None:
    with pytest.raises(RuleViolation) as refused, database.write() as session:
        individual = session.get(Individual, org["412345678"])
        assert individual is not None
        individual.serial_number = "PH99999999"
    assert "hjalpmedel@skane.se" in refused.value.sentence()
    assert "Hjälpmedel" in refused.value.sentence()
    assert _record(database, org["412345678"]).serial_number == "PH00112233"
    # A device being received gets its serial number (a new row, not a change).
    with database.write() as session:
        session.add(
            Individual(
                individual_number="412300001",
                serial_number="PH12121212",
                article_id=org["art"],
                status=IndividualStatus.IN_STOCK,
                warehouse_id=org["warehouse"],
            )
        )
    assert _search(database, "PH12121212", SearchIn.SERIAL_NUMBER).exact


def test_r38_sip_number_format_is_number_at_domain(database: Database, org: dict[str, Any]) -> None:
    assert records.normalise_sip_number(" sip:46401234567@SIP.Example.se ") == "46401234567@sip.example.se"
    assert records.normalise_sip_number("+46401234567@sip.example.se") == "+46401234567@sip.example.se"
    assert records.normalise_sip_number("") is None
    for bad in (
        "46401234567",
        "anna@sip.example.se",
        "4640@localhost",
        "46-40@sip.example.se",
        "4640@sip_x.se",
        "@sip.example.se",
    ):
        with pytest.raises(InvalidInput):
            records.normalise_sip_number(bad)


def test_r38_sip_number_is_added_with_an_event_and_can_be_searched(
    database: Database, org: dict[str, Any]
) -> None:
    with database.write() as session:
        record = records.set_sip_number(
            session,
            individual_id=org["412345678"],
            sip_number="46421112233@sip.example.se",
            user_id=org["user"],
        )
    assert record.sip_number == "46421112233@sip.example.se"
    assert record.history[0].document_kind == records.SIP_NUMBER_KIND and record.history[0].note == ""
    found = _search(database, "4642111", SearchIn.SIP_NUMBER)
    assert [h.individual_number for h in found.hits] == ["412345678"]


def test_r38_sip_number_format_refused_keeps_the_old_one(database: Database, org: dict[str, Any]) -> None:
    with pytest.raises(InvalidInput), database.write() as session:
        records.set_sip_number(
            session, individual_id=org["598765432"], sip_number="not a number", user_id=org["user"]
        )
    with pytest.raises(RuleViolation), database.write() as session:
        records.set_sip_number(
            session,
            individual_id=org["412345678"],
            sip_number="46401234567@sip.horsel.skane.example",
            user_id=org["user"],
        )
    assert _record(database, org["598765432"]).sip_number == "46401234567@sip.horsel.skane.example"
    assert _record(database, org["412345678"]).sip_number == ""


def test_r40_owner_colour_in_hits_and_record(database: Database, org: dict[str, Any]) -> None:
    colours = {h.individual_number: h.owner_colour for h in _search(database, "4123").hits}
    assert colours == {"412345678": OwnerColour.BLUE, "412399990": OwnerColour.RED}
    assert _record(database, org["598765432"]).owner_colour is OwnerColour.GREEN


def test_r5_protected_identity_number_stays_out_of_the_individual_record(
    database: Database, org: dict[str, Any]
) -> None:
    with database.seed() as session:
        hidden = factories.patient(
            session, "Anna", "Skyddad", born=dt.date(1961, 5, 5), serial=456, protected_identity=True
        )
        number = hidden.identity_number
        individual = session.get(Individual, org["412345678"])
        assert individual is not None
        individual.status, individual.warehouse_id, individual.patient_id = (
            IndividualStatus.DELIVERED,
            None,
            hidden.id,
        )
        session.add(
            IndividualEvent.of(individual, user_id=org["user"], document_kind="order", document_id=None)
        )
    record = _record(database, org["412345678"])
    assert record.patient == "Skyddad, Anna" and record.patient_id is not None
    assert record.history[0].patient == "Skyddad, Anna"
    shown = repr(record) + repr(_search(database, "412345678"))
    for form in (number, format_identity(number), number[2:]):
        assert form not in shown


def test_r5_an_ordinary_patient_is_named_with_the_number(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        patient = factories.patient(session)
        number = patient.identity_number
        individual = session.get(Individual, org["412345678"])
        assert individual is not None
        individual.status, individual.warehouse_id, individual.patient_id = (
            IndividualStatus.DELIVERED,
            None,
            patient.id,
        )
    assert format_identity(number) in _record(database, org["412345678"]).patient
