"""Life events (R41–R43): the small dialogs for a device lost or stolen, a change of recipient, a device
bought over from another region, a patient moving out and the patient's aid list, and ``LifeEvents``, which
opens them from the records and the Stock menu."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from app.organisation import WorkContext
from ui.operations import OperationRunner
from ui.qt import QDialog, QObject, Qt, QWidget, Signal

#: What a record asks for (``sig_life_event``'s first value).
LOST = "lost"
RECIPIENT = "recipient"
MOVING_OUT = "moving_out"
AID_LIST = "aid_list"


class LifeEvents(QObject):
    """Opens each life-event dialog over *window* for the context signed in (``context()``)."""

    sig_status = Signal(str)

    def __init__(
        self, runner: OperationRunner, window: QWidget, context: Callable[[], WorkContext | None]
    ) -> None:
        super().__init__(window)
        self._runner = runner
        self._window = window
        self._context = context
        self.dialog: QDialog | None = None

    def _show(self, dialog: QDialog) -> QDialog:
        if self.dialog is not None:
            self.dialog.close()
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.destroyed.connect(lambda *_: self._forget(dialog))
        self.dialog = dialog
        dialog.show()
        return dialog

    def _forget(self, dialog: QDialog) -> None:
        if self.dialog is dialog:
            self.dialog = None

    def open(self, kind: str, value: object) -> None:
        """A record asked for *kind*: *value* is the device's individual number (lost, recipient) or the
        patient's id (moving out, aid list)."""
        context = self._context()
        if context is None:
            return
        if kind == LOST:
            from ui.life_events.lost_device import LostDeviceDialog

            self._show(LostDeviceDialog(self._runner, context, str(value), self.sig_status, self._window))
        elif kind == RECIPIENT:
            from ui.life_events.recipient import RecipientChangeDialog

            self._show(
                RecipientChangeDialog(self._runner, context, str(value), self.sig_status, self._window)
            )
        elif kind == MOVING_OUT and isinstance(value, uuid.UUID):
            from ui.life_events.moving_out import MovingOutDialog

            self._show(MovingOutDialog(self._runner, context, value, self.sig_status, self._window))
        elif kind == AID_LIST and isinstance(value, uuid.UUID):
            from ui.life_events.moving_out import AidListDialog

            self._show(AidListDialog(self._runner, context, value, self.sig_status, self._window))

    def bought_over(self) -> None:
        context = self._context()
        if context is None:
            return
        from ui.life_events.bought_over import BoughtOverDialog

        self._show(BoughtOverDialog(self._runner, context, self.sig_status, self._window))
