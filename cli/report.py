"""`python app.py report [--data PATH...] [FILTERS] [--lang] -o OUT.pdf|OUT.docx`: the report of a view.

Title, date, active filters, KPIs, the charts of the overview, trend, agency and sector pages, the One
Agency One Innovation table and the KIPP readiness summary, A4 with page numbers — the same report
as the dashboard's "Unduh laporan", so a monthly report can run from cron. Without Chromium the
report is still written, with each chart's numbers as a table, and says so.
"""

from __future__ import annotations

import sys

from cli.common import add_view_output_arguments, check_edition, check_suffix, load_context
from i18n import t

FORMATS = (".pdf", ".docx")


def register(subparsers, lang: str = "id") -> None:
    parser = subparsers.add_parser("report", help=t("cli.help.report", lang))
    add_view_output_arguments(parser, "report", lang)
    parser.set_defaults(handler=run)


def run(args) -> int:
    from exports.images import ImageExportError, chromium_available
    from exports.report.formats import write_report
    from i18n import format_int, t

    output = check_suffix(args, FORMATS)
    if not check_edition(args):
        return 2
    ctx = load_context(args)
    if ctx is None:
        return 1
    if not chromium_available():
        print(t("report.no_charts", args.lang), file=sys.stderr)
    try:
        write_report(ctx, output)
    except ImageExportError as err:
        print(str(err), file=sys.stderr)
        return 1
    print(f"{t('kpi.total', args.lang)}: {format_int(len(ctx.view), args.lang)} → {output}")
    return 0
