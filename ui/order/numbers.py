"""Where the Order tab's writes take their YYWWNNNN numbers from."""

from __future__ import annotations

from collections.abc import Callable

from app.numbers import NumberAllocator

#: Called on the worker thread at the moment of a send: the standalone allocator, or one that only uses
#: blocks this node holds when it syncs (blocks are leased in the background).
Numbers = Callable[[], NumberAllocator]
