"""Fees the program computes, never ticked by hand: patient fee and self fee (R21), charging kit and
charger billing (R22), the asylum-seeker fee (R7).

Who pays
    "Over 20" is read literally from the seeds: Region Skåne's manual says "patienter över 20 år" pay the
    patient fee and the self fee, and the asylum-seeker guide says "patienter upp till 20 år betalar ingen
    patientavgift". Both say the same thing: a patient who is 20 pays nothing, one who has turned 21 pays.
    So the test is ``age_on(birth, order day) > FEE_AGE`` in completed years, on the day the order is sent
    (for a charging kit or charger too: the day the order was sent, not the day it arrived).

    A charger is the patient's own cost at any age: the manual's section "Laddare" says "Patienten bekostar
    själv sin laddare" and sets no age limit, so a charger is billed whatever the patient's age. A charging
    kit stands in the box about patients over 20 ("Vid förskrivning till patienter över 20 år tillkommer
    en egenavgift ...") and follows that age limit. Asylum seekers pay the same self fees, charger and
    kit as residents ("samma avgifter för hjälpmedlet"); only their patient fee differs: 25 kronor over 20
    (seed 001, R7). Undocumented patients pay the ordinary tariff here: seed 001 says their patient fee
    differs too but gives no amount, and their prescriptions are registered by the aid centre (R7).

    An article carries one fee rule. A rechargeable hearing aid has the rule ``SELF_FEE_RECHARGEABLE`` and
    carries the self fee *instead of* the patient fee (as the catalogue and the demo data model it).

When
    Patient and self fees are billed on the day the order is sent. A charging kit is billed on the day it
    is received (``delivered_on``). A charger is billed at least 90 days after receipt: "Faktura för laddare
    har en fördröjning på 90 dagar efter leveransdatum ... All fakturering görs i samband med månadsskifte,
    då har alltid minst 90 dagar passerat efter kvittering". So its bill day is the first working day of
    the first month on whose first working day 90 days have passed since receipt. The manual's month table
    (January → April, February → May, …, December → March) is what that gives for a receipt on the 1st;
    received 31 January, it is 1 May (2 April would be only 61 days). "Working day" (vardag) skips
    Saturdays, Sundays and Swedish public holidays (New Year's Day, Good Friday, Easter Monday, 1 May, …).

Pausing a charger invoice
    By individual number and an until-date, up to two weeks before the invoice goes out: refused when the
    bill day is fewer than ``PAUSE_NOTICE_DAYS`` days away, or already passed. Billing happens only at a
    month shift, so the new bill day is the first working day of a month on or after the until-date.
"""

from __future__ import annotations

import datetime as dt
import logging
import uuid
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from decimal import Decimal
from functools import cache

from sqlalchemy import Select, or_, select
from sqlalchemy.orm import Session

from app.errors import InvalidInput, NotFound, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.identity import age_on
from app.organisation import WorkContext
from app.patients import patient_label
from app.typed_input import normalise_digits
from db.base import new_id
from db.models import Article, Fee, Individual, Order, OrderLine, Patient
from db.models.enums import FeeKind, FeeRule, FeeStatus, Residency

log = logging.getLogger(__name__)

# ------------------------------------------------------------------------------------------------ tariff

