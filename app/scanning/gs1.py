"""GS1 codes from boxes: the UDI of the EU MDR (GS1 DataMatrix, GS1-128, GS1 QR, GS1 Digital Link).

``biip`` does the parsing (element strings with or without the GS separator where the fixed-length AIs
allow it, the bracketed human-readable form a clerk types, Digital Link URLs, GTIN check digits, the
century of a two-digit year, day 00 as the last day of the month). This module asks biip not to refuse
an impossible date itself, so that it can say which date it was (``(17)270230``), and turns biip's English
errors into one sentence for the clerk.

``read_gs1(text)`` takes a text the scanner module has already cleaned (symbology identifier removed,
every GS form as ``"\\x1d"``); it says None for a text that does not look like GS1 at all.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from biip import ParseConfig, ParseError
from biip.checksums import gs1_standard_check_digit
from biip.gs1_digital_link_uris import GS1DigitalLinkURI
from biip.gs1_element_strings import GS1ElementString
from biip.gs1_messages import GS1Message
from biip.gtin import Gtin

from app.errors import InvalidInput
from app.i18n import QT_TRANSLATE_NOOP

GS = "\x1d"

# biip leaves the dates to us (``date`` stays None for an impossible one): we name the wrong date.
_CONFIG = ParseConfig(gs1_element_strings_verify_date=False, separator_chars=(GS,))
# The AIs whose value is a date YYMMDD (production, best before, sell by, expiry …).
_DATE_AIS = frozenset({"11", "12", "13", "15", "16", "17"})
# An element string without brackets that starts with the GTIN (01): with something after it, or alone
# when its check digit is right (16 digits that are not a GTIN stay a plain number).
_ELEMENT_STRING = re.compile(r"^01([0-9]{14})(.?)")
_PATTERN_REFUSED = re.compile(r"^Failed to match '(?P<element>[^']*)' with GS1 AI \((?P<ai>[0-9]+)\)")
_DIGITAL_LINK = re.compile(r"^https?://", re.IGNORECASE)


@dataclass(frozen=True)
class Udi:
    """A GS1 code's device identifier (01) and production identifiers, checked."""

    gtin: str | None  # 14 digits as on the box
    serial: str | None  # (21)
    lot: str | None  # (10)
    expiry: dt.date | None  # (17)
    production: dt.date | None  # (11)
    hri: str  # "(01)07391234567890(21)HB0123(17)271231"

    def element_string(self) -> str:
        """The code's content as a scanner sends it (without symbology identifier): fixed-length fields
        first, a GS after every variable-length field but the last."""
        parts = [f"01{self.gtin}"] if self.gtin else []
        parts += [f"{ai}{day:%y%m%d}" for ai, day in (("11", self.production), ("17", self.expiry)) if day]
        variable = [f"{ai}{value}" for ai, value in (("10", self.lot), ("21", self.serial)) if value]
        return "".join(parts) + GS.join(variable)


@dataclass(frozen=True)
class Gs1Reading:
    """What a GS1 text holds: a UDI, or the one sentence saying why it cannot be taken."""

    udi: Udi | None
    problem: InvalidInput | None


def looks_like_gs1(text: str, *, gs1_symbology: bool = False) -> bool:
    """A text worth parsing as GS1: a GS1 symbology said so, it is bracketed ``(01)…``, it has a GS, it
    is a Digital Link URL, or it is an element string that starts with the GTIN (01) and goes on."""
    return (
        gs1_symbology
        or text.startswith("(")
        or GS in text
        or bool(_DIGITAL_LINK.match(text))
        or _is_element_string(text)
    )


def _is_element_string(text: str) -> bool:
    match = _ELEMENT_STRING.match(text)
    return match is not None and bool(match[2] or gtin_check(match[1]))


