"""Write the SYNTHETIC sample data of data/sample/ (see README.md): `python data/sample/generate.py`.

Deterministic: one `random.Random(2018)`, fixed workbook properties and fixed zip timestamps, so every
run writes the same bytes. The per-year counts reproduce the regency's published figures.
"""

from __future__ import annotations

import argparse
import csv
import random
import re
import sys
import zipfile
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.dont_write_bytecode = True  # leave no __pycache__ among the sample files

from openpyxl.packaging.core import DocumentProperties  # noqa: E402

from _iid import iid_table, iid_years, write_csv, write_html, write_xlsx  # noqa: E402
from _names import NAMES  # noqa: E402
from _recap import build_recap  # noqa: E402
from _records import OTHER_SECTORS, apply_scenarios_2017, make_year, plan_slots, recap_dates  # noqa: E402
from _vocabulary import (  # noqa: E402
    AGENCIES, NEVER_USED_SECTORS, RECAP_SPELLINGS, SECTOR_SDGS, TOP10_2016,
)

SEED = 2018
REFERENCE = HERE.parent / "reference"
# 2015–2017: kabarserasan.com, 8 Mar 2018 (202 innovations). 2018–2025: the anchors of the brief.
RECAP_TOTALS = {2015: 79, 2016: 67, 2017: 56}
IID_TOTALS = {2018: 42, 2019: 99, 2020: 88, 2021: 104, 2022: 123, 2023: 117, 2024: 96, 2025: 108}
RECAP_PARTICIPATION = {2015: (0.6, 0.2), 2016: (0.55, 0.2), 2017: (0.55, 0.15)}
FIXED_TIME = datetime(2018, 3, 8, 9, 0, 0)
IID_WRITERS = {2020: ("iid_2020.xls", write_html), 2021: ("iid_2021.csv", write_csv)}


def reference_names(file: str) -> set[str]:
    with open(REFERENCE / file, encoding="utf-8", newline="") as handle:
        return {row["name"] for row in csv.DictReader(handle)}


def check_reference() -> None:
    """Fail loudly if the name pools drifted away from data/reference/ (agencies and urusan)."""
    agencies, sectors = reference_names("agencies.csv"), reference_names("sectors.csv")
    ours = {a.name for a in AGENCIES}
    if ours != agencies:
        raise SystemExit(f"agency pools differ from agencies.csv: {sorted(ours ^ agencies)}")
    used = {s for a in AGENCIES for s in a.sectors} | set(NAMES) | set(SECTOR_SDGS) | set(OTHER_SECTORS)
    unknown = used - sectors
    if unknown or used & set(NEVER_USED_SECTORS):
        raise SystemExit(f"urusan not in sectors.csv or meant to stay unused: {sorted(unknown)}")


def recap_years(rng: random.Random) -> dict:
    """2015–2017 innovations; names never repeat within an agency across the three years."""
    used: dict[str, set] = {}
    by_year = {}
    for year, total in RECAP_TOTALS.items():
        era = "old" if year < 2017 else "new"
        spellings = (TOP10_2016 if era == "old" else ()) + RECAP_SPELLINGS[year]
        forced = [(raw, agency, unit, None) for raw, agency, unit in spellings]
        slots = plan_slots(rng, total, era, *RECAP_PARTICIPATION[year], forced)
        rows = make_year(rng, year, slots, used)
        for inv in rows:
            recap_dates(rng, inv)
        by_year[year] = rows
    apply_scenarios_2017(rng, by_year[2017])
    return by_year


def properties() -> DocumentProperties:
    return DocumentProperties(creator="generate.py (data sintetis)", lastModifiedBy="generate.py",
                              title="Data sampel sintetis Dasbor Inovasi", created=FIXED_TIME, modified=FIXED_TIME)


def normalize_zip(path: Path) -> None:
    """Rewrite an xlsx with fixed entry timestamps so that identical content gives identical bytes.

    openpyxl stamps docProps/core.xml "modified" with the time of saving whatever the workbook says,
    so that one value is put back to FIXED_TIME here.
    """
    stamp = FIXED_TIME.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    with zipfile.ZipFile(path) as source:
        entries = [(info.filename, source.read(info)) for info in source.infolist()]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries:
            if name == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*", rb"\g<1>" + stamp, data)
            info = zipfile.ZipInfo(name, date_time=FIXED_TIME.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, data)


def write_iid(rng: random.Random, by_year: dict, out: Path) -> list[Path]:
    paths = []
    for year, rows in by_year.items():
        name, writer = IID_WRITERS.get(year, (f"iid_{year}.xlsx", None))
        path = out / name
        table = iid_table(rng, rows)
        if writer is None:
            write_xlsx(table, path, properties())
            normalize_zip(path)
        else:
            writer(table, path)
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the synthetic sample data.")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into (default: this one)")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    check_reference()
    rng = random.Random(SEED)
    recap = recap_years(rng)
    iid = iid_years(rng, IID_TOTALS)
    recap_path = out / "rekap_inovasi_2015_2017.xlsx"
    build_recap(rng, recap, properties()).save(recap_path)
    normalize_zip(recap_path)
    paths = [recap_path, *write_iid(rng, iid, out)]
    for year, rows in {**recap, **iid}.items():
        print(f"{year}: {len(rows)} innovations")
    for path in paths:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
