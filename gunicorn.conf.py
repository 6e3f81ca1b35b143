"""gunicorn's own settings file, read when `gunicorn app:server` starts in the project folder."""


def on_starting(server):
    """Before any worker starts: a bad environment variable stops gunicorn with one line naming it,
    its value and what is allowed (both languages; exit code 2), never a traceback."""
    import settings

    settings.exit_if_invalid()
