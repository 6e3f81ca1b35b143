"""The login throttle's records: wrong passwords, kept in the store so that every gunicorn worker (and
every process) counts the same ones. Part of `store.database.Store` (a mixin over its `_read` /
`_write` transactions); the policy (window, limits) is the caller's (dashboard.throttle).
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa

from store.clock import aware, utc_now
from store.tables import login_failures

NAME_LENGTH = 64        # the longest user name (store.tables.users.name); longer typed names are cut


def _name_key(name: str) -> str:
    return (name or "").strip().lower()[:NAME_LENGTH]


class LoginFailures:
    """Store methods for the login throttle's record of wrong passwords."""

    def record_login_failure(self, name: str, address: str, keep: dt.timedelta,
                             now: dt.datetime | None = None) -> None:
        """Note a wrong password for `name` from `address`; records older than `keep` are deleted."""
        now = now or utc_now()
        with self._write(lock=False) as connection:
            connection.execute(login_failures.delete().where(login_failures.c.failed_at < now - keep))
            connection.execute(login_failures.insert().values(name=_name_key(name), address=address[:64],
                                                              failed_at=now))

    def login_failures(self, name: str, address: str, since: dt.datetime) -> tuple[list[dt.datetime], int]:
        """(when `name` failed from `address`, oldest first; how many failures `address` had for any
        name), counting only failures after `since`."""
        recent = sa.and_(login_failures.c.address == address[:64], login_failures.c.failed_at > since)
        with self._read() as connection:
            pair = connection.execute(sa.select(login_failures.c.failed_at).where(
                recent, login_failures.c.name == _name_key(name)).order_by(login_failures.c.failed_at)).scalars()
            pair = [aware(moment) for moment in pair]
            total = connection.scalar(sa.select(sa.func.count()).select_from(login_failures).where(recent))
        return pair, int(total or 0)

    def clear_login_failures(self, name: str, address: str) -> None:
        """Forget `name`'s failures from `address` (after a right password from there)."""
        with self._write(lock=False) as connection:
            connection.execute(login_failures.delete().where(
                login_failures.c.name == _name_key(name), login_failures.c.address == address[:64]))
