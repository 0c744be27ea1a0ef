"""Background operations: every database read and write the UI asks for runs here (Anki's ``aqt.operations``).

``OperationRunner.read``/``write`` take a function of one session, run it on the thread pool in its own
unit of work (one session per operation, per thread), and deliver the result or the clerk's sentence on
the UI thread. A write's ``Changes`` are broadcast through ``sig_changes`` so every tab refreshes what
concerns it.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable
from typing import Any

from sqlalchemy.orm import Session

from app.changes import Changes
from app.database import Database
from app.errors import ClerkError
from ui.qt import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Work = Callable[[Session], Any]
Success = Callable[[Any], None]
Failure = Callable[[str], None]


def clerk_sentence(error: BaseException) -> str:
    """The translated sentence for *error*; an unexpected error gets a general one (details go to the log)."""
    if isinstance(error, ClerkError):
        return error.sentence(lambda template: QCoreApplication.translate("app", template))
    return QCoreApplication.translate(
        "app", "Something unexpected went wrong; nothing was saved. The details are in the log file."
    )


class _Signals(QObject):
    sig_succeeded = Signal(object)
    sig_failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, body: Callable[[], Any], signals: _Signals) -> None:
        super().__init__()
        self._body = body
        self._signals = signals

    def run(self) -> None:
        try:
            result = self._body()
        except Exception as error:
            if not isinstance(error, ClerkError):
                log.error("operation failed:\n%s", "".join(traceback.format_exception(error)))
            self._signals.sig_failed.emit(error)
        else:
            self._signals.sig_succeeded.emit(result)


class OperationRunner(QObject):
    sig_changes = Signal(object)  # Changes
    sig_error = Signal(str)  # a sentence no caller handled
    sig_busy = Signal(int)  # operations in flight

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.database: Database | None = None
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(4)
        self._in_flight: set[_Signals] = set()

    def run(self, body: Callable[[], Any], on_success: Success | None, on_error: Failure | None) -> None:
        """Run *body* on the pool; deliver its result on the UI thread."""
        signals = _Signals(self)
        self._in_flight.add(signals)
        self.sig_busy.emit(len(self._in_flight))

        def finished() -> None:
            self._in_flight.discard(signals)
            signals.deleteLater()
            self.sig_busy.emit(len(self._in_flight))

        def succeeded(result: Any) -> None:
            finished()
            if on_success is not None:
                on_success(result)

        def failed(error: BaseException) -> None:
            finished()
            sentence = clerk_sentence(error)
            if on_error is not None:
                on_error(sentence)
            else:
                self.sig_error.emit(sentence)

        signals.sig_succeeded.connect(succeeded)
        signals.sig_failed.connect(failed)
        self._pool.start(_Job(body, signals))

    def read(self, work: Work, *, on_success: Success | None = None, on_error: Failure | None = None) -> None:
        database = self._require_database()

        def body() -> Any:
            with database.read() as session:
                return work(session)

        self.run(body, on_success, on_error)

    def write(
        self,
        work: Work,
        *,
        changes: Changes,
        on_success: Success | None = None,
        on_error: Failure | None = None,
    ) -> None:
        database = self._require_database()

        def body() -> Any:
            with database.write() as session:
                return work(session)

        def succeeded(result: Any) -> None:
            if on_success is not None:
                on_success(result)
            self.sig_changes.emit(changes)

        self.run(body, succeeded, on_error)

    def busy(self) -> bool:
        return bool(self._in_flight)

    def wait_for_done(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    def _require_database(self) -> Database:
        if self.database is None:
            raise RuntimeError("the database is not open yet")
        return self.database
