"""Time from navigation to every chart drawn, in Debian's Chromium, on the main pages.

Two gunicorn servers (-w 2) on the sample data: the dashboard as shipped, and the same with
$DASBOR_SPEEDUPS=0 (the baseline: no compression, no long-lived caching, no view cache, Plotly's full
bundle). Each visit is a first visit (a fresh browser context: nothing in the browser's cache) after
one warm-up visit per page (the server has compressed its files and met the view once, as a running
server has). The time is the page's own clock (performance.now(), from navigation start) when every
chart area holds a drawn Plotly chart and no callback is loading.
Budget: p50 over the pages ≤ 1.5 s.

    .venv/bin/python bench/bench_browser.py [--repeat 3]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys

from budgets import Budget, report
from servers import PAGES, gunicorn, percentile

BUDGET_P50_S = 1.5
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
DRAWN = """() => {
  const graphs = [...document.querySelectorAll('.chart-area')];
  const drawn = graphs.length > 0 && graphs.every(g => g.querySelector('.main-svg'));
  return drawn && !document.querySelector('[data-dash-is-loading="true"]') && !document.getElementById('page-skeleton')
    ? performance.now() : false;
}"""


def visit(browser, url: str) -> float:
    """Seconds from navigation start to every chart drawn, in a fresh context."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url, wait_until="commit")
        handle = page.wait_for_function(DRAWN, timeout=60000, polling="raf")
        return handle.json_value() / 1000
    finally:
        context.close()


def measure(browser, base: str, repeat: int) -> dict[str, list[float]]:
    for path in PAGES:  # warm-up: the server's first meeting with each page
        visit(browser, base + path)
    return {path: [visit(browser, base + path) for _ in range(repeat)] for path in PAGES}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    results = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for label, speedups in (("speedups", True), ("baseline", False)):
            with gunicorn(speedups) as base:
                results[label] = measure(browser, base, args.repeat)
        browser.close()

    summary = {}
    for label, times in results.items():
        every = [t for page_times in times.values() for t in page_times]
        summary[label] = {"p50_s": round(percentile(every, 0.5), 3), "p95_s": round(percentile(every, 0.95), 3),
                          "per_page_median_s": {path: round(statistics.median(v), 3) for path, v in times.items()}}
    p50 = summary["speedups"]["p50_s"]
    summary["baseline_over_speedups"] = round(summary["baseline"]["p50_s"] / p50, 2) if p50 else None
    summary["budget_p50_s"] = BUDGET_P50_S
    print(json.dumps(summary, indent=2))
    return report([Budget("navigation → charts drawn, p50", p50, BUDGET_P50_S, "s")])


if __name__ == "__main__":
    sys.exit(main())
