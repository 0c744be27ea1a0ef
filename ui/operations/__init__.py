"""Background operations: every database read and write the UI asks for runs here (Anki's ``aqt.operations``).

``OperationRunner.read``/``write`` take a function of one session, run it on the thread pool in its own
unit of work (one session per operation, per thread), and deliver the result or the clerk's sentence on
the UI thread.

Two things are decided here once, for every page:
- What a write changed: the tables its unit of work really wrote (``app.changelog.touched_tables``),
  mapped to areas (``app.changes``), are broadcast through ``sig_changes`` after the answer, so every tab
  refreshes what concerns it and no operation can forget an area.
- Stale answers: a request made with a ``key`` (a page and the kind of request, e.g. ``(page, "list")``)
  is answered only while no newer request of the same key was made; a page that asks again gets only
  the newest answer.
"""

from __future__ import annotations

import logging
import traceback
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.changelog import touched_tables
from app.changes import Changes, changes_of_tables
from app.database import Database
from app.errors import ClerkError
from ui.qt import QCoreApplication, QObject, QRunnable, QThreadPool, Signal

log = logging.getLogger(__name__)

Work = Callable[[Session], Any]
Success = Callable[[Any], None]
Failure = Callable[[str], None]
#: Names one kind of request of one page: only the newest request of a key is answered.
Key = Hashable


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


@dataclass(frozen=True)
class _Written:
    result: Any
    changes: Changes


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
        self._requests = 0
        #: The newest request of each key still waiting for its answer.
        self._newest: dict[Key, int] = {}

    def run(
        self,
        body: Callable[[], Any],
        on_success: Success | None,
        on_error: Failure | None,
        *,
        key: Key | None = None,
        after: Success | None = None,
    ) -> None:
        """Run *body* on the pool and deliver its result on the UI thread.

        With *key*, the answer (result or sentence) is delivered only while no newer request of that key
        was made. *after* runs on every success, after the answer and whether or not it was delivered.
        """
        self._requests += 1
        request = self._requests
        if key is not None:
            self._newest[key] = request
        signals = _Signals(self)
        self._in_flight.add(signals)
        self.sig_busy.emit(len(self._in_flight))

        def finished() -> bool:
            """Done; True when the answer is still wanted."""
            self._in_flight.discard(signals)
            signals.deleteLater()
            self.sig_busy.emit(len(self._in_flight))
            if key is None:
                return True
            if self._newest.get(key) != request:
                return False  # a newer request of the same key was made, or the key was superseded
            del self._newest[key]
            return True

        def succeeded(result: Any) -> None:
            if finished() and on_success is not None:
                on_success(result)
            if after is not None:
                after(result)

        def failed(error: BaseException) -> None:
            if not finished():
                return
            sentence = clerk_sentence(error)
            if on_error is not None:
                on_error(sentence)
            else:
                self.sig_error.emit(sentence)

        signals.sig_succeeded.connect(succeeded)
        signals.sig_failed.connect(failed)
        self._pool.start(_Job(body, signals))

    def read(
        self,
        work: Work,
        *,
        on_success: Success | None = None,
        on_error: Failure | None = None,
        key: Key | None = None,
    ) -> None:
        database = self._require_database()

        def body() -> Any:
            with database.read() as session:
                return work(session)

        self.run(body, on_success, on_error, key=key)

    def write(
        self,
        work: Work,
        *,
        on_success: Success | None = None,
        on_error: Failure | None = None,
        key: Key | None = None,
    ) -> None:
        """Run *work* as one unit of work; after its answer, broadcast the areas of the tables it wrote.

        The broadcast goes out even when a newer request of *key* made the answer itself stale: the write
        happened, and every page must hear of it.
        """
        database = self._require_database()

        def body() -> _Written:
            with database.write() as session:
                result = work(session)
            return _Written(result, changes_of_tables(touched_tables(session)))

        def answer(written: _Written) -> None:
            if on_success is not None:
                on_success(written.result)

        def broadcast(written: _Written) -> None:
            if written.changes.any():
                self.sig_changes.emit(written.changes)

        self.run(body, answer, on_error, key=key, after=broadcast)

    def supersede(self, key: Key) -> None:
        """Answers still on their way for *key* are no longer wanted (the page has moved on)."""
        self._newest.pop(key, None)

    def pending(self, key: Key) -> bool:
        """True while the newest request of *key* has not been answered."""
        return key in self._newest

    def busy(self) -> bool:
        return bool(self._in_flight)

    def wait_for_done(self, msecs: int = 30000) -> bool:
        return self._pool.waitForDone(msecs)

    def _require_database(self) -> Database:
        if self.database is None:
            raise RuntimeError("the database is not open yet")
        return self.database
