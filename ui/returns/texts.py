"""What the clerk reads for the returns' closed vocabularies (the names the service gives, translated)."""

from __future__ import annotations

from app.i18n import QT_TRANSLATE_NOOP
from app.returns import DESTINATION_NAMES, REASON_NAMES, Destination
from db.models.enums import PickupReason
from ui.qt import QCoreApplication

#: Where the aids go, as the wizard offers it (a longer phrase than the lists' name).
_CHOICES = {
    Destination.CENTRAL_WAREHOUSE: QT_TRANSLATE_NOOP(
        "Returns", "To the central warehouse by post, with a pickup order"
    ),
    Destination.OWN_STOCK: QT_TRANSLATE_NOOP("Returns", "To our own stock"),
    Destination.SUPPLIER: QT_TRANSLATE_NOOP("Returns", "To the supplier for credit"),
}


def app_text(source: str) -> str:
    """A sentence or name of the service (context "app"), translated."""
    return QCoreApplication.translate("app", source)


def destination_choice(destination: Destination) -> str:
    return QCoreApplication.translate("Returns", _CHOICES[destination])


def destination_name(destination: Destination) -> str:
    return app_text(DESTINATION_NAMES[destination])


def reason_text(reason: PickupReason) -> str:
    return app_text(REASON_NAMES[reason])
