"""Fees: patient fee and self fee (R21), the asylum-seeker fee (R7), charging kit and charger billing (R22),
pausing a charger invoice, cancellation with the order (R16) and the fees list."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from dataclasses import dataclass
from decimal import Decimal

import pytest
from sqlalchemy import select

from app import fees
from app.database import Database
from app.errors import InvalidInput, NotFound, RuleViolation
from app.organisation import WorkContext
from db.models import Article, Fee, Individual, Order, OrderLine, Patient, ServiceLocation, User
from db.models.enums import (
    ArticleType,
    FeeKind,
    FeeRule,
    FeeStatus,
    IdentityKind,
    IndividualStatus,
    LineStatus,
    OrderKind,
    OrderStatus,
    Residency,
)
from tests import factories

ORDER_DAY = dt.date(2025, 3, 10)
#: Turns 21 on the order day: "over 20" from this day on.
BORN_21_TODAY = dt.date(2004, 3, 10)
#: Turns 21 the day after the order day: still 20, pays nothing.
BORN_21_TOMORROW = dt.date(2004, 3, 11)


@dataclass(frozen=True)
class Setup:
    context: WorkContext
    patient: uuid.UUID
    order: uuid.UUID
    line: uuid.UUID
    article: uuid.UUID
    individuals: tuple[uuid.UUID, ...]


def _context(user_id: uuid.UUID, location: ServiceLocation) -> WorkContext:
    return WorkContext(user_id, "anna", "Anna Audionom", location.id, location.code, location.name)


def setup_line(
    database: Database,
    *,
    fee_rule: FeeRule,
    born: dt.date = dt.date(1950, 3, 14),
    residency: Residency = Residency.RESIDENT,
    quantity: int = 1,
    individuals: tuple[str, ...] = (),
    sent_on: dt.date = ORDER_DAY,
    protected_identity: bool = False,
    first: str = "Karin",
    last: str = "Nilsson",
) -> Setup:
    """An organisation, a patient, an article with *fee_rule* and a sent order with one open line."""
    with database.seed() as session:
        existing = session.scalars(select(ServiceLocation).where(ServiceLocation.code == "LUND")).first()
        if existing is None:
            user, location, _warehouse = factories.organisation(session)
        else:
            location = existing
            user = session.scalars(select(User)).one()
        reserve = residency in (Residency.ASYLUM_SEEKER, Residency.UNDOCUMENTED)
        person = factories.patient(
            session,
            first,
            last,
            born=born,
            serial=100 + len(session.scalars(select(Patient.id)).all()),
            residency=residency,
            protected_identity=protected_identity,
            **(
                {
                    "identity_kind": IdentityKind.RESERVE,
                    "identity_number": born.strftime("%Y%m%d") + "ABC" + chr(65 + born.day % 26),
                }
                if reserve
                else {}
            ),
        )
        art = factories.article(
            session,
            "Laddare" if fee_rule is FeeRule.CHARGER else "Artikel",
            individually_marked=bool(individuals),
            article_type=ArticleType.MAIN_AID,
        )
        art.fee_rule = fee_rule
        order = Order(
            number=f"2511{len(session.scalars(select(Order.id)).all()):04d}",
            kind=OrderKind.PRESCRIPTION,
            status=OrderStatus.SENT,
            patient_id=person.id,
            prescriber_id=user.id,
            orderer_id=user.id,
            service_location_id=location.id,
            sent_at=dt.datetime.combine(sent_on, dt.time(10, 0)).astimezone(dt.UTC),
        )
        session.add(order)
        session.flush()
        line = OrderLine(
            order_id=order.id, line_number=1, article_id=art.id, quantity=quantity, status=LineStatus.OPEN
        )
        session.add(line)
        session.flush()
        made = []
        for number in individuals:
            individual = Individual(
                individual_number=number,
                serial_number=f"SN{number}",
                article_id=art.id,
                status=IndividualStatus.IN_STOCK,
                order_line_id=line.id,
            )
            session.add(individual)
            session.flush()
            made.append(individual.id)
        return Setup(_context(user.id, location), person.id, order.id, line.id, art.id, tuple(made))


def send(database: Database, setup: Setup, today: dt.date = ORDER_DAY) -> list[Fee]:
    with database.write() as session:
        patient = session.get(Patient, setup.patient)
        line = session.get(OrderLine, setup.line)
        assert line is not None
        return fees.fees_at_order(session, patient=patient, line=line, today=today)


def deliver(database: Database, setup: Setup, delivered_on: dt.date) -> list[Fee]:
    with database.write() as session:
        patient = session.get(Patient, setup.patient)
        line = session.get(OrderLine, setup.line)
        assert line is not None
        line.status = LineStatus.DELIVERED
        line.delivered_on = delivered_on
        return fees.fees_at_delivery(
            session, patient=patient, line=line, individual_ids=setup.individuals, delivered_on=delivered_on
        )


def stored(database: Database) -> list[Fee]:
    with database.read() as session:
        return list(session.scalars(select(Fee).order_by(Fee.bill_on, Fee.created_at)))


# ------------------------------------------------------------------------------------------- R21, R7


def test_r21_patient_fee_over_20_only(database: Database) -> None:
    twenty = setup_line(database, fee_rule=FeeRule.PATIENT_FEE, born=BORN_21_TOMORROW, quantity=2)
    assert send(database, twenty) == []
    over = setup_line(database, fee_rule=FeeRule.PATIENT_FEE, born=BORN_21_TODAY, quantity=2)
    made = send(database, over)
    assert [(f.kind, f.amount, f.bill_on, f.status) for f in made] == [
        (FeeKind.PATIENT_FEE, fees.PATIENT_FEE * 2, ORDER_DAY, FeeStatus.PLANNED)
    ]
    rows = stored(database)
    assert [(r.patient_id, r.order_line_id, r.article_id) for r in rows] == [
        (over.patient, over.line, over.article)
    ]


def test_r21_no_fee_without_a_rule_or_a_patient(database: Database) -> None:
    plain = setup_line(database, fee_rule=FeeRule.NONE)
    assert send(database, plain) == []
    priced = setup_line(database, fee_rule=FeeRule.PATIENT_FEE, born=dt.date(1960, 1, 1))
    with database.write() as session:
        line = session.get(OrderLine, priced.line)
        assert line is not None
        assert fees.fees_at_order(session, patient=None, line=line, today=ORDER_DAY) == []  # replenishment
    assert stored(database) == []


def test_r21_a_line_gets_its_fee_once(database: Database) -> None:
    setup = setup_line(database, fee_rule=FeeRule.PATIENT_FEE)
    assert len(send(database, setup)) == 1
    assert send(database, setup) == []
    assert len(stored(database)) == 1


def test_r21_r22_fees_read_once_for_many_lines_are_the_lines_own(database: Database) -> None:
    """``existing_fees`` (read once when an order is sent or a delivery received) gives each line the fees
    it carries, by kind and by individual, and leaves out a cancelled fee and other lines' fees; with it a
    line that has its fee gets no second one, and an individual already billed none."""
    patient_line = setup_line(database, fee_rule=FeeRule.PATIENT_FEE)
    chargers = setup_line(database, fee_rule=FeeRule.CHARGER, individuals=("900001", "900002"))
    other = setup_line(database, fee_rule=FeeRule.PATIENT_FEE, first="Olle", last="Berg")
    outside = setup_line(database, fee_rule=FeeRule.PATIENT_FEE, first="Eva", last="Ek")  # not asked for
    assert all(len(send(database, setup)) == 1 for setup in (patient_line, other, outside))
    first_charger = dataclasses.replace(chargers, individuals=chargers.individuals[:1])
    assert len(deliver(database, first_charger, ORDER_DAY)) == 1
    with database.write() as session:
        cancelled = session.scalars(select(Fee).where(Fee.order_line_id == other.line)).one()
        cancelled.status = FeeStatus.CANCELLED
    with database.read() as session:
        found = fees.existing_fees(session, [patient_line.line, chargers.line, other.line])
    assert found == {
        (patient_line.line, FeeKind.PATIENT_FEE): {None},
        (chargers.line, FeeKind.CHARGER): {chargers.individuals[0]},
    }
    with database.write() as session:
        patient = session.get(Patient, patient_line.patient)
        line = session.get(OrderLine, patient_line.line)
        assert line is not None
        again = fees.fees_at_order(session, patient=patient, line=line, today=ORDER_DAY, existing=found)
        charger_patient = session.get(Patient, chargers.patient)
        charger_line = session.get(OrderLine, chargers.line)
        assert charger_line is not None
        charger_line.status, charger_line.delivered_on = LineStatus.DELIVERED, ORDER_DAY
        second = fees.fees_at_delivery(
            session,
            patient=charger_patient,
            line=charger_line,
            individual_ids=chargers.individuals,
            delivered_on=ORDER_DAY,
            existing=found,
        )
    assert again == []
    assert [fee.individual_id for fee in second] == [chargers.individuals[1]]


def test_r21_self_fee_for_rechargeable_hearing_aid(database: Database) -> None:
    adult = setup_line(database, fee_rule=FeeRule.SELF_FEE_RECHARGEABLE, born=BORN_21_TODAY)
    made = send(database, adult)
    assert [(f.kind, f.amount) for f in made] == [(FeeKind.SELF_FEE, fees.SELF_FEE)]
    young = setup_line(database, fee_rule=FeeRule.SELF_FEE_RECHARGEABLE, born=BORN_21_TOMORROW)
    assert send(database, young) == []
    # The self fee replaces the patient fee: one fee for the aid, never both.
    assert [r.kind for r in stored(database)] == [FeeKind.SELF_FEE]


def test_r7_asylum_seeker_fee(database: Database) -> None:
    """Seed 001: asylum seekers over 20 pay a patient fee of 25 kronor, up to 20 nothing."""
    adult = setup_line(
        database, fee_rule=FeeRule.PATIENT_FEE, born=BORN_21_TODAY, residency=Residency.ASYLUM_SEEKER
    )
    assert [(f.kind, f.amount) for f in send(database, adult)] == [
        (FeeKind.PATIENT_FEE, fees.ASYLUM_PATIENT_FEE)
    ]
    assert Decimal("25") == fees.ASYLUM_PATIENT_FEE
    young = setup_line(
        database, fee_rule=FeeRule.PATIENT_FEE, born=BORN_21_TOMORROW, residency=Residency.ASYLUM_SEEKER
    )
    assert send(database, young) == []
    # The same self fee as a resident: only the patient fee differs.
    aid = setup_line(
        database,
        fee_rule=FeeRule.SELF_FEE_RECHARGEABLE,
        born=dt.date(1980, 5, 5),
        residency=Residency.ASYLUM_SEEKER,
    )
    assert [(f.kind, f.amount) for f in send(database, aid)] == [(FeeKind.SELF_FEE, fees.SELF_FEE)]


def test_r7_the_25_kronor_fee_is_for_asylum_seekers_only(database: Database) -> None:
    """Undocumented patients are not asylum seekers: the 25-kronor fee of seed 001 is not theirs."""
    undocumented = setup_line(
        database, fee_rule=FeeRule.PATIENT_FEE, born=BORN_21_TODAY, residency=Residency.UNDOCUMENTED
    )
    assert [(f.kind, f.amount) for f in send(database, undocumented)] == [
        (FeeKind.PATIENT_FEE, fees.PATIENT_FEE)
    ]


def test_r21_fee_preview_shows_what_sending_bills(database: Database) -> None:
    setup = setup_line(database, fee_rule=FeeRule.PATIENT_FEE, quantity=2)
    with database.read() as session:
        patient = session.get(Patient, setup.patient)
        article = session.get(Article, setup.article)
        assert article is not None
        assert fees.fee_preview(patient, article, 2, ORDER_DAY) == (
            fees.FeePreview(FeeKind.PATIENT_FEE, fees.PATIENT_FEE * 2, ORDER_DAY),
        )
        assert fees.fee_preview(None, article, 2, ORDER_DAY) == ()
        article.fee_rule = FeeRule.CHARGER  # not flushed: a read unit of work
        assert fees.fee_preview(patient, article, 1, ORDER_DAY) == (
            fees.FeePreview(FeeKind.CHARGER, fees.CHARGER_FEE, None),
        )
        session.rollback()
    assert [(f.kind, f.amount) for f in send(database, setup)] == [
        (FeeKind.PATIENT_FEE, fees.PATIENT_FEE * 2)
    ]


# ----------------------------------------------------------------------------------------------- R22


def test_r22_charging_kit_billed_at_receipt(database: Database) -> None:
    setup = setup_line(database, fee_rule=FeeRule.CHARGING_KIT, quantity=2)
    assert send(database, setup) == []  # nothing when the order is sent
    received = dt.date(2025, 3, 20)
    made = deliver(database, setup, received)
    assert [(f.kind, f.amount, f.bill_on, f.individual_id) for f in made] == [
        (FeeKind.CHARGING_KIT, fees.CHARGING_KIT_FEE * 2, received, None)
    ]
    assert deliver(database, setup, received) == []  # received twice: billed once
    assert len(stored(database)) == 1


def test_r22_charger_billed_per_individual_at_least_90_days_after_receipt(database: Database) -> None:
    setup = setup_line(database, fee_rule=FeeRule.CHARGER, quantity=2, individuals=("900001", "900002"))
    assert send(database, setup) == []
    made = deliver(database, setup, dt.date(2025, 3, 20))
    # 20 March + 90 days is 18 June: the first month shift after that is Tuesday 1 July (2 June, the
    # month table's answer for March, would be only 74 days).
    assert sorted((f.individual_id, f.amount, f.bill_on) for f in made) == sorted(
        (i, fees.CHARGER_FEE, dt.date(2025, 7, 1)) for i in setup.individuals
    )


def test_r22_charger_has_no_age_limit(database: Database) -> None:
    """ "Patienten bekostar själv sin laddare": a child pays for a charger too; a charging kit stays with
    the patients over 20."""
    child = setup_line(
        database, fee_rule=FeeRule.CHARGER, born=dt.date(2015, 6, 1), individuals=("900011",), quantity=1
    )
    assert [(f.kind, f.amount) for f in deliver(database, child, dt.date(2025, 3, 20))] == [
        (FeeKind.CHARGER, fees.CHARGER_FEE)
    ]
    kit = setup_line(database, fee_rule=FeeRule.CHARGING_KIT, born=dt.date(2015, 6, 1))
    assert deliver(database, kit, dt.date(2025, 3, 20)) == []


def test_r21_age_is_taken_on_the_order_day_even_at_delivery(database: Database) -> None:
    """Sent the day before the 21st birthday, received after it: the kit is not billed."""
    setup = setup_line(
        database, fee_rule=FeeRule.CHARGING_KIT, born=BORN_21_TOMORROW, sent_on=ORDER_DAY, quantity=1
    )
    assert deliver(database, setup, ORDER_DAY + dt.timedelta(days=10)) == []
    older = setup_line(database, fee_rule=FeeRule.CHARGING_KIT, born=BORN_21_TODAY, sent_on=ORDER_DAY)
    assert [f.kind for f in deliver(database, older, ORDER_DAY + dt.timedelta(days=10))] == [
        FeeKind.CHARGING_KIT
    ]


MONTH_TABLE = [
    (1, 4),
    (2, 5),
    (3, 6),
    (4, 7),
    (5, 8),
    (6, 9),
    (7, 10),
    (8, 11),
    (9, 12),
    (10, 1),
    (11, 2),
    (12, 3),
]


@pytest.mark.parametrize(("received_month", "billed_month"), MONTH_TABLE)
@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_r22_charger_billing_month_table_for_a_receipt_on_the_1st(
    year: int, received_month: int, billed_month: int
) -> None:
    """The manual's table holds for a receipt on the 1st: Jan → first working day of Apr, …, Dec → Mar."""
    bill_on = fees.charger_bill_on(dt.date(year, received_month, 1))
    assert bill_on.month == billed_month
    assert bill_on.year == (year + 1 if received_month >= 10 else year)
    assert bill_on == fees.first_working_day_of_month(bill_on.year, billed_month)


