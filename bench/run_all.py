"""`make bench`: run every benchmark, whatever the ones before gave, then one summary line per budget.

Each benchmark's own output (its figures and ratios to its baseline) is passed through as it comes;
at the end the budget lines (bench/budgets.py) are repeated together, with a line for a benchmark
that failed before reporting any budget. Exit 1 when any budget was missed or any benchmark failed.

    .venv/bin/python bench/run_all.py [bench_dashboard.py ...]   (default: every bench/bench_*.py; bench_load.py
                                                                  runs twice: --mode speedups, --mode scale)
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from budgets import PREFIX

HERE = Path(__file__).resolve().parent
ORDER = ["bench_ingest.py", "bench_store.py", "bench_dashboard.py", "bench_exports.py", "bench_browser.py",
         "bench_load.py"]  # the cheap ones first; any other bench_*.py after them
# benchmarks with more than one mode: run once per argument list (the others once, without arguments)
MODES = {"bench_load.py": [[], ["--mode", "scale"]]}


def benchmarks(names: list[str]) -> list[tuple[Path, list[str]]]:
    """(benchmark, its arguments) for each run, in order."""
    if not names:
        found = sorted(path.name for path in HERE.glob("bench_*.py"))
        names = [n for n in ORDER if n in found] + [n for n in found if n not in ORDER]
    return [(HERE / name, arguments) for name in names for arguments in MODES.get(name, [[]])]


def run(path: Path, arguments: list[str] = ()) -> tuple[int, list[str]]:
    """Run one benchmark, passing its output through; its exit code and budget lines."""
    print(f"\n=== {' '.join([path.name, *arguments])}", flush=True)
    lines = []
    with subprocess.Popen([sys.executable, str(path), *arguments], cwd=HERE.parent, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True, bufsize=1) as process:
        for line in process.stdout:
            sys.stdout.write(line)
            sys.stdout.flush()
            if line.startswith(PREFIX):
                lines.append(line.rstrip("\n"))
    return process.returncode, lines


def main(argv: list[str]) -> int:
    summary, failed = [], False
    for path, arguments in benchmarks(argv):
        code, lines = run(path, arguments)
        summary += lines
        if code and not any("MISSED" in line for line in lines):
            summary.append(f"{PREFIX}FAILED {' '.join([path.name, *arguments])}: exited {code} without a missed "
                           "budget (see its output)")
        failed |= code != 0
    print("\n=== summary: figure, budget, met or missed")
    print("\n".join(summary))
    print("every budget met" if not failed else "SOME BUDGET MISSED OR A BENCHMARK FAILED")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
