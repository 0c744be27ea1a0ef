"""The yearly inventory of a clinic's own stock (R39; 002 "Inventering / Utredningslager").

A count is started for one own-stock warehouse of the clerk's service location. Its sheet lists the main
aids, accessories and spare parts (never services) that have a balance there or moved there since the last
closed count. At the shelf the clerk types or scans an article number and then the quantity, or an
individual's number; every count is saved at once as an entry of its own (``InventoryCountEntry``), so
closing the program mid-count, or two workstations counting the same warehouse offline and syncing, loses
nothing. An article counted twice is a question for the clerk (keep the earlier count, take the new one,
or add both: a second shelf), never a silent overwrite.

Closing the count books the difference between what was counted and the book balance as a movement with
reason inventory, moves every individual of the warehouse that was not found to the investigation
warehouse, and moves back the individuals found that were in the investigation warehouse. The rows the
close writes have ids made from the count and the article or individual, so a close repeated on a second
workstation cannot book the same difference twice: the central server refuses a second row with an id it
already holds. An individual found after the close is moved back and the clerk is told what to report.
"""

from __future__ import annotations

import datetime as dt
import enum
import logging
import uuid
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app import individuals, stock
from app.changelog import PlainRows
from app.errors import InvalidInput, NotFound, RuleViolation
from app.i18n import QT_TRANSLATE_NOOP
from app.organisation import WorkContext
from app.stock import Document, balances_of
from app.typed_input import compact, normalise_digits
from db.base import utc_now
from db.models import (
    Article,
    Individual,
    InventoryCount,
    InventoryCountEntry,
    InventoryCountLine,
    StockMovement,
    Supplier,
    User,
    Warehouse,
)
from db.models.enums import ArticleType, DocumentKind, IndividualStatus, MovementReason, WarehouseKind

log = logging.getLogger(__name__)

DOCUMENT_KIND = DocumentKind.INVENTORY.value
#: Where the seed tells a clinic to report an individual found after the inventory.
REPORT_ADDRESS = "hjalpmedel@skane.se"
#: What a count sheet lists (002: "bara artikeltyperna huvudhjälpmedel, tillbehör och reservdelar").
COUNTED_TYPES = (ArticleType.MAIN_AID, ArticleType.ACCESSORY, ArticleType.SPARE_PART)
#: The ids of the rows a count writes are made from these names (uuid5), so two workstations make the same.
_IDS = uuid.UUID("5b0c1f7e-3d2a-4e8b-9f61-7a0d2c4e8b13")


def _derived_id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(_IDS, ":".join(str(part) for part in parts))


# ---------------------------------------------------------------------------------------------- results


class Choice(enum.StrEnum):
    """What the clerk says when an article is counted a second time."""

    KEEP_EARLIER = "keep_earlier"  # the earlier count stands; the new one is kept on record only
    TAKE_NEW = "take_new"  # the new count replaces the earlier one
    ADD = "add"  # both stand: the new count is added to the earlier (a second shelf)


class Finding(enum.StrEnum):
    FOUND = "found"  # an individual of this warehouse
    ALREADY_COUNTED = "already_counted"  # scanned again: not counted twice
    FROM_INVESTIGATION = "from_investigation"  # in the investigation warehouse: moved back at the close
    ELSEWHERE = "elsewhere"  # belongs elsewhere: reported, not counted, not moved


@dataclass(frozen=True)
class WarehouseChoice:
    id: uuid.UUID
    code: str
    name: str
    open_count_id: uuid.UUID | None


@dataclass(frozen=True)
class EarlierCount:
    entry_id: uuid.UUID
    entered_by: str
    entered_at: dt.datetime
    quantity: int


class CountedTwice(RuleViolation):
    """An article already has a count standing; the clerk must say which stands (``Choice``)."""

    def __init__(self, article_id: uuid.UUID, article_number: str, earlier: tuple[EarlierCount, ...]) -> None:
        first = earlier[0]
        super().__init__(
            QT_TRANSLATE_NOOP(
                "app",
                "Article {number} was already counted: {quantity} by {who} at {when}. Say which count stands.",
            ),
            number=article_number,
            quantity=first.quantity,
            who=first.entered_by,
            when=first.entered_at.astimezone().strftime("%Y-%m-%d %H:%M"),
        )
        self.article_id = article_id
        self.article_number = article_number
        self.earlier = earlier


