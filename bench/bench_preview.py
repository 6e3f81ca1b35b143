"""/data preview benchmark (issue 11): `python bench/bench_preview.py`, or `make bench`.

A 199,999-row CSV (the row limit, 11.6 MB) previewed against a store seeded from the sample data,
each path in a fresh process (its peak RSS from getrusage, its wall time), in the same run:
  - baseline: the synchronous preview as it was, all inside one request of a worker: the JSON body
    parsed, the base64 decoded to bytes, written to a temporary folder, read, normalised, compared
    with the store and drawn;
  - ours, the request: the JSON body parsed and the upload decoded a chunk at a time into the
    staging folder (dashboard/staging.py) — all a worker does before it answers;
  - ours, the job: the staged file read, normalised, compared and drawn (dashboard/pages/data_preview.py's
    background job, in its own process that ends with it).
Budgets: the request takes ≤ 10% of the baseline's time and the worker's peak RSS is ≤ 50% of the
baseline's (the job's memory is returned when its process ends; a worker keeps its peak).
"""

from __future__ import annotations

import base64
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.budgets import Budget, report  # noqa: E402

ROWS = 199_999
AGENCIES = ["Dinas Kesehatan", "Dinas Pendidikan", "Disdukcapil", "Puskesmas Tanjung Enim", "Kecamatan Gelumbang",
            "Dinas Sosial", "BPBD", "Bappeda"]
SECTORS = ["Kesehatan", "Pendidikan", "Sosial", "Perencanaan"]
PATHS = ("baseline", "request", "job")

CHILD = r'''
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
import dashboard, dash, pandas                       # imported before measuring: the worker has them
from dashboard.components.upload import create_preview, decode_uploads, preview_report, staged
from dashboard.staging import stage, staged_paths
from store.database import open_store
store = open_store(f"sqlite:///{sys.argv[3]}", seed=False)
store.reference()
def rss():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
before, started = rss(), time.perf_counter()
path = sys.argv[2]
if path in ("baseline", "request"):
    body = json.loads(Path(sys.argv[4]).read_bytes())
    contents, names = body["contents"], body["names"]
if path == "baseline":
    uploads = decode_uploads(contents, names, 20_000_000)
    with staged(uploads) as paths:
        report, _ = preview_report(store, paths, "id")
    shown = create_preview(report, "id", lambda column, lang: column).to_plotly_json()
elif path == "request":
    token = stage(contents, names, 20_000_000, "bench")
    Path(sys.argv[5]).write_text(token)
else:
    token = Path(sys.argv[5]).read_text()
    report, _ = preview_report(store, staged_paths(token, "bench"), "id")
    shown = create_preview(report, "id", lambda column, lang: column).to_plotly_json()
print(json.dumps({"seconds": time.perf_counter() - started, "before_mb": before, "peak_mb": rss()}))
'''


def make_csv(path: Path) -> Path:
    rng = random.Random(1)
    with path.open("w") as out:
        out.write("No;Nama Inovasi;OPD;Urusan;Tahun\n")
        out.writelines(f"{i};Inovasi Layanan {i};{rng.choice(AGENCIES)};{rng.choice(SECTORS)};"
                       f"{rng.randint(2018, 2025)}\n" for i in range(1, ROWS + 1))
    return path


def measure(path: str, folder: Path) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), path, str(folder / "store.sqlite3"),
                           str(folder / "body.json"), str(folder / "token")],
                          capture_output=True, text=True, env={**os.environ, "DASBOR_INSTANCE": str(folder)})
    if done.returncode:
        raise SystemExit(done.stderr)
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from store.database import open_store

    with tempfile.TemporaryDirectory(prefix="dasbor-bench-preview-") as name:
        folder = Path(name)
        open_store(f"sqlite:///{folder / 'store.sqlite3'}", seed=True).close()
        csv = make_csv(folder / "inovasi_besar.csv")
        megabytes = csv.stat().st_size / 1e6
        encoded = "data:text/csv;base64," + base64.b64encode(csv.read_bytes()).decode()
        (folder / "body.json").write_text(json.dumps({"contents": [encoded], "names": [csv.name]}))
        del encoded
        figures = {path: measure(path, folder) for path in PATHS}
    base, request, job = (figures[path] for path in PATHS)
    print(f"{ROWS:,}-row CSV ({megabytes:.1f} MB), each path in a fresh process")
    for label, item in (("baseline: synchronous preview in the request", base),
                        ("ours: the request (stage the upload)    ", request),
                        ("ours: the background job (its own process)", job)):
        print(f"  {label}: {item['seconds']:6.2f} s, peak RSS {item['peak_mb']:5.0f} MB "
              f"(+{item['peak_mb'] - item['before_mb']:.0f} MB over the imports)")
    time_ratio = request["seconds"] / base["seconds"]
    rss_ratio = request["peak_mb"] / base["peak_mb"]
    print(f"the worker's request: {time_ratio:.1%} of the baseline's time (budget ≤ 10%), "
          f"peak RSS {rss_ratio:.0%} of the baseline's (budget ≤ 50%)")
    print(f"the job: {job['seconds'] / base['seconds']:.2f}× the baseline's time, "
          f"peak RSS {job['peak_mb'] / base['peak_mb']:.0%} of the baseline's, returned when the job ends")
    sys.exit(report([Budget("the request's time / the synchronous preview's", round(time_ratio, 3), 0.10),
                     Budget("the worker's peak RSS / the synchronous preview's", round(rss_ratio, 2), 0.50)]))


if __name__ == "__main__":
    main()
