"""HIBC Supplier Labeling (HIBC LIC) codes, as some suppliers print them instead of GS1.

No maintained Python library reads them, so this is our own, after the HIBC Supplier Labeling Standard
(ANSI/HIBC 2.6): a leading ``+``; the primary data ``+LLLLPPP…U C`` (labeler identification code of four
characters, the first a letter; product or catalogue number of 1–18 characters; unit of measure, one
digit; check character); the secondary data ``+ … L C`` (quantity, expiry date, lot or serial number,
then the primary's check character as link character and its own check character); or both
concatenated ``+LLLLPPP…U/secondary C`` with one check character at the end. The check character is
the sum of the values of every character before it (``0``–``9`` are 0–9, ``A``–``Z`` 10–35, then
``- . space $ / + %``) modulo 43.

Secondary data, after the optional ``+``:
- ``YYJJJ`` (a digit first: the old form) expiry as year and day of year, then the lot;
- ``$`` lot; ``$+`` serial number;
- ``$$`` or ``$$+`` (lot or serial) with the expiry in a format given by the next digit: ``0``/``1``
  MMYY, ``2`` MMDDYY, ``3`` YYMMDD, ``4`` YYMMDDHH, ``5`` YYJJJ, ``6`` YYJJJHH, ``7`` no date; ``8``
  two digits of quantity first, ``9`` five digits of quantity first, then the date format digit.
Supplementary fields after a further ``/`` (``/14D…``, ``/16D…``) are not read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from app.errors import InvalidInput
from app.i18n import QT_TRANSLATE_NOOP

CHARACTERS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%"
_VALUE = {char: value for value, char in enumerate(CHARACTERS)}
_PRIMARY = re.compile(r"^([A-Z][A-Z0-9]{3})([A-Z0-9]{1,18})([0-9])$")
# Date field formats of ``$$`` secondary data: (digits after the flag, strptime form). MMYY has no flag.
_DATE_FORMATS = {
    "2": (6, "%m%d%y"),
    "3": (6, "%y%m%d"),
    "4": (8, "%y%m%d%H"),
    "5": (5, "julian"),
    "6": (7, "julian"),
    "7": (0, ""),
}


@dataclass(frozen=True)
class Hibc:
    """What an HIBC code says: the primary data, the secondary data, or both."""

    labeler: str | None = None  # labeler identification code (LIC), four characters
    product: str | None = None  # the labeler's product or catalogue number
    unit: str | None = None  # unit of measure, one digit (0 the unit of use)
    lot: str | None = None
    serial: str | None = None
    expiry: dt.date | None = None
    quantity: int | None = None
    link: str | None = None  # a secondary code alone: the primary's check character it belongs to


def check_character(data: str) -> str:
    """The mod-43 check character of *data* (every character from the leading ``+`` on)."""
    return CHARACTERS[sum(_VALUE[char] for char in data) % 43]


def looks_like_hibc(text: str) -> bool:
    """A text that starts as HIBC LIC does (the provider standard ``+/`` is something else)."""
    return len(text) >= 3 and text[0] == "+" and text[1] != "/"


def read_hibc(text: str) -> tuple[Hibc | None, InvalidInput | None]:
    """Parse *text* (upper case, no symbology identifier); (None, None) when it does not look like HIBC,
    (None, sentence) when it does but cannot be taken."""
    if not looks_like_hibc(text):
        return None, None
    if any(char not in _VALUE for char in text):
        return None, _unreadable(text)
    data, check = text[:-1], text[-1]
    expected = check_character(data)
    if check != expected:
        return None, InvalidInput(
            QT_TRANSLATE_NOOP(
                "app",
                "The check character of the scanned HIBC code {text} is wrong: the last character should be "
                "{expected}.",
            ),
            text=text,
            expected=expected,
        )
    body = data[1:]
    primary_text, slash, secondary_text = body.partition("/")
    if body[:1].isdigit() or body.startswith("$"):  # secondary data alone, ending in the link character
        if len(body) < 2:
            return None, _unreadable(text)
        secondary = _secondary(body[:-1])
        if secondary is None:
            return None, _unreadable(text)
        if isinstance(secondary, InvalidInput):
            return None, secondary
        return Hibc(link=body[-1], **secondary), None
    primary = _PRIMARY.match(primary_text)
    if primary is None:
        return None, _unreadable(text)
    labeler, product, unit = primary.groups()
    fields: dict[str, Any] = {}
    if slash:
        secondary = _secondary(secondary_text.partition("/")[0])
        if secondary is None:
            return None, _unreadable(text)
        if isinstance(secondary, InvalidInput):
            return None, secondary
        fields = secondary
    return Hibc(labeler=labeler, product=product, unit=unit, **fields), None


def _secondary(data: str) -> dict[str, Any] | InvalidInput | None:
    """The fields of secondary data (without leading ``+`` and link character); None when it is not."""
    if not data:
        return None
    if data[0].isdigit():  # YYJJJ then the lot
        if len(data) < 5 or not data[:5].isdigit():
            return None
        expiry = _julian(data[:5])
        if expiry is None:
            return _no_date(data[:5])
        return {"expiry": expiry, "lot": data[5:] or None}
    if not data.startswith("$"):
        return None
    rest = data[1:]
    if not rest.startswith("$"):  # "$" lot or "$+" serial, no date
        return _lot_or_serial(rest, {})
    rest = rest[1:]
    serial = rest.startswith("+")
    rest = rest.removeprefix("+")
    fields: dict[str, Any] = {}
    flag = rest[:1]
    if flag in ("8", "9"):
        digits = 2 if flag == "8" else 5
        quantity = rest[1 : 1 + digits]
        if len(quantity) != digits or not quantity.isdigit():
            return None
        fields["quantity"] = int(quantity)
        rest = rest[1 + digits :]
        flag = rest[:1]
    if flag in ("0", "1"):  # MMYY, no flag of its own
        date_text, rest = rest[:4], rest[4:]
        expiry = _month_year(date_text)
    elif flag in _DATE_FORMATS:
        length, form = _DATE_FORMATS[flag]
        date_text, rest = rest[1 : 1 + length], rest[1 + length :]
        if not length:
            expiry = None
        elif form == "julian":
            expiry = _julian(date_text[:5]) if len(date_text) == length else None
        else:
            expiry = _date(date_text, form, length)
    else:
        return None
    if date_text and expiry is None:
        return _no_date(date_text)
    if expiry is not None:
        fields["expiry"] = expiry
    return _lot_or_serial(("+" if serial else "") + rest, fields)


def _lot_or_serial(rest: str, fields: dict[str, Any]) -> dict[str, Any]:
    if rest.startswith("+"):
        fields["serial"] = rest[1:] or None
    else:
        fields["lot"] = rest or None
    return fields


def _date(text: str, form: str, length: int) -> dt.date | None:
    if len(text) != length or not text.isdigit():
        return None
    try:
        return dt.datetime.strptime(text, form).date()
    except ValueError:
        return None


def _julian(text: str) -> dt.date | None:
    if len(text) != 5 or not text.isdigit():
        return None
    year, day = 2000 + int(text[:2]), int(text[2:])
    if not 1 <= day <= (366 if calendar.isleap(year) else 365):
        return None
    return dt.date(year, 1, 1) + dt.timedelta(days=day - 1)


def _month_year(text: str) -> dt.date | None:
    """MMYY: the last day of the month."""
    if len(text) != 4 or not text.isdigit() or not 1 <= int(text[:2]) <= 12:
        return None
    year, month = 2000 + int(text[2:]), int(text[:2])
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _no_date(text: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "app",
            "The expiry date {value} in the scanned HIBC code does not exist; check the date on the label.",
        ),
        value=text,
    )


def _unreadable(text: str) -> InvalidInput:
    return InvalidInput(
        QT_TRANSLATE_NOOP(
            "app",
            "The scanned code {text} starts like an HIBC code but cannot be read; type the numbers from the "
            "label instead.",
        ),
        text=text,
    )
