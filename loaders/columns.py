"""Header text → canonical column, by the aliases of data/reference/columns.csv.

Matching ignores case, spacing, punctuation and word order; a two-row header is read as the
group over its sub-header ("Waktu" over "Penerapan" → "Waktu Penerapan"). Users' mappings
(`Reference.header_map`: stored, `--map`, the /data preview) come first; their target IGNORE drops
the column without a warning.
"""

from __future__ import annotations

import functools
import re

from loaders.reference import IGNORE, Reference
from loaders.text import sorted_key, text_key

_PARENTHESES = re.compile(r"\([^)]*\)")


@functools.lru_cache(maxsize=8)
def _sorted_aliases(reference: Reference) -> dict[str, str]:
    return {" ".join(sorted(key.split())): column for key, column in reference.header_aliases.items()}


def match_header(text: object, reference: Reference) -> str | None:
    """The canonical column for a header cell (IGNORE when a user said to drop it), or None when
    nothing matches."""
    if text is None or isinstance(text, (int, float)) and not isinstance(text, bool):
        return None
    mapped = reference.header_map.get(text_key(str(text))) if reference.header_map else None
    if mapped:
        return mapped[0]
    aliases = reference.header_aliases
    for candidate in (str(text), _PARENTHESES.sub(" ", str(text)), str(text).replace("&", " dan ")):
        key = text_key(candidate)
        if not key:
            continue
        if key in aliases:
            return aliases[key]
        by_words = _sorted_aliases(reference).get(sorted_key(candidate))
        if by_words:
            return by_words
    return None


def header_texts(top: list, sub: list | None, merged_groups: dict[int, str]) -> list[str | None]:
    """The header text of each column: 'group sub' under a merged group cell, else the cell itself.

    `merged_groups` maps a column index to the text of the merged group cell above it (from the
    sheet's merged ranges); without merge information a group is carried to the right over the
    columns whose top cell is empty and whose sub-header cell is filled.
    """
    texts: list[str | None] = []
    group = None
    for index, cell in enumerate(top):
        top_text = _text(cell) or merged_groups.get(index)
        sub_text = _text(sub[index]) if sub is not None and index < len(sub) else None
        if _text(cell):
            group = top_text if sub_text else None
        elif sub_text and group and not top_text:
            top_text = group
        if top_text and sub_text:
            texts.append(f"{top_text} {sub_text}")
        else:
            texts.append(top_text or sub_text)
    return texts


def header_source(text: str, reference: Reference) -> str:
    """Where the mapping of `text` comes from: "store", "option", "preview" (a user's), else "reference"."""
    mapped = reference.header_map.get(text_key(text))
    return mapped[1] if mapped else "reference"


def map_columns(texts: list[str | None], reference: Reference, sub: list | None = None
                ) -> tuple[dict[str, list[int]], dict[str, str | None], list[str], dict[str, str]]:
    """Columns: canonical name → the indexes of the columns holding it (an IID export has both
    'Video' and 'Link Video'; the first non-empty value wins, so nothing is lost); mapping: header →
    canonical column or None (unknown or ignored); the headers that matched nothing (reported as
    warnings); and sources: header → where its mapping came from (see header_source)."""
    columns: dict[str, list[int]] = {}
    mapping: dict[str, str | None] = {}
    unknown: list[str] = []
    sources: dict[str, str] = {}
    for index, text in enumerate(texts):
        if not text:
            continue
        sub_text = _text(sub[index]) if sub is not None and index < len(sub) else None
        column, matched = match_header(text, reference), text
        if column is None and sub_text:
            column, matched = match_header(sub_text, reference), sub_text
        mapping[text] = None if column == IGNORE else column
        if column is None:
            unknown.append(text)
            continue
        sources[text] = header_source(matched, reference)
        if column != IGNORE:
            columns.setdefault(column, []).append(index)
    return columns, mapping, unknown, sources


def _text(cell) -> str | None:
    if cell is None:
        return None
    text = " ".join(str(cell).split())
    return text or None
