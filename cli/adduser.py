"""`python app.py adduser NAME --role viewer|editor`: create a user or reset their role and password.

The password is read from $DASBOR_PASSWORD or asked twice at the terminal, never taken from the
command line (where `ps` and the shell history would show it).
"""

from __future__ import annotations

import os
import sys

from cli.common import add_lang_argument, run_with_store

PASSWORD_ENV = "DASBOR_PASSWORD"


def register(subparsers) -> None:
    parser = subparsers.add_parser("adduser", help=f"tambah pengguna (kata sandi dari ${PASSWORD_ENV} atau ditanyakan)")
    parser.add_argument("name", metavar="NAME", help="nama pengguna")
    parser.add_argument("--role", required=True, choices=["viewer", "editor"],
                        help="viewer: melihat; editor: mengunggah dan memetakan")
    add_lang_argument(parser)
    parser.set_defaults(handler=run)


def read_password(lang: str) -> str | None:
    """$DASBOR_PASSWORD, else asked twice with getpass; None when the two answers differ."""
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    import getpass

    english = lang == "en"
    first = getpass.getpass("Password: " if english else "Kata sandi: ")
    again = getpass.getpass("Password again: " if english else "Ulangi kata sandi: ")
    return first if first == again else None


def run(args) -> int:
    english = args.lang == "en"
    password = read_password(args.lang)
    if password is None:
        print("The passwords differ." if english else "Kedua kata sandi tidak sama.", file=sys.stderr)
        return 1

    def act(store) -> int:
        created = store.add_user(args.name, args.role, password)
        if english:
            print(f"User '{args.name}' {'created' if created else 'updated'} ({args.role}).")
        else:
            print(f"Pengguna '{args.name}' {'dibuat' if created else 'diperbarui'} ({args.role}).")
        return 0

    return run_with_store(args, act)
