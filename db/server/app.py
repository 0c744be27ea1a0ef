"""The HTTP face of the sync service (FastAPI). Stateless: every request works on the database alone.

Every answer other than a success is a ``Problem``: one sentence in ``detail``. The ``Gate`` in front of
the endpoints checks the token (401), the schema revision (409) and the body size (413) before a body is
read; bad values are 422, an unreachable database is 503, and the OpenAPI document lists every status
code each endpoint can answer.
"""

from __future__ import annotations

import contextlib
import functools
import time
import uuid
from collections.abc import AsyncIterator, Sequence
from typing import Annotated, Any, Literal
from urllib.parse import parse_qs

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request, Security
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.security import APIKeyHeader, HTTPBearer
from pydantic import BaseModel
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.exc import TimeoutError as PoolTimeout
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from db import migrate as domain_migrate
from db.server import migrate, service
from db.server.watermark import Watermark
from db.sync_protocol.messages import (
    API_PREFIX,
    DEMO_HEADER,
    DEMO_VALUE,
    HISTORY_HEADER,
    MAX_PAGE,
    MAX_SEQ,
    MAX_UPLOAD_BYTES,
    SCHEMA_HEADER,
    ConflictOut,
    DownloadResponse,
    LeaseRequest,
    LeaseResponse,
    Problem,
    ResolveRequest,
    ServerStatus,
    UploadRequest,
    UploadResponse,
)

#: Every endpoint the service implements (method, path); the OpenAPI document lists exactly these.
ENDPOINTS = frozenset(
    {
        ("GET", f"{API_PREFIX}/status"),
        ("POST", f"{API_PREFIX}/upload"),
        ("GET", f"{API_PREFIX}/download"),
        ("POST", f"{API_PREFIX}/numbers/lease"),
        ("GET", f"{API_PREFIX}/conflicts"),
        ("POST", f"{API_PREFIX}/conflicts/{{conflict_id}}/resolve"),
        ("GET", "/health"),
    }
)
#: What a load balancer or orchestrator polls; outside ``/v1``, so it needs no token.
HEALTH_PATH = "/health"
DOWNLOAD_PATH = f"{API_PREFIX}/download"
#: Methods whose request carries a body (bounded by ``MAX_UPLOAD_BYTES``).
WITH_BODY = frozenset({"POST", "PUT", "PATCH"})

DEMO_REFUSED = (
    "This workstation holds demo data and cannot sync with the clinic's server; start a new workstation "
    "and join the server from there."
)
REAL_REFUSED = (
    "This is a training server for demo data; a workstation with the clinic's real data cannot sync with "
    "it. Check the server address."
)
TOKEN_NEEDED = "A valid workstation token is needed (Authorization: Bearer <token>)."
#: How long an instance takes the central database's history id as known (see ``Gate.history``).
HISTORY_TRUSTED_S = 60.0
DATABASE_AWAY = "The central database cannot be reached just now; nothing was changed. Try again in a while."
UNREADABLE = "The request body is not JSON text in UTF-8; nothing was read or changed."
TOO_LARGE = (
    f"The request is larger than the {MAX_UPLOAD_BYTES // (1024 * 1024)} MB the server accepts; nothing was "
    "read or changed. Send fewer changes at a time."
)


@functools.cache
def _known_revisions() -> frozenset[str]:
    return frozenset(domain_migrate.known_revisions())


def schema_mismatch_sentence(client: str | None, server: str) -> str:
    """What the workstation's status bar shows when its schema revision is not the server's: which side
    is behind, and what to do about it (nothing waiting on the workstation is lost meanwhile)."""
    if not client:
        return (
            f"The workstation did not say which schema revision it has (header {SCHEMA_HEADER}); "
            f"the server is at schema revision {server}."
        )
    if client in _known_revisions():
        return (
            f"This workstation's program is older than the server's (its database is at schema revision "
            f"{client}, the server's at revision {server}): update Hearing Desk on this workstation; its "
            "changes wait until then and nothing is lost."
        )
    return (
        f"This workstation's program is newer than the server's (its database is at schema revision "
        f"{client}, the server's at revision {server}): the server must be updated first, ask IT; the "
        "workstation's changes wait until then and nothing is lost."
    )


