"""gunicorn's own settings file, read when `gunicorn app:server` starts in the project folder."""


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
