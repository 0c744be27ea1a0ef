"""Take the README's screenshot of the real window: a record open in the Patient tab (Swedish).

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshot.py

The window runs on a fresh small demo database in a temporary folder. Run it from the repository root.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "screenshots" / "patient-tab.png"


def main() -> int:
    sys.path.insert(0, str(ROOT))  # this checkout's program, also when run as a script from packaging/
    from app import demo_data
    from app.database import Database
    from app.patients import format_identity
    from ui.i18n import install_translators
    from ui.main_window import MainWindow
    from ui.messages import MessageBoxes
    from ui.qt import QApplication, QEventLoop, Qt, QTest, QTimer

    data_dir = Path(tempfile.mkdtemp(prefix="hearing-desk-shot-"))
    database = Database.open(data_dir)
    number = demo_data.generate(database, "small").examples["ordinary"]
    database.dispose()
    app = QApplication.instance() or QApplication([])
    install_translators(app, "sv")
    MessageBoxes.handler = lambda *_args: None
    window = MainWindow(data_dir, ask_who=False)
    window.resize(1360, 820)
    window.show()

    def wait(signal: object, ms: int = 60000) -> None:
        loop = QEventLoop()
        signal.connect(loop.quit)  # type: ignore[attr-defined]
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    window.start()
    wait(window.sig_ready)
    tab = window.patient_tab
    QTest.keyClicks(tab.search_edit, format_identity(number))
    QTest.keyClick(tab.search_edit, Qt.Key.Key_Return)
    wait(tab.sig_record_opened)
    tab.record_view.lists.setCurrentIndex(0)
    QTest.qWait(300)
    window.runner.wait_for_done()
    TARGET.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(TARGET))
    print(f"saved {TARGET.relative_to(ROOT)}")
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