class UncountedLines(RuleViolation):
    """The close was asked without saying that lines nobody counted are booked as zero."""

    def __init__(self, article_numbers: tuple[str, ...]) -> None:
        super().__init__(
            QT_TRANSLATE_NOOP(
                "app",
                "Not every line of the count sheet has been counted ({count} left); the rest are booked as 0 if you "
                "close now.",
            ),
            count=len(article_numbers),
        )
        self.article_numbers = article_numbers


@dataclass(frozen=True)
class ArticleToCount:
    """An article number was typed: the quantity comes next."""

    article_id: uuid.UUID
    article_number: str
    name: str
    unit: str


@dataclass(frozen=True)
class IndividualFinding:
    finding: Finding
    individual_number: str
    article_number: str
    article_name: str
    #: Where the individual is now (its warehouse code), "" when it is with a patient or nowhere.
    warehouse_code: str


@dataclass(frozen=True)
class CountLineStatus:
    article_id: uuid.UUID
    article_number: str
    name: str
    unit: str
    individually_marked: bool
    on_sheet: bool
    #: Standing entries summed (individuals: those found); None while the line is not counted.
    counted: int | None
    #: Standing counts of the article that nobody has chosen between (after a sync): must be settled.
    counted_twice: bool
    entries: int


@dataclass(frozen=True)
class CountStatus:
    id: uuid.UUID
    warehouse_id: uuid.UUID
    warehouse_code: str
    warehouse_name: str
    started_by: str
    started_at: dt.datetime
    closed_at: dt.datetime | None
    lines: tuple[CountLineStatus, ...]
    individuals_found: int
    individuals_expected: int

    @property
    def counted_lines(self) -> int:
        return sum(1 for line in self.lines if line.counted is not None)

    @property
    def uncounted_lines(self) -> int:
        return len(self.lines) - self.counted_lines

    @property
    def counted_twice(self) -> tuple[str, ...]:
        return tuple(line.article_number for line in self.lines if line.counted_twice)


@dataclass(frozen=True)
class CloseResult:
    count_id: uuid.UUID
    movements: int
    #: (article number, difference) per article whose balance changed.
    differences: tuple[tuple[str, int], ...]
    to_investigation: tuple[str, ...]  # individual numbers
    back_from_investigation: tuple[str, ...]


@dataclass(frozen=True)
class FoundLater:
    individual_number: str
    article_number: str
    warehouse_code: str
    report_address: str


# ---------------------------------------------------------------------------------------------- helpers


def _investigation_warehouse(session: Session) -> Warehouse:
    warehouse = session.scalars(
        select(Warehouse).where(Warehouse.kind == WarehouseKind.INVESTIGATION).order_by(Warehouse.code)
    ).first()
    if warehouse is None:
        raise NotFound(
            QT_TRANSLATE_NOOP(
                "app", "There is no investigation warehouse; contact the aid centre before closing the count."
            )
        )
    return warehouse


def _own_warehouse(session: Session, context: WorkContext, warehouse_id: uuid.UUID) -> Warehouse:
    warehouse = session.get(Warehouse, warehouse_id)
    if (
        warehouse is None
        or warehouse.kind is not WarehouseKind.OWN_STOCK
        or warehouse.service_location_id != context.service_location_id
    ):
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", "Only the own stock of {location} can be counted here; choose its warehouse."
            ),
            location=context.service_location_name,
        )
    return warehouse


def _count(
    session: Session, context: WorkContext, count_id: uuid.UUID, *, open_only: bool = True
) -> InventoryCount:
    count = session.get(InventoryCount, count_id)
    if count is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "The inventory count was not found; choose the warehouse again.")
        )
    _own_warehouse(session, context, count.warehouse_id)
    if open_only and count.closed_at is not None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app", "This inventory count is already closed; start a new count to count again."
            )
        )
    return count


def _last_closed(session: Session, warehouse_id: uuid.UUID) -> InventoryCount | None:
    return session.scalars(
        select(InventoryCount)
        .where(InventoryCount.warehouse_id == warehouse_id, InventoryCount.closed_at.is_not(None))
        .order_by(InventoryCount.closed_at.desc())
    ).first()


