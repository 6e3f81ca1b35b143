"""The store's clock: the time written into rows and the ISO text the store's listings give."""

from __future__ import annotations

import datetime as dt


def utc_now() -> dt.datetime:
    return dt.datetime.now(dt.timezone.utc)


def aware(value: dt.datetime) -> dt.datetime:
    """`value` with its UTC zone (SQLite drops the zone)."""
    return value if value.tzinfo else value.replace(tzinfo=dt.timezone.utc)


def iso(value: dt.datetime | None) -> str | None:
    """`value` as ISO text to the second (None stays None)."""
    return None if value is None else aware(value).isoformat(timespec="seconds")
