"""`python app.py rollback BATCH`: take a batch out of the data; what it replaced comes back."""

from __future__ import annotations

from cli.common import add_batch_arguments, batch_line, cli_user, run_with_store
from i18n import t


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("rollback", help=t("cli.help.rollback", lang))
    add_batch_arguments(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from i18n import t

    def act(store) -> int:
        batch = store.rollback(args.batch, user=cli_user(args))
        print(t("cli.rollback.done", args.lang, batch=batch_line(batch, args.lang)))
        return 0

    return run_with_store(args, act)
