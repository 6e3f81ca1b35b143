"""The one catalog: both languages for every key, the same placeholders in both, no key twice, and
every message code the loaders, the store and the KIPP rules can raise has its text."""

import ast
from pathlib import Path

import pytest

from i18n import CATALOG, PARTS, merge_parts, placeholders

ROOT = Path(__file__).resolve().parents[3]
PART_FILES = sorted((ROOT / "i18n").glob("catalog*.py"))
# the catalog part whose keys a raised code names, by the call that raises it (code's argument position)
RAISERS = {"FileRejected": ("loader", 0), "Issue": ("loader", 1), "issue": ("loader", 1),
           "StoreError": ("store", 0), "StoreIssue": ("store", 1)}
REASON_FUNCTIONS = {"skip_reason", "find_table"}  # loaders.tables: a sheet's skip reason, as a loader code
NOT_PARAMS = {"sheet", "row", "column", "file", "lang", "params"}


@pytest.mark.parametrize("key", sorted(CATALOG))
def test_every_key_has_both_languages_with_the_same_placeholders(key):
    indonesian, english = CATALOG[key]
    assert indonesian.strip() and english.strip()
    assert placeholders(indonesian) == placeholders(english)


def test_every_key_is_namespaced_and_every_part_is_assembled():
    assert all("." in key for key in CATALOG)
    assert {f"i18n.{path.stem}" for path in PART_FILES} == set(PARTS)
    assert len(CATALOG) == sum(len(part) for part in PARTS.values())


def test_a_key_in_two_parts_fails():
    with pytest.raises(ValueError, match=r"'loader.file_empty' is defined twice: in a and in b"):
        merge_parts({"a": {"loader.file_empty": ("x", "y")}, "b": {"loader.file_empty": ("x", "y")}})


@pytest.mark.parametrize("path", PART_FILES, ids=lambda path: path.name)
def test_no_key_is_written_twice_in_one_part(path):
    """A dict literal keeps the last of two equal keys silently; the source must not have any."""
    keys = [node.value for table in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
            if isinstance(table, ast.Dict) for node in table.keys
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and "." in node.value]
    assert len(keys) == len(set(keys)), sorted(k for k in set(keys) if keys.count(k) > 1)


def _sources(*packages):
    for package in packages:
        for path in sorted((ROOT / package).rglob("*.py")):
            yield path, ast.parse(path.read_text(encoding="utf-8"))


def _call_name(node: ast.Call) -> str | None:
    return getattr(node.func, "id", None) or getattr(node.func, "attr", None)


def raised_codes() -> list[tuple[str, str, set[str] | None, str]]:
    """(catalog key, raising place, keyword parameters given or None when unknown) for every message
    code written in loaders/, store/ and analytics/."""
    found = []
    for path, tree in _sources("loaders", "store", "analytics"):
        where = str(path.relative_to(ROOT))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and _call_name(node) in RAISERS:
                namespace, position = RAISERS[_call_name(node)]
                if len(node.args) > position and isinstance(node.args[position], ast.Constant):
                    given = {k.arg for k in node.keywords} - NOT_PARAMS
                    known = all(k.arg is not None for k in node.keywords) and _call_name(node) != "Issue" \
                        and _call_name(node) != "StoreIssue"
                    found.append((f"{namespace}.{node.args[position].value}", where, given if known else None))
            elif isinstance(node, ast.FunctionDef) and node.name in REASON_FUNCTIONS:
                found += [(f"loader.{ret.value.value}", where, set()) for ret in ast.walk(node)
                          if isinstance(ret, ast.Return) and isinstance(ret.value, ast.Constant)
                          and isinstance(ret.value.value, str)]
            elif isinstance(node, ast.Assign) and any(getattr(t, "id", None) == "code" for t in node.targets):
                # analytics.kipp.rules: `code = np.where(..., "age.ok", ...)` per row
                found += [(f"kipp.msg.{c.value}", where, None) for c in ast.walk(node.value)
                          if isinstance(c, ast.Constant) and isinstance(c.value, str)]
    return found


def test_the_scan_finds_the_codes_of_every_kind():
    keys = {key for key, _, _ in raised_codes()}
    assert {"loader.file_empty", "loader.unknown_header", "loader.sheet_hidden", "loader.sheet_no_table",
            "loader.not_data_file", "store.batch_unknown", "store.duplicate_file", "kipp.msg.age.young_year",
            "kipp.msg.title.other_years", "kipp.msg.attachment.sdgs_unknown"} <= keys
    assert len(keys) > 50


@pytest.mark.parametrize("key, where, given", raised_codes(), ids=lambda v: v if isinstance(v, str) else "")
def test_every_raised_code_is_in_the_catalog_with_its_parameters(key, where, given):
    assert key in CATALOG, f"{where} raises {key}, which the catalog lacks"
    if given is not None:
        assert placeholders(CATALOG[key][0]) <= given, f"{where} raises {key} without all its parameters"

