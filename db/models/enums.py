"""Closed vocabularies of the domain (stored as their string values)."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    PRESCRIBER = "prescriber"
    ORDERER = "orderer"
    STOCK_ADMIN = "stock_admin"
    AID_CENTRE = "aid_centre"  # VO Hjälpmedel: registers what a desk may not (R7 undocumented patients)


class WarehouseKind(enum.StrEnum):
    CENTRAL = "central"  # 70, the aid service's central warehouse (hearing)
    DIRECT_PURCHASE = "direct_purchase"  # 750, never shows a balance
    OWN_STOCK = "own_stock"  # a clinic's own stock (eget förråd)
    INVESTIGATION = "investigation"  # utredningslager, for individuals missing at inventory


class DeliverFrom(enum.StrEnum):
    AID_SERVICE = "aid_service"
    OWN_STOCK = "own_stock"


class ArticleType(enum.StrEnum):
    MAIN_AID = "main_aid"
    ACCESSORY = "accessory"
    SPARE_PART = "spare_part"
    SERVICE = "service"


class ArticleStatus(enum.StrEnum):
    ACTIVE = "active"
    OUTGOING = "outgoing"
    OUTGONE = "outgone"


class FeeRule(enum.StrEnum):
    NONE = "none"
    PATIENT_FEE = "patient_fee"  # R21
    SELF_FEE_RECHARGEABLE = "self_fee_rechargeable"  # R21
    CHARGING_KIT = "charging_kit"  # R22, billed at receipt
    CHARGER = "charger"  # R22, billed after 90 days


class IdentityKind(enum.StrEnum):
    PERSONAL = "personal"  # personnummer
    COORDINATION = "coordination"  # samordningsnummer (day + 60)
    RESERVE = "reserve"  # reservnummer: birth date + four letters


class Residency(enum.StrEnum):
    RESIDENT = "resident"  # registered in this region
    OTHER_REGION = "other_region"  # R6
    ASYLUM_SEEKER = "asylum_seeker"  # R7
    UNDOCUMENTED = "undocumented"  # R7
    ABROAD = "abroad"  # R8


class OwnerColour(enum.StrEnum):
    BLUE = "blue"  # the aid centre
    RED = "red"  # a municipality
    GREEN = "green"  # a regional unit


class IndividualStatus(enum.StrEnum):
    IN_STOCK = "in_stock"  # in a warehouse
    RESERVED = "reserved"  # on an order in progress, still in its warehouse (R10c)
    DELIVERED = "delivered"  # held by a patient
    IN_TRANSIT = "in_transit"  # pickup ordered: on its way back to the central warehouse (R28)
    IN_REPAIR = "in_repair"  # at the supplier for a warranty repair (R23)
    INVESTIGATION = "investigation"  # in the investigation warehouse: missing at inventory (R39)
    BLOCKED = "blocked"  # Spärrat hjälpmedel (R32)
    SCRAPPED = "scrapped"  # lost, stolen or worn out (R41)
    AT_SUPPLIER = "at_supplier"  # returned to the supplier for credit (R31)


_S = IndividualStatus
#: The statuses a device may be registered in (goods receipt: into own stock, or straight to the patient).
INDIVIDUAL_FIRST_STATUSES: frozenset[IndividualStatus] = frozenset({_S.IN_STOCK, _S.DELIVERED})
#: The one table of a device's life: from each status, the statuses it may change to. ``app.individuals``
#: changes a device only along it, and the sync server refuses an uploaded change that leaves it, so the
#: workstation and the server cannot disagree about what a device may do next. A status to itself is a
#: move that keeps the status (another warehouse; R42 another recipient).
INDIVIDUAL_TRANSITIONS: dict[IndividualStatus, frozenset[IndividualStatus]] = {
    # to another warehouse; on an order (R10c); from 70 to the patient (R10a); R23, R39, R32, R41, R31
    _S.IN_STOCK: frozenset(
        {
            _S.IN_STOCK,
            _S.RESERVED,
            _S.DELIVERED,
            _S.IN_REPAIR,
            _S.INVESTIGATION,
            _S.BLOCKED,
            _S.SCRAPPED,
            _S.AT_SUPPLIER,
        }
    ),
    # released from the order in progress, or handed out when it is sent
    _S.RESERVED: frozenset({_S.IN_STOCK, _S.DELIVERED}),
    # R30 return to own stock (and a 70 delivery cancelled before its day), R28 pickup, R23, R42, R32, R41
    _S.DELIVERED: frozenset(
        {_S.IN_STOCK, _S.IN_TRANSIT, _S.IN_REPAIR, _S.DELIVERED, _S.BLOCKED, _S.SCRAPPED}
    ),
    # taken in by the central warehouse (R28), the pickup cancelled, or found unusable (R32, R41)
    _S.IN_TRANSIT: frozenset({_S.IN_STOCK, _S.DELIVERED, _S.BLOCKED, _S.SCRAPPED}),
    # back from the repair to the patient or the stock it came from, blocked after what the repair found
    # (R32), or not repairable
    _S.IN_REPAIR: frozenset({_S.DELIVERED, _S.IN_STOCK, _S.BLOCKED, _S.SCRAPPED}),
    # found later and moved back (R39), or written off
    _S.INVESTIGATION: frozenset({_S.IN_STOCK, _S.SCRAPPED}),
    # cleared after the investigation, repaired, written off, or sent to the supplier (R32)
    _S.BLOCKED: frozenset({_S.IN_STOCK, _S.IN_REPAIR, _S.SCRAPPED, _S.AT_SUPPLIER}),
    _S.SCRAPPED: frozenset(),
    _S.AT_SUPPLIER: frozenset(),
}
del _S


def individual_may_change(before: IndividualStatus, after: IndividualStatus) -> bool:
    """Whether ``INDIVIDUAL_TRANSITIONS`` lets a device go from *before* to *after*."""
    return after in INDIVIDUAL_TRANSITIONS[before]


class MovementReason(enum.StrEnum):
    GOODS_RECEIPT = "goods_receipt"
    WITHDRAWAL = "withdrawal"
    RETURN_FROM_PATIENT = "return_from_patient"
    RETURN_TO_SUPPLIER = "return_to_supplier"
    INVENTORY = "inventory"
    TRANSFER = "transfer"
    SCRAP = "scrap"
    BOUGHT_OVER = "bought_over"


class DocumentKind(enum.StrEnum):
    """The kind of document that caused a stock movement or a device's status change (stored as its value
    in ``document_kind``; the document's id is beside it)."""

    ORDER = "order"
    ORDER_CANCELLED = "order_cancelled"  # the cancelled order: what it took is given back (R16)
    GOODS_RECEIPT = "goods_receipt"
    PICKUP_ORDER = "pickup_order"
    STOCK_RETURN = "stock_return"
    ACTIVITY = "activity"
    INVENTORY = "inventory"
    FOUND_AFTER_INVENTORY = "inventory_found_later"  # R39: missing at the count, found later, moved back
    SCRAP = "scrap"
    BOUGHT_OVER = "bought_over"  # a device bought over from another region (R43)
    RECIPIENT_CHANGE = "recipient_change"  # R42: handed straight to another patient
    INDIVIDUAL_NUMBER_CHANGE = "individual_number_change"  # R37, no document: the old number in the note
    SIP_NUMBER_CHANGE = "sip_number_change"  # R38, no document: the old SIP number in the note


