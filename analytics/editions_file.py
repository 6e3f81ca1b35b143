"""Reading an editions file (data/reference/*_editions.toml): the part the KIPP and IID editions share."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from i18n import Bilingual


def read_toml(path: Path, error_cls: type[ValueError]) -> dict:
    """The TOML document at `path`; a missing or malformed file raises `error_cls("unreadable", file=...,
    detail=...)` (the editions' error, whose message the catalog gives), from the original error."""
    try:
        with Path(path).open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise error_cls("unreadable", file=Path(path).name, detail=str(err)) from err


def bilingual_source(raw: Any) -> Bilingual | None:
    """A [sources] entry {id = "...", en = "..."} as the words shown in each language; None when it is not
    such a table with both texts (the caller names the place)."""
    if not isinstance(raw, dict) or not all(isinstance(raw.get(lang), str) and raw[lang].strip()
                                            for lang in ("id", "en")):
        return None
    return Bilingual(raw["id"], raw["en"])