@pytest.mark.parametrize("year", [2024, 2025, 2026])
def test_r22_charger_bill_day_is_the_first_month_shift_after_90_days(year: int) -> None:
    """Every receipt day of a year: "All fakturering görs i samband med månadsskifte, då har alltid minst 90
    dagar passerat efter kvittering": billed on the first working day of a month, at least 90 days after
    receipt, and on the first such day (the month shift before it came too early)."""
    day = dt.date(year, 1, 1)
    delays = []
    while day.year == year:
        bill_on = fees.charger_bill_on(day)
        assert bill_on == fees.first_working_day_of_month(bill_on.year, bill_on.month)
        assert (bill_on - day).days >= 90, day
        earlier = bill_on.replace(day=1) - dt.timedelta(days=1)
        assert fees.first_working_day_of_month(earlier.year, earlier.month) < day + dt.timedelta(days=90), day
        delays.append((bill_on - day).days)
        day += dt.timedelta(days=1)
    assert min(delays) >= 90 and max(delays) <= 90 + 31 + 6
    assert fees.charger_bill_on(dt.date(year, 1, 31)) == fees.first_working_day_of_month(year, 5)


@pytest.mark.parametrize(
    ("year", "month", "expected"),
    [
        (2022, 1, dt.date(2022, 1, 3)),  # 1 Jan a Saturday
        (2023, 1, dt.date(2023, 1, 2)),  # 1 Jan a Sunday
        (2025, 1, dt.date(2025, 1, 2)),  # New Year's Day a Wednesday
        (2024, 4, dt.date(2024, 4, 2)),  # Easter Monday 1 April 2024
        (2025, 5, dt.date(2025, 5, 2)),  # May Day a Thursday
        (2025, 6, dt.date(2025, 6, 2)),  # 1 June a Sunday
        (2025, 9, dt.date(2025, 9, 1)),  # an ordinary Monday
        (2026, 3, dt.date(2026, 3, 2)),  # 1 March a Sunday
    ],
)
def test_r22_first_working_day_skips_weekends_and_holidays(year: int, month: int, expected: dt.date) -> None:
    assert fees.first_working_day_of_month(year, month) == expected


