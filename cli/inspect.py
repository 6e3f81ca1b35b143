"""`python app.py inspect FILE... [--map "Header=field"] [--year "SHEET=RULE"] [--json]`: read and
validate, change nothing (DESIGN.md §3). The store's saved mappings and year rules apply when there is
a store; `--json` lists those in force (`mappings`, `year_rules`)."""

from __future__ import annotations

import json

from cli.common import (add_json_argument, add_lang_argument, add_map_argument, add_year_argument, doubled_lines,
                        existing_store)
from i18n import format_int, printable, t


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("inspect", help=t("cli.help.inspect", lang))
    parser.add_argument("files", nargs="+", metavar="FILE", help=t("cli.help.files", lang))
    add_json_argument(parser, lang)
    add_map_argument(parser, lang)
    add_year_argument(parser, lang)
    add_lang_argument(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from loaders import load_paths
    from loaders.reference import load_reference

    store = existing_store(args.lang)
    years = dict(args.years)
    try:
        stored = store.mappings() if store is not None else []
        doubled = store.doubled() if store is not None else []
        stored_years = store.year_rules() if store is not None else []
        reference = store.reference(args.mappings, years) if store is not None else \
            load_reference().with_header_mappings(args.mappings, "option").with_sheet_years(years, "option")
    finally:
        if store is not None:
            store.close()
    result = load_paths(args.files, lang=args.lang, reference=reference)
    if args.json:
        from store.duplicates import frame_duplicates

        used = [{**row, "source": "store"} for row in stored]
        used += [{"header": header, "target": target, "source": "option"} for header, target in args.mappings]
        rules = [{**{k: v for k, v in row.items() if k != "shape_key"}, "source": "store"} for row in stored_years]
        rules += [{"sheet": sheet, "rule": rule, "source": "option"} for sheet, rule in years.items()]
        print(json.dumps({**result.to_dict(), "mappings": used, "year_rules": rules,
                          "duplicates": frame_duplicates(result.frame),
                          "doubled": doubled}, ensure_ascii=False, indent=1))
    else:
        print_report(result, args.lang)
        for line in doubled_lines(doubled, args.lang):
            print(line)
    return 0 if result.ok else 1


def print_report(result, lang: str) -> None:
    """The readable form: files and sheets, issues, then the counts per year."""
    for report in result.files:
        print(f"{t(f'cli.inspect.{report.status}', lang)}  {printable(report.path)}")  # a name cannot forge lines
        for sheet in report.sheets:
            if sheet.skipped:
                print(f"    - {printable(sheet.name)}: {printable(sheet.skipped)}")
            else:
                print(f"    - {printable(sheet.name)}: " + t("cli.inspect.sheet", lang, row=sheet.header_row,
                                                               count=format_int(sheet.records, lang)))
    for issue in result.issues:
        print(issue.to_line())
    by_year = result.frame["year"].value_counts().sort_index()
    print(t("cli.inspect.total", lang, count=format_int(len(result.frame), lang)))
    for year, count in by_year.items():
        print(f"  {year}: {format_int(count, lang)}")
