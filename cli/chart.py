"""`python app.py chart NAME [--data PATH...] [FILTERS] [--lang] -o OUT.png|svg|pdf`: one chart as an image.

NAME: trend, agency, sector or readiness (and any other chart of the pages: breakdown, yoy,
agency-rank, heatmap, compliance, sector-rank, sector-year, readiness-agency); readiness charts
follow --edition (default: the latest). The image holds the chart's title, the
active filters in words and the source; it is drawn by the system Chromium ($BROWSER_PATH, else
/usr/bin/chromium), the same renderer the dashboard's download buttons use. The line printed says what was
drawn (`charts.views.drawn`): the innovations in view, or for the region charts the regions and their figures.
"""

from __future__ import annotations

import sys

from cli.common import UsageError, add_view_output_arguments, check_edition, check_suffix, load_context
from i18n import t

FORMATS = (".png", ".svg", ".pdf")


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("chart", help=t("cli.help.chart", lang))
    parser.add_argument("name", metavar="NAME", help=t("cli.help.chart.name", lang))
    add_view_output_arguments(parser, "chart", lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from exports.charts import chart_names
    from charts.views import drawn
    from exports.images import ImageExportError, chart_image, chromium_available, browser_path

    output = check_suffix(args, FORMATS)
    if args.name not in chart_names():
        raise UsageError(t("cli.chart.unknown", args.lang, name=args.name, names=", ".join(chart_names())))
    if not check_edition(args):
        return 2
    if not chromium_available():
        print(t("cli.chart.no_chromium", args.lang, path=browser_path()), file=sys.stderr)
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
    print(t("cli.chart.done", args.lang, name=args.name, drawn=drawn(args.name, ctx), output=output))
    return 0
