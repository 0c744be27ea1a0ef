"""Every model of the domain, importable from one place (Alembic reads ``Base.metadata`` from here)."""

from db.base import Base, Synced
from db.models.activities import Activity, ActivityIndividual
from db.models.catalogue import Article, IsoCode, Supplier
from db.models.fees import Fee
from db.models.individuals import Individual, IndividualEvent
from db.models.life_events import AidWriteOff, BoughtOverDevice, LostDeviceReport, RecipientChange
from db.models.orders import GoodsReceipt, GoodsReceiptLine, Order, OrderLine, PurchaseOrder
from db.models.organisation import (
    PrescriberLink,
    ServiceLocation,
    User,
    UserRole,
    UserServiceLocation,
    Warehouse,
)
from db.models.patients import (
    FittingReport,
    ForeignCertificate,
    Patient,
    PatientAccessLog,
    PaymentCommitment,
    UrgentNeedDecision,
)
from db.models.returns import (
    PickupOrder,
    PickupOrderLine,
    ReturnCheck,
    ReturnDraft,
    StockReturn,
    StockReturnLine,
)
from db.models.stock import InventoryCount, InventoryCountEntry, InventoryCountLine, StockMovement
from db.models.sync import ChangeLogEntry, NodeSetting, NumberBlock, SyncIssueRecord

__all__ = [
    "Activity",
    "ActivityIndividual",
    "AidWriteOff",
    "Article",
    "Base",
    "BoughtOverDevice",
    "ChangeLogEntry",
    "Fee",
    "FittingReport",
    "ForeignCertificate",
    "GoodsReceipt",
    "GoodsReceiptLine",
    "Individual",
    "IndividualEvent",
    "InventoryCount",
    "InventoryCountEntry",
    "InventoryCountLine",
    "IsoCode",
    "LostDeviceReport",
    "NodeSetting",
    "NumberBlock",
    "Order",
    "OrderLine",
    "Patient",
    "PatientAccessLog",
    "PaymentCommitment",
    "PickupOrder",
    "PickupOrderLine",
    "PrescriberLink",
    "PurchaseOrder",
    "RecipientChange",
    "ReturnCheck",
    "ReturnDraft",
    "ServiceLocation",
    "StockMovement",
    "StockReturn",
    "StockReturnLine",
    "Supplier",
    "SyncIssueRecord",
    "Synced",
    "UrgentNeedDecision",
    "User",
    "UserRole",
    "UserServiceLocation",
    "Warehouse",
]
