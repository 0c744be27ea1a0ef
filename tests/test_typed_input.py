"""Digits typed with another keyboard or input method (full-width, Arabic-Indic, …): every place that reads
a number from typed text normalises them to ASCII or refuses them with a sentence, never crashes and never
stores or looks up a number nobody can find again."""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select

from app import fees, orders, patients, receipts
from app.database import Database
from app.errors import InvalidInput
from app.identity import make_identity_number, parse_identity
from app.orders import OrderQuery
from app.organisation import work_context
from app.receipts import LineReceipt
from app.typed_input import compact, document_number, is_digits, normalise_digits, whole_number
from db.models import Individual
from db.models.enums import FeeKind
from tests.test_fees import charger

TODAY = dt.date(2026, 11, 23)
NUMBER = make_identity_number(dt.date(1950, 3, 14), 123)  # 195003141232
# Zero of each script a clerk's keyboard or input method may send instead of ASCII digits.
ZEROS = {
    "full-width": 0xFF10,
    "Arabic-Indic": 0x0660,
    "Persian": 0x06F0,
    "Devanagari": 0x0966,
    "Thai": 0x0E50,
}


def written(text: str, script: str) -> str:
    """*text* with its ASCII digits written in *script* (and a full-width hyphen for full-width)."""
    zero = ZEROS[script]
    out = "".join(chr(zero + int(c)) if c.isdigit() else c for c in text)
    return out.replace("-", "\uff0d") if script == "full-width" else out


# A typed text of digits from every script, their look-alikes (superscripts, circled, Tai Tham digits
# with no decimal value), separators and a few letters.
digit_soup = st.text(
    alphabet=st.one_of(
        st.characters(categories=["Nd", "No"]),
        st.sampled_from("0123456789-+ ,.kr\u3000\uff0d\uff0cABCD"),
    ),
    max_size=16,
)


@given(st.characters(categories=["Nd"]))
def test_every_decimal_digit_is_read_as_its_ascii_digit(char: str) -> None:
    assert normalise_digits(char) == str(unicodedata.decimal(char))


@given(digit_soup)
def test_a_whole_number_is_read_or_refused_never_crashes(text: str) -> None:
    value = whole_number(text)
    if value is not None:
        assert is_digits("".join(normalise_digits(text).split()))


@pytest.mark.parametrize("script", ZEROS)
def test_r1_identity_number_typed_in_other_digits_is_normalised(script: str) -> None:
    for form in (NUMBER, f"{NUMBER[:8]}-{NUMBER[8:]}", f"{NUMBER[2:8]}-{NUMBER[8:]}"):
        parsed = parse_identity(written(form, script), TODAY)
        assert parsed.number == NUMBER, form
        assert parsed.birth_date == dt.date(1950, 3, 14)


@pytest.mark.parametrize("script", ZEROS)
def test_r1_wrong_check_digit_in_other_digits_gets_the_sentence(script: str) -> None:
    wrong = NUMBER[:-1] + str((int(NUMBER[-1]) + 1) % 10)
    with pytest.raises(InvalidInput) as caught:
        parse_identity(written(wrong, script), TODAY)
    assert f"should be {NUMBER[-1]}" in caught.value.sentence()
    coordination = make_identity_number(dt.date(1990, 6, 15), 42, coordination=True)
    with pytest.raises(InvalidInput, match="check digit"):
        parse_identity(written(coordination[:-1] + str((int(coordination[-1]) + 1) % 10), script), TODAY)


@given(digit_soup)
def test_r1_any_digits_are_parsed_to_ascii_or_refused_with_a_sentence(text: str) -> None:
    try:
        parsed = parse_identity(text, TODAY)
    except InvalidInput as error:
        assert error.sentence().strip()
    else:
        assert is_digits(parsed.number[:8]) and len(parsed.number) == 12 and parsed.number.isascii()


def test_r1_patient_found_by_identity_number_typed_in_full_width(
    demo: Database, examples: dict[str, str]
) -> None:
    number = examples["ordinary"]
    with demo.read() as session:
        for script in ("full-width", "Arabic-Indic"):
            found = patients.search_patients(session, written(f"{number[:8]}-{number[8:]}", script))
            assert found.exact and [hit.identity_number for hit in found.hits] == [
                f"{number[:8]}-{number[8:]}"
            ]
            partial = patients.search_patients(session, written(number[:8], script))
            assert f"{number[:8]}-{number[8:]}" in {hit.identity_number for hit in partial.hits}


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], max_examples=150)
@given(text=digit_soup)
def test_r1_patient_search_of_any_digits_finds_or_refuses_with_a_sentence(
    database: Database, text: str
) -> None:
    with database.read() as session:
        try:
            patients.search_patients(session, text, today=TODAY)
        except InvalidInput as error:
            assert error.sentence().strip()


