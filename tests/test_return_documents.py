"""The pickup order (R28, R29, R32), the return receipt (R30) and the return slip (R31), read back."""

from __future__ import annotations

import datetime as dt

import pytest

from app import returns
from app.database import Database
from app.documents.pickup_order import pickup_order_pdf
from app.documents.return_receipt import return_receipt_pdf
from app.documents.return_slip import return_slip_pdf
from app.errors import RuleViolation
from app.identity import format_identity
from app.returns import Destination
from db.models import Patient, ServiceLocation, User
from db.models.enums import PickupReason
from tests.test_documents import pdf_text
from tests.test_returns import Desk, _aid, _register, _request, make_desk


@pytest.fixture
def desk(database: Database) -> Desk:
    return make_desk(database)


def _set_addresses(database: Database, d: Desk) -> None:
    with database.seed() as session:
        location = session.get(ServiceLocation, d.context.service_location_id)
        user = session.get(User, d.context.user_id)
        assert location is not None and user is not None
        location.street, location.postal_code, location.phone = "Getingevägen 4", "221 85", "046-17 10 00"
        user.phone, user.email = "046-17 12 34", "anna.audionom@skane.example"


def test_r28_pickup_order_pdf_names_the_unit_the_user_the_aids_and_the_packing(
    database: Database, desk: Desk
) -> None:
    _set_addresses(database, desk)
    done = _register(
        database,
        desk.context,
        _request(
            Destination.CENTRAL_WAREHOUSE,
            desk.patient,
            _aid(returns.key_of_individual(desk.aid)),
            _aid(returns.key_of_line(desk.domes), 4),
            reason=PickupReason.WRONG_ORDER,
            comment="Beställd i fel färg.",
        ),
    )
    with database.read() as session:
        text = pdf_text(pickup_order_pdf(session, done.id))
        patient = session.get(Patient, desk.patient)
        assert patient is not None
    assert "Pickup order" in text and done.number in text
    assert "Sent to the central warehouse by post" in text
    assert "Wrong order: Beställd i fel färg." in text
    assert "Hörselmottagningen Lund Getingevägen 4 221 85 Lund" in text  # pickup address = the unit
    assert "Anna Audionom" in text and "046-17 12 34" in text  # contact = the user
    assert "412345678" in text and "SN412345678" in text and "Oticon Intent 1" in text
    assert "Dome 8 mm" in text
    assert "Verksamhetsområde Hjälpmedel Truckstigen 2 245 34 Staffanstorp" in text
    assert "padded envelope" in text and "HÖRSEL" in text
    assert format_identity(patient.identity_number) in text
    assert "Spärrat" not in text


def test_r29_the_checklist_is_not_sent_with_the_parcel(database: Database, desk: Desk) -> None:
    done = _register(
        database,
        desk.context,
        _request(Destination.CENTRAL_WAREHOUSE, desk.patient, _aid(returns.key_of_individual(desk.aid))),
    )
    with database.read() as session:
        text = pdf_text(pickup_order_pdf(session, done.id))
    for sentence in returns.CHECK_POINT_TEXTS.values():
        assert sentence.split(",")[0].rstrip(".") not in text


def test_r32_pickup_order_marks_the_aid_of_an_incident_blocked(database: Database, desk: Desk) -> None:
    done = _register(
        database,
        desk.context,
        _request(
            Destination.CENTRAL_WAREHOUSE,
            desk.patient,
            _aid(returns.key_of_individual(desk.aid), incident=True),
        ),
    )
    with database.read() as session:
        text = pdf_text(pickup_order_pdf(session, done.id))
    assert "Spärrat hjälpmedel, till hjälpmedelskonsulent" in text
    assert "red paper" in text and "aid consultant" in text


def test_r5_pickup_order_of_a_protected_patient_prints_no_real_name_or_address(
    database: Database, desk: Desk
) -> None:
    with database.seed() as session:
        patient = session.get(Patient, desk.patient)
        assert patient is not None
        patient.protected_identity = True
        patient.first_name, patient.last_name = "Skyddad", "Person"
        real_street = patient.street
    done = _register(
        database,
        desk.context,
        _request(Destination.CENTRAL_WAREHOUSE, desk.patient, _aid(returns.key_of_individual(desk.aid))),
    )
    with database.read() as session:
        text = pdf_text(pickup_order_pdf(session, done.id))
    assert "Skyddad Person" in text
    assert "Nilsson" not in text and "Karin" not in text and real_street not in text


def test_r30_return_receipt_lists_what_went_back_into_own_stock(database: Database, desk: Desk) -> None:
    done = _register(
        database,
        desk.context,
        _request(
            Destination.OWN_STOCK,
            desk.patient,
            _aid(returns.key_of_individual(desk.aid)),
            reason=PickupReason.CHANGED_MIND,
        ),
    )
    with database.read() as session:
        text = pdf_text(return_receipt_pdf(session, done.id))
        with pytest.raises(RuleViolation):
            return_slip_pdf(session, done.id)
    assert "Return receipt" in text and done.number in text
    assert "The patient changed their mind" in text
    assert "412345678" in text and "Own stock L-LUND" in text and "Hörselmottagningen Lund" in text


def test_r31_return_slip_says_credit_and_names_the_supplier_not_the_patient(
    database: Database, desk: Desk
) -> None:
    done = _register(
        database,
        desk.context,
        _request(
            Destination.SUPPLIER,
            None,
            _aid(
                returns.key_of_individual(desk.in_stock),
                checklist=returns.all_done(returns.SUPPLIER_CHECK_POINTS),
            ),
            comment="Levererad med fel färg; returneras enligt överenskommelse.",
        ),
    )
    with database.read() as session:
        text = pdf_text(return_slip_pdf(session, done.id))
        with pytest.raises(RuleViolation):
            return_receipt_pdf(session, done.id)
    assert "Return slip" in text and done.number in text
    assert "Return reason: Credit" in text
    assert "Oticon AB" in text and "598765432" in text and "SN598765432" in text
    assert "Levererad med fel färg" in text
    assert "Nilsson" not in text


def test_pdfs_are_translated(database: Database, desk: Desk) -> None:
    done = _register(
        database,
        desk.context,
        _request(Destination.CENTRAL_WAREHOUSE, desk.patient, _aid(returns.key_of_individual(desk.aid))),
    )
    with database.read() as session:
        swedish = {
            "Pickup order": "Hämtorder",
            "Sent to the central warehouse by post": "Skickas till centrallager med post",
        }
        text = pdf_text(pickup_order_pdf(session, done.id, translate=lambda s: swedish.get(s, s)))
    assert "Hämtorder" in text and "Skickas till centrallager med post" in text


def test_dates_are_the_documents_own(database: Database, desk: Desk) -> None:
    done = _register(
        database,
        desk.context,
        _request(Destination.CENTRAL_WAREHOUSE, desk.patient, _aid(returns.key_of_individual(desk.aid))),
    )
    with database.read() as session:
        text = pdf_text(pickup_order_pdf(session, done.id))
    assert dt.date.today().isoformat() in text
