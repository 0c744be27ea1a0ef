"""Scanning operations: what a scanned code names, looked up on a worker thread."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import articles, individual_record
from app.individual_record import IndividualRecord
from app.scanning import lookup
from app.scanning.codes import Code
from app.scanning.lookup import Scanned
from ui.operations import Failure, Key, OperationRunner, Success


@dataclass(frozen=True)
class ScanLookup:
    scanned: Scanned
    #: The record of the individual the code names, read in the same unit of work (the Individual tab shows
    #: it without asking again: one trip to a worker from the scanner's Enter to the record shown).
    individual: IndividualRecord | None = None


def find_scanned(
    runner: OperationRunner, *, code: Code, on_success: Success, on_error: Failure, key: Key | None = None
) -> None:
    """What *code* names (``ScanLookup``)."""

    def work(session: Session) -> ScanLookup:
        scanned = lookup.find_scanned(session, code)
        if scanned.individual_id is None:
            return ScanLookup(scanned)
        return ScanLookup(scanned, individual_record.read_individual_record(session, scanned.individual_id))

    runner.read(work, on_success=on_success, on_error=on_error, key=key)


def scanned_article_number(
    runner: OperationRunner, *, code: Code, on_success: Success, on_error: Failure, key: Key | None = None
) -> None:
    """The article number of the article *code* names (a box's GTIN or UDI); the sentence when none."""

    def work(session: Session) -> str:
        scanned = lookup.find_scanned(session, code)
        if scanned.article_id is None:
            raise scanned.sentence or lookup.not_found(code)
        return articles.article_number(session, scanned.article_id)

    runner.read(work, on_success=on_success, on_error=on_error, key=key)
