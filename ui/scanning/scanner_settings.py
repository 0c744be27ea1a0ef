"""File → Scanner settings…: the recogniser's thresholds, and a field to test the scanner at hand.

While the "Test your scanner" field has the focus, the recogniser lets every key through to it; the field
records each key with its time and, once the scan has ended (its Enter or Tab, or a pause), shows what the
scanner sent: the characters (control characters made visible, ⟨GS⟩), the suffix, whether and how the GS1
separator came (ASCII 29, Ctrl+], Alt+029), the number of characters, the gaps between keys and whether
the thresholds in the dialog would take it for a scan. Save keeps the thresholds in the data folder and
gives them to the running recogniser at once.
"""

from __future__ import annotations

from pathlib import Path

from app.scanning.settings import ScannerSettings, save_scanner_settings
from ui.qt import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QEvent,
    QFormLayout,
    QGroupBox,
    QKeyEvent,
    QLabel,
    QLineEdit,
    QSpinBox,
    Qt,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)
from ui.scanning.recogniser import GsForm, KeyStroke, ScannerRecogniser, ScanReport, Suffix, read_strokes
from ui.widgets import ERROR_STYLE

_CONTROL_NAMES = {
    0x1D: "GS",
    0x1E: "RS",
    0x1C: "FS",
    0x04: "EOT",
    0x0D: "CR",
    0x0A: "LF",
    0x09: "HT",
    0x1B: "ESC",
}


def visible(text: str) -> str:
    """*text* with its control characters made visible: GS as ⟨GS⟩, others by name or code."""
    shown = []
    for character in text:
        code = ord(character)
        if code < 0x20 or code == 0x7F:
            shown.append(f"⟨{_CONTROL_NAMES.get(code, f'{code:02X}')}⟩")
        else:
            shown.append(character)
    return "".join(shown)


class ScannerTestField(QLineEdit):
    """Takes every key a scanner sends (Tab and Enter too), records it with its time, and shows the scan."""

    sig_read = Signal(list)  # the KeyStrokes of one scan, once it has ended

    def __init__(self, recogniser: ScannerRecogniser, pause_ms: int) -> None:
        super().__init__()
        self._recogniser = recogniser
        self._strokes: list[KeyStroke] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._pause)
        self.pause_ms = pause_ms
        self.setReadOnly(True)

    def event(self, event: QEvent) -> bool:
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease, QEvent.Type.ShortcutOverride):
            assert isinstance(event, QKeyEvent)
            if event.key() == Qt.Key.Key_Escape:
                return super().event(event)  # Esc closes the dialog as anywhere else
            if kind == QEvent.Type.ShortcutOverride:
                event.accept()  # Alt+2 or Ctrl+] from the scanner is no shortcut here
                return True
            self._record(event, release=kind == QEvent.Type.KeyRelease)
            event.accept()
            return True
        return super().event(event)

    def _record(self, event: QKeyEvent, *, release: bool) -> None:
        now = self._recogniser.clock()
        if not release and not self._strokes:
            self.clear()
        self._strokes.append(
            KeyStroke(now, event.key(), event.modifiers(), event.text(), event.isAutoRepeat(), release)
        )
        if release:
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Tab):
            self._finish()
            return
        self._last = now
        self._timer.start(self.pause_ms)

    def _pause(self) -> None:
        if self._strokes and self._recogniser.clock() - self._last < self.pause_ms:
            self._timer.start(max(1, int(self.pause_ms - (self._recogniser.clock() - self._last))))
            return
        self._finish()

    def _finish(self) -> None:
        self._timer.stop()
        strokes, self._strokes = self._strokes, []
        if any(not stroke.release for stroke in strokes):
            self.sig_read.emit(strokes)


