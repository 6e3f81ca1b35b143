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


def _plain(tmp_path, title=None):
    """A sheet whose rows have no year anywhere unless a rule gives it: no year column, no code column,
    no year in its name (and in its title only when `title` is given)."""
    rows = [["No", "Nama Inovasi", "OPD", "Nomor Register"], [1, "Kartu Sehat", "Dinas Kesehatan", "15/07"],
            [2, "Desa Cerdas", "Dinas Pendidikan", "2016/3"]]
    return make_xlsx(tmp_path / "polos.xlsx", {"Data": ([[title]] if title else []) + rows})


def test_the_code_rule_reads_the_sheets_recognised_code_column(tmp_path):
    result = load_paths([_yearless(tmp_path)], reference=load_reference().with_sheet_years({"data": "kode"}))
    assert result.ok and result.frame["year"].tolist() == [2015, 2016]
    sheet = result.files[0].sheets[0]
    assert (sheet.year_rule, sheet.year_rule_source) == ("code", "option")


def _stored(rule: str, sheet: str = "Data", headers=("No", "Nama Inovasi", "OPD", "Nomor Register")):
    from loaders.reference import sheet_shape

    return load_reference().with_stored_year_rules([{"sheet": sheet, "shape_key": sheet_shape(sheet, headers),
                                                     "rule": rule, "created_by": "sari",
                                                     "created_at": "2026-12-01T10:00:00+00:00"}])


def test_a_stored_rule_is_reused_for_a_sheet_of_the_same_shape_and_a_fixed_year_says_so(tmp_path):
    # the same sheet name and headers, whatever their case, spacing or order
    reference = _stored("2019", headers=("nomor register", "NAMA  INOVASI", "No", "opd"))
    result = load_paths([_plain(tmp_path)], reference=reference)
    assert result.ok and result.frame["year"].tolist() == [2019, 2019]
    sheet = result.files[0].sheets[0]
    assert (sheet.year_rule, sheet.year_rule_source) == ("2019", "store")
    [warning] = [issue for issue in result.issues if issue.code != "unknown_header"]
    assert (warning.code, warning.sheet, warning.row) == ("year_rule_stored", "Data", 1)
    assert "2019" in warning.message and "sari" in warning.message and '--year "Data=TAHUN"' in warning.message


def test_a_stored_rule_of_another_shape_does_not_apply(tmp_path):
    for reference in (_stored("2019", headers=("No", "Nama Inovasi", "OPD")), _stored("2019", sheet="Lembar1")):
        result = load_paths([_plain(tmp_path)], reference=reference)
        assert not result.ok and result.files[0].sheets[0].year_rule is None


@pytest.mark.parametrize("rule, years", [("title", [2014, 2014]), ("code:Nomor Register", [2015, 2016])])
def test_a_stored_rule_from_the_code_or_the_title_gives_no_warning(tmp_path, rule, years):
    result = load_paths([_plain(tmp_path, "DAFTAR INOVASI TA 2014")], reference=_stored(rule))
    assert result.ok and result.frame["year"].tolist() == years
    assert [issue.code for issue in result.issues] == ["unknown_header"]


@pytest.mark.parametrize("rule, code, column", [("title", "year_rule_no_title", None),
                                                 ("code:Nomor", "year_rule_no_column", "Nomor"),
                                                 ("code", "year_rule_no_column", None)])
def test_a_rule_the_sheet_cannot_follow_is_a_warning_saying_why(tmp_path, rule, code, column):
    result = load_paths([_plain(tmp_path)], reference=load_reference().with_sheet_years({"Data": rule}))
    warning = next(issue for issue in result.issues if issue.severity == "warning" and issue.code != "unknown_header")
    assert (warning.code, warning.sheet, warning.row, warning.column) == (code, "Data", 1, column)
    assert [issue.code for issue in result.errors] == ["no_year", "no_year", "file_rejected"]
    if code == "year_rule_no_column":
        assert "No, Nama Inovasi, OPD, Nomor Register" in warning.message


def test_a_rule_for_a_sheet_the_files_do_not_have_is_a_warning(tmp_path):
    reference = load_reference().with_sheet_years({"Data": "2019", "Daftar": "2020"})
    result = load_paths([_plain(tmp_path)], reference=reference)
    [warning] = [issue for issue in result.issues if issue.code != "unknown_header"]
    assert (warning.code, warning.file) == ("year_rule_no_sheet", "polos.xlsx")
    assert "'Daftar=2020'" in warning.message and "Data" in warning.message


@pytest.mark.parametrize("value, parsed", [("2019", "2019"), (" Title ", "title"), ("judul", "title"), ("KODE", "code"),
                                           ("code: Nomor Register", "code:Nomor Register"), ("1800", None),
                                           ("3000", None), ("19", None), ("tahun", None), ("code:", None),
                                           ("title:x", None), ("", None)])
def test_parse_year_rule(value, parsed):
    from loaders.reference import parse_year_rule

    if parsed is None:
        with pytest.raises(ValueError):
            parse_year_rule(value)
    else:
        assert parse_year_rule(value) == parsed
