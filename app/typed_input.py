"""Text a clerk typed or a scanner sent, made readable before any number is taken from it.

Keyboards and input methods send digits that are not ASCII: full-width digits from an East Asian input
method, Arabic-Indic or Persian digits from a keyboard layout, superscripts pasted from a document.
Python's ``int()``, ``Decimal()``, ``str.isdigit()`` and ``\\d`` accept some of these and not others, so
every place that reads a number from typed text passes it through ``normalise_digits`` first and then
accepts ASCII digits only (``is_digits``, ``[0-9]``). What cannot be normalised (a digit with no decimal
value, such as a Tai Tham digit ``᧚``, or a fraction) stays as typed, so the parser refuses it with its
sentence instead of crashing or storing a number nobody can find again.
"""

from __future__ import annotations

import unicodedata


def normalise_digits(text: str) -> str:
    """*text* with full-width and other compatibility forms as ASCII (NFKC), and every other decimal digit
    (Arabic-Indic ``٣``, Devanagari ``३``, …) as the ASCII digit of the same value."""
    folded = unicodedata.normalize("NFKC", text)
    if folded.isascii():
        return folded
    return "".join(
        str(value) if not char.isascii() and (value := unicodedata.decimal(char, None)) is not None else char
        for char in folded
    )


def is_digits(text: str) -> bool:
    """True when *text* is one or more ASCII digits 0–9 (``str.isdigit`` also accepts ``²`` and ``᧚``,
    which ``int()`` then refuses)."""
    return text.isascii() and text.isdigit()


def compact(text: str) -> str:
    """*text* as typed or scanned, with its digits normalised and every space left out."""
    return "".join(normalise_digits(text).split())


def document_number(text: str) -> str:
    """A ``YYWWNNNN`` document number as typed (``2649-0001``, ``2649 0001``, full-width digits): compact,
    without hyphens. Whether it is one is the caller's to say."""
    return compact(text).replace("-", "")


def whole_number(text: str) -> int | None:
    """A count typed by the clerk (spaces ignored, any digits normalised), or None when it is not one."""
    cleaned = compact(text)
    return int(cleaned) if is_digits(cleaned) else None


__all__ = ["compact", "document_number", "is_digits", "normalise_digits", "whole_number"]
