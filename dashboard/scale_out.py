"""Beyond one machine: $REDIS_URL switches the dashboard's shared state from the instance folder to Redis.

Unset (the embedded default), everything stays on this host: background jobs on a disk cache
(dashboard/jobs.py), views cached in `instance/view-cache`, upload staging in `instance/upload-staging`,
and the login throttle's record in the store. Set, every app host and every Celery worker meets in
the same Redis, through the engines' own clients only (redis-py, Celery):

- background callbacks (the report, the /data preview) are Celery tasks run by
  `celery -A dashboard.worker worker` (dashboard/worker.py), their progress and results in Redis;
- the view cache (dashboard/view_cache.py), the upload staged for the preview (dashboard/staging.py)
  and the login throttle's record (dashboard/throttle.py) live in Redis, under `KEY_PREFIX`;
- on PostgreSQL, a new data version is pushed to every app process (dashboard/notices.py).
"""

from __future__ import annotations

import functools

import settings

KEY_PREFIX = "dasbor:"


def redis_url() -> str | None:
    """$REDIS_URL, or None when the dashboard runs on one host."""
    return settings.get("REDIS_URL")


def enabled() -> bool:
    return redis_url() is not None


def client():
    """The process's Redis client for $REDIS_URL (a connection pool; redis-py renews it after a fork)."""
    return _client(redis_url())


@functools.cache
def _client(url: str):
    import redis

    return redis.Redis.from_url(url, socket_timeout=10, socket_connect_timeout=5, health_check_interval=30)


def celery_app(expire_seconds: int):
    """The Celery app on $REDIS_URL (broker and result backend): results nobody collected go after
    `expire_seconds`."""
    return _celery_app(redis_url(), expire_seconds)


@functools.cache
def _celery_app(url: str, expire_seconds: int):
    from celery import Celery

    app = Celery("dasbor", broker=url, backend=url)
    app.conf.update(
        result_expires=expire_seconds,
        task_serializer="json", result_serializer="json", accept_content=["json"],
        worker_prefetch_multiplier=1,             # a long report never waits behind another in one worker
        broker_connection_retry_on_startup=True,
        worker_hijack_root_logger=False,
    )
    return app
