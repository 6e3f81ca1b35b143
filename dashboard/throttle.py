"""The login throttle: slows password guessing without letting anyone lock a real user out.

Failures are kept in the store (store.throttle), so every gunicorn worker counts the same ones.
They are counted per (user name, client address) and per client address:
- MAX_FAILURES wrong passwords for one name from one address within WINDOW lock that name out
  *from that address* until the oldest of them is WINDOW old;
- ADDRESS_BUDGET wrong passwords from one address (any names) within WINDOW lock that address out.
A guesser elsewhere therefore never locks out the editor at their own desk.
"""

from __future__ import annotations

import datetime as dt
import math

MAX_FAILURES = 5                          # wrong passwords for one name from one address ...
ADDRESS_BUDGET = 30                       # ... or for any names from one address ...
WINDOW = dt.timedelta(minutes=15)         # ... within this window lock them out for the rest of it


def _now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


class LoginThrottle:
    """The throttle over `store` (None: no store, nothing to count; nobody can log in anyway)."""

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
