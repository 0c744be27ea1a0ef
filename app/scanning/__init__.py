"""Scanning: what a scanned code is, what it names, and how a handheld scanner is recognised."""
