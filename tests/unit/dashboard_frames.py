"""Canonical frames built in code for the dashboard's unit tests (no spreadsheet, no browser)."""

from analytics.dataset import canonical_frame

AGENCIES = ["Dinas Kesehatan", "Dinas Pendidikan", "Kecamatan Gelumbang", "Dinas Perhubungan"]
SECTORS = ["Kesehatan", "Pendidikan", "Perhubungan", "Pemberdayaan Masyarakat dan Desa"]
STAGES = ["Penerapan", "Uji Coba", "Inisiatif", None]


def frame_of(rows: list[dict]):
    """A canonical frame from short dicts; id, name and provenance filled in."""
    records = []
    for i, row in enumerate(rows):
        records.append({"id": f"t{i:04d}", "name": f"Inovasi {i}", "source_file": "uji.xlsx",
                        "source_sheet": str(row.get("year")), "source_row": i + 6, **row})
    return canonical_frame(records)


def region_rows(region: str, pairs: list[tuple[int, str]], prefix: str) -> list[dict]:
    """Rows of one region for a provincial comparison: (year, sector) pairs, ids `prefix` + number."""
    return [{"id": f"{prefix}{i}", "name": f"Inovasi {prefix}{i}", "region": region, "year": year, "sector": sector,
             "agency": "Dinas Kesehatan", "stage": "Penerapan"} for i, (year, sector) in enumerate(pairs)]


def story_frame():
    """202 innovations: 79 in 2015, 67 in 2016, 56 in 2017 (DOMAIN.md §1), spread over fixed cycles."""
    rows = []
    for year, count in ((2015, 79), (2016, 67), (2017, 56)):
        for i in range(count):
            rows.append({"year": year, "agency": AGENCIES[i % 4], "sector": SECTORS[(i // 2) % 4],
                         "stage": STAGES[i % 4], "kind": "Digital" if i % 3 == 0 else "Non Digital",
                         "form": "Pelayanan Publik", "initiator": "OPD"})
    return frame_of(rows)