@pytest.mark.parametrize(
    "easter",
    [
        dt.date(1818, 3, 22),  # the earliest possible
        dt.date(1943, 4, 25),  # the latest possible
        dt.date(2000, 4, 23),
        dt.date(2008, 3, 23),
        dt.date(2011, 4, 24),
        dt.date(2019, 4, 21),
        dt.date(2020, 4, 12),
        dt.date(2021, 4, 4),
        dt.date(2022, 4, 17),
        dt.date(2023, 4, 9),
        dt.date(2024, 3, 31),
        dt.date(2025, 4, 20),
        dt.date(2026, 4, 5),
        dt.date(2027, 3, 28),
        dt.date(2038, 4, 25),
        dt.date(2285, 3, 22),
    ],
)
def test_r22_easter_is_computed_right(easter: dt.date) -> None:
    """Good Friday and Easter Monday are not working days: Easter must be right in any year."""
    assert fees.easter_sunday(easter.year) == easter


# --------------------------------------------------------------------------------------------- pause


def charger(database: Database, number: str = "900001", received: dt.date = dt.date(2025, 4, 1)) -> Setup:
    """A charger received on 1 April 2025: billed 1 July 2025 (a Tuesday), 91 days later."""
    setup = setup_line(database, fee_rule=FeeRule.CHARGER, individuals=(number,))
    made = deliver(database, setup, received)
    assert [f.bill_on for f in made] == [dt.date(2025, 7, 1)]
    return setup


