"""Demo data: the small scale builds fast, loads through the ORM, adds up, and shows every special case."""

from __future__ import annotations

import datetime as dt
import shutil
import uuid
from collections import Counter
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import func, select

from app import __version__, demo_data
from app.cli import main
from app.database import DATABASE_FILE, Database
from app.identity import age_on, parse_identity
from app.numbers import NumberAllocator
from app.patients import FORWARDING_ADDRESS, name_key, read_patient_record
from app.scanning.codes import read_code
from app.scanning.gs1 import gtin_check
from db import migrate
from db.models import (
    Activity,
    Article,
    Base,
    ChangeLogEntry,
    ForeignCertificate,
    Individual,
    IndividualEvent,
    IsoCode,
    Order,
    OrderLine,
    Patient,
    PaymentCommitment,
    PickupOrder,
    PrescriberLink,
    StockMovement,
    StockReturn,
    UrgentNeedDecision,
    User,
    Warehouse,
)
from db.models.enums import (
    ArticleType,
    IdentityKind,
    IndividualStatus,
    LineStatus,
    OrderKind,
    OrderStatus,
    PickupStatus,
    Residency,
    WarehouseKind,
)

TODAY = dt.date(2026, 11, 18)  # a Wednesday: the showcase has documents earlier the same ISO week
IN_A_WAREHOUSE = {
    IndividualStatus.IN_STOCK,
    IndividualStatus.RESERVED,
    IndividualStatus.BLOCKED,
    IndividualStatus.INVESTIGATION,
}
WITH_A_PATIENT = {IndividualStatus.DELIVERED, IndividualStatus.IN_TRANSIT, IndividualStatus.IN_REPAIR}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, demo_data.DemoSummary]:
    folder = tmp_path_factory.mktemp("demo")
    database = Database.open(folder)
    try:
        summary = demo_data.generate(database, "small", today=TODAY)
    finally:
        database.dispose()
    return folder, summary


@pytest.fixture
def db(built: tuple[Path, demo_data.DemoSummary], tmp_path: Path):  # type: ignore[no-untyped-def]
    shutil.copy(built[0] / DATABASE_FILE, tmp_path / DATABASE_FILE)
    database = Database.open(tmp_path)
    yield database
    database.dispose()


@pytest.fixture
def summary(built: tuple[Path, demo_data.DemoSummary]) -> demo_data.DemoSummary:
    return built[1]


def _patient(session, summary: demo_data.DemoSummary, key: str) -> Patient:  # type: ignore[no-untyped-def]
    return session.scalars(select(Patient).where(Patient.identity_number == summary.examples[key])).one()


# --------------------------------------------------------------------------------------------- building


def test_small_scale_builds_fast_with_the_promised_counts(summary: demo_data.DemoSummary) -> None:
    assert summary.seconds < 5
    assert summary.patients == 300
    assert summary.articles == 400
    assert summary.individuals == 2_000
    assert 4_000 <= summary.stock_movements <= 6_000
    assert summary.counts["individual_event"] >= summary.individuals
    for table in ("service_location", "warehouse", "user_account", "supplier", "iso_code", "customer_order"):
        assert summary.counts[table] > 0, table


def test_every_table_loads_through_the_orm_with_python_types(db: Database) -> None:
    with db.read() as session:
        for mapper in Base.registry.mappers:
            session.scalars(select(mapper.class_)).all()  # fails on any value not in storage form
        article = session.scalars(select(Article).where(Article.price > 0)).first()
        assert article is not None
        assert isinstance(article.id, uuid.UUID) and isinstance(article.price, Decimal)
        individual = session.scalars(select(Individual)).first()
        assert individual is not None
        assert isinstance(individual.status, IndividualStatus) and isinstance(
            individual.purchase_date, dt.date
        )
        order = session.scalars(select(Order)).first()
        assert order is not None and isinstance(order.created_at, dt.datetime)
        assert (session.scalar(select(func.count()).select_from(ChangeLogEntry)) or 0) == 0