def _open_count(session: Session, warehouse_id: uuid.UUID) -> InventoryCount | None:
    return session.scalars(
        select(InventoryCount)
        .where(InventoryCount.warehouse_id == warehouse_id, InventoryCount.closed_at.is_(None))
        .order_by(InventoryCount.started_at)
    ).first()


def _entries(session: Session, count_id: uuid.UUID) -> list[InventoryCountEntry]:
    return list(
        session.scalars(
            select(InventoryCountEntry)
            .where(InventoryCountEntry.inventory_count_id == count_id)
            .order_by(InventoryCountEntry.entered_at, InventoryCountEntry.id)
        )
    )


def _standing(entries: Iterable[InventoryCountEntry]) -> list[InventoryCountEntry]:
    return [entry for entry in entries if entry.replaced_by_id is None]


def _twice(quantity_entries: list[InventoryCountEntry]) -> bool:
    """Two standing counts of an article that nobody chose between (each not knowingly added)."""
    return sum(1 for entry in quantity_entries if not entry.added) > 1


def _user_names(session: Session, ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, str]:
    wanted = set(ids)
    if not wanted:
        return {}
    return {
        row[0]: row[1] for row in session.execute(select(User.id, User.full_name).where(User.id.in_(wanted)))
    }


def _earlier(session: Session, entries: list[InventoryCountEntry]) -> tuple[EarlierCount, ...]:
    names = _user_names(session, (entry.entered_by_id for entry in entries))
    return tuple(
        EarlierCount(entry.id, names.get(entry.entered_by_id, ""), entry.entered_at, entry.quantity or 0)
        for entry in entries
    )


# ---------------------------------------------------------------------------------------------- reads


def warehouses_to_count(session: Session, context: WorkContext) -> list[WarehouseChoice]:
    """The own-stock warehouses of the clerk's service location, each with its open count if one is."""
    rows = session.scalars(
        select(Warehouse)
        .where(
            Warehouse.service_location_id == context.service_location_id,
            Warehouse.kind == WarehouseKind.OWN_STOCK,
        )
        .order_by(Warehouse.code)
    )
    choices = []
    for warehouse in rows:
        open_count = _open_count(session, warehouse.id)
        choices.append(
            WarehouseChoice(
                warehouse.id, warehouse.code, warehouse.name, open_count.id if open_count else None
            )
        )
    return choices


def count_status(session: Session, context: WorkContext, *, count_id: uuid.UUID) -> CountStatus:
    """Where the count stands: each sheet line (and each article counted off the sheet) with what was counted."""
    count = _count(session, context, count_id, open_only=False)
    warehouse = session.get(Warehouse, count.warehouse_id)
    assert warehouse is not None
    sheet = {
        line.article_id: line
        for line in session.scalars(
            select(InventoryCountLine).where(InventoryCountLine.inventory_count_id == count.id)
        )
    }
    entries = _standing(_entries(session, count.id))
    by_article: dict[uuid.UUID, list[InventoryCountEntry]] = defaultdict(list)
    for entry in entries:
        by_article[entry.article_id].append(entry)
    articles = {
        article.id: article
        for article in session.scalars(select(Article).where(Article.id.in_(set(sheet) | set(by_article))))
    }
    lines = []
    for article_id, article in articles.items():
        mine = by_article.get(article_id, [])
        quantities = [entry for entry in mine if entry.individual_id is None]
        found = {entry.individual_id for entry in mine if entry.individual_id is not None}
        counted = sum(entry.quantity or 0 for entry in quantities) + len(found) if mine else None
        lines.append(
            CountLineStatus(
                article_id=article_id,
                article_number=article.article_number,
                name=article.name,
                unit=article.unit,
                individually_marked=article.individually_marked,
                on_sheet=article_id in sheet,
                counted=counted,
                counted_twice=_twice(quantities),
                entries=len(mine),
            )
        )
    lines.sort(key=lambda line: line.article_number)
    expected = session.scalar(
        select(func.count())
        .select_from(Individual)
        .where(Individual.warehouse_id == count.warehouse_id, Individual.status == IndividualStatus.IN_STOCK)
    )
    names = _user_names(session, [count.started_by_id])
    return CountStatus(
        id=count.id,
        warehouse_id=warehouse.id,
        warehouse_code=warehouse.code,
        warehouse_name=warehouse.name,
        started_by=names.get(count.started_by_id, ""),
        started_at=count.started_at,
        closed_at=count.closed_at,
        lines=tuple(lines),
        individuals_found=len({e.individual_id for e in entries if e.individual_id is not None}),
        individuals_expected=int(expected or 0),
    )