#: R21: patients *over* this age (in completed years, on the order day) pay; up to and including it, nothing.
FEE_AGE = 20
#: R21: the patient fee per article whose fee rule says so (regional tariff).
PATIENT_FEE = Decimal("300.00")
#: R7: asylum seekers and undocumented patients over 20 pay this patient fee instead (seed 001).
ASYLUM_PATIENT_FEE = Decimal("25.00")
#: R21: the self fee of a rechargeable hearing aid.
SELF_FEE = Decimal("500.00")
# R22: a charger, billed at the first month shift at least 90 days after receipt.
CHARGER_FEE = Decimal("300.00")
#: R22: a charging kit, billed when received.
CHARGING_KIT_FEE = Decimal("200.00")
#: What each kind of fee costs a resident patient over 20 (the demo data uses this too).
TARIFF: dict[FeeKind, Decimal] = {
    FeeKind.PATIENT_FEE: PATIENT_FEE,
    FeeKind.SELF_FEE: SELF_FEE,
    FeeKind.CHARGER: CHARGER_FEE,
    FeeKind.CHARGING_KIT: CHARGING_KIT_FEE,
}
# R22: a charger is billed when at least this many days have passed since receipt.
CHARGER_DELAY_DAYS = 90
#: R22: a charger invoice can be paused at the latest this many days before it goes out.
PAUSE_NOTICE_DAYS = 14
# R7: who pays the asylum patient fee instead of the ordinary one (seed 001 gives it for asylum seekers).
ASYLUM_RESIDENCIES = frozenset({Residency.ASYLUM_SEEKER})
# R22: billed at any age ("Patienten bekostar själv sin laddare").
NO_AGE_LIMIT = frozenset({FeeKind.CHARGER})

_KIND_OF_RULE = {
    FeeRule.PATIENT_FEE: FeeKind.PATIENT_FEE,
    FeeRule.SELF_FEE_RECHARGEABLE: FeeKind.SELF_FEE,
    FeeRule.CHARGING_KIT: FeeKind.CHARGING_KIT,
    FeeRule.CHARGER: FeeKind.CHARGER,
}
#: Kinds billed when the line reaches the patient rather than when the order is sent.
AT_DELIVERY = frozenset({FeeKind.CHARGING_KIT, FeeKind.CHARGER})
#: A fee in these states has not gone out yet: it can still be cancelled.
OPEN_STATUSES = (FeeStatus.PLANNED, FeeStatus.PAUSED)


# ------------------------------------------------------------------------------------------- calendar


