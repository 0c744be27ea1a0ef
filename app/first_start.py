"""A workstation's first start: try it on demo data, join the clinic's server, or start empty.

A workstation is *new* while its database holds no users, no sync settings and no first-start choice: the
program then asks (or ``--first-start`` / ``hearing-desk-admin first-start`` chooses for an unattended
install). The choice is kept as a node setting, so a workstation started empty is not asked again.

A database filled with demo data carries a local-only marker (``DEMO_DATA``), written by
``app.demo_data.generate`` and, for databases made by earlier versions, by migration 0016. Demo data never
meets a clinic's real data: the sync client sends ``DEMO_HEADER`` from a marked database and refuses a
server that is not a training server; the server refuses the other way round.
"""

from __future__ import annotations

import enum
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from app.database import Database, environment_errors
from app.errors import ClerkError, InvalidInput
from app.i18n import QT_TRANSLATE_NOOP
from app.sync.settings import SERVER_URL, WORKSTATION_NAME, get_setting, put_setting
from db.models import NodeSetting, User

log = logging.getLogger(__name__)

#: Node setting: "1" when this database holds demo data (never synced: node settings are local).
DEMO_DATA = "node.demo_data"
#: Node setting: the first-start choice made on this workstation (a ``FirstStart`` value).
FIRST_START = "node.first_start"


class FirstStart(enum.StrEnum):
    DEMO = "demo"
    JOIN = "join"
    EMPTY = "empty"


ALREADY_SET_UP = QT_TRANSLATE_NOOP(
    "app",
    "This workstation is already set up (its database holds users, sync settings or an earlier first-start "
    "choice); the first-start choice changed nothing.",
)
EMPTY_TOKEN = QT_TRANSLATE_NOOP("app", "The workstation token is empty; paste it again.")
JOIN_TOKEN_REFUSED = QT_TRANSLATE_NOOP(
    "app",
    "The clinic's server does not accept this workstation name and token; check both with the "
    "administrator who gave them to you.",
)
JOIN_OFFLINE = QT_TRANSLATE_NOOP(
    "app", "No server answers at this address; check the address and the network, then try again."
)
EMPTY_NAME = QT_TRANSLATE_NOOP("app", "Type this workstation's name as the administrator gave it.")
JOIN_NEEDS = QT_TRANSLATE_NOOP(
    "app", "Joining the clinic's server needs its address, this workstation's name and its token."
)


class AlreadySetUp(ClerkError):
    """A first-start choice for a workstation that is not new."""


@dataclass(frozen=True)
class JoinDetails:
    """What the administrator gave this workstation: the server's address, its name and its token."""

    server_url: str
    workstation_name: str
    token: str


#: The environment variable an unattended install may give the token in (never on the command line).
TOKEN_VARIABLE = "HEARING_DESK_TOKEN"
NO_TOKEN = QT_TRANSLATE_NOOP(
    "app",
    "Joining needs the workstation's token: give it in a file with --token-file FILE or in the environment "
    "variable {variable}, never on the command line.",
)
TOKEN_FILE_UNREADABLE = QT_TRANSLATE_NOOP("app", "The token file {path} cannot be read: {reason}.")


def join_details(
    server_url: str | None, workstation_name: str | None, token_file: Path | None, environment: dict[str, str]
) -> JoinDetails:
    """What an unattended install gives for a join: the address and name as options, the token from a
    file or the environment (``TOKEN_VARIABLE``); a sentence for what is missing."""
    if not server_url or not workstation_name:
        raise InvalidInput(JOIN_NEEDS)
    if token_file is not None:
        try:
            token = token_file.read_text(encoding="utf-8").strip()
        except (OSError, UnicodeDecodeError) as error:
            reason = getattr(error, "strerror", None) or str(error)
            raise InvalidInput(TOKEN_FILE_UNREADABLE, path=str(token_file), reason=reason) from None
    else:
        token = environment.get(TOKEN_VARIABLE, "").strip()
    if not token:
        raise InvalidInput(NO_TOKEN, variable=TOKEN_VARIABLE)
    return JoinDetails(server_url, workstation_name, token)


