"""Long work off the request: Dash background callbacks run by a DiskcacheManager whose cache (job
results, progress, the signing secret) lives on disk, so a job started through one gunicorn worker is
polled, cancelled and collected through any other. Used by the report download and the /data preview
and confirm. A job whose process is killed from outside (the OOM killer, a worker restart) is told
apart from one Dash stopped: its poll answers with an error the page turns into a message.
With $REDIS_URL (dashboard/scale_out.py) they are Celery tasks instead (Dash's CeleryManager): any
Celery worker (`celery -A dashboard.worker worker`) builds them, and any app host polls and collects them.

A job runs in a process forked from the worker that started it, outside any request; `job_request()`
rebuilds the request it came from (its session cookie) so that the same checks as everywhere else
(`dashboard.auth.editor_name`) answer there too.
"""

from __future__ import annotations

import functools
import os
from contextlib import contextmanager
from pathlib import Path

CACHE_ENV = "DASBOR_CACHE_DIR"
EXPIRE_SECONDS = 600   # a result nobody collected is dropped after ten minutes


def cache_folder() -> Path:
    """$DASBOR_CACHE_DIR, else `job-cache` in the instance folder (shared by every worker)."""
    from store.database import instance_dir

    return Path(os.environ.get(CACHE_ENV) or instance_dir() / "job-cache")


def manager():
    """The background-callback manager in force: Celery's on $REDIS_URL, else the disk cache's of
    the cache folder (one per folder and process)."""
    from dashboard.scale_out import redis_url

    if redis_url() is not None:
        return _celery_manager(redis_url())
    return _manager(str(cache_folder()))


@functools.cache
def _celery_manager(url: str):
    from dash import CeleryManager

    from dashboard.scale_out import celery_app

    return CeleryManager(celery_app(EXPIRE_SECONDS), expire=EXPIRE_SECONDS)


@functools.cache
def _manager(folder: str):
    import diskcache

    Path(folder).mkdir(mode=0o700, parents=True, exist_ok=True)   # results, and the secret signing job handles:
    Path(folder).chmod(0o700)                                     # its owner's only, wherever it is
    return _job_manager_class()(diskcache.Cache(folder), expire=EXPIRE_SECONDS)


@contextmanager
def job_request():
    """Inside a job: the Flask request it was started by (its path and session cookie), with the
    store's connections renewed (a forked process never shares its parent's; a Celery worker's
    pool process is forked from the worker)."""
    import dash

    from dashboard.auth import CALLBACK_PATH

    server = job_server()
    name = server.config["SESSION_COOKIE_NAME"]
    cookie = dash.ctx.cookies.get(name)
    headers = {"Cookie": f"{name}={cookie}"} if cookie else {}
    renew_connections(server)
    with server.test_request_context(CALLBACK_PATH, method="POST", headers=headers,
                                     environ_base={"REMOTE_ADDR": dash.ctx.remote or "127.0.0.1"}):
        yield


def job_server():
    """The Flask app whose request started this job: the process was forked while it handled that
    request, and the job runs in a copy of its context; else the process's Dash app (a Celery
    worker's, dashboard/worker.py; there is one per process but in the tests)."""
    import dash
    import flask

    return flask.current_app._get_current_object() if flask.has_app_context() else dash.get_app().server


def renew_connections(server) -> None:
    """Drop the store connections a forked process inherited from its parent (a job from its worker;
    a gunicorn worker from the master with --preload): it opens its own."""
    from dashboard.auth import USERS_KEY
    from dashboard.sources import CONFIG_KEY

    for key in (CONFIG_KEY, USERS_KEY):
        store = getattr(server.config.get(key), "store", None)
        if store is not None:
            store.engine.dispose(close=False)


# What a poll answers for a job whose process ended without an answer and was not stopped by Dash
# (a cancel, a newer job): it was killed from outside (the OOM killer, a worker restart).
JOB_DIED = "the job's process ended without an answer"
SETTLED = "dasbor-settled-{job}"   # a job answered, collected or stopped by Dash: not one that died


def job_failure(error: Exception) -> str:
    """An error Dash hands a background callback's `on_error`: "died" (its process was killed from
    outside, JobManager) or "failed" (the job raised; Dash's message carries the traceback)."""
    return "died" if JOB_DIED in str(error) else "failed"


def _job_manager_class():
    from dash import DiskcacheManager

    class JobManager(DiskcacheManager):
        """Dash's disk-cache manager, telling a job that died from one still running or stopped.

        Dash alone answers a poll of a dead job with no update: the bar vanishes, nothing is said.
        Here the poll gets an error instead (`on_error` turns it into a message), unless the job
        answered (another worker may have collected the answer a moment before) or Dash itself
        stopped it: both mark it settled first."""

        def terminate_job(self, job):
            if job is not None:
                self._settle(job)
            super().terminate_job(job)

        def get_result(self, key, job):
            if job is not None and key in self.handle:   # answered: settled before Dash clears the answer,
                self._settle(job)                        # so a poll arriving just after is not told "died"
            result = super().get_result(key, job)
            if result is not self.UNDEFINED or job is None or self.job_running(job) or self._settled(job):
                return result
            result = super().get_result(key, job)   # it may have answered and ended since the first look
            if result is not self.UNDEFINED or self._settled(job):
                return result
            self._settle(job)                       # said once
            return {"background_callback_error": {"msg": JOB_DIED, "tb": ""}}

        def _settle(self, job) -> None:
            self.handle.set(SETTLED.format(job=int(job)), True, expire=EXPIRE_SECONDS)

        def _settled(self, job) -> bool:
            return bool(self.handle.get(SETTLED.format(job=int(job))))

    return JobManager