class OrderKind(enum.StrEnum):
    PRESCRIPTION = "prescription"  # R10a, delivery from the aid service (70, else 750)
    OWN_STOCK_PRESCRIPTION = "own_stock_prescription"  # R10b, a withdrawal
    INDIVIDUAL_DELIVERY = "individual_delivery"  # R10c
    REPLENISHMENT = "replenishment"  # R10d


class OrderStatus(enum.StrEnum):
    CART = "cart"  # being collected, not yet sent
    SENT = "sent"
    PARTLY_DELIVERED = "partly_delivered"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class LineStatus(enum.StrEnum):
    OPEN = "open"
    DELIVERED = "delivered"
    CANCELLED = "cancelled"


class PurchaseOrderStatus(enum.StrEnum):
    CREATED = "created"
    SENT = "sent"
    RECEIVED = "received"
    CANCELLED = "cancelled"


class ActivityKind(enum.StrEnum):
    WARRANTY_REPAIR = "warranty_repair"  # R23
    INSTALLATION = "installation"  # R24
    INSTALLATION_WARRANTY = "installation_warranty"  # R24
    DISMANTLING = "dismantling"  # R24, children only
    INSTALLED_REPAIR = "installed_repair"  # R25, children only
    OUTSIDE_ASSORTMENT = "outside_assortment"  # R26


class ActivityStatus(enum.StrEnum):
    ASSIGNED = "assigned"
    PLANNED = "planned"
    STARTED = "started"
    CLOSED = "closed"


class PickupReason(enum.StrEnum):
    MODEL_UNSUITABLE = "model_unsuitable"
    WRONG_ORDER = "wrong_order"
    PATIENT_DECEASED = "patient_deceased"
    CHANGED_MIND = "changed_mind"
    OTHER = "other"


class PickupStatus(enum.StrEnum):
    REGISTERED = "registered"
    CLOSED = "closed"
    CANCELLED = "cancelled"


class ReturnKind(enum.StrEnum):
    TO_OWN_STOCK = "to_own_stock"  # R30
    TO_SUPPLIER = "to_supplier"  # R31, credit


class FeeKind(enum.StrEnum):
    PATIENT_FEE = "patient_fee"
    SELF_FEE = "self_fee"
    CHARGING_KIT = "charging_kit"
    CHARGER = "charger"
    LOST_DEVICE = "lost_device"  # R41, charged to the prescribing unit


class FeeStatus(enum.StrEnum):
    PLANNED = "planned"
    PAUSED = "paused"
    BILLED = "billed"
    CANCELLED = "cancelled"


class ChangeOperation(enum.StrEnum):
    INSERT = "insert"
    UPDATE = "update"
    DELETE = "delete"
