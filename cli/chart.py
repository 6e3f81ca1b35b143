"""`python app.py chart NAME [--data PATH...] [FILTERS] [--lang] -o OUT.png|svg|pdf`: one chart as an image.

NAME: trend, agency, sector or readiness (and any other chart of the pages: breakdown, yoy,
agency-rank, heatmap, compliance, sector-rank, sector-year, readiness-agency); readiness charts
follow --edition (default: the latest). The image holds the chart's title, the
active filters in words and the source; it is drawn by the system Chromium ($BROWSER_PATH, else
/usr/bin/chromium), the same renderer the dashboard's download buttons use.
"""

from __future__ import annotations

import sys
from pathlib import Path

from cli.common import (UsageError, add_filter_arguments, add_lang_argument, add_page_arguments,
                        add_source_arguments, check_edition, load_context)

FORMATS = (".png", ".svg", ".pdf")


def register(subparsers) -> None:
    parser = subparsers.add_parser("chart", help="satu grafik sebagai PNG, SVG atau PDF")
    parser.add_argument("name", metavar="NAME", help="trend, agency, sector atau readiness")
    add_source_arguments(parser)
    add_filter_arguments(parser)
    add_page_arguments(parser, "chart")
    add_lang_argument(parser)
    parser.add_argument("-o", "--output", required=True, metavar="OUT", help="OUT.png, OUT.svg atau OUT.pdf")
    parser.set_defaults(handler=run)


def run(args) -> int:
    from exports.charts import chart_names
    from exports.images import ImageExportError, chart_image, chromium_available, browser_path

    output = Path(args.output)
    if output.suffix.lower() not in FORMATS:
        raise UsageError(f"-o harus berakhiran {', '.join(FORMATS)}: {output.name}")
    if args.name not in chart_names():
        raise UsageError(f"grafik tidak dikenal: {args.name} (pilih {', '.join(chart_names())})")
    if not check_edition(args):
        return 2
    if not chromium_available():
        print(f"Chromium tidak ditemukan di {browser_path()}; atur BROWSER_PATH ke Chromium atau Chrome."
              if args.lang == "id" else
              f"No Chromium at {browser_path()}; set BROWSER_PATH to a Chromium or Chrome.", file=sys.stderr)
        return 1
    ctx = load_context(args)
    if ctx is None:
        return 1
    try:
        data, _ = chart_image(args.name, ctx, output.suffix.lstrip("."))
    except ImageExportError as err:
        print(str(err), file=sys.stderr)
        return 1
    temporary = output.with_name(f".{output.name}.tmp")
    temporary.write_bytes(data)
    temporary.replace(output)  # atomic: a failed export never leaves half a file behind
    rows = len(ctx.view)
    print(f"{args.name}: {rows} inovasi → {output}" if args.lang == "id" else f"{args.name}: {rows} innovations → {output}")
    return 0
