"""Text keys for matching what people typed against registers: case, accents, spacing and
punctuation do not count."""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

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


# ASCII bytes as text_key reads them: letters lowered, digits kept, anything else a space; the separator
# of text_keys (NUL) kept.
_KEY_BYTES = bytes(byte if chr(byte).isdigit() or "a" <= chr(byte) <= "z" else byte + 32 if "A" <= chr(byte) <= "Z"
                   else 0 if byte == 0 else 32 for byte in range(128)) + bytes(range(128, 256))
_SPACES = re.compile(rb"  +")


def text_keys(values: list) -> list[str]:
    """`[text_key(value) for value in values]`, all at once when the texts are ASCII (nearly always):
    one pass over their bytes joined, 100,000 distinct names in a fraction of the time of one call each."""
    texts = [value if isinstance(value, str) else str(value) for value in values]
    joined = "\x00".join(texts)
    if not texts or not joined.isascii() or joined.count("\x00") != len(texts) - 1:
        return [text_key(text) for text in texts]  # an accent to take off, or a NUL in a text
    keys = _SPACES.sub(b" ", joined.encode("ascii").translate(_KEY_BYTES))
    keys = keys.replace(b" \x00", b"\x00").replace(b"\x00 ", b"\x00").strip(b" ")
    return keys.decode("ascii").split("\x00")


def and_key(value: object) -> str:
    """The key with '&' read as 'dan': 'Dinas Koperasi & UKM' -> 'dinas koperasi dan ukm' (names in
    registers; not identities, which stay `text_key`)."""
    return text_key(str(value).replace("&", " dan "))


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


def html_to_text(value: object) -> str | None:
    """Narrative text that a web system saved as HTML → plain text, paragraphs on their own lines.

    Tags are dropped (with the content of <script> and <style>), entities decoded; nothing is
    fetched or executed: the standard library's HTMLParser knows no external entities. Text that
    holds no markup is returned as `clean_text` would."""
    text = clean_text(value)
    if text is None or not _MARKUP.search(text):
        return text
    parser = _PlainText()
    parser.feed(_DOCTYPE.sub(" ", str(value)))
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).splitlines())
    return "\n".join(line for line in lines if line) or None


_DOCTYPE = re.compile(r"<!doctype[^\[>]*(\[[^\]]*\])?\s*>", re.IGNORECASE)
_MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>|&(#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_BLOCK_TAGS = {"p", "div", "br", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table"}
_DROPPED_TAGS = {"script", "style", "head", "title", "iframe", "object", "noscript", "template"}


class _PlainText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._dropped = 0

    def handle_starttag(self, tag, attrs):
        if tag in _DROPPED_TAGS:
            self._dropped += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in _DROPPED_TAGS:
            self._dropped = max(0, self._dropped - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data):
        if not self._dropped:
            self.parts.append(data)
