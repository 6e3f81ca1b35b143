"""The login throttle: slows password guessing without letting anyone lock a real user out.

Failures are kept in the store (store.throttle), so every gunicorn worker counts the same ones.
They are counted per (user name, client address) and per client address:
- MAX_FAILURES wrong passwords for one name from one address within WINDOW lock that name out
  *from that address* until the oldest of them is WINDOW old;
- ADDRESS_BUDGET wrong passwords from one address (any names) within WINDOW lock that address out.
A guesser elsewhere therefore never locks out the editor at their own desk.

With $REDIS_URL (dashboard/scale_out.py) the failures are kept in Redis instead (`RedisLoginRecord`,
the store's three methods over sorted sets that expire with the window), shared by every app host.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import uuid

MAX_FAILURES = 5                          # wrong passwords for one name from one address ...
ADDRESS_BUDGET = 30                       # ... or for any names from one address ...
WINDOW = dt.timedelta(minutes=15)         # ... within this window lock them out for the rest of it


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


NAME_LENGTH = 64     # as the store keeps a name (store.tables.users.name): longer typed names are cut
ADDRESS_LENGTH = 64


def login_record(store):
    """Where the failures are kept: Redis with $REDIS_URL, else `store` (None: nowhere)."""
    from dashboard.scale_out import client, enabled

    if store is not None and enabled():
        return RedisLoginRecord(client())
    return store


class RedisLoginRecord:
    """The store's record of wrong passwords (login_failures, record_login_failure,
    clear_login_failures) in Redis: one sorted set per (name, address) and one per address, scored by
    the failure's time; a failure is one member of both, so clearing a pair also frees its address's budget."""

    def __init__(self, client):
        from dashboard.scale_out import KEY_PREFIX

        self.client, self.prefix = client, KEY_PREFIX + "login:"

    def _keys(self, name: str, address: str) -> tuple[str, str]:
        name, address = (name or "").strip().lower()[:NAME_LENGTH], address[:ADDRESS_LENGTH]
        return (self.prefix + "pair:" + json.dumps([name, address]), self.prefix + "address:" + json.dumps(address))

    def record_login_failure(self, name: str, address: str, keep: dt.timedelta, now: dt.datetime | None = None) -> None:
        """Note a wrong password for `name` from `address`; failures older than `keep` are dropped."""
        moment = (now or _now()).timestamp()
        member = f"{moment:.6f}-{uuid.uuid4().hex}"
        seconds = math.ceil(keep.total_seconds())
        with self.client.pipeline() as pipe:
            for key in self._keys(name, address):
                pipe.zadd(key, {member: moment})
                pipe.zremrangebyscore(key, "-inf", moment - keep.total_seconds())
                pipe.expire(key, seconds)
            pipe.execute()

    def login_failures(self, name: str, address: str, since: dt.datetime) -> tuple[list[dt.datetime], int]:
        """(when `name` failed from `address` after `since`, oldest first; how many failures `address` had
        after `since` for any name)."""
        pair, by_address = self._keys(name, address)
        with self.client.pipeline() as pipe:
            pipe.zrangebyscore(pair, f"({since.timestamp()}", "+inf", withscores=True)
            pipe.zcount(by_address, f"({since.timestamp()}", "+inf")
            failures, total = pipe.execute()
        return [dt.datetime.fromtimestamp(score, dt.timezone.utc) for _, score in failures], int(total)

    def clear_login_failures(self, name: str, address: str) -> None:
        """Forget `name`'s failures from `address` (after a right password from there)."""
        pair, by_address = self._keys(name, address)
        members = self.client.zrange(pair, 0, -1)
        with self.client.pipeline() as pipe:
            if members:
                pipe.zrem(by_address, *members)
            pipe.delete(pair)
            pipe.execute()


class LoginThrottle:
    """The throttle over `store` (the store, a RedisLoginRecord, or None: no store, nothing to count;
    nobody can log in anyway)."""

    def __init__(self, store, clock=_now):
        self.store = store
        self._clock = clock

    def locked_minutes(self, name: str, address: str) -> int:
        """0 when `name` may try from `address`, else the whole minutes until they may."""
        if self.store is None:
            return 0
        now = self._clock()
        pair, total = self.store.login_failures(name, address, since=now - WINDOW)
        ends = []
        if len(pair) >= MAX_FAILURES:
            ends.append(pair[-MAX_FAILURES] + WINDOW)
        if total >= ADDRESS_BUDGET:
            ends.append(now + WINDOW)  # the budget frees up as failures age; say the longest wait
        if not ends:
            return 0
        return max(1, math.ceil((max(ends) - now).total_seconds() / 60))

    def failed(self, name: str, address: str) -> None:
        if self.store is not None:
            self.store.record_login_failure(name, address, keep=WINDOW, now=self._clock())

    def succeeded(self, name: str, address: str) -> None:
        if self.store is not None:
            self.store.clear_login_failures(name, address)
