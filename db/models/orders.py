"""Orders (prescriptions and replenishments), their lines, purchase orders and goods receipts."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Synced, created_at, money, str_name, str_short
from db.models.catalogue import Article
from db.models.enums import LineStatus, OrderKind, OrderStatus, PurchaseOrderStatus


class Order(Synced):
    """Beställning/förskrivning, numbered YYWWNNNN once sent (R15); a cart before that (R11)."""

    __tablename__ = "customer_order"
    __table_args__ = (
        Index("ix_customer_order_location_created", "service_location_id", "created_at"),
        Index("ix_customer_order_patient", "patient_id"),
    )

    number: Mapped[str | None] = mapped_column(String(8), unique=True)
    kind: Mapped[OrderKind]
    status: Mapped[OrderStatus] = mapped_column(default=OrderStatus.CART)
    patient_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("patient.id"))
    prescriber_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("user_account.id"), index=True)
    orderer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"), index=True)
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))
    delivery_method: Mapped[str_short] = mapped_column(default="")
    delivery_name: Mapped[str_name] = mapped_column(default="")
    delivery_street: Mapped[str_name] = mapped_column(default="")
    delivery_postal_code: Mapped[str_short] = mapped_column(default="")
    delivery_city: Mapped[str_name] = mapped_column(default="")
    contact_name: Mapped[str_name] = mapped_column(default="")
    contact_phone: Mapped[str_short] = mapped_column(default="")
    comment: Mapped[str] = mapped_column(Text, default="")
    #: Once logistics has started the order can no longer be cancelled (R16).
    logistics_started: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[created_at]
    sent_at: Mapped[dt.datetime | None]

    lines: Mapped[list[OrderLine]] = relationship(back_populates="order", order_by="OrderLine.line_number")


class OrderLine(Synced):
    __tablename__ = "order_line"

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer_order.id"), index=True)
    line_number: Mapped[int]
    article_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("article.id"), index=True)
    quantity: Mapped[int]
    deliver_from_warehouse_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("warehouse.id"))
    status: Mapped[LineStatus] = mapped_column(default=LineStatus.OPEN)
    unit_price: Mapped[money] = mapped_column(default=Decimal("0"))
    comment: Mapped[str] = mapped_column(Text, default="")
    planned_delivery_on: Mapped[dt.date | None]
    delivered_on: Mapped[dt.date | None]
    purchase_order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("purchase_order.id"), index=True)

    order: Mapped[Order] = relationship(back_populates="lines")
    article: Mapped[Article] = relationship()


class PurchaseOrder(Synced):
    """Inköpsorder: one per supplier for an order through warehouse 750 (R14)."""

    __tablename__ = "purchase_order"

    number: Mapped[str] = mapped_column(String(8), unique=True)
    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer_order.id"), index=True)
    supplier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supplier.id"))
    status: Mapped[PurchaseOrderStatus] = mapped_column(default=PurchaseOrderStatus.CREATED)
    created_at: Mapped[created_at]


class GoodsReceipt(Synced):
    """Kvittens: confirmation that a direct delivery physically arrived (R18–R20)."""

    __tablename__ = "goods_receipt"

    order_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customer_order.id"), index=True)
    purchase_order_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("purchase_order.id"))
    received_by_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("user_account.id"))
    service_location_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("service_location.id"))
    warehouse_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("warehouse.id"))
    received_at: Mapped[created_at]
    delivery_note: Mapped[str_short] = mapped_column(default="")


class GoodsReceiptLine(Synced):
    __tablename__ = "goods_receipt_line"

    goods_receipt_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("goods_receipt.id"), index=True)
    order_line_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("order_line.id"), unique=True)
    quantity: Mapped[int]
    unit_price: Mapped[money]
