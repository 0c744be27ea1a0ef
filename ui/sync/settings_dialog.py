"""Sync settings: the server's address, this workstation's name and the token the administrator issued."""

from __future__ import annotations

from ui.qt import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget


class SyncSettingsDialog(QDialog):
    def __init__(
        self, server_url: str = "", workstation_name: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
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
        self.error.setStyleSheet("color:#a00000;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

    def values(self) -> tuple[str, str, str]:
        return self.url_edit.text().strip(), self.name_edit.text().strip(), self.token_edit.text().strip()
