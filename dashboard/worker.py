"""The Celery worker of the background jobs (the report, the /data preview) when $REDIS_URL is set:

    REDIS_URL=redis://cache:6379/0 DATABASE_URL=postgresql://dasbor@db/dasbor DASBOR_SECRET_KEY=... \\
        celery -A dashboard.worker worker --loglevel=INFO --concurrency=2

`app` (what `celery -A dashboard.worker` asks for; built then, never at import) is the Celery app on
$REDIS_URL once the dashboard's Dash app is built as an app host builds it: the same callbacks, so the
same task names (dashboard/jobs.py), from the same environment. A job asks the store and Redis as the
request that started it would (dashboard.jobs.job_request). A bad variable, or no $REDIS_URL (nothing
to work on), stops the worker with one line saying so, never a traceback.
"""

from __future__ import annotations

import functools
import sys


def __getattr__(name):
    if name == "app":
        return celery_app()
    raise AttributeError(name)


@functools.cache
def celery_app():
    """The dashboard built once in this process, then its jobs' Celery app."""
    import settings
    from dashboard import create_app
    from dashboard.jobs import EXPIRE_SECONDS
    from dashboard.scale_out import celery_app as jobs_app, enabled
    from i18n import t

    settings.exit_if_invalid()
    if not enabled():
        print(f"{t('worker.no_redis', 'id')} / {t('worker.no_redis', 'en')}", file=sys.stderr)
        sys.exit(settings.EXIT_INVALID)
    import logs

    logs.configure("info")   # the jobs' lines (job.report.*, job.preview.*, ingest) as the app hosts write them
    create_app()
    return jobs_app(EXPIRE_SECONDS)
