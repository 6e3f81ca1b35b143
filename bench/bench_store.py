"""Store benchmark (issue 6): `python bench/bench_store.py`, or `make bench`.

Generates the 20,000-row IID-shaped workbook of bench_ingest, then measures in the same run, each
into a fresh SQLite file:
  - baseline: `DataFrame.to_sql` of the frame `load_paths` gives for that file (rows only: no
    reading, no validation, no batch, no raw file, no lock);
  - ours: `store.ingest([file])` — read, validate, then ONE locked transaction with the batch, the raw
    file and the 20,000 rows — and its commit part alone (ingest minus `load_paths` of the file);
  - reading it back: `store.current_frame()` (what each dashboard worker does once per data version).
Budget: the whole ingest of the 20,000-row file ≤ 5 s on SQLite.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_ingest import ROWS, make_workbook  # noqa: E402
from bench.budgets import Budget, report  # noqa: E402

BUDGET_SECONDS = 5.0


def best_of(function, repeat: int = 3) -> float:
    """Best wall-clock time of `function()` over `repeat` runs (each gets a fresh run number)."""
    best = float("inf")
    for run in range(repeat):
        start = time.perf_counter()
        function(run)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    import sqlalchemy as sa

    from loaders import load_paths
    from store.database import open_store

    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        path = make_workbook(folder / "iid_20000.xlsx")
        frame = load_paths([path]).frame
        load = best_of(lambda run: load_paths([path]))

        def to_sql(run: int) -> None:
            engine = sa.create_engine(f"sqlite:///{folder / f'baseline{run}.sqlite3'}")
            frame.to_sql("innovations", engine, index=False)
            engine.dispose()

        def ingest(run: int) -> None:
            store = open_store(f"sqlite:///{folder / f'store{run}.sqlite3'}", seed=False)
            result = store.ingest([path], user="bench")
            store.close()
            assert result.ok and result.records == ROWS, [issue.to_line() for issue in result.errors]

        baseline = best_of(to_sql)
        ours = best_of(ingest)
        store = open_store(f"sqlite:///{folder / 'store0.sqlite3'}", seed=False)
        read = best_of(lambda run: store.current_frame())
        store.close()

    commit = max(ours - load, 0.0)
    print(f"20,000-row file, DataFrame.to_sql into a fresh SQLite file (baseline): {baseline:.2f} s")
    print(f"20,000-row file, store.ingest (read + validate + one transaction):      {ours:.2f} s "
          f"({ROWS / ours:,.0f} rows/s; budget ≤ {BUDGET_SECONDS:.0f} s)")
    print(f"  of which reading and validating (load_paths):                        {load:.2f} s")
    print(f"  of which the commit (batch, raw file, rows, lock):                   {commit:.2f} s "
          f"— {commit / baseline:.2f}× the to_sql baseline")
    print(f"store.current_frame() of the 20,000 rows:                              {read:.2f} s")
    sys.exit(report([Budget("20,000-row ingest", round(ours, 2), BUDGET_SECONDS, "s")]))


if __name__ == "__main__":
    main()
