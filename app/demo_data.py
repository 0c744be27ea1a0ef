"""Demo data: a believable Region Skåne hearing reception (``hearing-desk-admin demo-data``).

Two scales: ``small`` for tests and a first start (a few hundred patients, a second or two) and
``large`` for benchmarks (300 000 patients, 50 000 articles, 1 000 000 individuals, 2 000 000 stock
movements). Everything comes from ``random.Random`` streams seeded from *seed*, the UUIDs too, so the
same seed and day (``today``) give the same database; the patients and the catalogue do not depend on
the day. Each area has a stream of its own and the showcase (``DemoSummary.examples``, ``numbers``) is
made first, so the example identity numbers and article numbers are the same at both scales.

Rows are written in bulk through the DB-API connection of a ``Database.seed()`` session, already in the
form SQLAlchemy stores them in SQLite (UUIDs as 32 hex digits, dates and timestamps as ISO text, enums
as their values, booleans as 0/1, money as a number). Demo data is a baseline, like the population
register, not work done at the desk, so it goes into no change log. Names, identity numbers, addresses
and devices are all invented.

What a clerk finds: five service locations (one private clinic), the warehouses 70, 750, one own stock
per public clinic and the investigation warehouse; users with roles; hearing suppliers and their
catalogue on an ISO 9999 tree; patients of every kind the rules name (R4–R9); individuals in every
status with their history; a stock ledger that adds up to what the warehouses hold; and, for the
showcase patients, orders, deliveries, returns, pickup orders, activities and fees.
"""

from __future__ import annotations

import bisect
import datetime as dt
import enum
import itertools
import queue
import random
import sqlite3
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from app.database import DATABASE_FILE, Database, prepare
from app.first_start import DEMO_DATA
from app.identity import age_on, make_identity_number
from app.numbers import year_week
from app.patients import FORWARDING_ADDRESS, name_key
from app.scanning.gs1 import make_gtin
from db.models import (
    Activity,
    ActivityIndividual,
    Article,
    Base,
    Fee,
    FittingReport,
    ForeignCertificate,
    GoodsReceipt,
    GoodsReceiptLine,
    Individual,
    IndividualEvent,
    IsoCode,
    NumberBlock,
    Order,
    OrderLine,
    Patient,
    PaymentCommitment,
    PickupOrder,
    PickupOrderLine,
    PrescriberLink,
    PurchaseOrder,
    ServiceLocation,
    StockMovement,
    StockReturn,
    StockReturnLine,
    Supplier,
    UrgentNeedDecision,
    User,
    UserRole,
    UserServiceLocation,
    Warehouse,
)
from db.models.enums import (
    ActivityKind,
    ActivityStatus,
    ArticleStatus,
    ArticleType,
    DeliverFrom,
    DocumentKind,
    FeeKind,
    FeeRule,
    FeeStatus,
    IdentityKind,
    IndividualStatus,
    LineStatus,
    MovementReason,
    OrderKind,
    OrderStatus,
    OwnerColour,
    PickupReason,
    PickupStatus,
    PurchaseOrderStatus,
    ReturnKind,
    Role,
    WarehouseKind,
)

#: ``progress(stage, fraction)``: what is being made now, and how much of the whole is done (0..1).
Progress = Callable[[str, float], None]


@dataclass(frozen=True)
class Scale:
    name: str
    patients: int
    articles: int
    individuals: int
    movements: int


SCALES: dict[str, Scale] = {
    "small": Scale("small", patients=300, articles=400, individuals=2_000, movements=5_000),
    "large": Scale("large", patients=300_000, articles=50_000, individuals=1_000_000, movements=2_000_000),
}


@dataclass(frozen=True)
class DemoSummary:
    """What was made: rows per table, and numbers to try in the program (README, tests)."""

    scale: str
    seed: int
    seconds: float
    counts: dict[str, int]
    #: Showcase patients: kind → normalised identity number ("ordinary", "protected", "deceased", …).
    examples: dict[str, str]
    #: Other showcase numbers: articles, individuals, a SIP number, orders, purchase orders, documents.
    numbers: dict[str, str] = field(default_factory=dict)

    @property
    def patients(self) -> int:
        return self.counts.get("patient", 0)

    @property
    def articles(self) -> int:
        return self.counts.get("article", 0)

    @property
    def individuals(self) -> int:
        return self.counts.get("individual", 0)

    @property
    def stock_movements(self) -> int:
        return self.counts.get("stock_movement", 0)


def generate(
    target: Database | Path | str,
    scale: str,
    seed: int = 7,
    progress: Progress | None = None,
    *,
    today: dt.date | None = None,
) -> DemoSummary:
    """Fill an empty database with demo data of *scale* (``small`` or ``large``).

    *target* is an open ``Database``, a data directory, or the path of the database file. Raises
    ``ValueError`` for an unknown scale or a database that already holds patients (or other data).
    """
    if scale not in SCALES:
        raise ValueError(f"There is no demo data scale {scale!r}; choose one of: {', '.join(SCALES)}.")
    started = time.perf_counter()
    database, opened_here = _open(target)
    try:
        with database.seed() as session:
            _refuse_filled(session)
            connection = session.connection().connection.driver_connection
            assert isinstance(connection, sqlite3.Connection)
            # These settings last only for the load: the write connection goes back to the pool afterwards
            # with its own settings again. (In WAL mode with synchronous NORMAL a commit does not sync, so
            # that setting stays.)
            own = {name: connection.execute(f"PRAGMA {name}").fetchone()[0] for name in LOAD_SETTINGS}
            connection.execute("PRAGMA cache_size = -1000000")
            connection.execute("PRAGMA temp_store = MEMORY")
            connection.execute("PRAGMA threads = 2")  # helper threads for the sorts of CREATE INDEX
            # Secondary indexes are built once at the end (a sort) instead of row by row (random
            # B-tree inserts): much faster for the large scale. All in the seed's one transaction.
            indexes = connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
            ).fetchall()
            for name, _sql in indexes:
                connection.execute(f'DROP INDEX "{name}"')
            # The individual search index (migration 0009) is built once at the end too, not by its
            # triggers row by row.
            triggers = connection.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'individual_search_%'"
            ).fetchall()
            for name, _sql in triggers:
                connection.execute(f'DROP TRIGGER "{name}"')
            writer = _Writer(connection)
            try:
                builder = _Builder(writer, SCALES[scale], seed, today or dt.date.today(), progress)
                builder.build()
            finally:
                writer.close()
            # The mark of a demo database (local only): it never syncs with a clinic's real server.
            connection.execute(
                "INSERT OR REPLACE INTO node_setting (key, value) VALUES (?, '1')", (DEMO_DATA,)
            )
            builder.report("Building the indexes", 0.95)
            for _name, sql in indexes:
                connection.execute(sql)
            if triggers:
                connection.execute("INSERT INTO individual_search (individual_search) VALUES ('rebuild')")
            for _name, sql in triggers:
                connection.execute(sql)
            builder.report("Updating the query planner's statistics", 0.97)
            connection.execute("PRAGMA analysis_limit = 1000")
            connection.execute("ANALYZE")
            for name, value in own.items():
                connection.execute(f"PRAGMA {name} = {int(value)}")
            builder.report("Committing", 0.98)
        builder.report("Moving the new rows from the write-ahead log into the database file", 0.99)
        _checkpoint(database.path)
    finally:
        if opened_here:
            database.dispose()
    builder.report("Done", 1.0)
    return DemoSummary(
        scale=scale,
        seed=seed,
        seconds=round(time.perf_counter() - started, 2),
        counts={name: table.count for name, table in builder.tables.items() if table.count},
        examples=dict(builder.examples),
        numbers=dict(builder.numbers),
    )


#: The connection settings the load changes for its own speed (and gives back afterwards).
LOAD_SETTINGS = ("cache_size", "temp_store", "threads")


def _open(target: Database | Path | str) -> tuple[Database, bool]:
    if isinstance(target, Database):
        return target, False
    path = Path(target)
    if path.suffix != ".sqlite":
        return Database.open(path), True
    path.parent.mkdir(parents=True, exist_ok=True)
    prepare(path)
    return Database(path), True


def _refuse_filled(session: Session) -> None:
    if session.scalars(select(Patient.id).limit(1)).first() is not None:
        raise ValueError(
            "The database already holds patients; demo data is only loaded into an empty database."
        )
    for model, what in ((User, "users"), (ServiceLocation, "service locations"), (Article, "articles")):
        if session.scalars(select(model.id).limit(1)).first() is not None:
            raise ValueError(
                f"The database already holds {what}; demo data is only loaded into an empty database."
            )


def _checkpoint(path: Path) -> None:
    """Move the load from the write-ahead log into the database file and shrink the log."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()


# ------------------------------------------------------------------------------------------ writing rows

CHUNK = 20_000


class _Writer:
    """Writes chunks of rows on a thread of its own, in the order they were handed over.

    ``sqlite3`` releases the GIL while SQLite works, so the next chunk is made in Python while the last
    one is written: both cores of a small machine work. Only this thread uses the connection until
    ``close()``, which waits for the last chunk and raises what went wrong, if anything did.
    """

    def __init__(self, connection: sqlite3.Connection) -> None:
        self.connection = connection
        self.queue: queue.Queue[tuple[str, list[tuple[Any, ...]]] | None] = queue.Queue(maxsize=8)
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, name="demo-data-writer", daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while (item := self.queue.get()) is not None:
            if self.error is None:
                try:
                    self.connection.executemany(*item)
                except BaseException as error:  # handed to the builder's thread by submit()/close()
                    self.error = error

    def submit(self, sql: str, rows: list[tuple[Any, ...]]) -> None:
        if self.error is not None:
            raise self.error
        self.queue.put((sql, rows))

    def close(self) -> None:
        if self.thread.is_alive():
            self.queue.put(None)
            self.thread.join()
        if self.error is not None:
            raise self.error


class _Table:
    """Rows for one table in SQLite storage form, written with ``executemany`` in chunks.

    ``add(**values)`` takes values by column name; a column left out gets the model's scalar default
    (converted to storage form), the load's timestamp for a timestamp default, or NULL when nullable.
    A required column left out, or an unknown name, is a bug in this module and raises at once.

    Foreign keys stay on and are checked row by row: the builder makes parents before their children,
    and a table writes the rows waiting in its parent tables before its own (``parents``).
    """

    def __init__(self, writer: _Writer, table: Table, stamp: str) -> None:
        self.writer = writer
        self.parents: list[_Table] = []
        self.name = table.name
        self.known = frozenset(table.c.keys())
        self.defaults: dict[str, Any] = {}
        for column in table.c:
            default = column.default
            if default is not None and getattr(default, "is_scalar", False):
                self.defaults[column.name] = _storage(default.arg)  # type: ignore[attr-defined]
            elif default is not None and column.type.python_type is dt.datetime:
                self.defaults[column.name] = stamp
            elif column.nullable:
                self.defaults[column.name] = None
        self.rows: list[tuple[Any, ...]] = []
        self.count = 0
        self._order(tuple(table.c.keys()))

    def _order(self, columns: tuple[str, ...]) -> None:
        self.columns = columns
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        self.sql = f'INSERT INTO "{self.name}" ({names}) VALUES ({marks})'

    def positional(self, columns: str) -> Callable[..., None]:
        """A fast way to add rows for the hottest tables: values by position, in the order of *columns*
        (names separated by spaces); the other columns get their defaults. Set up before the first row;
        ``add`` keeps working."""
        assert not self.rows and not self.count, "set up positional rows before the first row"
        names = tuple(columns.split())
        unknown = set(names) - self.known
        if unknown:
            raise KeyError(f"{self.name} has no column(s) {sorted(unknown)}")
        rest = tuple(c for c in self.columns if c not in names)
        tail = tuple(self.defaults[c] for c in rest)  # KeyError: a required column is missing
        self._order((*names, *rest))
        width = len(names)

        def add(*values: Any) -> None:
            if len(values) != width:
                raise TypeError(f"{self.name}: {len(values)} values for {width} columns")
            rows = self.rows
            rows.append(values + tail)
            if len(rows) >= CHUNK:
                self.flush()

        return add

    def add(self, **values: Any) -> None:
        if not values.keys() <= self.known:
            raise KeyError(f"{self.name} has no column(s) {sorted(values.keys() - self.known)}")
        merged = self.defaults | values
        self.rows.append(tuple(map(merged.__getitem__, self.columns)))
        if len(self.rows) >= CHUNK:
            self.flush()

    def flush(self) -> None:
        for parent in self.parents:
            if parent is not self:
                parent.flush()
        if self.rows:
            self.writer.submit(self.sql, self.rows)
            self.count += len(self.rows)
            self.rows = []


def _storage(value: Any) -> Any:
    """A Python default as SQLAlchemy stores it in SQLite."""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, Decimal):
        return float(value)
    return value


_DAYS: dict[int, str] = {}
_TIMES = tuple(f" {m // 60:02d}:{m % 60:02d}:00.000000" for m in range(24 * 60))


def _day(ordinal: int) -> str:
    """The date with this ordinal as SQLite stores it (``YYYY-MM-DD``)."""
    text = _DAYS.get(ordinal)
    if text is None:
        text = _DAYS[ordinal] = dt.date.fromordinal(ordinal).isoformat()
    return text


def _stamp(ordinal: int, minute: int = 9 * 60) -> str:
    """A timestamp on the day *ordinal*, *minute* minutes after midnight, as SQLite stores it."""
    return _day(ordinal) + _TIMES[minute]


def _working_minute(rng: random.Random) -> int:
    """A minute of the working day, 07:00–17:00."""
    return 7 * 60 + int(rng.random() * 600)


def _reorder_level(article_type: ArticleType, number: int) -> int:
    """A reorder level for every third accessory and spare part (from its number, so the random draws of
    the rest of the data stay as they were)."""
    if article_type not in (ArticleType.ACCESSORY, ArticleType.SPARE_PART) or number % 3:
        return 0
    return 2 + number % 4 * 2


#: GS1 prefix 952 is GS1's own for demonstrations and examples: no real product carries it. Each supplier is
#: given the company prefix 952 + its three-digit index, its articles the item reference of their number.
DEMO_GS1_PREFIX = "952"


def _gtin(supplier: str, article_number: int, pack_size: int) -> str:
    """An article's GTIN-14: a GTIN-13 (leading 0) for a unit, indicator 1 for a pack of several."""
    index = _SUPPLIER_INDEX[supplier]
    return make_gtin(f"{1 if pack_size > 1 else 0}{DEMO_GS1_PREFIX}{index:03d}{article_number:06d}")


def demo_serial(supplier: str, unit: int) -> str:
    """The serial number of the demo's *unit*-th device of *supplier*'s (units 0 and below are the boxes
    still to be received: no device of the demo carries their serial numbers)."""
    return f"{SERIAL_PREFIX[supplier]}{(unit * 48_271 + 1_000_003) % 100_000_000:08d}"


def _new_id(rng: random.Random) -> str:
    """A version 4 UUID drawn from *rng*, as the 32 hex digits SQLAlchemy stores."""
    value = rng.getrandbits(128)
    value = (value & ~(0xF000 << 64)) | (0x4000 << 64)
    value = (value & ~(0xC000 << 48)) | (0x8000 << 48)
    return f"{value:032x}"


def _gln(stem: str) -> str:
    """A 13-digit GLN with its GS1 check digit."""
    total = sum(int(d) * (3 if i % 2 == 0 else 1) for i, d in enumerate(reversed(stem)))
    return stem + str((10 - total % 10) % 10)


# ------------------------------------------------------------------------------------------ organisation


