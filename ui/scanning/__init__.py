"""Scanning in the window: the handheld scanner's recogniser and its settings, the scan targets and the router,
the recent scans, the camera view."""
