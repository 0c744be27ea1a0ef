"""Scan targets: the fields, pages and dialogs that wait for a scan and take it before the router does.

A target is marked on its widget with ``mark_scan_target(widget, take, kinds)``. When a code arrives, the
router asks the widgets from the one that has the focus up through its parents (a field, then its page,
then its dialog or window); the first target that is enabled, shown, waits for that kind of code and
whose ``take(code)`` returns True has it. A target that does not take the code lets the next one up, and
then the router, look it up.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from app.scanning.codes import Code, CodeKind
from ui.qt import QLineEdit, Qt, QWidget

Take = Callable[[Code], bool]

_ATTRIBUTE = "_hearing_desk_scan_target"


@dataclass(frozen=True)
class ScanTarget:
    take: Take
    kinds: frozenset[CodeKind] | None  # None: every kind (and codes of no known kind)
    what: str  # what took it, as the recent-scans list says: "the serial number field"

    def waits_for(self, code: Code) -> bool:
        return self.kinds is None or any(kind in self.kinds for kind in code.kinds)


def mark_scan_target(
    widget: QWidget, take: Take, kinds: frozenset[CodeKind] | None = None, *, what: str = ""
) -> None:
    """*widget* waits for a scan: *take(code)* gets the codes of *kinds* (every kind when None) and returns
    False to let the router route it instead. *what* names the target in the recent-scans list."""
    setattr(widget, _ATTRIBUTE, ScanTarget(take, kinds, what))


def unmark_scan_target(widget: QWidget) -> None:
    if hasattr(widget, _ATTRIBUTE):
        delattr(widget, _ATTRIBUTE)


def scan_target(widget: QWidget) -> ScanTarget | None:
    target = getattr(widget, _ATTRIBUTE, None)
    return target if isinstance(target, ScanTarget) else None


def put_into_line_edit(edit: QLineEdit, text: str) -> None:
    """*text* into *edit* as a clerk types it over the field's content, then Enter: ``textEdited``,
    ``returnPressed`` and ``editingFinished`` as the keyboard gives them."""
    edit.setFocus()
    edit.selectAll()
    edit.insert(text)  # typed over the selection: textEdited, as for keys
    edit.returnPressed.emit()
    edit.editingFinished.emit()


def read_first_as(*kinds: CodeKind) -> Callable[[Code], bool]:
    """Whether a code is most likely one of *kinds* (a 6-digit article number may also be an individual
    number, but is read first as an article number)."""
    wanted = frozenset(kinds)
    return lambda code: bool(code.kinds) and code.kinds[0] in wanted


def not_a_box_code(code: Code) -> bool:
    """Whether a code is not one of a box's own codes (a UDI, a GTIN, an HIBC code): a field the clerk types
    numbers into takes anything else."""
    return code.udi is None and code.hibc is None and not (code.kinds and code.kinds[0] is CodeKind.GTIN)


def scan_into_line_edit(edit: QLineEdit, *, take_kinds: Callable[[Code], bool] | None = None) -> Take:
    """The usual ``take`` of a field: the code's text goes in and Enter is pressed as a clerk would.

    *take_kinds(code)* may refuse a code (False: the router routes it)."""

    def take(code: Code) -> bool:
        if take_kinds is not None and not take_kinds(code):
            return False
        put_into_line_edit(edit, code.text)
        return True

    return take


def _shown(widget: QWidget) -> bool:
    """Shown, or about to be: a field just added to a shown page is shown by the next turn of the event loop
    (a scanner may be quicker); one hidden on purpose, or on a page hidden on purpose, is not."""
    explicit = Qt.WidgetAttribute.WA_WState_ExplicitShowHide
    current: QWidget | None = widget
    while current is not None:
        if current.isHidden() and current.testAttribute(explicit):
            return False
        if current.isWindow():
            return current.isVisible()
        current = current.parentWidget()
    return False


def targets_from(widget: QWidget | None) -> Iterator[tuple[QWidget, ScanTarget]]:
    """The marked widgets from *widget* up through its parents, nearest first (enabled and shown only)."""
    while widget is not None:
        target = scan_target(widget)
        if target is not None and widget.isEnabled() and _shown(widget):
            yield widget, target
        widget = widget.parentWidget()


def offer(widget: QWidget | None, code: Code) -> tuple[QWidget, ScanTarget] | None:
    """Offer *code* to the targets from *widget* upward; the widget and target that took it, or None."""
    for marked, target in targets_from(widget):
        if target.waits_for(code) and target.take(code):
            return marked, target
    return None
