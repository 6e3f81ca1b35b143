"""`python app.py rollback BATCH`: take a batch out of the data; what it replaced comes back."""

from __future__ import annotations

from cli import add_lang_argument
from cli.history import batch_line, run_with_store


def register(subparsers) -> None:
    parser = subparsers.add_parser("rollback", help="batalkan satu batch (dapat dipulihkan dengan restore)")
    add_batch_arguments(parser)
    parser.set_defaults(handler=run)


def add_batch_arguments(parser) -> None:
    """BATCH (an id from `history`), --user and --lang: the arguments of rollback and restore."""
    parser.add_argument("batch", type=int, metavar="BATCH", help="nomor batch (lihat 'history')")
    parser.add_argument("--user", default=None, help="nama yang dicatat (bawaan: pengguna sistem operasi)")
    add_lang_argument(parser)


def cli_user(args) -> str:
    """--user, else $DASBOR_USER, else the operating-system user."""
    import getpass
    import os

    return args.user or os.environ.get("DASBOR_USER") or getpass.getuser()


def run(args) -> int:
    def act(store) -> int:
        batch = store.rollback(args.batch, user=cli_user(args))
        print(("Rolled back: " if args.lang == "en" else "Dibatalkan: ") + batch_line(batch, args.lang))
        return 0

    return run_with_store(args, act)
