"""Issue 11: what a scanned text is (``read_code``): GS1 UDIs through biip, HIBC, and the plain numbers."""

from __future__ import annotations

import datetime as dt
import logging

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.errors import InvalidInput
from app.identity import make_identity_number
from app.scanning import codes as codes_module
from app.scanning.codes import GS, Code, CodeKind, read_code
from app.scanning.gs1 import make_gtin
from app.scanning.hibc import CHARACTERS, check_character

GTIN = make_gtin("0952001123456")  # GS1 prefix 952: for demonstrations and examples
IDENTITY = make_identity_number(dt.date(1985, 4, 12), 123)


def udi_text(gtin: str = GTIN, serial: str = "HB0123", expiry: str = "271231", lot: str = "L42") -> str:
    return f"01{gtin}17{expiry}10{lot}{GS}21{serial}"


# --------------------------------------------------------------------------------------------- GS1 / UDI


def test_udi_element_string_parsed_into_gtin_serial_lot_dates() -> None:
    code = read_code(f"]d2{udi_text()}")
    assert code.kinds == (CodeKind.UDI,)
    assert code.problem is None
    assert code.udi is not None
    assert (code.udi.gtin, code.udi.serial, code.udi.lot) == (GTIN, "HB0123", "L42")
    assert code.udi.expiry == dt.date(2027, 12, 31)
    assert code.udi.hri == f"(01){GTIN}(17)271231(10)L42(21)HB0123"
    assert code.shown() == code.udi.hri


@pytest.mark.parametrize("identifier", ["]d2", "]C1", "]e0", "]Q3", "]J1", ""])
def test_gs1_symbology_identifier_removed(identifier: str) -> None:
    code = read_code(f"{identifier}01{GTIN}21SN1")
    assert code.text == f"01{GTIN}21SN1"
    assert code.udi is not None and code.udi.serial == "SN1"


def test_gs1_symbology_identifier_of_a_plain_symbology_removed_too() -> None:
    code = read_code("]C0123456789")
    assert code.text == "123456789"
    assert code.kinds[0] is CodeKind.INDIVIDUAL


@pytest.mark.parametrize(
    "separator", [GS, "<GS>", "<gs>", "{GS}", "[GS]", "\\x1d", "\\u001d", "^]", "\u241d"]
)
def test_gs1_every_separator_form_becomes_gs(separator: str) -> None:
    code = read_code(f"01{GTIN}10LOT7{separator}21SN7")
    assert code.text == f"01{GTIN}10LOT7{GS}21SN7"
    assert code.udi is not None
    assert (code.udi.lot, code.udi.serial) == ("LOT7", "SN7")


def test_gs1_without_separator_where_fixed_length_ais_allow() -> None:
    code = read_code(f"01{GTIN}11250101172612001012345")
    assert code.udi is not None
    assert code.udi.production == dt.date(2025, 1, 1)
    assert code.udi.expiry == dt.date(2026, 12, 31)  # day 00: the last day of the month (GS1)
    assert code.udi.lot == "12345"


def test_gs1_gtin_alone_as_an_element_string() -> None:
    code = read_code(f"01{GTIN}")
    assert code.udi is not None and code.udi.gtin == GTIN and code.udi.serial is None
    assert read_code("0112345678901234").udi is None  # 16 digits, no GTIN check digit: a plain number


def test_gs1_leading_fnc1_as_gs_removed() -> None:
    code = read_code(f"{GS}01{GTIN}21SN9")
    assert code.udi is not None and code.udi.serial == "SN9"


def test_gs1_bracketed_hri_as_typed() -> None:
    code = read_code(f" (01) {GTIN} (21) HB0123 (17) 270200 ")
    assert code.udi is not None
    assert code.udi.serial == "HB0123"
    assert code.udi.expiry == dt.date(2027, 2, 28)


def test_gs1_digital_link_url() -> None:
    code = read_code(f"https://id.gs1.org/01/{GTIN}/21/HB77?17=280300&10=L9")
    assert code.kinds == (CodeKind.UDI,)
    assert code.udi is not None
    assert (code.udi.gtin, code.udi.serial, code.udi.lot) == (GTIN, "HB77", "L9")
    assert code.udi.expiry == dt.date(2028, 3, 31)


