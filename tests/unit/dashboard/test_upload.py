"""The /data preview's mapping controls (dashboard/components/upload.py): what is asked, once, and
what a choice made in the preview shows when the preview is drawn again."""

from dashboard.components.upload import create_mapping_controls, create_preview, mapping_choices, preview_report
from tests.workbooks import make_xlsx


def _report(store, tmp_path, mappings=(), years=None):
    # "Nomor Register" holds a code the loaders do not read ("Kode" is a LAN recap's code column since issue 10)
    sheets = {"Data": [["No", "Nama Inovasi", "OPD", "Nomor Register", "Kegiatan Pendukung"],
                       [1, "Kartu Sehat", "Dinas Kesehatan", "15 LI SS04 PUR 001", "Kader"]],
              "2016": [["No", "Nama Inovasi", "OPD", "Kegiatan Pendukung"], [1, "Desa Cerdas", "Dinas Kesehatan", "Guru"]]}
    path = make_xlsx(tmp_path / "peta.xlsx", sheets)
    return preview_report(store, [path], "id", mappings, years)[0]


def test_each_unknown_header_is_asked_once_and_a_yearless_sheet_gets_a_year_control(store, tmp_path):
    report = _report(store, tmp_path)
    headers, years = mapping_choices(report)
    assert headers == {"Nomor Register": None, "Kegiatan Pendukung": None}      # once, though two sheets have it
    assert list(years) == ["Data"] and years["Data"][:2] == (None, 1)
    controls = create_mapping_controls(report, "id", lambda column, lang: column)
    ids = [c.id for c in _walk(controls) if isinstance(getattr(c, "id", None), dict)]
    assert {"type": "edit-map", "header": "Nomor Register"} in ids and {"type": "edit-year", "sheet": "Data"} in ids
    year_control = next(c for c in _walk(controls) if getattr(c, "id", None) == {"type": "edit-year", "sheet": "Data"})
    assert "code:Nomor Register" in [option["value"] for option in year_control.options]


def test_choices_made_in_the_preview_stay_shown_and_the_year_rule_applies(store, tmp_path):
    report = _report(store, tmp_path, [("Kegiatan Pendukung", "resources"), ("Nomor Register", "ignore")],
                     {"Data": "code:Nomor Register"})
    headers, years = mapping_choices(report)
    assert headers == {"Nomor Register": "ignore", "Kegiatan Pendukung": "resources"}
    assert years["Data"][:2] == ("code:Nomor Register", 0)
    assert report["by_year"] == {"2015": 1, "2016": 1}
    assert not [issue for issue in report["issues"] if issue["severity"] == "error"]


def test_nothing_is_asked_when_every_header_is_known(store, tmp_path):
    path = make_xlsx(tmp_path / "baik.xlsx", {"2016": [["No", "Nama Inovasi", "OPD"], [1, "A", "Dinas Kesehatan"]]})
    report = preview_report(store, [path], "id")[0]
    assert create_mapping_controls(report, "id", lambda column, lang: column) is None


def test_the_preview_counts_agencies_per_region_once_another_government_is_in_the_file(store, tmp_path):
    path = make_xlsx(tmp_path / "daerah.xlsx", {"2022": [
        ["No", "Nama Inovasi", "Pemda", "OPD"], [1, "A", "Kab. Muara Enim", "Dinkes"],
        [2, "B", "Kota Palembang", "Dinas Kesehatan"], [3, "C", None, "Dinas Kesehatan"]]})
    report = preview_report(store, [path], "id")[0]
    assert report["by_agency"] == {"Dinas Kesehatan": 2}
    table = next(c for c in _walk(create_preview(report, "id", lambda column, lang: column))
                 if getattr(c, "id", None) == "edit-by-agency")
    rows = [[cell.children for cell in row.children] for row in table.children[1].children]
    assert rows == [["Kabupaten Muara Enim", "Dinas Kesehatan", "2"], ["Kota Palembang", "Dinas Kesehatan", "1"]]


def _walk(component):
    yield component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        if hasattr(child, "children") or hasattr(child, "id"):
            yield from _walk(child)


def test_the_preview_shows_an_innovation_listed_twice_before_saving_and_compares_one_copy(store, tmp_path):
    from dashboard.components.duplicates import create_upload_duplicates
    from tests.unit.store.test_duplicates import dup_files

    uploads = list(dup_files(tmp_path))
    report = preview_report(store, uploads, "id")[0]
    assert report["duplicates"] == [{"year": 2019, "name": "Layanan Dua", "agency": "Dinas Kesehatan",
                                     "kept": {"file": "opd_b.xlsx", "sheet": "Dinkes", "row": 3},
                                     "skipped": [{"file": "opd_a.xlsx", "sheet": "Data", "row": 3}]}]
    assert report["records"] == 4 and report["comparison"]["years"][0]["new"] == 3   # what "keep one" saves
    everything = preview_report(store, uploads, "id", duplicates="keep-all")[0]
    assert everything["comparison"]["years"][0]["new"] == 4
    text = str(create_upload_duplicates(report["duplicates"], "id"))
    assert "opd_b.xlsx, lembar Dinkes, baris 3" in text and "opd_a.xlsx, lembar Data, baris 3" in text
    assert create_upload_duplicates([], "id") == []
