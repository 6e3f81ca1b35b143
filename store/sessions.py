"""Login sessions, kept in the store so that every gunicorn worker (and every process) sees the same
ones: a session ended by one worker is ended for all (the login throttle's records: store/throttle.py).
Part of `store.database.Store` (a mixin over its `_read` / `_write` transactions); the policy
(timeouts) is the caller's (dashboard.auth).

The browser holds a random token; the store keeps only its sha256, so a copy of the database does
not let anyone in. A session lives while it is used at least every `idle` and is never older than
`max_age`; logout ends it, and a password or role change ends every session of that user.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets

import sqlalchemy as sa

from store.clock import aware, utc_now
from store.tables import sessions, users

TOUCH_SECONDS = 60      # last_seen is written at most this often per session (reads stay reads)


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


class Sessions:
    """Store methods for login sessions."""

    def start_session(self, name: str, idle: dt.timedelta, max_age: dt.timedelta,
                      now: dt.datetime | None = None) -> str:
        """A new session of user `name`: the token for the browser. Sessions already past `idle` or
        `max_age` are deleted on the way."""
        now = now or utc_now()
        token = secrets.token_urlsafe(32)
        with self._write(lock=False) as connection:
            connection.execute(sessions.delete().where(
                sa.or_(sessions.c.last_seen < now - idle, sessions.c.created_at < now - max_age)))
            connection.execute(sessions.insert().values(id=_digest(token), user_name=name, created_at=now,
                                                        last_seen=now))
        return token

    def session_user(self, token: str | None, idle: dt.timedelta, max_age: dt.timedelta,
                     now: dt.datetime | None = None) -> dict | None:
        """{'name', 'role'} of the live session `token` (the role as the store says now); None when
        the token is unknown or ended, or the session was idle longer than `idle` or began more than
        `max_age` ago (it is then ended)."""
        if not token:
            return None
        now = now or utc_now()
        key = _digest(token)
        query = (sa.select(sessions.c.created_at, sessions.c.last_seen, users.c.name, users.c.role)
                 .select_from(sessions.join(users, users.c.name == sessions.c.user_name))
                 .where(sessions.c.id == key))
        with self._read() as connection:
            row = connection.execute(query).first()
        if row is None:
            return None
        seen = aware(row.last_seen)
        if now - seen > idle or now - aware(row.created_at) > max_age:
            self.end_session(token)
            return None
        if (now - seen).total_seconds() >= TOUCH_SECONDS:
            with self._write(lock=False) as connection:
                connection.execute(sessions.update().where(sessions.c.id == key).values(last_seen=now))
        return {"name": row.name, "role": row.role}

    def end_session(self, token: str | None) -> None:
        """End the session `token` (logout); nothing when it is unknown."""
        if token:
            with self._write(lock=False) as connection:
                connection.execute(sessions.delete().where(sessions.c.id == _digest(token)))

    def end_sessions_of(self, connection: sa.Connection, name: str) -> None:
        """End every session of user `name`, inside the caller's write transaction."""
        connection.execute(sessions.delete().where(sessions.c.user_name == name))
