"""The Individual tab: find a device by its numbers, open it, renumber it, set its SIP number."""
