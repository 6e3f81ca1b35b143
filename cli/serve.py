"""`python app.py serve`: the dashboard on the store (seeded from the sample on first start), or on
--data files and folders read directly (read-only: no uploads on /data then)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from cli.common import add_source_arguments, open_store_or_say
from i18n import t


def register(subparsers, lang: str = "id") -> None:
    """Add `serve` to the command line."""
    parser = subparsers.add_parser("serve", help=t("cli.help.serve", lang))
    parser.add_argument("--host", default="127.0.0.1", help=t("cli.help.serve.host", lang))
    parser.add_argument("--port", type=int, default=8050, help=t("cli.help.serve.port", lang))
    add_source_arguments(parser, lang)
    parser.add_argument("--debug", action="store_true", help=t("cli.help.serve.debug", lang))
    parser.set_defaults(handler=handle)


def handle(args) -> int:
    """Run the dashboard until interrupted; 1 when a --data path does not exist or the store cannot be opened."""
    from dashboard import create_app
    from dashboard.sources import ENV_DATA, DataSource
    from dashboard.sources import StoreSource

    paths = [Path(p) for p in (args.data or [])]
    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        print(f"python app.py serve: {both_languages('cli.serve.not_found', ' / ')}: {', '.join(missing)}",
              file=sys.stderr)
        return 1
    if paths:  # workers started by the reloader read the same data
        os.environ[ENV_DATA] = os.pathsep.join(str(p.resolve()) for p in paths)
    store = open_store_or_say(seed=False if paths else None)  # --data: the store only holds the accounts
    if store is None:
        return 1
    if not store.users():
        print(both_languages("cli.serve.no_users", "\n"), file=sys.stderr)
    app = create_app(DataSource(paths) if paths else StoreSource(store), store)
    app.run(host=args.host, port=args.port, debug=args.debug)
    return 0


def both_languages(key: str, separator: str) -> str:
    """`serve` has no --lang: what it says before the dashboard runs, it says in both languages."""
    from i18n import t

    return separator.join(t(key, lang) for lang in ("id", "en"))