@dataclass
class _Location:
    key: str
    code: str
    name: str
    street: str
    postal_code: str
    city: str
    phone: str
    private: bool
    id: str = ""
    own_stock: str = ""  # warehouse id, empty for a private clinic
    prescribers: list[str] = field(default_factory=list)
    #: orderer id → the prescribers (at this location) the orderer may order for.
    orderers: dict[str, list[str]] = field(default_factory=dict)


LOCATIONS = (
    _Location("LUND", "HM-LUND", "Hörselmottagningen Lund", "Getingevägen 4", "222 41", "Lund", "046-17 10 00", False),
    _Location("MALMO", "HM-MALMO", "Hörselmottagningen Malmö", "Carl Bertil Laurells gata 9", "214 28", "Malmö", "040-33 10 00", False),
    _Location("HBG", "HM-HBG", "Hörselmottagningen Helsingborg", "Södra Vallgatan 7", "252 23", "Helsingborg", "042-406 10 00", False),
    _Location("KSTAD", "HM-KSTAD", "Hörselmottagningen Kristianstad", "Hedlundsvägen 5", "291 33", "Kristianstad", "044-309 10 00", False),
    _Location("PRIVAT", "HK-PRIVAT", "Hörselkliniken Privat AB", "Stortorget 9", "211 22", "Malmö", "040-12 34 50", True),
)  # fmt: skip

OWN_STOCK_CODES = {"LUND": "L-LUND", "MALMO": "L-MALMO", "HBG": "L-HBG", "KSTAD": "L-KSTAD"}
CENTRAL, DIRECT, INVESTIGATION = "70", "750", "UTR"

PRESCRIBER, ORDERER, STOCK_ADMIN, AID_CENTRE = (
    Role.PRESCRIBER,
    Role.ORDERER,
    Role.STOCK_ADMIN,
    Role.AID_CENTRE,
)
#: username, full name, title, roles, service locations (the first is the default), deliver from.
USERS = (
    ("anna.audionom", "Anna Bergström", "Leg. audionom", (PRESCRIBER, ORDERER), ("LUND", "MALMO"), DeliverFrom.AID_SERVICE),
    ("per.audionom", "Per Lindahl", "Leg. audionom", (PRESCRIBER, ORDERER), ("LUND",), DeliverFrom.AID_SERVICE),
    ("ingrid.lakare", "Ingrid Sandell", "Överläkare, audiologi", (PRESCRIBER, ORDERER), ("LUND", "MALMO"), DeliverFrom.AID_SERVICE),
    ("sara.sekreterare", "Sara Nilsson", "Medicinsk sekreterare", (ORDERER,), ("LUND",), DeliverFrom.AID_SERVICE),
    ("lars.lager", "Lars Persson", "Förrådsansvarig", (STOCK_ADMIN, ORDERER), ("LUND", "MALMO", "HBG", "KSTAD"), DeliverFrom.OWN_STOCK),
    ("erik.audionom", "Erik Sjöholm", "Leg. audionom", (PRESCRIBER, ORDERER), ("MALMO",), DeliverFrom.AID_SERVICE),
    ("fatima.audionom", "Fatima Haddad", "Leg. audionom", (PRESCRIBER, ORDERER), ("MALMO",), DeliverFrom.AID_SERVICE),
    ("maria.sekreterare", "Maria Ekdahl", "Medicinsk sekreterare", (ORDERER,), ("MALMO",), DeliverFrom.AID_SERVICE),
    ("johan.audionom", "Johan Westerberg", "Leg. audionom", (PRESCRIBER, ORDERER), ("HBG",), DeliverFrom.AID_SERVICE),
    ("lina.sekreterare", "Lina Åberg", "Medicinsk sekreterare", (ORDERER,), ("HBG",), DeliverFrom.AID_SERVICE),
    ("oskar.audionom", "Oskar Nyberg", "Leg. audionom", (PRESCRIBER, ORDERER), ("KSTAD",), DeliverFrom.AID_SERVICE),
    ("eva.sekreterare", "Eva Holmqvist", "Medicinsk sekreterare", (ORDERER,), ("KSTAD",), DeliverFrom.AID_SERVICE),
    ("karin.lager", "Karin Dahl", "Förrådsansvarig", (STOCK_ADMIN, ORDERER), ("MALMO", "HBG"), DeliverFrom.OWN_STOCK),
    ("peter.privat", "Peter Rosén", "Leg. audionom", (PRESCRIBER, ORDERER), ("PRIVAT",), DeliverFrom.AID_SERVICE),
    ("ulla.privat", "Ulla Borg", "Receptionist", (ORDERER,), ("PRIVAT",), DeliverFrom.AID_SERVICE),
    # VO Hjälpmedel: registers prescriptions for undocumented patients in a prescriber's name (R7) and
    # reports dispatches from the central warehouse.
    ("helena.hjalpmedel", "Helena Ström", "Handläggare, VO Hjälpmedel", (AID_CENTRE, ORDERER), ("MALMO", "LUND"), DeliverFrom.AID_SERVICE),
)  # fmt: skip

#: orderer → the prescribers whose orders the orderer may place (PrescriberLink).
PRESCRIBER_LINKS = {
    "sara.sekreterare": ("anna.audionom", "per.audionom", "ingrid.lakare"),
    "maria.sekreterare": ("erik.audionom", "fatima.audionom", "ingrid.lakare", "anna.audionom"),
    "lina.sekreterare": ("johan.audionom",),
    "eva.sekreterare": ("oskar.audionom",),
    "ulla.privat": ("peter.privat",),
    "helena.hjalpmedel": ("erik.audionom", "fatima.audionom", "anna.audionom"),
}


class _Supplier(NamedTuple):
    key: str
    number: str
    name: str
    brand: str
    street: str
    postal_code: str
    city: str
    phone: str
    serial_prefix: str


SUPPLIERS = (
    _Supplier("oticon", "40112", "Oticon AB (Demant)", "Oticon", "Kanalvägen 12", "194 61", "Upplands Väsby", "08-545 227 50", "OT"),
    _Supplier("phonak", "40127", "Sonova Nordic AB (Phonak)", "Phonak", "Svärdvägen 19", "182 33", "Danderyd", "08-601 86 00", "PH"),
    _Supplier("signia", "40135", "WS Audiology Sweden AB (Signia)", "Signia", "Textilgatan 31", "120 30", "Stockholm", "08-728 77 00", "SG"),
    _Supplier("resound", "40141", "GN Hearing Sweden AB (ReSound)", "ReSound", "Johanneslundsvägen 3", "194 61", "Upplands Väsby", "08-590 743 00", "RS"),
    _Supplier("widex", "40158", "Widex Sverige AB (WS Audiology)", "Widex", "Ekbacksvägen 28", "168 69", "Bromma", "08-555 186 00", "WX"),
    _Supplier("bernafon", "40163", "Bernafon, Demant Sweden AB", "Bernafon", "Kanalvägen 12", "194 61", "Upplands Väsby", "08-545 227 70", "BF"),
    _Supplier("starkey", "40179", "Starkey Sverige AB", "Starkey", "Hammarby Allé 41", "120 30", "Stockholm", "08-410 150 00", "SK"),
    _Supplier("nordic", "40184", "Hörselbutiken Nordic AB", "Nordic", "Industrigatan 14", "212 14", "Malmö", "040-650 12 00", "HB"),
    _Supplier("bellman", "40192", "Bellman & Symfon AB", "Bellman", "Södra Långebergsgatan 30", "421 32", "Västra Frölunda", "031-68 28 20", "BS"),
)  # fmt: skip
SERIAL_PREFIX = {s.key: s.serial_prefix for s in SUPPLIERS}
_SUPPLIER_INDEX = {s.key: index for index, s in enumerate(SUPPLIERS)}
HEARING_SUPPLIERS = ("oticon", "phonak", "signia", "resound", "widex", "bernafon", "starkey")

ISO_CODES = (
    ("22", "Hjälpmedel för kommunikation och information"),
    ("2206", "Hjälpmedel för hörsel"),
    ("220603", "Hörapparater med benledning"),
    ("220606", "Kroppsburna hörapparater"),
    ("220609", "Hörapparater inbyggda i glasögon"),
    ("220612", "Processorer till implantat"),
    ("220615", "Hörapparater bakom örat"),
    ("220618", "Hörapparater i örat"),
    ("220621", "Tinnitusmaskerare"),
    ("220624", "Tillbehör och reservdelar till hörapparater"),
    ("220627", "Hörslingor och trådlösa överföringssystem"),
    ("220630", "Batterier och laddare för hörselhjälpmedel"),
    ("220699", "Tjänster för hörselhjälpmedel"),
    ("2224", "Hjälpmedel för telefonering och telematisk kommunikation"),
    ("222403", "Telefoner med förstärkning"),
    ("222406", "Alternativ telefoni och bildtelefoner (SIP)"),
    ("2227", "Hjälpmedel för signalering och larm"),
    ("222703", "Signalsystem (dörrklocka, telefon, brandvarnare)"),
    ("222706", "Väckningshjälpmedel"),
)

# --------------------------------------------------------------------------------------------- catalogue


class _Art(NamedTuple):
    id: str
    number: str
    name: str
    supplier: str  # supplier key
    category: str
    marked: bool
    rechargeable: bool
    sip: bool
    fee_rule: FeeRule
    price: float
    status: ArticleStatus
    family: str  # "supplier:family" for hearing aids and their parts, "" otherwise
    popularity: float
    gtin: str | None = None  # GTIN-14 (issue 11: the box's EAN-13 or UDI names the article)


class _Spec(NamedTuple):
    name: str
    supplier: str
    iso: str
    rechargeable: bool = False
    sip: bool = False
    family: str = ""
    generation: int = 0  # 0 current … higher is older (more often outgoing/outgone)
    price_tier: int = 1  # 0 premium … 3 basic


@dataclass(frozen=True)
class _Category:
    key: str
    article_type: ArticleType
    marked: bool
    fee_rule: FeeRule
    unit: str
    pack_size: int
    prices: tuple[float, float]
    weight: float  # share of the generated catalogue
    minimum: int  # at least this many, when there is room
    dimensions: tuple[Sequence[Any], ...]
    compose: Callable[..., _Spec]

    @property
    def space(self) -> int:
        size = 1
        for values in self.dimensions:
            size *= len(values)
        return size

    def spec(self, index: int) -> _Spec:
        choice = []
        for values in reversed(self.dimensions):
            index, position = divmod(index, len(values))
            choice.append(values[position])
        return self.compose(*reversed(choice))


FAMILIES = {
    "oticon": ("Intent", "Real", "More", "Own", "Opn S", "Opn", "Zircon", "Siya", "Ruby", "Xceed", "Play PX", "Jet"),
    "phonak": ("Audéo Sphere", "Audéo Lumity", "Naída Lumity", "Audéo Paradise", "Sky Lumity", "Naída Paradise", "Audéo Marvel", "Sky Marvel", "Virto Paradise", "Bolero Marvel", "Slim Lumity", "Audéo B"),
    "signia": ("Pure Charge&Go IX", "Styletto IX", "Insio Charge&Go IX", "Pure Charge&Go AX", "Motion Charge&Go X", "Silk Charge&Go IX", "Intuis 4", "Pure 312 X", "Motion X", "Prompt", "Active Pro IX", "Insio Nx"),
    "resound": ("Nexia", "OMNIA", "ONE", "Key", "LiNX Quattro", "ENZO Q", "LiNX 3D", "ENZO 3D", "Savi", "Magna", "Vida", "Up Smart"),
    "widex": ("Moment Sheer", "SmartRIC", "Moment", "Evoke", "Beyond", "Unique", "Enjoy", "Dream", "Allure", "Super", "Daily", "Magnify"),
    "bernafon": ("Encanta", "Alpha", "Viron", "Zerena", "Juna", "Leox", "Saphira", "Acriva", "Carista", "Chronos", "Nevara", "Win"),
    "starkey": ("Genesis AI", "Edge AI", "Evolv AI", "Livio Edge AI", "Livio AI", "Picasso", "Muse iQ", "Halo iQ", "SoundLens", "Muse", "Halo 2", "Z Series"),
}  # fmt: skip
LEVELS = {
    "oticon": ("1", "2", "3", "4"),
    "phonak": ("90", "70", "50", "30"),
    "signia": ("7", "5", "3", "1"),
    "resound": ("9", "7", "5", "4"),
    "widex": ("440", "330", "220", "110"),
    "bernafon": ("9", "7", "5", "3"),
    "starkey": ("24", "20", "16", "12"),
}
#: label, rechargeable, ISO code
STYLES = (
    ("RIC R", True, "220615"),
    ("RIC 312", False, "220615"),
    ("miniRITE T", False, "220615"),
    ("BTE 13", False, "220615"),
    ("BTE Power R", True, "220615"),
    ("ITE HS", False, "220618"),
    ("CIC", False, "220618"),
    ("ITC R", True, "220618"),
    ("IIC", False, "220618"),
)
COLOURS = (
    "silver",
    "beige",
    "svart",
    "grafit",
    "champagne",
    "brun",
    "vit",
    "roséguld",
    "blå",
    "röd",
    "rosa",
    "grön",
)
FAMILY_KEYS = tuple((s, f, g) for s in HEARING_SUPPLIERS for g, f in enumerate(FAMILIES[s]))
BRAND = {s.key: s.brand for s in SUPPLIERS}


def _hearing_aid(
    family: tuple[str, str, int], level: int, style: tuple[str, bool, str], colour: str
) -> _Spec:
    supplier, name, generation = family
    return _Spec(
        f"{BRAND[supplier]} {name} {LEVELS[supplier][level]} {style[0]}, {colour}",
        supplier,
        style[2],
        rechargeable=style[1],
        family=f"{supplier}:{name}",
        generation=generation,
        price_tier=level,
    )


def _receiver(family: tuple[str, str, int], power: str, length: int, side: str) -> _Spec:
    supplier, name, generation = family
    return _Spec(
        f"Hörtelefon {BRAND[supplier]} {name} {power} längd {length}, {side}",
        supplier,
        "220624",
        family=f"{supplier}:{name}",
        generation=generation,
    )


def _tube(family: tuple[str, str, int], kind: str, size: int, length: str) -> _Spec:
    supplier, name, generation = family
    return _Spec(
        f"{kind} {BRAND[supplier]} {name} storlek {size}, {length}",
        supplier,
        "220624",
        family=f"{supplier}:{name}",
        generation=generation,
    )


def _ear_hook(family: tuple[str, str, int], kind: str, colour: str) -> _Spec:
    supplier, name, generation = family
    return _Spec(
        f"Örkrok {kind} {BRAND[supplier]} {name}, {colour}",
        supplier,
        "220624",
        family=f"{supplier}:{name}",
        generation=generation,
    )


def _cover(family: tuple[str, str, int], part: str, colour: str) -> _Spec:
    supplier, name, generation = family
    return _Spec(
        f"{part} {BRAND[supplier]} {name}, {colour}",
        supplier,
        "220624",
        family=f"{supplier}:{name}",
        generation=generation,
    )


def _charger(family: tuple[str, str, int], kind: str, colour: str) -> _Spec:
    supplier, name, generation = family
    return _Spec(
        f"{kind} {BRAND[supplier]} {name}, {colour}",
        supplier,
        "220630",
        family=f"{supplier}:{name}",
        generation=generation,
    )


def _kit(family: tuple[str, str, int], kind: str) -> _Spec:
    supplier, name, generation = family
    return _Spec(
        f"Laddkit {BRAND[supplier]} {name} ({kind})",
        supplier,
        "220630",
        family=f"{supplier}:{name}",
        generation=generation,
    )


def _mould(kind: str, material: str, vent: str, side: str, colour: str) -> _Spec:
    return _Spec(f"Otoplastik {kind}, {material}, {vent}, {side}, {colour}", "nordic", "220624")


