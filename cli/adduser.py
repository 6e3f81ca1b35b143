"""`python app.py adduser NAME --role viewer|editor`: create a user or reset their role and password.

The password is read from $DASBOR_PASSWORD, else asked twice at the terminal, else (no terminal, e.g.
`echo "$PW" | python app.py adduser budi --role editor`) from the first line of stdin; never taken
from the command line (where `ps` and the shell history would show it). Resetting an existing
user's password or role ends their login sessions.
"""

from __future__ import annotations

import os
import sys

from cli.common import add_lang_argument, run_with_store
from i18n import printable, t

PASSWORD_ENV = "DASBOR_PASSWORD"


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("adduser", help=t("cli.help.adduser", lang, env=PASSWORD_ENV))
    parser.add_argument("name", metavar="NAME", help=t("cli.help.adduser.name", lang))
    parser.add_argument("--role", required=True, choices=["viewer", "editor"],
                        help=t("cli.help.adduser.role", lang))
    add_lang_argument(parser, lang)
    parser.set_defaults(handler=run)


def read_password(lang: str) -> str | None:
    """$DASBOR_PASSWORD; else, at a terminal, asked twice ('' when the answers differ); else the
    first line of stdin (saying so on stderr). None when no password was given."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    if not sys.stdin.isatty():
        print(t("cli.password_stdin", lang), file=sys.stderr)
        line = sys.stdin.readline().rstrip("\r\n")
        return line or None
    import getpass

    first = getpass.getpass(t("cli.password", lang))
    again = getpass.getpass(t("cli.password_again", lang))
    if first != again:
        return ""
    return first or None


def run(args) -> int:
    try:
        password = read_password(args.lang)
    except (EOFError, KeyboardInterrupt):
        password = None
    if not password:
        print(t("cli.password_missing" if password is None else "cli.password_differ", args.lang), file=sys.stderr)
        return 1

    def act(store) -> int:
        created = store.add_user(args.name, args.role, password)
        print(t("cli.user_created" if created else "cli.user_updated", args.lang,
                name=printable(args.name), role=args.role))
        return 0

    return run_with_store(args, act)
