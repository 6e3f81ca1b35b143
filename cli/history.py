"""`python app.py history [--json]`: the batches in the store (DESIGN.md §3)."""

from __future__ import annotations

import json

from cli.common import add_json_argument, add_lang_argument, batch_line, doubled_lines, run_with_store
from i18n import t


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("history", help=t("cli.help.history", lang))
    add_json_argument(parser, lang)
    add_lang_argument(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    def show(store) -> int:
        batches, doubled = store.history(), store.doubled()
        if args.json:
            print(json.dumps({"data_version": store.data_version(), "batches": batches, "doubled": doubled},
                             ensure_ascii=False, indent=1))
            return 0
        if not batches:
            print(t("cli.history.empty", args.lang))
        for line in [batch_line(batch, args.lang) for batch in batches] + doubled_lines(doubled, args.lang):
            print(line)
        return 0

    return run_with_store(args, show)
