"""`python app.py serve`: the dashboard on the sample data, or on --data files and folders."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cli import add_source_arguments


def register(subparsers) -> None:
    """Add `serve` to the command line."""
    parser = subparsers.add_parser("serve", help="run the dashboard (http://127.0.0.1:8050)")
    parser.add_argument("--host", default="127.0.0.1", help="address to listen on (default 127.0.0.1)")
    parser.add_argument("--port", type=int, default=8050, help="port (default 8050)")
    add_source_arguments(parser)
    parser.add_argument("--debug", action="store_true", help="Dash debug mode (reloader, dev tools); off by default")
    parser.set_defaults(handler=handle)


def handle(args) -> int:
    """Run the dashboard until interrupted; 1 when a --data path does not exist."""
    from dashboard import create_app
    from dashboard.data import ENV_DATA, DataSource

    paths = [Path(p) for p in (args.data or [])]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"python app.py serve: tidak ditemukan / not found: {', '.join(missing)}", file=sys.stderr)
        return 1
    if paths:  # workers started by the reloader read the same data
        os.environ[ENV_DATA] = os.pathsep.join(str(p.resolve()) for p in paths)
    app = create_app(DataSource(paths or None))
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0
