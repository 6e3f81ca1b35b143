"""Dasbor Inovasi — the one entry point: `python app.py [command]` (see README), and `server` for gunicorn."""

import sys


def __getattr__(name):
    # `gunicorn app:server` asks for `server`; build the Dash app only then, never at import.
    if name == "server":
        from dashboard import create_app

        return create_app().server
    raise AttributeError(name)


if __name__ == "__main__":
    from cli import main

    sys.exit(main())
