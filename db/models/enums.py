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
    IN_STOCK = "in_stock"
    RESERVED = "reserved"
    DELIVERED = "delivered"
    IN_TRANSIT = "in_transit"  # on its way back to the central warehouse
    IN_REPAIR = "in_repair"
    INVESTIGATION = "investigation"
    BLOCKED = "blocked"  # Spärrat hjälpmedel (R32)
    SCRAPPED = "scrapped"


class MovementReason(enum.StrEnum):
    GOODS_RECEIPT = "goods_receipt"
    WITHDRAWAL = "withdrawal"
    RETURN_FROM_PATIENT = "return_from_patient"
    RETURN_TO_SUPPLIER = "return_to_supplier"
    INVENTORY = "inventory"
    TRANSFER = "transfer"
    SCRAP = "scrap"
    BOUGHT_OVER = "bought_over"


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
