"""The store: the system of record behind the dashboard (SQLAlchemy Core on SQLite or PostgreSQL).

database (the Store: batches, history, rollback, aliases, users) · tables · engine (and the Alembic
glue) · errors · accounts (roles, password hashing).
"""
