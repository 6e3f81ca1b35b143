"""No inline translations outside i18n/: every user-facing string comes from the one catalog.

An AST scan of the repository (tests and .venv excluded) fails on `"…" if en else "…"` (any test that
looks at the language, with words on both sides), on a `{"id": "…", "en": "…"}` dict of words and on a
`("…", "…")[english]` pair picked by the language.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SKIPPED = {".venv", ".git", "tests", "i18n", "node_modules", "instance"}
LANGUAGE_NAMES = {"lang", "language", "en", "english", "indonesian"}
LANGUAGE_CODES = {"id", "en"}


def _mentions_language(node: ast.AST) -> bool:
    for child in ast.walk(node):
        if isinstance(child, ast.Name) and child.id in LANGUAGE_NAMES:
            return True
        if isinstance(child, ast.Attribute) and child.attr in LANGUAGE_NAMES:
            return True
        if isinstance(child, ast.Compare) and any(isinstance(c, ast.Constant) and c.value in LANGUAGE_CODES
                                                  for c in [child.left, *child.comparators]):
            return True
    return False


def _is_text(node: ast.AST) -> bool:
    """Words: a non-empty string literal (not a bare language code), an f-string, a sum or tuple of them."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value.strip() != "" and node.value not in LANGUAGE_CODES
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        return _is_text(node.left) or _is_text(node.right)
    if isinstance(node, ast.Tuple):
        return bool(node.elts) and all(_is_text(element) for element in node.elts)
    return False


def inline_translations(source: str) -> list[tuple[int, str]]:
    """(line, what) of every inline translation in `source`."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.IfExp) and _mentions_language(node.test) \
                and _is_text(node.body) and _is_text(node.orelse):
            found.append((node.lineno, "'…' if <language> else '…'"))
        elif isinstance(node, ast.Dict) and LANGUAGE_CODES <= {
                k.value for k, v in zip(node.keys, node.values) if isinstance(k, ast.Constant) and _is_text(v)}:
            found.append((node.lineno, "{'id': …, 'en': …}"))
        elif isinstance(node, ast.Subscript) and isinstance(node.value, (ast.Tuple, ast.List)) \
                and all(_is_text(element) for element in node.value.elts) and _mentions_language(node.slice):
            found.append((node.lineno, "('…', '…')[<language>]"))
    return found


def _sources():
    for path in sorted(ROOT.rglob("*.py")):
        if not SKIPPED & set(path.relative_to(ROOT).parts[:-1]):
            yield path


@pytest.mark.parametrize("source", [
    'print("Saved" if lang == "en" else "Disimpan")',
    'label = "Skor" if not english else "Score"',
    'x = f"{n} rows" if args.lang == "en" else f"{n} baris"',
    'x = ("Saved: " if self.lang == "en" else "Disimpan: ") + line',
    'TEXT = {"title": {"id": "Judul", "en": "Title"}}',
    'word = ("inovasi", "innovations")[english]',
    'word = ("inovasi", "innovations")[lang == "en"]',
])
def test_an_inline_translation_is_found(source):
    assert inline_translations(source)


@pytest.mark.parametrize("source", [
    'text = t("cli.export.done", lang, count=n)',
    'other = "en" if lang == "id" else "id"',              # language codes, not words
    'query = "?lang=en" if lang == "en" else ""',          # nothing on one side
    'row = {"id": row.id, "name": name}',                  # an "id" field, not a language
    'labels = {"id": row["label_id"], "en": row["label_en"]}',  # labels read from data/reference
    'mark = "✓" if passed else "✗"',                       # not about the language
])
def test_code_that_is_not_an_inline_translation_passes(source):
    assert inline_translations(source) == []


def test_no_inline_translation_outside_i18n():
    scanned = list(_sources())
    assert any(path.parts[-2:] == ("cli", "readiness.py") for path in scanned)  # the scan sees the code
    found = [f"{path.relative_to(ROOT)}:{line}: {what}" for path in scanned
             for line, what in inline_translations(path.read_text(encoding="utf-8"))]
    assert found == [], "put these strings in the i18n catalog:\n" + "\n".join(found)
