"""What a scanned text is: the classifier of the scanning path (``read_code``).

Pure and fast (the UI thread may call it): no database, no logging. A text is first cleaned
(``Code.text``): the literal forms of the GS1 group separator a clerk can paste (``<GS>``, ``{GS}``,
``[GS]``, ``\\x1d``, ``\\u001d``, ``^]``, ``␝``, any case) become the one character ``"\\x1d"``, as the
scanner recogniser already sends it; a leading symbology identifier (``]d2``, ``]C1``, ``]Q3``, ``]e0``,
``]E0`` …) is removed, and remembered when it says GS1; a leading GS (FNC1 sent as a character) is
removed; every other control character and all white space go; digits in any script become ASCII
(``app.typed_input``).

Then, in this order: GS1 (``app.scanning.gs1``: element strings, bracketed HRI, Digital Link URLs), HIBC
(``app.scanning.hibc``), and the plain texts — identity and reserve numbers (``app.identity``), document
numbers ``YYWWNNNN`` (R15), GTINs, article numbers, SIP numbers, individual and serial numbers. A plain
text may be several of these; ``Code.kinds`` lists them most likely first.

R5: ``Code.shown()`` never shows an identity or reserve number in full, and ``repr(code)`` leaves out
the scanned text, so a code may be shown in the status bar, listed among the unknown scans, or put in a
log line without carrying a patient's number.
"""

from __future__ import annotations

import enum
import re
import unicodedata
from dataclasses import dataclass, field

from biip import ParseError
from biip.symbology import GS1Symbology, SymbologyIdentifier

from app.errors import ClerkError
from app.identity import IdentityNumber, parse_identity
from app.individual_record import INDIVIDUAL_NUMBER, normalise_sip_number
from app.scanning.gs1 import GS, Udi, gtin_check, read_gs1
from app.scanning.hibc import Hibc, looks_like_hibc, read_hibc
from app.typed_input import is_digits, normalise_digits
from db.models.enums import IdentityKind

__all__ = ["GS", "Code", "CodeKind", "Hibc", "Udi", "read_code"]

# The forms of the GS separator a clerk can paste or a scanner program writes out (see the docstring).
_GS_FORMS = re.compile(r"<GS>|\{GS\}|\[GS\]|\\x1d|\\u001d|\^\]|\u241d", re.IGNORECASE)
# An AIM symbology identifier: "]", the symbology's letter, one modifier character.
_SYMBOLOGY_IDENTIFIER = re.compile(r"^\][A-Za-z][0-9A-Za-z]")
# How long a text the classifier looks at; a scanner burst is far shorter.
MAX_LENGTH = 1000
# How many characters ``shown()`` gives at most.
SHOWN_LENGTH = 80
_ISO_WEEKS = range(1, 54)


class CodeKind(enum.Enum):
    """What a scanned text may be."""

    UDI = "udi"  # GS1 element string or GS1 Digital Link URL (has at least (01) GTIN)
    GTIN = "gtin"  # a bare GTIN-8/12/13/14 with a right check digit (EAN-13 on a box)
    HIBC = "hibc"  # HIBC LIC primary/secondary data ('+', mod-43 check)
    IDENTITY = "identity"  # personal or coordination number (app/identity.py)
    RESERVE = "reserve"  # reserve number
    DOCUMENT = "document"  # YYWWNNNN: order, purchase order, return, pickup order, activity
    ARTICLE = "article"  # our article number (6 digits in the demo) or a supplier article number
    INDIVIDUAL = "individual"  # an individual number (our labels carry it as Code 128)
    SERIAL = "serial"  # a supplier serial number (HB01868881)
    SIP = "sip"  # number@domain (app/individual_record.normalise_sip_number)


# Kinds whose text is a patient's number (R5: masked when shown).
PATIENT_KINDS = frozenset({CodeKind.IDENTITY, CodeKind.RESERVE})


