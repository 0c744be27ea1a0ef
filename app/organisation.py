"""Users, their service locations and the work context chosen at start."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.errors import NotFound
from app.i18n import QT_TRANSLATE_NOOP
from db.models import ServiceLocation, User, UserRole, UserServiceLocation
from db.models.enums import Role


@dataclass(frozen=True)
class LocationChoice:
    id: uuid.UUID
    code: str
    name: str
    is_private: bool


@dataclass(frozen=True)
class UserChoice:
    id: uuid.UUID
    username: str
    full_name: str
    roles: tuple[Role, ...]
    locations: tuple[LocationChoice, ...]
    default_location_code: str


@dataclass(frozen=True)
class WorkContext:
    """Who is working, and for which service location: every write is made in this context."""

    user_id: uuid.UUID
    username: str
    user_name: str
    service_location_id: uuid.UUID
    service_location_code: str
    service_location_name: str


def list_users(session: Session) -> list[UserChoice]:
    """Active users with the service locations they may work for (the start dialog)."""
    users = list(session.scalars(select(User).where(User.active.is_(True)).order_by(User.full_name)))
    roles: dict[uuid.UUID, list[Role]] = {}
    for user_id, role in session.execute(select(UserRole.user_id, UserRole.role)):
        roles.setdefault(user_id, []).append(role)
    locations: dict[uuid.UUID, list[LocationChoice]] = {}
    for user_id, location in session.execute(
        select(UserServiceLocation.user_id, ServiceLocation)
        .join(ServiceLocation, ServiceLocation.id == UserServiceLocation.service_location_id)
        .where(ServiceLocation.active.is_(True))
        .order_by(ServiceLocation.name)
    ):
        locations.setdefault(user_id, []).append(
            LocationChoice(location.id, location.code, location.name, location.is_private)
        )
    codes = {loc.id: loc.code for locs in locations.values() for loc in locs}
    return [
        UserChoice(
            id=user.id,
            username=user.username,
            full_name=user.full_name,
            roles=tuple(sorted(roles.get(user.id, []))),
            locations=tuple(locations.get(user.id, [])),
            default_location_code=codes.get(user.default_service_location_id, "")
            if user.default_service_location_id
            else "",
        )
        for user in users
    ]


def work_context(session: Session, *, username: str, service_location_code: str) -> WorkContext:
    """The context for *username* at *service_location_code*; refuse a location the user has no access to."""
    user = session.scalars(select(User).where(User.username == username, User.active.is_(True))).first()
    if user is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "The user {username} does not exist or is inactive."), username=username
        )
    location = session.scalars(
        select(ServiceLocation)
        .join(UserServiceLocation, UserServiceLocation.service_location_id == ServiceLocation.id)
        .where(UserServiceLocation.user_id == user.id, ServiceLocation.code == service_location_code)
    ).first()
    if location is None:
        raise NotFound(
            QT_TRANSLATE_NOOP("app", "{user} does not work for the service location {code}."),
            user=user.full_name,
            code=service_location_code,
        )
    return WorkContext(user.id, user.username, user.full_name, location.id, location.code, location.name)
