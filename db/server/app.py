"""The HTTP face of the sync service (FastAPI). Stateless: every request works on the database alone."""

from __future__ import annotations

import uuid
from typing import Annotated, Literal

from fastapi import APIRouter, Depends, FastAPI, Header, HTTPException, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import Engine
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Receive, Scope, Send

from db.server import service
from db.sync_protocol.messages import (
    API_PREFIX,
    MAX_PAGE,
    SCHEMA_HEADER,
    ConflictOut,
    DownloadResponse,
    LeaseRequest,
    LeaseResponse,
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
    }
)


def schema_mismatch_sentence(client: str | None, server: str) -> str:
    if not client:
        return (
            f"The workstation did not say which schema revision it has (header {SCHEMA_HEADER}); "
            f"the server is at schema revision {server}."
        )
    return (
        f"The workstation's database is at schema revision {client} but the server's is at revision "
        f"{server}; update the program so both are on the same revision before syncing."
    )


class Gate:
    """Every ``/v1`` request: the token first (401), then the schema revision (409), before the body is read.

    A request without a valid token is answered here, so it never reaches an endpoint or its validation.
    """

    def __init__(self, app: ASGIApp, engine: Engine) -> None:
        self.app = app
        self.engine = engine

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not str(scope["path"]).startswith(API_PREFIX + "/"):
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        scheme, _, token = headers.get("authorization", "").partition(" ")
        name = None
        if scheme.lower() == "bearer" and token.strip():
            name = await run_in_threadpool(service.authenticate, self.engine, token.strip())
        if name is None:
            response = JSONResponse(
                status_code=401,
                content={"detail": "A valid workstation token is needed (Authorization: Bearer <token>)."},
                headers={"WWW-Authenticate": "Bearer"},
            )
            await response(scope, receive, send)
            return
        server_revision = service.schema_revision()
        client_revision = headers.get(SCHEMA_HEADER)
        if client_revision != server_revision:
            response = JSONResponse(
                status_code=409,
                content={"detail": schema_mismatch_sentence(client_revision, server_revision)},
            )
            await response(scope, receive, send)
            return
        scope.setdefault("state", {})["workstation"] = name
        await self.app(scope, receive, send)


def authorized_workstation(
    request: Request,
    authorization: Annotated[str | None, Header(description="Bearer <workstation token>")] = None,
    schema: Annotated[
        str | None, Header(alias=SCHEMA_HEADER, description="the client's schema revision")
    ] = None,
) -> str:
    """The workstation ``Gate`` let through (the headers are declared here for the OpenAPI document)."""
    name: str = request.state.workstation
    return name


Workstation = Annotated[str, Depends(authorized_workstation)]


def create_app(engine: Engine) -> FastAPI:
    """The sync service on *engine* (PostgreSQL in production; any number of instances may share it)."""
    server_revision = service.schema_revision()
    app = FastAPI(
        title="Hearing Desk sync service",
        description="Upload change logs, download server changes, lease number blocks, resolve conflicts.",
        version=server_revision,
    )
    app.state.engine = engine

    app.add_middleware(Gate, engine=engine)
    router = APIRouter(prefix=API_PREFIX)

    @router.get("/status")
    def get_status(_name: Workstation) -> ServerStatus:
        return service.status(engine)

    @router.post("/upload")
    def post_upload(name: Workstation, body: UploadRequest) -> UploadResponse:
        return service.upload(engine, name, body.changes)

    @router.get("/download")
    def get_download(
        _name: Workstation,
        after: Annotated[int, Query(ge=0)] = 0,
        limit: Annotated[int, Query(ge=1, le=MAX_PAGE)] = MAX_PAGE,
    ) -> DownloadResponse:
        return service.download(engine, after, limit)

    @router.post("/numbers/lease")
    def post_lease(name: Workstation, body: LeaseRequest) -> LeaseResponse:
        try:
            return service.lease(engine, name, body)
        except service.Refused as error:
            raise HTTPException(status_code=409, detail=str(error)) from None

    @router.get("/conflicts")
    def get_conflicts(
        _name: Workstation, status: Literal["open", "resolved"] | None = None
    ) -> list[ConflictOut]:
        return service.list_conflicts(engine, status)

    @router.post("/conflicts/{conflict_id}/resolve")
    def post_resolve(name: Workstation, conflict_id: uuid.UUID, body: ResolveRequest) -> ConflictOut:
        try:
            return service.resolve(engine, name, conflict_id, body.keep)
        except service.NotFound as error:
            raise HTTPException(status_code=404, detail=str(error)) from None
        except service.Refused as error:
            raise HTTPException(status_code=409, detail=str(error)) from None

    app.include_router(router)
    return app
