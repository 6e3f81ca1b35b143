"""Users' column mappings: an unknown header mapped to a field, a column ignored, a sheet's year rule."""

import pytest

from loaders import load_paths
from loaders.reference import IGNORE, ReferenceError, load_reference
from loaders.records import code_year
from tests.workbooks import make_xlsx

HEADER = ["No", "Nama Inovasi", "OPD", "Kegiatan Pendukung", "Tahun"]


def _file(tmp_path, header=HEADER, sheet="2016"):
    return make_xlsx(tmp_path / "kolom.xlsx", {sheet: [
        header, [1, "Posyandu Digital", "Dinkes", "Kader terlatih", 2016],
        [2, "Sekolah Ramah", "Disdik", "Guru pendamping", 2016]]})


def _codes(result):
    return [(i.code, i.column) for i in result.issues]


def test_an_unknown_header_is_a_warning_and_its_values_are_not_loaded(tmp_path):
    result = load_paths([_file(tmp_path)])
    assert ("unknown_header", "Kegiatan Pendukung") in _codes(result)
    assert result.files[0].sheets[0].unknown == ["Kegiatan Pendukung"]
    assert result.frame["resources"].isna().all()


def test_a_mapped_header_fills_its_field_and_says_where_the_mapping_came_from(tmp_path):
    reference = load_reference().with_header_mappings([("kegiatan  PENDUKUNG", "resources")], "option")
    result = load_paths([_file(tmp_path)], reference=reference)
    assert result.frame["resources"].tolist() == ["Kader terlatih", "Guru pendamping"]
    assert ("unknown_header", "Kegiatan Pendukung") not in _codes(result)
    sheet = result.to_dict()["files"][0]["sheets"][0]
    assert sheet["mapping"]["Kegiatan Pendukung"] == "resources"
    assert sheet["mapping_source"]["Kegiatan Pendukung"] == "option"
    assert sheet["mapping_source"]["Nama Inovasi"] == "reference"
    assert sheet["unknown"] == []


def test_an_ignored_header_is_dropped_without_a_warning(tmp_path):
    reference = load_reference().with_header_mappings([("Kegiatan Pendukung", IGNORE)], "store")
    result = load_paths([_file(tmp_path)], reference=reference)
    assert result.ok and not result.issues
    sheet = result.files[0].sheets[0]
    assert sheet.mapping["Kegiatan Pendukung"] is None and sheet.mapping_source["Kegiatan Pendukung"] == "store"
    assert result.frame["resources"].isna().all()


def test_a_mapped_name_header_lets_the_table_be_found(tmp_path):
    header = ["No", "Gagasan", "OPD", "Tahun"]   # ("Ide Inovasi", a LAN recap's, is an alias since issue 10)
    path = make_xlsx(tmp_path / "gagasan.xlsx", {"2015": [header, [1, "Kartu Sehat", "Dinkes", 2015]]})
    assert not load_paths([path]).ok
    reference = load_reference().with_header_mappings([("Gagasan", "name")], "option")
    assert load_paths([path], reference=reference).frame["name"].tolist() == ["Kartu Sehat"]


def test_a_mapping_to_an_unknown_field_is_refused():
    with pytest.raises(ReferenceError):
        load_reference().with_header_mappings([("Kegiatan", "warna")], "option")


def _yearless(tmp_path):
    return make_xlsx(tmp_path / "tanpa_tahun.xlsx", {"Data": [
        ["DAFTAR INOVASI TA 2014"],
        ["No", "Nama Inovasi", "OPD", "Kode"],
        [1, "Kartu Sehat", "Dinkes", "15 LI SS04 PUR 001"],
        [2, "Desa Cerdas", "Disdik", "16 LI SS04 ... 002"]]})


def test_a_sheet_without_a_year_is_rejected_and_counts_its_yearless_rows(tmp_path):
    path = make_xlsx(tmp_path / "tanpa_tahun.xlsx", {"Data": [
        ["No", "Nama Inovasi", "OPD"], [1, "Kartu Sehat", "Dinkes"], [2, "Desa Cerdas", "Disdik"]]})
    result = load_paths([path])
    assert not result.ok and result.files[0].sheets[0].no_year == 2


@pytest.mark.parametrize("rule, years, source", [
    ("2019", [2019, 2019], "set"), ("title", [2014, 2014], "title"), ("code:KODE", [2015, 2016], "code")])
def test_a_sheet_year_rule_gives_its_rows_a_year(tmp_path, rule, years, source):
    # the sheet name has no year and the title's year would not be taken before the rule...
    reference = load_reference().with_sheet_years({"Data": rule})
    result = load_paths([_yearless(tmp_path)], reference=reference)
    assert result.ok
    assert result.frame["year"].tolist() == years and set(result.frame["year_source"]) == {source}
    assert result.files[0].sheets[0].year_rule == rule and result.files[0].sheets[0].no_year == 0


@pytest.mark.parametrize("value, year", [("15 LI SS04 PUR 001", 2015), ("2019-07", 2019), ("LI 15", None),
                                         (None, None)])
def test_code_year(value, year):
    assert code_year(value) == year
