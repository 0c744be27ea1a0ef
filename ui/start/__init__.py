"""Start of a working day: choose who is working and for which service location."""