def _dome(supplier: str, kind: str, size: int, pack: int) -> _Spec:
    return _Spec(f"Dome {kind} {size} mm, {pack}-pack ({BRAND[supplier]})", supplier, "220624")


def _filter(supplier: str, kind: str, pack: int) -> _Spec:
    return _Spec(f"{kind} ({BRAND[supplier]}), {pack} st", supplier, "220624")


def _battery(brand: str, size: str, pack: int, kind: str) -> _Spec:
    return _Spec(f"Batteri {size} {brand}{kind}, {pack} st", "nordic", "220630")


def _streamer(supplier: str, device: str, generation: str) -> _Spec:
    return _Spec(f"{BRAND[supplier]} {device}{generation}", supplier, "220627")


def _alerting(supplier: str, device: tuple[str, str], series: str) -> _Spec:
    return _Spec(f"{device[0]} {BRAND[supplier]} {series}", supplier, device[1])


def _telephone(device: tuple[str, bool, str], brand: str, model: str) -> _Spec:
    return _Spec(f"{device[0]} {brand}{model}", "nordic", device[2], sip=device[1])


def _loop(kind: str, brand: str, model: str) -> _Spec:
    return _Spec(f"{kind} {brand}{model}", "nordic", "220627")


def _bone(model: str, colour: str) -> _Spec:
    return _Spec(f"Oticon Medical {model}, {colour}", "oticon", "220603")


def _simple(iso: str, supplier: str = "nordic") -> Callable[..., _Spec]:
    def compose(*parts: str) -> _Spec:
        return _Spec(" ".join(p for p in parts if p), supplier, iso)

    return compose


A, ACC, SP = ArticleType.MAIN_AID, ArticleType.ACCESSORY, ArticleType.SPARE_PART
CATEGORIES = (
    _Category("hearing_aid", A, True, FeeRule.PATIENT_FEE, "st", 1, (2200, 6800), 40, 60, (FAMILY_KEYS, range(4), STYLES, COLOURS), _hearing_aid),
    _Category("receiver", SP, False, FeeRule.NONE, "st", 1, (350, 850), 8, 20, (FAMILY_KEYS, ("60 S", "85 M", "100 P", "105 UP", "110 HP"), range(6), ("vänster", "höger")), _receiver),
    _Category("tube", SP, False, FeeRule.NONE, "frp", 10, (60, 180), 6, 15, (FAMILY_KEYS, ("Tunn slang", "Förformad slang", "Slangpaket"), range(5), ("kort", "standard", "lång")), _tube),
    _Category("ear_hook", SP, False, FeeRule.NONE, "st", 1, (40, 120), 5, 10, (FAMILY_KEYS, ("standard", "power", "barn", "dämpad"), COLOURS), _ear_hook),
    _Category("cover", SP, False, FeeRule.NONE, "st", 1, (40, 160), 4, 8, (FAMILY_KEYS, ("Batterilucka", "Mikrofonskydd", "Skal"), COLOURS), _cover),
    _Category("mould", ACC, False, FeeRule.NONE, "st", 1, (300, 900), 3, 10, (("skal", "halvskal", "skelett", "kanal", "CIC-propp", "badpropp", "sömnpropp"), ("akryl", "silikon", "mjukakryl"), ("utan vent", "vent 1 mm", "vent 2 mm", "vent 3 mm", "IROS-vent"), ("vänster", "höger"), ("klar", "beige", "röd", "blå", "glitter")), _mould),
    _Category("dome", ACC, False, FeeRule.NONE, "frp", 10, (35, 120), 6, 20, (HEARING_SUPPLIERS, ("öppen", "stängd", "power", "tulpan", "bass enkel", "bass dubbel", "ventilerad"), (4, 5, 6, 7, 8, 10, 12), (10, 20)), _dome),
    _Category("filter", ACC, False, FeeRule.NONE, "frp", 8, (45, 110), 2, 8, (HEARING_SUPPLIERS, ("Vaxfilter ProWax", "Vaxfilter ProWax miniFit", "Vaxfilter CeruShield", "Vaxfilter HF4", "Vaxfilter NoWax", "Mikrofonfilter"), (8, 16)), _filter),
    _Category("battery", ACC, False, FeeRule.NONE, "frp", 60, (25, 240), 2, 8, (("Power One", "Rayovac", "Duracell ActivAir", "Varta", "ZeniPower"), ("10", "312", "13", "675"), (6, 60), ("", " implant plus")), _battery),
    _Category("charger", ACC, True, FeeRule.CHARGER, "st", 1, (650, 1500), 3, 8, (FAMILY_KEYS, ("Laddare", "Laddfodral", "Laddare med powerbank"), ("svart", "vit")), _charger),
    _Category("charging_kit", ACC, False, FeeRule.CHARGING_KIT, "st", 1, (900, 1600), 1.5, 4, (FAMILY_KEYS, ("laddare + nätadapter", "reseladdare")), _kit),
    _Category("streamer", ACC, True, FeeRule.NONE, "st", 1, (1200, 3500), 2, 6, (HEARING_SUPPLIERS, ("TV-adapter", "TV-streamer", "Fjärrmikrofon", "Fjärrkontroll", "Telefonadapter", "Bordsmikrofon"), ("", " 2", " 3")), _streamer),
    _Category("alerting", A, True, FeeRule.NONE, "st", 1, (900, 4200), 2, 8, (("bellman", "nordic"), (("Vibrationsmottagare armband", "222703"), ("Väckarklocka med vibrator", "222706"), ("Dörrklockssändare", "222703"), ("Brandvarnare med sändare", "222703"), ("Telefonsändare", "222703"), ("Rörelsedetektor", "222703"), ("Babyvaktsändare", "222703"), ("Bordsmottagare med blixtljus", "222703")), ("Visit", "Maxi", "Signal")), _alerting),
    _Category("telephony", A, True, FeeRule.NONE, "st", 1, (1500, 9000), 1.5, 6, ((("Förstärkt telefon", False, "222403"), ("Förstärkt mobiltelefon", False, "222403"), ("Bildtelefon SIP", True, "222406"), ("Texttelefon SIP", True, "222406"), ("Surfplatta för bildtelefoni SIP", True, "222406")), ("Doro", "Geemarc", "Amplicomms", "Vidi"), ("", " Pro", " 2")), _telephone),
    _Category("loop", A, True, FeeRule.NONE, "st", 1, (1800, 12000), 1, 4, (("Hörslinga för rum", "Halsslinga", "Portabel hörslinga", "Samtalsförstärkare", "Konferensslinga"), ("Univox", "Humantechnik", "Comfort"), ("", " Pro", " Mini")), _loop),
    _Category("tinnitus", A, True, FeeRule.PATIENT_FEE, "st", 1, (1500, 4000), 0.5, 2, (("Tinnitusmaskerare", "Ljudgenerator för sömn"), ("Nordic", "Sanso"), ("", " 2", " Pro")), _simple("220621")),
    _Category("bone", A, True, FeeRule.PATIENT_FEE, "st", 1, (9000, 24000), 0.5, 3, (("Ponto 5 Mini", "Ponto 5 SuperPower", "Ponto 4", "Ponto 3 SuperPower"), ("silver", "beige", "svart", "brun")), _bone),
    _Category("body_worn", A, True, FeeRule.PATIENT_FEE, "st", 1, (1200, 3500), 0.3, 2, (("Kroppsburen hörapparat", "Fickförstärkare"), ("Nordic", "Comfort"), ("", " med halsslinga")), _simple("220606")),
    _Category("care", ACC, False, FeeRule.NONE, "frp", 1, (40, 450), 1, 6, (("Rengöringsset", "Torkburk elektrisk", "Torktabletter", "Rengöringsservetter", "Rengöringsspray", "Vaxborste med magnet"), ("Nordic", "Audinell", "Dry&Store"), ("", "storpack")), _simple("220624")),
)  # fmt: skip

#: name, price, ISO code; every scale has all of them (activities and service purchases need them).
SERVICES = (
    ("Utbildning, timme", 850.0),
    ("Reparation", 0.0),
    ("Installation av hörslinga", 2400.0),
    ("Installation av signalsystem", 1900.0),
    ("Installation, garanti", 0.0),
    ("Demontering av hörslinga (barn)", 900.0),
    ("Reparation av installerat hjälpmedel (barn)", 0.0),
    ("Hembesök, timme", 950.0),
    ("Frakt", 145.0),
    ("Service, förebyggande underhåll", 650.0),
)
SUPPLIER_SERVICES = ("Garantireparation", "Reparation utom garanti")

#: The showcase articles: key, category, spec, price, status (fixed names so the README can use them).
SHOWCASE_ARTICLES = (
    ("aid_rechargeable", "hearing_aid", _hearing_aid(("phonak", "Audéo Lumity", 1), 0, STYLES[0], "beige"), 5200.0, ArticleStatus.ACTIVE),
    ("aid_classic", "hearing_aid", _hearing_aid(("oticon", "More", 2), 1, STYLES[2], "silver"), 4300.0, ArticleStatus.OUTGOING),
    ("aid_signia", "hearing_aid", _hearing_aid(("signia", "Pure Charge&Go IX", 0), 0, STYLES[0], "grafit"), 5600.0, ArticleStatus.ACTIVE),
    ("aid_child", "hearing_aid", _hearing_aid(("oticon", "Play PX", 10), 0, STYLES[0], "blå"), 4900.0, ArticleStatus.ACTIVE),
    ("aid_outgone", "hearing_aid", _hearing_aid(("widex", "Evoke", 3), 0, STYLES[1], "beige"), 3900.0, ArticleStatus.OUTGONE),
    ("charger", "charger", _charger(("phonak", "Audéo Lumity", 1), "Laddfodral", "svart"), 890.0, ArticleStatus.ACTIVE),
    ("charging_kit", "charging_kit", _kit(("signia", "Pure Charge&Go IX", 0), "laddare + nätadapter"), 1150.0, ArticleStatus.ACTIVE),
    ("dome", "dome", _dome("phonak", "öppen", 8, 10), 65.0, ArticleStatus.ACTIVE),
    ("filter", "filter", _filter("oticon", "Vaxfilter ProWax miniFit", 8), 72.0, ArticleStatus.ACTIVE),
    ("battery", "battery", _battery("Power One", "312", 60, ""), 189.0, ArticleStatus.ACTIVE),
    ("streamer", "streamer", _streamer("phonak", "TV-adapter", " 2"), 2450.0, ArticleStatus.ACTIVE),
    ("sip_phone", "telephony", _telephone(("Bildtelefon SIP", True, "222406"), "Vidi", " Pro"), 7900.0, ArticleStatus.ACTIVE),
    ("alerting", "alerting", _alerting("bellman", ("Vibrationsmottagare armband", "222703"), "Visit"), 2100.0, ArticleStatus.ACTIVE),
    ("loop", "loop", _loop("Hörslinga för rum", "Univox", " Pro"), 6400.0, ArticleStatus.ACTIVE),
    ("mould_unpriced", "mould", _mould("skal", "silikon", "vent 1 mm", "höger", "beige"), 0.0, ArticleStatus.ACTIVE),
)  # fmt: skip

# -------------------------------------------------------------------------------------------- population

FEMALE = (
    "Anna", "Eva", "Maria", "Karin", "Kristina", "Lena", "Kerstin", "Ingrid", "Marie", "Birgitta",
    "Margareta", "Elisabeth", "Inger", "Sara", "Ulla", "Emma", "Malin", "Johanna", "Linnéa", "Gunilla",
    "Elsa", "Agneta", "Britt", "Ingegerd", "Marianne", "Astrid", "Ebba", "Alva", "Maja", "Wilma", "Saga",
    "Ella", "Julia", "Åsa", "Ylva", "Siv", "Gun", "Barbro", "Monica", "Anneli", "Helena", "Cecilia",
    "Camilla", "Louise", "Therese", "Fatima", "Amira", "Leila", "Zeynep", "Jelena", "Agnieszka", "Mirela",
    "Hoa", "Aisha", "Greta", "Signe", "Vera", "Elin", "Ida", "Hanna", "Anna-Karin", "Eva-Lena",
    "Ann-Marie", "Märta", "Gerd", "Solveig", "Irene", "Désirée", "Zoë", "Maj-Britt",
)  # fmt: skip
MALE = (
    "Lars", "Karl", "Erik", "Anders", "Per", "Johan", "Nils", "Jan", "Lennart", "Bengt", "Sven", "Bo",
    "Göran", "Olof", "Gunnar", "Kjell", "Rolf", "Stig", "Håkan", "Mats", "Mikael", "Peter", "Thomas",
    "Magnus", "Fredrik", "Daniel", "Oskar", "William", "Liam", "Hugo", "Elias", "Noah", "Lucas", "Axel",
    "Viktor", "Gustav", "Arvid", "Ali", "Mohammed", "Ahmed", "Hassan", "Omar", "Dragan", "Piotr", "Emir",
    "Minh", "Yusuf", "Björn", "Åke", "Ove", "Tore", "Leif", "Ingvar", "Sture", "Börje", "Karl-Erik",
    "Per-Olof", "Jan-Erik", "Ola", "Staffan", "Sören", "Göte", "José", "René",
)  # fmt: skip
LAST = (
    "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson",
    "Svensson", "Gustafsson", "Pettersson", "Jönsson", "Jansson", "Hansson", "Bengtsson", "Lindberg",
    "Lindström", "Lindqvist", "Lindgren", "Berg", "Bergström", "Axelsson", "Lundberg", "Lundgren",
    "Jakobsson", "Mattsson", "Berglund", "Fredriksson", "Sandberg", "Henriksson", "Forsberg", "Sjöberg",
    "Wallin", "Engström", "Håkansson", "Danielsson", "Lund", "Björk", "Nyström", "Holm", "Mårtensson",
    "Ohlsson", "Nordström", "Åkesson", "Ekström", "Hedlund", "Sundberg", "Löfgren", "Dahlberg", "Falk",
    "Strand", "Sjögren", "Ahlberg", "Möller", "Ljungberg", "Palm", "Månsson", "Nordin", "Holmberg",
    "Svärd", "Hodžić", "Nguyen", "Ali", "Hassan", "Mohammed", "Ahmadi", "Kowalski", "Nowak", "Yılmaz",
    "Petrović", "Jovanović", "Müller", "Schmidt", "Olsen", "Jensen", "Hansen", "Sørensen", "Al-Sayed",
    "Ståhl", "Öberg", "von Essen", "Nilsdotter", "Ek", "Rosén", "Bergqvist", "Lindholm",
)  # fmt: skip
STREETS = (
    "Storgatan", "Kyrkogatan", "Västergatan", "Östergatan", "Södergatan", "Norregatan", "Järnvägsgatan",
    "Stationsgatan", "Skolgatan", "Trädgårdsgatan", "Parkgatan", "Bokvägen", "Ekvägen", "Björkvägen",
    "Lindvägen", "Rosenvägen", "Tulpanvägen", "Syrenvägen", "Lärkvägen", "Vallgatan", "Möllevångsgatan",
    "Bergsgatan", "Föreningsgatan", "Kungsgatan", "Drottninggatan", "Malmövägen", "Lundavägen",
    "Kvarngatan", "Sjögatan", "Strandvägen", "Hamngatan", "Ängsvägen", "Åkervägen", "Fältvägen",
    "Mejerigatan", "Prästgatan", "Klostergatan", "Bryggaregatan", "Slottsgatan", "Ringvägen",
    "Österlenvägen", "Backavägen", "Smedjegatan", "Hantverkaregatan", "Bäckvägen", "Körsbärsvägen",
)  # fmt: skip
#: city, postal code prefixes, service location, weight, landline area code
CITIES = (
    ("Malmö", ("211", "212", "213", "214", "215", "216", "217", "218"), "MALMO", 24, "040"),
    ("Lund", ("222", "223", "224", "226", "227"), "LUND", 10, "046"),
    ("Helsingborg", ("252", "253", "254", "256"), "HBG", 12, "042"),
    ("Kristianstad", ("291",), "KSTAD", 7, "044"),
    ("Landskrona", ("261",), "HBG", 4, "0418"),
    ("Trelleborg", ("231",), "MALMO", 4, "0410"),
    ("Ystad", ("271",), "LUND", 3, "0411"),
    ("Hässleholm", ("281",), "KSTAD", 5, "0451"),
    ("Eslöv", ("241",), "LUND", 3, "0413"),
    ("Ängelholm", ("262",), "HBG", 4, "0431"),
    ("Höganäs", ("263",), "HBG", 2, "042"),
    ("Staffanstorp", ("245",), "LUND", 2, "046"),
    ("Vellinge", ("235",), "MALMO", 3, "040"),
    ("Svedala", ("233",), "MALMO", 2, "040"),
    ("Höör", ("243",), "LUND", 1.5, "0413"),
    ("Simrishamn", ("272",), "KSTAD", 2, "0414"),
    ("Åhus", ("296",), "KSTAD", 1, "044"),
    ("Sjöbo", ("275",), "LUND", 1.5, "0416"),
    ("Arlöv", ("232",), "MALMO", 2, "040"),
    ("Klippan", ("264",), "HBG", 1.5, "0435"),
    ("Båstad", ("269",), "HBG", 1.5, "0431"),
    ("Osby", ("283",), "KSTAD", 1, "0479"),
    ("Tomelilla", ("273",), "KSTAD", 1, "0417"),
    ("Kävlinge", ("244",), "LUND", 2, "046"),
    ("Lomma", ("234",), "LUND", 2, "040"),
)
CITY_WEIGHTS = tuple(itertools.accumulate(c[3] for c in CITIES))
OTHER_REGIONS = (
    ("Region Halland", ("Halmstad", "302"), ("Laholm", "312")),
    ("Region Blekinge", ("Karlshamn", "374"), ("Karlskrona", "371")),
    ("Region Kronoberg", ("Växjö", "352"), ("Ljungby", "341")),
)
ABROAD = (
    ("Tyskland", "Hauptstraße", "24103", "Kiel"),
    ("Danmark", "Strandvejen", "2100", "København Ø"),
    ("Polen", "ul. Długa", "80-827", "Gdańsk"),
    ("Norge", "Storgata", "0155", "Oslo"),
)
FAULTS = (
    "Ljudet försvinner periodvis.",
    "Brusar och tjuter trots ny dome.",
    "Laddar inte, lampan blinkar orange.",
    "Svagt ljud på höger sida.",
    "Går inte att para ihop med telefonen.",
    "Fukt i batterifacket, startar inte.",
)
PICKUP_COMMENTS = {
    PickupReason.MODEL_UNSUITABLE: "Modellen passar inte, patienten har fått en annan modell.",
    PickupReason.WRONG_ORDER: "Fel beställd färg.",
    PickupReason.PATIENT_DECEASED: "Patienten är avliden, anhörig har lämnat in hjälpmedlet.",
    PickupReason.CHANGED_MIND: "Patienten har ångrat sig.",
    PickupReason.OTHER: "Ersatt efter utprovning.",
}
from app.fees import FEE_AGE, TARIFF, charger_bill_on  # noqa: E402 - the tariff lives with the fee rules (R21, R22)