# ---------------------------------------------------------------------------------------------- writes


def start_count(session: Session, context: WorkContext, *, warehouse_id: uuid.UUID) -> CountStatus:
    """Start the count of an own-stock warehouse, or resume the one already open (one open count a
    warehouse). The sheet: counted types with a balance, or with a movement since the last closed count;
    each line's expected quantity is the book balance now.

    The count's id is made from the warehouse and the last closed count, so two workstations that start
    the same warehouse's count offline start the same count and their entries meet on sync.
    """
    warehouse = _own_warehouse(session, context, warehouse_id)
    existing = _open_count(session, warehouse.id)
    if existing is not None:
        return count_status(session, context, count_id=existing.id)
    last = _last_closed(session, warehouse.id)
    count_id = _derived_id("count", warehouse.id, last.id if last else "first")
    count = InventoryCount(id=count_id, warehouse_id=warehouse.id, started_by_id=context.user_id)
    session.add(count)
    since = last.closed_at if last is not None else None
    used = (
        select(
            StockMovement.article_id,
            func.sum(StockMovement.quantity).label("balance"),
            func.max(StockMovement.occurred_at).label("last_moved"),
        )
        .join(Article, Article.id == StockMovement.article_id)
        .where(StockMovement.warehouse_id == warehouse.id, Article.article_type.in_(COUNTED_TYPES))
        .group_by(StockMovement.article_id)
    )
    lines = 0
    for article_id, balance, last_moved in session.execute(used):
        moved_since = since is None or (last_moved is not None and _aware(last_moved) > _aware(since))
        if int(balance or 0) == 0 and not moved_since:
            continue
        session.add(
            InventoryCountLine(
                id=_derived_id("line", count_id, article_id),
                inventory_count_id=count_id,
                article_id=article_id,
                expected_quantity=int(balance or 0),
            )
        )
        lines += 1
    session.flush()
    log.info("inventory count %s started for warehouse %s: %d lines", count_id, warehouse.code, lines)
    return count_status(session, context, count_id=count_id)


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def parse_quantity(text: str) -> int:
    """A counted quantity: a whole number, 0 or more; anything else is refused with one sentence."""
    cleaned = compact(text)
    if not cleaned:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Type the counted quantity (0 or more)."))
    negative = cleaned.startswith("-")
    digits = cleaned.removeprefix("-")
    if digits.isascii() and digits.isdigit():
        if negative and int(digits) != 0:
            raise InvalidInput(
                QT_TRANSLATE_NOOP("app", "A counted quantity cannot be negative: type 0 or more."), text=text
            )
        return int(digits)
    raise InvalidInput(
        QT_TRANSLATE_NOOP(
            "app", "{text} is not a whole number: type the number of units counted (0 or more)."
        ),
        text=text.strip(),
    )


def find_code(
    session: Session, context: WorkContext, *, count_id: uuid.UUID, code: str
) -> ArticleToCount | IndividualFinding:
    """What the clerk typed or scanned at the shelf: an individual's number (counted at once) or an
    article number (its quantity comes next)."""
    count = _count(session, context, count_id)
    cleaned = normalise_digits(code).strip()
    if not cleaned:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "Type or scan an article number or an individual number.")
        )
    individual = session.scalars(select(Individual).where(Individual.individual_number == cleaned)).first()
    if individual is not None:
        return _count_individual(session, context, count, individual)
    article = session.scalars(select(Article).where(Article.article_number == cleaned)).first()
    if article is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "No article or individual has the number {number}."), number=cleaned
        )
    _check_countable(article)
    return ArticleToCount(article.id, article.article_number, article.name, article.unit)


def _check_countable(article: Article) -> None:
    if article.article_type not in COUNTED_TYPES:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "Article {number} is a service; services are not counted."),
            number=article.article_number,
        )
    if article.individually_marked:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Article {number} is individually marked: scan or type each individual's number instead.",
            ),
            number=article.article_number,
        )