def pause(
    database: Database, setup: Setup, number: str, until: dt.date, today: dt.date
) -> fees.PausedInvoice:
    with database.write() as session:
        return fees.pause_charger_invoice(
            session, context=setup.context, individual_number=number, until=until, today=today
        )


def test_r22_pause_up_to_two_weeks_before(database: Database) -> None:
    setup = charger(database)
    before = [(f.status, f.bill_on, f.paused_until) for f in stored(database)]
    # Thirteen days before 1 July: too late, nothing changes.
    with pytest.raises(RuleViolation) as refused:
        pause(database, setup, "900001", dt.date(2025, 8, 20), dt.date(2025, 6, 18))
    assert "2025-07-01" in refused.value.sentence() and "two weeks" in refused.value.sentence()
    assert [(f.status, f.bill_on, f.paused_until) for f in stored(database)] == before
    # Fourteen days before: allowed; the invoice goes out at the first month shift after the pause.
    paused = pause(database, setup, " 900001 ", dt.date(2025, 8, 20), dt.date(2025, 6, 17))
    assert (paused.individual_number, paused.paused_until, paused.bill_on) == (
        "900001",
        dt.date(2025, 8, 20),
        dt.date(2025, 9, 1),
    )
    [fee] = stored(database)
    assert (fee.status, fee.paused_until, fee.bill_on, fee.id) == (
        FeeStatus.PAUSED,
        dt.date(2025, 8, 20),
        dt.date(2025, 9, 1),
        paused.fee_id,
    )
    # A paused invoice can be paused longer, again up to two weeks before its new day.
    longer = pause(database, setup, "900001", dt.date(2025, 10, 31), dt.date(2025, 8, 18))
    assert longer.bill_on == dt.date(2025, 11, 3)  # 1 November 2025 is a Saturday
    with pytest.raises(RuleViolation):
        pause(database, setup, "900001", dt.date(2025, 12, 31), dt.date(2025, 10, 21))


