"""The workstation's sync client: settings, upload/download against the central service, leased numbers."""
