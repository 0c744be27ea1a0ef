"""Sync settings: the server's address, this workstation's name and the token the administrator issued.

Save keeps the dialog open until the settings are stored: a refused address is said in the dialog, in one
sentence, and everything typed stays where it is.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget, Signal
from ui.widgets import ERROR_STYLE

#: Stores (address, workstation name, token) in the background, then calls the first callback when
#: stored or the second with the clerk's sentence when refused.
Save = Callable[[str, str, str, Callable[[], None], Callable[[str], None]], None]


class SyncSettingsDialog(QDialog):
    sig_refused = Signal(str)  # the settings were not stored: the sentence shown

    def __init__(
        self,
        save: Save,
        server_url: str = "",
        workstation_name: str = "",
        parent: QWidget | None = None,
        *,
        demo: bool = False,
    ) -> None:
        super().__init__(parent)
        self._save = save
        self.setObjectName("sync_settings")
        self.setWindowTitle(self.tr("Sync settings"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The administrator gives each workstation a name and a token. The token is kept in the "
                "system's key store (or a file only you can read)."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        if demo:
            # Demo data never meets the clinic's real data (the server refuses it too).
            demo_note = QLabel(
                self.tr(
                    "This workstation holds demo data: it cannot join the clinic's server, only a training "
                    "server for demo data. To join the clinic's server, start a new workstation (an empty data "
                    "folder) and choose to join."
                )
            )
            demo_note.setObjectName("sync_demo_note")
            demo_note.setWordWrap(True)
            demo_note.setStyleSheet(ERROR_STYLE)
            layout.addWidget(demo_note)
        form = QFormLayout()
        self.url_edit = QLineEdit(server_url)
        self.url_edit.setObjectName("sync_url")
        self.url_edit.setPlaceholderText("https://sync.example.se")
        self.name_edit = QLineEdit(workstation_name)
        self.name_edit.setObjectName("sync_name")
        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("sync_token")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Server address:"), self.url_edit)
        form.addRow(self.tr("&Workstation name:"), self.name_edit)
        form.addRow(self.tr("&Token:"), self.token_edit)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("sync_settings_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        # Room for an https address and for the sentences to wrap into a few lines, not a narrow column.
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def values(self) -> tuple[str, str, str]:
        return self.url_edit.text().strip(), self.name_edit.text().strip(), self.token_edit.text().strip()

    def save(self) -> None:
        """Store what was typed; the dialog closes only once it is stored."""
        self.save_button.setEnabled(False)
        self.error.hide()
        url, name, token = self.values()
        self._save(url, name, token, self.accept, self._refused)

    def _refused(self, sentence: str) -> None:
        self.save_button.setEnabled(True)
        self.error.setText(sentence)
        self.error.show()
        self.adjustSize()  # room for the sentence, so the fields are not squeezed
        self.url_edit.setFocus()
        self.sig_refused.emit(sentence)