def count_individual(
    session: Session, context: WorkContext, *, count_id: uuid.UUID, individual_number: str
) -> IndividualFinding:
    """An individual found at the shelf, by its number."""
    count = _count(session, context, count_id)
    cleaned = normalise_digits(individual_number).strip()
    individual = session.scalars(select(Individual).where(Individual.individual_number == cleaned)).first()
    if individual is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "No individual has the number {number}."), number=cleaned)
    return _count_individual(session, context, count, individual)


def _count_individual(
    session: Session, context: WorkContext, count: InventoryCount, individual: Individual
) -> IndividualFinding:
    article = session.get(Article, individual.article_id)
    assert article is not None
    where = session.get(Warehouse, individual.warehouse_id) if individual.warehouse_id else None

    def finding(kind: Finding) -> IndividualFinding:
        return IndividualFinding(
            kind,
            individual.individual_number,
            article.article_number,
            article.name,
            where.code if where else "",
        )

    counted = session.scalar(
        select(InventoryCountEntry.id).where(
            InventoryCountEntry.inventory_count_id == count.id,
            InventoryCountEntry.individual_id == individual.id,
            InventoryCountEntry.replaced_by_id.is_(None),
        )
    )
    if counted is not None:
        return finding(Finding.ALREADY_COUNTED)
    if individual.status is IndividualStatus.INVESTIGATION:
        kind = Finding.FROM_INVESTIGATION
    elif individual.warehouse_id == count.warehouse_id and individual.status in (
        IndividualStatus.IN_STOCK,
        IndividualStatus.RESERVED,
    ):
        kind = Finding.FOUND
    else:
        log.info("inventory count %s: individual %s belongs elsewhere", count.id, individual.id)
        return finding(Finding.ELSEWHERE)
    session.add(
        InventoryCountEntry(
            inventory_count_id=count.id,
            article_id=article.id,
            individual_id=individual.id,
            entered_by_id=context.user_id,
        )
    )
    session.flush()
    return finding(kind)


def enter_count(
    session: Session,
    context: WorkContext,
    *,
    count_id: uuid.UUID,
    article_id: uuid.UUID,
    quantity_text: str,
    choice: Choice | None = None,
) -> CountStatus:
    """Save the quantity counted of an article. A second count of an article asks the clerk (``CountedTwice``)
    until *choice* says which stands. An article not on the sheet is counted too: its entry puts it on the
    count's list (expected 0), without a sheet line that a second workstation could add as well."""
    count = _count(session, context, count_id)
    quantity = parse_quantity(quantity_text)
    article = session.get(Article, article_id)
    if article is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "The article was not found; type its number again."))
    _check_countable(article)
    standing = [
        entry
        for entry in _standing(_entries(session, count.id))
        if entry.article_id == article.id and entry.individual_id is None
    ]
    if standing and choice is None:
        raise CountedTwice(article.id, article.article_number, _earlier(session, standing))
    entry = InventoryCountEntry(
        inventory_count_id=count.id,
        article_id=article.id,
        quantity=quantity,
        entered_by_id=context.user_id,
        added=choice is Choice.ADD,
        # Kept on record only: the earlier count stands.
        replaced_by_id=standing[-1].id if choice is Choice.KEEP_EARLIER else None,
    )
    session.add(entry)
    session.flush()
    if choice is Choice.TAKE_NEW:
        for earlier in standing:
            earlier.replaced_by_id = entry.id
    session.flush()
    return count_status(session, context, count_id=count.id)


def settle_counted_twice(
    session: Session, context: WorkContext, *, count_id: uuid.UUID, article_id: uuid.UUID, choice: Choice
) -> CountStatus:
    """Settle an article that two workstations each counted (met on sync): keep the earlier count, take
    the newer one, or add them (a new entry of their sum stands for both)."""
    count = _count(session, context, count_id)
    standing = [
        entry
        for entry in _standing(_entries(session, count.id))
        if entry.article_id == article_id and entry.individual_id is None
    ]
    if not _twice(standing):
        return count_status(session, context, count_id=count.id)
    if choice is Choice.KEEP_EARLIER:
        for entry in standing[1:]:
            entry.replaced_by_id = standing[0].id
    elif choice is Choice.TAKE_NEW:
        for entry in standing[:-1]:
            entry.replaced_by_id = standing[-1].id
    else:
        total = InventoryCountEntry(
            inventory_count_id=count.id,
            article_id=article_id,
            quantity=sum(entry.quantity or 0 for entry in standing),
            entered_by_id=context.user_id,
        )
        session.add(total)
        session.flush()
        for entry in standing:
            entry.replaced_by_id = total.id
    session.flush()
    return count_status(session, context, count_id=count.id)


