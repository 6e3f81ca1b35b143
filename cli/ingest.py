"""`python app.py ingest FILE... [--replace | --add-new] [--map "Header=field"] [--year "SHEET=RULE"]
[--user NAME]`: into the store, all or nothing (DESIGN.md §3). `--map` and `--year` apply to this run
only, over the mappings and year rules saved on /data.

A file whose years are already stored is refused (exit 1) with, per year, how it compares with the
stored rows, unless the user chooses: `--replace` those years, or `--add-new` (only the innovations
not stored yet). So a re-uploaded recap never counts an innovation twice by default.
"""

from __future__ import annotations

from cli.common import add_lang_argument, add_map_argument, add_year_argument, batch_line, cli_user, run_with_store
from i18n import t


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("ingest", help=t("cli.help.ingest", lang))
    parser.add_argument("files", nargs="+", metavar="FILE", help=t("cli.help.files", lang))
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--replace", dest="mode", action="store_const", const="replace", default="add",
                        help=t("cli.ingest.replace_help", lang))
    choice.add_argument("--add-new", dest="mode", action="store_const", const="add-new",
                        help=t("cli.ingest.add_new_help", lang))
    parser.add_argument("--keep-duplicates", dest="duplicates", action="store_const", const="keep-all",
                        default="keep-one", help=t("cli.ingest.keep_duplicates_help", lang))
    parser.add_argument("--user", default=None, help=t("cli.help.user", lang))
    add_map_argument(parser, lang)
    add_year_argument(parser, lang)
    add_lang_argument(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    def act(store) -> int:
        result = store.ingest(args.files, user=cli_user(args), mode=args.mode, lang=args.lang,
                              mappings=args.mappings, sheet_years=dict(args.years), duplicates=args.duplicates)
        for issue in result.issues:
            print(issue.to_line())
        if result.errors:
            print(t("store.nothing_saved", args.lang))
            return 1
        for batch in result.batches:   # none when --add-new found nothing new (a warning says so)
            print(t("cli.ingest.saved", args.lang, batch=batch_line(batch, args.lang)))
        return 0

    return run_with_store(args, act)
