"""gunicorn's own settings file, read when `gunicorn app:server` starts in the project folder."""

from gunicorn.glogging import Logger


class DasborLogger(Logger):
    """gunicorn's own lines (its master and workers starting, timeouts) in $DASBOR_LOG_FORMAT, like the
    app's (logs.py); its access log stays off: the app writes one line per request itself."""

    def setup(self, cfg):
        super().setup(cfg)
        import logs
        import settings

        try:
            chosen = logs.formatter()
        except settings.SettingError:
            return   # a bad variable: on_starting stops gunicorn with its message
        for handler in self.error_log.handlers:
            handler.setFormatter(chosen)


logger_class = DasborLogger


def on_starting(server):
    """Before any worker starts: a bad environment variable stops gunicorn with one line naming it,
    its value and what is allowed (both languages; exit code 2), never a traceback."""
    import settings

    settings.exit_if_invalid()


def post_fork(server, worker):
    """With --preload the app, and its store's connections, were made in the master before the
    workers were forked: each worker opens its own instead of sharing them."""
    app = getattr(server.app, "callable", None)
    if app is not None:
        from dashboard.jobs import renew_connections

        renew_connections(app)
