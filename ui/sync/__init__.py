"""Sync in the program: background rounds, the status bar, settings and the conflicts view."""