def test_organisation_users_and_catalogue(db: Database) -> None:
    with db.read() as session:
        kinds = Counter(session.scalars(select(Warehouse.kind)))
        assert kinds[WarehouseKind.CENTRAL] == kinds[WarehouseKind.DIRECT_PURCHASE] == 1
        assert kinds[WarehouseKind.OWN_STOCK] == 4 and kinds[WarehouseKind.INVESTIGATION] == 1
        codes = set(session.scalars(select(Warehouse.code)))
        assert {"70", "750", "UTR", "L-LUND"} <= codes
        users = {u.username: u for u in session.scalars(select(User))}
        assert {"anna.audionom", "sara.sekreterare", "lars.lager"} <= set(users)
        link = session.scalars(
            select(PrescriberLink).where(PrescriberLink.orderer_id == users["sara.sekreterare"].id)
        ).all()
        assert users["anna.audionom"].id in {row.prescriber_id for row in link}
        iso = set(session.scalars(select(IsoCode.code)))
        assert {"22", "2206", "220615"} <= iso
        articles = session.scalars(select(Article)).all()
        assert {a.iso_code for a in articles} <= iso and all(len(a.iso_code) == 6 for a in articles)
        assert len({a.article_number for a in articles}) == len(articles)
        assert {a.article_type for a in articles} == set(ArticleType)
        assert all(
            a.search_key == a.search_key.lower() and a.article_number in a.search_key for a in articles
        )


def test_every_identity_number_is_valid_and_names_have_search_keys(db: Database) -> None:
    with db.read() as session:
        patients = session.scalars(select(Patient)).all()
    assert len({p.identity_number for p in patients}) == len(patients)
    for patient in patients:
        identity = parse_identity(patient.identity_number, today=TODAY)
        assert identity.number == patient.identity_number
        assert identity.kind is patient.identity_kind
        assert identity.birth_date == patient.birth_date
        assert patient.first_name_key == name_key(patient.first_name)
        assert patient.last_name_key == name_key(patient.last_name)
        if patient.identity_kind is IdentityKind.RESERVE:
            assert patient.residency in (Residency.ASYLUM_SEEKER, Residency.UNDOCUMENTED, Residency.ABROAD)


def test_every_individual_status_occurs_with_consistent_whereabouts(db: Database) -> None:
    with db.read() as session:
        individuals = session.scalars(select(Individual)).all()
        events = Counter(session.scalars(select(IndividualEvent.individual_id)))
        assert {i.status for i in individuals} == set(IndividualStatus)
        assert len({i.individual_number for i in individuals}) == len(individuals)
        assert any(i.sip_number for i in individuals)
        for individual in individuals:
            assert events[individual.id] >= 1
            assert (individual.warehouse_id is not None) == (individual.status in IN_A_WAREHOUSE)
            assert (individual.patient_id is not None) == (individual.status in WITH_A_PATIENT)
            if individual.status in WITH_A_PATIENT:
                line = session.get(OrderLine, individual.order_line_id)
                assert line is not None and line.status is LineStatus.DELIVERED and line.delivered_on
                order = session.get(Order, line.order_id)
                assert order is not None and order.number and order.patient_id == individual.patient_id
                assert order.kind is OrderKind.PRESCRIPTION and order.status is OrderStatus.DELIVERED


def test_stock_ledger_adds_up_to_what_the_warehouses_hold(db: Database) -> None:
    with db.read() as session:
        marked = set(session.scalars(select(Article.id).where(Article.individually_marked.is_(True))))
        held = Counter(
            (i.warehouse_id, i.article_id)
            for i in session.scalars(select(Individual))
            if i.status in IN_A_WAREHOUSE
        )
        balances = session.execute(
            select(
                StockMovement.warehouse_id, StockMovement.article_id, func.sum(StockMovement.quantity)
            ).group_by(StockMovement.warehouse_id, StockMovement.article_id)
        ).all()
    ledger = Counter({(w, a): q for w, a, q in balances if a in marked and q})
    assert ledger == held
    assert all(q >= 0 for _w, a, q in balances if a not in marked)


# ----------------------------------------------------------------------------------------- the showcase


