"""The command line of `python app.py`: one module per command, all calling the same functions as the pages.

Each command module exposes `register(subparsers)`, which adds its parser and sets `handler`
to a function `(args) -> int` returning the exit code: 0 success, 1 input rejected, 2 usage error.
What several commands share is in cli/common.py; a command module imports only that and the layers
below (analytics, exports, store, ...), never another command module.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from cli.common import UsageError

# Command modules, in the order `--help` lists them. Adding a command = adding a module here.
COMMANDS = ["serve", "inspect", "export", "readiness", "proposal", "iid", "similar", "ingest", "history", "rollback", "restore", "adduser", "chart", "report"]


class _Parser(argparse.ArgumentParser):
    def error(self, message):  # argparse exits 2 on usage errors already; keep its message short
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: error: {message}\n")


def help_language(argv: list[str]) -> str:
    """The language of --help: the command line's --lang (`--lang en` or `--lang=en`), else Indonesian."""
    from i18n import normalise_lang

    for index, arg in enumerate(argv):
        if arg == "--lang" and index + 1 < len(argv):
            return normalise_lang(argv[index + 1])
        if arg.startswith("--lang="):
            return normalise_lang(arg.split("=", 1)[1])
    return "id"


def build_parser(commands: list[str] = COMMANDS, lang: str = "id") -> argparse.ArgumentParser:
    """The parser with `commands` registered (all of them for --help), its help in `lang`."""
    parser = _Parser(prog="python app.py", description="Dasbor Inovasi Kabupaten Muara Enim")
    subparsers = parser.add_subparsers(dest="command", parser_class=_Parser)
    for name in commands:
        importlib.import_module(f"cli.{name}").register(subparsers, lang)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if not argv or argv[0].startswith("-") and argv[0] not in ("-h", "--help"):
        argv = ["serve", *argv]
    # Import only the command asked for: `inspect` must not pay for importing Dash.
    args = build_parser([argv[0]] if argv[0] in COMMANDS else COMMANDS, help_language(argv)).parse_args(argv)
    import settings

    settings.exit_if_invalid(getattr(args, "lang", None) or "id")  # a bad variable: one line, exit 2
    import logs

    logs.configure("info" if args.command == "serve" else "warning")
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