def validation_sentence(errors: Sequence[Any]) -> str:
    """One sentence for what FastAPI found wrong in a request (the first problem, and how many more)."""
    if not errors:
        return "The request does not fit the sync protocol."
    first = errors[0]
    where = " → ".join(str(part) for part in first.get("loc", ()))
    problem = str(first.get("msg", "")).removeprefix("Value error, ").rstrip(".")
    more = f" (and {len(errors) - 1} more in the same request)" if len(errors) > 1 else ""
    return f"The request does not fit the sync protocol: {where}: {problem}{more}."


def _problem(status: int, detail: str, **headers: str) -> JSONResponse:
    return JSONResponse(status_code=status, content={"detail": detail}, headers=headers or None)


class _TooLarge(Exception):
    pass


async def _read_body(receive: Receive) -> bytes:
    """The whole body, refusing (``_TooLarge``) as soon as it passes ``MAX_UPLOAD_BYTES``."""
    chunks: list[bytes] = []
    size = 0
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break  # the client went away
        chunk = message.get("body", b"")
        size += len(chunk)
        if size > MAX_UPLOAD_BYTES:
            raise _TooLarge
        chunks.append(chunk)
        if not message.get("more_body", False):
            break
    return b"".join(chunks)


class Gate:
    """Every ``/v1`` request: the token first (401), then the schema revision (409), then the body size
    (413), before the body is parsed. A request that fails one is answered here, so it never reaches an
    endpoint or its validation, and an oversize body is never held in memory beyond the limit.
    """

    def __init__(self, app: ASGIApp, engine: Engine, watermark: Watermark, demo: bool = False) -> None:
        self.app = app
        self.engine = engine
        self.watermark = watermark
        #: A training server (``serve --demo``): it serves only workstations that hold demo data, and says
        #: so in every answer; a real server serves none of them.
        self.demo = demo
        #: The central database's history id and until when (``time.monotonic``) it is taken as known: it
        #: changes only while every instance is stopped (a restore), so a minute's staleness is harmless.
        self._history: tuple[str | None, float] = (None, 0.0)

    async def history(self) -> str | None:
        value, until = self._history
        if until < time.monotonic():
            try:
                value = await run_in_threadpool(service.history_id, self.engine)
            except (OperationalError, PoolTimeout):
                return value
            self._history = (value, time.monotonic() + HISTORY_TRUSTED_S)
        return value

    def idle_poll(self, scope: Scope) -> bytes | None:
        """The answer to an idle workstation's poll (``GET /v1/download?after=N&limit=M`` with nothing
        after N, as the watermark knows without the database), or None to let the endpoint answer.

        1 000 idle workstations make 200 of these a second; answering them here skips the framework's
        routing, dependencies and serialisation. Anything unusual in the query goes to the endpoint.
        """
        if scope["method"] != "GET" or scope["path"] != DOWNLOAD_PATH:
            return None
        known = self.watermark.known()
        if known is None:
            return None
        query = parse_qs(scope["query_string"].decode("latin-1"), keep_blank_values=True, max_num_fields=3)
        after, limit = query.pop("after", ["0"]), query.pop("limit", [str(MAX_PAGE)])
        if query or len(after) != 1 or len(limit) != 1:
            return None
        if not all(v.isascii() and v.isdigit() and len(v) <= 19 for v in (after[0], limit[0])):
            return None
        last = int(after[0])
        if not (known <= last <= MAX_SEQ and 1 <= int(limit[0]) <= MAX_PAGE):
            return None
        return b'{"changes":[],"last_seq":%d,"more":false}' % last

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        if self.demo:
            send = _with_header(send, DEMO_HEADER, DEMO_VALUE)
        history = await self.history()
        if history is not None:
            send = _with_header(send, HISTORY_HEADER, history)
        # The server's clock as the request arrives: an upload's edits are dated back from here.
        scope.setdefault("state", {})["received_at"] = service.utc_now()
        headers = Headers(scope=scope)
        scheme, _, token = headers.get("authorization", "").partition(" ")
        name = None
        if scheme.lower() == "bearer" and token.strip():
            name = service.trusted_workstation(token.strip())
            if name is None:
                try:
                    name = await run_in_threadpool(service.check_token, self.engine, token.strip())
                except (OperationalError, PoolTimeout):
                    await _problem(503, DATABASE_AWAY)(scope, receive, send)
                    return
        if name is None:
            await _problem(401, TOKEN_NEEDED, **{"WWW-Authenticate": "Bearer"})(scope, receive, send)
            return
        if (headers.get(DEMO_HEADER) == DEMO_VALUE) != self.demo:
            await _problem(409, REAL_REFUSED if self.demo else DEMO_REFUSED)(scope, receive, send)
            return
        server_revision = service.schema_revision()
        client_revision = headers.get(SCHEMA_HEADER)
        if client_revision != server_revision:
            sentence = schema_mismatch_sentence(client_revision, server_revision)
            await _problem(409, sentence)(scope, receive, send)
            return
        scope["state"]["workstation"] = name
        if scope["method"] not in WITH_BODY:
            idle = self.idle_poll(scope)
            if idle is not None:
                await Response(idle, media_type="application/json")(scope, receive, send)
                return
            await self.app(scope, receive, send)
            return
        declared = headers.get("content-length")
        if declared is not None and declared.isdigit() and int(declared) > MAX_UPLOAD_BYTES:
            await _problem(413, TOO_LARGE, Connection="close")(scope, receive, send)
            return
        try:
            body = await _read_body(receive)
        except _TooLarge:
            await _problem(413, TOO_LARGE, Connection="close")(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if replayed:
                return await receive()
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}

        await self.app(scope, replay, send)