def easter_sunday(year: int) -> dt.date:
    """Easter Sunday of the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    m = (32 + 2 * e + 2 * i - h - k) % 7
    n = (a + 11 * h + 22 * m) // 451
    month, day = divmod(h + m - 7 * n + 114, 31)
    return dt.date(year, month, day + 1)


@cache
def swedish_holidays(year: int) -> frozenset[dt.date]:
    """Days that are not working days in Sweden besides weekends: the public holidays, and the eves of
    Midsummer, Christmas and New Year that are treated as holidays."""
    easter = easter_sunday(year)
    midsummer_eve = next(dt.date(year, 6, d) for d in range(19, 26) if dt.date(year, 6, d).weekday() == 4)
    return frozenset(
        {
            dt.date(year, 1, 1),  # New Year's Day
            dt.date(year, 1, 6),  # Epiphany
            easter - dt.timedelta(days=2),  # Good Friday
            easter + dt.timedelta(days=1),  # Easter Monday
            dt.date(year, 5, 1),  # May Day
            easter + dt.timedelta(days=39),  # Ascension Day
            dt.date(year, 6, 6),  # National Day
            midsummer_eve,
            dt.date(year, 12, 24),
            dt.date(year, 12, 25),
            dt.date(year, 12, 26),
            dt.date(year, 12, 31),
        }
    )


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in swedish_holidays(day.year)


def first_working_day_of_month(year: int, month: int) -> dt.date:
    day = dt.date(year, month, 1)
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def _add_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def charger_bill_on(received_on: dt.date) -> dt.date:
    """R22: the first monthly billing day on which at least 90 days have passed since receipt (for a
    receipt on the 1st: Jan → Apr, Dec → Mar)."""
    return next_billing_day(received_on + dt.timedelta(days=CHARGER_DELAY_DAYS))


def next_billing_day(on_or_after: dt.date) -> dt.date:
    """The first monthly billing day (first working day of a month) on or after *on_or_after*."""
    here = first_working_day_of_month(on_or_after.year, on_or_after.month)
    if here >= on_or_after:
        return here
    return first_working_day_of_month(*_add_months(on_or_after.year, on_or_after.month, 1))


# -------------------------------------------------------------------------------------------- who pays


def pays_fees(patient: Patient, order_day: dt.date) -> bool:
    """R21, R7: a patient over 20 on the order day pays; up to 20 nothing."""
    return age_on(patient.birth_date, order_day) > FEE_AGE


def fee_amount(kind: FeeKind, patient: Patient) -> Decimal:
    """The amount of one unit of *kind* for *patient* (R7: the asylum patient fee)."""
    if kind is FeeKind.PATIENT_FEE and patient.residency in ASYLUM_RESIDENCIES:
        return ASYLUM_PATIENT_FEE
    return TARIFF[kind]


def _due_kind(patient: Patient | None, article: Article, order_day: dt.date) -> FeeKind | None:
    """The kind of fee *article* brings *patient*, or None (no patient, no rule, 20 or younger where the
    age limit applies)."""
    if patient is None:
        return None
    kind = _KIND_OF_RULE.get(article.fee_rule)
    if kind is None or (kind not in NO_AGE_LIMIT and not pays_fees(patient, order_day)):
        return None
    return kind


@dataclass(frozen=True)
class FeePreview:
    """A fee the cart shows before the order is sent."""

    kind: FeeKind
    amount: Decimal
    #: The day it will be billed, or None when it is decided at receipt (charging kit, charger).
    bill_on: dt.date | None


def fee_preview(
    patient: Patient | None, article: Article, quantity: int, today: dt.date
) -> tuple[FeePreview, ...]:
    """What sending *quantity* of *article* today would bill *patient* (the cart's "Patient fees" box)."""
    kind = _due_kind(patient, article, today)
    if kind is None or patient is None or quantity <= 0:
        return ()
    bill_on = None if kind in AT_DELIVERY else today
    return (FeePreview(kind, fee_amount(kind, patient) * quantity, bill_on),)


# ---------------------------------------------------------------------------------------- write services


def _article_of(session: Session, line: OrderLine) -> Article:
    if line.id is None or line.article_id is None:
        session.flush()  # a line just added: give it its id before fees point at it
    article = session.get(Article, line.article_id)
    if article is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The article of the order line no longer exists."))
    return article


#: The fees order lines already carry: (line id, kind) → the individuals billed (None: the line as a whole).
ExistingFees = dict[tuple[uuid.UUID, FeeKind], set[uuid.UUID | None]]


def existing_fees(session: Session, line_ids: Collection[uuid.UUID]) -> ExistingFees:
    """The fees (not cancelled) of *line_ids*, read once for the fees of many lines (an order's sending,
    a receipt): pass it to ``fees_at_order`` and ``fees_at_delivery``, which add what they make."""
    found: ExistingFees = {}
    if line_ids:
        for line_id, kind, individual_id in session.execute(
            select(Fee.order_line_id, Fee.kind, Fee.individual_id).where(
                Fee.order_line_id.in_(line_ids), Fee.status != FeeStatus.CANCELLED
            )
        ):
            assert line_id is not None  # one of *line_ids*
            found.setdefault((line_id, kind), set()).add(individual_id)
    return found


def _existing(
    session: Session, line: OrderLine, kind: FeeKind, existing: ExistingFees | None
) -> set[uuid.UUID | None]:
    """Individuals (None: the line as a whole) that already carry a fee of *kind* for *line*."""
    if existing is not None:
        return existing.setdefault((line.id, kind), set())
    return set(
        session.scalars(
            select(Fee.individual_id).where(
                Fee.order_line_id == line.id, Fee.kind == kind, Fee.status != FeeStatus.CANCELLED
            )
        )
    )


def fees_at_order(
    session: Session,
    *,
    patient: Patient | None,
    line: OrderLine,
    today: dt.date,
    existing: ExistingFees | None = None,
) -> list[Fee]:
    """The fees due when an order is sent: patient fee and self fee (R21, R7), billed on *today*.

    Charging kits and chargers bring nothing yet: they are billed from their receipt (R22). Adds the rows
    to the session and returns them; a line that already has its fee gets no second one (*existing*, from
    ``existing_fees``, says which have one; without it they are read here).
    """
    article = _article_of(session, line)
    kind = _due_kind(patient, article, today)
    if kind is None or patient is None or kind in AT_DELIVERY or line.quantity <= 0:
        return []
    already = _existing(session, line, kind, existing)
    if None in already:
        return []
    fee = Fee(
        id=new_id(),
        kind=kind,
        status=FeeStatus.PLANNED,
        patient_id=patient.id,
        article_id=article.id,
        order_line_id=line.id,
        amount=fee_amount(kind, patient) * line.quantity,
        bill_on=today,
    )
    session.add(fee)
    already.add(None)
    log.info("fee %s (%s) planned for order line %s", fee.id, kind.value, line.id)
    return [fee]


def _order_day(session: Session, line: OrderLine, fallback: dt.date) -> dt.date:
    order = session.get(Order, line.order_id)
    if order is None or order.sent_at is None:
        return fallback
    sent = order.sent_at if order.sent_at.tzinfo else order.sent_at.replace(tzinfo=dt.UTC)
    return sent.astimezone().date()


def fees_at_delivery(
    session: Session,
    *,
    patient: Patient | None,
    line: OrderLine,
    individual_ids: Sequence[uuid.UUID],
    delivered_on: dt.date,
    existing: ExistingFees | None = None,
) -> list[Fee]:
    """The fees due when a line reaches the patient: charging kit now, charger after 90 days (R22).

    One fee per individual when the line's devices are individually marked (a charger invoice is paused by
    its individual number), else one fee for the line's quantity. Age is taken on the order day.
    *existing* as for ``fees_at_order``.
    """
    article = _article_of(session, line)
    kind = _due_kind(patient, article, _order_day(session, line, delivered_on))
    if kind is None or patient is None or kind not in AT_DELIVERY:
        return []
    bill_on = charger_bill_on(delivered_on) if kind is FeeKind.CHARGER else delivered_on
    unit = fee_amount(kind, patient)
    already = _existing(session, line, kind, existing)
    wanted: list[tuple[uuid.UUID | None, Decimal]]
    if individual_ids:
        wanted = [(individual_id, unit) for individual_id in dict.fromkeys(individual_ids)]
    else:
        wanted = [(None, unit * line.quantity)] if line.quantity > 0 else []
    made = [
        Fee(
            id=new_id(),
            kind=kind,
            status=FeeStatus.PLANNED,
            patient_id=patient.id,
            article_id=article.id,
            order_line_id=line.id,
            individual_id=individual_id,
            amount=amount,
            bill_on=bill_on,
        )
        for individual_id, amount in wanted
        if individual_id not in already
    ]
    session.add_all(made)
    for fee in made:
        already.add(fee.individual_id)
        log.info("fee %s (%s) planned for %s on order line %s", fee.id, kind.value, fee.bill_on, line.id)
    return made


def move_delivery_fees(session: Session, *, line: OrderLine, delivered_on: dt.date) -> None:
    """A line's delivery day moved (the central warehouse reported an earlier dispatch): its planned
    charging-kit and charger fees bill from the new day. A paused invoice keeps its own day."""
    for fee in session.scalars(
        select(Fee).where(
            Fee.order_line_id == line.id, Fee.kind.in_(AT_DELIVERY), Fee.status == FeeStatus.PLANNED
        )
    ):
        fee.bill_on = charger_bill_on(delivered_on) if fee.kind is FeeKind.CHARGER else delivered_on


def cancel_fees_of_order(
    session: Session, *, order_id: uuid.UUID, line_ids: Sequence[uuid.UUID] | None = None
) -> None:
    """What is not delivered bills nothing: every fee of the order's lines (or only of *line_ids*: lines
    cancelled at receipt, R20) that has not gone out is cancelled. A whole order cancelled is R16."""
    query = (
        select(Fee)
        .join(OrderLine, OrderLine.id == Fee.order_line_id)
        .where(OrderLine.order_id == order_id, Fee.status.in_(OPEN_STATUSES))
    )
    if line_ids is not None:
        query = query.where(OrderLine.id.in_(line_ids))
    fees = session.scalars(query).all()
    for fee in fees:
        fee.status = FeeStatus.CANCELLED
    if fees:
        session.flush()
        log.info("cancelled %d fee(s) of order %s", len(fees), order_id)


@dataclass(frozen=True)
class PausedInvoice:
    fee_id: uuid.UUID
    individual_number: str
    paused_until: dt.date
    bill_on: dt.date  # the new day the invoice goes out


def _charger_fee(session: Session, context: WorkContext, individual_number: str) -> tuple[Fee, Individual]:
    number = normalise_digits(individual_number).strip()
    if not number:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Scan or type the charger's individual number."))
    individual = session.scalars(select(Individual).where(Individual.individual_number == number)).first()
    if individual is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "No individual has the number {number}; check the label and try again."),
            number=number,
        )
    fees = session.scalars(
        select(Fee)
        .outerjoin(OrderLine, OrderLine.id == Fee.order_line_id)
        .outerjoin(Order, Order.id == OrderLine.order_id)
        .where(
            Fee.individual_id == individual.id,
            Fee.kind == FeeKind.CHARGER,
            Fee.status != FeeStatus.CANCELLED,
            or_(
                Order.service_location_id == context.service_location_id,
                Fee.service_location_id == context.service_location_id,
            ),
        )
        .order_by(Fee.bill_on.desc())
    ).all()
    if not fees:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "app",
                "The individual {number} has no charger invoice at {location}; check the number, or ask "
                "the unit that handed it out.",
            ),
            number=number,
            location=context.service_location_name,
        )
    return fees[0], individual


