"""Database layer: SQLAlchemy models, Alembic migrations and engine set-up.

Imports neither ``app`` nor ``ui``.
"""