def test_udi_wrong_check_digit_one_sentence() -> None:
    wrong = GTIN[:-1] + str((int(GTIN[-1]) + 1) % 10)
    for text in (udi_text(wrong), f"(01){wrong}(21)X", f"https://id.gs1.org/01/{wrong}"):
        code = read_code(text)
        assert code.kinds == () and code.udi is None
        assert isinstance(code.problem, InvalidInput)
        sentence = code.problem.sentence()
        assert sentence.count(".") == 1 and sentence.endswith(".")
        assert wrong in sentence and f"should be {GTIN[-1]}" in sentence


@pytest.mark.parametrize("bad_date", ["270230", "271301", "270032", "260229"])
def test_udi_date_that_does_not_exist_one_sentence(bad_date: str) -> None:
    for text in (udi_text(expiry=bad_date), f"(01){GTIN}(17){bad_date}"):
        code = read_code(text)
        assert code.udi is None
        assert isinstance(code.problem, InvalidInput)
        assert f"(17){bad_date}" in code.problem.sentence()


def test_gs1_without_gtin_is_no_udi() -> None:
    code = read_code("(10)LOT1(21)SN1")
    assert code.udi is None and code.kinds == ()
    assert isinstance(code.problem, InvalidInput)


@given(
    serial=st.text(alphabet="ABCDEFGHJKLMNPQRSTUVWXYZ0123456789-/", min_size=1, max_size=20),
    lot=st.none() | st.text(alphabet="ABCDEFXYZ0123456789", min_size=1, max_size=20),
    expiry=st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2049, 12, 31)),
    production=st.none() | st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2049, 12, 31)),
    stem=st.text(alphabet="0123456789", min_size=13, max_size=13),
)
def test_udi_built_valid_round_trips(
    serial: str, lot: str | None, expiry: dt.date | None, production: dt.date | None, stem: str
) -> None:
    gtin = make_gtin(stem)
    parts = [f"01{gtin}"] + [f"{ai}{day:%y%m%d}" for ai, day in (("11", production), ("17", expiry)) if day]
    variable = [f"10{lot}"] if lot else []
    text = "".join(parts) + GS.join([*variable, f"21{serial}"])
    for form in (f"]d2{text}", text.replace(GS, "<GS>")):
        code = read_code(form)
        assert code.problem is None, code.problem
        assert code.udi is not None
        assert (code.udi.gtin, code.udi.serial, code.udi.lot) == (gtin, serial, lot)
        assert (code.udi.expiry, code.udi.production) == (expiry, production)
        assert read_code(code.udi.hri).udi == code.udi
        assert read_code(code.udi.element_string()).udi == code.udi


# --------------------------------------------------------------------------------------------- HIBC


def test_hibc_mod43_check() -> None:
    assert check_character("+A123BJC5D6E71") == "G"  # the HIBC standard's own example
    code = read_code("+A123BJC5D6E71G")
    assert code.kinds == (CodeKind.HIBC,)
    assert code.hibc is not None
    assert (code.hibc.labeler, code.hibc.product, code.hibc.unit) == ("A123", "BJC5D6E7", "1")
    wrong = read_code("+A123BJC5D6E71H")
    assert wrong.hibc is None and wrong.kinds == ()
    assert isinstance(wrong.problem, InvalidInput)
    assert "should be G" in wrong.problem.sentence()


def _hibc(data: str) -> str:
    return data + check_character(data)


def test_hibc_secondary_data_alone() -> None:
    code = read_code(_hibc("+$$3271231LOT42G"))  # YYMMDD expiry, lot, link character G
    assert code.hibc is not None
    assert (code.hibc.expiry, code.hibc.lot, code.hibc.link) == (dt.date(2027, 12, 31), "LOT42", "G")
    serial = read_code(_hibc("+$+SN1234G"))
    assert serial.hibc is not None and serial.hibc.serial == "SN1234"
    julian = read_code(_hibc("+27032LOT9G"))  # the old form: YYJJJ then the lot
    assert julian.hibc is not None and julian.hibc.expiry == dt.date(2027, 2, 1)