FEE_AMOUNTS = {kind: float(amount) for kind, amount in TARIFF.items()}  # raw rows store floats
HISTORY_DAYS = 8 * 365  # how far back the delivered orders go


class _Made(NamedTuple):
    """An individual just made: its id, individual number and SIP number (if it carries one)."""

    id: str
    number: str
    sip: str | None


class _Patient(NamedTuple):
    id: str
    identity: str
    first: str
    last: str
    birth: int  # date ordinal
    deceased: int  # date ordinal, 0 when alive
    location: str  # service location key
    protected: bool
    street: str
    postal_code: str
    city: str
    phone: str


# ------------------------------------------------------------------------------------------------ builder


@dataclass
class _Plan:
    """How many individuals of each fate the bulk part makes."""

    linked: int  # delivered to a patient (then maybe on pickup, in repair, or returned)
    transit: int
    repair: int
    returned: int
    in_stock: int
    reserved: int
    blocked: int
    scrapped: int
    investigation: int


class _Builder:
    def __init__(
        self,
        writer: _Writer,
        scale: Scale,
        seed: int,
        today: dt.date,
        progress: Progress | None,
    ) -> None:
        self.writer = writer
        self.scale = scale
        self.seed = seed
        self.today = today.toordinal()
        self.stamp = _stamp(self.today, 5 * 60)
        self.progress = progress
        self.tables: dict[str, _Table] = {}
        self.examples: dict[str, str] = {}
        self.numbers: dict[str, str] = {}
        self.running: dict[str, int] = {}  # year-week → the last running number handed out
        self.used_identities: set[str] = set()
        self.locations = {
            loc.key: _Location(**{k: v for k, v in vars(loc).items() if k not in ("prescribers", "orderers")})
            for loc in LOCATIONS
        }
        self.warehouses: dict[str, str] = {}
        self.users: dict[str, str] = {}
        self.user_names: dict[str, tuple[str, str]] = {}  # id → (full name, phone)
        self.suppliers: dict[str, str] = {}
        self.articles: list[_Art] = []
        self.article_index: dict[str, int] = {}  # article id → position in ``articles``
        self.showcase: dict[str, _Art] = {}
        self.services: dict[str, _Art] = {}
        self.patients: list[_Patient] = []
        self.shown: dict[str, list[_Patient]] = {}
        self.individual_serial = 0
        #: (warehouse id, article index) → [(day ordinal, quantity, order id)] withdrawals to cover.
        self.withdrawals: dict[tuple[str, int], list[tuple[int, int, str]]] = {}
        # The tables with most rows take them by position, in these orders (see _Table.positional).
        self._patient_row = self.table(Patient).positional(
            "id identity_number identity_kind first_name last_name first_name_key last_name_key birth_date "
            "street postal_code city phone home_region residency country protected_identity deceased_on "
            "active lma_card_valid_until replaced_by_id"
        )
        self._order_row = self.table(Order).positional(
            "id number kind status patient_id prescriber_id orderer_id service_location_id delivery_method "
            "delivery_name delivery_street delivery_postal_code delivery_city contact_name contact_phone "
            "comment logistics_started created_at sent_at"
        )
        self._line_row = self.table(OrderLine).positional(
            "id order_id line_number article_id quantity deliver_from_warehouse_id status unit_price comment "
            "planned_delivery_on delivered_on purchase_order_id"
        )
        self._individual_row = self.table(Individual).positional(
            "id individual_number serial_number sip_number article_id owner_colour status warehouse_id "
            "patient_id order_line_id purchase_date purchase_price last_maintenance_on free_text"
        )
        self._event_row = self.table(IndividualEvent).positional(
            "id individual_id occurred_at status warehouse_id patient_id user_id document_kind document_id "
            "note"
        )
        self._movement_row = self.table(StockMovement).positional(
            "id warehouse_id article_id quantity reason unit_price document_kind document_id individual_id "
            "user_id occurred_at"
        )
        self._fee_row = self.table(Fee).positional(
            "id kind status patient_id article_id order_line_id individual_id amount bill_on created_at"
        )

    # --- plumbing

    def table(self, model: Any) -> _Table:
        name = model.__tablename__
        if name not in self.tables:
            table = self.tables[name] = _Table(self.writer, model.__table__, self.stamp)
            parents = {key.column.table.name for key in model.__table__.foreign_keys}
            table.parents = [t for t in self.tables.values() if t.name in parents]
            for other in self.tables.values():
                if name in {key.column.table.name for key in Base.metadata.tables[other.name].foreign_keys}:
                    other.parents.append(table)
        return self.tables[name]

    def rng(self, area: str) -> random.Random:
        return random.Random(f"hearing-desk-demo/{self.seed}/{area}")

    def report(self, stage: str, fraction: float) -> None:
        if self.progress is not None:
            self.progress(stage, fraction)

    def number(self, day: int) -> str:
        """The next ``YYWWNNNN`` in the week of *day* (R15): every kind of document draws from the week's
        one sequence, so a number names one document."""
        week = year_week(dt.date.fromordinal(day))
        running = self.running.get(week, 0) + 1
        if running > 9999:
            raise RuntimeError(f"demo data ran out of numbers in week {week}")
        self.running[week] = running
        return f"{week}{running:04d}"

    def build(self) -> None:
        steps: tuple[tuple[str, Callable[[], None], float], ...] = (
            ("Service locations, warehouses and users", self.organisation, 0.0),
            ("Suppliers, ISO 9999 tree and catalogue", self.catalogue, 0.01),
            ("Showcase patients", self.showcase_patients, 0.03),
            ("Patients", self.bulk_patients, 0.04),
            ("Showcase orders, returns, pickups and activities", self.showcase_history, 0.12),
            ("Delivered aids with their orders", self.bulk_holdings, 0.13),
            ("Individuals in stock", self.bulk_stock, 0.65),
            ("Stock ledger of consumables", self.ledger, 0.8),
            ("Number blocks", self.number_blocks, 0.9),
        )
        for stage, step, fraction in steps:
            self.report(stage, fraction)
            step()
        self.report("Writing the last rows", 0.93)
        for table in list(self.tables.values()):
            table.flush()

    # --- organisation

    def organisation(self) -> None:
        rng = self.rng("organisation")
        for loc in self.locations.values():
            loc.id = _new_id(rng)
            self.table(ServiceLocation).add(
                id=loc.id,
                code=loc.code,
                name=loc.name,
                street=loc.street,
                postal_code=loc.postal_code,
                city=loc.city,
                phone=loc.phone,
                is_private=loc.private,
            )
        warehouses = [
            (CENTRAL, "Centrallager Hörsel, Hjälpmedelscentrum", WarehouseKind.CENTRAL, None),
            (DIRECT, "Direktleverans från leverantör", WarehouseKind.DIRECT_PURCHASE, None),
            *(
                (code, f"Eget förråd {self.locations[key].name}", WarehouseKind.OWN_STOCK, key)
                for key, code in OWN_STOCK_CODES.items()
            ),
            (INVESTIGATION, "Utredningslager (inventering)", WarehouseKind.INVESTIGATION, None),
        ]
        for code, name, kind, key in warehouses:
            self.warehouses[code] = _new_id(rng)
            self.table(Warehouse).add(
                id=self.warehouses[code],
                code=code,
                name=name,
                kind=kind.value,
                service_location_id=self.locations[key].id if key else None,
            )
            if key:
                self.locations[key].own_stock = self.warehouses[code]
        for username, full_name, title, roles, keys, deliver_from in USERS:
            user_id = self.users[username] = _new_id(rng)
            private = self.locations[keys[0]].private
            phone = f"{self.locations[keys[0]].phone[:-5]}{rng.randint(10, 99)} {rng.randint(10, 99)}"
            self.user_names[user_id] = (full_name, phone)
            domain = "horselkliniken.example" if private else "skane.example"
            self.table(User).add(
                id=user_id,
                username=username,
                full_name=full_name,
                title=title,
                phone=phone,
                email=f"{username}@{domain}",
                default_service_location_id=self.locations[keys[0]].id,
                default_deliver_from=deliver_from.value,
            )
            for role in roles:
                self.table(UserRole).add(id=_new_id(rng), user_id=user_id, role=role.value)
            for key in keys:
                self.table(UserServiceLocation).add(
                    id=_new_id(rng), user_id=user_id, service_location_id=self.locations[key].id
                )
                if PRESCRIBER in roles:
                    self.locations[key].prescribers.append(user_id)
        by_name = {u[0]: u for u in USERS}
        for orderer, prescribers in PRESCRIBER_LINKS.items():
            for prescriber in prescribers:
                self.table(PrescriberLink).add(
                    id=_new_id(rng), orderer_id=self.users[orderer], prescriber_id=self.users[prescriber]
                )
            if AID_CENTRE in by_name[orderer][3]:
                continue  # the aid centre orders only what a desk may not: not part of a clinic's staff
            for key in by_name[orderer][4]:
                here = [self.users[p] for p in prescribers if key in by_name[p][4]]
                self.locations[key].orderers[self.users[orderer]] = here

    # --- catalogue

    def catalogue(self) -> None:
        rng = self.rng("catalogue")
        for supplier in SUPPLIERS:
            self.suppliers[supplier.key] = _new_id(rng)
            slug = supplier.brand.lower()
            self.table(Supplier).add(
                id=self.suppliers[supplier.key],
                number=supplier.number,
                name=supplier.name,
                gln=_gln(f"73{rng.randrange(10**10):010d}"),
                street=supplier.street,
                postal_code=supplier.postal_code,
                city=supplier.city,
                email=f"order@{slug}.example",
                phone=supplier.phone,
            )
        for code, title in ISO_CODES:
            self.table(IsoCode).add(id=_new_id(rng), code=code, title=title)

        categories = {c.key: c for c in CATEGORIES}
        services = [(name, price, "nordic") for name, price in SERVICES] + [
            (f"{kind} {BRAND[s]}", 0.0, s) for s in HEARING_SUPPLIERS for kind in SUPPLIER_SERVICES
        ]
        total = max(self.scale.articles, len(SHOWCASE_ARTICLES) + len(services))
        numbers = iter(rng.sample(range(100_000, 1_000_000), total))
        names: set[str] = set()

        for key, category_key, spec, price, status in SHOWCASE_ARTICLES:
            art = self.article(rng, categories[category_key], spec, next(numbers), price=price, status=status)
            self.showcase[key] = art
            names.add(spec.name)
        for name, price, supplier_key in services:
            spec = _Spec(name, supplier_key, "220699")
            art = self.article(rng, None, spec, next(numbers), price=price, status=ArticleStatus.ACTIVE)
            self.services[name] = art
            names.add(name)

        taken = Counter(category for _key, category, *_rest in SHOWCASE_ARTICLES)
        for category, count in zip(CATEGORIES, self.allocate(total - len(names), taken), strict=True):
            if count == 0:
                continue
            picks = rng.sample(range(category.space), min(category.space, count + taken[category.key]))
            made = 0
            for index in picks:
                spec = category.spec(index)
                if spec.name in names:
                    continue
                names.add(spec.name)
                self.article(rng, category, spec, next(numbers))
                made += 1
                if made == count:
                    break
        self.numbers.update(
            article_hearing_aid=self.showcase["aid_rechargeable"].number,
            article_outgoing=self.showcase["aid_classic"].number,
            article_outgone=self.showcase["aid_outgone"].number,
            article_charger=self.showcase["charger"].number,
            article_unpriced=self.showcase["mould_unpriced"].number,
            article_education=self.services["Utbildning, timme"].number,
        )

    @staticmethod
    def allocate(total: int, taken: Counter[str]) -> list[int]:
        """How many articles of each category: minimums first, then by weight, capped by the names
        there are (less those *taken* by the showcase)."""
        room = [c.space - taken[c.key] for c in CATEGORIES]
        counts = [min(c.minimum, room[i]) for i, c in enumerate(CATEGORIES)]
        left = total - sum(counts)
        while left > 0:
            open_ = [i for i in range(len(CATEGORIES)) if counts[i] < room[i]]
            if not open_:
                break
            weight = sum(CATEGORIES[i].weight for i in open_)
            given = 0
            for i in open_:
                share = min(room[i] - counts[i], max(1, int(left * CATEGORIES[i].weight / weight)))
                share = min(share, left - given)
                counts[i] += share
                given += share
                if given == left:
                    break
            left -= given
        return counts

    def article(
        self,
        rng: random.Random,
        category: _Category | None,
        spec: _Spec,
        number: int,
        *,
        price: float | None = None,
        status: ArticleStatus | None = None,
    ) -> _Art:
        supplier_key = spec.supplier
        if status is None:
            roll = rng.random() + spec.generation * 0.06
            status = (
                ArticleStatus.ACTIVE
                if roll < 0.9
                else ArticleStatus.OUTGOING
                if roll < 1.05
                else ArticleStatus.OUTGONE
            )
        if price is None:
            assert category is not None
            low, high = category.prices
            if category.key == "hearing_aid":
                span = (high - low) / 4
                low, high = high - span * (spec.price_tier + 1), high - span * spec.price_tier
            price = 0.0 if rng.random() < 0.03 else round(rng.uniform(low, high), -1 if high > 500 else 0)
        if category is None:  # a service
            article_type, marked, fee_rule, unit, pack = ArticleType.SERVICE, False, FeeRule.NONE, "st", 1
            category_key = "service"
        else:
            article_type, marked, unit, pack = (
                category.article_type,
                category.marked,
                category.unit,
                category.pack_size,
            )
            category_key = category.key
            fee_rule = category.fee_rule
            if category.key == "hearing_aid" and spec.rechargeable:
                fee_rule = FeeRule.SELF_FEE_RECHARGEABLE
        supplier_number = self.supplier_article_number(rng, supplier_key)
        gtin = None if category is None else _gtin(supplier_key, number, pack)
        art = _Art(
            id=_new_id(rng),
            number=str(number),
            name=spec.name,
            supplier=supplier_key,
            category=category_key,
            marked=marked,
            rechargeable=spec.rechargeable,
            sip=spec.sip,
            fee_rule=fee_rule,
            price=price,
            status=status,
            family=spec.family,
            popularity=rng.paretovariate(1.6)
            * {ArticleStatus.ACTIVE: 1.0, ArticleStatus.OUTGOING: 0.5, ArticleStatus.OUTGONE: 0.2}[status]
            / (1 + spec.generation * 0.3),
            gtin=gtin,
        )
        supplier_name = next(s.name for s in SUPPLIERS if s.key == supplier_key)
        self.table(Article).add(
            id=art.id,
            article_number=art.number,
            name=art.name,
            supplier_id=self.suppliers[supplier_key],
            supplier_article_number=supplier_number,
            iso_code=spec.iso,
            article_type=article_type.value,
            status=status.value,
            unit=unit,
            pack_size=pack,
            price=price,
            individually_marked=marked,
            rechargeable=spec.rechargeable,
            fee_rule=fee_rule.value,
            in_assortment=status is not ArticleStatus.OUTGONE,
            reorder_level=_reorder_level(article_type, number),
            gtin=gtin,
            search_key=f"{art.name} {supplier_name} {supplier_number} {art.number}".lower(),
        )
        self.article_index[art.id] = len(self.articles)
        self.articles.append(art)
        return art

    @staticmethod
    def supplier_article_number(rng: random.Random, supplier: str) -> str:
        n = rng.randrange(10**7)
        return {
            "oticon": f"{n % 10**6:06d}",
            "phonak": f"0{n % 100:02d}-{n // 100 % 10**4:04d}",
            "signia": f"1{n:07d}",
            "resound": f"E{n % 10**4:04d}-{n // 10**4 % 100:02d}",
            "widex": f"WX{n % 10**6:06d}",
            "bernafon": f"BF-{n % 10**5:05d}",
            "starkey": f"{n % 10**5:05d}-{n // 10**5 % 100:02d}",
            "nordic": f"HB{n % 10**5:05d}",
            "bellman": f"BE{n % 10**4:04d}",
        }[supplier]

    # --- patients

    def identity(self, rng: random.Random, birth: int, kind: IdentityKind, male: bool | None = None) -> str:
        """A unique identity number for the birth date *birth* (the serial's last digit gives the sex)."""
        date = dt.date.fromordinal(birth)
        while True:
            if kind is IdentityKind.RESERVE:
                letters = "".join(rng.choice("ABCDEFGHJKLMNPRSTUVWXZ") for _ in range(4))
                number = f"{date:%Y%m%d}{letters}"
            else:
                serial = rng.randrange(1000)
                if male is not None and serial % 2 != int(male):
                    serial = (serial + 1) % 1000
                number = make_identity_number(date, serial, coordination=kind is IdentityKind.COORDINATION)
            if number not in self.used_identities:
                self.used_identities.add(number)
                return number

    def address(self, rng: random.Random) -> tuple[str, str, str, str, str]:
        """Street, postal code, city, service location key, landline area code (weighted by population)."""
        city, prefixes, location, _weight, area = CITIES[
            bisect.bisect(CITY_WEIGHTS, rng.random() * CITY_WEIGHTS[-1])
        ]
        number = rng.randint(1, 120)
        letter = rng.choice(("", "", "", "", "A", "B"))
        return (
            f"{rng.choice(STREETS)} {number}{letter}",
            f"{rng.choice(prefixes)} {rng.randint(10, 99)}",
            city,
            location,
            area,
        )

    @staticmethod
    def phone(rng: random.Random, area: str) -> str:
        if rng.random() < 0.82:
            return (
                f"07{rng.choice('02369')}-{rng.randint(100, 999)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
            )
        if len(area) == 3:  # 040-12 34 56
            return f"{area}-{rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}"
        return f"{area}-{rng.randint(100, 999)} {rng.randint(10, 99)}"  # 0411-123 45

    def patient(
        self,
        rng: random.Random,
        *,
        birth: int,
        kind: IdentityKind = IdentityKind.PERSONAL,
        first: str | None = None,
        last: str | None = None,
        male: bool | None = None,
        residency: str = "resident",
        home_region: str = "Region Skåne",
        country: str = "",
        protected: bool = False,
        deceased: int = 0,
        active: bool = True,
        lma_until: int = 0,
        phone: str | None = None,
        address: tuple[str, str, str] | None = None,
        location: str | None = None,
        replaced_by: str | None = None,
    ) -> _Patient:
        if male is None:
            male = rng.random() < 0.48
        first = first or rng.choice(MALE if male else FEMALE)
        last = last or rng.choice(LAST)
        street, postal, city, home_location, area = self.address(rng)
        if address is not None:
            street, postal, city = address
        if protected:
            street, postal, city = FORWARDING_ADDRESS
        if phone is None:
            phone = "" if rng.random() < 0.03 else self.phone(rng, area)
        location = location or ("PRIVAT" if rng.random() < 0.05 else home_location)
        identity = self.identity(rng, birth, kind, male)
        row = _Patient(
            _new_id(rng),
            identity,
            first,
            last,
            birth,
            deceased,
            location,
            protected,
            street,
            postal,
            city,
            phone,
        )
        self._patient_row(
            row.id,
            identity,
            kind.value,
            first,
            last,
            _name_key(first),
            _name_key(last),
            _day(birth),
            street,
            postal,
            city,
            phone,
            home_region,
            residency,
            country,
            protected,
            _day(deceased) if deceased else None,
            active,
            _day(lma_until) if lma_until else None,
            replaced_by,
        )
        return row

    def birth(self, rng: random.Random) -> int:
        """A birth date 1925–2024, most patients old (hearing loss comes with age)."""
        roll = rng.random()
        first, last = (1925, 1960) if roll < 0.62 else (1961, 2004) if roll < 0.9 else (2005, 2024)
        start = dt.date(first, 1, 1).toordinal()
        return start + rng.randrange(dt.date(last, 12, 31).toordinal() - start + 1)

    def showcase_patients(self) -> None:
        """The patients of every kind the rules name, several of each; the first of each is an example."""
        rng = self.rng("showcase-patients")
        today = self.today
        year = 365

        def born(y: int, m: int, d: int) -> int:
            return dt.date(y, m, d).toordinal()

        lund = ("Trädgårdsgatan 14", "222 21", "Lund")
        halmstad = ("Storgatan 31", "302 43", "Halmstad"), ("Laholmsvägen 8", "302 56", "Halmstad")
        karlshamn, vaxjo = ("Ronnebygatan 12", "374 35", "Karlshamn"), ("Linnégatan 5", "352 33", "Växjö")
        kiel, copenhagen = ("Hauptstraße 17", "24103", "Kiel"), ("Strandvejen 140", "2100", "København Ø")
        gdansk, oslo = ("ul. Długa 22", "80-827", "Gdańsk"), ("Storgata 9", "0155", "Oslo")
        personal, reserve, coordination = (
            IdentityKind.PERSONAL,
            IdentityKind.RESERVE,
            IdentityKind.COORDINATION,
        )
        # key, first name, last name, male, born, identity kind, service location, other fields
        # fmt: off
        people: tuple[tuple[str, str, str, bool, tuple[int, int, int], IdentityKind, str, dict[str, Any]], ...] = (
            ("ordinary", "Karin", "Lindqvist", False, (1948, 3, 12), personal, "LUND", {"phone": "070-123 45 67", "address": lund}),
            ("ordinary", "Göran", "Åkesson", True, (1961, 9, 2), personal, "MALMO", {}),
            ("ordinary", "Märta", "Håkansson", False, (1939, 11, 23), personal, "HBG", {}),
            ("no_phone", "Stig", "Mårtensson", True, (1944, 6, 30), personal, "LUND", {"phone": ""}),
            ("protected", "Eva", "Skyddad", False, (1972, 4, 17), personal, "LUND", {"protected": True}),
            ("protected", "Johan", "Skyddad", True, (1958, 1, 29), personal, "LUND", {"protected": True}),
            ("protected", "Alva", "Skyddad", False, (2011, 10, 6), personal, "MALMO", {"protected": True}),
            ("reserve_child", "Amira", "Al-Sayed", False, (2016, 5, 12), reserve, "MALMO", {"residency": "asylum_seeker", "lma_until": today + 200}),
            ("reserve_child", "Yusuf", "Hassan", True, (2010, 1, 3), reserve, "MALMO", {"residency": "undocumented"}),
            ("reserve_adult", "Dragan", "Petrović", True, (1979, 8, 21), reserve, "MALMO", {"residency": "undocumented", "phone": ""}),
            ("reserve_adult", "Leila", "Ahmadi", False, (1986, 2, 14), reserve, "MALMO", {"residency": "asylum_seeker", "lma_until": today - 30}),
            ("other_region_with_commitment", "Bengt", "Ohlsson", True, (1950, 7, 9), personal, "HBG", {"residency": "other_region", "home_region": "Region Halland", "address": halmstad[0]}),
            ("other_region_with_commitment", "Inger", "Strand", False, (1947, 7, 21), personal, "HBG", {"residency": "other_region", "home_region": "Region Halland", "address": halmstad[1]}),
            ("other_region_without_commitment", "Magnus", "Axelsson", True, (1955, 10, 16), personal, "KSTAD", {"residency": "other_region", "home_region": "Region Blekinge", "address": karlshamn}),
            ("other_region_without_commitment", "Siv", "Ek", False, (1938, 2, 2), personal, "KSTAD", {"residency": "other_region", "home_region": "Region Kronoberg", "address": vaxjo}),
            ("abroad", "Klaus", "Becker", True, (1957, 12, 5), reserve, "MALMO", {"residency": "abroad", "home_region": "", "country": "Tyskland", "address": kiel}),
            ("abroad", "Mette", "Nielsen", False, (1966, 4, 30), coordination, "MALMO", {"residency": "abroad", "home_region": "", "country": "Danmark", "address": copenhagen}),
            ("abroad_without_certificate", "Agnieszka", "Nowak", False, (1949, 3, 28), reserve, "MALMO", {"residency": "abroad", "home_region": "", "country": "Polen", "address": gdansk}),
            ("abroad_without_certificate", "Ola", "Haugen", True, (1971, 8, 14), reserve, "HBG", {"residency": "abroad", "home_region": "", "country": "Norge", "address": oslo}),
            ("deceased", "Bengt", "Håkansson", True, (1933, 2, 8), personal, "MALMO", {"deceased": today - 20}),
            ("deceased", "Ingegerd", "Nyström", False, (1929, 9, 19), personal, "LUND", {"deceased": today - 45}),
            ("inactive", "Sture", "Lindholm", True, (1941, 5, 5), personal, "LUND", {"active": False}),
            ("inactive", "Barbro", "Palm", False, (1968, 8, 8), personal, "HBG", {"active": False}),
            ("coordination", "Piotr", "Kowalski", True, (1990, 6, 15), coordination, "MALMO", {}),
            ("coordination", "Jelena", "Jovanović", False, (1984, 12, 1), coordination, "LUND", {}),
            ("reserve_replacement", "Omar", "Ali", True, (2015, 3, 3), personal, "MALMO", {}),
        )
        # fmt: on
        shown: dict[str, list[_Patient]] = {}
        for key, first, last, male, (y, m, d), kind, location, fields in people:
            fields.setdefault("phone", self.phone(rng, "046"))
            patient = self.patient(
                rng,
                birth=born(y, m, d),
                kind=kind,
                first=first,
                last=last,
                male=male,
                location=location,
                **fields,
            )
            shown.setdefault(key, []).append(patient)
        # R7: a reserve number replaced by a personal identity number; the aids moved to the new number.
        new = shown["reserve_replacement"][0]
        replaced = self.patient(
            rng,
            birth=new.birth,
            kind=reserve,
            first=new.first,
            last=new.last,
            male=True,
            residency="asylum_seeker",
            lma_until=today - 100,
            replaced_by=new.id,
            location="MALMO",
            phone=new.phone,
        )
        shown["reserve_replaced"] = [replaced]

        self.shown = shown
        for key, rows in shown.items():
            self.examples[key] = rows[0].identity

        # What the rules need stored beside them (R6, R7, R8).
        with_commitment = shown["other_region_with_commitment"]
        for number, patient in enumerate(with_commitment, start=1):
            self.table(PaymentCommitment).add(
                id=_new_id(rng),
                patient_id=patient.id,
                home_region="Region Halland",
                reference=f"HAL-{dt.date.fromordinal(today).year}-{4400 + number}",
                received_on=_day(today - 40 - number),
                valid_until=_day(today + year),
                note="Betalningsförbindelse för hörapparater, båda öronen.",
                created_at=_stamp(today - 40 - number, 10 * 60),
            )
        for patient, (certificate, reference) in zip(
            shown["abroad"],
            (("EU-kort (EHIC)", "80276-0012345678"), ("Intyg S1", "DK-S1-2291-55")),
            strict=True,
        ):
            self.table(ForeignCertificate).add(
                id=_new_id(rng),
                patient_id=patient.id,
                kind=certificate,
                reference=reference,
                valid_until=_day(today + 2 * year),
                recorded_on=_day(today - 15),
            )
        for patient in shown["reserve_adult"]:
            self.table(UrgentNeedDecision).add(
                id=_new_id(rng),
                patient_id=patient.id,
                prescriber_id=self.users["erik.audionom"],
                reason="Kan inte uppfatta tal i samtal; behovet kan inte vänta (arbete och vård).",
                decided_at=_stamp(today - 12, 11 * 60),
            )

    def bulk_patients(self) -> None:
        rng = self.rng("patients")
        count = max(0, self.scale.patients - sum(len(v) for v in self.shown.values()))
        today = self.today
        for _ in range(count):
            birth = self.birth(rng)
            roll = rng.random()
            kind = IdentityKind.PERSONAL
            extra: dict[str, Any] = {}
            if roll < 0.005:
                kind = IdentityKind.COORDINATION
            elif roll < 0.008:
                kind = IdentityKind.RESERVE
                extra = {"residency": rng.choice(("asylum_seeker", "undocumented"))}
                if extra["residency"] == "asylum_seeker":
                    extra["lma_until"] = today + rng.randint(-60, 300)
            elif roll < 0.018:
                region, (city, prefix), (city2, prefix2) = rng.choice(OTHER_REGIONS)
                city, prefix = rng.choice(((city, prefix), (city2, prefix2)))
                extra = {
                    "residency": "other_region",
                    "home_region": region,
                    "address": (
                        f"{rng.choice(STREETS)} {rng.randint(1, 90)}",
                        f"{prefix} {rng.randint(10, 99)}",
                        city,
                    ),
                }
            elif roll < 0.02:
                country, street, postal, city = rng.choice(ABROAD)
                kind = IdentityKind.RESERVE
                extra = {
                    "residency": "abroad",
                    "home_region": "",
                    "country": country,
                    "address": (f"{street} {rng.randint(1, 90)}", postal, city),
                }
            elif roll < 0.021:
                extra = {"protected": True, "last": "Skyddad"}
            # Drawn whatever the outcome, so the identity numbers do not depend on the day of the build.
            fate, days_ago = rng.random(), 3 + int(rng.random() * 700)
            if (today - birth) // 365 > 70 and fate < 0.006:
                extra["deceased"] = today - days_ago
            elif fate > 0.992:
                extra["active"] = False
            self.patients.append(self.patient(rng, birth=birth, kind=kind, **extra))

    # --- documents shared by the showcase and the bulk

    def order(
        self,
        rng: random.Random,
        *,
        kind: OrderKind,
        status: OrderStatus,
        location: _Location,
        created: int,
        orderer: str,
        prescriber: str | None = None,
        patient: _Patient | None = None,
        comment: str = "",
        logistics_started: bool = True,
    ) -> tuple[str, str]:
        """An order (numbered, sent); returns its id and number. Lines are added with ``line``."""
        order_id = _new_id(rng)
        number = self.number(created)
        minute = 8 * 60 + int(rng.random() * 510)
        unit = (location.name, location.street, location.postal_code, location.city)
        if patient is None or patient.protected:  # R5: a protected identity's go to the prescribing unit
            method, delivery = "clinic", unit
        elif rng.random() < 0.6:
            home = (f"{patient.first} {patient.last}", patient.street, patient.postal_code, patient.city)
            method, delivery = "patient_address", home
        else:
            method, delivery = "clinic", unit  # keys of app.orders.DELIVERY_METHODS
        name, phone = self.user_names[orderer]
        self._order_row(
            order_id,
            number,
            kind.value,
            status.value,
            patient.id if patient else None,
            prescriber,
            orderer,
            location.id,
            method,
            *delivery,
            name,
            phone,
            comment,
            logistics_started,
            _stamp(created, minute),
            _stamp(created, minute + 4),
        )
        return order_id, number

    def line(
        self,
        rng: random.Random,
        order_id: str,
        line_number: int,
        art: _Art,
        *,
        quantity: int = 1,
        warehouse: str | None = None,
        status: LineStatus = LineStatus.DELIVERED,
        planned: int = 0,
        delivered: int = 0,
        comment: str = "",
        purchase_order: str | None = None,
    ) -> str:
        line_id = _new_id(rng)
        self._line_row(
            line_id,
            order_id,
            line_number,
            art.id,
            quantity,
            warehouse or self.warehouses[CENTRAL],
            status.value,
            art.price,
            comment,
            _day(planned) if planned else None,
            _day(delivered) if delivered else None,
            purchase_order,
        )
        return line_id

    def individual(
        self,
        rng: random.Random,
        art: _Art,
        *,
        status: IndividualStatus,
        purchased: int,
        warehouse: str | None = None,
        patient: str | None = None,
        line: str | None = None,
        free_text: str = "",
    ) -> _Made:
        """An individual with its individual number, serial number and maybe a SIP number."""
        self.individual_serial += 1
        i = self.individual_serial
        individual_id = _new_id(rng)
        number = f"{100_000_000 + (i * 982_451_653 + self.seed * 7_919) % 900_000_000}"
        roll = rng.random()
        sip = (
            f"46{rng.choice(('40', '46', '42', '44'))}{(i * 7_121) % 10_000_000:07d}@sip.horsel.skane.example"
            if art.sip
            else None
        )
        maintained = (
            _day(purchased + rng.randint(200, 700))
            if art.category in ("alerting", "loop", "telephony") and purchased + 700 < self.today
            else None
        )
        colour = OwnerColour.BLUE if roll < 0.9 else OwnerColour.RED if roll < 0.96 else OwnerColour.GREEN
        self._individual_row(
            individual_id,
            number,
            demo_serial(art.supplier, i),
            sip,
            art.id,
            colour.value,
            status.value,
            warehouse,
            patient,
            line,
            _day(purchased),
            art.price,
            maintained,
            free_text,
        )
        return _Made(individual_id, number, sip)

    def event(
        self,
        rng: random.Random,
        individual: str,
        day: int,
        status: IndividualStatus,
        *,
        warehouse: str | None = None,
        patient: str | None = None,
        user: str | None = None,
        document: tuple[str, str | None] = ("", None),
        note: str = "",
    ) -> None:
        self._event_row(
            _new_id(rng),
            individual,
            _stamp(day, _working_minute(rng)),
            status.value,
            warehouse,
            patient,
            user,
            document[0],
            document[1],
            note,
        )

    def move(
        self,
        rng: random.Random,
        warehouse: str,
        art: _Art,
        quantity: int,
        reason: MovementReason,
        day: int,
        *,
        document: tuple[str, str | None] = ("", None),
        individual: str | None = None,
        user: str | None = None,
    ) -> None:
        self._movement_row(
            _new_id(rng),
            warehouse,
            art.id,
            quantity,
            reason.value,
            art.price,
            document[0],
            document[1],
            individual,
            user,
            _stamp(day, _working_minute(rng)),
        )

    def received(
        self,
        rng: random.Random,
        art: _Art,
        warehouse: str,
        day: int,
        user: str | None,
        *,
        status: IndividualStatus = IndividualStatus.IN_STOCK,
        now_in: str | None = "",
        free_text: str = "",
    ) -> _Made:
        """An individual received into *warehouse* on *day*, now with *status* in *now_in* (by default
        still *warehouse*; None when it has left every warehouse). The caller adds what happened since."""
        now_in = warehouse if now_in == "" else now_in
        made = self.individual(rng, art, status=status, purchased=day, warehouse=now_in, free_text=free_text)
        individual = made.id
        self.event(
            rng,
            individual,
            day,
            IndividualStatus.IN_STOCK,
            warehouse=warehouse,
            user=user,
            document=("goods_receipt", None),
        )
        self.move(
            rng,
            warehouse,
            art,
            1,
            MovementReason.GOODS_RECEIPT,
            day,
            document=("goods_receipt", None),
            individual=individual,
            user=user,
        )
        return made

    def delivered(
        self,
        rng: random.Random,
        art: _Art,
        *,
        patient: _Patient,
        order: tuple[str, str],
        line: str,
        day: int,
        orderer: str,
        status: IndividualStatus = IndividualStatus.DELIVERED,
        warehouse: str | None = None,
        keep_patient: bool = True,
    ) -> _Made:
        """An individual received at 70 and delivered to *patient* on *day* (then maybe more, by the caller)."""
        central = self.warehouses[CENTRAL]
        purchased = max(day - rng.randint(3, 200), patient.birth)
        made = self.individual(
            rng,
            art,
            status=status,
            purchased=purchased,
            warehouse=warehouse,
            patient=patient.id if keep_patient else None,
            line=line if keep_patient else None,
        )
        individual = made.id
        self.event(
            rng,
            individual,
            purchased,
            IndividualStatus.IN_STOCK,
            warehouse=central,
            document=("goods_receipt", None),
        )
        self.move(
            rng,
            central,
            art,
            1,
            MovementReason.GOODS_RECEIPT,
            purchased,
            document=("goods_receipt", None),
            individual=individual,
        )
        self.event(
            rng,
            individual,
            day,
            IndividualStatus.DELIVERED,
            patient=patient.id,
            user=orderer,
            document=("order", order[0]),
        )
        self.move(
            rng,
            central,
            art,
            -1,
            MovementReason.WITHDRAWAL,
            day,
            document=("order", order[0]),
            individual=individual,
            user=orderer,
        )
        return made

    def pickup(
        self,
        rng: random.Random,
        *,
        patient: _Patient,
        location: _Location,
        contact: str,
        day: int,
        reason: PickupReason,
        items: Iterable[tuple[str, str, _Art]],  # (individual id, order line id, article)
    ) -> str:
        """A registered pickup order to the central warehouse; its individuals are in transit (R28)."""
        pickup_id = _new_id(rng)
        number = self.number(day)
        self.table(PickupOrder).add(
            id=pickup_id,
            number=number,
            patient_id=patient.id,
            service_location_id=location.id,
            contact_user_id=contact,
            reason=reason.value,
            comment=PICKUP_COMMENTS[reason],
            status=PickupStatus.REGISTERED.value,
            checklist_completed=True,
            created_at=_stamp(day, rng.randint(8 * 60, 16 * 60)),
        )
        for individual, line, art in items:
            self.table(PickupOrderLine).add(
                id=_new_id(rng),
                pickup_order_id=pickup_id,
                order_line_id=line,
                individual_id=individual,
                article_id=art.id,
                quantity=1,
            )
            self.event(
                rng,
                individual,
                day,
                IndividualStatus.IN_TRANSIT,
                patient=patient.id,
                user=contact,
                document=("pickup_order", pickup_id),
            )
        return number

    def activity(
        self,
        rng: random.Random,
        *,
        kind: ActivityKind,
        status: ActivityStatus,
        patient: _Patient,
        location: _Location,
        orderer: str,
        day: int,
        service: _Art | None,
        supplier: str | None,
        individuals: Sequence[str] = (),
        wanted: str = "",
        fault: str = "",
        action: str = "",
    ) -> tuple[str, str]:
        activity_id = _new_id(rng)
        number = self.number(day)
        closed = status is ActivityStatus.CLOSED
        self.table(Activity).add(
            id=activity_id,
            number=number,
            kind=kind.value,
            status=status.value,
            patient_id=patient.id,
            service_location_id=location.id,
            orderer_id=orderer,
            service_article_id=service.id if service else None,
            supplier_id=self.suppliers[supplier] if supplier else None,
            wanted_action=wanted,
            fault_description=fault,
            return_street=location.street,
            return_postal_code=location.postal_code,
            return_city=location.city,
            action_taken=action,
            created_at=_stamp(day, rng.randint(8 * 60, 16 * 60)),
            closed_at=_stamp(min(day + rng.randint(5, 30), self.today), 15 * 60) if closed else None,
        )
        for individual in individuals:
            self.table(ActivityIndividual).add(
                id=_new_id(rng), activity_id=activity_id, individual_id=individual
            )
        return activity_id, number

    def stock_return(
        self,
        rng: random.Random,
        *,
        patient: _Patient,
        location: _Location,
        user: str,
        day: int,
        items: Iterable[tuple[str | None, str, _Art, int]],  # (individual id, order line id, article, qty)
        comment: str,
    ) -> tuple[str, str]:
        """A return from the patient to the location's own stock (R30); the balance goes up."""
        return_id = _new_id(rng)
        number = self.number(day)
        self.table(StockReturn).add(
            id=return_id,
            number=number,
            kind=ReturnKind.TO_OWN_STOCK.value,
            patient_id=patient.id,
            service_location_id=location.id,
            warehouse_id=location.own_stock,
            user_id=user,
            reason="Retur från patient",
            comment=comment,
            created_at=_stamp(day, rng.randint(8 * 60, 16 * 60)),
        )
        for individual, line, art, quantity in items:
            self.table(StockReturnLine).add(
                id=_new_id(rng),
                stock_return_id=return_id,
                order_line_id=line,
                individual_id=individual,
                article_id=art.id,
                quantity=quantity,
            )
            self.move(
                rng,
                location.own_stock,
                art,
                quantity,
                MovementReason.RETURN_FROM_PATIENT,
                day,
                document=("stock_return", return_id),
                individual=individual,
                user=user,
            )
            if individual:
                self.event(
                    rng,
                    individual,
                    day,
                    IndividualStatus.IN_STOCK,
                    warehouse=location.own_stock,
                    user=user,
                    document=("stock_return", return_id),
                    note=comment,
                )
        return return_id, number

    def fees(
        self, rng: random.Random, patient: _Patient, art: _Art, line: str, individual: str | None, day: int
    ) -> None:
        """The fees a delivery brings (R21, R22); only for deliveries of the last year."""
        if (
            self.today - day > 400
            or age_on(dt.date.fromordinal(patient.birth), dt.date.fromordinal(day)) <= FEE_AGE
        ):
            return
        kind = {
            FeeRule.PATIENT_FEE: FeeKind.PATIENT_FEE,
            FeeRule.SELF_FEE_RECHARGEABLE: FeeKind.SELF_FEE,
            FeeRule.CHARGER: FeeKind.CHARGER,
            FeeRule.CHARGING_KIT: FeeKind.CHARGING_KIT,
        }.get(art.fee_rule)
        if kind is None:
            return
        bill_on = charger_bill_day(day) if kind is FeeKind.CHARGER else day
        self._fee_row(
            _new_id(rng),
            kind.value,
            (FeeStatus.BILLED if bill_on <= self.today else FeeStatus.PLANNED).value,
            patient.id,
            art.id,
            line,
            individual,
            FEE_AMOUNTS[kind],
            _day(bill_on),
            _stamp(day, 15 * 60),
        )

    def staff(self, rng: random.Random, location: _Location) -> tuple[str, str]:
        """A prescriber at *location* and who orders for them (often a linked secretary)."""
        prescriber = rng.choice(location.prescribers)
        secretaries = [o for o, linked in location.orderers.items() if prescriber in linked]
        orderer = rng.choice(secretaries) if secretaries and rng.random() < 0.35 else prescriber
        return prescriber, orderer

    # --- showcase history

    def prescription(
        self,
        rng: random.Random,
        patient: _Patient,
        location: _Location,
        created: int,
        prescriber: str,
        orderer: str | None = None,
        *,
        status: OrderStatus = OrderStatus.DELIVERED,
        logistics_started: bool | None = None,
    ) -> tuple[str, str]:
        """A prescription with delivery from the aid service (R10a); returns its id and number."""
        return self.order(
            rng,
            kind=OrderKind.PRESCRIPTION,
            status=status,
            location=location,
            created=created,
            orderer=orderer or prescriber,
            prescriber=prescriber,
            patient=patient,
            logistics_started=status is not OrderStatus.SENT
            if logistics_started is None
            else logistics_started,
        )

    def consume(self, warehouse: str, art: _Art, day: int, quantity: int, order_id: str) -> None:
        """A withdrawal of an article that is not individually marked; ``ledger`` writes it with the
        receipts that cover it."""
        self.withdrawals.setdefault((warehouse, self.article_index[art.id]), []).append(
            (day, quantity, order_id)
        )

    def deliver(
        self,
        rng: random.Random,
        patient: _Patient,
        location: _Location,
        created: int,
        prescriber: str,
        items: Sequence[tuple[_Art, int]],
        *,
        orderer: str | None = None,
        lead_days: int = 7,
    ) -> list[tuple[str, _Made | None]]:
        """A prescription delivered from 70 *lead_days* after *created*, with its fees: one line per
        individual, one line per quantity of anything else. Returns (line id, individual) per line."""
        orderer = orderer or prescriber
        order = self.prescription(rng, patient, location, created, prescriber, orderer)
        day = created + lead_days
        lines: list[tuple[str, _Made | None]] = []
        for art, quantity in items:
            for _ in range(quantity if art.marked else 1):
                line = self.line(
                    rng, order[0], len(lines) + 1, art, quantity=1 if art.marked else quantity, delivered=day
                )
                made = None
                if art.marked:
                    made = self.delivered(
                        rng, art, patient=patient, order=order, line=line, day=day, orderer=orderer
                    )
                else:
                    self.consume(self.warehouses[CENTRAL], art, day, quantity, order[0])
                self.fees(rng, patient, art, line, made.id if made else None, day)
                lines.append((line, made))
        return lines

    def purchase_order(
        self, rng: random.Random, order_id: str, supplier: str, day: int, status: PurchaseOrderStatus
    ) -> tuple[str, str]:
        """The purchase order of one supplier for an order through warehouse 750 (R14)."""
        po_id, number = _new_id(rng), self.number(day)
        self.table(PurchaseOrder).add(
            id=po_id,
            number=number,
            order_id=order_id,
            supplier_id=self.suppliers[supplier],
            status=status.value,
            created_at=_stamp(day, 10 * 60),
        )
        return po_id, number

    # --- the showcase: documents around the example patients, the same at every scale

    def showcase_history(self) -> None:
        rng = self.rng("showcase-history")
        self.showcase_ordinary(rng)
        self.showcase_deceased(rng)
        self.showcase_deliveries(rng)
        self.showcase_receipts(rng)
        self.showcase_stock(rng)

    def showcase_ordinary(self, rng: random.Random) -> None:
        """Karin Lindqvist: something in each of the four lists of the patient view (R3)."""
        today, art, lund = self.today, self.showcase, self.locations["LUND"]
        anna, sara = self.users["anna.audionom"], self.users["sara.sekreterare"]
        karin = self.shown["ordinary"][0]
        classic, dome = art["aid_classic"], art["dome"]

        # Three years ago: a pair of classic aids with domes. The left aid came back to own stock
        # two months ago with a pack of domes (R30); the right one is on a pickup order (R28).
        created = today - 3 * 365 + 11
        order = self.prescription(rng, karin, lund, created, anna, sara)
        day = created + 9
        left_line = self.line(rng, order[0], 1, classic, delivered=day, comment="Vänster öra")
        right_line = self.line(rng, order[0], 2, classic, delivered=day, comment="Höger öra")
        dome_line = self.line(rng, order[0], 3, dome, quantity=3, delivered=day)
        self.consume(self.warehouses[CENTRAL], dome, day, 3, order[0])
        left = self.delivered(
            rng, classic, patient=karin, order=order, line=left_line, day=day, orderer=sara,
            status=IndividualStatus.IN_STOCK, warehouse=lund.own_stock, keep_patient=False,
        )  # fmt: skip
        right = self.delivered(
            rng, classic, patient=karin, order=order, line=right_line, day=day, orderer=sara,
            status=IndividualStatus.IN_TRANSIT,
        )  # fmt: skip
        self.activity(
            rng, kind=ActivityKind.WARRANTY_REPAIR, status=ActivityStatus.CLOSED, patient=karin, location=lund,
            orderer=sara, day=created + 200, service=self.services["Garantireparation Oticon"], supplier="oticon",
            individuals=[right.id], wanted="Kontroll och reparation", fault=FAULTS[1],
            action="Mikrofon bytt, apparaten fungerar.",
        )  # fmt: skip
        returned = self.stock_return(
            rng, patient=karin, location=lund, user=sara, day=today - 58,
            items=[(left.id, left_line, classic, 1), (None, dome_line, dome, 1)],
            comment="Byte till laddbar modell; vänster apparat fungerar och läggs i eget förråd.",
        )  # fmt: skip
        pickup = self.pickup(
            rng, patient=karin, location=lund, contact=sara, day=today - 5, reason=PickupReason.MODEL_UNSUITABLE,
            items=[(right.id, right_line, classic)],
        )  # fmt: skip

        # Two months ago: a rechargeable aid with its charger (self fee, charger fee, R21, R22) and
        # filters; a warranty repair of that aid is planned.
        lines = self.deliver(
            rng, karin, lund, today - 70, anna,
            [(art["aid_rechargeable"], 1), (art["charger"], 1), (art["filter"], 2)], lead_days=10,
        )  # fmt: skip
        aid = lines[0][1]
        assert aid is not None
        activity = self.activity(
            rng, kind=ActivityKind.WARRANTY_REPAIR, status=ActivityStatus.PLANNED, patient=karin, location=lund,
            orderer=anna, day=today - 2, service=self.services["Garantireparation Phonak"], supplier="phonak",
            individuals=[aid.id], wanted="Byte av hörtelefon", fault=FAULTS[0],
        )  # fmt: skip

        # Yesterday: an order from the central warehouse (a TV adapter and domes). A delivery from 70
        # arrives already received: it was settled when sent and counts as delivered in two days; until
        # then it is listed as ordered, and it can still be cancelled (logistics has not started).
        sent, arrives = today - 1, today + 2
        order = self.prescription(
            rng, karin, lund, sent, anna, sara, status=OrderStatus.DELIVERED, logistics_started=False
        )
        streamer_line = self.line(rng, order[0], 1, art["streamer"], planned=arrives, delivered=arrives)
        self.delivered(
            rng, art["streamer"], patient=karin, order=order, line=streamer_line, day=sent, orderer=sara
        )
        self.line(rng, order[0], 2, dome, quantity=2, planned=arrives, delivered=arrives)
        self.consume(self.warehouses[CENTRAL], dome, sent, 2, order[0])

        self.numbers.update(
            individual_delivered=aid.number,
            individual_in_transit=right.number,
            open_order=order[1],
            pickup_order=pickup,
            activity=activity[1],
            stock_return=returned[1],
        )

    def showcase_deceased(self, rng: random.Random) -> None:
        """The deceased still hold aids that must come back (R9); the second has one on its way."""
        art, erik, anna = self.showcase, self.users["erik.audionom"], self.users["anna.audionom"]
        bengt, ingegerd = self.shown["deceased"]
        self.deliver(
            rng, bengt, self.locations["MALMO"], bengt.deceased - 2 * 365, erik,
            [(art["aid_signia"], 2), (art["charging_kit"], 1)], lead_days=12,
        )  # fmt: skip
        lund, classic = self.locations["LUND"], art["aid_classic"]
        created = ingegerd.deceased - 400
        order = self.prescription(rng, ingegerd, lund, created, anna)
        pair = []
        for number, status in ((1, IndividualStatus.DELIVERED), (2, IndividualStatus.IN_TRANSIT)):
            line = self.line(rng, order[0], number, classic, delivered=created + 8)
            made = self.delivered(
                rng,
                classic,
                patient=ingegerd,
                order=order,
                line=line,
                day=created + 8,
                orderer=anna,
                status=status,
            )
            pair.append((made.id, line, classic))
        self.pickup(
            rng, patient=ingegerd, location=lund, contact=anna, day=self.today - 10,
            reason=PickupReason.PATIENT_DECEASED, items=pair[1:],
        )  # fmt: skip

    def showcase_deliveries(self, rng: random.Random) -> None:
        """Aids delivered to the other example patients, and the activities around them."""
        today, art = self.today, self.showcase
        lund, malmo, hbg = self.locations["LUND"], self.locations["MALMO"], self.locations["HBG"]
        anna, erik, johan = (
            self.users["anna.audionom"],
            self.users["erik.audionom"],
            self.users["johan.audionom"],
        )
        # Protected identity: delivered to the prescribing unit (R5). Inactive: still holds an aid (R4).
        self.deliver(rng, self.shown["protected"][0], lund, today - 300, anna, [(art["aid_rechargeable"], 1)])
        self.deliver(rng, self.shown["inactive"][0], lund, today - 900, anna, [(art["aid_classic"], 2)])
        # Out of region with a payment commitment: delivered, and the fitting reported (R6).
        patient = self.shown["other_region_with_commitment"][0]
        lines = self.deliver(rng, patient, hbg, today - 30, johan, [(art["aid_signia"], 2)])
        for line, _made in lines:
            self.table(FittingReport).add(
                id=_new_id(rng), patient_id=patient.id, order_line_id=line, reported_on=_day(today - 9)
            )
        # Reserve numbers (R7): a child's aid, and the aid that moved with a replaced reserve number.
        child = self.shown["reserve_child"][0]
        self.deliver(rng, child, malmo, today - 90, erik, [(art["aid_child"], 1)])
        self.deliver(
            rng, self.shown["reserve_replacement"][0], malmo, today - 20, erik, [(art["aid_child"], 2)]
        )
        # A loop for the child, installed (R24).
        ((_line, loop),) = self.deliver(rng, child, malmo, today - 60, erik, [(art["loop"], 1)], lead_days=10)
        assert loop is not None
        self.activity(
            rng, kind=ActivityKind.INSTALLATION, status=ActivityStatus.CLOSED, patient=child, location=malmo,
            orderer=erik, day=today - 48, service=self.services["Installation av hörslinga"], supplier="nordic",
            individuals=[loop.id], wanted="Installera rumsslinga i barnets sovrum.", action="Installerad och inmätt.",
        )  # fmt: skip
        # A SIP video phone (R38), and an outside-assortment application (R26) for the same patient.
        goran = self.shown["ordinary"][1]
        ((_line, phone),) = self.deliver(
            rng, goran, malmo, today - 120, erik, [(art["sip_phone"], 1)], lead_days=10
        )
        assert phone is not None and phone.sip is not None
        self.activity(
            rng, kind=ActivityKind.OUTSIDE_ASSORTMENT, status=ActivityStatus.ASSIGNED, patient=goran,
            location=malmo, orderer=erik, day=today - 1, service=None, supplier=None,
            wanted="Leverantör: Starkey Sverige AB. Artikel: Starkey Genesis AI 24 CIC, lev.art.nr 81234-02. "
            "CE-märkt enligt MDR. Behov: mycket trånga hörselgångar, ingen sortimentsapparat går att prova ut. "
            "Provat: Oticon Intent CIC och Phonak Virto; passade inte.",
        )  # fmt: skip
        self.numbers.update(individual_with_sip=phone.number, sip_number=phone.sip)

    def showcase_receipts(self, rng: random.Random) -> None:
        """Deliveries waiting for goods receipt (R18, R19) and one already received (R20)."""
        today, art = self.today, self.showcase
        lund, malmo = self.locations["LUND"], self.locations["MALMO"]
        direct, erik, lars = self.warehouses[DIRECT], self.users["erik.audionom"], self.users["lars.lager"]
        sent = PurchaseOrderStatus.SENT

        # A custom ear mould through 750, priced 0: the price is set at receipt (R19).
        order = self.prescription(
            rng, self.shown["ordinary"][1], malmo, today - 6, erik, status=OrderStatus.SENT
        )
        po, po_number = self.purchase_order(rng, order[0], "nordic", today - 6, sent)
        self.line(
            rng, order[0], 1, art["mould_unpriced"], warehouse=direct, status=LineStatus.OPEN, planned=today + 3,
            purchase_order=po, comment="Avtryck skickat med posten.",
        )  # fmt: skip
        self.numbers.update(order_awaiting_receipt=order[1], purchase_order_awaiting_receipt=po_number)

        # A replenishment of Lund's own stock: individually marked aids (numbers at receipt) and domes.
        order = self.order(
            rng, kind=OrderKind.REPLENISHMENT, status=OrderStatus.SENT, location=lund, created=today - 4,
            orderer=lars, logistics_started=False,
        )  # fmt: skip
        po, po_number = self.purchase_order(rng, order[0], "phonak", today - 4, sent)
        for number, (item, quantity) in enumerate(((art["aid_rechargeable"], 2), (art["dome"], 10)), start=1):
            self.line(
                rng, order[0], number, item, quantity=quantity, warehouse=direct, status=LineStatus.OPEN,
                planned=today + 2, purchase_order=po,
            )  # fmt: skip
        self.numbers.update(replenishment_awaiting_receipt=order[1], replenishment_purchase_order=po_number)
        # The two aids' boxes carry a UDI (GS1 DataMatrix): the article's GTIN, a production date and a serial
        # number that no device has yet (goods receipt fills the line's serial number from the scan).
        aid = art["aid_rechargeable"]
        made = _day(today - 20).replace("-", "")[2:]
        self.numbers.update(
            {
                f"udi_awaiting_receipt{suffix}": f"(01){aid.gtin}(11){made}(21){demo_serial(aid.supplier, unit)}"
                for suffix, unit in (("", 0), ("_second", -1))
            }
        )

        # Filters received into Lund's own stock a month ago, with the goods receipt.
        day = today - 30
        order = self.order(
            rng, kind=OrderKind.REPLENISHMENT, status=OrderStatus.DELIVERED, location=lund, created=day - 8,
            orderer=lars,
        )  # fmt: skip
        po, po_number = self.purchase_order(rng, order[0], "oticon", day - 8, PurchaseOrderStatus.RECEIVED)
        self.numbers.update(replenishment_received=order[1], purchase_order_received=po_number)
        receipt = _new_id(rng)
        self.table(GoodsReceipt).add(
            id=receipt, order_id=order[0], purchase_order_id=po, received_by_id=lars, service_location_id=lund.id,
            warehouse_id=lund.own_stock, received_at=_stamp(day, 13 * 60), delivery_note="FS-118842",
        )  # fmt: skip
        line = self.line(
            rng, order[0], 1, art["filter"], quantity=20, warehouse=direct, delivered=day, purchase_order=po
        )
        self.table(GoodsReceiptLine).add(
            id=_new_id(rng),
            goods_receipt_id=receipt,
            order_line_id=line,
            quantity=20,
            unit_price=art["filter"].price,
        )
        self.move(
            rng, lund.own_stock, art["filter"], 20, MovementReason.GOODS_RECEIPT, day,
            document=("goods_receipt", receipt), user=lars,
        )  # fmt: skip

    def showcase_stock(self, rng: random.Random) -> None:
        """Individuals to look up at the Lund desk: in own stock, with a SIP number, and one blocked (R32)."""
        today, art, lund, lars = self.today, self.showcase, self.locations["LUND"], self.users["lars.lager"]
        in_stock = self.received(rng, art["aid_rechargeable"], lund.own_stock, today - 25, lars)
        self.received(rng, art["sip_phone"], lund.own_stock, today - 25, lars)
        blocked = self.received(
            rng, art["aid_signia"], lund.own_stock, today - 80, lars, status=IndividualStatus.BLOCKED,
            free_text="Spärrat hjälpmedel: tillbud rapporterat, väntar på utredning.",
        )  # fmt: skip
        self.event(
            rng, blocked.id, today - 8, IndividualStatus.BLOCKED, warehouse=lund.own_stock, user=lars,
            note="Tillbud: överhettning vid laddning.",
        )  # fmt: skip
        self.numbers.update(individual_in_stock=in_stock.number, individual_blocked=blocked.number)

    # --- bulk: delivered aids

    def plan(self) -> _Plan:
        n = max(0, self.scale.individuals - self.individual_serial)
        linked = min(int(self.scale.patients * 1.75), int(n * 0.56))
        transit, repair, returned = max(4, n // 120), max(4, n // 120), max(4, n // 80)
        reserved, blocked, scrapped, investigation = (
            max(4, n // 100),
            max(3, n // 250),
            max(4, n // 50),
            max(3, n // 200),
        )
        in_stock = max(0, n - linked - reserved - blocked - scrapped - investigation)
        return _Plan(linked, transit, repair, returned, in_stock, reserved, blocked, scrapped, investigation)

    def weighted(
        self, categories: Iterable[str], *, in_stock: bool = False
    ) -> tuple[list[_Art], list[float]]:
        wanted = set(categories)
        arts = [a for a in self.articles if a.category in wanted]
        weights = [
            a.popularity * (0.1 if in_stock and a.status is ArticleStatus.OUTGONE else 1.0) for a in arts
        ]
        return arts, list(itertools.accumulate(weights))

    def bulk_holdings(self) -> None:
        """Patients' aids: orders delivered over the last years, some aids since then on a pickup order,
        in repair, or returned to own stock; with the consumables and fees of each order."""
        rng = self.rng("holdings")
        self.bulk_plan = plan = self.plan()
        patients = self.patients
        if not patients:
            return
        catalogue = _Assortment(self)
        older = list(itertools.accumulate(1.0 + max(0, self.today - p.birth) / 365 / 25 for p in patients))
        fates_left = {"transit": plan.transit, "repair": plan.repair, "returned": plan.returned}
        linked_left = plan.linked
        next_report = 0.0
        for _attempt in range(plan.linked * 20 + 100):
            if linked_left <= 0:
                break
            if 1 - linked_left / plan.linked >= next_report:
                self.report("Delivered aids with their orders", 0.13 + 0.52 * next_report)
                next_report += 0.1
            patient = patients[bisect.bisect(older, rng.random() * older[-1])]  # older patients more often
            end = (patient.deceased - 30) if patient.deceased else self.today - 3
            start = max(patient.birth + 120, self.today - HISTORY_DAYS)
            if end <= start:
                continue
            created = end - int((end - start) * rng.random() ** 1.7)  # recent orders more often
            day = min(created + 4 + int(rng.random() * 25), end)
            location = self.locations[patient.location]
            prescriber, orderer = self.staff(rng, location)
            items, extras = catalogue.order_contents(rng)
            items = items[:linked_left]
            order = self.prescription(rng, patient, location, created, prescriber, orderer)
            for number, art in enumerate(items, start=1):
                line = self.line(rng, order[0], number, art, delivered=day)
                linked_left -= 1
                fate = "delivered"
                if not patient.deceased:  # the deceased keep theirs (R9)
                    roll = rng.random() * (linked_left + 1)
                    for name, remaining in fates_left.items():
                        if roll < remaining:
                            fate = name
                            fates_left[name] -= 1
                            break
                        roll -= remaining
                made = self.aid_with_fate(
                    rng, fate, art, patient=patient, location=location, order=order, line=line, day=day,
                    orderer=orderer,
                )  # fmt: skip
                self.fees(rng, patient, art, line, made.id, day)
            for number, (art, quantity) in enumerate(extras, start=len(items) + 1):
                line = self.line(rng, order[0], number, art, quantity=quantity, delivered=day)
                self.consume(self.warehouses[CENTRAL], art, day, quantity, order[0])
                self.fees(rng, patient, art, line, None, day)

    def aid_with_fate(
        self,
        rng: random.Random,
        fate: str,
        art: _Art,
        *,
        patient: _Patient,
        location: _Location,
        order: tuple[str, str],
        line: str,
        day: int,
        orderer: str,
    ) -> _Made:
        """An individual delivered on *day*, then by *fate*: kept ("delivered"), on a pickup order
        ("transit", R28), in warranty repair ("repair", R23) or returned to own stock ("returned", R30)."""
        after = day + int(rng.random() * (self.today - day + 1))

        def hand_out(
            status: IndividualStatus = IndividualStatus.DELIVERED, warehouse: str | None = None
        ) -> _Made:
            return self.delivered(
                rng, art, patient=patient, order=order, line=line, day=day, orderer=orderer, status=status,
                warehouse=warehouse, keep_patient=warehouse is None,
            )  # fmt: skip

        if fate == "transit":
            made = hand_out(IndividualStatus.IN_TRANSIT)
            reason = rng.choice(
                (
                    PickupReason.MODEL_UNSUITABLE,
                    PickupReason.WRONG_ORDER,
                    PickupReason.CHANGED_MIND,
                    PickupReason.OTHER,
                )
            )
            self.pickup(
                rng, patient=patient, location=location, contact=orderer, day=after, reason=reason,
                items=[(made.id, line, art)],
            )  # fmt: skip
        elif fate == "repair":
            made = hand_out(IndividualStatus.IN_REPAIR)
            status = rng.choice((ActivityStatus.ASSIGNED, ActivityStatus.PLANNED, ActivityStatus.STARTED))
            service = self.services.get(
                f"Garantireparation {BRAND[art.supplier]}", self.services["Reparation"]
            )
            activity, _ = self.activity(
                rng, kind=ActivityKind.WARRANTY_REPAIR, status=status, patient=patient, location=location,
                orderer=orderer, day=after, service=service, supplier=art.supplier, individuals=[made.id],
                wanted="Reparation enligt garanti", fault=rng.choice(FAULTS),
            )  # fmt: skip
            self.event(
                rng, made.id, after, IndividualStatus.IN_REPAIR, patient=patient.id, user=orderer,
                document=("activity", activity),
            )  # fmt: skip
        elif fate == "returned":  # a private clinic has no own stock (R30): Malmö takes it in
            back = self.locations["MALMO"] if location.private else location
            user = self.users["lars.lager"] if location.private else orderer
            made = hand_out(IndividualStatus.IN_STOCK, back.own_stock)
            self.stock_return(
                rng, patient=patient, location=back, user=user, day=after, items=[(made.id, line, art, 1)],
                comment="Återlämnad i fungerande skick.",
            )  # fmt: skip
        else:
            made = hand_out()
            if art.category == "loop" and rng.random() < 0.7:  # R24: installed after delivery
                self.activity(
                    rng, kind=ActivityKind.INSTALLATION, status=ActivityStatus.CLOSED, patient=patient,
                    location=location, orderer=orderer, day=min(day + 3, self.today),
                    service=self.services["Installation av hörslinga"], supplier="nordic", individuals=[made.id],
                    wanted="Installation av hörslinga i bostaden.", action="Installerad och inmätt.",
                )  # fmt: skip
        return made

    # --- bulk: individuals in the warehouses

    def bulk_stock(self) -> None:
        """Individuals in the warehouses: in stock at 70 and in the own stocks, reserved, blocked (R32),
        scrapped, and missing at inventory (now in the investigation warehouse, R39)."""
        rng = self.rng("stock")
        plan, today = self.bulk_plan, self.today
        stocked = (
            "hearing_aid",
            "charger",
            "streamer",
            "alerting",
            "telephony",
            "loop",
            "bone",
            "body_worn",
            "tinnitus",
        )
        arts, weights = self.weighted(stocked, in_stock=True)
        own = [
            (loc.own_stock, self.stock_admin(loc.key)) for loc in self.locations.values() if not loc.private
        ]
        own_weights = list(itertools.accumulate((0.30, 0.38, 0.2, 0.12)[: len(own)]))  # Lund, Malmö, …
        central, utr = self.warehouses[CENTRAL], self.warehouses[INVESTIGATION]

        def pick() -> _Art:
            return arts[bisect.bisect(weights, rng.random() * weights[-1])]

        def place(central_share: float) -> tuple[str, str | None]:
            """A warehouse (70 with *central_share*, else an own stock) and its stock admin."""
            if rng.random() < central_share:
                return central, None
            return own[bisect.bisect(own_weights, rng.random() * own_weights[-1])]

        def received_day() -> int:
            return today - int(3 * 365 * rng.random() ** 2) - 1

        def later(day: int) -> int:
            return day + int(rng.random() * (today - day + 1))

        for k in range(plan.in_stock):
            if k % 50_000 == 0:
                self.report("Individuals in stock", 0.65 + 0.1 * k / plan.in_stock)
            warehouse, user = place(0.55)
            self.received(rng, pick(), warehouse, received_day(), user)
        for status, count, share, note in (
            (IndividualStatus.RESERVED, plan.reserved, 0.0, "Reserverad för utprovning."),
            (IndividualStatus.BLOCKED, plan.blocked, 0.5, "Spärrat hjälpmedel: utreds efter tillbud."),
        ):
            for _ in range(count):
                warehouse, user = place(share)
                day = received_day()
                made = self.received(rng, pick(), warehouse, day, user, status=status, free_text=note)
                self.event(rng, made.id, later(day), status, warehouse=warehouse, user=user, note=note)
        for k in range(plan.scrapped):  # scrapped, or every fourth returned to the supplier for credit (R31)
            warehouse, user = place(0.4)
            art, day = pick(), received_day()
            status, reason, document, note = (
                (IndividualStatus.AT_SUPPLIER, MovementReason.RETURN_TO_SUPPLIER, DocumentKind.STOCK_RETURN,
                 "Returnerad till leverantören för kreditering.")
                if k % 4 == 3
                else (IndividualStatus.SCRAPPED, MovementReason.SCRAP, DocumentKind.SCRAP, "Kasserad: ej reparerbar.")
            )  # fmt: skip
            made = self.received(rng, art, warehouse, day, user, status=status, now_in=None)
            gone = later(day)
            self.event(rng, made.id, gone, status, warehouse=warehouse, user=user, note=note)
            self.move(
                rng, warehouse, art, -1, reason, gone, document=(document.value, None), individual=made.id, user=user,
            )  # fmt: skip
        for _ in range(plan.investigation):  # not found at inventory: moved to the investigation warehouse
            warehouse, user = place(0.0)
            art, day = pick(), received_day()
            made = self.received(
                rng, art, warehouse, day, user, status=IndividualStatus.INVESTIGATION, now_in=utr
            )
            counted = later(day)
            self.event(
                rng, made.id, counted, IndividualStatus.INVESTIGATION, warehouse=utr, user=user,
                note="Saknades vid inventering.",
            )  # fmt: skip
            for where, quantity in ((warehouse, -1), (utr, 1)):
                self.move(
                    rng, where, art, quantity, MovementReason.INVENTORY, counted, document=("inventory", None),
                    individual=made.id, user=user,
                )  # fmt: skip

    def stock_admin(self, key: str) -> str:
        return self.users["lars.lager"] if key in ("LUND", "KSTAD") else self.users["karin.lager"]

    # --- the ledger of articles that are not individually marked

    def ledger(self) -> None:
        """Receipts and withdrawals of consumables: what was delivered to patients from 70, and the own
        stocks' daily traffic, with receipts placed so that no balance ever goes below zero."""
        rng = self.rng("ledger")
        today = self.today
        target = self.scale.movements
        written = self.tables["stock_movement"].count + len(self.tables["stock_movement"].rows)
        consumables = [
            i
            for i, a in enumerate(self.articles)
            if not a.marked and a.category not in ("service",) and a.status is not ArticleStatus.OUTGONE
        ]
        own = [
            (loc.own_stock, self.stock_admin(loc.key)) for loc in self.locations.values() if not loc.private
        ]
        pending = sum(len(v) for v in self.withdrawals.values())
        # What is left of the target, as own-stock withdrawals (plus about one receipt per five of them).
        filler = max(0, int((target - written - pending * 1.2) / 1.2))
        if consumables and own and filler:
            stocked = {
                warehouse: rng.sample(consumables, max(1, min(len(consumables), len(consumables) // 3 + 10)))
                for warehouse, _ in own
            }
            for _ in range(filler):
                warehouse, _user = rng.choice(own)
                index = rng.choice(stocked[warehouse])
                day = today - int(2 * 365 * rng.random())
                self.withdrawals.setdefault((warehouse, index), []).append((day, rng.randint(1, 4), ""))
        users = dict(own)
        for number, ((warehouse, index), outs) in enumerate(sorted(self.withdrawals.items())):
            if number % 20_000 == 0:
                self.report("Stock ledger of consumables", 0.8 + 0.1 * number / max(1, len(self.withdrawals)))
            art = self.articles[index]
            user = users.get(warehouse)
            balance = 0
            pack = 10 if art.category in ("dome", "filter", "tube") else 5
            last = 0
            for day, wanted, order_id in sorted(outs):
                last = day
                if balance < wanted:
                    amount = pack * rng.randint(2, 6) + wanted
                    self.move(
                        rng,
                        warehouse,
                        art,
                        amount,
                        MovementReason.GOODS_RECEIPT,
                        max(day - rng.randint(1, 20), 1),
                        document=("goods_receipt", None),
                        user=user,
                    )
                    balance += amount
                document = ("order", order_id) if order_id else ("requisition", None)
                self.move(
                    rng, warehouse, art, -wanted, MovementReason.WITHDRAWAL, day, document=document, user=user
                )
                balance -= wanted
            if warehouse != self.warehouses[CENTRAL] and rng.random() < 0.05 and balance > 0:
                self.move(
                    rng,
                    warehouse,
                    art,
                    -1,
                    MovementReason.INVENTORY,
                    max(last, today - rng.randint(1, 60)),  # after the last withdrawal: never below zero
                    document=("inventory", None),
                    user=user,
                )

    # --- number blocks

    def number_blocks(self) -> None:
        """This week's numbers used by the demo are marked as handed out, so the desk continues after them."""
        rng = self.rng("numbers")
        week = year_week(dt.date.fromordinal(self.today))
        running = self.running.get(week)
        if running is not None:
            self.table(NumberBlock).add(id=_new_id(rng), year_week=week, first=1, last=9999, next=running + 1)


class _Assortment:
    """What patients' orders are made of, drawn by popularity (the bulk part of the demo data)."""

    def __init__(self, builder: _Builder) -> None:
        self.aids, self.aid_weights = builder.weighted(["hearing_aid"])
        self.others, self.other_weights = builder.weighted(
            ["alerting", "telephony", "loop", "bone", "body_worn", "tinnitus"]
        )
        self.chargers: dict[str, list[_Art]] = {}
        self.kits: dict[str, list[_Art]] = {}
        self.streamers: dict[str, list[_Art]] = {}
        self.consumables: dict[str, list[_Art]] = {}
        for art in builder.articles:
            if art.category == "charger":
                self.chargers.setdefault(art.family, []).append(art)
            elif art.category == "charging_kit":
                self.kits.setdefault(art.family, []).append(art)
            elif art.category == "streamer":
                self.streamers.setdefault(art.supplier, []).append(art)
            elif art.category in ("dome", "filter", "battery") and art.status is not ArticleStatus.OUTGONE:
                self.consumables.setdefault(art.supplier, []).append(art)
        self.any_consumable = [art for arts in self.consumables.values() for art in arts]

    def order_contents(self, rng: random.Random) -> tuple[list[_Art], list[tuple[_Art, int]]]:
        """The individuals of one order (mostly a pair of hearing aids, maybe a charger or streamer;
        sometimes one other device), and its consumables with their quantities."""
        if rng.random() < 0.06:
            return [self.others[bisect.bisect(self.other_weights, rng.random() * self.other_weights[-1])]], []
        aid = self.aids[bisect.bisect(self.aid_weights, rng.random() * self.aid_weights[-1])]
        items = [aid, aid] if rng.random() < 0.72 else [aid]
        if aid.rechargeable and aid.family in self.chargers and rng.random() < 0.6:
            items.append(rng.choice(self.chargers[aid.family]))
        if aid.supplier in self.streamers and rng.random() < 0.08:
            items.append(rng.choice(self.streamers[aid.supplier]))
        extras: list[tuple[_Art, int]] = []
        pool = self.consumables.get(aid.supplier) or self.any_consumable
        if pool and rng.random() < 0.5:
            extras.append((rng.choice(pool), 1 + int(rng.random() * 3)))
        if aid.rechargeable and aid.family in self.kits and len(items) < 3 and rng.random() < 0.3:
            extras.append((rng.choice(self.kits[aid.family]), 1))
        return items, extras


_NAME_KEYS: dict[str, str] = {}


def _name_key(name: str) -> str:
    key = _NAME_KEYS.get(name)
    if key is None:
        key = _NAME_KEYS[name] = name_key(name)
    return key


def charger_bill_day(received: int) -> int:
    """R22, as the program bills it: the first working day of the third month after the month of receipt."""
    return charger_bill_on(dt.date.fromordinal(received)).toordinal()


__all__ = ["DATABASE_FILE", "SCALES", "DemoSummary", "Scale", "generate"]
