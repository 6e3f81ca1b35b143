"""Users' year rules in the store: saved with who and when for a sheet's shape (its name and headers),
reused by later uploads of a sheet of that shape only, replaced by a later rule, refused when bad."""

from __future__ import annotations

import pytest

from store.database import StoreError
from tests.workbooks import make_xlsx

HEADER = ["No", "Nama Inovasi", "Perangkat Daerah", "Nomor Register"]


def yearless(path, headers=HEADER, sheet: str = "Data"):
    rows = [[1, "Kartu Sehat", "Dinas Kesehatan", "15/07"], [2, "Desa Cerdas", "Dinas Pendidikan", "2016/3"]]
    return make_xlsx(path, {sheet: [list(headers), *[row[:len(headers)] for row in rows]]})


def test_a_year_rule_is_stored_with_who_and_when_and_reused_by_a_later_upload_of_the_same_shape(store, tmp_path):
    saved = store.add_year_rule("Data", HEADER, "Code: Nomor Register", user="sari")
    assert (saved["sheet"], saved["headers"], saved["rule"], saved["created_by"]) == (
        "Data", HEADER, "code:Nomor Register", "sari")
    assert saved["created_at"] and store.year_rules() == [saved]
    result = store.ingest([yearless(tmp_path / "a.xlsx")], "budi")
    assert result.ok, [issue.to_line() for issue in result.errors]
    sheet = result.files[0].sheets[0]
    assert (sheet.year_rule, sheet.year_rule_source) == ("code:Nomor Register", "store")
    assert store.current_frame()["year"].tolist() == [2015, 2016]


def test_a_stored_rule_does_not_apply_to_a_sheet_of_another_shape(store, tmp_path):
    store.add_year_rule("Data", HEADER, "2019", user="sari")
    for path in (yearless(tmp_path / "a.xlsx", HEADER[:3]), yearless(tmp_path / "b.xlsx", sheet="Lembar1")):
        result = store.ingest([path], "budi")
        assert not result.ok and "no_year" in {issue.code for issue in result.errors}


def test_a_stored_fixed_year_is_applied_with_a_warning_naming_who_saved_it(store, tmp_path):
    store.add_year_rule("Data", HEADER, "2019", user="sari")
    result = store.ingest([yearless(tmp_path / "a.xlsx")], "budi")
    assert result.ok and store.current_frame()["year"].tolist() == [2019, 2019]
    [warning] = [issue for issue in result.issues if issue.code == "year_rule_stored"]
    assert warning.sheet == "Data" and "sari" in warning.message


def test_a_later_rule_for_the_same_shape_replaces_it_and_this_uploads_rule_wins(store, tmp_path):
    store.add_year_rule("Data", HEADER, "2019", user="sari")
    assert store.add_year_rule("Data", HEADER, "2019", user="budi") is None       # the same rule: no change
    assert [(rule["rule"], rule["created_by"]) for rule in store.year_rules()] == [("2019", "sari")]
    store.add_year_rule("data", [h.upper() for h in reversed(HEADER)], "2020", user="budi")
    assert [(rule["rule"], rule["created_by"]) for rule in store.year_rules()] == [("2020", "budi")]
    result = store.ingest([yearless(tmp_path / "a.xlsx")], "budi", sheet_years={"Data": "2021"})
    assert result.files[0].sheets[0].year_rule_source == "option"
    assert store.current_frame()["year"].tolist() == [2021, 2021]
    assert [rule["rule"] for rule in store.year_rules()] == ["2020"]   # this upload's rule is not stored


@pytest.mark.parametrize("rule", ["tahun lalu", "1850", "code:", ""])
def test_a_bad_year_rule_is_refused_with_the_sheet_and_the_accepted_forms(store, tmp_path, rule):
    with pytest.raises(StoreError) as raised:
        store.add_year_rule("Data", HEADER, rule, user="sari")
    assert raised.value.code == "bad_year_rule" and store.year_rules() == []
    assert "'Data'" in raised.value.message() and "code:Nama Kolom" in raised.value.message()
    with pytest.raises(StoreError) as raised:
        store.ingest([yearless(tmp_path / "a.xlsx")], "budi", sheet_years={"Data": rule})
    assert raised.value.code == "bad_year_rule" and store.history() == []


def test_an_upload_keeping_its_choices_saves_them_with_its_rows_or_not_at_all(store, tmp_path, monkeypatch):
    """The /data confirm keeps the preview's mappings and year rules in the upload's own transaction: a
    failure before COMMIT (a killed job) leaves neither the rows nor the choices."""
    choices = {"mappings": [("Nomor Register", "ignore")], "sheet_years": {"Data": "2019"}, "keep_choices": True}

    def crash():
        raise RuntimeError("killed before COMMIT")

    monkeypatch.setattr("store.ingest._pause_for_tests", crash)
    with pytest.raises(RuntimeError):
        store.ingest([yearless(tmp_path / "a.xlsx")], "budi", **choices)
    assert (store.history(), store.mappings(), store.year_rules()) == ([], [], [])

    monkeypatch.undo()
    result = store.ingest([yearless(tmp_path / "a.xlsx")], "budi", **choices)
    assert result.ok and result.year_rules_saved == 1
    assert [(m["header"], m["target"]) for m in store.mappings()] == [("Nomor Register", "ignore")]
    assert [(r["sheet"], r["rule"], r["created_by"]) for r in store.year_rules()] == [("Data", "2019", "budi")]
    assert store.current_frame()["year"].tolist() == [2019, 2019]
