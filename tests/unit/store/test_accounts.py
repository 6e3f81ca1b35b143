"""How a recorded user's name is shown (store/accounts.py): the system's own records in the reader's
language, everyone else as written."""

from __future__ import annotations

import pytest

from cli.common import batch_line
from dashboard.components.upload import create_history
from store.accounts import SYSTEM_USER, user_label


@pytest.mark.parametrize("name, lang, shown", [
    (SYSTEM_USER, "id", "sistem"), (SYSTEM_USER, "en", "system"), ("budi", "en", "budi"), ("Sistem", "en", "Sistem"),
])
def test_the_system_user_is_named_in_the_readers_language(name, lang, shown):
    assert user_label(name, lang) == shown


def _batch(who: str) -> dict:
    return {"id": 1, "file": "contoh.xlsx", "when": "2026-01-31T10:02:00+00:00", "who": who, "mode": "replace",
            "status": "active", "records": 3, "active_records": 3, "by_year": {2024: 3}}


def test_the_upload_history_and_the_cli_line_say_system_in_english():
    english, indonesian = (str(create_history([_batch(SYSTEM_USER)], lang)) for lang in ("en", "id"))
    assert "'system'" in english and "sistem" not in english
    assert "'sistem'" in indonesian
    assert "  system  contoh.xlsx" in batch_line(_batch(SYSTEM_USER), "en")
    assert "  sistem  contoh.xlsx" in batch_line(_batch(SYSTEM_USER), "id")
