"""`--help` in the command line's language: every command's and argument's help from the catalog
(cli.help.*), in English with `--lang en`."""

from __future__ import annotations

import argparse

import pytest

from cli import COMMANDS, build_parser, help_language, main
from cli.adduser import PASSWORD_ENV
from i18n import CATALOG, t, template


def helps(parser: argparse.ArgumentParser) -> list[str]:
    """The help of every command and argument under `parser` (argparse's own -h left out)."""
    found = []
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            found += [choice.help for choice in action._choices_actions]
            for sub in action.choices.values():
                found += helps(sub)
        elif not isinstance(action, argparse._HelpAction) and action.help:
            found.append(action.help)
    return found


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_help_is_a_catalog_text_in_the_language_asked(lang):
    catalog = {template(key, lang) for key in CATALOG} | {t("cli.help.adduser", lang, env=PASSWORD_ENV)}
    shown = helps(build_parser(COMMANDS, lang))
    assert len(shown) > 40
    assert [text for text in shown if text not in catalog] == []


def test_the_help_language_is_the_command_lines_lang():
    assert help_language(["report", "--lang", "en", "-h"]) == "en"
    assert help_language(["report", "--lang=en"]) == "en"
    assert help_language(["report", "-h"]) == "id"


def test_help_with_lang_en_is_english(capsys):
    with pytest.raises(SystemExit):
        main(["ingest", "--help", "--lang", "en"])
    out = capsys.readouterr().out
    assert "name recorded (default: the operating-system user)" in out and "files or folders" in out
    with pytest.raises(SystemExit):
        main(["ingest", "--help"])
    assert "nama yang dicatat" in capsys.readouterr().out