class ScannerSettingsDialog(QDialog):
    sig_saved = Signal(object)  # the ScannerSettings saved and applied

    def __init__(self, recogniser: ScannerRecogniser, data_dir: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.recogniser = recogniser
        self.data_dir = data_dir
        self.strokes: list[KeyStroke] = []
        self.report: ScanReport | None = None
        self.setObjectName("scanner_settings")
        self.setWindowTitle(self.tr("Scanner settings"))
        settings = recogniser.settings
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A handheld scanner types much faster than a person. A row of characters that comes this "
                "fast is taken for a scan and goes where the code belongs, not into the field you are in."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.enabled = QCheckBox(self.tr("&Recognise scans"))
        self.enabled.setChecked(settings.enabled)
        self.max_gap = self._spin(1, 1000, settings.max_gap_ms, self.tr(" ms"))
        self.min_length = self._spin(2, 100, settings.min_length, "")
        self.pause = self._spin(1, 2000, settings.pause_ms, self.tr(" ms"))
        self.double_trigger = self._spin(0, 10000, settings.double_trigger_ms, self.tr(" ms"))
        form.addRow(self.enabled)
        form.addRow(self.tr("&Longest gap between two characters:"), self.max_gap)
        form.addRow(self.tr("&Fewest characters in a scan:"), self.min_length)
        form.addRow(self.tr("&Wait for Enter or Tab after the last character:"), self.pause)
        form.addRow(self.tr("The same code again &within this time is read once:"), self.double_trigger)
        layout.addLayout(form)

        test = QGroupBox(self.tr("Test your scanner"))
        test_layout = QFormLayout(test)
        hint = QLabel(self.tr("Click in the field below and scan a label: it shows what the scanner sends."))
        hint.setWordWrap(True)
        test_layout.addRow(hint)
        self.test_field = ScannerTestField(recogniser, settings.pause_ms)
        self.test_field.setObjectName("scanner_test_field")
        self.test_field.setPlaceholderText(self.tr("Scan here"))
        self.test_field.sig_read.connect(self.show_scan)
        test_layout.addRow(self.test_field)
        self.shown_suffix = QLabel()
        self.shown_separator = QLabel()
        self.shown_count = QLabel()
        self.shown_gaps = QLabel()
        self.shown_verdict = QLabel()
        self.shown_verdict.setWordWrap(True)
        test_layout.addRow(self.tr("Ends with:"), self.shown_suffix)
        test_layout.addRow(self.tr("Group separator:"), self.shown_separator)
        test_layout.addRow(self.tr("Characters:"), self.shown_count)
        test_layout.addRow(self.tr("Time between keys:"), self.shown_gaps)
        test_layout.addRow(self.shown_verdict)
        layout.addWidget(test)

        self.error = QLabel()
        self.error.setObjectName("scanner_settings_error")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for spin in (self.max_gap, self.min_length, self.pause, self.double_trigger):
            spin.valueChanged.connect(self._settings_changed)
        self.enabled.toggled.connect(self._settings_changed)
        self.finished.connect(lambda _result: recogniser.set_raw_target(None))
        recogniser.set_raw_target(self.test_field)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)

    def _spin(self, low: int, high: int, value: int, suffix: str) -> QSpinBox:
        spin = QSpinBox()
        spin.setRange(low, high)
        spin.setValue(value)
        spin.setSuffix(suffix)
        return spin

    def chosen(self) -> ScannerSettings:
        """The settings as the dialog shows them now."""
        return ScannerSettings(
            max_gap_ms=self.max_gap.value(),
            min_length=self.min_length.value(),
            pause_ms=max(self.pause.value(), self.max_gap.value()),
            double_trigger_ms=self.double_trigger.value(),
            enabled=self.enabled.isChecked(),
        )

    def _settings_changed(self) -> None:
        self.test_field.pause_ms = self.chosen().pause_ms
        if self.strokes:
            self.show_scan(self.strokes)  # the last test scan, judged by the new thresholds

    def show_scan(self, strokes: list[KeyStroke]) -> None:
        self.strokes = strokes
        report = self.report = read_strokes(strokes, self.chosen())
        self.test_field.setText(visible(report.text))
        self.shown_suffix.setText(
            {
                Suffix.ENTER: self.tr("Enter"),
                Suffix.TAB: self.tr("Tab"),
                Suffix.NONE: self.tr("nothing (a pause)"),
            }[report.suffix]
        )
        names = {
            GsForm.ASCII_29: self.tr("ASCII 29"),
            GsForm.CTRL_BRACKET: self.tr("Ctrl+]"),
            GsForm.ALT_CODE: self.tr("Alt+029 on the numeric keypad"),
        }
        forms = list(dict.fromkeys(report.gs_forms))
        self.shown_separator.setText(
            self.tr("{forms} ({count} in the code)").format(
                forms=", ".join(names[form] for form in forms), count=len(report.gs_forms)
            )
            if forms
            else self.tr("none")
        )
        self.shown_count.setText(str(report.characters))
        self.shown_gaps.setText(
            self.tr("shortest {low} ms, median {median} ms, longest {high} ms").format(
                low=round(report.gap_min), median=round(report.gap_median), high=round(report.gap_max)
            )
            if report.gaps_ms
            else "–"
        )
        self.shown_verdict.setText(self._verdict(report))

    def _verdict(self, report: ScanReport) -> str:
        settings = self.chosen()
        if report.recognised:
            return self.tr("With these settings this is read as a scan.")
        if not settings.enabled:
            return self.tr("Scans are not recognised: every key goes into the field you are in.")
        if report.other_keys:
            return self.tr("Not read as a scan: it has keys that are no characters (arrows, function keys).")
        if report.too_short:
            return self.tr("Not read as a scan: it has fewer characters than the fewest allowed.")
        if report.gap_max > settings.max_gap_ms:
            return self.tr(
                "Not read as a scan: {gap} ms between two keys is more than the longest gap allowed."
            ).format(gap=round(report.gap_max))
        if report.suffix == Suffix.NONE:
            return self.tr("Not read as a scan.")
        return self.tr("Not read as a scan: Enter or Tab came later than the wait allows.")

    def save(self) -> None:
        """Apply the thresholds at once and keep them for the next start."""
        settings = self.chosen()
        self.recogniser.set_settings(settings)
        self.sig_saved.emit(settings)
        if not save_scanner_settings(self.data_dir, settings):
            self.error.setText(
                self.tr(
                    "The settings apply now, but they could not be kept for the next start: the data folder "
                    "cannot be written."
                )
            )
            self.error.show()
            return
        self.accept()
