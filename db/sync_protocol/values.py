"""JSON values of the sync protocol to column values and back, driven by each table's column types."""

from __future__ import annotations

import datetime as dt
import enum
import re
import uuid
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from functools import cache
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    Enum,
    Integer,
    Numeric,
    String,
    Table,
    Uuid,
)

import db.models  # noqa: F401  (registers every model)
from db.base import Synced

Converter = Callable[[Any], Any]


class BadValue(ValueError):
    """A value that does not fit its column; the message is a sentence for a person."""


@cache
def synced_tables() -> dict[str, Table]:
    """Every table that travels through sync, by name."""
    tables: dict[str, Table] = {}
    for mapper in Synced.registry.mappers:
        cls = mapper.class_
        if issubclass(cls, Synced):
            table = mapper.local_table
            assert isinstance(table, Table)
            tables[table.name] = table
    return tables


def _aware(value: dt.datetime) -> dt.datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=dt.UTC)


def _ascii(value: str) -> str:
    """Numbers, ids and dates travel in the digits 0-9 only (Python would also read full-width digits)."""
    if not value.isascii():
        raise ValueError("not written with the digits 0-9")
    return value


#: An id as text: 32 hex digits, grouped 8-4-4-4-12 or not, in braces or not. (``uuid.UUID`` alone would
#: also read underscores between digits, which makes another id of a mistyped one.)
_ID = re.compile(r"\{?[0-9a-fA-F]{8}(-?)[0-9a-fA-F]{4}\1[0-9a-fA-F]{4}\1[0-9a-fA-F]{4}\1[0-9a-fA-F]{12}\}?")


def _to_uuid(value: Any) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    text = _ascii(str(value))
    if not _ID.fullmatch(text) or (text[0] == "{") != (text[-1] == "}"):
        raise ValueError("not an id of 32 hexadecimal digits")
    return uuid.UUID(text)


def _to_datetime(value: Any) -> dt.datetime:
    """A moment in UTC: a workstation's SQLite keeps no offset, so every node stores the same wall time."""
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, str):
        moment = dt.datetime.fromisoformat(_ascii(value))
    else:
        raise TypeError("not a text")
    try:
        return _aware(moment).astimezone(dt.UTC)
    except OverflowError:
        raise ValueError("outside the years 1 to 9999 when converted to UTC") from None


def _to_date(value: Any) -> dt.date:
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        raise TypeError("not a text")
    return dt.date.fromisoformat(_ascii(value))


def _to_decimal(value: Any) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, str | int | float | Decimal):
        raise TypeError("not a number")
    result = Decimal(_ascii(str(value)))
    if not result.is_finite():
        raise TypeError("not a finite number")
    return result


def _to_bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise TypeError("not true or false")
    return value


def _int_converter(column_type: Integer) -> Converter:
    """Whole numbers within the column's range (32 bits, or 64 for a BIGINT) in every database."""
    limit = 2**63 if isinstance(column_type, BigInteger) else 2**31

    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise TypeError("not a whole number")
        if not -limit <= value < limit:
            raise ValueError(f"not between {-limit} and {limit - 1}")
        return value

    return convert


def _to_str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("not a text")
    return value


def _enum_converter(column_type: Enum) -> Converter:
    enum_class = column_type.enum_class
    allowed = set(column_type.enums)

    def convert(value: Any) -> Any:
        if isinstance(value, enum.Enum):
            value = value.value
        if value not in allowed:
            raise TypeError("not one of " + ", ".join(sorted(allowed)))
        return enum_class(value) if enum_class is not None else value

    return convert


def _converter(column: Column[Any]) -> Converter:
    column_type = column.type
    if isinstance(column_type, Uuid):
        return _to_uuid
    if isinstance(column_type, Enum):
        return _enum_converter(column_type)
    if isinstance(column_type, DateTime):
        return _to_datetime
    if isinstance(column_type, Date):
        return _to_date
    if isinstance(column_type, Numeric):
        return _to_decimal
    if isinstance(column_type, Boolean):
        return _to_bool
    if isinstance(column_type, Integer):
        return _int_converter(column_type)
    if isinstance(column_type, String):
        return _to_str
    if isinstance(column_type, JSON):
        return lambda value: value
    raise AssertionError(f"no converter for the column type {column_type!r}")


@cache
def converters(table_name: str) -> dict[str, tuple[Converter, bool]]:
    """Column name → (converter, nullable) of one synced table."""
    table = synced_tables()[table_name]
    return {column.name: (_converter(column), bool(column.nullable)) for column in table.columns}


def from_json(table_name: str, values: Mapping[str, Any]) -> dict[str, Any]:
    """Column values for *values* of the protocol; raises ``BadValue`` with a sentence."""
    columns = converters(table_name)
    result: dict[str, Any] = {}
    for name, value in values.items():
        spec = columns.get(name)
        if spec is None:
            raise BadValue(f"The table {table_name} has no column {name}.")
        convert, nullable = spec
        if value is None:
            if not nullable:
                raise BadValue(f"The column {table_name}.{name} needs a value.")
            result[name] = None
            continue
        try:
            result[name] = convert(value)
        except (TypeError, ValueError, InvalidOperation) as error:
            raise BadValue(
                f"The value {value!r} does not fit the column {table_name}.{name} ({error})."
            ) from None
    return result


#: Types whose values are their own JSON form (most of a row's values: asked first, in one look-up).
_PLAIN_JSON = frozenset({str, int, bool, float, type(None)})


def json_value(value: Any) -> Any:
    """The protocol's JSON form of one column value (as ``app.changelog`` writes it)."""
    if type(value) in _PLAIN_JSON:
        return value
    if isinstance(value, uuid.UUID):
        return str(value)
    if isinstance(value, dt.datetime):
        return _aware(value).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    return value


def row_json(row: Mapping[Any, Any]) -> dict[str, Any]:
    return {str(name): json_value(value) for name, value in row.items()}