def test_r22_pause_ending_on_a_billing_day_bills_that_day(database: Database) -> None:
    setup = charger(database)
    assert pause(database, setup, "900001", dt.date(2025, 9, 1), dt.date(2025, 6, 1)).bill_on == dt.date(
        2025, 9, 1
    )


def test_r22_pause_refused_when_already_billed(database: Database) -> None:
    setup = charger(database)
    with pytest.raises(RuleViolation) as refused:
        pause(database, setup, "900001", dt.date(2025, 9, 20), dt.date(2025, 7, 1))
    assert "already went out" in refused.value.sentence()
    with database.write() as session:
        session.scalars(select(Fee)).one().status = FeeStatus.BILLED
    with pytest.raises(RuleViolation):
        pause(database, setup, "900001", dt.date(2025, 9, 20), dt.date(2025, 5, 1))
    assert [f.status for f in stored(database)] == [FeeStatus.BILLED]


def test_r22_pause_needs_an_end_after_the_bill_day(database: Database) -> None:
    setup = charger(database)
    with pytest.raises(InvalidInput):
        pause(database, setup, "900001", dt.date(2025, 7, 1), dt.date(2025, 5, 1))
    with pytest.raises(InvalidInput):
        pause(database, setup, "  ", dt.date(2025, 9, 1), dt.date(2025, 5, 1))
    assert [f.status for f in stored(database)] == [FeeStatus.PLANNED]


