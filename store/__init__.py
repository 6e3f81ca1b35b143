"""The store: the system of record behind the dashboard (SQLAlchemy Core on SQLite or PostgreSQL).

database (the Store, made of the mixins: ingest · history · aliases · mappings · year_rules · accounts
(users, roles, password hashing) · sessions · throttle · workspace) · tables · engine (the URL, the
instance folder, the Alembic glue) · clock · identity · compare · duplicates · errors.
"""
