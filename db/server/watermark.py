"""What an instance knows of the newest committed server sequence number, so an idle poll is answered
without asking the database.

1 000 idle workstations poll every 5 s; almost every poll asks "anything after N?" where N is already the
newest number. On PostgreSQL every writer (upload, resolve, publish-rows, on any instance) sends
``NOTIFY`` with its newest number inside its transaction, so it arrives when the transaction commits; each
instance listens on a connection of its own. While it listens, a poll for ``after >= known`` is answered
"nothing new" at once. A listener that loses its connection knows nothing until it has listened again and
read the newest number (then every poll asks the database, as without it). On SQLite (the embedded
default) nothing is known and every poll asks the database.
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import Connection, Engine, Select, func, select

log = logging.getLogger(__name__)

CHANNEL = "hearing_desk_server_seq"
RETRY_S = 1.0


def announce(conn: Connection, last_seq: int) -> None:
    """Inside a writer's transaction: tell every instance the newest number once it commits."""
    if conn.dialect.name == "postgresql":
        conn.execute(select(func.pg_notify(CHANNEL, str(last_seq))))


class Watermark:
    """The newest committed server sequence number, or None while it is not known for sure."""

    def __init__(self, engine: Engine, last_seq: Select[Any]) -> None:
        self.engine = engine
        self._last_seq = last_seq
        self._known: int | None = None
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def known(self) -> int | None:
        if self._thread is None and self.engine.dialect.name == "postgresql" and not self._stop.is_set():
            with self._lock:
                if self._thread is None:
                    self._thread = threading.Thread(target=self._listen, daemon=True, name="seq-listener")
                    self._thread.start()
        return self._known

    def committed(self, last_seq: int) -> None:
        """This instance committed up to *last_seq* (known at once, before its own notification)."""
        with self._lock:
            if self._known is not None and last_seq > self._known:
                self._known = last_seq

    def stop(self) -> None:
        """Stop listening (the listener closes its connection within ``RETRY_S``)."""
        self._stop.set()

    def _listen(self) -> None:
        while not self._stop.is_set():
            raw = None
            try:
                raw = self.engine.raw_connection()
                listener = raw.driver_connection
                raw.detach()  # a connection of its own, never handed back to the pool
                listener.autocommit = True  # type: ignore[union-attr]
                listener.execute(f"LISTEN {CHANNEL}")  # type: ignore[union-attr]
                with self.engine.connect() as conn:
                    newest = int(conn.execute(self._last_seq).scalar_one())
                with self._lock:
                    self._known = max(newest, self._known or 0)
                while not self._stop.is_set():
                    for note in listener.notifies(timeout=RETRY_S):  # type: ignore[union-attr]
                        with self._lock:
                            self._known = max(int(note.payload), self._known or 0)
            except Exception as error:  # the database went away: know nothing until listening again
                log.debug("sync: the sequence listener stopped: %s", type(error).__name__)
            finally:
                with self._lock:
                    self._known = None
                if raw is not None:
                    try:
                        raw.close()
                    except Exception:
                        log.debug("sync: closing the sequence listener failed")
            self._stop.wait(RETRY_S)
