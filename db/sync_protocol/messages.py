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
"""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import BaseModel, Field

API_PREFIX = "/v1"
SCHEMA_HEADER = "X-Hearing-Desk-Schema"
MAX_BATCH = 1000
MAX_PAGE = 5000

Operation = Literal["insert", "update", "delete"]


class Change(BaseModel):
    """One entry of a workstation's change log, as uploaded."""

    id: uuid.UUID
    local_seq: int
    table: str
    row_id: uuid.UUID
    operation: Operation
    payload: dict[str, Any] = Field(default_factory=dict)
    base: dict[str, Any] | None = None
    recorded_at: dt.datetime


class UploadRequest(BaseModel):
    changes: list[Change] = Field(max_length=MAX_BATCH)


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


class LeaseRequest(BaseModel):
    #: Two digits of ISO year, two of ISO week (01–53), in the digits 0-9 only.
    year_week: str = Field(pattern=r"^[0-9]{2}(0[1-9]|[1-4][0-9]|5[0-3])$")
    size: int = Field(default=200, ge=1, le=9999)


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
