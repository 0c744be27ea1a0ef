"""The workstation's sync: upload the change log, download what others did, apply it (Anki-style).

``SyncClient.sync_once`` is safe to interrupt anywhere (a crash, a killed process, a cut connection):

* an uploaded batch is marked uploaded in the same local transaction that records the server's answer
  (rejections, conflicts, the server's copy of rejected rows); a lost answer means the batch is sent
  again and the server, which knows every change id, applies it once;
* a downloaded page is applied and ``last_server_seq`` advanced in one local transaction, so a page is
  applied completely or not at all, and applying a full row again changes nothing.

Downloaded rows are the server's full rows. The workstation's own changes are applied too (by their full
row, not skipped): the server may have merged a change from another workstation into the same row first,
and only its copy is the truth. A row with changes still waiting here is left alone; its own upload brings
the server's merged row back on the next round. Nothing here raises to the caller for an unreachable or
misbehaving server: the report says what happened in one sentence.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import logging
import queue
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any, NamedTuple

import httpx
from pydantic import RootModel
from sqlalchemy import DateTime, Table, delete, func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from app.database import Database
from app.errors import NotFound
from app.first_start import is_demo_database
from app.i18n import QT_TRANSLATE_NOOP
from app.sync.local_rows import Prepared, prepare_row, put_rows, upsert
from app.sync.settings import get_setting, put_setting
from app.sync.transport import GARBAGE, SyncFailure, Transport
from db.models import ChangeLogEntry, SyncIssueRecord
from db.models.enums import ChangeOperation
from db.sync_protocol.messages import (
    MAX_BATCH,
    MAX_PAGE,
    MAX_UPLOAD_BYTES,
    Change,
    ConflictOut,
    DownloadResponse,
    Rejection,
    ResolveRequest,
    ServerChange,
    ServerStatus,
    UploadResponse,
)
from db.sync_protocol.values import from_json, synced_tables

log = logging.getLogger(__name__)

LAST_SERVER_SEQ = "sync.last_server_seq"
LAST_SUCCESS_AT = "sync.last_success_at"
#: The history id of the central database this workstation syncs with (``HISTORY_HEADER``).
SERVER_HISTORY = "sync.server_history"
#: The most downloaded changes applied in one transaction (several pages of a large download).
APPLY_AT = 25_000
#: From how many rows an apply is a bulk one (``Database.apply_remote(bulk=True)``: a larger page cache).
BULK_FROM = 2_000
REJECTED = "rejected"  # the kind of a change the server refused, kept beside the conflicts it reported


# ------------------------------------------------------------------------------------------ reports


@dataclass(frozen=True)
class SyncReport:
    ok: bool
    online: bool
    uploaded: int = 0
    rejected: int = 0
    conflicts: int = 0
    downloaded: int = 0
    # One sentence for the person at the desk when the round did not succeed (English; the UI translates
    # ``template`` and formats it with ``params``, as for ``app.errors.ClerkError``).
    message: str | None = None
    seconds: float = 0.0
    template: str | None = None
    params: dict[str, Any] = field(default_factory=dict)
    #: The tables whose rows here this round wrote (rows downloaded, refused changes put back), so the
    #: screens showing them refresh; pages applied before a failure count too.
    tables: frozenset[str] = frozenset()


@dataclass(frozen=True)
class SyncStatus:
    online: bool
    pending_changes: int
    last_success_at: dt.datetime | None
    open_conflicts: int
    # Changes made here that the server refused (put back to its version) and nobody has read yet.
    open_rejections: int = 0


@dataclass(frozen=True)
class SyncIssue:
    """A conflict or a rejection the server reported, kept here for the conflicts view."""

    id: uuid.UUID
    kind: str  # the conflict kind, or REJECTED
    table: str
    row_id: uuid.UUID
    description: str
    status: str  # "open" or "resolved"
    created_at: dt.datetime
    versions: list[dict[str, Any]] = field(default_factory=list)


# ------------------------------------------------------------------------------------ row conversion


def _table(name: str) -> Table:
    table = synced_tables().get(name)
    if table is None:
        log.warning("sync: the server sent a change to an unknown table")
        raise SyncFailure("garbage", GARBAGE)
    return table


def _aware(moment: dt.datetime) -> dt.datetime:
    return moment if moment.tzinfo else moment.replace(tzinfo=dt.UTC)


def _record_issue(session: Session, issue: SyncIssue) -> None:
    """Keep *issue*, or its newer state (a conflict resolved, a refused change read)."""
    record = session.get(SyncIssueRecord, issue.id) or SyncIssueRecord(id=issue.id)
    record.kind = issue.kind
    record.table_name = issue.table
    record.row_id = issue.row_id
    record.description = issue.description
    record.status = issue.status
    record.created_at = _aware(issue.created_at)
    record.versions = json.loads(json.dumps(issue.versions, default=str))
    session.add(record)


def list_issues(session: Session) -> list[SyncIssue]:
    """Every conflict and rejection the server reported to this workstation, oldest first."""
    return [
        SyncIssue(
            id=record.id,
            kind=record.kind,
            table=record.table_name,
            row_id=record.row_id,
            description=record.description,
            status=record.status,
            created_at=_aware(record.created_at),
            versions=record.versions,
        )
        for record in session.scalars(select(SyncIssueRecord).order_by(SyncIssueRecord.created_at))
    ]


def to_show(issues: list[SyncIssue]) -> list[SyncIssue]:
    """What a person looks at: every conflict, and the rejections that are not the losing side of one
    (a conflict's refused change is decided with the conflict, not read twice)."""
    in_conflict = {
        str(version.get("change_id"))
        for issue in issues
        if issue.kind != REJECTED
        for version in issue.versions
        if version.get("change_id")
    }
    return [i for i in issues if i.kind != REJECTED or str(i.id) not in in_conflict]


# What a protected identity (R5) shows nobody, not even in the conflicts view: the fictive name stays.
_PROTECTED_FIELDS = frozenset({"identity_number", "birth_date"})
MASK = "••••"


def versions_for_people(issue: SyncIssue) -> list[dict[str, Any]]:
    """Both versions as the conflicts view may show them: a patient with a protected identity (or one
    whose protection the versions do not tell) keeps its identity number and birth date hidden."""
    if issue.table != "patient":
        return issue.versions
    flags = [found for version in issue.versions for found in _values_of(version, "protected_identity")]
    if flags and not any(flags):
        return issue.versions
    return [_masked(version) for version in issue.versions]


def _values_of(data: Any, key: str) -> list[Any]:
    if isinstance(data, dict):
        here = [data[key]] if key in data else []
        return here + [v for value in data.values() for v in _values_of(value, key)]
    if isinstance(data, list):
        return [v for value in data for v in _values_of(value, key)]
    return []


def _masked(data: Any) -> Any:
    if isinstance(data, dict):
        return {k: MASK if k in _PROTECTED_FIELDS and v is not None else _masked(v) for k, v in data.items()}
    if isinstance(data, list):
        return [_masked(value) for value in data]
    return data


def acknowledge_rejection(session: Session, issue_id: uuid.UUID) -> None:
    """The clerk has read why the server refused a change made here: it stops asking for attention.

    Only rejections are settled here; a conflict is decided on the server (``SyncClient.resolve_conflict``).
    """
    issue = next((i for i in list_issues(session) if i.id == issue_id), None)
    if issue is None or issue.kind != REJECTED:
        raise NotFound(QT_TRANSLATE_NOOP("app", "That refused change is no longer listed."))
    _record_issue(session, replace(issue, status="resolved"))


# --------------------------------------------------------------------------------------------- client


class SyncClient:
    """Sync of one workstation's database with the central server."""

    def __init__(
        self,
        database: Database,
        server_url: str,
        token: str,
        workstation_name: str,
        http: httpx.Client | None = None,
        *,
        batch_size: int = MAX_BATCH,
        page_size: int = MAX_PAGE,
    ) -> None:
        self.database = database
        self.workstation_name = workstation_name
        with database.read() as session:
            #: A demo database syncs only with a training server, and checks it before it sends anything.
            self.demo = is_demo_database(session)
        self.transport = Transport(server_url, token, http=http, demo=self.demo)
        self.batch_size = min(batch_size, MAX_BATCH)
        self.page_size = min(page_size, MAX_PAGE)
        self._online = False
        self._lock = threading.Lock()
        self._touched: set[str] = set()  # the tables the running round wrote (``SyncReport.tables``)
        with database.read() as session:
            self._history = get_setting(session, SERVER_HISTORY)

    def close(self) -> None:
        self.transport.close()

    @property
    def online(self) -> bool:
        return self._online

    # ------------------------------------------------------------------------------------- one round

    def sync_once(self) -> SyncReport:
        """Upload what waits here, then download and apply what is new; never raises for the network."""
        started = time.perf_counter()
        with self._lock:
            counts = {"uploaded": 0, "rejected": 0, "conflicts": 0, "downloaded": 0}
            self._touched = set()
            try:
                if self.demo:  # the server's answer says whether it is a training server: nothing goes up
                    self.transport.call("GET", "/status", ServerStatus)  # to any other
                try:
                    self._upload(counts)
                    self._download(counts)
                except _Restored as restored:
                    self._start_again(restored.history)
                    self._upload(counts)
                    self._download(counts)
            except SyncFailure as failure:
                self._online = not failure.offline
                return SyncReport(
                    ok=False,
                    online=self._online,
                    message=failure.sentence,
                    template=failure.template,
                    params=failure.params,
                    seconds=time.perf_counter() - started,
                    tables=frozenset(self._touched),
                    **_counted(counts),
                )
            try:
                self._refresh_conflicts()
            except SyncFailure as failure:
                log.info("sync: conflicts not refreshed: %s", failure.kind)
            self._online = True
            with self.database.write() as session:
                put_setting(session, LAST_SUCCESS_AT, dt.datetime.now(dt.UTC).isoformat())
            return SyncReport(
                ok=True,
                online=True,
                seconds=time.perf_counter() - started,
                tables=frozenset(self._touched),
                **_counted(counts),
            )

    def resolve_conflict(self, conflict_id: uuid.UUID, keep: int) -> SyncReport:
        """Decide a conflict: *keep* is the index of the version that stands; then sync to take it over."""
        try:
            answer = self.transport.call(
                "POST", f"/conflicts/{conflict_id}/resolve", ConflictOut, body=ResolveRequest(keep=keep)
            )
        except SyncFailure as failure:
            self._online = not failure.offline
            return SyncReport(
                ok=False,
                online=self._online,
                message=failure.sentence,
                template=failure.template,
                params=failure.params,
            )
        with self.database.write() as session:
            _record_issue(session, _conflict_issue(answer))
        return self.sync_once()

    def _refresh_conflicts(self) -> None:
        """Conflicts resolved elsewhere (by another desk or an administrator) stop counting here."""
        with self.database.read() as session:
            open_here = {i.id for i in list_issues(session) if i.kind != REJECTED and i.status == "open"}
        if not open_here:
            return
        listed = self.transport.call("GET", "/conflicts", _ConflictList, params={"status": "resolved"})
        resolved = [c for c in listed.root if c.id in open_here]
        if resolved:
            with self.database.write() as session:
                for conflict in resolved:
                    _record_issue(session, _conflict_issue(conflict))

    def status(self) -> SyncStatus:
        with self.database.read() as session:
            pending = session.scalar(
                select(func.count()).select_from(ChangeLogEntry).where(ChangeLogEntry.uploaded_at.is_(None))
            )
            last = get_setting(session, LAST_SUCCESS_AT)
            waiting = [i for i in to_show(list_issues(session)) if i.status == "open"]
        return SyncStatus(
            online=self._online,
            pending_changes=int(pending or 0),
            last_success_at=dt.datetime.fromisoformat(last) if last else None,
            open_conflicts=sum(1 for i in waiting if i.kind != REJECTED),
            open_rejections=sum(1 for i in waiting if i.kind == REJECTED),
        )

    # ----------------------------------------------------------------------------------------- upload

    def _pending_batch(self) -> list[_Pending]:
        """The oldest changes waiting to go up, read as stored (see ``_Pending``)."""
        with self.database.read() as session:
            rows = session.connection().exec_driver_sql(_PENDING_SQL, (self.batch_size,)).all()
        return [_Pending(*row) for row in rows]

    def _upload(self, counts: dict[str, int]) -> None:
        with _cycle_collection_paused():
            self._upload_batches(counts)

    def _upload_batches(self, counts: dict[str, int]) -> None:
        while True:
            batch, body = _packed(self._pending_batch(), self.transport.clock)
            if not batch:
                return
            answer = self.transport.call("POST", "/upload", UploadResponse, body=body)
            self._check_history()
            try:
                accepted, done = self._record_upload(batch, answer)
            except (ValueError, TypeError, KeyError) as error:  # a rejection's row that fits no column
                log.warning("sync: an upload answer could not be recorded: %s", type(error).__name__)
                raise SyncFailure("garbage", GARBAGE) from error
            counts["uploaded"] += accepted
            counts["rejected"] += len(answer.rejected)
            counts["conflicts"] += len(answer.conflicts)
            if done == 0:  # the server neither accepted nor rejected anything: try again next round
                raise SyncFailure("garbage", _NO_PROGRESS)

    def _record_upload(self, batch: list[_Pending], answer: UploadResponse) -> tuple[int, int]:
        """Record the server's answer to *batch*: (how many of it were accepted, how many finished:
        accepted or rejected)."""
        sent = {c.id: c for c in batch}
        rejected = [r for r in answer.rejected if r.id.hex in sent]
        accepted = {a.hex for a in answer.accepted} & sent.keys()
        finished = accepted | {r.id.hex for r in rejected}
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ", "microseconds")  # as stored
        with self.database.apply_remote() as session:
            for rejection in rejected:
                self._put_right(session, sent[rejection.id.hex].change(), rejection)
            for conflict in answer.conflicts:
                _record_issue(session, _conflict_issue(conflict))
            session.connection().exec_driver_sql(_UPLOADED_SQL, (now, json.dumps(list(finished))))
        self._touched.update(sent[rejection.id.hex].table_name for rejection in rejected)
        return len(accepted), len(finished)

    def _put_right(self, session: Session, change: Change, rejection: Rejection) -> None:
        """Keep the rejection for the conflicts view and put the local row back to the server's copy.

        A new row the server already holds as it is here, but for when and by whom it was written, is put
        right without an issue: two workstations made the same booking under the same id (an inventory's
        close repeated on a second workstation), and the clerk has nothing to decide."""
        table = _table(change.table)
        if not _same_booking(table, change, rejection):
            log.info("sync: change %s to %s was rejected", change.id, change.table)
            self._record_rejection(session, change, rejection)
        else:
            log.info("sync: change %s to %s is on the server already", change.id, change.table)
        if rejection.current is None:
            session.execute(delete(table).where(table.c.id == change.row_id))
        else:
            row = from_json(table.name, rejection.current)
            row["id"] = change.row_id
            upsert(session, table, [row])

    def _record_rejection(self, session: Session, change: Change, rejection: Rejection) -> None:
        _record_issue(
            session,
            SyncIssue(
                id=rejection.id,
                kind=REJECTED,
                table=change.table,
                row_id=change.row_id,
                description=rejection.reason,
                status="open",
                created_at=dt.datetime.now(dt.UTC),
                versions=[
                    {"source": "server", "row": rejection.current},
                    {"source": self.workstation_name, "change": change.model_dump(mode="json")},
                ],
            ),
        )

    # ------------------------------------------------------------------------- a restored central database

    def _check_history(self, seen: str | None = None) -> None:
        """Raise ``_Restored`` when the server's answer names another history than the one this workstation
        synced with: the central database was restored from a backup (``hearing-desk-server restored``).
        The first history seen is only remembered. *seen* is the history an answer named (by default the
        newest answer's)."""
        seen = seen or self.transport.history
        if seen is None or seen == self._history:
            return
        if self._history is None:
            with self.database.write() as session:
                put_setting(session, SERVER_HISTORY, seen)
            self._history = seen
            return
        raise _Restored(seen)

    def _start_again(self, history: str) -> None:
        """After a restore: everything this workstation had sent goes up again (the server keeps what it
        already has, by change id; a change it had refused stays refused here and is not sent), and the
        server's changes are read again from the start, since the restored server numbers its new changes
        from the backup's point on."""
        log.warning("sync: the central database was restored from a backup: sending again, reading again")
        with self.database.write() as session:
            session.connection().exec_driver_sql(_SEND_AGAIN_SQL, (REJECTED,))
            put_setting(session, LAST_SERVER_SEQ, "0")
            put_setting(session, SERVER_HISTORY, history)
        self._history = history

    # --------------------------------------------------------------------------------------- download

    def _download(self, counts: dict[str, int]) -> None:
        """Fetch pages after ``last_server_seq`` and apply them. Pages read in a row (a large download)
        are applied together, up to ``APPLY_AT`` changes in one transaction with ``last_server_seq``
        advanced to the last of them: still each page wholly or not at all, with far fewer commits."""
        with self.database.read() as session:
            after = int(get_setting(session, LAST_SERVER_SEQ) or 0)
        with _cycle_collection_paused():
            self._download_after(after, counts)

    def _download_after(self, after: int, counts: dict[str, int]) -> None:
        """While pages are applied here, the pages after them are already asked for and read in a thread
        of its own (``_PagesAhead``: one request at a time, each after the page it follows, a few pages
        ahead at most): the server's and the network's time, and the reading of the pages, overlap with the
        writing into SQLite. A page is still checked and applied only in its turn; when anything fails, the
        pages read ahead are dropped unapplied."""
        waiting: list[ServerChange] = []
        ready: list[Prepared] = []  # beside waiting: each change's row as it is stored, made ahead
        applied = after
        ahead: _PagesAhead | None = None
        try:
            fetched = self._fetch_page(after)  # an idle poll asks once and starts no thread
            while True:
                page, history, prepared = fetched
                self._check_history(history)
                changes, last_seq, more = page.changes, page.last_seq, page.more
                if changes and (changes[0].server_seq <= after or last_seq < changes[-1].server_seq):
                    raise SyncFailure("garbage", _BAD_PAGE)
                if last_seq < after or (more and last_seq == after):
                    raise SyncFailure("garbage", _BAD_PAGE)
                waiting.extend(changes)
                ready.extend(prepared)
                after = last_seq
                if more and ahead is None:
                    ahead = _PagesAhead(self._fetch_page, after, depth=APPLY_AT // self.page_size + 1)
                if (not more or len(waiting) >= APPLY_AT) and (after != applied or waiting):
                    counts["downloaded"] += self._apply_page(waiting, after, ready)
                    self._touched.update(change.table for change in waiting)
                    waiting, ready, applied = [], [], after
                if not more:
                    return
                assert ahead is not None
                fetched = ahead.next()
        finally:
            if ahead is not None:
                ahead.close()

    def _fetch_page(self, after: int) -> _Fetched:
        """The page after *after*, the history its answer named, and its rows as they are stored (made
        here, in the thread reading ahead, while the pages before are written)."""
        page = self.transport.call(
            "GET", "/download", DownloadResponse, params={"after": after, "limit": self.page_size}
        )
        return _Fetched(page, self.transport.history, [_prepared(change) for change in page.changes])

    def _apply_page(self, changes: list[ServerChange], last_seq: int, ready: list[Prepared]) -> int:
        try:
            return self._apply_page_unchecked(changes, last_seq, ready)
        except (ValueError, TypeError, KeyError) as error:  # a value that does not fit its column
            log.warning("sync: a downloaded row could not be read: %s", type(error).__name__)
            raise SyncFailure("garbage", GARBAGE) from error
        except IntegrityError as error:
            log.warning("sync: a downloaded page does not fit this database: %s", error.orig)
            raise SyncFailure("server", _DOES_NOT_FIT) from error

    def _apply_page_unchecked(self, changes: list[ServerChange], last_seq: int, ready: list[Prepared]) -> int:
        latest: dict[uuid.UUID, int] = {}  # row id → the index of its last change
        for index, change in enumerate(changes):  # in server order: a row's last change is its state
            latest.pop(change.row_id, None)
            latest[change.row_id] = index
        with self.database.apply_remote(bulk=len(latest) >= BULK_FROM) as session:
            waiting = _rows_waiting(session, latest.keys())
            deletes: dict[str, list[uuid.UUID]] = {}
            upserts: dict[str, list[tuple[uuid.UUID, dict[str, Any]]]] = {}
            forms: dict[str, list[Prepared]] = {}
            for row_id, index in latest.items():
                if row_id in waiting:
                    continue
                change = changes[index]
                table = _table(change.table)
                if change.operation == "delete":
                    deletes.setdefault(table.name, []).append(row_id)
                else:
                    upserts.setdefault(table.name, []).append((row_id, change.row))
                    forms.setdefault(table.name, []).append(ready[index])
            for name, ids in deletes.items():
                table = _table(name)
                for start in range(0, len(ids), 500):
                    session.execute(delete(table).where(table.c.id.in_(ids[start : start + 500])))
            for name, rows in upserts.items():
                put_rows(session, _table(name), rows, forms[name])
            put_setting(session, LAST_SERVER_SEQ, str(last_seq))
        return len(changes)


#: The oldest changes waiting to go up, as SQLite stores them (ids as 32 hex digits, the payload and base
#: as JSON text, the moment as ``YYYY-MM-DD HH:MM:SS.ffffff`` in UTC).
_PENDING_SQL = (
    "SELECT id, local_seq, table_name, row_id, operation, payload, base, recorded_at FROM change_log "
    "WHERE uploaded_at IS NULL ORDER BY local_seq LIMIT ?"
)
#: The entries a batch finished (their ids as a JSON list): one statement, not one per entry.
_UPLOADED_SQL = "UPDATE change_log SET uploaded_at = ? WHERE id IN (SELECT value FROM json_each(?))"
#: After a restore of the central database: every change sent goes up again, but those the server refused.
_SEND_AGAIN_SQL = (
    "UPDATE change_log SET uploaded_at = NULL WHERE uploaded_at IS NOT NULL "
    "AND id NOT IN (SELECT id FROM sync_issue WHERE kind = ?)"
)


class _Fetched(NamedTuple):
    page: DownloadResponse
    history: str | None  # the history id the page's answer named
    prepared: list[Prepared]  # beside page.changes: each row as it is stored (``prepare_row``)


def _prepared(change: ServerChange) -> Prepared:
    """The changed row as it is stored, made ahead; None for a deletion or an unknown table (the page is
    refused when it is applied)."""
    table = synced_tables().get(change.table)
    if change.operation == "delete" or table is None:
        return None
    return prepare_row(table, change.row_id, change.row)


class _PagesAhead:
    """The pages after *after*, asked for one after another in a thread of their own (each after the last
    page read, until one says there is no more), at most *depth* pages ahead of the reader. A failure is
    handed to the reader in its turn; ``close`` stops asking and waits for the request under way."""

    def __init__(self, fetch: Callable[[int], _Fetched], after: int, depth: int) -> None:
        self._fetch = fetch
        self._pages: queue.Queue[_Fetched | Exception] = queue.Queue(maxsize=max(1, depth))
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, args=(after,), name="sync-download", daemon=True)
        self._thread.start()

    def _run(self, after: int) -> None:
        try:
            while not self._stop.is_set():
                fetched = self._fetch(after)
                self._put(fetched)
                page = fetched[0]
                if not page.more or page.last_seq <= after:  # the end, or a page the reader refuses
                    return
                after = page.last_seq
        except Exception as error:  # raised by the reader in its turn, where the round reports it
            self._put(error)

    def _put(self, item: _Fetched | Exception) -> None:
        while not self._stop.is_set():
            try:
                self._pages.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def next(self) -> _Fetched:
        item = self._pages.get()
        if isinstance(item, Exception):
            raise item
        return item

    def close(self) -> None:
        self._stop.set()
        self._thread.join()


class _Restored(Exception):
    """The server's answer names another history of the central database than the one synced with."""

    def __init__(self, history: str) -> None:
        super().__init__(history)
        self.history = history


class _Pending(NamedTuple):
    """A change-log entry waiting to go up, as stored: its upload JSON is written straight from these
    values (a ``Change`` per entry, and its JSON, cost most of an upload's time on the workstation)."""

    id: str
    local_seq: int
    table_name: str
    row_id: str
    operation: str  # a ChangeOperation as stored
    payload: str
    base: str | None
    recorded_at: str

    def json(self) -> bytes:
        """The entry as a ``Change`` in JSON (``tests/sync/test_client_unit.py`` holds it to the model)."""
        return (
            f'{{"id":"{self.id}","local_seq":{self.local_seq},"table":{json.dumps(self.table_name)},'
            f'"row_id":"{self.row_id}","operation":"{ChangeOperation(self.operation).value}",'
            f'"payload":{self.payload},"base":{self.base or "null"},'
            f'"recorded_at":"{self.recorded_at.replace(" ", "T")}+00:00"}}'
        ).encode()

    def change(self) -> Change:
        return Change.model_validate_json(self.json())


#: Room for the request's frame around the changes (brackets, the key names, ``sent_at``).
_ENVELOPE = 200


def _packed(changes: list[_Pending], clock: Callable[[], dt.datetime]) -> tuple[list[_Pending], bytes]:
    """The first of *changes* that fit one request under ``MAX_UPLOAD_BYTES`` (at least one), and the
    request's JSON (an ``UploadRequest``) with this workstation's *clock* read last, as it is sent (the
    server takes the time between an edit and its sending as the edit's age)."""
    encoded: list[bytes] = []
    size = _ENVELOPE
    for change in changes:
        one = change.json()
        if encoded and size + len(one) + 1 > MAX_UPLOAD_BYTES:
            break
        encoded.append(one)
        size += len(one) + 1
    body = b'{"changes":[' + b",".join(encoded) + b'],"sent_at":"' + clock().isoformat().encode() + b'"}'
    return changes[: len(encoded)], body


def _same_booking(table: Table, change: Change, rejection: Rejection) -> bool:
    """Whether a refused insert names a row the server holds with the same values, apart from the moments
    and the user it was written at and by."""
    if change.operation != "insert" or rejection.current is None:
        return False
    mine, theirs = from_json(table.name, change.payload), from_json(table.name, rejection.current)
    compared = [
        column.name
        for column in table.columns
        if column.name not in ("id", "user_id") and not isinstance(column.type, DateTime)
    ]
    return all(mine.get(name) == theirs.get(name) for name in compared)


def _counted(counts: dict[str, int]) -> dict[str, Any]:
    return dict(counts)


def _rows_waiting(session: Session, row_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Rows among *row_ids* with local changes not yet uploaded (applied after their own upload comes back).

    Every waiting row is read in one statement through the pending index (``ix_change_log_pending``) and
    met with *row_ids* here: what waits is a few rows, and a large download asks about tens of thousands."""
    pending = {uuid.UUID(hex=row_id) for (row_id,) in session.connection().exec_driver_sql(_WAITING_ROWS_SQL)}
    return pending.intersection(row_ids) if pending else set()


#: The rows with changes waiting to go up, as stored (32 hex digits).
_WAITING_ROWS_SQL = "SELECT DISTINCT row_id FROM change_log WHERE uploaded_at IS NULL"


_gc_pause_lock = threading.Lock()
_gc_pauses = 0


@contextlib.contextmanager
def _cycle_collection_paused() -> Iterator[None]:
    """Python's cycle collector rests while changes go up and while a download is read and applied.

    A large download makes hundreds of thousands of dicts, lists and strings (the rows), none of them in a
    cycle: reference counting frees them all, and the collector would only walk them again and again as
    they pile up (a fifth of a first download's time); an upload's batches (the changes read, their JSON,
    the ids answered) set off full collections of the whole program's objects as well. Garbage in cycles made meanwhile is collected as
    usual once the download ends; other threads' allocations are not affected otherwise. Nested and
    concurrent pauses (two clients) re-enable the collector only when the last one ends, and only if it
    was enabled when the first began."""
    global _gc_pauses, _gc_was_enabled
    with _gc_pause_lock:
        if _gc_pauses == 0:
            _gc_was_enabled = gc.isenabled()
            gc.disable()
        _gc_pauses += 1
    try:
        yield
    finally:
        with _gc_pause_lock:
            _gc_pauses -= 1
            if _gc_pauses == 0 and _gc_was_enabled:
                gc.enable()


_gc_was_enabled = True


class _ConflictList(RootModel[list[ConflictOut]]):
    pass


def _conflict_issue(conflict: ConflictOut) -> SyncIssue:
    return SyncIssue(
        id=conflict.id,
        kind=conflict.kind,
        table=conflict.table,
        row_id=conflict.row_id,
        description=conflict.description,
        status=conflict.status,
        created_at=conflict.created_at,
        versions=conflict.versions,
    )


_NO_PROGRESS = QT_TRANSLATE_NOOP(
    "app",
    "The central server did not take any of this workstation's changes; they wait here and the sync "
    "will be tried again.",
)
_DOES_NOT_FIT = QT_TRANSLATE_NOOP(
    "app",
    "Changes from the central server do not fit this workstation's data; nothing was applied. "
    "Contact IT support if this message stays.",
)
_BAD_PAGE = QT_TRANSLATE_NOOP(
    "app",
    "The central server sent changes out of order; nothing was applied and the sync will be tried again.",
)

__all__ = ["SyncClient", "SyncIssue", "SyncReport", "SyncStatus", "list_issues"]
