"""The command line of `python app.py`: one module per command, all calling the same functions as the pages.

Each command module exposes `register(subparsers)`, which adds its parser and sets `handler`
to a function `(args) -> int` returning the exit code: 0 success, 1 input rejected, 2 usage error.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# Command modules, in the order `--help` lists them. Adding a command = adding a module here.
COMMANDS = ["serve", "inspect", "export", "readiness", "proposal", "ingest", "history", "rollback", "restore", "adduser", "chart", "report"]


class UsageError(Exception):
    """A mistake in the command line itself (exit code 2)."""


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 on usage errors already; keep its message short
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def add_source_arguments(parser: argparse.ArgumentParser) -> None:
    """SOURCE: --data PATH ... (files or folders). Default: the store (seeded from the sample data)."""
    parser.add_argument("--data", nargs="+", metavar="PATH", help="berkas atau folder yang dibaca langsung")


def add_filter_arguments(parser: argparse.ArgumentParser) -> None:
    """FILTERS of DESIGN.md §3, one flag per URL key of the rows of `analytics.filter_fields` (parsed into
    `analytics.filters.Filters.from_args`)."""
    from analytics import filter_fields

    _add_row_arguments(parser, filter_fields.filter_rows())


def add_page_arguments(parser: argparse.ArgumentParser, command: str) -> None:
    """The flags of the page-level keys whose row names `command` (readiness, proposal, chart, report: --edition)."""
    from analytics import filter_fields

    _add_row_arguments(parser, [row for row in filter_fields.page_rows() if command in row.commands])


def _add_row_arguments(parser: argparse.ArgumentParser, rows) -> None:
    from analytics.filter_fields import MULTI
    from i18n import t

    for row in rows:
        for key, dest, help_key in zip(row.urls, row.dests, row.helps):
            parser.add_argument(f"--{key}", dest=dest, type=row.value_type, metavar=row.metavar, help=t(help_key),
                                **({"action": "append"} if row.kind == MULTI else {}))


def add_lang_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=["id", "en"], default="id", help="bahasa pesan: id (bawaan) atau en")


def build_parser(commands: list[str] = COMMANDS) -> argparse.ArgumentParser:
    """The parser with `commands` registered (all of them for --help)."""
    parser = _Parser(prog="python app.py", description="Dasbor Inovasi Kabupaten Muara Enim")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in commands:
        importlib.import_module(f"cli.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["serve", *argv]
    # Import only the command asked for: `inspect` must not pay for importing Dash.
    args = build_parser([argv[0]] if argv[0] in COMMANDS else COMMANDS).parse_args(argv)
    try:
        return args.handler(args)
    except UsageError as err:
        print(f"python app.py {args.command}: error: {err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `python app.py readiness | head`: the reader left, which is fine
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
