"""The main window: four tabs (Patient, Order, Stock, Individual), the status bar, start-up.

Only Qt and a few light modules are imported here: with ``paint_first`` (how the program starts) the
window's frame, menus and status bar are painted before the tabs, and the database stack their modules
import, are built.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import shiboken6

from app import __version__
from app.config import Remembered, save_remembered
from ui.messages import MessageBoxes
from ui.qt import (
    QAction,
    QApplication,
    QCloseEvent,
    QCoreApplication,
    QDialog,
    QEvent,
    QKeySequence,
    QLabel,
    QMainWindow,
    QObject,
    Qt,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
    Signal,
)

if TYPE_CHECKING:
    from app.activities import ActivityCreated, ActivityStart
    from app.changes import Changes
    from app.first_start import JoinDetails
    from app.individual_record import IndividualRecord
    from app.numbers import NumberAllocator
    from app.organisation import WorkContext
    from app.patients import AidHeld
    from app.scanning.frames import FrameSource
    from app.scanning.lookup import FoundDocument
    from app.startup import Workstation
    from ui.individual.tab import IndividualTab
    from ui.operations import OperationRunner
    from ui.operations.returns import Whose
    from ui.order.tab import OrderTab
    from ui.patient.tab import PatientTab
    from ui.returns.wizard import Preselect
    from ui.scanning.router import ScanRouter
    from ui.stock.tab import StockTab
    from ui.sync.controller import SyncController
    from ui.sync.status import SyncStatusButton

log = logging.getLogger(__name__)


class _FirstPaint(QObject):
    """Calls *then* once, after the first paint of the widget it filters (or when ``fire`` is called)."""

    def __init__(self, then: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._then: Callable[[], None] | None = then

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._then is not None and event.type() == QEvent.Type.Paint:
            QTimer.singleShot(0, self.fire)
        return False

    def fire(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


class MainWindow(QMainWindow):
    #: The camera of an index for the camera view (None: the real camera through OpenCV; tests give
    #: recorded frames).
    camera_source_for: Callable[[int], FrameSource] | None = None
    sig_ready = Signal(object)  # WorkContext, once the clerk has chosen who and where
    sig_start_failed = Signal(str)
    #: Open, but nobody can sign in yet (a workstation started empty, or joined to a server without users).
    sig_waiting_for_data = Signal()

    def __init__(
        self,
        data_dir: Path,
        *,
        ask_who: bool = True,
        paint_first: bool = False,
        first_start: str | None = "demo",
        join: JoinDetails | None = None,
        first_start_on_command_line: bool = False,
    ) -> None:
        """*first_start*: what a new workstation does (``app.first_start.FirstStart``: demo data — what tests
        and ``--smoke`` want —, a join of the clinic's server with *join*, or empty); None asks in the
        first-start dialog. With *first_start_on_command_line* a workstation already set up says that the
        choice changed nothing."""
        super().__init__()
        self.data_dir = data_dir
        self.ask_who = ask_who
        self.first_start = first_start
        self.join = join
        self.first_start_on_command_line = first_start_on_command_line
        self.workstation: Workstation | None = None
        self.context: WorkContext | None = None
        # Made once the database is open (its imports are kept off the path to the first paint).
        self.sync: SyncController | None = None
        self.built = False
        self._setup_window()
        self._setup_status_bar()
        self._setup_actions()
        if not paint_first:
            self._build()

    # -- set-up ------------------------------------------------------------------------------------

    def _setup_window(self) -> None:
        self.show_title(demo=False)
        self.setObjectName("main_window")
        self.resize(1280, 800)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("main_tabs")
        # What a workstation without users shows above its (disabled) tabs: what to do next.
        self.empty_notice = QLabel()
        self.empty_notice.setObjectName("empty_notice")
        self.empty_notice.setWordWrap(True)
        self.empty_notice.setMargin(16)
        self.empty_notice.setStyleSheet("font-size: 13pt;")
        self.empty_notice.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.empty_notice.hide()
        central = QWidget()
        layout = QVBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_notice, 1)
        layout.addWidget(self.tabs, 1)
        self.setCentralWidget(central)

    def show_title(self, *, demo: bool) -> None:
        """The window's title; a demo database says so, in every language, so nobody takes it for real."""
        self.setWindowTitle(
            self.tr("Hearing Desk – DEMO (practice data)") if demo else self.tr("Hearing Desk")
        )

    def _build(self) -> None:
        """What the clerk works with: the operation runner and the tabs (with ``paint_first``, after the
        window's first paint; their imports are most of the time to it)."""
        if self.built:
            return
        self.built = True
        self._setup_runner()
        self._setup_scanner()
        self._setup_tabs()
        self._setup_scanning()
        self._setup_sync_status()
        self._connect_signals()
        self._connect_returns()
        self._setup_life_events()

    def _setup_life_events(self) -> None:
        """R41–R43: the life-event dialogs, asked for by both records and the Stock menu."""
        from ui.life_events import LifeEvents

        self.life_events: LifeEvents = LifeEvents(self.runner, self, lambda: self.context)
        self.life_events.sig_status.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.patient_tab.record_view.sig_life_event.connect(self.life_events.open)
        self.individual_tab.record_view.sig_life_event.connect(self.life_events.open)

    def open_bought_over(self) -> None:
        """Stock → Bought over from another region… (R43)."""
        if self.built and self.context is not None:
            self.life_events.bought_over()

    def _setup_runner(self) -> None:
        from ui.operations import OperationRunner

        self.runner: OperationRunner = OperationRunner(self)

    def _setup_scanner(self) -> None:
        """One recogniser of handheld-scanner bursts for the whole program (its ``sig_scanned`` is routed)."""
        from app.scanning.settings import load_scanner_settings
        from ui.scanning.recogniser import ScannerRecogniser

        self.scanner: ScannerRecogniser = ScannerRecogniser(load_scanner_settings(self.data_dir), self)
        self.scanner.install()

    def _setup_tabs(self) -> None:
        from ui.individual.tab import IndividualTab
        from ui.order.tab import OrderTab
        from ui.patient.tab import PatientTab
        from ui.stock.tab import StockTab

        self.patient_tab: PatientTab = PatientTab(self.runner)
        self.patient_tab.setEnabled(False)
        self.order_tab: OrderTab = OrderTab(self.runner, self.number_allocator)
        self.order_tab.setEnabled(False)
        self.stock_tab: StockTab = StockTab(self.runner)
        self.stock_tab.setEnabled(False)
        self.individual_tab: IndividualTab = IndividualTab(self.runner)
        self.individual_tab.setEnabled(False)
        self.tabs.addTab(self.patient_tab, self.tr("&Patient"))
        self.tabs.addTab(self.order_tab, self.tr("&Order"))
        self.tabs.addTab(self.stock_tab, self.tr("S&tock"))
        self.tabs.addTab(self.individual_tab, self.tr("&Individual"))

    def _setup_scanning(self) -> None:
        from ui.scanning.router import ScanRouter

        self.scan_router: ScanRouter = ScanRouter(self.runner, self)

    def _setup_status_bar(self) -> None:
        bar = self.statusBar()
        self.status_user = QLabel(self.tr("Starting…"))
        self.status_user.setObjectName("status_user")
        self.status_location = QLabel()
        self.status_location.setObjectName("status_location")
        bar.addPermanentWidget(self.status_user)
        bar.addPermanentWidget(self.status_location)

    def _setup_sync_status(self) -> None:
        from ui.sync.status import SyncStatusButton

        self.status_sync: SyncStatusButton = SyncStatusButton()
        self.statusBar().addPermanentWidget(self.status_sync)

    def _setup_actions(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        sync_settings = QAction(self.tr("S&ync settings…"), self)
        sync_settings.triggered.connect(self.open_sync_settings)
        file_menu.addAction(sync_settings)
        sync_now = QAction(self.tr("Sync &now"), self)
        sync_now.setShortcut(QKeySequence("F5"))
        sync_now.triggered.connect(self.sync_now)
        file_menu.addAction(sync_now)
        scanner_settings = QAction(self.tr("S&canner settings…"), self)
        scanner_settings.triggered.connect(self.open_scanner_settings)
        file_menu.addAction(scanner_settings)
        switch_action = QAction(self.tr("&Change user or service location…"), self)
        switch_action.setShortcut(QKeySequence("Ctrl+Shift+U"))
        switch_action.triggered.connect(self.choose_who)
        file_menu.addAction(switch_action)
        stock_menu = self.menuBar().addMenu(self.tr("&Stock"))
        inventory_action = QAction(self.tr("&Inventory…"), self)
        inventory_action.triggered.connect(self.open_inventory)
        stock_menu.addAction(inventory_action)
        bought_over_action = QAction(self.tr("&Bought over from another region…"), self)
        bought_over_action.setObjectName("bought_over_action")
        bought_over_action.triggered.connect(self.open_bought_over)
        stock_menu.addAction(bought_over_action)
        self._setup_activities_menu()
        self._setup_returns_menu()
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        for index, name in enumerate(
            (self.tr("Patient"), self.tr("Order"), self.tr("Stock"), self.tr("Individual"))
        ):
            action = QAction(name, self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.show_tab(i))
            view_menu.addAction(action)
        view_menu.addSeparator()
        recent_scans = QAction(self.tr("&Recent scans…"), self)
        recent_scans.triggered.connect(self.open_recent_scans)
        view_menu.addAction(recent_scans)
        camera = QAction(self.tr("&Camera…"), self)
        camera.setShortcut(QKeySequence("F9"))
        # F9 also in a dialog that waits for a scan (the inventory, the pause of a charger invoice).
        camera.setShortcutContext(Qt.ShortcutContext.ApplicationShortcut)
        camera.triggered.connect(self.open_camera)
        view_menu.addAction(camera)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About Hearing Desk"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def _setup_activities_menu(self) -> None:
        """Activities (R23–R27): the search; a new activity starts from the patient record."""
        menu = self.menuBar().addMenu(self.tr("&Activities"))
        search = QAction(self.tr("&Search activities…"), self)
        search.setObjectName("search_activities")
        search.triggered.connect(self.open_activity_search)
        menu.addAction(search)

    def _connect_signals(self) -> None:
        self.runner.sig_error.connect(lambda sentence: self.statusBar().showMessage(sentence, 10000))
        self.patient_tab.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.order_tab.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.stock_tab.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.patient_tab.sig_new_order.connect(self.new_order_for)
        self.individual_tab.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.individual_tab.sig_open_patient.connect(self.open_patient)
        self.status_sync.clicked.connect(self.open_sync_view)
        router = self.scan_router
        self.scanner.sig_scanned.connect(router.deliver)
        router.sig_status.connect(self.statusBar().showMessage)
        router.sig_open_individual.connect(self.show_individual)
        router.sig_open_patient.connect(self.open_patient)
        router.sig_open_document.connect(self.order_tab.show_document)
        router.sig_open_document.connect(lambda _document: self.tabs.setCurrentWidget(self.order_tab))
        router.sig_show_article.connect(self.show_article)
        # Activities (R23–R27): the record's "New activity…", a scanned activity number.
        self.patient_tab.record_view.sig_new_activity.connect(self.new_activity_for)
        self.patient_tab.record_view.sig_open_activity.connect(self.open_activity)
        router.sig_open_activity.connect(self.open_activity)

    # -- start-up ----------------------------------------------------------------------------------

    def start(self) -> None:
        """Build what is not built yet and open the database in the background, once the window is painted."""
        if self.built:
            QTimer.singleShot(0, self._open_workstation)
            return
        self._first_paint = _FirstPaint(self._open_workstation, self)
        self.tabs.installEventFilter(self._first_paint)
        QTimer.singleShot(1000, self._first_paint.fire)  # a window that is never painted starts all the same

    def _open_workstation(self) -> None:
        from ui.operations import start as start_ops

        self._build()
        self.statusBar().showMessage(self.tr("Opening the database…"))
        start_ops.open_database(
            self.runner,
            data_dir=self.data_dir,
            first_start=self.first_start,
            join=self.join,
            on_success=self._workstation_opened,
            on_error=self._workstation_failed,
        )

    def new_order_for(self, patient_id: uuid.UUID) -> None:
        """ "New order for this patient" on the patient record: the Order tab's cart for them."""
        self.tabs.setCurrentWidget(self.order_tab)
        self.order_tab.new_order_for(patient_id)

    def open_patient(self, patient_id: uuid.UUID) -> None:
        """ "Open the patient" on an individual's record: the Patient tab opens the record as its own search
        does, the opening logged."""
        self.tabs.setCurrentWidget(self.patient_tab)
        self.patient_tab.open_patient(patient_id)

    def show_individual(self, record: IndividualRecord) -> None:
        """A scanned individual: the Individual tab with its record open."""
        self.individual_tab.show_individual(record)
        self.tabs.setCurrentWidget(self.individual_tab)

    def show_article(self, article_id: uuid.UUID) -> None:
        """A scanned article: the Stock tab showing it and its ledger."""
        self.tabs.setCurrentWidget(self.stock_tab)
        self.stock_tab.show_article(article_id)

    def _workstation_opened(self, workstation: Workstation) -> None:
        from ui.documents import set_documents_dir

        self.workstation = workstation
        set_documents_dir(self.data_dir)
        self.runner.database = workstation.database
        self._start_sync(workstation)
        self.runner.sig_changes.connect(self._changes_while_empty)
        self._after_open(workstation)

    def _after_open(self, workstation: Workstation) -> None:
        """The database is open (and a first start done, if there was one): the first start is asked on a
        new workstation, a workstation without anyone to sign in says what to do, else the sign-in."""
        from app.first_start import ALREADY_SET_UP

        self.workstation = workstation
        self.show_title(demo=workstation.demo)
        if workstation.needs_first_start:
            self.ask_first_start()
            return
        if workstation.demo_data_created:
            self.statusBar().showMessage(self.tr("First start: demo data was created."), 8000)
        elif self.first_start_on_command_line and workstation.set_up_now is None:
            log.info("--first-start on a workstation already set up: nothing changed")
            self.statusBar().showMessage(QCoreApplication.translate("app", ALREADY_SET_UP), 15000)
        else:
            self.statusBar().clearMessage()
        if not self._signable_users():
            self._show_empty()
            return
        self.empty_notice.hide()
        self.tabs.show()
        if self.ask_who:
            self.choose_who()
        else:
            self._use_remembered_or_first()

    def _signable_users(self) -> bool:
        """Whether anyone can sign in: a user with a service location."""
        users = self.workstation.users if self.workstation is not None else ()
        return any(user.locations for user in users)

    # -- first start -------------------------------------------------------------------------------

    def ask_first_start(self) -> None:
        """A new workstation: demo data, join the clinic's server, or empty (``ui.start.first_start``)."""
        from ui.start.first_start import FirstStartDialog

        self.status_user.setText(self.tr("Not signed in"))
        dialog = FirstStartDialog(self._join_from_dialog, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.first_start_dialog = dialog

        def chosen() -> None:
            if dialog.choice() != "join":  # a join was done by the dialog itself, before it closed
                self._finish_first_start(dialog.choice())

        def quit_() -> None:
            if self.context is None:
                self.close()

        dialog.accepted.connect(chosen)
        dialog.rejected.connect(quit_)
        dialog.open()

    def _finish_first_start(self, choice: str) -> None:
        from app.first_start import FirstStart
        from app.startup import finish_first_start

        assert self.workstation is not None
        database, data_dir = self.workstation.database, self.data_dir
        if choice == FirstStart.DEMO:
            self.statusBar().showMessage(self.tr("Creating demo data…"))
        self.runner.run(
            lambda: finish_first_start(database, data_dir, FirstStart(choice)),
            self._first_start_done,
            self._workstation_failed,
        )

    def _join_from_dialog(
        self, url: str, name: str, token: str, on_done: Callable[[], None], on_error: Callable[[str], None]
    ) -> None:
        """The first-start dialog's join: the first sync fills the database; the dialog closes when done."""
        from app.first_start import FirstStart, JoinDetails
        from app.startup import finish_first_start

        assert self.workstation is not None
        database, data_dir = self.workstation.database, self.data_dir

        def joined(workstation: Workstation) -> None:
            on_done()
            self._first_start_done(workstation)

        self.runner.run(
            lambda: finish_first_start(database, data_dir, FirstStart.JOIN, JoinDetails(url, name, token)),
            joined,
            on_error,
        )

    def _first_start_done(self, workstation: Workstation) -> None:
        if self.sync is not None and workstation.set_up_now == "join":
            self.sync.start(workstation.database, self.data_dir)  # the settings the join stored
        self._after_open(workstation)

    def _show_empty(self) -> None:
        """No one to sign in yet: say what to do. The first sync of a joined server brings the users, and
        the sign-in follows (``_changes_while_empty``)."""
        self.status_user.setText(self.tr("Not signed in"))
        self.empty_notice.setText(
            self.tr(
                "This workstation holds no data yet. Join the clinic's server under File → Sync settings "
                "with the address, workstation name and token the administrator gave you; its first sync "
                "fills the workstation, and then you sign in."
            )
        )
        self.empty_notice.show()
        self.tabs.hide()  # nothing to search or show yet: the sentence is the page
        self.sig_waiting_for_data.emit()

    def _changes_while_empty(self, changes: Changes) -> None:
        """Users came down with a sync while nobody could sign in: read them again and sign in."""
        if not changes.settings or self.context is not None or not self.empty_notice.isVisible():
            return
        from app.startup import read_workstation

        assert self.workstation is not None
        database, data_dir = self.workstation.database, self.data_dir

        def loaded(workstation: Workstation) -> None:
            if self.context is None and self.empty_notice.isVisible():
                self._after_open(workstation)

        self.runner.run(lambda: read_workstation(database, data_dir), loaded, None)

    def _workstation_failed(self, sentence: str) -> None:
        self.status_user.setText(self.tr("Not started"))
        self.statusBar().showMessage(sentence)
        self.sig_start_failed.emit(sentence)
        MessageBoxes.critical(self, self.tr("Hearing Desk cannot start"), sentence)
        if self.context is None:  # nothing can be done in a window that never started: it closes
            self.close()

    def _use_remembered_or_first(self) -> None:
        assert self.workstation is not None
        remembered = self.workstation.remembered
        users = self.workstation.users
        user = next((u for u in users if u.username == remembered.username), users[0] if users else None)
        if user is None or not user.locations:
            self._workstation_failed(self.tr("There is no user with a service location in the database."))
            return
        codes = [loc.code for loc in user.locations]
        code = (
            remembered.service_location_code
            if remembered.service_location_code in codes
            else (user.default_location_code or codes[0])
        )
        self.sign_in(user.username, code)

    def choose_who(self) -> None:
        if self.workstation is None or self.workstation.needs_first_start:
            return
        if not self._signable_users():
            self._show_empty()
            return
        remembered = self.workstation.remembered
        if self.context is not None:
            remembered = Remembered(self.context.username, self.context.service_location_code)
        from ui.start.dialog import StartDialog

        dialog = StartDialog(self.workstation.users, remembered, self, switching=self.context is not None)
        dialog.setObjectName("start_dialog")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.sign_in(dialog.selected_username(), dialog.selected_location_code())
        elif self.context is None:
            self.close()

    def sign_in(self, username: str, service_location_code: str) -> None:
        from ui.operations import start as start_ops

        data_dir = self.data_dir

        def chosen(context: WorkContext) -> None:
            self.context = context
            save_remembered(data_dir, Remembered(context.username, context.service_location_code))
            self.status_user.setText(self.tr("User: {name}").format(name=context.user_name))
            self.status_location.setText(
                self.tr("Service location: {name}").format(name=context.service_location_name)
            )
            self.patient_tab.set_context(context)
            self.order_tab.set_context(context)
            self.order_tab.setEnabled(True)
            self.stock_tab.set_context(context)
            self.stock_tab.setEnabled(True)
            self.individual_tab.set_context(context)
            self.patient_tab.focus_search()
            self.sig_ready.emit(context)

        start_ops.sign_in(
            self.runner,
            username=username,
            service_location_code=service_location_code,
            on_success=chosen,
            on_error=self._workstation_failed,
        )

    # -- actions -----------------------------------------------------------------------------------

    def show_tab(self, index: int) -> None:
        if not self.built:
            return
        self.tabs.setCurrentIndex(index)
        if index == 0:
            self.patient_tab.focus_search()
        elif index == 2:
            self.stock_tab.focus_search()
        elif index == 3:
            self.individual_tab.focus_search()

    def _about(self) -> None:
        MessageBoxes.inform(
            self,
            self.tr("About Hearing Desk"),
            self.tr(
                "Hearing Desk {version}: patients, orders, stock and hearing aids at the reception desk."
            ).format(version=__version__),
        )

    def number_allocator(self) -> NumberAllocator:
        """Numbers for a send (called on a worker thread): held blocks only once sync is set up."""
        from app.numbers import HeldBlocksOnly, NumberAllocator

        if self.sync is not None and self.sync.configured:
            return NumberAllocator(HeldBlocksOnly())
        return NumberAllocator()

    def _start_sync(self, workstation: Workstation) -> None:
        from ui.sync.controller import SyncController

        self.sync = SyncController(self.runner, self)
        self.sync.sig_state.connect(self.status_sync.show_state)
        self.sync.sig_message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.sync.start(workstation.database, self.data_dir)

    def sync_now(self) -> None:
        if self.sync is not None:
            self.sync.sync_now()

    def open_inventory(self) -> None:
        """The yearly inventory of the own stock (R39), until the Stock tab holds its page."""
        if not self.built or self.context is None:
            return
        from ui.inventory import InventoryDialog

        self.inventory_dialog = InventoryDialog(self.runner, self.context, self)
        self.inventory_dialog.show()

    # -- activities (R23–R27) ----------------------------------------------------------------------

    def open_activity_search(self) -> None:
        """Activities → Search activities…: by number, or by service location and period."""
        if not self.built or self.context is None:
            return
        from ui.activities.search import ActivitySearchDialog

        dialog = ActivitySearchDialog(self.runner, self.context, self)
        dialog.sig_open.connect(self.open_activity)
        self.activity_search = dialog
        dialog.show()

    def open_activity(self, activity_id: uuid.UUID) -> None:
        """One activity's detail (from the search, a scan of its number, or just created)."""
        if not self.built or self.context is None:
            return
        from ui.activities.detail import ActivityDetailDialog

        dialog = ActivityDetailDialog(self.runner, self.context, activity_id, self)
        dialog.sig_status.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.activity_detail = dialog
        dialog.show()

    def new_activity_for(self, patient_id: uuid.UUID) -> None:
        """ "New activity…" on the patient record: the wizard, once what it needs is loaded."""
        if self.context is None:
            return
        from ui.activities.wizard import ActivityWizard
        from ui.operations import activities as activity_ops

        context = self.context

        def loaded(start: ActivityStart) -> None:
            wizard = ActivityWizard(self.runner, context, start, self.number_allocator, self)
            wizard.sig_created.connect(self._activity_created)
            self.activity_wizard = wizard
            wizard.show()

        activity_ops.activity_start(
            self.runner,
            context=context,
            patient_id=patient_id,
            on_success=loaded,
            on_error=lambda sentence: MessageBoxes.warn(self, self.tr("New activity"), sentence),
        )

    def _activity_created(self, created: ActivityCreated) -> None:
        self.statusBar().showMessage(
            self.tr("Activity {number} created.").format(number=created.number), 8000
        )
        self.open_activity(created.id)

    def open_recent_scans(self) -> None:
        """The recent scans: what the scanner or camera sent and what became of it."""
        if not self.built:
            return
        from ui.scanning.recent import RecentScansDialog

        dialog = RecentScansDialog(self.scan_router.recent, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.recent_scans_dialog = dialog
        dialog.show()

    def open_camera(self) -> None:
        """The camera view, for the field or dialog that has the focus: a code the camera reads goes where a
        scanner's burst would have gone (the waiting field takes it, else the router shows what it names).
        Opened over the window in front, so a modal dialog that waits for a scan does not block it."""
        if not self.built:
            return
        from ui.scanning.camera import SETTINGS_FILE, open_camera_view

        front = QApplication.activeModalWidget() or QApplication.activeWindow() or self
        previous = getattr(self, "camera_view", None)
        # A view closed before has deleted itself (WA_DeleteOnClose): only a live, shown one is raised.
        if previous is not None and shiboken6.isValid(previous) and previous.isVisible():
            previous.raise_()
            previous.activateWindow()
            return
        self.camera_view = open_camera_view(
            front,
            self.scan_router,
            target=front.focusWidget(),
            settings_path=self.data_dir / SETTINGS_FILE,
            **({"source_for": self.camera_source_for} if self.camera_source_for else {}),
        )

    def open_sync_settings(self) -> None:
        """The sync settings dialog; it stays open until what was typed is stored (or the clerk cancels)."""
        from app.sync.settings import SyncSettings, load_settings
        from ui.sync.settings_dialog import SyncSettingsDialog

        sync, workstation = self.sync, self.workstation
        if workstation is None or sync is None:
            return

        def save(
            url: str, name: str, token: str, on_saved: Callable[[], None], on_error: Callable[[str], None]
        ) -> None:
            sync.configure(
                server_url=url, workstation_name=name, token=token, on_saved=on_saved, on_error=on_error
            )

        def show(stored: SyncSettings | None) -> None:
            dialog = SyncSettingsDialog(
                save,
                server_url=stored.server_url if stored else "",
                workstation_name=stored.workstation_name if stored else "",
                parent=self,
                demo=workstation.demo,
            )
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()

        database = workstation.database
        self.runner.run(lambda: load_settings(database), show, None)

    def open_scanner_settings(self) -> None:
        """The handheld scanner's thresholds, with a field to test the scanner; saving applies them at once."""
        from ui.scanning.scanner_settings import ScannerSettingsDialog

        if not self.built:
            return
        previous = getattr(self, "scanner_settings_dialog", None)
        if previous is not None:
            previous.deleteLater()
        self.scanner_settings_dialog = ScannerSettingsDialog(self.scanner, self.data_dir, self)
        self.scanner_settings_dialog.open()

    def open_sync_view(self) -> None:
        """The status bar's sync state was clicked: the conflicts view, or the settings while not set up."""
        from ui.sync.conflicts import ConflictsDialog

        if self.sync is None:
            return
        if not self.sync.configured:
            self.open_sync_settings()
            return
        dialog = ConflictsDialog(self.sync, self)
        dialog.exec()

    # -- returns (R9, R28-R32) ---------------------------------------------------------------------

    def _setup_returns_menu(self) -> None:
        menu = self.menuBar().addMenu(self.tr("&Returns"))
        new_return = QAction(self.tr("&New return…"), self)
        new_return.triggered.connect(self.new_return)
        menu.addAction(new_return)
        search = QAction(self.tr("&Search returns…"), self)
        search.triggered.connect(lambda: self.open_return_search())
        menu.addAction(search)

    def _connect_returns(self) -> None:
        self.patient_tab.record_view.sig_return_aids.connect(self._return_patient_aids)
        self.patient_tab.record_view.sig_return_deceased.connect(self._return_deceased_aids)
        self.individual_tab.record_view.sig_return.connect(self._return_individual)
        self.scan_router.sig_open_return.connect(lambda found: self.open_return_search(found))

    def start_return(self, whose: Whose, preselect: Preselect | None = None) -> None:
        """The return wizard for a patient's aids or one individual (the answers of a draft offered back)."""
        if not self.built or self.context is None:
            return
        from ui.returns.wizard import ReturnWizard

        previous = getattr(self, "return_wizard", None)
        if previous is not None and shiboken6.isValid(previous) and previous.isVisible():
            previous.raise_()
            previous.activateWindow()
            return
        wizard = ReturnWizard(
            self.runner, self.context, self.number_allocator, whose, preselect=preselect, parent=self
        )
        wizard.sig_registered.connect(
            lambda done: self.statusBar().showMessage(
                self.tr("Return {number} registered; its document is being saved.").format(
                    number=done.number
                ),
                8000,
            )
        )
        wizard.sig_status.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.return_wizard = wizard
        wizard.open()

    def _return_patient_aids(self, rows: tuple[AidHeld, ...]) -> None:
        from ui.operations.returns import Whose
        from ui.returns.wizard import Preselect

        record = self.patient_tab.current_record()
        if record is None:
            return
        preselect = Preselect(
            every=not rows,
            individual_numbers=frozenset(r.individual_number for r in rows if r.individual_number),
            lines=frozenset((r.article_number, r.delivered_on) for r in rows if not r.individual_number),
        )
        self.start_return(Whose(patient_id=record.id), preselect)

    def _return_deceased_aids(self) -> None:
        """R9: every aid of a deceased patient, the reason preset."""
        from db.models.enums import PickupReason
        from ui.operations.returns import Whose
        from ui.returns.wizard import Preselect

        record = self.patient_tab.current_record()
        if record is not None:
            self.start_return(
                Whose(patient_id=record.id), Preselect(every=True, reason=PickupReason.PATIENT_DECEASED)
            )

    def _return_individual(self) -> None:
        from ui.operations.returns import Whose
        from ui.returns.wizard import Preselect

        record = self.individual_tab.current_record()
        if record is not None:
            self.start_return(
                Whose(individual_id=record.id),
                Preselect(individual_numbers=frozenset({record.individual_number})),
            )

    def new_return(self) -> None:
        """Returns → New return…: asks for the patient or the individual, then the wizard."""
        if not self.built or self.context is None:
            return
        from ui.returns.start import NewReturnDialog
        from ui.returns.wizard import Preselect

        dialog = NewReturnDialog(self.runner, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.new_return_dialog = dialog

        def chosen() -> None:
            if dialog.whose is None:
                return
            every = Preselect(every=True) if dialog.whose.individual_id is not None else None
            self.start_return(dialog.whose, every)

        dialog.accepted.connect(chosen)
        dialog.open()

    def open_return_search(self, found: FoundDocument | None = None) -> None:
        """Returns → Search returns…; a scanned pickup or return number opens its detail there."""
        if not self.built or self.context is None:
            return
        from ui.returns.search import ReturnSearchDialog

        dialog = getattr(self, "return_search", None)
        if dialog is not None and shiboken6.isValid(dialog) and dialog.context != self.context:
            dialog.close()  # made for another user or service location
            dialog.deleteLater()
            dialog = None
        if dialog is None or not shiboken6.isValid(dialog):
            dialog = ReturnSearchDialog(self.runner, self.context, self)
            self.return_search = dialog
        if dialog.isVisible():
            dialog.raise_()
            dialog.activateWindow()
        else:
            dialog.show()
        if found is not None:
            dialog.show_found(found)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.built:
            self.scanner.uninstall()
        if self.sync is not None:
            self.sync.stop()
        if self.built:
            self.runner.wait_for_done(10000)
        if self.workstation is not None:
            self.workstation.database.dispose()
        super().closeEvent(event)
