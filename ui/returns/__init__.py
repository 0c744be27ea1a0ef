"""The return wizard, the returns search and the new-return dialog (R9, R28–R32)."""
