"""Users, their roles, service locations and warehouses."""

from __future__ import annotations

import uuid

from sqlalchemy import ForeignKey, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Synced, str_name, str_short
from db.models.enums import DeliverFrom, Role, WarehouseKind


class ServiceLocation(Synced):
    """Tjänsteställe: the unit an order, activity or return belongs to."""

    __tablename__ = "service_location"

    code: Mapped[str_short] = mapped_column(unique=True)
    name: Mapped[str_name]
    street: Mapped[str_name] = mapped_column(default="")
    postal_code: Mapped[str_short] = mapped_column(default="")
    city: Mapped[str_name] = mapped_column(default="")
    phone: Mapped[str_short] = mapped_column(default="")
    #: Private clinics hold no stock and use pickup orders instead of own-stock returns (R10d, R30).
    is_private: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)

    warehouses: Mapped[list[Warehouse]] = relationship(back_populates="service_location")


class Warehouse(Synced):
    """Lager: 70 central, 750 direct purchase, a clinic's own stock, or an investigation warehouse."""

    __tablename__ = "warehouse"

    code: Mapped[str_short] = mapped_column(unique=True)
    name: Mapped[str_name]
    kind: Mapped[WarehouseKind]
    service_location_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("service_location.id"), index=True
    )

    service_location: Mapped[ServiceLocation | None] = relationship(back_populates="warehouses")

    @property
    def shows_balance(self) -> bool:
        return self.kind is not WarehouseKind.DIRECT_PURCHASE


class User(Synced):
    __tablename__ = "user_account"

    username: Mapped[str_short] = mapped_column(unique=True)
    full_name: Mapped[str_name]
    title: Mapped[str_name] = mapped_column(default="")
    phone: Mapped[str_short] = mapped_column(default="")
    email: Mapped[str_name] = mapped_column(default="")
    default_service_location_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("service_location.id"))
    default_deliver_from: Mapped[DeliverFrom] = mapped_column(default=DeliverFrom.AID_SERVICE)
    active: Mapped[bool] = mapped_column(default=True)

    roles: Mapped[list[UserRole]] = relationship(cascade="all, delete-orphan")


class UserRole(Synced):
    __tablename__ = "user_role"
    __table_args__ = (UniqueConstraint("user_id", "role"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), index=True)
    role: Mapped[Role]


class UserServiceLocation(Synced):
    """A user may work at several service locations (one is the default, on the user)."""

    __tablename__ = "user_service_location"
    __table_args__ = (UniqueConstraint("user_id", "service_location_id"),)

    user_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), index=True)
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))


class PrescriberLink(Synced):
    """A secretary (orderer) may order in the name of the prescribers linked to them."""

    __tablename__ = "prescriber_link"
    __table_args__ = (UniqueConstraint("orderer_id", "prescriber_id"),)

    orderer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), index=True)
    prescriber_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))


__all__ = ["PrescriberLink", "ServiceLocation", "User", "UserRole", "UserServiceLocation", "Warehouse"]
