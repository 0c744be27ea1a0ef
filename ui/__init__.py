"""The PySide6 user interface: main window, tabs, dialogs, item models. Never opens a database session."""