def test_examples_cover_the_special_patients(db: Database, summary: demo_data.DemoSummary) -> None:
    with db.read() as session:
        get = lambda key: _patient(session, summary, key)  # noqa: E731
        protected = get("protected")
        assert protected.protected_identity
        assert (protected.street, protected.postal_code, protected.city) == FORWARDING_ADDRESS
        assert protected.last_name == "Skyddad"  # the fictive name: the real one is never stored

        for key, residency in (
            ("reserve_child", Residency.ASYLUM_SEEKER),
            ("reserve_adult", Residency.UNDOCUMENTED),
        ):
            patient = get(key)
            assert patient.identity_kind is IdentityKind.RESERVE and patient.residency is residency
        assert age_on(get("reserve_child").birth_date, TODAY) < 18
        assert get("reserve_child").lma_card_valid_until > TODAY
        adult = get("reserve_adult")
        assert age_on(adult.birth_date, TODAY) >= 18
        assert session.scalars(
            select(UrgentNeedDecision).where(UrgentNeedDecision.patient_id == adult.id)
        ).all()

        def commitments(key: str) -> list[PaymentCommitment]:
            patient = get(key)
            assert patient.residency is Residency.OTHER_REGION and patient.home_region != "Region Skåne"
            return list(
                session.scalars(select(PaymentCommitment).where(PaymentCommitment.patient_id == patient.id))
            )

        assert commitments("other_region_with_commitment")
        assert not commitments("other_region_without_commitment")

        def certificates(key: str) -> list[ForeignCertificate]:
            patient = get(key)
            assert patient.residency is Residency.ABROAD and patient.country
            return list(
                session.scalars(select(ForeignCertificate).where(ForeignCertificate.patient_id == patient.id))
            )

        assert certificates("abroad")
        assert not certificates("abroad_without_certificate")

        deceased = get("deceased")
        assert deceased.deceased_on is not None and deceased.deceased_on < TODAY
        held = session.scalars(
            select(Individual).where(
                Individual.patient_id == deceased.id, Individual.status == IndividualStatus.DELIVERED
            )
        ).all()
        assert held  # R9: the aids the prescriber must get back
        assert not get("inactive").active
        assert get("coordination").identity_kind is IdentityKind.COORDINATION
        assert parse_identity(summary.examples["coordination"]).kind is IdentityKind.COORDINATION
        assert get("no_phone").phone == ""
        assert get("reserve_replaced").replaced_by_id == get("reserve_replacement").id


def test_the_ordinary_patient_has_all_four_lists(db: Database, summary: demo_data.DemoSummary) -> None:
    with db.read() as session:
        karin = _patient(session, summary, "ordinary")
        anna = session.scalars(select(User).where(User.username == "anna.audionom")).one()
        record = read_patient_record(
            session,
            karin.id,
            user_id=anna.id,
            service_location_id=anna.default_service_location_id,
            today=TODAY,
        )
        assert (karin.first_name, karin.last_name) == ("Karin", "Lindqvist")
        assert karin.phone
        assert record.aids_held and record.ordered and record.returned and record.activities
        assert any(aid.pickup_registered for aid in record.aids_held)  # R28: on the list until taken in
        assert all(row.planned_delivery_on for row in record.ordered)
        pickup = session.scalars(select(PickupOrder).where(PickupOrder.patient_id == karin.id)).one()
        assert pickup.status is PickupStatus.REGISTERED and pickup.number == summary.numbers["pickup_order"]
        assert session.scalars(select(StockReturn).where(StockReturn.patient_id == karin.id)).all()
        assert session.scalars(select(Activity).where(Activity.patient_id == karin.id)).all()
        delivered = session.scalars(
            select(Individual).where(Individual.individual_number == summary.numbers["individual_delivered"])
        ).one()
        assert delivered.patient_id == karin.id and delivered.status is IndividualStatus.DELIVERED


def test_the_desk_numbers_documents_after_the_demo_data(db: Database) -> None:
    """Numbers of this week that the demo used are marked as handed out (R15): no clash."""
    with db.read() as session:
        used = set(session.scalars(select(Activity.number)))
    assert any(number.startswith("2647") for number in used)  # week 47 of 2026, the week of TODAY
    with db.write() as session:
        number = NumberAllocator().allocate(session, TODAY)
    assert number not in used