# ------------------------------------------------------------------------------------------ markers


def is_demo_database(session: Session) -> bool:
    return get_setting(session, DEMO_DATA) == "1"


def mark_demo(session: Session) -> None:
    put_setting(session, DEMO_DATA, "1")


def is_new_workstation(session: Session) -> bool:
    """No users, no sync settings and no first-start choice yet: the first start asks what to do."""
    if get_setting(session, FIRST_START) is not None or get_setting(session, SERVER_URL) is not None:
        return False
    return (session.scalar(select(func.count()).select_from(User)) or 0) == 0


def record_choice(session: Session, choice: FirstStart) -> None:
    put_setting(session, FIRST_START, choice.value)


# ------------------------------------------------------------------------------------------- set-up


def set_up(
    database: Database,
    data_dir: Path,
    choice: FirstStart,
    *,
    join: JoinDetails | None = None,
    demo_scale: str = "small",
) -> None:
    """Do the first-start *choice* on a new workstation; ``AlreadySetUp`` (changing nothing) on another.

    A join that fails (a refused address or token, an unreachable server) raises the clerk's sentence and
    leaves no sync settings behind, so the workstation is still new."""
    with database.read() as session:
        if not is_new_workstation(session):
            raise AlreadySetUp(ALREADY_SET_UP)
    if choice is FirstStart.DEMO:
        from app import demo_data  # a first start only: keep it out of the normal start path

        log.info("first start: creating %s demo data", demo_scale)
        with environment_errors(database.path):  # the disk may fill up while it is written
            demo_data.generate(database, demo_scale)  # marks the database as demo data
    elif choice is FirstStart.JOIN:
        if join is None:
            raise InvalidInput(JOIN_NEEDS)
        join_server(database, data_dir, join)
    with database.write() as session:
        record_choice(session, choice)


def join_server(database: Database, data_dir: Path, join: JoinDetails) -> int:
    """Store the server's address, this workstation's name and token, then run the first sync, which fills
    the database with the clinic; the number of changes it brought. Nothing is kept when it fails before
    anything came down (the clerk corrects what was typed and tries again)."""
    from app.sync.settings import TokenStore, check_server_url, client_from_settings, save_settings
    from app.sync.transport import OFFLINE, TOKEN_REFUSED

    check_server_url(join.server_url)  # a sentence before anything is stored
    if not join.workstation_name.strip():
        raise InvalidInput(EMPTY_NAME)
    if not join.token.strip():
        raise InvalidInput(EMPTY_TOKEN)
    save_settings(database, join.server_url, join.workstation_name)
    tokens = TokenStore(data_dir)
    tokens.save(join.token)
    client = client_from_settings(database, data_dir)
    assert client is not None  # both were stored just now
    try:
        report = client.sync_once()
    finally:
        client.close()
    if not report.ok:
        if report.downloaded == 0:
            forget_server(database, data_dir)
        log.info("first start: the first sync did not succeed (%s)", report.template)
        # The sync's own sentences speak of changes waiting here; a workstation joining has none yet.
        template = {TOKEN_REFUSED: JOIN_TOKEN_REFUSED, OFFLINE: JOIN_OFFLINE}.get(report.template or "")
        if template is not None:
            raise InvalidInput(template)
        raise InvalidInput(report.template or report.message or "", **report.params)
    log.info("first start: joined the server, %d changes came down", report.downloaded)
    return report.downloaded


def forget_server(database: Database, data_dir: Path) -> None:
    """Remove the sync settings and token (a join that failed before anything came down)."""
    from app.sync.settings import TokenStore

    with database.write() as session:
        session.execute(delete(NodeSetting).where(NodeSetting.key.in_((SERVER_URL, WORKSTATION_NAME))))
    TokenStore(data_dir).clear()


__all__ = [
    "ALREADY_SET_UP",
    "DEMO_DATA",
    "AlreadySetUp",
    "FirstStart",
    "JoinDetails",
    "is_demo_database",
    "is_new_workstation",
    "mark_demo",
    "set_up",
]
