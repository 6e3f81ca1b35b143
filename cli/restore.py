"""`python app.py restore BATCH`: bring a rolled-back batch back."""

from __future__ import annotations

from cli.common import register_batch_command, run_batch_action


def register(subparsers, lang: str = "id") -> None:
    register_batch_command(subparsers, "restore", run, lang)


def run(args) -> int:
    return run_batch_action(args, "restore")
