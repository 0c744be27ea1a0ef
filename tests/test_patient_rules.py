"""The one patient rule check (R2, R4–R9): pure, no database; what the record shows is what the order
enforces (tests/test_orders.py checks both sides on the demo data)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.database import Database
from app.identity import format_identity
from app.patient_rules import (
    ArticleFacts,
    Desk,
    Document,
    PatientFacts,
    Severity,
    check_patient,
    desk_of,
    load_facts,
)
from db.models import ForeignCertificate, PaymentCommitment
from db.models.enums import Residency
from tests import factories

TODAY = dt.date(2026, 11, 30)
DESK = Desk(aid_centre=False, private_clinic=False, location_name="Hörselmottagningen Malmö")
AID_CENTRE = Desk(aid_centre=True, private_clinic=False, location_name="Hörselmottagningen Malmö")
PRIVATE = Desk(aid_centre=False, private_clinic=True, location_name="Hörselkliniken Privat")
HEARING_AID = ArticleFacts("Hörapparat Oticon More 1", hearing_aid=True, price=Decimal("4300"))
DOME = ArticleFacts("Dome 8 mm", hearing_aid=False, price=Decimal("65"))


def facts(**changes: object) -> PatientFacts:
    base = PatientFacts(
        residency=Residency.RESIDENT,
        birth_date=dt.date(1950, 3, 14),
        active=True,
        deceased_on=None,
        protected_identity=False,
        has_phone=True,
        home_region="Region Skåne",
        country="",
        lma_card_valid_until=None,
        replaced_by=None,
        urgent_need_recorded=False,
    )
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def stops(report: object) -> list[str]:
    return [n.rule for n in report.notices if n.severity == Severity.STOP]  # type: ignore[attr-defined]


def test_an_ordinary_resident_may_order_anything() -> None:
    report = check_patient(facts(), DESK, TODAY)
    assert report.may_order and report.order_refusal is None
    assert report.article_refusal(HEARING_AID, handed_out=True) is None


def test_r4_inactive_and_r9_deceased_stop_every_order() -> None:
    inactive = check_patient(facts(active=False), DESK, TODAY)
    assert stops(inactive) == ["R4"] and "aid centre" in inactive.order_refusal.sentence()  # type: ignore[union-attr]
    deceased = check_patient(facts(deceased_on=dt.date(2026, 10, 2)), DESK, TODAY)
    assert stops(deceased) == ["R9"]
    assert "must be returned" in deceased.order_refusal.sentence()  # type: ignore[union-attr]


def test_r7_replaced_reserve_number_stops_and_names_the_new_number() -> None:
    report = check_patient(facts(replaced_by="20150303-1238"), DESK, TODAY)
    assert stops(report) == ["R7"] and "20150303-1238" in report.order_refusal.sentence()  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("valid_until", "stopped"),
    [
        (None, True),
        (TODAY - dt.timedelta(days=1), True),
        (TODAY, False),
        (TODAY + dt.timedelta(days=90), False),
    ],
)
def test_r7_asylum_seeker_needs_a_valid_lma_card(valid_until: dt.date | None, stopped: bool) -> None:
    child = facts(
        residency=Residency.ASYLUM_SEEKER, birth_date=dt.date(2016, 5, 12), lma_card_valid_until=valid_until
    )
    report = check_patient(child, DESK, TODAY)
    assert report.may_order is not stopped
    lma = [n for n in report.notices if "LMA" in n.sentence()]
    assert len(lma) == 1 and (lma[0].severity == Severity.STOP) is stopped


@pytest.mark.parametrize(
    ("born", "recorded", "stopped"),
    [
        (dt.date(2009, 1, 1), False, False),  # 17 today: the same rights as a resident
        (dt.date(2008, 11, 30), False, True),  # 18 today: only needs that cannot wait
        (dt.date(2008, 11, 30), True, False),  # … with the prescriber's reason recorded
    ],
)
def test_r7_adult_reserve_number_needs_the_urgent_need_reason(
    born: dt.date, recorded: bool, stopped: bool
) -> None:
    person = facts(
        residency=Residency.ASYLUM_SEEKER,
        birth_date=born,
        lma_card_valid_until=TODAY,
        urgent_need_recorded=recorded,
    )
    report = check_patient(person, DESK, TODAY)
    assert report.may_order is not stopped
    if stopped:
        assert "record the reason" in report.order_refusal.sentence()  # type: ignore[union-attr]


def test_r7_undocumented_patients_are_for_the_aid_centre_to_register() -> None:
    child = facts(residency=Residency.UNDOCUMENTED, birth_date=dt.date(2015, 2, 2))
    at_desk = check_patient(child, DESK, TODAY)
    assert stops(at_desk) == ["R7"] and "VO Hjälpmedel" in at_desk.order_refusal.sentence()  # type: ignore[union-attr]
    assert check_patient(child, AID_CENTRE, TODAY).may_order


@pytest.mark.parametrize(
    ("residency", "refused"),
    [
        (Residency.ASYLUM_SEEKER, True),
        (Residency.UNDOCUMENTED, True),
        (Residency.ABROAD, True),
        (Residency.OTHER_REGION, False),
        (Residency.RESIDENT, False),
    ],
)
def test_r7_r8_private_clinics_do_not_handle_asylum_seekers_swedes_abroad_or_eu_citizens(
    residency: Residency, refused: bool
) -> None:
    person = facts(residency=residency, birth_date=dt.date(2015, 2, 2), lma_card_valid_until=TODAY)
    private = check_patient(person, dataclasses.replace(PRIVATE, aid_centre=True), TODAY)
    assert (
        private.order_refusal is not None and "region's own clinics" in private.order_refusal.sentence()
    ) is refused
    assert "Hörselkliniken Privat" in " ".join(n.sentence() for n in private.notices) or not refused
    if refused:  # the rule it comes from: R7 for a reserve number, R8 for a patient from abroad
        assert private.order_refusal.rule == ("R8" if residency is Residency.ABROAD else "R7")  # type: ignore[union-attr]


def test_r6_an_expired_payment_commitment_is_shown_as_expired_and_refused() -> None:
    """The record used to say "received" while the order refused: now both read one report."""
    expired = Document("BF-2025-03", dt.date(2025, 1, 10), dt.date(2026, 1, 10))
    report = check_patient(
        facts(residency=Residency.OTHER_REGION, home_region="Region Halland", payment_commitments=(expired,)),
        DESK,
        TODAY,
    )
    (r6,) = [n for n in report.notices if n.rule == "R6"]
    assert r6.severity == Severity.WARNING and "expired" in r6.sentence() and "BF-2025-03" in r6.sentence()
    assert report.valid_commitment is None
    refusal = report.article_refusal(HEARING_AID, handed_out=False)
    assert refusal is not None and refusal.severity == Severity.STOP
    assert "Hörapparat Oticon More 1" in refusal.sentence() and "Region Halland" in refusal.sentence()
    assert report.article_refusal(DOME, handed_out=False) is None
    valid = dataclasses.replace(expired, valid_until=None)
    renewed = check_patient(
        facts(residency=Residency.OTHER_REGION, payment_commitments=(valid,)), DESK, TODAY
    )
    (shown,) = [n for n in renewed.notices if n.rule == "R6"]
    assert shown.severity == Severity.INFO and "received 2025-01-10" in shown.sentence()
    assert renewed.article_refusal(HEARING_AID, handed_out=False) is None


@pytest.mark.parametrize(("price", "refused"), [("9999.99", False), ("10000", True), ("25000", True)])
def test_r6_limit_of_10000_sek_for_aids_other_than_hearing_aids(price: str, refused: bool) -> None:
    report = check_patient(facts(residency=Residency.OTHER_REGION), DESK, TODAY)
    item = ArticleFacts("Fjärrmikrofon", hearing_aid=False, price=Decimal(price))
    assert (report.article_refusal(item, handed_out=False) is not None) is refused


def test_r8_certificates_before_an_aid_is_handed_out() -> None:
    expired = Document("EU-kort (EHIC)", None, TODAY - dt.timedelta(days=1))
    report = check_patient(
        facts(residency=Residency.ABROAD, country="DK", foreign_certificates=(expired,)), DESK, TODAY
    )
    refusal = report.article_refusal(DOME, handed_out=True)
    assert refusal is not None and "DK" in refusal.sentence()
    assert report.article_refusal(DOME, handed_out=False) is None  # ordering is not handing out
    (r8,) = [n for n in report.notices if n.rule == "R8"]
    assert r8.severity == Severity.WARNING
    fine = check_patient(
        facts(
            residency=Residency.ABROAD,
            country="DK",
            foreign_certificates=(dataclasses.replace(expired, valid_until=None),),
        ),
        DESK,
        TODAY,
    )
    assert fine.article_refusal(DOME, handed_out=True) is None


@pytest.mark.parametrize(("valid_until", "valid"), [(TODAY - dt.timedelta(days=1), False), (TODAY, True)])
def test_r6_a_payment_commitment_is_valid_through_its_last_day(valid_until: dt.date, valid: bool) -> None:
    commitment = Document("BF-2026-01", dt.date(2026, 1, 2), valid_until)
    report = check_patient(
        facts(residency=Residency.OTHER_REGION, payment_commitments=(commitment,)), DESK, TODAY
    )
    assert (report.valid_commitment is not None) is valid
    assert (report.article_refusal(HEARING_AID, handed_out=False) is None) is valid


def test_r2_missing_phone_and_r5_protected_identity_are_shown_not_stopped() -> None:
    report = check_patient(facts(has_phone=False, protected_identity=True), DESK, TODAY)
    assert {n.rule for n in report.notices} == {"R2", "R5"} and report.may_order


residencies = st.sampled_from(list(Residency))
days = st.dates(dt.date(1920, 1, 1), dt.date(2026, 11, 30))
documents = st.builds(Document, st.text(max_size=5), st.none() | days, st.none() | days)


@given(
    st.builds(
        PatientFacts,
        residency=residencies,
        birth_date=days,
        active=st.booleans(),
        deceased_on=st.none() | days,
        protected_identity=st.booleans(),
        has_phone=st.booleans(),
        home_region=st.just("Region Halland"),
        country=st.just("DK"),
        lma_card_valid_until=st.none() | days,
        replaced_by=st.none() | st.just("20150303-1238"),
        urgent_need_recorded=st.booleans(),
        payment_commitments=st.lists(documents, max_size=2).map(tuple),
        foreign_certificates=st.lists(documents, max_size=2).map(tuple),
    ),
    st.builds(Desk, aid_centre=st.booleans(), private_clinic=st.booleans()),
)
def test_the_report_refuses_exactly_when_it_shows_a_stop(person: PatientFacts, desk: Desk) -> None:
    report = check_patient(person, desk, TODAY)
    shown_stops = [n for n in report.notices if n.severity == Severity.STOP]
    assert report.may_order is (not shown_stops)
    assert report.order_refusal == (shown_stops[0] if shown_stops else None)
    for notice in report.notices:
        assert notice.sentence()  # every placeholder is filled
    # Stops come first, so the clerk reads what blocks the order before anything else.
    severities = [n.severity for n in report.notices]
    assert severities == sorted(severities, key=[Severity.STOP, Severity.WARNING, Severity.INFO].index)
    if not person.active or person.deceased_on is not None:
        assert not report.may_order


def test_r7_r8_the_facts_read_from_the_database_are_the_patients(database: Database) -> None:
    """``load_facts`` hands ``check_patient`` what the database holds: the commitment's and certificate's
    dates, the home region and country, the number that replaced a reserve number; ``desk_of`` the
    location's name and whether it is a private clinic."""
    with database.seed() as session:
        user, location, _warehouse = factories.organisation(session)
        current = factories.patient(session, "Ali", "Hassan", born=dt.date(1980, 5, 6), serial=456)
        replaced = factories.patient(
            session,
            "Ali",
            "Hassan",
            born=dt.date(1980, 5, 6),
            serial=457,
            replaced_by_id=current.id,
            residency=Residency.ABROAD,
            home_region="Region Halland",
            country="Tyskland",
        )
        session.add_all(
            [
                PaymentCommitment(
                    patient_id=replaced.id,
                    home_region="Region Halland",
                    reference="BF-2026-17",
                    received_on=dt.date(2026, 1, 5),
                    valid_until=dt.date(2026, 12, 31),
                ),
                ForeignCertificate(
                    patient_id=replaced.id,
                    kind="EU card (EHIC)",
                    reference="80276",
                    valid_until=dt.date(2027, 3, 1),
                    recorded_on=dt.date(2026, 1, 5),
                ),
            ]
        )
        session.flush()
        loaded = load_facts(session, replaced)
        plain = load_facts(session, current)
        desk = desk_of(session, user.id, location.id)
        nowhere = desk_of(session, user.id, None)
    assert loaded.replaced_by == format_identity(current.identity_number) and plain.replaced_by is None
    assert loaded.home_region == "Region Halland" and loaded.country == "Tyskland"
    assert loaded.payment_commitments == (Document("BF-2026-17", dt.date(2026, 1, 5), dt.date(2026, 12, 31)),)
    assert loaded.foreign_certificates == (Document("EU card (EHIC)", None, dt.date(2027, 3, 1)),)
    assert plain.payment_commitments == () and plain.foreign_certificates == ()
    assert desk.location_name == location.name and not desk.private_clinic and not desk.aid_centre
    assert nowhere.location_name == ""
