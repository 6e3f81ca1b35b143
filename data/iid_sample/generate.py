"""Write the SYNTHETIC IID sample data of data/iid_sample/ (see README.md): `python data/iid_sample/generate.py`.

Two things, both made up, both deterministic (one `random.Random(2018)`, CSV written byte for byte):

- `replikasi/*.csv`: the replication library — IID exports (family B, with `Pemda`) of four other
  regions of South Sumatra, 2023-2025, names and descriptions in the style of the regency's own, some
  close to the regency's (so the similar-innovation finder has something to find) and many in urusan
  the regency never had (Kehutanan, Persandian, Transmigrasi);
- `bukti_iid.csv`: an evidence sheet for the regency's own IID 2023-2025 innovations in data/sample/
  (their ids as the dashboard shows them): the government-level (SPD) tiers and, per innovation, the
  tiers of the SID indicators, drawn so that the computed SID comes near the export's Kematangan.
"""

from __future__ import annotations

import argparse
import csv
import io
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "data" / "sample")]
sys.dont_write_bytecode = True

from _names import NAMES  # noqa: E402  (the regency's name pools: data/sample/_names.py)

SEED = 2018
LIBRARY = "replikasi"   # the folder of the replication library's files
YEARS = (2023, 2024, 2025)
REGIONS = {  # region -> innovations per year (2023, 2024, 2025)
    "Kota Palembang": (34, 38, 41),
    "Kabupaten Lahat": (18, 21, 24),
    "Kota Prabumulih": (15, 16, 19),
    "Kabupaten Ogan Komering Ulu": (20, 17, 22),
}
# Urusan the regency never had (data/sample/_vocabulary.py NEVER_USED_SECTORS), with names of their own.
OWN_NAMES = {
    "Kehutanan": (
        "Patroli Karhutla Terpadu Berbasis Desa", "Bank Bibit Desa Hutan", "Perhutanan Sosial Digital",
        "SIPONGI Lokal (Sistem Pemantauan Titik Api)", "Kebun Bibit Rakyat Sekolah", "Agroforestri Kopi Rakyat",
        "Masyarakat Peduli Api Mandiri", "Hutan Desa Lestari",
    ),
    "Persandian": (
        "Sertifikat Elektronik ASN", "Tim Tanggap Insiden Siber Daerah", "Tanda Tangan Elektronik Naskah Dinas",
        "Persandian Pintar Kantor Camat", "Pengamanan Informasi Rapat Pimpinan",
    ),
    "Transmigrasi": (
        "Kampung Transmigran Mandiri", "SITRANS (Sistem Informasi Transmigrasi)",
        "Sekolah Lapang Petani Transmigran", "Sertifikasi Lahan Transmigran Terpadu",
    ),
}
AGENCIES = {
    "Kehutanan": "Dinas Lingkungan Hidup dan Kehutanan", "Persandian": "Dinas Komunikasi dan Informatika",
    "Transmigrasi": "Dinas Tenaga Kerja dan Transmigrasi", "Kesehatan": "Dinas Kesehatan",
    "Pendidikan": "Dinas Pendidikan",
}
TARGETS = ("warga desa", "ibu hamil dan balita", "pelajar", "pelaku usaha kecil", "aparatur sipil negara",
           "petani", "lansia", "masyarakat umum")
BENEFITS = ("layanan lebih cepat dan tanpa biaya", "data yang selalu mutakhir", "jangkauan sampai ke desa",
            "antrean yang lebih pendek", "pengawasan yang lebih mudah", "biaya yang lebih hemat")
VARIANTS = ("", " Plus", " 2.0", " Terpadu", " Keliling")
COLUMNS = ("No", "Judul Inovasi", "Pemda", "Admin OPD", "Urusan Utama", "Tahapan Inovasi", "Tanggal Penerapan",
           "Tahun Data", "Kematangan", "Deskripsi")
STAGES = ("Penerapan",) * 7 + ("Uji Coba",) * 2 + ("Inisiatif",)


def description(rng: random.Random, name: str, sector: str, agency: str, region: str) -> str:
    core = name.split(" (")[0]
    return (f"{core} adalah inovasi {agency} {region} di urusan {sector.lower()} untuk {rng.choice(TARGETS)}, "
            f"memberi {rng.choice(BENEFITS)}.")


def library_rows(rng: random.Random, region: str, counts: tuple[int, ...]) -> list[list[str]]:
    """One region's IID rows: a third in the urusan the regency never had, the rest after its pools."""
    rows, used = [], set()
    sectors = list(NAMES)
    for year, count in zip(YEARS, counts):
        for _ in range(count):
            if rng.random() < 0.33:
                sector = rng.choice(sorted(OWN_NAMES))
                name = rng.choice(OWN_NAMES[sector])
            else:
                sector = rng.choice(sectors[:6]) if rng.random() < 0.5 else rng.choice(sectors)
                name = rng.choice(NAMES[sector]) + rng.choice(VARIANTS)
            if (name, year) in used:
                continue
            used.add((name, year))
            agency = AGENCIES.get(sector, "Sekretariat Daerah")
            stage = rng.choice(STAGES)
            launch = "-" if stage == "Inisiatif" else f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{year - rng.randint(0, 2)}"
            rows.append([str(len(rows) + 1), name, region, agency, sector.lower(), stage, launch, str(year),
                         str(rng.randint(20, 111)), description(rng, name, sector, agency, region)])
    return rows


def write_csv(path: Path, header, rows) -> None:
    """UTF-8, comma-separated, LF line ends: the same bytes on every run and platform."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    path.write_bytes(buffer.getvalue().encode("utf-8"))


def evidence_rows(rng: random.Random) -> list[list[str]]:
    """The regency's evidence for IID 2023-2025: every SPD indicator, and per innovation of data/sample/
    SID tiers whose score comes near its Kematangan (leaving some short of it, as real evidence is)."""
    from analytics.iid.editions import load_editions
    from analytics.iid.scoring import edition_innovations
    from loaders import SAMPLE_DIR, load_paths

    frame = load_paths([SAMPLE_DIR]).frame
    rows = []
    for year in YEARS:
        edition = load_editions().get(year)
        for indicator in edition.spd:
            rows.append([str(year), "", indicator.number, str(rng.choice((1, 2, 2, 3, 3))), "bukti sintetis"])
        for innovation in edition_innovations(frame, edition).itertuples():
            maturity = innovation.maturity if innovation.maturity == innovation.maturity else 50
            share = min(1.0, float(maturity) / edition.sid_max * rng.uniform(0.8, 1.05))
            for indicator in edition.sid:
                tier = sum(rng.random() < share for _ in range(3))
                if tier:
                    rows.append([str(year), innovation.id, indicator.number, str(tier), "bukti sintetis"])
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write the synthetic IID sample data.")
    parser.add_argument("--out", type=Path, default=HERE, help="folder to write into (default: this one)")
    out = parser.parse_args(argv).out
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(SEED)
    (out / LIBRARY).mkdir(exist_ok=True)
    for region, counts in REGIONS.items():
        slug = region.lower().replace(" ", "_")
        write_csv(out / LIBRARY / f"{slug}.csv", COLUMNS, library_rows(rng, region, counts))
    write_csv(out / "bukti_iid.csv", ("tahun", "id", "indikator", "tingkat", "bukti"), evidence_rows(rng))
    return 0


if __name__ == "__main__":
    sys.exit(main())
