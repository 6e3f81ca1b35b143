"""Reading an editions file (analytics/editions_file.py): the document, or the caller's error naming the file."""

from __future__ import annotations

import pytest

from analytics.editions_file import read_toml


class _Refused(ValueError):
    def __init__(self, code: str, **params):
        self.code, self.params = code, params
        super().__init__(f"{code}: {params['file']}")


def test_read_toml_gives_the_document(tmp_path):
    path = tmp_path / "editions.toml"
    path.write_text('[[edition]]\nyear = 2025\n', encoding="utf-8")
    assert read_toml(path, _Refused) == {"edition": [{"year": 2025}]}


@pytest.mark.parametrize("content", [None, "[[edition]\nyear = 2025\n"], ids=["missing", "malformed"])
def test_read_toml_raises_the_callers_error_naming_the_file(tmp_path, content):
    path = tmp_path / "editions.toml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(_Refused, match="^unreadable: editions.toml$") as caught:
        read_toml(path, _Refused)
    assert caught.value.params["detail"]
    assert caught.value.__cause__ is not None
