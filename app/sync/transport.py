"""The HTTP side of sync: one place that sends a request and turns every failure into a sentence.

Nothing here touches the database; ``app.sync.client`` and ``app.sync.numbers`` build on it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from typing import Any, TypeVar

import httpx
from pydantic import BaseModel, ValidationError

from app.i18n import QT_TRANSLATE_NOOP
from db import migrate
from db.sync_protocol.messages import (
    API_PREFIX,
    DEMO_HEADER,
    DEMO_VALUE,
    HISTORY_HEADER,
    SCHEMA_HEADER,
    Problem,
)

log = logging.getLogger(__name__)

Model = TypeVar("Model", bound=BaseModel)

DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=3.0)

OFFLINE = QT_TRANSLATE_NOOP(
    "app", "The central server cannot be reached; working offline. Changes wait here and nothing is lost."
)
TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "app",
    "This workstation's token is not accepted by the central server; ask an administrator for a new "
    "one and enter it in the sync settings. Changes wait here and nothing is lost.",
)
GARBAGE = QT_TRANSLATE_NOOP(
    "app",
    "The central server sent an answer this program cannot read (is the address right?); nothing was "
    "lost and the sync will be tried again.",
)
SERVER_ERROR = QT_TRANSLATE_NOOP(
    "app", "The central server had a problem ({status}); nothing was lost and the sync will be tried again."
)
CLOCK_WRONG = QT_TRANSLATE_NOOP(
    "app",
    "This computer's clock shows {workstation_time} but the central server's shows {server_time}. Set the "
    "date, time and time zone right, then sync again; the changes wait here and nothing is lost.",
)

DEMO_WORKSTATION = QT_TRANSLATE_NOOP(
    "app",
    "This workstation holds demo data and cannot sync with the clinic's server (only with a training "
    "server); start a new workstation and join the clinic's server from there. Nothing here was changed.",
)
TRAINING_SERVER = QT_TRANSLATE_NOOP(
    "app",
    "This server is a training server for demo data; a workstation with the clinic's real data does not "
    "sync with it. Check the server address; nothing here was changed.",
)


def _shown(moment: dt.datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


class SyncFailure(Exception):
    """A sync request that did not succeed; ``sentence`` is for the person at the desk."""

    def __init__(self, kind: str, template: str, **params: Any) -> None:
        self.kind = kind  # "offline", "token", "schema", "clock", "garbage", "server", "demo"
        #: The English source sentence (marked for translation) and its values, as ``ClerkError`` has them.
        self.template = template
        self.params = params
        self.sentence = template.format(**params) if params else template
        super().__init__(self.sentence)

    @property
    def offline(self) -> bool:
        return self.kind == "offline"


class Transport:
    """Authenticated requests to ``/v1`` of one server (the token is never logged)."""

    def __init__(
        self,
        server_url: str,
        token: str,
        *,
        http: httpx.Client | None = None,
        timeout: httpx.Timeout = DEFAULT_TIMEOUT,
        schema_revision: str | None = None,
        demo: bool = False,
    ) -> None:
        self.base = server_url.rstrip("/") + API_PREFIX
        #: This workstation's database holds demo data: it says so, and takes answers only from a
        #: training server (``serve --demo``); a real workstation takes none from one.
        self.demo = demo
        self._owns_http = http is None
        self.http = http or httpx.Client(timeout=timeout)
        self._headers = {
            "Authorization": f"Bearer {token}",
            SCHEMA_HEADER: schema_revision or migrate.head_revision(),
        }
        if demo:
            self._headers[DEMO_HEADER] = DEMO_VALUE
        #: The central database's history id in the newest answer that had one (``HISTORY_HEADER``).
        self.history: str | None = None

    @staticmethod
    def clock() -> dt.datetime:
        """This workstation's clock, as the server is told it (``UploadRequest.sent_at``)."""
        return dt.datetime.now(dt.UTC)

    def close(self) -> None:
        if self._owns_http:
            self.http.close()

    def call(
        self,
        method: str,
        path: str,
        answer: type[Model],
        *,
        body: BaseModel | bytes | None = None,
        params: dict[str, Any] | None = None,
    ) -> Model:
        """*body* is a message, or its JSON already encoded."""
        content = body.model_dump_json().encode() if isinstance(body, BaseModel) else body
        headers = dict(self._headers)
        if content is not None:
            headers["Content-Type"] = "application/json"
        try:
            response = self.http.request(
                method, self.base + path, content=content, params=params, headers=headers
            )
        except httpx.TransportError as error:  # refused, timed out, cut mid-reply, DNS …
            log.info("sync: %s %s failed: %s", method, path, type(error).__name__)
            raise SyncFailure("offline", OFFLINE) from error
        training_server = response.headers.get(DEMO_HEADER) == DEMO_VALUE
        if self.demo and not training_server:
            log.warning("sync: a demo workstation refuses a server that is not a training server")
            raise SyncFailure("demo", DEMO_WORKSTATION)
        if training_server and not self.demo:
            log.warning("sync: a real workstation refuses a training server")
            raise SyncFailure("demo", TRAINING_SERVER)
        self.history = response.headers.get(HISTORY_HEADER) or self.history
        if response.status_code == 401:
            raise SyncFailure("token", TOKEN_REFUSED)
        if response.status_code == 409:
            server_time = _server_time(response)
            if server_time is not None:
                raise SyncFailure(
                    "clock",
                    CLOCK_WRONG,
                    workstation_time=_shown(self.clock()),
                    server_time=_shown(server_time),
                )
            raise SyncFailure("schema", _detail(response) or GARBAGE)
        if response.status_code >= 500 or response.status_code in (408, 429, 502, 503, 504):
            raise SyncFailure("server", SERVER_ERROR, status=response.status_code)
        if response.status_code >= 400:
            detail = _detail(response)
            log.warning(
                "sync: %s %s answered %s: %s", method, path, response.status_code, response.text[:300]
            )
            if detail:
                raise SyncFailure("server", detail)
            raise SyncFailure("server", SERVER_ERROR, status=response.status_code)
        try:
            return answer.model_validate_json(response.content)
        except (ValidationError, ValueError) as error:
            log.warning("sync: unreadable answer to %s %s", method, path)
            raise SyncFailure("garbage", GARBAGE) from error


def _server_time(response: httpx.Response) -> dt.datetime | None:
    """The server's clock, when it refused this workstation's clock (``Problem.server_time``)."""
    try:
        problem = Problem.model_validate_json(response.content)
    except (ValidationError, ValueError):
        return None
    return problem.server_time


def _detail(response: httpx.Response) -> str | None:
    """The server's sentence (FastAPI's ``{"detail": "…"}``), if it sent one."""
    try:
        data = json.loads(response.content)
    except ValueError:
        return None
    detail = data.get("detail") if isinstance(data, dict) else None
    return detail if isinstance(detail, str) and detail else None
