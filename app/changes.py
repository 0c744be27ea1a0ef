"""What a write changed, so every tab can refresh only what concerns it (Anki's ``OpChanges``).

Nobody writes a ``Changes`` by hand: the change-log hook records the table of every row a write unit of
work inserts, updates or deletes (``app.changelog.touched_tables``), and ``changes_of_tables`` turns those
tables into areas here, in one place. So no operation can forget an area it touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, fields


@dataclass(frozen=True)
class Changes:
    patients: bool = False
    access_log: bool = False
    orders: bool = False
    stock: bool = False
    individuals: bool = False
    activities: bool = False
    returns: bool = False
    fees: bool = False
    catalogue: bool = False
    #: Users, service locations, warehouses and this workstation's own settings.
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))

    @classmethod
    def everything(cls) -> Changes:
        return cls(**{f.name: True for f in fields(cls)})


#: Every table of the local database and the area a change to it belongs to (None: bookkeeping that no
#: screen shows). A test checks that every table is named here, so a new table cannot be forgotten.
TABLE_AREAS: dict[str, str | None] = {
    "patient": "patients",
    "payment_commitment": "patients",
    "foreign_certificate": "patients",
    "urgent_need_decision": "patients",
    "fitting_report": "patients",
    "patient_access_log": "access_log",
    "customer_order": "orders",
    "order_line": "orders",
    "purchase_order": "orders",
    "goods_receipt": "orders",
    "goods_receipt_line": "orders",
    "stock_movement": "stock",
    "inventory_count": "stock",
    "inventory_count_line": "stock",
    "inventory_count_entry": "stock",
    "individual": "individuals",
    "individual_event": "individuals",
    "activity": "activities",
    "activity_individual": "activities",
    "pickup_order": "returns",
    "pickup_order_line": "returns",
    "stock_return": "returns",
    "stock_return_line": "returns",
    "return_check": "returns",
    "return_draft": None,  # the wizard's local draft: no list shows it
    "fee": "fees",
    # R41–R43 (life events): the device's record and the patient's lists show them.
    "lost_device_report": "individuals",
    "recipient_change": "individuals",
    "bought_over_device": "individuals",
    "aid_write_off": "patients",
    "supplier": "catalogue",
    "iso_code": "catalogue",
    "article": "catalogue",
    "service_location": "settings",
    "warehouse": "settings",
    "user_account": "settings",
    "user_role": "settings",
    "user_service_location": "settings",
    "prescriber_link": "settings",
    "node_setting": "settings",
    "change_log": None,
    "number_block": None,
    "sync_issue": None,
}


def changes_of_tables(tables: Iterable[str]) -> Changes:
    """The areas a write changed, from the tables it wrote; an unknown table counts as a change to all."""
    areas: set[str] = set()
    for table in tables:
        if table not in TABLE_AREAS:
            return Changes.everything()
        area = TABLE_AREAS[table]
        if area is not None:
            areas.add(area)
    return Changes(**dict.fromkeys(areas, True))