def pause_charger_invoice(
    session: Session,
    *,
    context: WorkContext,
    individual_number: str,
    until: dt.date,
    today: dt.date,
) -> PausedInvoice:
    """R22: hold a charger's invoice until *until*, when the fitting takes longer than 90 days.

    Allowed up to two weeks before the invoice goes out; the new bill day is the first working day of a
    month on or after *until* (billing happens at month shifts only).
    """
    fee, individual = _charger_fee(session, context, individual_number)
    if fee.status is FeeStatus.BILLED or fee.bill_on <= today:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "The invoice for charger {number} already went out on {bill_on} and can no longer be "
                "paused; contact the aid centre's administration unit.",
            ),
            number=individual.individual_number,
            bill_on=fee.bill_on.isoformat(),
        )
    if (fee.bill_on - today).days < PAUSE_NOTICE_DAYS:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "The invoice for charger {number} goes out on {bill_on}, less than two weeks from now, so it "
                "can no longer be paused here; contact the aid centre's administration unit.",
            ),
            number=individual.individual_number,
            bill_on=fee.bill_on.isoformat(),
        )
    if until <= fee.bill_on:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app", "Choose a pause end after {bill_on}, the day the invoice would go out anyway."
            ),
            bill_on=fee.bill_on.isoformat(),
        )
    fee.status = FeeStatus.PAUSED
    fee.paused_until = until
    fee.bill_on = next_billing_day(until)
    session.flush()
    log.info(
        "charger fee %s paused until %s, bills %s (user %s)", fee.id, until, fee.bill_on, context.user_id
    )
    return PausedInvoice(fee.id, individual.individual_number, until, fee.bill_on)


