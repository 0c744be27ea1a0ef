"""The sync protocol: the messages client and server exchange (shared by ``app.sync`` and ``db.server``).

In the spirit of Anki's sync with the server as authority:

* ``POST /v1/upload`` — the client sends its change log in ``local_seq`` order, in batches of at most
  ``MAX_BATCH``. Every change has a unique id, so a re-sent batch is applied exactly once. The server
  checks the domain rules again, applies the accepted changes in one transaction per batch, stamps each
  with a server sequence number and answers accepted / rejected (with the reason) / conflicts.
* ``GET /v1/download?after=N&limit=M`` — every change after server sequence ``N`` (including the
  client's own, which it recognises by id and skips), in pages; deletions are tombstones.
* ``POST /v1/numbers/lease`` — a block of a week's ``YYWWNNNN`` running numbers (one sequence a week that
  orders, purchase orders, activities, pickup orders and returns all draw from).
* ``GET /v1/conflicts`` and ``POST /v1/conflicts/{id}/resolve`` — conflicts for a person to decide.

Every request carries ``Authorization: Bearer <workstation token>`` and the header ``SCHEMA_HEADER`` with
the client's schema revision; a mismatch is refused (409) with a sentence naming both revisions.

The server trusts no workstation's clock: it orders edits by its own clock (an edit counts as made as long
before the server received it as the workstation says it was made before sending, ``sent_at`` −
``recorded_at``), and refuses an upload whose ``sent_at`` is more than ``MAX_CLOCK_SKEW`` from its clock.
A request body larger than ``MAX_UPLOAD_BYTES`` is refused (413) before it is read. Every refusal is a
``Problem``: a 4xx with one sentence in ``detail``.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, Field, field_validator

API_PREFIX = "/v1"
SCHEMA_HEADER = "X-Hearing-Desk-Schema"
#: Demo data never meets a clinic's real data: a workstation whose database holds demo data sends this
#: header (value ``DEMO_VALUE``) with every request, and a training server (``serve --demo``) sends it with
#: every answer. A real server refuses a request that carries it and a training server one that does not
#: (409, one sentence); the workstation refuses an answer that does not match its own kind too.
DEMO_HEADER = "X-Hearing-Desk-Demo"
DEMO_VALUE = "1"
#: Every ``/v1`` answer says which history the central database has (``hearing-desk-server restored``
#: renews it after a restore from a backup): a workstation that sees it change sends again what it had sent
#: and reads the server's changes again from the start.
HISTORY_HEADER = "X-Hearing-Desk-History"
MAX_BATCH = 1000
MAX_PAGE = 5000
#: Server sequence numbers are PostgreSQL BIGINTs.
MAX_SEQ = 2**63 - 1
#: The largest request body the server reads, chosen from the largest legal batch: MAX_BATCH updates of the
#: widest synced row (the patient), every text column full to its length in two-byte letters and sent with
#: its base values, is about 7 MB (``tests/sync/test_server_bounds.py`` checks that it fits). Free texts
#: (comments) have no length; the client packs its batches by size too, so they only make a batch hold
#: fewer changes, and a legal batch never meets the 413.
MAX_UPLOAD_BYTES = 8 * 1024 * 1024
#: How far a workstation's clock may be from the server's. A clock the operating system keeps right is
#: within seconds, and a laptop offline for weeks drifts by a few minutes at most; a clock that is 15
#: minutes off was set by hand to a wrong hour, time zone or day, and would write wrong dates into orders,
#: receipts and fee dates (R22). Until it is put right the workstation's changes wait on it, nothing lost.
MAX_CLOCK_SKEW = dt.timedelta(minutes=15)

Operation = Literal["insert", "update", "delete"]


def in_utc(moment: dt.datetime) -> dt.datetime:
    """The moment in UTC (a moment without an offset is taken as UTC); a ValueError with a sentence for a
    moment that lies outside the years 1–9999 once converted."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=dt.UTC)
    try:
        return aware.astimezone(dt.UTC)
    except OverflowError:
        raise ValueError("the moment lies outside the years 1 to 9999 when converted to UTC") from None


#: A date and time on the wire, normalised to UTC.
Moment = Annotated[dt.datetime, AfterValidator(in_utc)]


class Problem(BaseModel):
    """What every refusal (4xx, 503) answers: one sentence for a person."""

    detail: str
    #: The server's clock, when the refusal is about the workstation's clock being far from it.
    server_time: dt.datetime | None = None


class Change(BaseModel):
    """One entry of a workstation's change log, as uploaded."""

    id: uuid.UUID
    local_seq: int
    table: str
    row_id: uuid.UUID
    operation: Operation
    payload: dict[str, Any] = Field(default_factory=dict)
    base: dict[str, Any] | None = None
    #: When the workstation made the change, on its own clock (information, and the edit's age).
    recorded_at: Moment


class UploadRequest(BaseModel):
    changes: list[Change] = Field(max_length=MAX_BATCH)
    #: The workstation's clock as it sends the batch.
    sent_at: Moment


class Rejection(BaseModel):
    id: uuid.UUID
    reason: str  # one sentence for a person
    #: The server's current row (all columns), so the client can put its copy right; None if it is gone.
    current: dict[str, Any] | None = None


class ConflictOut(BaseModel):
    id: uuid.UUID
    kind: str  # e.g. "individual_delivered_twice", "receipt_line_received_twice", "row_deleted_elsewhere"
    table: str
    row_id: uuid.UUID
    #: Both versions: what the server holds and what the workstation sent, each with who and when.
    versions: list[dict[str, Any]]
    status: Literal["open", "resolved"]
    created_at: dt.datetime
    description: str  # one sentence for a person: what happened and what to do


class UploadResponse(BaseModel):
    accepted: list[uuid.UUID]
    rejected: list[Rejection]
    conflicts: list[ConflictOut]
    server_seq: int  # the highest server sequence number after this batch


class ServerChange(BaseModel):
    server_seq: int
    id: uuid.UUID  # the change id it was uploaded with (the client's own are skipped by id)
    workstation: str
    table: str
    row_id: uuid.UUID
    operation: Operation
    #: The full row after the change (all columns) for insert/update; empty for a delete (tombstone).
    row: dict[str, Any] = Field(default_factory=dict)


class DownloadResponse(BaseModel):
    changes: list[ServerChange]
    last_seq: int
    more: bool


WEEK_PATTERN = r"^[0-9]{2}(0[1-9]|[1-4][0-9]|5[0-3])$"


class LeaseRequest(BaseModel):
    #: Two digits of ISO year, two of ISO week (01–53), in the digits 0-9 only.
    year_week: str = Field(json_schema_extra={"pattern": WEEK_PATTERN})
    size: int = Field(default=200, ge=1, le=9999)

    @field_validator("year_week")
    @classmethod
    def _a_week(cls, value: str) -> str:
        # [0-9], not \d: \d also matches full-width and other scripts' digits.
        if not re.match(WEEK_PATTERN, value):
            raise ValueError(
                "a week is written as two digits of the year and two of the ISO week (01 to 53), "
                "with the digits 0-9"
            )
        return value


class LeaseResponse(BaseModel):
    year_week: str
    first: int
    last: int


class ResolveRequest(BaseModel):
    #: Index into ``ConflictOut.versions`` of the version that stands.
    keep: int


class ServerStatus(BaseModel):
    schema_revision: str
    server_time: dt.datetime
    last_seq: int
