"""`python app.py export FILE... -o OUT.csv|OUT.xlsx`: the canonical table of the files."""

from __future__ import annotations

from cli.common import add_lang_argument, check_suffix
from i18n import t

FORMATS = (".csv", ".xlsx")


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("export", help=t("cli.help.export", lang))
    parser.add_argument("files", nargs="+", metavar="FILE", help=t("cli.help.files", lang))
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help=t("cli.help.export.output", lang))
    add_lang_argument(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from exports.tabular import write_csv, write_xlsx
    from i18n import format_int, t
    from loaders import load_paths

    output = check_suffix(args, FORMATS)
    result = load_paths(args.files, lang=args.lang)
    for issue in result.issues:
        if issue.severity == "error":
            print(issue.to_line())
    if not result.ok:
        print(t("cli.export.nothing", args.lang))
        return 1
    temporary = output.with_name(f".{output.name}.tmp")
    writer = write_csv if output.suffix.lower() == ".csv" else write_xlsx
    writer(result.frame, temporary)
    temporary.replace(output)  # atomic: a failed export never leaves half a file behind
    print(t("cli.export.done", args.lang, count=format_int(len(result.frame), args.lang), output=output))
    return 0
