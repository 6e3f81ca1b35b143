"""Bench: chart images and the report, against baselines measured in the same run.

1. 10 chart PNGs (the report's ten charts, scale 2) in one process with the warm browser — budget
   ≤ 2 s after warm-up — against kaleido's own one-shot `calc_fig_sync`, which starts a browser per image.
2. The full PDF report of the sample (all years) — budget ≤ 5 s — with the warm browser and from a
   cold start (as `app.py report` from cron does), against building the same report's figures alone.

Run: `.venv/bin/python bench/bench_exports.py` (exit 1 when a budget is missed).
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analytics.filters import Filters  # noqa: E402
from bench.budgets import Budget, report  # noqa: E402
from dashboard.sources import DataSource  # noqa: E402
from exports import images  # noqa: E402
from exports.charts import REPORT_SECTIONS  # noqa: E402
from exports.report.build import build_report  # noqa: E402
from exports.report.formats import write_report  # noqa: E402
from charts.views import Context  # noqa: E402

CHART_BUDGET, REPORT_BUDGET = 2.0, 5.0  # issue 12
COLD_IMAGES = 3  # one-shot browsers are slow: a few are enough for a per-image mean


def timed(function, *args, **kwargs) -> tuple[float, object]:
    start = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - start, result


def cold_per_image(figures) -> float:
    """kaleido without a kept browser: every image starts and stops Chromium (the baseline)."""
    import kaleido

    kopts = {"path": images.browser_path(), "mathjax": False}
    start = time.perf_counter()
    for figure in figures[:COLD_IMAGES]:
        kaleido.calc_fig_sync(figure, opts={"format": "png", "scale": images.PNG_SCALE}, kopts=kopts)
    return (time.perf_counter() - start) / COLD_IMAGES


def main() -> None:
    if not images.chromium_available():
        print(f"no Chromium at {images.browser_path()}: nothing to measure")
        sys.exit(1)
    dataset = DataSource().dataset()
    ctx = Context.build(dataset, Filters())
    names = [name for _, charts in REPORT_SECTIONS for name in charts]
    figures = [images.export_figure(name, ctx)[0] for name in names]

    cold = cold_per_image(figures)
    warm_up, _ = timed(images.chart_image, "trend", ctx, "png")
    tens, pictures = timed(lambda: [images.chart_image(name, ctx, "png")[0] for name in names])
    identical = pictures[0] == images.chart_image(names[0], ctx, "png")[0]
    print(f"baseline: kaleido one-shot, a browser per image:  {cold:.2f} s/image ({cold * len(names):.1f} s for 10)")
    print(f"warm-up (start Chromium, first image):            {warm_up:.2f} s")
    print(f"10 chart PNGs, warm browser:                      {tens:.2f} s ({tens / len(names):.2f} s/image, "
          f"{cold * len(names) / tens:.1f}x faster than the baseline; budget {CHART_BUDGET:.0f} s)"
          + ("" if identical else "  (!) repeated image differs"))

    build, _ = timed(build_report, ctx)
    with tempfile.TemporaryDirectory() as folder:
        warm_report, _ = timed(write_report, ctx, Path(folder) / "warm.pdf")
        size = os.path.getsize(Path(folder) / "warm.pdf") / 1e6
        images.shutdown()
        cold_report, _ = timed(write_report, ctx, Path(folder) / "cold.pdf")
    print(f"baseline: the report's 11 figures built, no images: {build:.2f} s")
    print(f"full PDF report ({len(dataset.frame)} innovations), warm browser: {warm_report:.2f} s "
          f"({warm_report / build:.1f}x the figures alone; {size:.1f} MB; budget {REPORT_BUDGET:.0f} s)")
    print(f"full PDF report, cold start (as from cron):        {cold_report:.2f} s")
    images.shutdown()
    missed = report([Budget("10 chart PNGs, warm browser", round(tens, 2), CHART_BUDGET, "s"),
                     Budget("PDF report, warm browser", round(warm_report, 2), REPORT_BUDGET, "s")])
    sys.exit(missed or (0 if identical else 1))


if __name__ == "__main__":
    main()
