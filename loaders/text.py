"""Text keys for matching what people typed against registers: case, accents, spacing and
punctuation do not count."""

from __future__ import annotations

import re
import unicodedata

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
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


def clean_text(value: object) -> str | None:
    """Trimmed text with inner runs of whitespace folded; None for the markers people use for 'empty'."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    text = " ".join(str(value).split())
    return None if text.lower() in MISSING_MARKERS else text