def close_count(
    session: Session, context: WorkContext, *, count_id: uuid.UUID, uncounted_as_zero: bool = False
) -> CloseResult:
    """Book the count (R39): per article, counted − book balance now as a movement with reason inventory;
    every individual of the warehouse not found to the investigation warehouse; every individual found
    that was there back into this warehouse. Refused while an article's two counts wait for the clerk's
    choice, and (unless *uncounted_as_zero*) while sheet lines are uncounted."""
    count = _count(session, context, count_id)
    status = count_status(session, context, count_id=count.id)
    twice = [line for line in status.lines if line.counted_twice]
    if twice:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Article {number} was counted twice; choose which count stands before closing the count.",
            ),
            number=twice[0].article_number,
        )
    uncounted = tuple(line.article_number for line in status.lines if line.counted is None)
    if uncounted and not uncounted_as_zero:
        raise UncountedLines(uncounted)
    investigation = _investigation_warehouse(session)
    warehouse_id = count.warehouse_id
    entries = _standing(_entries(session, count.id))
    found = {entry.individual_id for entry in entries if entry.individual_id is not None}
    result_out: list[str] = []
    result_back: list[str] = []
    moved: dict[uuid.UUID, int] = defaultdict(int)  # article → balance change made by individual moves
    movements = 0

    document = Document(DocumentKind.INVENTORY, count.id)
    rows = PlainRows()

    def move(individual: Individual, to: uuid.UUID, status_to: IndividualStatus) -> None:
        nonlocal movements
        source = individual.warehouse_id
        assert source is not None
        for tag, warehouse, quantity in (("out", source, -1), ("in", to, 1)):
            stock.move(
                rows,
                article_id=individual.article_id,
                warehouse_id=warehouse,
                quantity=quantity,
                reason=MovementReason.INVENTORY,
                document=document,
                user_id=context.user_id,
                individual_id=individual.id,
                movement_id=_derived_id("movement", count.id, tag, individual.id),
            )
            movements += 1
            if warehouse == warehouse_id:
                moved[individual.article_id] += quantity
        individuals.change_status(
            session,
            individual,
            status_to,
            user_id=context.user_id,
            document=document,
            warehouse_id=to,
            events=rows,
            event_id=_derived_id("event", count.id, individual.id),
        )

    missing = session.scalars(
        select(Individual)
        .where(Individual.warehouse_id == warehouse_id, Individual.status == IndividualStatus.IN_STOCK)
        .order_by(Individual.individual_number)
    )
    for individual in missing:
        if individual.id not in found:
            move(individual, investigation.id, IndividualStatus.INVESTIGATION)
            result_out.append(individual.individual_number)
    if found:
        returning = session.scalars(
            select(Individual)
            .where(Individual.id.in_(found), Individual.status == IndividualStatus.INVESTIGATION)
            .order_by(Individual.individual_number)
        )
        for individual in returning:
            move(individual, warehouse_id, IndividualStatus.IN_STOCK)
            result_back.append(individual.individual_number)

    rows.write(session)  # the balances below include the individuals' moves just made
    article_ids = [line.article_id for line in status.lines]
    balances = balances_of(session, warehouse_id, article_ids)
    differences: list[tuple[str, int]] = []
    for line in status.lines:
        counted = line.counted or 0
        difference = counted - balances.get(line.article_id, 0)
        if difference:
            stock.move(
                rows,
                article_id=line.article_id,
                warehouse_id=warehouse_id,
                quantity=difference,
                reason=MovementReason.INVENTORY,
                document=document,
                user_id=context.user_id,
                movement_id=_derived_id("movement", count.id, "article", line.article_id),
            )
            movements += 1
        if change := moved[line.article_id] + difference:
            differences.append((line.article_number, change))
    count.closed_at = utc_now()
    rows.write(session)
    log.info(
        "inventory count %s closed: %d movements, %d individuals to investigation, %d back",
        count.id,
        movements,
        len(result_out),
        len(result_back),
    )
    return CloseResult(count.id, movements, tuple(differences), tuple(result_out), tuple(result_back))


