"""Identity numbers: personnummer, samordningsnummer and reserve numbers (R1, R7).

Typed forms ``YYYYMMDD-NNNC``, ``YYYYMMDDNNNC``, ``YYMMDD-NNNC``, ``YYMMDD+NNNC`` (aged 100 or more)
are normalised to 12 digits, whatever digits the keyboard sent (``app.typed_input``). The check digit (Luhn) and the birth date are checked by python-stdnum;
a coordination number is a personnummer whose day has 60 added. A reserve number is a birth date and
four letters (``YYYYMMDD-ABCD``), for asylum seekers and undocumented patients.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from stdnum import luhn
from stdnum.exceptions import InvalidChecksum, InvalidComponent, ValidationError
from stdnum.se import personnummer

from app.errors import InvalidInput
from app.i18n import QT_TRANSLATE_NOOP
from app.typed_input import normalise_digits
from db.models.enums import IdentityKind

_DIGITS = re.compile(r"^([0-9]{6}|[0-9]{8})([-+]?)([0-9]{4})$")
_RESERVE = re.compile(r"^([0-9]{6}|[0-9]{8})-?([A-ZÅÄÖ]{4})$")
COORDINATION_DAY_OFFSET = 60


@dataclass(frozen=True)
class IdentityNumber:
    """A checked, normalised identity number."""

    number: str  # 12 characters, no separator
    kind: IdentityKind
    birth_date: dt.date

    def formatted(self) -> str:
        """As the desk writes it: ``YYYYMMDD-NNNC`` (or ``YYYYMMDD-ABCD`` for a reserve number)."""
        return f"{self.number[:8]}-{self.number[8:]}"


def _clean(text: str) -> str:
    return re.sub(r"\s", "", normalise_digits(text)).upper()


def _full_year(two_digits: str, plus: bool, today: dt.date) -> int:
    century = today.year // 100
    if int(two_digits) > today.year % 100:
        century -= 1
    if plus:
        century -= 1
    return century * 100 + int(two_digits)


def _date(year: int, month: int, day: int) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "{text} does not start with a real birth date (YYYYMMDD)."),
            text=f"{year:04d}{month:02d}{day:02d}",
        ) from None


def parse_identity(text: str, today: dt.date | None = None) -> IdentityNumber:
    """Check and normalise *text*; raise ``InvalidInput`` with one sentence for the clerk."""
    today = today or dt.date.today()
    cleaned = _clean(text)
    if not cleaned:
        raise InvalidInput(QT_TRANSLATE_NOOP("app", "Type an identity number or a name."))

    reserve = _RESERVE.match(cleaned)
    if reserve:
        date_part, letters = reserve.groups()
        if len(date_part) == 6:
            date_part = f"{_full_year(date_part[:2], False, today)}{date_part[2:]}"
        birth = _date(int(date_part[:4]), int(date_part[4:6]), int(date_part[6:8]))
        return IdentityNumber(date_part + letters, IdentityKind.RESERVE, birth)

    match = _DIGITS.match(cleaned)
    if not match:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app",
                "{text} is not an identity number: use 12 digits (YYYYMMDD-NNNN) or a reserve number "
                "(YYYYMMDD-ABCD).",
            ),
            text=text.strip(),
        )
    date_part, separator, last_four = match.groups()
    if len(date_part) == 6:
        date_part = f"{_full_year(date_part[:2], separator == '+', today)}{date_part[2:]}"
    year, month, day = int(date_part[:4]), int(date_part[4:6]), int(date_part[6:8])
    kind = IdentityKind.PERSONAL
    if day > COORDINATION_DAY_OFFSET:
        kind = IdentityKind.COORDINATION
        day -= COORDINATION_DAY_OFFSET
    birth = _date(year, month, day)
    if birth > today:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "{text} has a birth date in the future."), text=text.strip()
        )
    number = date_part + last_four
    # python-stdnum checks a personnummer (date and Luhn digit); it does not know coordination
    # numbers, whose Luhn digit is computed over the day with 60 added, so those are checked with luhn.
    try:
        if kind is IdentityKind.PERSONAL:
            personnummer.validate(f"{number[:8]}-{number[8:]}")
        else:
            luhn.validate(number[2:])
    except InvalidChecksum:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app",
                "The check digit of {text} is wrong: the last digit should be {expected}. Check the number "
                "with the patient.",
            ),
            text=f"{number[:8]}-{number[8:]}",
            expected=luhn.calc_check_digit(number[2:11]),
        ) from None
    except (InvalidComponent, ValidationError):
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "{text} is not a valid identity number."), text=text.strip()
        ) from None
    return IdentityNumber(number, kind, birth)


def make_identity_number(birth: dt.date, serial: int, coordination: bool = False) -> str:
    """A valid 12-digit number for *birth* with the three-digit *serial* (demo data and tests)."""
    day = birth.day + (COORDINATION_DAY_OFFSET if coordination else 0)
    stem = f"{birth:%Y%m}{day:02d}{serial % 1000:03d}"
    return stem + luhn.calc_check_digit(stem[2:])


def age_on(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def format_identity(number: str) -> str:
    """A stored 12-character number as the desk writes it: ``YYYYMMDD-NNNC``."""
    return f"{number[:8]}-{number[8:]}"