def test_r22_pause_finds_only_this_locations_chargers(database: Database) -> None:
    setup = charger(database)
    with pytest.raises(NotFound):
        pause(database, setup, "123456", dt.date(2025, 9, 1), dt.date(2025, 5, 1))  # no such individual
    with database.seed() as session:
        other = ServiceLocation(code="MALMO", name="Hörselmottagningen Malmö", city="Malmö")
        session.add(other)
        session.flush()
        elsewhere = _context(setup.context.user_id, other)
    with pytest.raises(NotFound) as refused, database.write() as session:
        fees.pause_charger_invoice(
            session, context=elsewhere, individual_number="900001", until=dt.date(2025, 9, 1), today=ORDER_DAY
        )
    assert "Hörselmottagningen Malmö" in refused.value.sentence()
    assert [f.status for f in stored(database)] == [FeeStatus.PLANNED]


# ----------------------------------------------------------------------------------------- R16, list


def test_r16_cancel_fees_of_order(database: Database) -> None:
    setup = setup_line(database, fee_rule=FeeRule.PATIENT_FEE, quantity=1)
    send(database, setup)
    other = setup_line(database, fee_rule=FeeRule.PATIENT_FEE, quantity=1)
    send(database, other)
    with database.write() as session:
        fees.cancel_fees_of_order(session, order_id=setup.order)
    statuses = {f.order_line_id: f.status for f in stored(database)}
    assert statuses == {setup.line: FeeStatus.CANCELLED, other.line: FeeStatus.PLANNED}


