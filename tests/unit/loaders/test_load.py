"""loaders/load.py: how far a load has come (`progress`), files weighted by size, without changing what is loaded."""

from __future__ import annotations

from loaders import load_paths
from loaders.load import FILES_SHARE
from tests.workbooks import make_xlsx, simple_table


def _files(tmp_path):
    small = make_xlsx(tmp_path / "kecil.xlsx", {"2016": simple_table([[1, "Kartu Sehat", "Dinas Kesehatan",
                                                                      "Kesehatan", 2016]])})
    big = tmp_path / "besar.csv"
    big.write_text("No;Nama Inovasi;Perangkat Daerah;Tahun\n"
                   + "".join(f"{i};Inovasi {i};Dinas Kesehatan;2017\n" for i in range(1, 3001)))
    notes = tmp_path / "catatan.md"
    notes.write_text("bukan data")
    return [small, notes, big]


def test_a_load_tells_each_file_read_then_normalised_in_order_and_loads_the_same(tmp_path):
    told = []
    paths = _files(tmp_path)
    result = load_paths(paths, progress=lambda stage, fraction, **values: told.append((stage, fraction, values)))
    plain = load_paths(paths)
    assert result.to_dict() == plain.to_dict() and len(result.frame) == 3001
    assert [(stage, values.get("file")) for stage, _, values in told] == [
        ("reading", "kecil.xlsx"), ("normalising", "kecil.xlsx"),
        ("reading", "besar.csv"), ("normalising", "besar.csv"), ("normalising", None)]
    fractions = [fraction for _, fraction, _ in told]
    assert fractions == sorted(fractions) and fractions[0] == 0 and fractions[-1] == FILES_SHARE
    small, big = paths[0].stat().st_size, paths[2].stat().st_size    # each file's part: its share of the bytes
    assert fractions[2] == FILES_SHARE * small / (small + big)
    assert told[3][2]["rows"] == 3001 and told[-1][2] == {"rows": 3001}   # the CSV's rows (with its header), then the records


def test_a_rejected_file_is_only_read(tmp_path):
    told = []
    empty = tmp_path / "kosong.csv"
    empty.write_text("")
    load_paths([empty], progress=lambda stage, fraction, **values: told.append(stage))
    assert told == ["reading", "normalising"]
