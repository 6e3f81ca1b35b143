"""`python app.py rollback BATCH`: take a batch out of the data; what it replaced comes back."""

from __future__ import annotations

from cli.common import register_batch_command, run_batch_action


def register(subparsers, lang: str = "id") -> None:
    register_batch_command(subparsers, "rollback", run, lang)


def run(args) -> int:
    return run_batch_action(args, "rollback")