def test_r16_cancel_leaves_a_billed_fee_alone(database: Database) -> None:
    setup = setup_line(database, fee_rule=FeeRule.PATIENT_FEE)
    send(database, setup)
    with database.write() as session:
        session.scalars(select(Fee)).one().status = FeeStatus.BILLED
        fees.cancel_fees_of_order(session, order_id=setup.order)
    assert [f.status for f in stored(database)] == [FeeStatus.BILLED]


def test_fees_list_shows_the_locations_fees_by_bill_day(database: Database) -> None:
    kit = setup_line(database, fee_rule=FeeRule.CHARGING_KIT, first="Olle", last="Berg")
    deliver(database, kit, dt.date(2025, 5, 5))
    aid = setup_line(database, fee_rule=FeeRule.PATIENT_FEE, first="Greta", last="Ek")
    send(database, aid, dt.date(2025, 4, 1))
    secret = setup_line(
        database,
        fee_rule=FeeRule.CHARGER,
        individuals=("900009",),
        first="Fiktiv",
        last="Person",
        protected_identity=True,
        born=dt.date(1970, 1, 2),
    )
    deliver(database, secret, dt.date(2025, 4, 2))  # billed 1 July 2025
    with database.write() as session:
        fees.cancel_fees_of_order(session, order_id=aid.order)
    with database.read() as session:
        rows = fees.fees_list(
            session, kit.context, date_from=dt.date(2025, 4, 1), date_to=dt.date(2025, 7, 1)
        )
        planned = fees.fees_list(
            session,
            kit.context,
            date_from=dt.date(2025, 4, 1),
            date_to=dt.date(2025, 7, 1),
            status=FeeStatus.PLANNED,
        )
        narrow = fees.fees_list(
            session, kit.context, date_from=dt.date(2025, 4, 2), date_to=dt.date(2025, 6, 30)
        )
        secret_patient = session.get(Patient, secret.patient)
        assert secret_patient is not None
        secret_number = secret_patient.identity_number
        with pytest.raises(InvalidInput):
            fees.fees_list(session, kit.context, date_from=dt.date(2025, 5, 1), date_to=dt.date(2025, 4, 1))
    assert [(r.bill_on, r.kind, r.status) for r in rows] == [
        (dt.date(2025, 4, 1), FeeKind.PATIENT_FEE, FeeStatus.CANCELLED),
        (dt.date(2025, 5, 5), FeeKind.CHARGING_KIT, FeeStatus.PLANNED),
        (dt.date(2025, 7, 1), FeeKind.CHARGER, FeeStatus.PLANNED),
    ]
    assert rows[1].patient_label.startswith("Berg, Olle (")
    assert rows[2].patient_label == "Person, Fiktiv"  # R5: the fictive name only
    assert secret_number[:8] not in rows[2].patient_label and rows[2].protected_identity
    assert rows[2].individual_number == "900009" and rows[2].amount == fees.CHARGER_FEE
    assert [r.kind for r in planned] == [FeeKind.CHARGING_KIT, FeeKind.CHARGER]
    assert [r.kind for r in narrow] == [FeeKind.CHARGING_KIT]
    totals = fees.fee_totals(rows)
    assert totals.count == 3
    assert totals.amount == fees.CHARGING_KIT_FEE + fees.CHARGER_FEE  # a cancelled fee bills nothing
    assert dict(totals.by_kind) == {
        FeeKind.CHARGING_KIT: fees.CHARGING_KIT_FEE,
        FeeKind.CHARGER: fees.CHARGER_FEE,
    }


