"""The start dialog: user and service location, preselected from the last start.

The same dialog changes user or service location while the program runs (``switching``): it is then
titled as a change, and cancelling it keeps working as before instead of quitting.
"""

from __future__ import annotations

from collections.abc import Sequence

from app.config import Remembered
from app.organisation import LocationChoice, UserChoice
from ui.labels import label
from ui.qt import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget
from ui.widgets import find_data


class StartDialog(QDialog):
    def __init__(
        self,
        users: Sequence[UserChoice],
        remembered: Remembered,
        parent: QWidget | None = None,
        *,
        switching: bool = False,
    ) -> None:
        super().__init__(parent)
        self._switching = switching
        if switching:
            self.setWindowTitle(self.tr("Change user or service location"))
        else:
            self.setWindowTitle(self.tr("Start Hearing Desk"))
        self._users = list(users)
        self._remembered = remembered
        self._setup_widgets()
        self._connect_signals()
        self._preselect()

    def _setup_widgets(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Who is working, and for which service location?"))
        layout.addWidget(intro)
        form = QFormLayout()
        self.user_combo = QComboBox()
        self.user_combo.setObjectName("user_combo")
        for user in self._users:
            roles = ", ".join(label(role) for role in user.roles)
            self.user_combo.addItem(f"{user.full_name} ({roles})", user.username)
        self.location_combo = QComboBox()
        self.location_combo.setObjectName("location_combo")
        form.addRow(self.tr("&User:"), self.user_combo)
        form.addRow(self.tr("&Service location:"), self.location_combo)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        cancel = self.buttons.button(QDialogButtonBox.StandardButton.Cancel)
        if self._switching:
            ok.setText(self.tr("&Change"))
            cancel.setText(self.tr("&Cancel"))
        else:
            ok.setText(self.tr("&Start"))
            cancel.setText(self.tr("&Quit"))
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.user_combo.currentIndexChanged.connect(self._fill_locations)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _preselect(self) -> None:
        index = find_data(self.user_combo, self._remembered.username)
        self.user_combo.setCurrentIndex(max(index, 0))
        self._fill_locations()
        code_index = find_data(self.location_combo, self._remembered.service_location_code)
        if code_index >= 0 and self.selected_username() == self._remembered.username:
            self.location_combo.setCurrentIndex(code_index)

    def _current_user(self) -> UserChoice | None:
        username = self.user_combo.currentData()
        return next((u for u in self._users if u.username == username), None)

    def _fill_locations(self) -> None:
        user = self._current_user()
        self.location_combo.clear()
        locations: tuple[LocationChoice, ...] = user.locations if user else ()
        for location in locations:
            self.location_combo.addItem(location.name, location.code)
        if user is not None:
            default = find_data(self.location_combo, user.default_location_code)
            if default >= 0:
                self.location_combo.setCurrentIndex(default)

    def selected_username(self) -> str:
        return str(self.user_combo.currentData() or "")

    def selected_location_code(self) -> str:
        return str(self.location_combo.currentData() or "")
