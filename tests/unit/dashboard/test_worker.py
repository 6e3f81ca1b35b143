"""dashboard/worker.py and dashboard/scale_out.py: with $REDIS_URL the background callbacks are Celery
tasks on it (Dash's CeleryManager, results kept as long as the disk cache kept them); without it the
worker command stops with one line saying why (exit code 2), never a traceback. The worker at work:
tests/integration/test_scale_out.py."""

from __future__ import annotations

import subprocess
import sys

from dash import CeleryManager, DiskcacheManager

from dashboard.jobs import EXPIRE_SECONDS, manager
from tests.gunicorn import ROOT


def test_with_redis_the_jobs_are_celery_tasks_on_it(redis_url):
    jobs = manager()
    assert isinstance(jobs, CeleryManager)
    assert jobs.handle.conf.broker_url == redis_url and jobs.handle.conf.result_expires == EXPIRE_SECONDS


def test_without_redis_they_stay_on_the_disk_cache():
    assert isinstance(manager(), DiskcacheManager)


def test_the_worker_without_redis_says_so_in_one_line():
    done = subprocess.run([sys.executable, "-m", "celery", "-A", "dashboard.worker", "worker"], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2, done.stderr[-2000:]
    assert "REDIS_URL belum diisi" in done.stderr and "Traceback" not in done.stderr