def test_totals_to_bill_leave_out_fees_already_billed() -> None:
    def row(kind: FeeKind, amount: str, status: FeeStatus) -> fees.FeeRow:
        return fees.FeeRow(
            id=uuid.uuid4(),
            bill_on=ORDER_DAY,
            kind=kind,
            patient_id=None,
            patient_label="Berg, Olle",
            protected_identity=False,
            article_number="A-1",
            article_name="Laddare",
            individual_number="",
            amount=Decimal(amount),
            status=status,
            paused_until=None,
            order_number="25110001",
        )

    totals = fees.fee_totals(
        [
            row(FeeKind.PATIENT_FEE, "300", FeeStatus.BILLED),
            row(FeeKind.PATIENT_FEE, "300", FeeStatus.PLANNED),
            row(FeeKind.CHARGER, "350", FeeStatus.PAUSED),
            row(FeeKind.CHARGING_KIT, "200", FeeStatus.CANCELLED),
            row(FeeKind.PATIENT_FEE, "100", FeeStatus.PLANNED),
            row(FeeKind.CHARGER, "350", FeeStatus.BILLED),
        ]
    )
    assert totals.count == 6
    assert totals.amount == Decimal("750")  # planned and paused: what has not gone out yet
    assert dict(totals.by_kind) == {FeeKind.PATIENT_FEE: Decimal("400"), FeeKind.CHARGER: Decimal("350")}
    assert totals.billed == Decimal("650")  # every billed fee, each once


def test_fees_list_leaves_out_other_locations(database: Database) -> None:
    setup = setup_line(database, fee_rule=FeeRule.PATIENT_FEE)
    send(database, setup)
    with database.seed() as session:
        other = ServiceLocation(code="MALMO", name="Hörselmottagningen Malmö", city="Malmö")
        session.add(other)
        session.flush()
        elsewhere = _context(setup.context.user_id, other)
    with database.read() as session:
        assert fees.fees_list(session, elsewhere, date_from=ORDER_DAY, date_to=ORDER_DAY) == []
        assert len(fees.fees_list(session, setup.context, date_from=ORDER_DAY, date_to=ORDER_DAY)) == 1


def test_charger_invoice_looks_up_by_individual_number(database: Database) -> None:
    setup = charger(database, "900077")
    with database.read() as session:
        row = fees.charger_invoice(session, setup.context, individual_number="900077")
    assert (row.kind, row.bill_on, row.individual_number, row.status) == (
        FeeKind.CHARGER,
        dt.date(2025, 7, 1),
        "900077",
        FeeStatus.PLANNED,
    )


def test_demo_data_bills_by_the_tariff() -> None:
    from app import demo_data

    assert {kind: Decimal(str(amount)) for kind, amount in demo_data.FEE_AMOUNTS.items()} == fees.TARIFF
    assert demo_data.FEE_AGE == fees.FEE_AGE == 20
