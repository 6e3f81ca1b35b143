"""The replication library: similar innovations by TF-IDF over name, description and urusan, ours apart
from other regions', and the urusan where this regency has none while others have many."""

from __future__ import annotations

import pandas as pd

from analytics.iid.similar import search, sector_gaps, similar

HOME = "Kabupaten Muara Enim"


def rows(*items) -> pd.DataFrame:
    keys = ("id", "name", "description", "sector", "agency", "region", "year")
    return pd.DataFrame([dict(zip(keys, item)) for item in items])


OURS = rows(
    ("a", "Posyandu Lansia Ceria", "Pemeriksaan kesehatan lansia setiap bulan di posyandu desa", "Kesehatan",
     "Dinas Kesehatan", HOME, 2024),
    ("a-again", "Posyandu Lansia Ceria", "Pemeriksaan kesehatan lansia setiap bulan", "Kesehatan",
     "Dinas Kesehatan", HOME, 2023),
    ("b", "Posyandu Lansia Sehat", "Pemeriksaan kesehatan lansia di posyandu", "Kesehatan", "Puskesmas Lubai",
     HOME, 2024),
    ("c", "E-Musrenbang", "Usulan pembangunan desa secara daring", "Perencanaan", "Bappeda", HOME, 2024),
)
LIBRARY = rows(
    ("x", "Posyandu Lansia Bahagia", "Pemeriksaan kesehatan lansia di posyandu kelurahan", "Kesehatan",
     "Dinas Kesehatan", "Kota Palembang", 2024),
    ("y", "Patroli Karhutla Terpadu", "Patroli kebakaran hutan dan lahan bersama warga", "Kehutanan",
     "Dinas Kehutanan", "Kabupaten Lahat", 2024),
    ("z", "Bank Bibit Desa Hutan", "Pembibitan pohon untuk hutan desa", "Kehutanan", "Dinas Kehutanan",
     "Kota Prabumulih", 2025),
    ("w", "Hutan Desa Lestari", "Pengelolaan hutan desa", "Kehutanan", "Dinas Kehutanan", "Kota Palembang", 2023),
    ("v", "Sertifikat Elektronik ASN", "Tanda tangan elektronik", "Persandian", "Diskominfo", "Kota Palembang",
     2023),
)


def test_a_similar_innovation_elsewhere_is_a_candidate_and_one_of_ours_a_possible_duplicate():
    matches = similar(OURS, LIBRARY, "a")
    assert matches.innovation["name"] == "Posyandu Lansia Ceria"
    assert matches.others["id"].tolist() == ["x"]                     # forestry shares no words with it
    assert matches.ours["id"].tolist() == ["b"]                       # itself, reported again, is left out
    assert 0.2 <= matches.others.loc[0, "score"] <= 1


def test_other_regions_rows_of_the_data_count_as_library_too():
    data = pd.concat([OURS, LIBRARY.iloc[[0]]], ignore_index=True)
    assert similar(data, LIBRARY.iloc[0:0], "c").others.empty
    assert similar(data, LIBRARY.iloc[0:0], "a").others["id"].tolist() == ["x"]


def test_an_unknown_id_is_none():
    assert similar(OURS, LIBRARY, "nope") is None


def test_urusan_where_we_have_none_and_others_have_many():
    gaps = sector_gaps(OURS, LIBRARY, min_count=2)
    assert gaps.to_dict("records") == [{"sector": "Kehutanan", "count": 3, "regions": 3}]
    assert sector_gaps(OURS, LIBRARY, min_count=1)["sector"].tolist() == ["Kehutanan", "Persandian"]


def test_a_search_by_words_finds_ours_and_others():
    ours, others = search(OURS, LIBRARY, "posyandu lansia")
    assert set(ours["id"]) == {"a", "b"} and others["id"].tolist() == ["x"]
    assert ours["score"].is_monotonic_decreasing
    assert all(frame.empty for frame in search(OURS, LIBRARY, "..."))
    assert all(frame.empty for frame in search(OURS, LIBRARY, "   "))
