"""Where the central database is and how to log in to it, without a secret on the command line.

The address comes from ``--db`` or the environment; the password from a file (a container or systemd
secret) or the environment, never from ``--db``, since a command line shows in every user's process list.

    HEARING_DESK_DB_URL            a whole SQLAlchemy URL (``postgresql+psycopg://USER[:PASSWORD]@HOST/DB``)
    HEARING_DESK_DB_HOST           or the parts: host (a name, an address or a socket folder),
    HEARING_DESK_DB_PORT           port (default 5432),
    HEARING_DESK_DB_NAME           database (default hearing_desk),
    HEARING_DESK_DB_USER           user (default hearing_desk)
    HEARING_DESK_DB_PASSWORD_FILE  a file whose first line is the password (a Docker/compose secret)
    HEARING_DESK_DB_PASSWORD       the password itself (where a file cannot be had)

A password given by file or variable fills in a URL that has none; libpq's own ``~/.pgpass`` and
``PGPASSFILE`` work as well. A password is never printed: every address this module shows hides it.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

URL_VARIABLE = "HEARING_DESK_DB_URL"
HOST_VARIABLE = "HEARING_DESK_DB_HOST"
PORT_VARIABLE = "HEARING_DESK_DB_PORT"
NAME_VARIABLE = "HEARING_DESK_DB_NAME"
USER_VARIABLE = "HEARING_DESK_DB_USER"
PASSWORD_VARIABLE = "HEARING_DESK_DB_PASSWORD"
PASSWORD_FILE_VARIABLE = "HEARING_DESK_DB_PASSWORD_FILE"
TLS_CERT_VARIABLE = "HEARING_DESK_TLS_CERT"
TLS_KEY_VARIABLE = "HEARING_DESK_TLS_KEY"
HOST_BIND_VARIABLE = "HEARING_DESK_HOST"
PORT_BIND_VARIABLE = "HEARING_DESK_PORT"

DEFAULT_PORT = 5432
DEFAULT_NAME = "hearing_desk"
DEFAULT_USER = "hearing_desk"
DEPLOYMENT_PAGE = "packaging/server/README.md"

NO_DATABASE = (
    "No central database was given: pass --db postgresql+psycopg://USER@HOST/DB, or set "
    f"{URL_VARIABLE} or {HOST_VARIABLE} (the password in {PASSWORD_FILE_VARIABLE}); see {DEPLOYMENT_PAGE}."
)
PASSWORD_ON_COMMAND_LINE = (
    "The --db address holds a password, which every user of this machine can read in the process list; "
    f"leave it out of --db and give it in the file named by {PASSWORD_FILE_VARIABLE} (or in "
    f"{PASSWORD_VARIABLE}, or ~/.pgpass)."
)
SQLITE_REFUSED = (
    "Refusing to run the central server on the SQLite file {path}: one file on one machine cannot be "
    "shared by several server instances and is not backed up like the region's PostgreSQL; pass "
    "--allow-sqlite to try the server out on it anyway."
)


class ConfigurationError(Exception):
    """A configuration the server cannot start with; ``str()`` is one sentence for the administrator."""


def _read_password_file(path: str) -> str:
    try:
        text = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigurationError(
            f"The password file {path} named by {PASSWORD_FILE_VARIABLE} cannot be read "
            f"({error.strerror or error})."
        ) from None
    lines = text.splitlines()
    password = lines[0].strip() if lines else ""
    if not password:
        raise ConfigurationError(
            f"The password file {path} named by {PASSWORD_FILE_VARIABLE} is empty; put the password on "
            "its first line."
        )
    return password


def _password(environ: Mapping[str, str]) -> str | None:
    path = environ.get(PASSWORD_FILE_VARIABLE, "").strip()
    if path:
        return _read_password_file(path)
    return environ.get(PASSWORD_VARIABLE) or None


def _parsed(text: str, where: str) -> URL:
    try:
        return make_url(text.strip())
    except ArgumentError:
        raise ConfigurationError(
            f"The database address in {where} is not a URL such as postgresql+psycopg://USER@HOST/DB."
        ) from None


def _from_parts(environ: Mapping[str, str]) -> URL:
    port_text = environ.get(PORT_VARIABLE, "").strip() or str(DEFAULT_PORT)
    if not port_text.isdigit() or not 0 < int(port_text) < 65536:
        raise ConfigurationError(f"{PORT_VARIABLE} must be a port number, not {port_text!r}.")
    host = environ[HOST_VARIABLE].strip()
    query = {}
    if host.startswith("/"):  # a Unix socket folder: libpq takes it as a query parameter
        query, host = {"host": host}, ""
    return URL.create(
        "postgresql+psycopg",
        username=environ.get(USER_VARIABLE, "").strip() or DEFAULT_USER,
        host=host or None,
        port=int(port_text),
        database=environ.get(NAME_VARIABLE, "").strip() or DEFAULT_NAME,
        query=query,
    )


def database_url(
    given: str | None, *, allow_sqlite: bool = False, environ: Mapping[str, str] | None = None
) -> URL:
    """The central database's URL, with its password filled in from the file or variable; raises
    ``ConfigurationError`` with one sentence when none is given, ``--db`` holds a password, or it is a
    SQLite file and *allow_sqlite* is false."""
    environ = os.environ if environ is None else environ
    if given:
        url = _parsed(given, "--db")
        if url.password is not None:
            raise ConfigurationError(PASSWORD_ON_COMMAND_LINE)
    elif environ.get(URL_VARIABLE, "").strip():
        url = _parsed(environ[URL_VARIABLE], URL_VARIABLE)
    elif environ.get(HOST_VARIABLE, "").strip():
        url = _from_parts(environ)
    else:
        raise ConfigurationError(NO_DATABASE)
    if url.get_backend_name() == "sqlite":
        if not allow_sqlite:
            raise ConfigurationError(SQLITE_REFUSED.format(path=url.database or "in memory"))
        return url
    if url.password is None:
        password = _password(environ)
        if password is not None:
            url = url.set(password=password)
    return url


def shown(url: URL) -> str:
    """The address as it may be printed: never the password."""
    return url.render_as_string(hide_password=True)


def env_default(name: str, environ: Mapping[str, str] | None = None) -> str | None:
    value = (os.environ if environ is None else environ).get(name, "").strip()
    return value or None