def test_r17_order_number_typed_in_other_digits_finds_the_order(demo: Database, demo_template: Any) -> None:
    number = demo_template[1].numbers["order_awaiting_receipt"]
    with demo.read() as session:
        erik = work_context(session, username="erik.audionom", service_location_code="HM-MALMO")
        for script in ZEROS:
            typed = written(f"{number[:4]} {number[4:]}", script)
            assert [row.number for row in orders.search_orders(session, erik, OrderQuery(number=typed))] == [
                number
            ]
        with pytest.raises(InvalidInput, match="all 8 digits"):
            orders.search_orders(session, erik, OrderQuery(number="\u19da" * 8))  # Tai Tham: no value


def test_r18_delivery_found_by_a_number_typed_in_other_digits(demo: Database, demo_template: Any) -> None:
    numbers = demo_template[1].numbers
    purchase = numbers["replenishment_purchase_order"]
    with demo.read() as session:
        lars = work_context(session, username="lars.lager", service_location_code="HM-LUND")
        for script in ZEROS:
            delivery = receipts.find_delivery(
                session, lars, written(f"{purchase[:4]}-{purchase[4:]}", script)
            )
            assert delivery.order_number == numbers["replenishment_awaiting_receipt"]
        with pytest.raises(InvalidInput, match="8 digits"):
            receipts.find_delivery(session, lars, "\u00b2" * 7 + "\u19da")


@given(digit_soup)
def test_r18_any_typed_delivery_number_is_read_or_refused_with_a_sentence(text: str) -> None:
    try:
        number = receipts.normalise_number(text)
    except InvalidInput as error:
        assert error.sentence().strip()
    else:
        assert is_digits(number) and len(number) == 8


def test_r19_price_typed_in_other_digits_is_read() -> None:
    assert receipts.parse_amount("\uff11\u3000\uff12\uff13\uff14\uff0c\uff15\uff10") == Decimal("1234.50")
    assert receipts.parse_amount(written("850", "Arabic-Indic") + " kr") == Decimal("850.00")
    for wrong in ("\u19da\u19da", "1e3", "1_000", "½"):
        with pytest.raises(InvalidInput, match="not an amount"):
            receipts.parse_amount(wrong)


@given(digit_soup)
def test_r19_any_typed_price_is_read_or_refused_with_a_sentence(text: str) -> None:
    try:
        value = receipts.parse_amount(text)
    except InvalidInput as error:
        assert error.sentence().strip()
    else:
        assert value.is_finite() and value >= 0


def test_r19_individual_numbers_typed_in_full_width_at_receipt_are_stored_in_ascii(
    demo: Database, demo_template: Any
) -> None:
    numbers = demo_template[1].numbers
    with demo.read() as session:
        lars = work_context(session, username="lars.lager", service_location_code="HM-LUND")
        delivery = receipts.find_delivery(session, lars, numbers["replenishment_purchase_order"])
    aid, dome = delivery.lines
    typed = tuple((written(f"88000000{u}", "full-width"), f"PHX-000{u}") for u in (1, 2))
    with demo.write() as session:
        receipts.receive(
            session,
            lars,
            order_id=delivery.order_id,
            lines=[
                LineReceipt(aid.id, quantity=whole_number(written("2", "Arabic-Indic")) or 0, units=typed),
                LineReceipt(dome.id, quantity=whole_number("\uff11\uff10") or 0),
            ],
            today=TODAY,
        )
    with demo.read() as session:
        stored = session.scalars(
            select(Individual.individual_number).where(Individual.serial_number.in_(["PHX-0001", "PHX-0002"]))
        ).all()
    assert sorted(stored) == ["880000001", "880000002"]


def test_r10c_individual_typed_in_full_width_is_found_for_delivery(
    demo: Database, demo_template: Any
) -> None:
    number = demo_template[1].numbers["individual_in_stock"]
    with demo.read() as session:
        lund = work_context(session, username="anna.audionom", service_location_code="HM-LUND")
        choice = orders.find_individual_for_delivery(session, lund, written(number, "full-width"))
    assert choice.individual_number == number


def test_r22_charger_invoice_found_by_an_individual_number_typed_in_full_width(database: Database) -> None:
    setup = charger(database, "900077")
    with database.read() as session:
        row = fees.charger_invoice(session, setup.context, individual_number=written("900077", "full-width"))
    assert (row.kind, row.individual_number) == (FeeKind.CHARGER, "900077")


def test_a_document_number_is_read_as_typed_with_hyphen_spaces_or_full_width_digits() -> None:
    assert document_number("2649-0001") == "26490001"
    assert document_number(" 2649 0001 ") == "26490001"
    assert document_number("２６４９－０００１".replace("－", "-")) == "26490001"
    assert compact("26 49-0001") == "2649-0001"  # compact keeps the hyphen: a quantity's minus sign
