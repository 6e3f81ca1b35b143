"""Text keys for matching what people typed against registers: case, accents, spacing and
punctuation do not count."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Control characters (C0 but tab/newline/CR, DEL, C1), lone surrogates (undecodable file names) and the
# bidirectional overrides that can make a name read backwards: never stored, never printed.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
MISSING_MARKERS = frozenset({"", "-", "--", "—", "–", "n/a", "na", "#n/a", "null", "none", "nan", "tidak ada", "."})


def text_key(value: object) -> str:
    """'Dinas  Kesehatan (Kab.)' -> 'dinas kesehatan kab'."""
    text = str(value)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return _NON_ALNUM.sub(" ", text.lower()).strip()


def sorted_key(value: object) -> str:
    """The key with its words sorted, so word order does not count ('inovasi nama' = 'nama inovasi')."""
    return " ".join(sorted(text_key(value).split()))


def strip_control(text: str) -> str:
    """`text` without control characters (NUL, escape sequences, ...); tabs and line breaks are kept."""
    return _CONTROL.sub("", text)


def clean_name(value: str | None) -> str | None:
    """A file or sheet name as the data and the messages keep it: control characters removed, line breaks
    and tabs as spaces (i18n.printable still escapes whatever reaches a terminal)."""
    if value is None:
        return None
    return " ".join(strip_control(str(value)).split()) if _CONTROL.search(value) or not value.isprintable() \
        else value


def clean_text(value: object) -> str | None:
    """Trimmed text with inner runs of whitespace folded and control characters removed (so SQLite and
    PostgreSQL store the same thing: PostgreSQL refuses NUL); None for the markers people use for 'empty'."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    text = " ".join(strip_control(str(value)).split())
    return None if text.lower() in MISSING_MARKERS else text

