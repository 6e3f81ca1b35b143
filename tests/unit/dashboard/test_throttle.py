"""dashboard/throttle.py with $REDIS_URL: the login throttle's record in Redis (RedisLoginRecord) keeps
the same policy as the store's (tests/unit/store/test_sessions.py): a name locked out from one address
for every app host, the real user's desk and other names free, an address budget, a right password
clearing the pair (and its share of the address's budget), and failures ageing out of the window."""

from __future__ import annotations

import datetime as dt

import redis

from dashboard.throttle import ADDRESS_BUDGET, MAX_FAILURES, WINDOW, LoginThrottle, RedisLoginRecord, login_record

START = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.timezone.utc)


class Clock:
    def __init__(self):
        self.now = START

    def __call__(self):
        return self.now


def record(url: str) -> RedisLoginRecord:
    return RedisLoginRecord(redis.Redis.from_url(url))


def test_with_redis_the_failures_are_kept_in_redis_not_the_store(redis_url, store):
    assert isinstance(login_record(store), RedisLoginRecord)
    LoginThrottle(login_record(store)).failed("budi", "10.0.0.7")
    assert store.login_failures("budi", "10.0.0.7", since=START - WINDOW) == ([], 0)
    assert redis.Redis.from_url(redis_url).keys("dasbor:login:*")


def test_without_redis_the_store_keeps_them(store):
    assert login_record(store) is store


def test_a_name_is_locked_from_one_address_for_every_host(redis_url):
    clock = Clock()
    here = LoginThrottle(record(redis_url), clock)
    for _ in range(MAX_FAILURES):
        assert here.locked_minutes("budi", "10.0.0.7") == 0
        here.failed("Budi ", "10.0.0.7")            # the name as typed: case and spaces do not count
    elsewhere = LoginThrottle(record(redis_url), clock)   # another app host: its own client, the same Redis
    assert elsewhere.locked_minutes("budi", "10.0.0.7") == WINDOW.seconds // 60
    assert elsewhere.locked_minutes("budi", "10.0.0.8") == 0     # the real user's own desk
    assert elsewhere.locked_minutes("sari", "10.0.0.7") == 0     # other names from there
    clock.now += dt.timedelta(minutes=10)
    assert here.locked_minutes("budi", "10.0.0.7") == 5
    clock.now += dt.timedelta(minutes=5, seconds=1)
    assert here.locked_minutes("budi", "10.0.0.7") == 0


def test_the_budget_per_address_and_a_right_password_clears_the_pair(redis_url):
    clock = Clock()
    throttle = LoginThrottle(record(redis_url), clock)
    for number in range(ADDRESS_BUDGET - 1):
        throttle.failed(f"nama{number}", "10.0.0.9")
    throttle.failed("sari", "10.0.0.9")
    assert throttle.locked_minutes("budi", "10.0.0.9") > 0           # a sprayer over many names is stopped
    assert throttle.locked_minutes("budi", "10.0.0.10") == 0
    throttle.succeeded("sari", "10.0.0.9")                           # sari's one failure no longer counts
    assert throttle.locked_minutes("budi", "10.0.0.9") == 0
    assert record(redis_url).login_failures("sari", "10.0.0.9", since=START - WINDOW) == ([], ADDRESS_BUDGET - 1)