# ------------------------------------------------------------------------------------------------ list


@dataclass(frozen=True)
class FeeRow:
    id: uuid.UUID
    bill_on: dt.date
    kind: FeeKind
    patient_id: uuid.UUID | None
    #: "Last, First (identity number)"; for a protected identity the fictive name only (R5).
    patient_label: str
    protected_identity: bool
    article_number: str
    article_name: str
    individual_number: str
    amount: Decimal
    status: FeeStatus
    paused_until: dt.date | None
    order_number: str


def _rows_query(context: WorkContext) -> Select[Fee, Patient, Article, str, str | None]:
    return (
        select(Fee, Patient, Article, Individual.individual_number, Order.number)
        .join(Article, Article.id == Fee.article_id)
        .outerjoin(Patient, Patient.id == Fee.patient_id)
        .outerjoin(Individual, Individual.id == Fee.individual_id)
        .outerjoin(OrderLine, OrderLine.id == Fee.order_line_id)
        .outerjoin(Order, Order.id == OrderLine.order_id)
        .where(
            or_(
                Order.service_location_id == context.service_location_id,
                Fee.service_location_id == context.service_location_id,
            )
        )
    )


def _row(
    fee: Fee,
    patient: Patient | None,
    article: Article,
    individual_number: str | None,
    order_number: str | None,
) -> FeeRow:
    return FeeRow(
        id=fee.id,
        bill_on=fee.bill_on,
        kind=fee.kind,
        patient_id=fee.patient_id,
        patient_label=patient_label(patient),
        protected_identity=bool(patient and patient.protected_identity),
        article_number=article.article_number,
        article_name=article.name,
        individual_number=individual_number or "",
        amount=fee.amount,
        status=fee.status,
        paused_until=fee.paused_until,
        order_number=order_number or "",
    )


