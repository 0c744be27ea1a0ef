"""Activities (R23–R27): the checks of each kind, statuses, search, closing, the renumbering of a device the
supplier replaced (R37), the work order's protective clothing (R32), and the activity sheet read back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import uuid
from decimal import Decimal
from typing import Any

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from app import activities
from app.activities import ActivityQuery, ActivityRequest, Address, OutsideAssortment
from app.database import Database
from app.documents.activity_sheet import activity_sheet, activity_sheet_pdf
from app.errors import ClerkError, InvalidInput, RuleViolation
from app.numbers import NumberAllocator
from app.organisation import WorkContext
from db.models import (
    Activity,
    ActivityIndividual,
    Article,
    ChangeLogEntry,
    Individual,
    IndividualEvent,
    Patient,
    ServiceLocation,
    Supplier,
    UserRole,
)
from db.models.enums import ActivityKind, ActivityStatus, ArticleType, IndividualStatus, Role
from tests import factories

TODAY = dt.date(2026, 11, 23)
UNIT_ADDRESS = Address("Sjukhusgatan 1", "221 85", "Lund")
HOME = Address("Storgatan 1", "222 22", "Lund")


def pdf_text(data: bytes) -> str:
    assert data.startswith(b"%PDF-")
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def org(database: Database) -> dict[str, Any]:
    """Lund's clinic; an adult and a child, each holding two delivered hearing-technical devices; an aid
    from the central warehouse not delivered until next week; service products of the supplier."""
    with database.seed() as session:
        user, location, _warehouse = factories.organisation(session)
        location.street, location.postal_code, location.phone = "Sjukhusgatan 1", "221 85", "046-17 10 00"
        user.phone, user.email = "046-17 10 01", "anna@example.se"
        other = ServiceLocation(code="MALMO", name="Hörselmottagningen Malmö", city="Malmö")
        session.add(other)
        session.flush()
        supplier = Supplier(
            number="S-OTI", name="Oticon AB", street="Box 1", postal_code="171 23", city="Solna"
        )
        session.add(supplier)
        session.flush()

        def article(name: str, article_type: ArticleType, marked: bool) -> Article:
            row = Article(
                article_number=uuid.uuid4().hex[:6],
                name=name,
                supplier_id=supplier.id,
                iso_code="220699" if article_type is ArticleType.SERVICE else "220606",
                article_type=article_type,
                price=Decimal("0"),
                individually_marked=marked,
            )
            session.add(row)
            session.flush()
            return row

        aid = article("Oticon Intent 1 miniRITE R", ArticleType.MAIN_AID, True)
        loop = article("Rumsslinga", ArticleType.MAIN_AID, True)
        warranty = article("Garantireparation Oticon", ArticleType.SERVICE, False)
        installation = article("Installation av hörslinga", ArticleType.SERVICE, False)
        adult = factories.patient(session, "Karin", "Nilsson", born=dt.date(1950, 3, 14), serial=123)
        child = factories.patient(session, "Elsa", "Berg", born=dt.date(2016, 5, 2), serial=456)
        made: dict[str, Any] = {}
        running = iter(range(1, 100))

        def device(patient: Patient, art: Article, number: str, delivered_on: dt.date) -> uuid.UUID:
            line = factories.delivered_line(
                session,
                patient,
                user,
                location,
                art,
                delivered_on=delivered_on,
                number=f"2647{next(running):04d}",
            )
            row = Individual(
                individual_number=number,
                serial_number=f"SN{number}",
                article_id=art.id,
                status=IndividualStatus.DELIVERED,
                patient_id=patient.id,
                order_line_id=line.id,
                purchase_date=dt.date(2026, 1, 15),
            )
            session.add(row)
            session.flush()
            session.add(IndividualEvent.of(row, user_id=user.id, document_kind="order", document_id=None))
            return row.id

        made["adult_aid"] = device(adult, aid, "41000001", dt.date(2026, 3, 1))
        made["adult_aid2"] = device(adult, aid, "41000002", dt.date(2026, 3, 1))
        made["adult_loop"] = device(adult, loop, "41000003", dt.date(2026, 3, 1))
        made["adult_coming"] = device(adult, aid, "41000004", TODAY + dt.timedelta(days=3))
        made["child_loop"] = device(child, loop, "42000001", dt.date(2026, 5, 1))
        made["child_loop2"] = device(child, loop, "42000002", dt.date(2026, 5, 1))
        session.flush()
        context = WorkContext(
            user.id, user.username, user.full_name, location.id, location.code, location.name
        )
        return {
            "context": context,
            "user": user.id,
            "location": location.id,
            "other_location": other.id,
            "adult": adult.id,
            "child": child.id,
            "warranty": warranty.id,
            "installation": installation.id,
            "aid": aid.id,
            **made,
        }


def warranty_request(org: dict[str, Any], **changes: Any) -> ActivityRequest:
    request = ActivityRequest(
        kind=ActivityKind.WARRANTY_REPAIR,
        patient_id=org["adult"],
        service_location_id=org["location"],
        service_article_id=org["warranty"],
        individual_ids=(org["adult_aid"],),
        wanted_action="Kontroll och reparation enligt garanti",
        fault_description="Ljudet försvinner periodvis i höger apparat.",
        address=UNIT_ADDRESS,
    )
    return dataclasses.replace(request, **changes)


def installation_request(org: dict[str, Any], **changes: Any) -> ActivityRequest:
    request = ActivityRequest(
        kind=ActivityKind.INSTALLATION,
        patient_id=org["adult"],
        service_location_id=org["location"],
        service_article_id=org["installation"],
        individual_ids=(org["adult_loop"],),
        wanted_action="Installera slingan i vardagsrummet.",
        address=HOME,
    )
    return dataclasses.replace(request, **changes)


def application() -> OutsideAssortment:
    return OutsideAssortment(
        supplier="Starkey Sverige AB",
        supplier_article_number="81234-02",
        article_name="Starkey Genesis AI 24 CIC",
        ce_marked_mdr=True,
        need="Mycket trånga hörselgångar; ingen apparat i sortimentet går att prova ut.",
        tried="Oticon Intent CIC och Phonak Virto provade; passade inte.",
    )


def create(database: Database, org: dict[str, Any], request: ActivityRequest) -> activities.ActivityCreated:
    with database.write() as session:
        return activities.create_activity(
            session, org["context"], request=request, allocator=NumberAllocator(), today=TODAY
        )


def refused(database: Database, org: dict[str, Any], request: ActivityRequest) -> str:
    """The sentence *request* is refused with; nothing is saved."""
    with pytest.raises(ClerkError) as error, database.write() as session:
        activities.create_activity(
            session, org["context"], request=request, allocator=NumberAllocator(), today=TODAY
        )
    with database.read() as session:
        assert session.scalars(select(Activity.id)).first() is None, "a refused activity saves nothing"
    return error.value.sentence()


def detail(database: Database, activity_id: uuid.UUID) -> activities.ActivityDetail:
    with database.read() as session:
        return activities.read_activity(session, activity_id)


def status_of(database: Database, individual_id: uuid.UUID) -> IndividualStatus:
    with database.read() as session:
        row = session.get(Individual, individual_id)
        assert row is not None
        return row.status


# ---------------------------------------------------------------------------------------------- R23


def test_r23_warranty_repair_is_saved_with_its_aids_numbered_and_assigned(
    database: Database, org: dict[str, Any]
) -> None:
    made = create(database, org, warranty_request(org, individual_ids=(org["adult_aid"], org["adult_aid2"])))
    assert len(made.number) == 8 and made.number.startswith("2648")
    shown = detail(database, made.id)
    assert shown.kind is ActivityKind.WARRANTY_REPAIR and shown.status is ActivityStatus.ASSIGNED
    assert [a.individual_number for a in shown.aids] == ["41000001", "41000002"]
    assert shown.supplier_name == "Oticon AB" and "Garantireparation Oticon" in shown.service_product
    assert shown.wanted_action == "Kontroll och reparation enligt garanti"
    assert shown.fault_description.startswith("Ljudet försvinner")
    assert shown.address == UNIT_ADDRESS and shown.orderer_name == "Anna Audionom"
    with database.read() as session:
        logged = set(session.scalars(select(ChangeLogEntry.table_name)))
    assert {"activity", "activity_individual", "individual", "individual_event"} <= logged  # it syncs


def test_r23_warranty_repair_needs_the_patients_phone(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        patient = session.get(Patient, org["adult"])
        assert patient is not None
        patient.phone = ""
    assert "phone number is missing" in refused(database, org, warranty_request(org))


def test_r23_warranty_repair_needs_a_service_product(database: Database, org: dict[str, Any]) -> None:
    assert (
        refused(database, org, warranty_request(org, service_article_id=None))
        == "Choose the service product."
    )
    # A main aid is no service product.
    assert "service product" in refused(database, org, warranty_request(org, service_article_id=org["aid"]))


def test_r23_warranty_repair_needs_an_aid(database: Database, org: dict[str, Any]) -> None:
    assert (
        refused(database, org, warranty_request(org, individual_ids=()))
        == "Tick the aid the activity concerns."
    )


def test_r23_warranty_repair_needs_the_wanted_action_and_the_fault(
    database: Database, org: dict[str, Any]
) -> None:
    assert "wanted action" in refused(database, org, warranty_request(org, wanted_action="  "))
    assert refused(database, org, warranty_request(org, fault_description="")) == (
        "Describe the fault for the supplier."
    )


def test_r23_warranty_repair_needs_the_whole_address(database: Database, org: dict[str, Any]) -> None:
    assert "whole address" in refused(
        database, org, warranty_request(org, address=Address("Sjukhusgatan 1", "", "Lund"))
    )


def test_r23_aid_of_another_patient_is_refused(database: Database, org: dict[str, Any]) -> None:
    assert "not held by this patient" in refused(
        database, org, warranty_request(org, individual_ids=(org["child_loop"],))
    )


def test_r23_warranty_repair_sends_the_device_to_repair_and_closing_brings_it_back(
    database: Database, org: dict[str, Any]
) -> None:
    made = create(database, org, warranty_request(org))
    assert status_of(database, org["adult_aid"]) is IndividualStatus.IN_REPAIR
    # The patient still holds it (the record's "Aids held" lists it, R3), and it cannot be sent twice.
    assert "not with the patient now" in _refused_again(database, org)
    with database.write() as session:
        closed = activities.close_activity(
            session, org["context"], activity_id=made.id, action_taken="Mikrofon bytt, fungerar."
        )
    assert closed.status is ActivityStatus.CLOSED and closed.action_taken == "Mikrofon bytt, fungerar."
    assert closed.closed_on is not None and not closed.not_warranty
    assert status_of(database, org["adult_aid"]) is IndividualStatus.DELIVERED
    with database.read() as session:
        device = session.get(Individual, org["adult_aid"])
        assert device is not None and device.patient_id == org["adult"]
        kinds = session.scalars(
            select(IndividualEvent.document_kind)
            .where(IndividualEvent.individual_id == org["adult_aid"])
            .order_by(IndividualEvent.occurred_at)
        ).all()
    assert kinds[-2:] == ["activity", "activity"]


def _refused_again(database: Database, org: dict[str, Any]) -> str:
    with pytest.raises(ClerkError) as error, database.write() as session:
        activities.create_activity(
            session, org["context"], request=warranty_request(org), allocator=NumberAllocator(), today=TODAY
        )
    return error.value.sentence()


def test_r23_closing_as_not_warranty(database: Database, org: dict[str, Any]) -> None:
    made = create(database, org, warranty_request(org))
    with pytest.raises(InvalidInput, match="action taken"), database.write() as session:
        activities.close_activity(session, org["context"], activity_id=made.id, action_taken=" ")
    assert detail(database, made.id).status is ActivityStatus.ASSIGNED
    with database.write() as session:
        closed = activities.close_activity(
            session, org["context"], activity_id=made.id, action_taken="", not_warranty=True
        )
    assert closed.not_warranty and closed.status is ActivityStatus.CLOSED
    assert status_of(database, org["adult_aid"]) is IndividualStatus.DELIVERED


def test_r23_not_warranty_only_for_a_warranty_activity(database: Database, org: dict[str, Any]) -> None:
    made = create(database, org, installation_request(org))
    with pytest.raises(RuleViolation, match="warranty activity"), database.write() as session:
        activities.close_activity(
            session, org["context"], activity_id=made.id, action_taken="", not_warranty=True
        )
    assert not detail(database, made.id).may_say_not_warranty


# ---------------------------------------------------------------------------------------------- R24


def test_r24_installation_is_saved_for_a_delivered_aid_and_leaves_it_with_the_patient(
    database: Database, org: dict[str, Any]
) -> None:
    made = create(database, org, installation_request(org))
    shown = detail(database, made.id)
    assert [a.individual_number for a in shown.aids] == ["41000003"] and shown.address == HOME
    assert status_of(database, org["adult_loop"]) is IndividualStatus.DELIVERED


def test_r24_installation_needs_the_aid_delivered_first(database: Database, org: dict[str, Any]) -> None:
    # From the central warehouse, counting as delivered only from its day (in three days).
    sentence = refused(database, org, installation_request(org, individual_ids=(org["adult_coming"],)))
    assert "counts as delivered to the patient from" in sentence
    for kind in (ActivityKind.INSTALLATION_WARRANTY, ActivityKind.INSTALLATION):
        assert "counts as delivered" in refused(
            database, org, installation_request(org, kind=kind, individual_ids=(org["adult_coming"],))
        )


def test_r24_one_aid_per_installation(database: Database, org: dict[str, Any]) -> None:
    sentence = refused(
        database, org, installation_request(org, individual_ids=(org["adult_loop"], org["adult_aid"]))
    )
    assert sentence.startswith("One activity per installation")


def test_r24_one_open_activity_per_installation(database: Database, org: dict[str, Any]) -> None:
    first = create(database, org, installation_request(org))
    with pytest.raises(RuleViolation) as error, database.write() as session:
        activities.create_activity(
            session,
            org["context"],
            request=installation_request(org),
            allocator=NumberAllocator(),
            today=TODAY,
        )
    assert f"already has the open activity {first.number}" in error.value.sentence()
    # Once it is closed, a new installation (a move) may be registered.
    with database.write() as session:
        activities.close_activity(session, org["context"], activity_id=first.id, action_taken="Installerad.")
    create(database, org, installation_request(org))


def test_r24_dismantling_for_children_only(database: Database, org: dict[str, Any]) -> None:
    sentence = refused(database, org, installation_request(org, kind=ActivityKind.DISMANTLING))
    assert sentence == "Dismantling is for children only, and the patient is 76; contact the aid centre."
    made = create(
        database,
        org,
        installation_request(
            org, kind=ActivityKind.DISMANTLING, patient_id=org["child"], individual_ids=(org["child_loop"],)
        ),
    )
    assert detail(database, made.id).kind is ActivityKind.DISMANTLING


# ---------------------------------------------------------------------------------------------- R25


def _installed_repair(org: dict[str, Any], **changes: Any) -> ActivityRequest:
    request = installation_request(
        org,
        kind=ActivityKind.INSTALLED_REPAIR,
        patient_id=org["child"],
        individual_ids=(org["child_loop"],),
        wanted_action="Byt slingförstärkarens nätdel. Kontakt: mamma Lisa, 070-111 22 33.",
        fault_description="Slingan tyst sedan i går.",
    )
    return dataclasses.replace(request, **changes)


def test_r25_repair_of_installed_aid_for_children_only(database: Database, org: dict[str, Any]) -> None:
    sentence = refused(
        database, org, _installed_repair(org, patient_id=org["adult"], individual_ids=(org["adult_loop"],))
    )
    assert sentence.startswith("Repair of installed aid is for children only")
    made = create(database, org, _installed_repair(org))
    assert detail(database, made.id).fault_description == "Slingan tyst sedan i går."


def test_r25_repair_of_installed_aid_needs_the_aid_delivered(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        device = session.get(Individual, org["child_loop"])
        assert device is not None
        device.status = IndividualStatus.IN_TRANSIT  # on a pickup order back to the central warehouse
    sentence = refused(database, org, _installed_repair(org))
    assert sentence == (
        "Individual 42000001 is not with the patient now (status: On its way back); an activity can be made "
        "for a delivered aid."
    )


def test_r25_repair_of_installed_aid_needs_the_fault(database: Database, org: dict[str, Any]) -> None:
    assert refused(database, org, _installed_repair(org, fault_description=" ")) == (
        "Describe the fault for the supplier."
    )


# ---------------------------------------------------------------------------------------------- R26


def _application_request(org: dict[str, Any], **changes: Any) -> ActivityRequest:
    request = ActivityRequest(
        kind=ActivityKind.OUTSIDE_ASSORTMENT,
        patient_id=org["adult"],
        service_location_id=org["location"],
        application=application(),
    )
    return dataclasses.replace(request, **changes)


def test_r26_application_text_covers_every_point(database: Database, org: dict[str, Any]) -> None:
    made = create(database, org, _application_request(org))
    shown = detail(database, made.id)
    assert shown.wanted_action.splitlines() == [
        "Supplier: Starkey Sverige AB",
        "Supplier's article number: 81234-02",
        "Product name: Starkey Genesis AI 24 CIC",
        "CE-marked under MDR: Yes",
        "The patient's need: Mycket trånga hörselgångar; ingen apparat i sortimentet går att prova ut.",
        "Products or measures tried or considered, and why: Oticon Intent CIC och Phonak Virto provade; passade inte.",
    ]
    assert shown.aids == () and shown.service_product == "" and shown.supplier_name == ""
    assert shown.address == Address()  # 002: "Adress behöver inte anges"


def test_r26_application_has_no_article(database: Database, org: dict[str, Any]) -> None:
    for changes in ({"service_article_id": org["warranty"]}, {"individual_ids": (org["adult_aid"],)}):
        assert "names no article" in refused(database, org, _application_request(org, **changes))


@pytest.mark.parametrize(
    ("field", "value", "missing"),
    [
        ("supplier", " ", "name the supplier"),
        ("supplier_article_number", "", "supplier's article number"),
        ("article_name", "", "product's name"),
        ("ce_marked_mdr", None, "CE-marked under MDR"),
        ("need", "", "patient's need"),
        ("tried", "", "tried or considered"),
    ],
)
def test_r26_application_must_cover_each_point(
    database: Database, org: dict[str, Any], field: str, value: Any, missing: str
) -> None:
    request = _application_request(org, application=dataclasses.replace(application(), **{field: value}))
    assert missing in refused(database, org, request)


def test_r26_application_not_ce_marked_says_so(database: Database, org: dict[str, Any]) -> None:
    made = create(
        database,
        org,
        _application_request(org, application=dataclasses.replace(application(), ce_marked_mdr=False)),
    )
    assert "CE-marked under MDR: No" in detail(database, made.id).wanted_action


# ---------------------------------------------------------------------------------------------- R27


def test_r27_statuses_move_forward_to_closed(database: Database, org: dict[str, Any]) -> None:
    made = create(database, org, installation_request(org))
    assert detail(database, made.id).next_statuses == (ActivityStatus.PLANNED, ActivityStatus.STARTED)
    for status in (ActivityStatus.PLANNED, ActivityStatus.STARTED):
        with database.write() as session:
            shown = activities.set_activity_status(
                session, org["context"], activity_id=made.id, status=status
            )
        assert shown.status is status
    with pytest.raises(RuleViolation, match="only moves forward"), database.write() as session:
        activities.set_activity_status(
            session, org["context"], activity_id=made.id, status=ActivityStatus.PLANNED
        )
    with pytest.raises(InvalidInput, match="action taken"), database.write() as session:
        activities.set_activity_status(
            session, org["context"], activity_id=made.id, status=ActivityStatus.CLOSED
        )
    with database.write() as session:
        activities.close_activity(session, org["context"], activity_id=made.id, action_taken="Installerad.")
    with pytest.raises(RuleViolation, match="is closed"), database.write() as session:
        activities.close_activity(session, org["context"], activity_id=made.id, action_taken="Igen.")
    shown = detail(database, made.id)
    assert shown.status is ActivityStatus.CLOSED and shown.next_statuses == () and not shown.may_close


def test_r27_only_its_unit_or_the_aid_centre_changes_it(database: Database, org: dict[str, Any]) -> None:
    made = create(database, org, installation_request(org))
    elsewhere = dataclasses.replace(org["context"], service_location_id=org["other_location"])
    with pytest.raises(RuleViolation, match="another service location"), database.write() as session:
        activities.set_activity_status(session, elsewhere, activity_id=made.id, status=ActivityStatus.PLANNED)
    with database.seed() as session:
        session.add(UserRole(user_id=org["user"], role=Role.AID_CENTRE))
    with database.write() as session:
        activities.set_activity_status(session, elsewhere, activity_id=made.id, status=ActivityStatus.PLANNED)


def test_r27_search_by_number_or_by_service_location_and_period_newest_first(
    database: Database, org: dict[str, Any]
) -> None:
    first = create(database, org, installation_request(org))
    second = create(database, org, warranty_request(org))
    third = create(database, org, _application_request(org))
    with database.seed() as session:
        for made, day in ((first, TODAY - dt.timedelta(days=40)), (second, TODAY - dt.timedelta(days=5))):
            row = session.get(Activity, made.id)
            assert row is not None
            row.created_at = dt.datetime.combine(day, dt.time(10))
        row = session.get(Activity, third.id)
        assert row is not None
        row.created_at = dt.datetime.combine(TODAY, dt.time(9))
    with database.read() as session:
        period = activities.search_activities(
            session,
            ActivityQuery(
                service_location_id=org["location"], date_from=TODAY - dt.timedelta(days=30), date_to=TODAY
            ),
        )
        elsewhere = activities.search_activities(
            session,
            ActivityQuery(service_location_id=org["other_location"], date_from=TODAY - dt.timedelta(90)),
        )
        everything = activities.search_activities(session, ActivityQuery(service_location_id=org["location"]))
        by_number = activities.search_activities(
            session, ActivityQuery(number=f" {first.number[:4]} {first.number[4:]}")
        )
    assert [hit.number for hit in period] == [third.number, second.number]
    assert elsewhere == []
    assert [hit.number for hit in everything] == [third.number, second.number, first.number]
    (hit,) = by_number
    assert (
        hit.id == first.id and hit.kind is ActivityKind.INSTALLATION and hit.status is ActivityStatus.ASSIGNED
    )
    assert hit.individual_numbers == "41000003" and hit.service_location_code == "LUND"
    assert hit.patient_label.startswith("Nilsson, Karin (19500314-")
    with pytest.raises(InvalidInput, match="all 8 digits"), database.read() as session:
        activities.search_activities(session, ActivityQuery(number="2648"))


def test_r5_activity_search_names_a_protected_patient_by_the_fictive_name_only(
    database: Database, org: dict[str, Any]
) -> None:
    with database.seed() as session:
        patient = session.get(Patient, org["adult"])
        assert patient is not None
        patient.protected_identity = True
        number = patient.identity_number
    create(database, org, installation_request(org))
    with database.read() as session:
        (hit,) = activities.search_activities(session, ActivityQuery(service_location_id=org["location"]))
        start = activities.activity_start(session, org["context"], patient_id=org["adult"], today=TODAY)
    assert hit.patient_label == "Nilsson, Karin" and number[-4:] not in hit.patient_label
    assert start.patient_address is None  # R5: no address of the patient offered, everything via the unit


# ---------------------------------------------------------------------------------------------- R4, R32


def test_r4_inactive_patient_gets_no_activity(database: Database, org: dict[str, Any]) -> None:
    with database.seed() as session:
        patient = session.get(Patient, org["adult"])
        assert patient is not None
        patient.active = False
    assert refused(database, org, installation_request(org)) == (
        "The patient is inactive: no new orders or activities. Contact the aid centre."
    )


def test_r32_known_infection_marks_the_work_order_protective_clothing(
    database: Database, org: dict[str, Any]
) -> None:
    made = create(database, org, warranty_request(org, infection_known=True))
    assert detail(database, made.id).protective_clothing_required
    with database.read() as session:
        text = pdf_text(activity_sheet_pdf(session, activity_id=made.id, today=TODAY))
    assert "PROTECTIVE CLOTHING REQUIRED" in text
    plain = create(database, org, installation_request(org))
    with database.read() as session:
        assert "PROTECTIVE CLOTHING" not in pdf_text(activity_sheet_pdf(session, activity_id=plain.id))


# ---------------------------------------------------------------------------------------------- R37


def test_r37_renumber_from_the_activity_keeps_the_replaced_number(
    database: Database, org: dict[str, Any]
) -> None:
    made = create(database, org, warranty_request(org, individual_ids=(org["adult_aid"], org["adult_aid2"])))
    with pytest.raises(RuleViolation, match="confirmation"), database.write() as session:
        activities.renumber_from_activity(
            session,
            org["context"],
            activity_id=made.id,
            individual_id=org["adult_aid"],
            new_number="51000001",
            confirmed=False,
        )
    assert detail(database, made.id).aids[0].individual_number == "41000001"
    with database.write() as session:
        shown = activities.renumber_from_activity(
            session,
            org["context"],
            activity_id=made.id,
            individual_id=org["adult_aid"],
            new_number="51000001",
            confirmed=True,
        )
    renumbered = {a.individual_number: a.replaced_individual_number for a in shown.aids}
    assert renumbered == {"51000001": "41000001", "41000002": ""}
    assert shown.may_renumber  # the second aid may still be replaced
    with database.read() as session:
        link = session.scalars(
            select(ActivityIndividual).where(ActivityIndividual.individual_id == org["adult_aid"])
        ).one()
        assert link.replaced_individual_number == "41000001"
        note = session.scalars(
            select(IndividualEvent.note)
            .where(IndividualEvent.individual_id == org["adult_aid"])
            .order_by(IndividualEvent.occurred_at.desc())
        ).first()
    assert note == "41000001"
    # A second renumber of the same aid from this activity is refused (the replaced number stays).
    with pytest.raises(RuleViolation, match="already got a new number"), database.write() as session:
        activities.renumber_from_activity(
            session,
            org["context"],
            activity_id=made.id,
            individual_id=org["adult_aid"],
            new_number="61000001",
            confirmed=True,
        )


def test_r37_renumber_only_a_warranty_repairs_own_aid(database: Database, org: dict[str, Any]) -> None:
    repair = create(database, org, warranty_request(org))
    with pytest.raises(RuleViolation, match="not one of this activity's aids"), database.write() as session:
        activities.renumber_from_activity(
            session,
            org["context"],
            activity_id=repair.id,
            individual_id=org["adult_aid2"],
            new_number="51000002",
            confirmed=True,
        )
    installation = create(database, org, installation_request(org))
    with pytest.raises(RuleViolation, match="Only a warranty repair"), database.write() as session:
        activities.renumber_from_activity(
            session,
            org["context"],
            activity_id=installation.id,
            individual_id=org["adult_loop"],
            new_number="51000003",
            confirmed=True,
        )
    assert not detail(database, installation.id).may_renumber
    with database.read() as session:
        numbers = set(session.scalars(select(Individual.individual_number)))
    assert not numbers & {"51000002", "51000003"}


# ---------------------------------------------------------------------------------------------- the wizard's start


def test_activity_start_lists_the_aids_with_what_the_wizard_needs(
    database: Database, org: dict[str, Any]
) -> None:
    create(database, org, installation_request(org))
    with database.read() as session:
        start = activities.activity_start(session, org["context"], patient_id=org["adult"], today=TODAY)
    aids = {aid.individual_number: aid for aid in start.aids}
    assert set(aids) == {"41000001", "41000002", "41000003", "41000004"}
    assert aids["41000001"].delivered and not aids["41000004"].delivered
    assert [number for number, _kind in aids["41000003"].open_activities] and start.refusal == ""
    assert [u.code for u in start.units] == ["LUND"] and start.default_unit_id == org["location"]
    assert start.units[0].address == UNIT_ADDRESS and start.patient_address == HOME
    assert {s.name for s in start.services} == {"Garantireparation Oticon", "Installation av hörslinga"}


# ---------------------------------------------------------------------------------------------- the sheet


def test_r23_activity_sheet_carries_what_the_supplier_needs(database: Database, org: dict[str, Any]) -> None:
    made = create(
        database,
        org,
        warranty_request(
            org,
            individual_ids=(org["adult_aid"], org["adult_aid2"]),
            address=Address("Returvägen 5", "222 29", "Lund"),
        ),
    )
    with database.read() as session:
        text = pdf_text(
            activity_sheet_pdf(session, activity_id=made.id, comment="Ring innan leverans.", today=TODAY)
        )
    assert "Activity: warranty repair" in text and f"Activity number: {made.number}" in text
    for expected in (
        "Oticon Intent 1 miniRITE R",
        "41000001",
        "41000002",
        "SN41000001",
        "Anna Audionom",
        "046-17 10 01",
        "anna@example.se",
        "Hörselmottagningen Lund",
        "Sjukhusgatan 1",
        "221 85 Lund",
        "Ljudet försvinner periodvis i höger apparat.",
        "Return address",
        "Returvägen 5",
        "222 29 Lund",
        "Ring innan leverans.",
        "Oticon AB",
        "Garantireparation Oticon",
    ):
        assert expected in text, expected
    # The supplier needs no patient: neither the name nor the identity number is printed.
    assert "Nilsson" not in text and "Karin" not in text
    assert "Page 1 of 1" in text


def test_r23_activity_sheet_leaves_out_a_return_address_that_is_the_units(
    database: Database, org: dict[str, Any]
) -> None:
    made = create(database, org, warranty_request(org))
    with database.read() as session:
        sheet = activity_sheet(session, activity_id=made.id)
        text = pdf_text(activity_sheet_pdf(session, activity_id=made.id))
    assert sheet.return_address is None
    assert "The ordering unit above." in text


def test_activity_sheet_of_an_application_prints_the_application(
    database: Database, org: dict[str, Any]
) -> None:
    made = create(database, org, _application_request(org))
    with database.read() as session:
        text = pdf_text(activity_sheet_pdf(session, activity_id=made.id))
    assert "Activity: outside-assortment application" in text
    assert "Supplier: Starkey Sverige AB" in text and "CE-marked under MDR: Yes" in text
    assert "Named in the application below." in text


SWEDISH = {"Activity: warranty repair": "Aktivitet: garantireparation", "Fault description": "Felbeskrivning"}


def test_activity_sheet_is_translated(database: Database, org: dict[str, Any]) -> None:
    made = create(database, org, warranty_request(org))
    with database.read() as session:
        text = pdf_text(
            activity_sheet_pdf(session, activity_id=made.id, translate=lambda s: SWEDISH.get(s, s))
        )
    assert "Aktivitet: garantireparation" in text and "Felbeskrivning" in text


def test_r23_one_open_warranty_repair_per_aid(database: Database, org: dict[str, Any]) -> None:
    # An open repair registered while the device stayed with the patient (as imported data may have it).
    with database.seed() as session:
        activity = Activity(
            number="26470099",
            kind=ActivityKind.WARRANTY_REPAIR,
            patient_id=org["adult"],
            service_location_id=org["location"],
            orderer_id=org["user"],
        )
        session.add(activity)
        session.flush()
        session.add(ActivityIndividual(activity_id=activity.id, individual_id=org["adult_aid"]))
    with pytest.raises(RuleViolation) as error, database.write() as session:
        activities.create_activity(
            session, org["context"], request=warranty_request(org), allocator=NumberAllocator(), today=TODAY
        )
    assert "already has the open activity 26470099 of the same kind" in error.value.sentence()
    assert status_of(database, org["adult_aid"]) is IndividualStatus.DELIVERED


def test_an_activity_is_made_for_a_service_location_of_the_user(
    database: Database, org: dict[str, Any]
) -> None:
    sentence = refused(database, org, installation_request(org, service_location_id=org["other_location"]))
    assert sentence == "You do not work for the chosen service location; choose one of yours."


def test_an_overlong_text_is_refused_with_a_sentence(database: Database, org: dict[str, Any]) -> None:
    sentence = refused(database, org, warranty_request(org, wanted_action="x" * (activities.MAX_TEXT + 1)))
    assert sentence == "A text may be at most 4000 characters long."