def report_found_individual(session: Session, context: WorkContext, *, individual_number: str) -> FoundLater:
    """An individual that went to the investigation warehouse has turned up (002): it is moved back into the
    own stock of the clerk's service location, and the clerk is told what to report to the aid centre."""
    cleaned = normalise_digits(individual_number).strip()
    individual = session.scalars(select(Individual).where(Individual.individual_number == cleaned)).first()
    if individual is None:
        raise NotFound(QT_TRANSLATE_NOOP("app", "No individual has the number {number}."), number=cleaned)
    if individual.status is not IndividualStatus.INVESTIGATION or individual.warehouse_id is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP(
                "app",
                "Individual {number} is not in the investigation warehouse; there is nothing to report.",
            ),
            number=cleaned,
        )
    own = session.scalars(
        select(Warehouse)
        .where(
            Warehouse.service_location_id == context.service_location_id,
            Warehouse.kind == WarehouseKind.OWN_STOCK,
        )
        .order_by(Warehouse.code)
    ).first()
    if own is None:
        raise RuleViolation(
            QT_TRANSLATE_NOOP("app", "{location} holds no own stock to take the individual back into."),
            location=context.service_location_name,
        )
    article = session.get(Article, individual.article_id)
    assert article is not None
    document = Document(DocumentKind.FOUND_AFTER_INVENTORY)  # this report: no document of its own
    rows = PlainRows()
    for warehouse, quantity in ((individual.warehouse_id, -1), (own.id, 1)):
        stock.move(
            rows,
            article_id=individual.article_id,
            warehouse_id=warehouse,
            quantity=quantity,
            reason=MovementReason.INVENTORY,
            document=document,
            user_id=context.user_id,
            individual_id=individual.id,
        )
    individuals.change_status(
        session,
        individual,
        IndividualStatus.IN_STOCK,
        user_id=context.user_id,
        document=document,
        warehouse_id=own.id,
        events=rows,
    )
    rows.write(session)
    return FoundLater(individual.individual_number, article.article_number, own.code, REPORT_ADDRESS)


# ---------------------------------------------------------------------------------------------- the sheet


@dataclass(frozen=True)
class SheetLine:
    article_number: str
    name: str
    supplier_article_number: str
    unit: str
    #: Individually marked: the individual numbers expected on the shelf, to tick.
    individual_numbers: tuple[str, ...]


@dataclass(frozen=True)
class CountSheet:
    warehouse_code: str
    warehouse_name: str
    started_on: dt.date
    started_by: str
    lines: tuple[SheetLine, ...]


def count_sheet(session: Session, context: WorkContext, *, count_id: uuid.UUID) -> CountSheet:
    """What the count sheet prints (blind: no book balance), lines by article number."""
    count = _count(session, context, count_id, open_only=False)
    warehouse = session.get(Warehouse, count.warehouse_id)
    assert warehouse is not None
    rows = session.execute(
        select(
            Article.id, Article.article_number, Article.name, Article.supplier_article_number, Article.unit
        )
        .join(InventoryCountLine, InventoryCountLine.article_id == Article.id)
        .join(Supplier, Supplier.id == Article.supplier_id)
        .where(InventoryCountLine.inventory_count_id == count.id)
        .order_by(Article.article_number)
    ).all()
    individuals: dict[uuid.UUID, list[str]] = defaultdict(list)
    for article_id, number in session.execute(
        select(Individual.article_id, Individual.individual_number)
        .where(Individual.warehouse_id == warehouse.id, Individual.status == IndividualStatus.IN_STOCK)
        .order_by(Individual.individual_number)
    ):
        individuals[article_id].append(number)
    names = _user_names(session, [count.started_by_id])
    return CountSheet(
        warehouse_code=warehouse.code,
        warehouse_name=warehouse.name,
        started_on=count.started_at.date(),
        started_by=names.get(count.started_by_id, ""),
        lines=tuple(
            SheetLine(number, name, supplier_number, unit, tuple(individuals.get(article_id, ())))
            for article_id, number, name, supplier_number, unit in rows
        ),
    )