@dataclass(frozen=True)
class Code:
    """A scanned text and what it may be."""

    raw: str = field(repr=False)  # as it arrived (control characters included): never logged
    text: str = field(repr=False)  # cleaned (see the module's docstring)
    kinds: tuple[CodeKind, ...]  # what it may be, most likely first; () when it is nothing we know
    udi: Udi | None = None
    hibc: Hibc | None = None
    problem: ClerkError | None = field(default=None, compare=False)  # looked like GS1/HIBC, a check failed
    #: The identity or reserve number in its stored 12-character form, when the text is one.
    identity: str | None = field(default=None, repr=False)

    def shown(self) -> str:
        """What the status bar and the list of scans may show: the bracketed form of a GS1 code, an
        identity or reserve number masked but for its birth year (``1985xxxx-xxxx``, R5), else the text
        (a GS as ``<GS>``), at most ``SHOWN_LENGTH`` characters."""
        if self.udi is not None:
            return _cut(self.udi.hri)
        if self.identity is not None or PATIENT_KINDS.intersection(self.kinds):
            return mask_identity(self.identity or self.text)
        return _cut(self.text.replace(GS, "<GS>"))


def mask_identity(number: str) -> str:
    """An identity or reserve number as others may see it: the birth year, the rest as ``x``."""
    digits = number[:4] if number[:4].isdigit() else ""
    return f"{digits or 'xxxx'}xxxx-xxxx"


def _cut(text: str) -> str:
    return text if len(text) <= SHOWN_LENGTH else text[: SHOWN_LENGTH - 1] + "…"


def _visible(text: str) -> str:
    """*text* without white space and control characters, but for the GS."""
    return "".join(
        char for char in text if char == GS or not (char.isspace() or unicodedata.category(char) == "Cc")
    )


def clean(raw: str) -> tuple[str, bool]:
    """The cleaned text of *raw* and whether a symbology identifier said GS1."""
    text = _visible(_GS_FORMS.sub(GS, raw[:MAX_LENGTH]))
    gs1 = False
    identifier = _SYMBOLOGY_IDENTIFIER.match(text)
    if identifier:
        try:
            symbology = SymbologyIdentifier.extract(identifier.group()).gs1_symbology
        except (ParseError, LookupError, ValueError):
            symbology = None
        gs1 = symbology in GS1Symbology.with_gs1_messages()
        text = text[identifier.end() :]
    # After NFKC, as it may turn a character into white space (a non-breaking space) or a control character.
    return _visible(normalise_digits(text.lstrip(GS))), gs1


def read_code(raw: str) -> Code:
    """What *raw* (a scanner's burst, a camera's decoded text, a pasted text) may be. Never raises."""
    text, gs1_symbology = clean(raw)
    if not text:
        return Code(raw, text, ())
    gs1 = read_gs1(text, gs1_symbology=gs1_symbology)
    if gs1 is not None:
        return Code(raw, text, (CodeKind.UDI,) if gs1.udi else (), udi=gs1.udi, problem=gs1.problem)
    if looks_like_hibc(text) and "@" not in text:
        hibc, problem = read_hibc(text.upper())
        return Code(raw, text, (CodeKind.HIBC,) if hibc else (), hibc=hibc, problem=problem)
    kinds, identity = _plain_kinds(text)
    return Code(raw, text, kinds, identity=identity)


def _plain_kinds(text: str) -> tuple[tuple[CodeKind, ...], str | None]:
    kinds: list[CodeKind] = []
    identity = _identity(text)
    if identity is not None:
        kinds.append(CodeKind.RESERVE if identity.kind is IdentityKind.RESERVE else CodeKind.IDENTITY)
    digits = is_digits(text)
    if digits and len(text) == 8 and int(text[2:4]) in _ISO_WEEKS:
        kinds.append(CodeKind.DOCUMENT)
    if gtin_check(text):
        kinds.append(CodeKind.GTIN)
    if digits and len(text) == 6:
        kinds.append(CodeKind.ARTICLE)
    if "@" in text and _sip(text):
        kinds.append(CodeKind.SIP)
    if INDIVIDUAL_NUMBER.match(text.upper()):
        # Our individual numbers are digits (9 in the demo); suppliers' serial numbers carry letters.
        kinds += [CodeKind.INDIVIDUAL, CodeKind.SERIAL] if digits else [CodeKind.SERIAL, CodeKind.INDIVIDUAL]
        if CodeKind.ARTICLE not in kinds:
            kinds.append(CodeKind.ARTICLE)  # a supplier article number (HB12345, 012-3456)
    return tuple(kinds), identity.number if identity else None


def _identity(text: str) -> IdentityNumber | None:
    if len(text) > 15:
        return None
    try:
        return parse_identity(text)
    except (ClerkError, ValueError, LookupError):
        return None


def _sip(text: str) -> bool:
    try:
        return normalise_sip_number(text) is not None
    except (ClerkError, ValueError):
        return False
