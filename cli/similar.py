"""`python app.py similar ID [--library PATH...] [SOURCE] [--json]`: innovations like one of ours.

Compares the innovation `ID` (as `python app.py iid` and /inovasi show it) by name, description and
urusan (TF-IDF, analytics/iid/similar.py) with this regency's other innovations (possible duplicates)
and with the replication library: the files of --library (IID exports or LAN recaps of other regions)
plus other regions' rows in the data; on the sample data, the synthetic data/iid_sample/replikasi/.
Also lists the urusan where this regency has none and other regions have many.
"""

from __future__ import annotations

import json
import sys

from cli.common import add_dataset_arguments, cut_text, load_dataset
from i18n import t

LIMIT = 5


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("similar", help=t("cli.help.similar", lang))
    parser.add_argument("id", metavar="ID", help=t("cli.help.similar.id", lang))
    parser.add_argument("--library", nargs="+", metavar="PATH", help=t("cli.help.similar.library", lang))
    add_dataset_arguments(parser, lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    import pandas as pd

    from analytics.iid.similar import default_library, sector_gaps, similar
    from i18n import format_int, t
    from loaders import load_paths

    dataset = load_dataset(args)
    if dataset is None:
        return 1
    paths = args.library or default_library(dataset.source_label)
    library = pd.DataFrame(columns=dataset.frame.columns)
    if paths:
        loaded = load_paths(paths, lang=args.lang)
        for issue in loaded.errors:
            print(issue.to_line(), file=sys.stderr)
        library = loaded.frame
    matches = similar(dataset.frame, library, args.id, LIMIT)
    if matches is None:
        print(t("iid.similar.unknown", args.lang, id=args.id, count=format_int(len(dataset.frame), args.lang)),
              file=sys.stderr)
        return 1
    gaps = sector_gaps(dataset.frame, library)
    if args.json:
        json.dump(to_json(matches, gaps, library, paths), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        print_text(matches, gaps, library, dataset.label, args.lang)
    return 0


def _records(frame) -> list[dict]:
    return [{key: (None if value != value else value.item() if hasattr(value, "item") else value)
             for key, value in row.items()} for row in frame.to_dict("records")]


def to_json(matches, gaps, library, paths) -> dict:
    asked = matches.innovation
    return {"innovation": {key: asked.get(key) for key in ("id", "name", "agency", "region")}
            | {"year": None if asked.get("year") != asked.get("year") else int(asked["year"])},
            "library": {"paths": [str(p) for p in paths], "records": int(len(library)),
                        "regions": int(library["region"].nunique()) if len(library) else 0},
            "ours": _records(matches.ours), "others": _records(matches.others), "sector_gaps": _records(gaps)}


def print_text(matches, gaps, library, label, lang: str) -> None:
    """`label(field, value, lang)`: the Dataset's, so urusan are named in `lang`."""
    from i18n import format_int, format_number, printable, t

    asked = matches.innovation
    print(printable(t("iid.similar.title", lang, name=asked["name"], agency=asked.get("agency") or "",
                      year=int(asked["year"]) if asked.get("year") == asked.get("year") else "")))
    print(t("iid.similar.library", lang, count=format_int(len(library), lang),
            regions=format_int(library["region"].nunique() if len(library) else 0, lang)))
    for title, rows in (("iid.similar.ours", matches.ours), ("iid.similar.others", matches.others)):
        print()
        print(t(title, lang))
        for r in rows.itertuples():
            year = "" if r.year != r.year else int(r.year)
            print(printable(f"  {format_number(r.score, lang, 2)}  {r.id}  {cut_text(r.name, 48)}  "
                            f"({cut_text(r.agency, 30)}, {r.region}, {year})"))
        if rows.empty:
            print(t("iid.similar.nothing", lang))
    print()
    print(t("iid.gaps.title", lang))
    for g in gaps.itertuples():
        print("  " + t("iid.gaps.row", lang, sector=label("sector", g.sector, lang), count=format_int(g.count, lang),
                       regions=format_int(g.regions, lang)))
    if gaps.empty:
        print(t("iid.similar.nothing", lang))