def fees_list(
    session: Session,
    context: WorkContext,
    *,
    date_from: dt.date,
    date_to: dt.date,
    status: FeeStatus | None = None,
) -> list[FeeRow]:
    """What will be billed when, for the service location's orders (and fees charged to it, R41), by bill
    day; *date_from* and *date_to* are both included."""
    if date_to < date_from:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "The period ends before it starts; choose an end on or after {start}."),
            start=date_from.isoformat(),
        )
    query = _rows_query(context).where(Fee.bill_on >= date_from, Fee.bill_on <= date_to)
    if status is not None:
        query = query.where(Fee.status == status)
    rows = [_row(*found) for found in session.execute(query)]
    rows.sort(key=lambda r: (r.bill_on, r.kind.value, r.patient_label, r.individual_number))
    return rows


@dataclass(frozen=True)
class FeeTotals:
    count: int
    #: Still to bill: planned and paused fees (billed and cancelled ones are left out).
    amount: Decimal
    #: Of *amount*, by kind.
    by_kind: tuple[tuple[FeeKind, Decimal], ...]
    #: Already gone out.
    billed: Decimal = Decimal("0")


def fee_totals(rows: Sequence[FeeRow]) -> FeeTotals:
    by_kind: dict[FeeKind, Decimal] = {}
    billed = Decimal("0")
    for row in rows:
        if row.status in OPEN_STATUSES:
            by_kind[row.kind] = by_kind.get(row.kind, Decimal("0")) + row.amount
        elif row.status is FeeStatus.BILLED:
            billed += row.amount
    ordered = tuple((kind, by_kind[kind]) for kind in FeeKind if kind in by_kind)
    return FeeTotals(len(rows), sum(by_kind.values(), Decimal("0")), ordered, billed)


def charger_invoice(session: Session, context: WorkContext, *, individual_number: str) -> FeeRow:
    """The charger invoice an individual number points at (what the pause dialog shows before saving)."""
    fee, _individual = _charger_fee(session, context, individual_number)
    found = session.execute(_rows_query(context).where(Fee.id == fee.id)).one()
    return _row(*found)
