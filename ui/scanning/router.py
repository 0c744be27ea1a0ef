"""The scan router: one per main window. Every scanned code (a scanner's burst, a code the camera found)
comes here through ``deliver`` and goes to one place:

1. ``read_code`` reads what it is (pure and fast, on the UI thread); a code that cannot be read gets its
   sentence.
2. A scan target waiting for it takes it: the focused field, or its page, or its dialog (``targets``).
3. Behind a modal dialog that does not take it, nothing is routed: the clerk is told so.
4. Otherwise ``find_scanned`` looks it up on a worker (a newer scan overtakes an older one), and what it
   names is shown: an individual (by individual, serial or SIP number, our own labels) in the Individual
   tab; a patient (identity or reserve number) in the Patient tab, the opening logged; an order or
   purchase order in the goods receipt when it awaits receipt, else in the Orders page; a pickup order or
   a return in the returns search, its detail open; an article (by article number or GTIN, a UDI's too) in
   the Stock tab.

A double trigger (the same code again within a moment) never reaches the router: the recogniser drops it.
The code and its reading are shown for a moment in the status bar (``Code.shown()``: never a whole
identity number, R5), and every scan goes on the recent scans list.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from app.individual_record import IndividualRecord
from app.scanning.codes import Code, CodeKind, read_code
from app.scanning.lookup import DocumentKind, FoundDocument, Scanned
from ui.operations import OperationRunner, clerk_sentence
from ui.operations import scanning as scanning_ops
from ui.operations.scanning import ScanLookup
from ui.qt import QApplication, QCoreApplication, QObject, QWidget, Signal
from ui.scanning.recent import RecentScans
from ui.scanning.targets import offer

#: How long the status bar shows a scan's reading.
STATUS_MS = 6000


def kind_name(kind: CodeKind) -> str:
    """What a clerk calls a code of *kind*."""
    names = {
        CodeKind.UDI: QCoreApplication.translate("ScanRouter", "UDI code (GS1)"),
        CodeKind.GTIN: QCoreApplication.translate("ScanRouter", "GTIN (article code on the box)"),
        CodeKind.HIBC: QCoreApplication.translate("ScanRouter", "HIBC code"),
        CodeKind.IDENTITY: QCoreApplication.translate("ScanRouter", "identity number"),
        CodeKind.RESERVE: QCoreApplication.translate("ScanRouter", "reserve number"),
        CodeKind.DOCUMENT: QCoreApplication.translate("ScanRouter", "order or document number"),
        CodeKind.ARTICLE: QCoreApplication.translate("ScanRouter", "article number"),
        CodeKind.INDIVIDUAL: QCoreApplication.translate("ScanRouter", "individual number"),
        CodeKind.SERIAL: QCoreApplication.translate("ScanRouter", "serial number"),
        CodeKind.SIP: QCoreApplication.translate("ScanRouter", "SIP number"),
    }
    return names[kind]


def reading(code: Code) -> str:
    if code.problem is not None:
        return QCoreApplication.translate("ScanRouter", "unreadable")
    if not code.kinds:
        return QCoreApplication.translate("ScanRouter", "unknown kind of code")
    return kind_name(code.kinds[0])


def source_name(source: str) -> str:
    return (
        QCoreApplication.translate("ScanRouter", "Camera")
        if source == "camera"
        else QCoreApplication.translate("ScanRouter", "Scanner")
    )


@dataclass(frozen=True)
class Routed:
    """What became of one scan (for tests and the benchmark: ``sig_routed``)."""

    code: Code
    outcome: str  # translated, as the recent scans list shows it
    taken_by: QWidget | None = None  # the target widget that took it
    scanned: Scanned | None = None  # what the look-up found (None when a target took it or none ran)


class ScanRouter(QObject):
    sig_status = Signal(str, int)  # sentence, milliseconds to show it
    sig_open_individual = Signal(object)  # IndividualRecord, read with the look-up
    sig_open_patient = Signal(object)  # uuid.UUID
    sig_open_document = Signal(object)  # FoundDocument
    sig_show_article = Signal(object)  # uuid.UUID
    sig_open_return = Signal(object)  # FoundDocument of a pickup order or a return: its detail
    sig_open_activity = Signal(object)  # uuid.UUID of a scanned activity number
    sig_routed = Signal(object)  # Routed, once a scan has gone where it goes

    def __init__(self, runner: OperationRunner, window: QWidget) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self.recent = RecentScans(self)

    # -- delivery ----------------------------------------------------------------------------------

    def deliver(self, raw: str, *, source: str = "scanner", target: QWidget | None = None) -> None:
        """One scanned text: take it to the waiting target, or look it up and show what it names."""
        code = read_code(raw)
        if code.problem is not None:
            sentence = clerk_sentence(code.problem)
            self._settle_new(
                code,
                source,
                self.tr("Unreadable: {sentence}").format(sentence=sentence),
                sentence,
            )
            return
        taken = offer(self._start(target), code)
        if taken is not None:
            widget, taker = taken
            outcome = self.tr("Taken by {what}").format(what=taker.what or self.tr("the field in use"))
            self._settle_new(code, source, outcome, taken_by=widget)
            return
        if self._modal() is not None:
            sentence = self.tr(
                "{code}: the open dialog does not take this code; close it to look the code up."
            )
            sentence = sentence.format(code=code.shown())
            self._settle_new(
                code,
                source,
                self.tr("Not looked up: a dialog was open"),
                sentence,
            )
            return
        if self._runner.database is None:
            self._settle_new(
                code,
                source,
                self.tr("Not looked up: the program is still starting"),
            )
            return
        number = self.recent.add(
            source=source_name(source),
            shown=code.shown(),
            reading=reading(code),
            outcome=self.tr("Looking up…"),
        )
        scanning_ops.find_scanned(
            self._runner,
            code=code,
            on_success=lambda found: self._found(number, found),
            on_error=lambda sentence: self._failed(number, code, sentence),
            key=(self, "scan"),  # a newer scan overtakes this one
        )

    def _start(self, target: QWidget | None) -> QWidget:
        """Where the targets are looked for: the camera's widget, else the focused widget of the dialog or
        window in front, else that dialog or window."""
        if target is not None:
            return target
        front = self._modal() or self._active()
        return front.focusWidget() or front

    # Not through QApplication.focusWidget(), activeWindow() or activeModalWidget(): in PySide 6.12 a static
    # call that returns None takes a reference to None it never gave (see ui/scanning/recogniser.py).

    def _modal(self) -> QWidget | None:
        """The modal dialog in front (the active one when there are several), if one is open."""
        shown = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isModal()]
        return next((w for w in shown if w.isActiveWindow()), shown[-1] if shown else None)

    def _active(self) -> QWidget:
        """The active window (the main window or a dialog of its own such as the inventory), else the main
        window."""
        windows = [w for w in QApplication.topLevelWidgets() if w.isVisible() and w.isActiveWindow()]
        return windows[0] if windows else self._window

    def _settle_new(
        self,
        code: Code,
        source: str,
        outcome: str,
        sentence: str | None = None,
        *,
        taken_by: QWidget | None = None,
    ) -> None:
        self.recent.add(
            source=source_name(source), shown=code.shown(), reading=reading(code), outcome=outcome
        )
        self._say(code, sentence or outcome, names_code=sentence is not None)
        self.sig_routed.emit(Routed(code, outcome, taken_by=taken_by))

    def _say(self, code: Code, text: str, *, names_code: bool = False) -> None:
        """The status bar's line for a scan: the code and what happened, or a sentence that already names
        the code alone (the status bar is narrow; the recent scans list has what it was read as)."""
        if not names_code:
            text = self.tr("{code}: {text}").format(code=code.shown(), text=text)
        self.sig_status.emit(text, STATUS_MS)

    # -- what the look-up found --------------------------------------------------------------------

    def _found(self, number: int, found: ScanLookup) -> None:
        scanned = found.scanned
        code = scanned.code
        sentence = clerk_sentence(scanned.sentence) if scanned.sentence is not None else None
        if found.individual is not None:
            outcome = self._open_individual(found.individual)
        elif scanned.patient_id is not None:
            outcome = self._open_patient(scanned.patient_id)
        elif scanned.document is not None:
            outcome = self._open_document(scanned.document)
        elif scanned.article_id is not None:
            outcome = self._show_article(scanned.article_id)
        else:
            sentence = sentence or self.tr("Nothing in the database has this code.")
            self.recent.settle(
                number,
                self.tr("Not found: {sentence}").format(sentence=sentence),
            )
            self._say(code, sentence, names_code=True)
            self.sig_routed.emit(Routed(code, sentence, scanned=scanned))
            return
        self.recent.settle(number, outcome if sentence is None else f"{outcome}. {sentence}")
        self._say(code, outcome if sentence is None else sentence, names_code=sentence is not None)
        self.sig_routed.emit(Routed(code, outcome, scanned=scanned))

    def _failed(self, number: int, code: Code, sentence: str) -> None:
        self.recent.settle(
            number,
            self.tr("Not looked up: {sentence}").format(sentence=sentence),
        )
        self._say(code, sentence)
        self.sig_routed.emit(Routed(code, sentence))

    def _open_individual(self, record: IndividualRecord) -> str:
        self.sig_open_individual.emit(record)
        return self.tr("Opened in the Individual tab")

    def _open_patient(self, patient_id: uuid.UUID) -> str:
        self.sig_open_patient.emit(patient_id)
        return self.tr("Patient record opened")

    def _open_document(self, document: FoundDocument) -> str:
        if document.kind in (DocumentKind.RETURN, DocumentKind.PICKUP_ORDER):
            self.sig_open_return.emit(document)
            return self.tr("Opened in the returns search")
        if document.kind is DocumentKind.ACTIVITY:
            self.sig_open_activity.emit(document.id)
            return self.tr("Activity opened")
        self.sig_open_document.emit(document)
        if document.awaits_receipt:
            return self.tr("Opened in the goods receipt")
        return self.tr("Shown in the Orders page")

    def _show_article(self, article_id: uuid.UUID) -> str:
        self.sig_show_article.emit(article_id)
        return self.tr("Shown in the Stock tab")
