"""Hearing Desk: the domain of an audiology reception desk, free of any Qt widget."""

__version__ = "0.1.0"
