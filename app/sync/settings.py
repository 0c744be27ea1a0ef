"""Sync settings: the central server's address, this workstation's name and its token.

The address and name are node settings in the local database. The token is a secret: it goes to the
operating system's keyring when a usable one exists, else to a file in the data directory that only the
user can read. It is never logged and never stored in the database.
"""

from __future__ import annotations

import ipaddress
import logging
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from app.database import Database
from app.errors import InvalidInput
from app.i18n import QT_TRANSLATE_NOOP
from db.models import NodeSetting

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from app.sync.client import SyncClient

log = logging.getLogger(__name__)

SERVER_URL = "sync.server_url"
WORKSTATION_NAME = "sync.workstation"
TOKEN_FILE = "sync-token"
KEYRING_SERVICE = "hearing-desk-sync"


def get_setting(session: Session, key: str) -> str | None:
    row = session.get(NodeSetting, key)
    return row.value if row else None


def put_setting(session: Session, key: str, value: str) -> None:
    row = session.get(NodeSetting, key)
    if row is None:
        session.add(NodeSetting(key=key, value=value))
    else:
        row.value = value


def is_loopback(host: str) -> bool:
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def check_server_url(url: str) -> str:
    """The address as stored (no trailing slash); refuse plain HTTP anywhere but on this computer."""
    cleaned = url.strip().rstrip("/")
    try:
        parts = urlsplit(cleaned)
        host = parts.hostname or ""
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError:
        host, parts = "", urlsplit("")
    if parts.scheme not in ("http", "https") or not host:
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app", "{url} is not a server address; type it like https://sync.example.org:8443."
            ),
            url=cleaned,
        )
    if parts.scheme == "http" and not is_loopback(host):
        raise InvalidInput(
            QT_TRANSLATE_NOOP(
                "app",
                "{url} is not encrypted: plain http is only allowed to this computer itself, so use an "
                "https address for the central server.",
            ),
            url=cleaned,
        )
    return cleaned


# ------------------------------------------------------------------------------------------------ token


def keyring_usable() -> bool:
    """True when the OS keyring has a real backend (not the fail/null one of a headless machine)."""
    try:
        import keyring
        from keyring.backends import fail

        backend: Any = keyring.get_keyring()
    except Exception:  # a broken keyring installation is the same as none
        return False
    return not isinstance(backend, fail.Keyring) and float(getattr(backend, "priority", 0)) > 0


class TokenStore:
    """Where this workstation's token lives: the OS keyring or, without one, a file only the user reads."""

    def __init__(self, data_dir: Path, *, use_keyring: bool | None = None) -> None:
        self.data_dir = data_dir
        self.use_keyring = keyring_usable() if use_keyring is None else use_keyring
        # Keyring entries are per data directory, so two local databases on one machine do not clash.
        self._account = str(data_dir.resolve())

    @property
    def file(self) -> Path:
        return self.data_dir / TOKEN_FILE

    def save(self, token: str) -> None:
        token = token.strip()
        if not token:
            raise InvalidInput(QT_TRANSLATE_NOOP("app", "The workstation token is empty; paste it again."))
        if self.use_keyring:
            try:
                import keyring

                keyring.set_password(KEYRING_SERVICE, self._account, token)
                if self.file.exists():
                    self.file.unlink()
                return
            except Exception as error:
                log.warning(
                    "the keyring refused the token (%s); keeping it in a private file", type(error).__name__
                )
        self._write_file(token)

    def _write_file(self, token: str) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        temporary = self.file.with_suffix(".new")
        if temporary.exists():
            temporary.unlink()
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(token)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, stat.S_IRUSR | stat.S_IWUSR)
        os.replace(temporary, self.file)

    def load(self) -> str | None:
        if self.use_keyring:
            try:
                import keyring

                token = keyring.get_password(KEYRING_SERVICE, self._account)
                if token:
                    return token
            except Exception as error:
                log.warning("the keyring could not be read (%s)", type(error).__name__)
        if self.file.exists():
            return self.file.read_text(encoding="utf-8").strip() or None
        return None

    def clear(self) -> None:
        if self.use_keyring:
            try:
                import keyring

                keyring.delete_password(KEYRING_SERVICE, self._account)
            except Exception:  # nothing stored, or no keyring after all
                pass
        if self.file.exists():
            self.file.unlink()


# ------------------------------------------------------------------------------------------ node settings


@dataclass(frozen=True)
class SyncSettings:
    server_url: str
    workstation_name: str


def load_settings(database: Database) -> SyncSettings | None:
    """The stored server address and workstation name, or None when sync was never set up."""
    with database.read() as session:
        url = get_setting(session, SERVER_URL)
        name = get_setting(session, WORKSTATION_NAME)
    return SyncSettings(url, name or "") if url else None


def save_settings(database: Database, server_url: str, workstation_name: str) -> SyncSettings:
    url = check_server_url(server_url)
    name = workstation_name.strip()
    if not name:
        raise InvalidInput(
            QT_TRANSLATE_NOOP("app", "Type this workstation's name as the administrator gave it.")
        )
    with database.write() as session:
        put_setting(session, SERVER_URL, url)
        put_setting(session, WORKSTATION_NAME, name)
    return SyncSettings(url, name)


def refuse_unless_training_server(database: Database, server_url: str, token: str) -> None:
    """A database that holds demo data syncs only with a training server (``serve --demo``), never with
    the clinic's: before its settings are stored, the server is asked what it is, and anything else is
    refused with the sentence (nothing stored). A real workstation's settings are stored without asking
    (it may be set up offline); its first round refuses a training server."""
    from app.first_start import is_demo_database

    with database.read() as session:
        if not is_demo_database(session):
            return
    from app.sync.transport import SyncFailure, Transport
    from db.sync_protocol.messages import ServerStatus

    transport = Transport(check_server_url(server_url), token.strip(), demo=True)
    try:
        transport.call("GET", "/status", ServerStatus)
    except SyncFailure as failure:
        raise InvalidInput(failure.template, **failure.params) from None
    finally:
        transport.close()


def client_from_settings(database: Database, data_dir: Path) -> SyncClient | None:
    """The sync client as set up on this workstation, or None while sync is not set up (no address/token)."""
    stored = load_settings(database)
    token = TokenStore(data_dir).load() if stored else None
    if stored is None or not token:
        return None
    from app.sync.client import SyncClient  # httpx and pydantic: only on a workstation that syncs

    return SyncClient(database, stored.server_url, token, stored.workstation_name)
