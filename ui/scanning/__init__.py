"""Scanning in the window: the keyboard-wedge recogniser, scan targets, the router, the camera view."""
