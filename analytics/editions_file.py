"""Reading an editions file (data/reference/*_editions.toml): the part the KIPP and IID editions share."""

from __future__ import annotations

import tomllib
from pathlib import Path


def read_toml(path: Path, error_cls: type[ValueError]) -> dict:
    """The TOML document at `path`; a missing or malformed file raises `error_cls("unreadable", file=...,
    detail=...)` (the editions' error, whose message the catalog gives), from the original error."""
    try:
        with Path(path).open("rb") as handle:
            return tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise error_cls("unreadable", file=Path(path).name, detail=str(err)) from err
