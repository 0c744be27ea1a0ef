"""Suppliers, the ISO 9999 assortment tree and the article catalogue."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import ForeignKey, Index, String, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from db.base import Synced, money, str_name, str_short
from db.models.enums import ArticleStatus, ArticleType, FeeRule


class Supplier(Synced):
    __tablename__ = "supplier"

    number: Mapped[str_short] = mapped_column(unique=True)
    name: Mapped[str_name]
    gln: Mapped[str_short] = mapped_column(default="")
    street: Mapped[str_name] = mapped_column(default="")
    postal_code: Mapped[str_short] = mapped_column(default="")
    city: Mapped[str_name] = mapped_column(default="")
    email: Mapped[str_name] = mapped_column(default="")
    phone: Mapped[str_short] = mapped_column(default="")


class IsoCode(Synced):
    """One node of the ISO 9999 tree: 2, 4 or 6 digits (22 → 22 06 → 22 06 15), R34."""

    __tablename__ = "iso_code"

    code: Mapped[str] = mapped_column(String(6), unique=True)
    title: Mapped[str_name]

    @property
    def level(self) -> int:
        return len(self.code) // 2


class Article(Synced):
    __tablename__ = "article"
    __table_args__ = (
        Index("ix_article_search_key", "search_key"),
        Index("ix_article_name", "name", "article_number"),
        # Only the articles that have a reorder level (a few): the Stock tab's "below the reorder level".
        Index(
            "ix_article_reorder_level",
            "reorder_level",
            sqlite_where=text("reorder_level > 0"),
            postgresql_where=text("reorder_level > 0"),
        ),
    )

    article_number: Mapped[str_short] = mapped_column(unique=True)
    name: Mapped[str_name]
    supplier_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("supplier.id"), index=True)
    supplier_article_number: Mapped[str_short] = mapped_column(default="", index=True)
    iso_code: Mapped[str] = mapped_column(String(6), index=True)
    article_type: Mapped[ArticleType]
    status: Mapped[ArticleStatus] = mapped_column(default=ArticleStatus.ACTIVE)
    unit: Mapped[str_short] = mapped_column(default="st")
    pack_size: Mapped[int] = mapped_column(default=1)
    price: Mapped[money] = mapped_column(default=Decimal("0"))
    individually_marked: Mapped[bool] = mapped_column(default=False)
    rechargeable: Mapped[bool] = mapped_column(default=False)
    fee_rule: Mapped[FeeRule] = mapped_column(default=FeeRule.NONE)
    in_assortment: Mapped[bool] = mapped_column(default=True)
    #: A warehouse balance below this is to be replenished (0: none set); the Stock tab filters on it (R35).
    reorder_level: Mapped[int] = mapped_column(default=0, server_default="0")
    #: The GTIN on the box (EAN-13, GS1 DataMatrix (01)) as GTIN-14, a GTIN-13 with a leading 0; indexed for
    #: the scan lookup (issue 11), not unique (a catalogue may list one product under two article numbers).
    gtin: Mapped[str | None] = mapped_column(String(14), index=True)
    #: Lower-cased name, supplier, numbers: what article search (R33) matches against.
    search_key: Mapped[str] = mapped_column(String(400), default="")

    supplier: Mapped[Supplier] = relationship()
