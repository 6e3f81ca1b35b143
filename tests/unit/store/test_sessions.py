"""Login sessions and the login throttle's records in the store, on SQLite and PostgreSQL: what one
process writes every other sees; timeouts, logout and password changes end sessions."""

from __future__ import annotations

import datetime as dt

import pytest

from dashboard.throttle import ADDRESS_BUDGET, MAX_FAILURES, WINDOW, LoginThrottle
from store.database import open_store

PASSWORD = "rahasia-panjang-1"
IDLE = dt.timedelta(minutes=30)
MAX_AGE = dt.timedelta(hours=8)
START = dt.datetime(2026, 3, 1, 8, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def accounts(store):
    store.add_user("budi", "editor", PASSWORD)
    store.add_user("sari", "viewer", PASSWORD)
    return store


def test_a_session_is_seen_by_another_process_and_ended_for_all(accounts, store_url):
    token = accounts.start_session("budi", IDLE, MAX_AGE)
    other = open_store(store_url, seed=False)   # another worker
    try:
        assert other.session_user(token, IDLE, MAX_AGE) == {"name": "budi", "role": "editor"}
        accounts.end_session(token)
        assert other.session_user(token, IDLE, MAX_AGE) is None
    finally:
        other.close()


def test_the_store_keeps_no_usable_token(accounts):
    import sqlalchemy as sa

    token = accounts.start_session("budi", IDLE, MAX_AGE)
    with accounts.engine.connect() as connection:
        stored = connection.execute(sa.text("SELECT id FROM sessions")).scalars().all()
    assert token not in stored and len(stored) == 1
    assert accounts.session_user(stored[0], IDLE, MAX_AGE) is None


@pytest.mark.parametrize("token", [None, "", "tidak-ada"])
def test_unknown_tokens_are_nobody(accounts, token):
    assert accounts.session_user(token, IDLE, MAX_AGE) is None


def test_idle_timeout_and_use_keeps_it_alive(accounts):
    token = accounts.start_session("sari", IDLE, MAX_AGE, now=START)
    for minutes in (20, 40, 60):          # used every 20 minutes: alive (each use moves the idle clock)
        assert accounts.session_user(token, IDLE, MAX_AGE, now=START + dt.timedelta(minutes=minutes))
    late = START + dt.timedelta(minutes=60) + IDLE + dt.timedelta(seconds=1)
    assert accounts.session_user(token, IDLE, MAX_AGE, now=late) is None
    assert accounts.session_user(token, IDLE, MAX_AGE, now=START + dt.timedelta(minutes=61)) is None  # ended


def test_absolute_lifetime_ends_a_busy_session(accounts):
    token = accounts.start_session("sari", IDLE, MAX_AGE, now=START)
    moment = START
    while moment < START + MAX_AGE - IDLE:
        moment += dt.timedelta(minutes=15)
        assert accounts.session_user(token, IDLE, MAX_AGE, now=moment) is not None
    assert accounts.session_user(token, IDLE, MAX_AGE, now=START + MAX_AGE + dt.timedelta(minutes=1)) is None


def test_password_or_role_change_ends_every_session_of_that_user_only(accounts):
    budi = [accounts.start_session("budi", IDLE, MAX_AGE) for _ in range(2)]
    sari = accounts.start_session("sari", IDLE, MAX_AGE)
    accounts.add_user("budi", "editor", PASSWORD + "-baru")
    assert all(accounts.session_user(token, IDLE, MAX_AGE) is None for token in budi)
    assert accounts.session_user(sari, IDLE, MAX_AGE) == {"name": "sari", "role": "viewer"}


def test_the_role_is_the_stores_now(accounts):
    token = accounts.start_session("sari", IDLE, MAX_AGE)
    with accounts._write() as connection:   # a role changed without ending sessions still counts at once
        from store.tables import users

        connection.execute(users.update().where(users.c.name == "sari").values(role="editor"))
    assert accounts.session_user(token, IDLE, MAX_AGE)["role"] == "editor"


def test_expired_sessions_are_deleted_when_a_new_one_starts(accounts):
    import sqlalchemy as sa

    accounts.start_session("sari", IDLE, MAX_AGE, now=START)
    accounts.start_session("budi", IDLE, MAX_AGE, now=START + IDLE + dt.timedelta(minutes=1))
    with accounts.engine.connect() as connection:
        assert connection.execute(sa.text("SELECT user_name FROM sessions")).scalars().all() == ["budi"]


class Clock:
    def __init__(self):
        self.now = START

    def __call__(self):
        return self.now


def test_throttle_locks_a_name_from_one_address_and_shares_it(accounts, store_url):
    clock = Clock()
    here = LoginThrottle(accounts, clock)
    for _ in range(MAX_FAILURES):
        assert here.locked_minutes("budi", "10.0.0.7") == 0
        here.failed("Budi ", "10.0.0.7")          # the name as typed: case and spaces do not count
    other = open_store(store_url, seed=False)
    try:
        elsewhere = LoginThrottle(other, clock)   # another worker sees the same failures
        assert elsewhere.locked_minutes("budi", "10.0.0.7") == WINDOW.seconds // 60
        assert elsewhere.locked_minutes("budi", "10.0.0.8") == 0     # the real user's own desk
        assert elsewhere.locked_minutes("sari", "10.0.0.7") == 0     # other names from there
    finally:
        other.close()
    clock.now += dt.timedelta(minutes=10)
    assert here.locked_minutes("budi", "10.0.0.7") == 5
    clock.now += dt.timedelta(minutes=5, seconds=1)
    assert here.locked_minutes("budi", "10.0.0.7") == 0


def test_throttle_budget_per_address_and_a_right_password_clears_the_pair(accounts):
    clock = Clock()
    throttle = LoginThrottle(accounts, clock)
    for number in range(ADDRESS_BUDGET):
        throttle.failed(f"nama{number}", "10.0.0.9")
    assert throttle.locked_minutes("budi", "10.0.0.9") > 0           # a sprayer over many names is stopped
    assert throttle.locked_minutes("budi", "10.0.0.10") == 0
    for _ in range(MAX_FAILURES - 1):
        throttle.failed("sari", "10.0.0.10")
    throttle.succeeded("sari", "10.0.0.10")
    assert accounts.login_failures("sari", "10.0.0.10", since=START - WINDOW) == ([], 0)


def test_throttle_records_are_bounded(accounts):
    clock = Clock()
    throttle = LoginThrottle(accounts, clock)
    throttle.failed("x" * 10_000, "10.0.0.11")   # a huge typed name is cut to a user name's length
    clock.now += WINDOW * 2
    throttle.failed("budi", "10.0.0.12")         # older records are deleted on the way
    assert accounts.login_failures("x" * 10_000, "10.0.0.11", since=START - WINDOW) == ([], 0)