def test_articles_carry_gtins_and_the_open_delivery_a_box_udi(
    db: Database, summary: demo_data.DemoSummary
) -> None:
    """Issue 11: every article but the services has a GTIN-14 with a right check digit under GS1's prefix
    for examples (952), a pack's with indicator 1; the example UDI names the open replenishment's aid by its
    GTIN and a serial number no device has yet."""
    with db.read() as session:
        rows = session.execute(select(Article.gtin, Article.article_type, Article.pack_size)).all()
        gtins = [gtin for gtin, _type, _pack in rows if gtin]
        assert (
            len(gtins)
            == len(set(gtins))
            == sum(1 for _g, kind, _p in rows if kind is not ArticleType.SERVICE)
        )
        for gtin, _kind, pack in rows:
            if gtin:
                assert gtin_check(gtin) == gtin and gtin[1:4] == "952"
                assert gtin[0] == ("1" if pack > 1 else "0")
        for key in ("udi_awaiting_receipt", "udi_awaiting_receipt_second"):
            udi = read_code(summary.numbers[key]).udi
            assert udi is not None and udi.serial and udi.production
            article = session.scalars(select(Article).where(Article.gtin == udi.gtin)).one()
            assert article.article_number == summary.numbers["article_hearing_aid"]
            assert (
                session.scalars(select(Individual).where(Individual.serial_number == udi.serial)).first()
                is None
            )


# ------------------------------------------------------------------------------------ seeds and refusals


def test_same_seed_gives_the_same_data_and_showcase_at_any_day(tmp_path: Path, db: Database) -> None:
    again = demo_data.generate(tmp_path / "again", "small", today=TODAY)
    other_day = demo_data.generate(
        tmp_path / "later" / DATABASE_FILE, "small", today=TODAY + dt.timedelta(days=40)
    )
    other_seed = demo_data.generate(tmp_path / "other", "small", seed=8, today=TODAY)

    def numbers(path: Path) -> tuple[list[str], list[str], list[str]]:
        database = Database.open(path)
        try:
            with database.read() as session:
                return (
                    sorted(session.scalars(select(Patient.identity_number))),
                    sorted(session.scalars(select(Article.article_number))),
                    sorted(session.scalars(select(Individual.serial_number))),
                )
        finally:
            database.dispose()

    first = numbers(db.path.parent)
    assert numbers(tmp_path / "again") == first
    assert numbers(tmp_path / "later")[:2] == first[:2]  # the patients and catalogue do not age
    assert other_day.examples == again.examples
    assert numbers(tmp_path / "other")[0] != first[0]
    assert other_seed.examples != again.examples


def test_refuses_a_database_that_already_holds_patients(db: Database) -> None:
    with pytest.raises(ValueError, match="already holds patients"):
        demo_data.generate(db, "small")


def test_refuses_an_unknown_scale(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="no demo data scale 'huge'"):
        demo_data.generate(tmp_path, "huge")
    assert not (tmp_path / DATABASE_FILE).exists()


# -------------------------------------------------------------------------------------------------- CLI


def test_cli_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"hearing-desk-admin {__version__}"


def test_cli_demo_data_says_in_its_help_and_prints_the_identity_numbers_to_try(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], examples: dict[str, str]
) -> None:
    """What the README promises: the demo-data command gives identity numbers to try."""
    with pytest.raises(SystemExit):
        main(["demo-data", "--help"])
    assert "prints identity numbers of showcase patients" in " ".join(capsys.readouterr().out.split())
    readme = " ".join((Path(__file__).resolve().parents[1] / "README.md").read_text().split())
    assert "printed by `.venv/bin/hearing-desk-admin demo-data --data-dir DIR`" in readme

    assert main(["demo-data", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    for key in ("ordinary", "protected", "deceased"):
        number = examples[key]
        assert f"{key}" in out and f"{number[:8]}-{number[8:]}" in out


def test_cli_demo_data_refuses_without_replace_and_migrate_reports_the_revision(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["demo-data", "--scale", "small", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert (tmp_path / DATABASE_FILE).exists()
    assert "patient" in out and "300" in out and "ordinary" in out

    assert main(["demo-data", "--scale", "small", "--data-dir", str(tmp_path)]) == 2
    assert "--replace" in capsys.readouterr().err

    assert (
        main(["demo-data", "--scale", "small", "--data-dir", str(tmp_path), "--replace", "--seed", "3"]) == 0
    )
    assert "seed 3" in capsys.readouterr().out

    assert main(["migrate", "--data-dir", str(tmp_path)]) == 0
    assert f"schema revision {migrate.head_revision()}" in capsys.readouterr().out


def test_cli_reports_a_damaged_database_in_one_sentence(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / DATABASE_FILE).write_bytes(b"this is not a database" * 100)
    assert main(["migrate", "--data-dir", str(tmp_path)]) == 2
    assert "damaged" in capsys.readouterr().err