def _with_header(send: Send, name: str, value: str) -> Send:
    """*send*, with the header *name*: *value* in every answer's head (``DEMO_HEADER`` on a training server,
    ``HISTORY_HEADER`` always)."""

    async def header_send(message: Message) -> None:
        if message["type"] == "http.response.start":
            message = {
                **message,
                "headers": [*message.get("headers", []), (name.lower().encode(), value.encode())],
            }
        await send(message)

    return header_send


async def authorized_workstation(
    request: Request,
    _token: Annotated[Any, Security(HTTPBearer(auto_error=False, description="the workstation's token"))],
    _schema: Annotated[
        Any,
        Security(
            APIKeyHeader(name=SCHEMA_HEADER, auto_error=False, description="the client's schema revision")
        ),
    ],
) -> str:
    """The workstation ``Gate`` let through (the headers are declared here for the OpenAPI document)."""
    name: str = request.state.workstation
    return name


Workstation = Annotated[str, Depends(authorized_workstation)]


def _answers(**described: str) -> dict[int | str, dict[str, Any]]:
    """The refusals an endpoint can answer besides the ones every endpoint can (401, 409, 503)."""
    answers: dict[int | str, str] = {
        401: "No valid workstation token (missing, unknown or revoked).",
        409: "The workstation's schema revision is not the server's (the sentence names both), or it holds "
        "demo data and this is not a training server (or the other way round).",
        503: "The central database cannot be reached just now; try again later.",
    }
    for code, text in described.items():
        number = int(code.removeprefix("status_"))
        answers[number] = text if number != 409 else f"{answers[409]} {text}"
    return {code: {"model": Problem, "description": text} for code, text in sorted(answers.items(), key=str)}


UNREADABLE_DOC = "The body is not JSON text in UTF-8."
TOO_LARGE_DOC = f"The body is larger than {MAX_UPLOAD_BYTES} bytes; it is refused before it is read."
BAD_VALUE_DOC = "A value does not fit the protocol; the sentence names it."


class Health(BaseModel):
    """The answer of ``GET /health`` when the server can serve: the database answers and is at this
    program's schema."""

    status: Literal["ok"]
    schema_revision: str


def health_problem(engine: Engine, wanted: tuple[str, str]) -> str | None:
    """None when the database answers and its schema is *wanted* (domain, server tables); else why not."""
    try:
        found = migrate.current_revisions(engine)
    except (OperationalError, PoolTimeout):
        return DATABASE_AWAY
    if found == wanted:
        return None
    return (
        f"The central database is at schema revision {found[0] or 'none'} (server tables "
        f"{found[1] or 'none'}) but this server program needs {wanted[0]} ({wanted[1]}): run "
        "`hearing-desk-server migrate`, or update this server program if the database is newer."
    )


