"""Display names for the domain's closed vocabularies, translated when shown."""

from __future__ import annotations

import enum

from app.i18n import QT_TRANSLATE_NOOP
from db.models.enums import ActivityKind, ActivityStatus, IdentityKind, NumberSeries, Residency, Role
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
    NumberSeries.ORDER: QT_TRANSLATE_NOOP("labels", "Order numbers"),
    NumberSeries.PURCHASE_ORDER: QT_TRANSLATE_NOOP("labels", "Purchase order numbers"),
    NumberSeries.ACTIVITY: QT_TRANSLATE_NOOP("labels", "Activity numbers"),
    NumberSeries.PICKUP_ORDER: QT_TRANSLATE_NOOP("labels", "Pickup order numbers"),
    NumberSeries.RETURN: QT_TRANSLATE_NOOP("labels", "Return numbers"),
}


def label(value: enum.Enum | str, kind: type[enum.Enum] | None = None) -> str:
    """The translated display name of an enum member (or of its stored value with *kind*)."""
    member = kind(value) if kind is not None and not isinstance(value, enum.Enum) else value
    text = _LABELS.get(member) if isinstance(member, enum.Enum) else None
    if text is None:
        return str(getattr(member, "value", member))
    return QCoreApplication.translate("labels", text)
