"""Scanning in the window: the handheld scanner's recogniser and its settings dialog."""