def test_hibc_concatenated_primary_and_secondary() -> None:
    code = read_code(_hibc("+A123BJC5D6E71/$$+0528SN77"))
    assert code.hibc is not None
    assert code.hibc.product == "BJC5D6E7"
    assert code.hibc.serial == "SN77"
    assert code.hibc.expiry == dt.date(2028, 5, 31)  # MMYY: the last day of the month
    quantity = read_code(_hibc("+A123BJC5D6E71/$$8103280101LOT5"))
    assert quantity.hibc is not None
    assert (quantity.hibc.quantity, quantity.hibc.expiry, quantity.hibc.lot) == (
        10,
        dt.date(2028, 1, 1),
        "LOT5",
    )


def test_hibc_date_that_does_not_exist_one_sentence() -> None:
    code = read_code(_hibc("+A123BJC5D6E71/$$3270230LOT1"))
    assert code.hibc is None
    assert isinstance(code.problem, InvalidInput)
    assert "270230" in code.problem.sentence()


# --------------------------------------------------------------------------------------------- plain texts


def test_r5_identity_number_is_identity_and_masked_when_shown() -> None:
    for form in (IDENTITY, f"{IDENTITY[:8]}-{IDENTITY[8:]}", IDENTITY[2:]):
        code = read_code(form)
        assert code.kinds[0] is CodeKind.IDENTITY
        assert code.identity == IDENTITY
        assert code.shown() == "1985xxxx-xxxx"
        assert IDENTITY[4:] not in repr(code) and IDENTITY[2:] not in code.shown()


def test_r5_reserve_number_is_reserve_and_masked() -> None:
    code = read_code("19850412-ABCD")
    assert code.kinds[0] is CodeKind.RESERVE
    assert code.shown() == "1985xxxx-xxxx"


def test_r15_document_number_plausible_week() -> None:
    assert read_code("26480012").kinds[0] is CodeKind.DOCUMENT
    assert CodeKind.DOCUMENT not in read_code("26540012").kinds  # no week 54
    assert CodeKind.DOCUMENT not in read_code("26000012").kinds


def test_eight_digits_document_and_gtin8() -> None:
    gtin8 = make_gtin("2648001")
    assert read_code(gtin8).kinds[:2] == (CodeKind.DOCUMENT, CodeKind.GTIN)


def test_bare_gtin13_and_gtin14() -> None:
    assert read_code(GTIN[1:]).kinds[0] is CodeKind.GTIN
    assert read_code(GTIN).kinds[0] is CodeKind.GTIN
    assert CodeKind.GTIN not in read_code(GTIN[1:-1] + str((int(GTIN[-1]) + 1) % 10)).kinds


def test_article_individual_serial_sip() -> None:
    assert read_code("123456").kinds[0] is CodeKind.ARTICLE
    assert read_code("123456789").kinds[:2] == (CodeKind.INDIVIDUAL, CodeKind.SERIAL)
    assert read_code("hb01868881").kinds[:2] == (CodeKind.SERIAL, CodeKind.INDIVIDUAL)
    assert read_code("sip:4640123456@SIP.example.se").kinds == (CodeKind.SIP,)
    assert read_code("  ").kinds == ()
    assert read_code("¤¤¤").kinds == ()


def test_digits_of_any_script_read() -> None:
    assert read_code("１２３４５６７８９").text == "123456789"


def test_read_code_logs_nothing(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.DEBUG):
        read_code(IDENTITY)
        read_code(udi_text())
    assert IDENTITY not in caplog.text
    assert "logging" not in codes_module.__dict__


# --------------------------------------------------------------------------------------------- fuzzing

_PREFIXES = ("", "]d2", "]C1", "]e0", "]Q3", "]E0", "+", GS)
_INSERTS = (
    "01",
    "21",
    "10",
    "17",
    "11",
    "00",
    "(01)",
    "(17)",
    "]d2",
    GS,
    "<GS>",
    "^]",
    "(",
    ")",
    "/",
    "$$",
    "+",
)
_LOT = "0123456789ABCXYZ-/.$+% "


