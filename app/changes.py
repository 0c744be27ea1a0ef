"""What a write changed, so every tab can refresh only what concerns it (Anki's ``OpChanges``)."""

from __future__ import annotations

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
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(**{f.name: getattr(self, f.name) or getattr(other, f.name) for f in fields(self)})

    def any(self) -> bool:
        return any(getattr(self, f.name) for f in fields(self))
