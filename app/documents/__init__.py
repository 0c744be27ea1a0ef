"""Printed documents (DOMAIN "Documents (PDF)"), made with reportlab.

Each document is two functions: one reads what is printed into a frozen value (no ORM objects, so it can
cross threads), the other renders that value to PDF bytes, passing every text through ``translate``.
The English source texts are marked ``QT_TRANSLATE_NOOP("documents", …)`` for Qt's lupdate; this package
imports no Qt.
"""

from app.documents.individual_label import (
    IndividualLabel,
    LabelLayout,
    individual_labels,
    render_individual_labels,
)
from app.documents.loan_agreement import LoanAgreement, LoanedAid, loan_agreement, render_loan_agreement
from app.documents.purchase_order import (
    PurchaseLine,
    PurchaseOrderDocument,
    purchase_order,
    render_purchase_order,
)
from app.documents.stock_report import render_stock_report

__all__ = [
    "IndividualLabel",
    "LabelLayout",
    "LoanAgreement",
    "LoanedAid",
    "PurchaseLine",
    "PurchaseOrderDocument",
    "individual_labels",
    "loan_agreement",
    "purchase_order",
    "render_individual_labels",
    "render_loan_agreement",
    "render_purchase_order",
    "render_stock_report",
]