def _mutate(text: str, seed: int) -> str:
    """*text* with one piece inserted or overwritten at a place *seed* picks (cheap for hypothesis: one
    integer draw makes the whole mutation)."""
    if seed % 3:
        return text
    at = seed // 3 % (len(text) + 1)
    piece = _INSERTS[seed // 7 % len(_INSERTS)] if seed % 2 else str(seed)[: seed % 5]
    return text[:at] + piece + text[at + seed // 11 % 4 :]


def _near_gs1(stem: int, wrong_digit: int, date: int, lot: int, shape: int, mutation: int) -> str:
    """A GS1 code built valid (element string, bracketed, Digital Link), then maybe broken: check digit,
    dates, pieces."""
    gtin = make_gtin(f"{stem:013d}")
    if wrong_digit < 10:
        gtin = gtin[:-1] + str(wrong_digit)
    if date % 4:  # mostly a date that exists (day 00 included), else any six digits
        date = date % 50 * 10_000 + (date // 50 % 12 + 1) * 100 + date // 600 % 29
    alphabet = _LOT if lot % 5 == 0 else "0123456789ABCXYZ-"  # mostly the characters GS1 allows
    lot_text = "".join(alphabet[(lot >> (5 * i)) % len(alphabet)] for i in range(1 + lot % 12))
    fields = [
        ("01", gtin),
        ("17", f"{date:06d}"),
        ("10", lot_text),
        ("21", lot_text[::-1]),
        ("11", f"{date:06d}"),
    ]
    first = shape % 5
    fields = (fields[first:] + fields[:first])[: 1 + shape // 5 % 5]
    form = shape // 25 % 4
    if form == 0:
        text = "".join(f"({ai}){value}" for ai, value in fields)
    elif form == 1:
        path = "/".join(f"{ai}/{value}" for ai, value in fields if ai in ("01", "21", "10"))
        query = "&".join(f"{ai}={value}" for ai, value in fields if ai in ("11", "17"))
        text = f"https://id.gs1.org/{path}?{query}"
    else:
        text = _PREFIXES[shape // 100 % len(_PREFIXES)] + GS.join(ai + value for ai, value in fields)
    return _mutate(text, mutation)


def _near_hibc(labeler: int, product: int, secondary: int, broken: int, mutation: int) -> str:
    """An HIBC code built valid, then maybe broken: check character, dates, pieces."""
    primary = "+" + CHARACTERS[10 + labeler % 26] + f"{labeler:03d}"[-3:] + f"{product:X}" + str(product % 10)
    flag = ("", "/$", "/$+", "/$$", "/$$+", "/$$8", "/$$9", "/$$3", "/$$5", "/$$7", "/", "/$$2", "/$$0")
    text = primary + flag[secondary % len(flag)] + str(secondary)[: secondary % 14]
    text += check_character(text) if broken % 4 else CHARACTERS[broken % 43]
    return _mutate(text, mutation)


def _split(seed: int, *sizes: int) -> list[int]:
    """One drawn integer as several (a single draw per example keeps 10 000 examples fast)."""
    parts = []
    for size in sizes:
        seed, part = divmod(seed, size)
        parts.append(part)
    return parts


near_gs1 = st.integers(0, 2**127).map(
    lambda seed: _near_gs1(*_split(seed, 10**13, 41, 10**6, 2**40, 2**12, 2**20))
)
near_hibc = st.integers(0, 2**127).map(
    lambda seed: _near_hibc(*_split(seed, 2**12, 2**24, 2**20, 2**8, 2**20))
)


def _never_raises(text: str) -> None:
    code = read_code(text)
    assert isinstance(code, Code)
    assert isinstance(code.shown(), str)
    if code.problem is not None:
        assert isinstance(code.problem.sentence(), str)


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=60))
def test_read_code_never_raises_for_any_text(text: str) -> None:
    _never_raises(text)


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(near_gs1)
def test_read_code_never_raises_for_near_gs1(text: str) -> None:
    _never_raises(text)


@settings(max_examples=10_000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(near_hibc)
def test_read_code_never_raises_for_near_hibc(text: str) -> None:
    _never_raises(text)
