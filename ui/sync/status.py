"""The status bar's sync state, always visible: online/offline, changes waiting, last sync, conflicts."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ui.qt import QToolButton, QWidget

if TYPE_CHECKING:
    from ui.sync.controller import SyncState


class SyncStatusButton(QToolButton):
    """Shows the sync state; a click opens the conflicts view (or the settings while not set up)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("status_sync")
        self.setAutoRaise(True)
        self.state: SyncState | None = None
        self._show_not_set_up()

    def _show_not_set_up(self) -> None:
        self.setText(self.tr("Local only — sync is not set up"))
        self.setToolTip(
            self.tr(
                "Everything is saved on this computer; it is not synchronised with a server. Click to set up."
            )
        )

    def show_state(self, state: SyncState) -> None:
        from ui.sync.controller import report_sentence

        self.state = state
        status = state.status
        if status is None:
            self._show_not_set_up()
            return
        last = (
            status.last_success_at.astimezone().strftime("%H:%M")
            if status.last_success_at is not None
            else self.tr("never")
        )
        parts = [
            self.tr("Online") if status.online else self.tr("Offline"),
            self.tr("{count} waiting").format(count=status.pending_changes),
            self.tr("last sync {time}").format(time=last),
        ]
        if status.open_conflicts:
            parts.append(self.tr("%n conflict(s)", "", status.open_conflicts))
        if status.open_rejections:
            parts.append(self.tr("%n refused change(s)", "", status.open_rejections))
        left = min((supply.remaining for supply in state.low_numbers), default=None)
        if left == 0:
            parts.append(self.tr("⚠ No document numbers left"))
        elif left is not None:
            parts.append(self.tr("⚠ Running out of document numbers: %n left", "", left))
        self.setText(" · ".join(parts))
        tip = self.tr(
            "Changes are kept here and sent when the server can be reached. Click to see conflicts and "
            "refused changes."
        )
        if left is not None:
            warning = self.tr(
                "This workstation is running out of the numbers its orders, purchase orders and other documents "
                "get. Connect it to the network so it can fetch more before they run out; without a number no "
                "new document can be saved."
            )
            tip = warning + "\n" + tip
        if state.report is not None and not state.report.ok:
            tip = report_sentence(state.report) + "\n" + tip
        self.setToolTip(tip)
