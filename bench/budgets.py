"""The budget lines every benchmark ends with, and how `make bench` (bench/run_all.py) reads them back.

A benchmark prints its figures and their ratio to a baseline measured in the same run, then one
line per budget (`report`):

    BUDGET met    bench_dashboard.py callback p95 (computed): 31.2 ms, budget ≤ 50 ms (0.62 of it)

and exits 1 when any budget is missed, so a benchmark run alone still fails; run_all.py runs every
benchmark whatever the previous ones gave and repeats these lines at the end.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

PREFIX = "BUDGET "


@dataclass(frozen=True)
class Budget:
    """One budget: `figure` against `limit` (at most, or at least when `at_least`)."""

    name: str
    figure: float
    limit: float
    unit: str = ""
    at_least: bool = False

    @property
    def met(self) -> bool:
        return self.figure >= self.limit if self.at_least else self.figure <= self.limit

    def line(self, bench: str) -> str:
        unit = f" {self.unit}" if self.unit else ""
        ratio = f"{self.figure / self.limit:.2f} of it" if self.limit else "no limit"
        return (f"{PREFIX}{'met   ' if self.met else 'MISSED'} {bench} {self.name}: {self.figure:g}{unit}, "
                f"budget {'≥' if self.at_least else '≤'} {self.limit:g}{unit} ({ratio})")


def report(budgets: list[Budget]) -> int:
    """Print one line per budget; 0 when every one is met, else 1 (the benchmark's exit code)."""
    bench = Path(sys.argv[0]).name
    for budget in budgets:
        print(budget.line(bench), flush=True)
    return 0 if all(budget.met for budget in budgets) else 1
