"""R1 and R7: identity numbers in every typed form, check digits, coordination and reserve numbers."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from app.errors import InvalidInput
from app.identity import make_identity_number, parse_identity
from db.models.enums import IdentityKind

TODAY = dt.date(2026, 11, 23)
birth_dates = st.dates(min_value=dt.date(1927, 1, 1), max_value=dt.date(2026, 11, 22))
serials = st.integers(min_value=0, max_value=999)


@given(birth_dates, serials, st.booleans())
def test_r1_every_typed_form_normalises_to_twelve_digits(
    born: dt.date, serial: int, coordination: bool
) -> None:
    number = make_identity_number(born, serial, coordination)
    short_separator = "+" if (TODAY.year - born.year) >= 100 else "-"
    forms = [
        number,
        f"{number[:8]}-{number[8:]}",
        f"{number[2:8]}{short_separator}{number[8:]}",
        f" {number[:8]} - {number[8:]} ",
    ]
    if short_separator == "-" and born.year > TODAY.year - 100:
        forms.append(number[2:])
    for form in forms:
        parsed = parse_identity(form, TODAY)
        assert parsed.number == number, form
        assert parsed.birth_date == born
        assert parsed.kind is (IdentityKind.COORDINATION if coordination else IdentityKind.PERSONAL)


@given(birth_dates, serials, st.integers(min_value=1, max_value=9))
def test_r1_wrong_check_digit_is_refused_with_the_right_digit(born: dt.date, serial: int, shift: int) -> None:
    number = make_identity_number(born, serial)
    wrong = number[:-1] + str((int(number[-1]) + shift) % 10)
    with pytest.raises(InvalidInput) as caught:
        parse_identity(wrong, TODAY)
    sentence = caught.value.sentence()
    assert "check digit" in sentence
    assert f"should be {number[-1]}" in sentence


@given(st.text(max_size=20))
def test_r1_any_text_is_parsed_or_refused_with_a_sentence(text: str) -> None:
    try:
        parsed = parse_identity(text, TODAY)
    except InvalidInput as error:
        assert error.sentence().strip()
    else:
        assert len(parsed.number) == 12


@given(birth_dates, st.text(alphabet="ABCDEFGHIJKLMNOPQRSTUVWXYZ", min_size=4, max_size=4))
def test_r7_reserve_number_is_birth_date_and_four_letters(born: dt.date, letters: str) -> None:
    parsed = parse_identity(f"{born:%Y%m%d}-{letters.lower()}", TODAY)
    assert parsed.kind is IdentityKind.RESERVE
    assert parsed.number == f"{born:%Y%m%d}{letters}"
    assert parsed.formatted() == f"{born:%Y%m%d}-{letters}"


def test_r1_impossible_dates_and_future_births_are_refused() -> None:
    with pytest.raises(InvalidInput, match="real birth date"):
        parse_identity("19991332-1234", TODAY)
    future = make_identity_number(dt.date(2027, 1, 5), 1)
    with pytest.raises(InvalidInput, match="future"):
        parse_identity(future, TODAY)


def test_r1_known_test_number() -> None:
    assert parse_identity("19121212-1212", TODAY).number == "191212121212"
    assert parse_identity("121212+1212", TODAY).number == "191212121212"
    assert parse_identity("121212-1212", TODAY).number == "201212121212"
