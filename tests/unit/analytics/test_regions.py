"""The provincial view's numbers (analytics/regions.py) on a small frame counted by hand:

    this regency (no region written): 2022 Kesehatan; 2023 Kesehatan ×2, Pendidikan; 2024 Perhubungan
    Kota Lubuklinggau (a file's):     2023 Kesehatan; 2024 Kesehatan, Pertanian ×2
    library: Kabupaten Musi Rawas     2023 Pendidikan; 2024 Pendidikan; 2025 Kesehatan
             Kota Lubuklinggau        2023 Kesehatan (left out: the data holds that region)

The years all three have data for: 2023 and 2024.
"""

import pandas as pd
import pytest

from analytics import regions
from analytics.dataset import canonical_frame
from analytics.iid.editions import load_editions
from analytics.iid.scoring import assess

HOME = "Kabupaten Muara Enim"
CITY = "Kota Lubuklinggau"
MUSI = "Kabupaten Musi Rawas"
TAXONOMY = ["Kesehatan", "Pendidikan", "Perhubungan", "Pertanian"]


def rows_of(region, pairs, prefix):
    return [{"id": f"{prefix}{i}", "name": f"Inovasi {prefix}{i}", "region": region, "year": year, "sector": sector,
             "agency": "Dinas Kesehatan", "stage": "Penerapan"} for i, (year, sector) in enumerate(pairs)]


@pytest.fixture
def data():
    return canonical_frame(
        rows_of(None, [(2022, "Kesehatan"), (2023, "Kesehatan"), (2023, "Kesehatan"), (2023, "Pendidikan"),
                       (2024, "Perhubungan")], "h")
        + rows_of(CITY, [(2023, "Kesehatan"), (2024, "Kesehatan"), (2024, "Pertanian"), (2024, "Pertanian")], "c"))


@pytest.fixture
def library():
    return canonical_frame(rows_of(MUSI, [(2023, "Pendidikan"), (2024, "Pendidikan"), (2025, "Kesehatan")], "m")
                           + rows_of(CITY, [(2023, "Kesehatan")], "x"))


@pytest.fixture
def compared(data, library):
    return regions.comparison_frame(data, library)


def test_the_library_adds_only_the_regions_the_data_does_not_hold_and_every_row_names_its_region(compared):
    assert len(compared) == 5 + 4 + 3
    assert compared["region"].value_counts().to_dict() == {HOME: 5, CITY: 4, MUSI: 3}
    assert not compared["id"].eq("x0").any()


def test_region_names_put_this_regency_first_then_the_others_by_innovations(compared):
    assert regions.region_names(compared) == [HOME, CITY, MUSI]


def test_choose_keeps_the_named_regions_or_every_region(compared):
    assert set(regions.choose(compared, (MUSI,))["id"]) == {"m0", "m1", "m2"}
    assert len(regions.choose(compared, ())) == 12


def test_common_years_are_the_years_every_region_has_data_for(compared):
    assert regions.common_years(compared) == [2023, 2024]
    assert regions.common_years(regions.choose(compared, (HOME,))) == [2022, 2023, 2024]
    assert regions.common_years(compared.iloc[0:0]) == []


def test_region_counts_compare_the_common_years_and_keep_each_total(compared):
    table = regions.region_counts(compared)
    assert table.drop(columns="common").to_dict("records") == [
        {"region": HOME, "count": 4, "total": 5, "first": 2022, "last": 2024, "sectors": 3},
        {"region": CITY, "count": 4, "total": 4, "first": 2023, "last": 2024, "sectors": 2},
        {"region": MUSI, "count": 2, "total": 3, "first": 2023, "last": 2025, "sectors": 1},
    ]
    assert set(table["common"]) == {(2023, 2024)}


def test_regions_without_a_common_year_are_counted_over_all_their_years(compared):
    apart = compared.loc[((compared["region"] == HOME) & (compared["year"] == 2022)) | (compared["region"] == MUSI)]
    table = regions.region_counts(apart)
    assert table[["region", "count", "total"]].to_dict("records") == [
        {"region": MUSI, "count": 3, "total": 3}, {"region": HOME, "count": 1, "total": 1}]
    assert set(table["common"]) == {()}


def test_the_sector_matrix_holds_the_urusan_some_region_has_in_taxonomy_order(compared):
    matrix = regions.sector_matrix(regions.in_common_years(compared), TAXONOMY, [HOME, CITY, MUSI])
    assert matrix.index.tolist() == TAXONOMY
    assert matrix.columns.tolist() == [HOME, CITY, MUSI]
    assert matrix.to_numpy().tolist() == [[2, 2, 0],   # Kesehatan (Musi Rawas' is of 2025)
                                          [1, 0, 2],   # Pendidikan
                                          [1, 0, 0],   # Perhubungan
                                          [0, 2, 0]]   # Pertanian


def test_coverage_counts_the_urusan_each_region_has_and_its_top_one(compared):
    matrix = regions.sector_matrix(regions.in_common_years(compared), TAXONOMY, [HOME, CITY, MUSI])
    table = regions.coverage(matrix, taxonomy_size=8)
    assert table.to_dict("records") == [
        {"region": HOME, "sectors": 3, "share": 3 / 8, "top": "Kesehatan", "top_count": 2},
        {"region": CITY, "sectors": 2, "share": 2 / 8, "top": "Kesehatan", "top_count": 2},  # tie: taxonomy order
        {"region": MUSI, "sectors": 1, "share": 1 / 8, "top": "Pendidikan", "top_count": 2},
    ]


def test_the_index_is_computed_where_evidence_exists_and_only_for_this_regency():
    edition = load_editions().get(2025)
    with_sk = canonical_frame(rows_of(None, [(2025, "Kesehatan")], "h"))
    with_sk["decree"] = "SK Bupati 12/2025"  # tier 1 of the regulation indicator: evidence
    table = regions.index_by_region(with_sk, [HOME, CITY], [edition], [])
    expected = assess(with_sk, edition).result
    assert expected.index > 0
    assert table[["region", "edition", "n", "evidence"]].to_dict("records") == [
        {"region": HOME, "edition": 2025, "n": 1, "evidence": True},
        {"region": CITY, "edition": 2025, "n": 0, "evidence": False},
    ]
    assert table["index"].iloc[0] == expected.index and pd.isna(table["index"].iloc[1])
    assert table["band"].iloc[0] == expected.band and table["band"].iloc[1] is None


def test_no_evidence_at_all_gives_no_index():
    edition = load_editions().get(2025)
    bare = canonical_frame(rows_of(None, [(2025, "Kesehatan")], "h"))
    table = regions.index_by_region(bare, [HOME], [edition], [])
    assert table["evidence"].tolist() == [False] and pd.isna(table["index"].iloc[0])
