"""Dasbor Inovasi — the one entry point: `python app.py [command]` (see README), and `server` for gunicorn."""

import sys


def __getattr__(name):
    # `gunicorn app:server` asks for `server`; build the Dash app only then, never at import.
    if name == "server":
        import settings
        from dashboard import create_app

        settings.exit_if_invalid()  # a bad variable: one line (both languages) and exit 2, no traceback

        return create_app().server
    raise AttributeError(name)


if __name__ == "__main__":
    from cli import main

    sys.exit(main())
