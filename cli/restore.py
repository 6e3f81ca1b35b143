"""`python app.py restore BATCH`: bring a rolled-back batch back."""

from __future__ import annotations

from cli.common import add_batch_arguments, batch_line, cli_user, run_with_store
from i18n import t


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("restore", help=t("cli.help.restore", lang))
    add_batch_arguments(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from i18n import t

    def act(store) -> int:
        batch = store.restore(args.batch, user=cli_user(args))
        print(t("cli.restore.done", args.lang, batch=batch_line(batch, args.lang)))
        return 0

    return run_with_store(args, act)
