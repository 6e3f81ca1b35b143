"""Dasbor Inovasi — the one entry point: `python app.py [command]` (see README), and `server` for gunicorn."""

import sys


def __getattr__(name):
    # `gunicorn app:server` asks for `server`; build the Dash app only then, never at import.
    if name == "server":
        import settings
        from dashboard import create_app

        # A bad variable: one line (both languages), no traceback, and gunicorn's master stops (when
        # gunicorn runs elsewhere than the project folder, without gunicorn.conf.py checking first).
        settings.exit_if_invalid(code=settings.EXIT_APP_LOAD)
        import logs

        logs.configure("info")
        return create_app().server
    raise AttributeError(name)


if __name__ == "__main__":
    from cli import main

    sys.exit(main())
