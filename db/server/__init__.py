"""The central sync service: FastAPI + uvicorn in front of PostgreSQL (SQLite as its embedded default)."""
