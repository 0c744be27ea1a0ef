"""The first start of a new workstation: try it with demo data, join the clinic's server, or start empty.

"Try it with demo data" is preselected, so Enter gives what the program always did. "Join the clinic's
server" asks for the address, this workstation's name and its token (masked) as the administrator gave
them; the dialog stays open while the first sync fills the database and closes once it has. A refused
address or token, or a server that cannot be reached, is said in one sentence, and what was typed stays.
"""

from __future__ import annotations

from collections.abc import Callable

from ui.qt import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.widgets import ERROR_STYLE

# Joins the server (address, workstation name, token) in the background, then calls the first callback
# once the first sync has filled the database, or the second with the clerk's sentence.
Join = Callable[[str, str, str, Callable[[], None], Callable[[str], None]], None]

DEMO, JOIN, EMPTY = "demo", "join", "empty"


class FirstStartDialog(QDialog):
    sig_refused = Signal(str)  # the join did not succeed: the sentence shown

    def __init__(self, join: Join, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._join = join
        self.setObjectName("first_start")
        self.setWindowTitle(self.tr("First start of Hearing Desk"))
        self._setup_widgets()
        self._connect_signals()
        self._choice_changed()

    def _setup_widgets(self) -> None:
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("This workstation has no data yet. How should it start?"),
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices = QButtonGroup(self)
        self.demo_choice = QRadioButton(self.tr("&Try it with demo data"))
        self.demo_choice.setObjectName("first_start_demo")
        demo_note = QLabel(
            self.tr(
                "An invented hearing clinic to practise on. The title bar says DEMO, and this workstation "
                "can never sync with the clinic's server."
            )
        )
        self.join_choice = QRadioButton(self.tr("&Join the clinic's server"))
        self.join_choice.setObjectName("first_start_join")
        join_note = QLabel(
            self.tr(
                "The administrator gives each workstation a name and a token. The first sync fills this "
                "workstation with the clinic's data; then you sign in."
            )
        )
        self.empty_choice = QRadioButton(self.tr("Start &empty"))
        self.empty_choice.setObjectName("first_start_empty")
        empty_note = QLabel(
            self.tr("No data at all. You can join the clinic's server later under File → Sync settings.")
        )
        form = QFormLayout()
        self.url_edit = QLineEdit()
        self.url_edit.setObjectName("first_start_url")
        self.url_edit.setPlaceholderText("https://sync.example.se")
        self.name_edit = QLineEdit()
        self.name_edit.setObjectName("first_start_name")
        self.token_edit = QLineEdit()
        self.token_edit.setObjectName("first_start_token")
        self.token_edit.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("&Server address:"), self.url_edit)
        form.addRow(self.tr("&Workstation name:"), self.name_edit)
        form.addRow(self.tr("To&ken:"), self.token_edit)
        self.join_fields = QWidget()
        self.join_fields.setLayout(form)
        form.setContentsMargins(24, 0, 0, 0)
        for index, (button, note) in enumerate(
            ((self.demo_choice, demo_note), (self.join_choice, join_note), (self.empty_choice, empty_note))
        ):
            self.choices.addButton(button, index)
            note.setWordWrap(True)
            note.setContentsMargins(24, 0, 0, 6)
            layout.addWidget(button)
            layout.addWidget(note)
            if button is self.join_choice:
                layout.addWidget(self.join_fields)
        self.demo_choice.setChecked(True)
        self.progress = QProgressBar()
        self.progress.setObjectName("first_start_progress")
        self.progress.setRange(0, 0)  # the first sync says not how much is coming: busy, not a percentage
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.progress_text = QLabel(
            self.tr("Joining the server; the first sync is filling this workstation…")
        )
        self.progress_text.setWordWrap(True)
        self.progress_text.hide()
        layout.addWidget(self.progress_text)
        layout.addWidget(self.progress)
        self.error = QLabel()
        self.error.setObjectName("first_start_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("&Start"))
        self.ok_button.setDefault(True)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("&Quit"))
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)

    def _connect_signals(self) -> None:
        self.choices.idToggled.connect(lambda _id, _checked: self._choice_changed())
        self.buttons.accepted.connect(self.start)
        self.buttons.rejected.connect(self.reject)

    def _choice_changed(self) -> None:
        joining = self.choice() == JOIN
        self.join_fields.setEnabled(joining)
        if joining:
            self.url_edit.setFocus()

    def choice(self) -> str:
        return (DEMO, JOIN, EMPTY)[max(self.choices.checkedId(), 0)]

    def values(self) -> tuple[str, str, str]:
        return self.url_edit.text().strip(), self.name_edit.text().strip(), self.token_edit.text().strip()

    def start(self) -> None:
        """Demo data or empty: done (the window sets it up). Join: the dialog stays until the first sync has
        filled the database, or says why it could not."""
        if self.choice() != JOIN:
            self.accept()
            return
        self._busy(True)
        self.error.hide()
        url, name, token = self.values()
        self._join(url, name, token, self.accept, self._refused)

    def _busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)
        for button in self.choices.buttons():
            button.setEnabled(not busy)
        self.join_fields.setEnabled(not busy and self.choice() == JOIN)
        self.progress.setVisible(busy)
        self.progress_text.setVisible(busy)

    def _refused(self, sentence: str) -> None:
        self._busy(False)
        self.error.setText(sentence)
        self.error.show()
        self.adjustSize()
        self.url_edit.setFocus()
        self.sig_refused.emit(sentence)