def create_app(engine: Engine, *, demo: bool = False) -> FastAPI:
    """The sync service on *engine* (PostgreSQL in production; any number of instances may share it).

    With *demo* it is a training server: it serves only workstations whose database holds demo data (they
    say so in ``DEMO_HEADER``), and a normal server refuses exactly those."""
    server_revision = service.schema_revision()
    watermark = Watermark(engine, service.last_seq_query())

    @contextlib.asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        watermark.stop()

    app = FastAPI(
        title="Hearing Desk sync service",
        description="Upload change logs, download server changes, lease number blocks, resolve conflicts.",
        version=server_revision,
        lifespan=lifespan,
    )
    app.state.engine = engine
    app.state.watermark = watermark

    @app.exception_handler(StarletteHTTPException)
    async def refused(_request: Request, error: StarletteHTTPException) -> JSONResponse:
        detail = str(error.detail) if error.status_code != 400 else UNREADABLE
        return _problem(error.status_code, detail, **(error.headers or {}))

    @app.exception_handler(RequestValidationError)
    async def bad_value(_request: Request, error: RequestValidationError) -> JSONResponse:
        return _problem(422, validation_sentence(error.errors()))

    @app.exception_handler(OperationalError)
    @app.exception_handler(PoolTimeout)
    async def database_away(_request: Request, _error: Exception) -> JSONResponse:
        return _problem(503, DATABASE_AWAY)

    app.add_middleware(Gate, engine=engine, watermark=watermark, demo=demo)
    wanted = (server_revision, migrate.server_head_revision())

    @app.get(
        HEALTH_PATH,
        response_model=Health,
        responses={
            503: {
                "model": Problem,
                "description": "The database does not answer, or its schema is not this program's; the "
                "sentence says which.",
            }
        },
        tags=["operations"],
    )
    def get_health() -> Any:
        """For a load balancer or orchestrator: 200 when this instance can serve (the database answers
        and is at this program's schema), else 503 with a sentence. Needs no token; reads two rows."""
        problem = health_problem(engine, wanted)
        if problem is not None:
            return _problem(503, problem)
        return Health(status="ok", schema_revision=server_revision)

    router = APIRouter(prefix=API_PREFIX)

    @router.get("/status", responses=_answers())
    def get_status(_name: Workstation) -> ServerStatus:
        return service.status(engine)

    @router.post(
        "/upload",
        response_model=UploadResponse,
        responses=_answers(
            status_409="Or the workstation's clock is more than 15 minutes from the server's; server_time "
            "gives the server's clock.",
            status_400=UNREADABLE_DOC,
            status_413=TOO_LARGE_DOC,
            status_422=BAD_VALUE_DOC,
        ),
    )
    def post_upload(request: Request, name: Workstation, body: UploadRequest) -> Any:
        try:
            answer = service.upload(engine, name, body, request.state.received_at)
            watermark.committed(answer.server_seq)
            return answer
        except service.ClockRefused as refused:
            problem = Problem(detail=str(refused), server_time=refused.server_time)
            return JSONResponse(status_code=409, content=problem.model_dump(mode="json"))

    @router.get("/download", response_model=DownloadResponse, responses=_answers(status_422=BAD_VALUE_DOC))
    def get_download(
        _name: Workstation,
        after: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
    ) -> Response:
        """Every change after server sequence *after* (an idle poll is answered by the ``Gate``); the
        page's JSON comes from the service as it is sent, with the stored rows never parsed."""
        return Response(service.download(engine, after, limit), media_type="application/json")

    @router.post(
        "/numbers/lease",
        responses=_answers(
            status_409="Or every number of the week has been handed out.",
            status_400=UNREADABLE_DOC,
            status_413=TOO_LARGE_DOC,
            status_422=BAD_VALUE_DOC,
        ),
    )
    def post_lease(name: Workstation, body: LeaseRequest) -> LeaseResponse:
        try:
            return service.lease(engine, name, body)
        except service.Refused as error:
            raise HTTPException(status_code=409, detail=str(error)) from None

    @router.get("/conflicts", responses=_answers(status_422=BAD_VALUE_DOC))
    def get_conflicts(
        _name: Workstation, status: Literal["open", "resolved"] | None = None
    ) -> list[ConflictOut]:
        return service.list_conflicts(engine, status)

    @router.post(
        "/conflicts/{conflict_id}/resolve",
        responses=_answers(
            status_404="There is no conflict with that id.",
            status_409="Or the conflict was already resolved, the version does not exist, or it cannot "
            "be applied.",
            status_400=UNREADABLE_DOC,
            status_413=TOO_LARGE_DOC,
            status_422=BAD_VALUE_DOC,
        ),
    )
    def post_resolve(name: Workstation, conflict_id: uuid.UUID, body: ResolveRequest) -> ConflictOut:
        try:
            resolved = service.resolve(engine, name, conflict_id, body.keep)
            watermark.committed(service.status(engine).last_seq)
            return resolved
        except service.NotFound as error:
            raise HTTPException(status_code=404, detail=str(error)) from None
        except service.Refused as error:
            raise HTTPException(status_code=409, detail=str(error)) from None

    app.include_router(router)
    return app