def read_gs1(text: str, *, gs1_symbology: bool = False) -> Gs1Reading | None:
    """Parse *text* as GS1 (see the module's docstring); None when it does not look like GS1."""
    if not looks_like_gs1(text, gs1_symbology=gs1_symbology):
        return None
    try:
        elements = _elements(text)
    except ParseError as error:
        return Gs1Reading(None, _date_refused(str(error)) or _unreadable())
    except (ValueError, LookupError):
        return Gs1Reading(None, _unreadable())
    return _reading(elements)


def _elements(text: str) -> list[GS1ElementString]:
    if _DIGITAL_LINK.match(text):
        return list(GS1DigitalLinkURI.parse(text, config=_CONFIG).element_strings)
    if text.startswith("("):
        return list(GS1Message.parse_hri(text, config=_CONFIG).element_strings)
    return list(GS1Message.parse(text.lstrip(GS), config=_CONFIG).element_strings)


def _date_refused(message: str) -> InvalidInput | None:
    """The sentence for a date that biip's pattern for the AI refused already (month 13): biip says
    ``Failed to match '<AI><value>…' with GS1 AI (17) …``."""
    refused = _PATTERN_REFUSED.match(message)
    if refused is None or refused["ai"] not in _DATE_AIS or not refused["element"].startswith(refused["ai"]):
        return None
    return _no_such_date(refused["ai"], refused["element"][len(refused["ai"]) :][:6])


def _no_such_date(ai: str, value: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "app", "The scanned code's date ({ai}){value} does not exist; check the date on the label."
        ),
        ai=ai,
        value=value,
    )


def _reading(elements: list[GS1ElementString]) -> Gs1Reading:
    values: dict[str, str] = {}
    dates: dict[str, dt.date] = {}
    for element in elements:
        ai = element.ai.ai
        if ai == "01" and element.gtin is None:
            return Gs1Reading(None, wrong_check_digit(element.value))
        if ai in _DATE_AIS:
            if element.date is None:
                return Gs1Reading(None, _no_such_date(ai, element.value))
            dates[ai] = element.date
        values.setdefault(ai, element.value)
    hri = "".join(element.as_hri() for element in elements)
    if "01" not in values:
        return Gs1Reading(
            None,
            InvalidInput(
                QT_TRANSLATE_NOOP("app", "The scanned GS1 code {hri} names no product: it has no GTIN (01)."),
                hri=hri,
            ),
        )
    udi = Udi(
        gtin=values["01"],
        serial=values.get("21"),
        lot=values.get("10"),
        expiry=dates.get("17"),
        production=dates.get("11"),
        hri=hri,
    )
    return Gs1Reading(udi, None)


def wrong_check_digit(gtin: str) -> InvalidInput:
    """The sentence for a GTIN whose last digit is not its check digit."""
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "app",
            "The GTIN {gtin} in the scanned code has a wrong check digit: the last digit should be "
            "{expected}.",
        ),
        gtin=gtin,
        expected=str(gs1_standard_check_digit(gtin[:-1])) if gtin[:-1].isdigit() else "?",
    )


def _unreadable() -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "app",
            "The scanned code looks like a GS1 code but its fields cannot be read; type the numbers from "
            "the label instead.",
        )
    )


def gtin_check(text: str) -> str | None:
    """*text* as a GTIN-14 (zero-padded) when it is a GTIN-8, -12, -13 or -14 with a right check digit."""
    if len(text) not in (8, 12, 13, 14) or not (text.isascii() and text.isdigit()):
        return None
    try:
        return Gtin.parse(text).as_gtin_14()
    except (ParseError, ValueError):
        return None


def with_indicator(gtin14: str, indicator: str) -> str:
    """The GTIN-14 of the same item reference with another indicator digit (a case of 10 → the unit)."""
    stem = indicator + gtin14[1:13]
    return stem + str(gs1_standard_check_digit(stem))


def make_gtin(stem: str) -> str:
    """*stem* (7, 11, 12 or 13 digits) with its GS1 check digit added (demo data and tests)."""
    return stem + str(gs1_standard_check_digit(stem))
