"""Ingest benchmark (issue 2): `python bench/bench_ingest.py`, or `make bench`.

Generates a 20,000-row workbook shaped like a national-index (IID) export, then measures in the
same run:
  - baseline: a bare `pandas.read_excel(engine="openpyxl")` of that file (in this process,
    imports excluded, so the baseline is as fast as it can be);
  - ours: the whole process `python app.py inspect FILE --json` (interpreter start, imports,
    read, table finding, normalisation, validation, JSON), and its peak memory;
  - ours on the sample data (rows per second).
Budgets: whole-process inspect ≥ 3× faster than the baseline; peak memory < 400 MB.
"""

from __future__ import annotations

import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.budgets import Budget, report  # noqa: E402

ROWS = 20_000
HEADER = ["No", "Judul Inovasi", "Pemda", "Admin OPD", "Inisiator", "Nama Inisiator", "Bentuk Inovasi", "Jenis",
          "Asta Cipta", "Urusan Utama", "Urusan lain yang beririsan", "Kematangan", "Tahapan Inovasi",
          "Tanggal Input", "Tanggal Penerapan", "Tanggal Pengembangan", "Koordinat", "Video", "Link Video",
          "Tahun Data"]
AGENCIES = ["Dinas Kesehatan (dinkes)", "Dinas Pendidikan (disdik)", "Disdukcapil (dukcapil)",
            "Puskesmas Tanjung Enim (pkm_te)", "Kecamatan Gelumbang (kec_gelumbang)", "Dinas PMD (dpmd)",
            "Diskominfo (kominfo)", "Dinas Sosial (dinsos)", "BPBD (bpbd)", "Bappeda (bappeda)"]
SECTORS = ["kesehatan", "pendidikan", "administrasi kependudukan dan pencatatan sipil", "sosial",
           "pemberdayaan masyarakat dan desa", "komunikasi dan informatika", "perencanaan"]


def make_workbook(path: Path, rows: int = ROWS) -> Path:
    """An export-shaped workbook: header on row 1, every cell text, DD-MM-YYYY dates, '-' for empty."""
    from openpyxl import Workbook

    rng = random.Random(20)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Sheet1")
    sheet.append(HEADER)
    for number in range(1, rows + 1):
        year = rng.randint(2018, 2025)
        day = f"{rng.randint(1, 28):02d}-{rng.randint(1, 12):02d}-{year - rng.randint(0, 2)}"
        sheet.append([
            str(number), f"Inovasi Layanan {number} (Layanan Nomor {number})", "Kab. Muara Enim ",
            rng.choice(AGENCIES), rng.choice(["OPD", "ASN", "Kepala Daerah", "Masyarakat"]), f"Inovator {number}",
            rng.choice(["Inovasi Pelayanan Publik", "Inovasi Tata Kelola Pemerintahan Daerah"]),
            rng.choice(["Digital", "Non Digital", "Teknologi"]), "-", rng.choice(SECTORS),
            f"{rng.choice(SECTORS)}, koperasi, usaha kecil, dan menengah", str(rng.randint(0, 111)),
            rng.choice(["Inisiatif", "Uji Coba", "Penerapan"]), day, day, "-", "-", "-",
            f"https://youtu.be/v{number}", str(year)])
    workbook.save(path)
    return path


def timed(function, *args, repeat: int = 3) -> float:
    """Best of `repeat` wall-clock runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        function(*args)
        best = min(best, time.perf_counter() - start)
    return best


def naive_read(path: Path) -> None:
    import pandas as pd

    pd.read_excel(path, engine="openpyxl")


def whole_process_inspect(*paths: Path) -> None:
    done = subprocess.run([sys.executable, "app.py", "inspect", *map(str, paths), "--json"], cwd=ROOT,
                          capture_output=True, text=True)
    if done.returncode not in (0, 1):
        raise SystemExit(done.stderr)


def main() -> None:
    import pandas  # noqa: F401  (imported before timing: the baseline pays no import cost)

    from loaders import load_paths

    with tempfile.TemporaryDirectory() as folder:
        path = make_workbook(Path(folder) / "iid_20000.xlsx")
        baseline = timed(naive_read, path, repeat=2)
        ours = timed(whole_process_inspect, path)
        peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        in_process = timed(load_paths, [path])
    sample = timed(load_paths, [ROOT / "data" / "sample"])
    sample_rows = len(load_paths([ROOT / "data" / "sample"]).frame)

    print(f"20,000-row export, pandas.read_excel(engine='openpyxl') (baseline): {baseline:.2f} s")
    print(f"20,000-row export, whole process `app.py inspect --json`:          {ours:.2f} s "
          f"({ROWS / ours:,.0f} rows/s) — {baseline / ours:.1f}× faster than the baseline (budget ≥ 3×)")
    print(f"20,000-row export, load_paths in process:                          {in_process:.2f} s "
          f"({ROWS / in_process:,.0f} rows/s) — {baseline / in_process:.1f}× the baseline")
    print(f"peak memory of the inspect process: {peak_mb:.0f} MB (budget < 400 MB)")
    print(f"sample data ({sample_rows} innovations, 9 files): {sample:.2f} s ({sample_rows / sample:,.0f} rows/s)")
    sys.exit(report([Budget("inspect speed vs read_excel", round(baseline / ours, 1), 3.0, "×", at_least=True),
                     Budget("inspect peak memory", round(peak_mb), 400.0, "MB")]))


if __name__ == "__main__":
    main()
