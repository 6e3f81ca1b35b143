"""GET /healthz: can this app host serve? For the load balancer and the operator; no login needed.

    200 {"status": "ok", "store": true, "data_version": "4f1c…-12", "redis": true}
    503 {"status": "unavailable", "store": false, "data_version": null, "redis": true}

`store` is one indexed read of the store (its data version); `redis` (only when $REDIS_URL is set)
is a PING with a one-second timeout. The answer is 503 only when the store cannot be read: without it
nothing can be shown and the balancer should send people to another host. Redis down is
"degraded" with 200: every host shares the one Redis, so taking them all out would serve nobody.
Nothing else is said — no counts, names, paths, versions of software or error messages (a
connection error may name hosts); the log line of a failure gives only the error's type.
"""

from __future__ import annotations

import functools
import logging

import flask

import logs
from dashboard.scale_out import redis_url as configured_redis_url

PATH = "/healthz"
TIMEOUT_SECONDS = 1.0
log = logging.getLogger("dasbor.health")


def _store_and_source():
    from dashboard.auth import USERS_KEY
    from dashboard.sources import CONFIG_KEY

    config = flask.current_app.config
    source = config.get(CONFIG_KEY)
    users = config.get(USERS_KEY)
    return getattr(source, "store", None) or getattr(users, "store", None), source


def store_state() -> tuple[bool, str | None]:
    """(the store answered, the data version shown): the store's version read now (not the one
    cached for up to half a second per process), or the files' for `serve --data`."""
    store, source = _store_and_source()
    try:
        version = store.data_version() if store is not None else None
        if getattr(source, "store", None) is None and hasattr(source, "version"):
            version = source.version()     # files read directly: their fingerprint
    except Exception as error:  # noqa: BLE001 - any failure to read means "unreachable"
        logs.event(log, "health.store_unreachable", logging.ERROR, error=type(error).__name__)
        return False, None
    return True, version


@functools.cache
def _redis(url: str):
    import redis

    return redis.Redis.from_url(url, socket_connect_timeout=TIMEOUT_SECONDS, socket_timeout=TIMEOUT_SECONDS)


def redis_reachable(url: str) -> bool:
    """Does the Redis at `url` answer PING within a second?"""
    try:
        return bool(_redis(url).ping())
    except Exception as error:  # noqa: BLE001 - refused, timed out, wrong password: all "unreachable"
        logs.event(log, "health.redis_unreachable", logging.ERROR, error=type(error).__name__)
        return False


def health():
    """The endpoint: 200 while the store answers, 503 when it does not (see the module's docstring)."""
    reachable, version = store_state()
    body = {"status": "ok", "store": reachable, "data_version": version}
    redis_url = configured_redis_url()
    if redis_url:
        body["redis"] = redis_reachable(redis_url)
        if not body["redis"]:
            body["status"] = "degraded"
    if not reachable:
        body["status"] = "unavailable"
    response = flask.jsonify(body)
    response.status_code = 200 if reachable else 503
    response.headers["Cache-Control"] = "no-store"
    return response


def register(server) -> None:
    """Add GET /healthz to the Flask app (dashboard.auth lets it through without a login)."""
    server.add_url_rule(PATH, "dasbor_health", health, methods=["GET"])
