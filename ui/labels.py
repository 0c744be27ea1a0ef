"""Display names for the domain's closed vocabularies, translated when shown."""

from __future__ import annotations

import enum

from app.i18n import QT_TRANSLATE_NOOP
from db.models.enums import (
    ActivityKind,
    ActivityStatus,
    ArticleStatus,
    ArticleType,
    DeliverFrom,
    FeeKind,
    IdentityKind,
    IndividualStatus,
    LineStatus,
    MovementReason,
    OrderKind,
    OrderStatus,
    OwnerColour,
    Residency,
    Role,
)
from ui.qt import QCoreApplication

_LABELS: dict[enum.Enum, str] = {
    IdentityKind.PERSONAL: QT_TRANSLATE_NOOP("labels", "Personal identity number"),
    IdentityKind.COORDINATION: QT_TRANSLATE_NOOP("labels", "Coordination number"),
    IdentityKind.RESERVE: QT_TRANSLATE_NOOP("labels", "Reserve number"),
    Residency.RESIDENT: QT_TRANSLATE_NOOP("labels", "Registered in the region"),
    Residency.OTHER_REGION: QT_TRANSLATE_NOOP("labels", "Registered in another region"),
    Residency.ASYLUM_SEEKER: QT_TRANSLATE_NOOP("labels", "Asylum seeker"),
    Residency.UNDOCUMENTED: QT_TRANSLATE_NOOP("labels", "Undocumented"),
    Residency.ABROAD: QT_TRANSLATE_NOOP("labels", "From abroad"),
    Role.PRESCRIBER: QT_TRANSLATE_NOOP("labels", "Prescriber"),
    Role.ORDERER: QT_TRANSLATE_NOOP("labels", "Orderer"),
    Role.STOCK_ADMIN: QT_TRANSLATE_NOOP("labels", "Stock administrator"),
    ActivityKind.WARRANTY_REPAIR: QT_TRANSLATE_NOOP("labels", "Warranty repair"),
    ActivityKind.INSTALLATION: QT_TRANSLATE_NOOP("labels", "Installation"),
    ActivityKind.INSTALLATION_WARRANTY: QT_TRANSLATE_NOOP("labels", "Warranty on installation"),
    ActivityKind.DISMANTLING: QT_TRANSLATE_NOOP("labels", "Dismantling"),
    ActivityKind.INSTALLED_REPAIR: QT_TRANSLATE_NOOP("labels", "Repair of installed aid"),
    ActivityKind.OUTSIDE_ASSORTMENT: QT_TRANSLATE_NOOP("labels", "Outside-assortment application"),
    ActivityStatus.ASSIGNED: QT_TRANSLATE_NOOP("labels", "Assigned"),
    ActivityStatus.PLANNED: QT_TRANSLATE_NOOP("labels", "Planned"),
    ActivityStatus.STARTED: QT_TRANSLATE_NOOP("labels", "Started"),
    ActivityStatus.CLOSED: QT_TRANSLATE_NOOP("labels", "Closed"),
    OrderKind.PRESCRIPTION: QT_TRANSLATE_NOOP("labels", "Prescription from the aid service"),
    OrderKind.OWN_STOCK_PRESCRIPTION: QT_TRANSLATE_NOOP("labels", "Prescription from own stock"),
    OrderKind.INDIVIDUAL_DELIVERY: QT_TRANSLATE_NOOP("labels", "Individual from own stock"),
    OrderKind.REPLENISHMENT: QT_TRANSLATE_NOOP("labels", "Replenishment of own stock"),
    OrderStatus.CART: QT_TRANSLATE_NOOP("labels", "In the cart"),
    OrderStatus.SENT: QT_TRANSLATE_NOOP("labels", "Registered"),
    OrderStatus.PARTLY_DELIVERED: QT_TRANSLATE_NOOP("labels", "Partly delivered"),
    OrderStatus.DELIVERED: QT_TRANSLATE_NOOP("labels", "Delivered"),
    OrderStatus.CANCELLED: QT_TRANSLATE_NOOP("labels", "Cancelled"),
    LineStatus.OPEN: QT_TRANSLATE_NOOP("labels", "Open"),
    LineStatus.DELIVERED: QT_TRANSLATE_NOOP("labels", "Delivered"),
    LineStatus.CANCELLED: QT_TRANSLATE_NOOP("labels", "Cancelled"),
    ArticleType.MAIN_AID: QT_TRANSLATE_NOOP("labels", "Main aid"),
    ArticleType.ACCESSORY: QT_TRANSLATE_NOOP("labels", "Accessory"),
    ArticleType.SPARE_PART: QT_TRANSLATE_NOOP("labels", "Spare part"),
    ArticleType.SERVICE: QT_TRANSLATE_NOOP("labels", "Service"),
    ArticleStatus.ACTIVE: QT_TRANSLATE_NOOP("labels", "Active"),
    ArticleStatus.OUTGOING: QT_TRANSLATE_NOOP("labels", "Outgoing"),
    ArticleStatus.OUTGONE: QT_TRANSLATE_NOOP("labels", "Outgone"),
    FeeKind.PATIENT_FEE: QT_TRANSLATE_NOOP("labels", "Patient fee"),
    FeeKind.SELF_FEE: QT_TRANSLATE_NOOP("labels", "Self fee"),
    FeeKind.CHARGING_KIT: QT_TRANSLATE_NOOP("labels", "Charging kit"),
    FeeKind.CHARGER: QT_TRANSLATE_NOOP("labels", "Charger"),
    FeeKind.LOST_DEVICE: QT_TRANSLATE_NOOP("labels", "Lost device"),
    DeliverFrom.AID_SERVICE: QT_TRANSLATE_NOOP("labels", "The aid service"),
    DeliverFrom.OWN_STOCK: QT_TRANSLATE_NOOP("labels", "Own stock"),
    IndividualStatus.IN_STOCK: QT_TRANSLATE_NOOP("labels", "In stock"),
    IndividualStatus.RESERVED: QT_TRANSLATE_NOOP("labels", "Reserved"),
    IndividualStatus.DELIVERED: QT_TRANSLATE_NOOP("labels", "Delivered"),
    IndividualStatus.IN_TRANSIT: QT_TRANSLATE_NOOP("labels", "On its way to the central warehouse"),
    IndividualStatus.IN_REPAIR: QT_TRANSLATE_NOOP("labels", "In repair"),
    IndividualStatus.INVESTIGATION: QT_TRANSLATE_NOOP("labels", "In the investigation warehouse"),
    IndividualStatus.BLOCKED: QT_TRANSLATE_NOOP("labels", "Blocked"),
    IndividualStatus.SCRAPPED: QT_TRANSLATE_NOOP("labels", "Scrapped"),
    # R40: the colour of the individual number's label says who owns the device.
    OwnerColour.BLUE: QT_TRANSLATE_NOOP("labels", "Blue — the aid centre"),
    OwnerColour.RED: QT_TRANSLATE_NOOP("labels", "Red — a municipality"),
    OwnerColour.GREEN: QT_TRANSLATE_NOOP("labels", "Green — a regional unit"),
    MovementReason.GOODS_RECEIPT: QT_TRANSLATE_NOOP("labels", "Goods receipt"),
    MovementReason.WITHDRAWAL: QT_TRANSLATE_NOOP("labels", "Withdrawal"),
    MovementReason.RETURN_FROM_PATIENT: QT_TRANSLATE_NOOP("labels", "Return from patient"),
    MovementReason.RETURN_TO_SUPPLIER: QT_TRANSLATE_NOOP("labels", "Return to supplier"),
    MovementReason.INVENTORY: QT_TRANSLATE_NOOP("labels", "Inventory"),
    MovementReason.TRANSFER: QT_TRANSLATE_NOOP("labels", "Transfer"),
    MovementReason.SCRAP: QT_TRANSLATE_NOOP("labels", "Scrapped"),
    MovementReason.BOUGHT_OVER: QT_TRANSLATE_NOOP("labels", "Bought over"),
}


#: The delivery methods of app.orders.DELIVERY_METHODS as the clerk reads them (R11).
_DELIVERY_METHODS = {
    "clinic": QT_TRANSLATE_NOOP("labels", "Delivery to the clinic/unit"),
    "patient_address": QT_TRANSLATE_NOOP("labels", "Delivery to the patient's address"),
    "other_address": QT_TRANSLATE_NOOP("labels", "Delivery to another address"),
}


def delivery_method_label(key: str) -> str:
    text = _DELIVERY_METHODS.get(key)
    return QCoreApplication.translate("labels", text) if text else key


def label(value: enum.Enum | str, kind: type[enum.Enum] | None = None) -> str:
    """The translated display name of an enum member (or of its stored value with *kind*)."""
    member = kind(value) if kind is not None and not isinstance(value, enum.Enum) else value
    text = _LABELS.get(member) if isinstance(member, enum.Enum) else None
    if text is None:
        return str(getattr(member, "value", member))
    return QCoreApplication.translate("labels", text)
