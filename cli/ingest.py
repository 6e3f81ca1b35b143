"""`python app.py ingest FILE... [--replace] [--user NAME]`: into the store, all or nothing (DESIGN.md §3)."""

from __future__ import annotations

from cli import add_lang_argument
from cli.history import batch_line, run_with_store
from cli.rollback import cli_user


def register(subparsers) -> None:
    parser = subparsers.add_parser("ingest", help="muat berkas ke penyimpanan, semua atau tidak sama sekali")
    parser.add_argument("files", nargs="+", metavar="FILE", help="berkas atau folder")
    parser.add_argument("--replace", action="store_true",
                        help="ganti data tahun-tahun yang ada di berkas (bawaan: tambahkan)")
    parser.add_argument("--user", default=None, help="nama yang dicatat (bawaan: pengguna sistem operasi)")
    add_lang_argument(parser)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from i18n import t

    def act(store) -> int:
        result = store.ingest(args.files, user=cli_user(args), replace=args.replace, lang=args.lang)
        for issue in result.issues:
            print(issue.to_line())
        if not result.ok:
            print(t("store.nothing_saved", args.lang))
            return 1
        for batch in result.batches:
            print(("Saved: " if args.lang == "en" else "Disimpan: ") + batch_line(batch, args.lang))
        return 0

    return run_with_store(args, act)
