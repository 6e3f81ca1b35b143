"""Benchmark of the dashboard's server side on a national-scale dataset (100,000 innovations).

Measured through Flask's test client (no browser, no network), in one process:
- the p95 time of a filter-change callback: the overview's refresh (POST /_dash-update-component
  with the payload the browser sends when the URL's search changes), as served once each view has
  been met (from the shared view cache) and computed every time (`callback_computed_*`: each
  request a view not seen before);
- the p95 time of the initial layout: GET /?from=… (the index), GET /_dash-layout (the shell with
  the filter bar) and the page-routing callback that draws the page for that URL;
- the process's peak memory (RSS) after those;
- KIPP readiness of every row: evaluate + the JSON of `readiness --json`, on the same frame (the
  national index: no proposal texts) and on one where every row has all its proposal sections written.
Budgets (issue 12): callback p95 ≤ 50 ms (served and computed), layout p95 ≤ 100 ms, memory ≤ 400 MB, readiness ≤ 1 s.
Each time is also given as a ratio to a baseline measured in the same run: a plain
`frame.groupby("year").size()` on the same data.

    .venv/bin/python bench/bench_dashboard.py [--rows 100000] [--repeat 40]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.budgets import Budget, report  # noqa: E402

BUDGET = {  # result key: what it is, the budget, its unit
    "callback_p95_ms": ("filter callback p95, served from the view cache", 50.0, "ms"),
    "callback_computed_p95_ms": ("filter callback p95, computed", 50.0, "ms"),
    "layout_p95_ms": ("initial layout p95", 100.0, "ms"),
    "rss_mb": ("peak RSS", 400.0, "MB"),
    "readiness_s": ("readiness evaluate + readiness --json", 1.0, "s"),
}


def synthetic_frame(rows: int, seed: int = 0) -> pd.DataFrame:
    """A canonical frame of `rows` generated innovations (reference agencies/sectors, 2015–2025)."""
    from analytics.dataset import canonical_frame
    from loaders.reference import load_reference

    reference = load_reference()
    rng = np.random.default_rng(seed)
    agencies = np.array(reference.agency_names + ["Puskesmas Lain", "Unit Tak Dikenal"], dtype=object)
    sectors = np.array(reference.sector_names, dtype=object)
    enum = {name: np.array(list(values) + [None], dtype=object) for name, values in reference.enum_labels.items()}
    weights = rng.random(len(agencies)) ** 2
    frame = canonical_frame()
    data = {
        "id": [f"b{i:06x}" for i in range(rows)],
        "name": [f"Inovasi Layanan {i}" for i in range(rows)],
        "year": rng.integers(2015, 2026, rows),
        "agency": rng.choice(agencies, rows, p=weights / weights.sum()),
        "sector": rng.choice(sectors, rows),
        **{name: rng.choice(values, rows) for name, values in enum.items()},
        "source_file": "bench.xlsx", "source_sheet": "Data", "source_row": np.arange(2, rows + 2),
    }
    frame = pd.DataFrame({column: data.get(column) for column in frame.columns})
    for column in ("year", "source_row"):
        frame[column] = frame[column].astype("Int64")
    for column in frame.columns:
        if column.endswith("_date"):
            frame[column] = pd.to_datetime(frame[column])
    return frame


def with_proposal_texts(frame: pd.DataFrame, seed: int = 1) -> pd.DataFrame:
    """The frame with every KIPP proposal section written (0–600 words each): the worst case for readiness."""
    from loaders.schema import KIPP_SECTIONS

    rng = np.random.default_rng(seed)
    texts = [" ".join(["kata"] * n) for n in range(601)]
    return frame.assign(**{key: [texts[n] for n in rng.integers(0, 601, len(frame))] for key in KIPP_SECTIONS})


def time_readiness(frame: pd.DataFrame) -> tuple[float, float, int]:
    """Seconds (wall clock, and of this process's CPU) to evaluate every row for the latest edition
    and write `readiness --json` (to /dev/null, as the CLI writes it to its output); its size in bytes."""
    import gc
    import os

    from analytics.kipp.readiness import evaluate, write_json

    gc.collect()
    started, cpu = time.perf_counter(), time.process_time()
    with open(os.devnull, "w", encoding="utf-8") as sink:
        write_json(evaluate(frame), sink)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - cpu
    from analytics.kipp.readiness import to_json

    return elapsed, cpu, len(to_json(evaluate(frame)).encode())


def percentile(times: list[float], q: float) -> float:
    ordered = sorted(times)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def timed(function, repeat: int, cpu: list[float] | None = None) -> list[float]:
    """Milliseconds of wall clock per call; with `cpu`, this process's CPU milliseconds appended to it
    (on a machine shared with other work the wall clock also counts the waits for a core)."""
    times = []
    for _ in range(repeat):
        start, started_cpu = time.perf_counter(), time.process_time()
        function()
        times.append((time.perf_counter() - start) * 1000)
        if cpu is not None:
            cpu.append((time.process_time() - started_cpu) * 1000)
    return times


def callback_payload(app, output_ids: list[str], inputs: list[dict], state: list[dict]) -> dict:
    """The body the renderer POSTs for the callback whose outputs start with `output_ids`."""
    for key in app.callback_map:
        outputs = [f"{o['id']}.{o['property']}" for o in _outputs(key)]
        if outputs[: len(output_ids)] == output_ids:
            return {"output": key, "outputs": _outputs(key), "inputs": inputs, "state": state,
                    "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}
    raise LookupError(output_ids)


def refresh_payload(app, page: str, search: str, shown: str) -> dict:
    """The body of page `page`'s refresh (its first output `<page>-rendered.data`) for the URL's `search`;
    the page's other inputs and states as a fresh page has them (none chosen)."""
    for key, spec in app.callback_map.items():
        if key.startswith(f"..{page}-rendered.data..."):
            inputs = [{**item, "value": search if item["id"] == "url" else None} for item in spec["inputs"]]
            state = [{**item, "value": shown if item["id"] == f"{page}-rendered" else None} for item in spec["state"]]
            return {"output": key, "outputs": _outputs(key), "inputs": inputs, "state": state,
                    "changedPropIds": ["url.search"]}
    raise LookupError(page)


PAGES = ("home", "tren", "opd", "urusan", "inovasi", "kipp")


def _outputs(text: str) -> list[dict]:
    """ "..a.b...c.d.." (several outputs) or "a.b" (one) -> [{"id": "a", "property": "b"}, ...]."""
    parts = text[2:-2].split("...") if text.startswith("..") else [text.split("@")[0]]
    ids = [part.rsplit(".", 1)[0] for part in parts]  # a pattern-matching id is written as its JSON
    return [{"id": json.loads(i) if i.startswith("{") else i, "property": part.rsplit(".", 1)[1]}
            for i, part in zip(ids, parts)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args(argv)

    from dashboard import create_app
    from dashboard.components.chart import IN_FULL
    from dashboard.on_demand import LOADED
    from dashboard.sources import FrameSource

    frame = synthetic_frame(args.rows)
    app = create_app(FrameSource(frame, label="bench"))
    client = app.server.test_client()
    assert client.get("/").status_code == 200  # first request: routing + validation layout
    from dashboard.auth import CSRF_COOKIE, CSRF_HEADER

    token = {CSRF_HEADER: client.get_cookie(CSRF_COOKIE).value}  # sent with every POST, as the page does

    baseline = statistics.median(timed(lambda: frame.groupby("year").size(), args.repeat))
    searches = ["?from=2016&to=2020", "?from=2018", "?sector=Kesehatan", "?agency=Dinas+Kesehatan&from=2017",
                "?stage=Penerapan&kind=Digital", ""]

    def change_filter(i=[0], fresh=False):
        i[0] += 1
        search = searches[i[0] % len(searches)]
        shown = f"?another-view-{i[0]}" if fresh else "?rendered-for-another-view"  # fresh: never cached
        body = callback_payload(app, ["home-rendered.data"],
                                [{"id": "url", "property": "search", "value": search}],
                                [{"id": "home-rendered", "property": "data", "value": shown}])
        response = client.post("/_dash-update-component", json=body, headers=token)
        assert response.status_code == 200, response.data[:300]

    def initial_layout(i=[0]):
        i[0] += 1
        search = searches[i[0] % len(searches)]
        assert client.get(f"/{search}").status_code == 200
        assert client.get("/_dash-layout").status_code == 200
        body = callback_payload(app, ["_pages_content.children"],
                                [{"id": "_pages_location", "property": "pathname", "value": "/"},
                                 {"id": "_pages_location", "property": "search", "value": search}],
                                [{"id": IN_FULL, "property": "data", "value": []},  # no ranking drawn whole
                                 {"id": LOADED, "property": "data", "value": []}])  # nor AG Grid loaded yet
        response = client.post("/_dash-update-component", json=body, headers=token)
        assert response.status_code == 200, response.data[:300]

    def refresh(page: str, i=[0]):
        i[0] += 1
        body = refresh_payload(app, page, searches[i[0] % len(searches)], f"?another-view-{page}-{i[0]}")
        response = client.post("/_dash-update-component", json=body, headers=token)
        assert response.status_code in (200, 204), response.data[:300]

    for page in PAGES:  # each page's first refresh: its lazily built state (readiness, grids) is made
        refresh(page)
    page_cpu = {page: [] for page in PAGES}
    by_page = {page: timed(lambda: refresh(page), max(10, args.repeat // 2), page_cpu[page]) for page in PAGES}
    timed(change_filter, len(searches))  # each view met once: the shared view cache holds it from then on
    callback_times = timed(change_filter, args.repeat)
    computed_cpu: list[float] = []
    computed_times = timed(lambda: change_filter(fresh=True), args.repeat, computed_cpu)
    layout_times = timed(initial_layout, args.repeat)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    readiness_s, readiness_cpu_s, readiness_bytes = time_readiness(frame)
    full_s, full_cpu_s, full_bytes = time_readiness(with_proposal_texts(frame))
    result = {
        "rows": len(frame),
        "baseline_groupby_ms": round(baseline, 2),
        "callback_p50_ms": round(percentile(callback_times, 0.5), 1),
        "callback_p95_ms": round(percentile(callback_times, 0.95), 1),
        "callback_computed_p50_ms": round(percentile(computed_times, 0.5), 1),
        "callback_computed_p95_ms": round(percentile(computed_times, 0.95), 1),
        "callback_computed_cpu_p50_ms": round(percentile(computed_cpu, 0.5), 1),
        "callback_computed_cpu_p95_ms": round(percentile(computed_cpu, 0.95), 1),
        "callback_computed_by_page_p50_p95_cpu_p95_ms": {
            page: [round(percentile(times, 0.5), 1), round(percentile(times, 0.95), 1),
                   round(percentile(page_cpu[page], 0.95), 1)] for page, times in by_page.items()},
        "layout_p50_ms": round(percentile(layout_times, 0.5), 1),
        "layout_p95_ms": round(percentile(layout_times, 0.95), 1),
        "rss_mb": round(rss_mb, 1),
        "load_average_1min": round(os.getloadavg()[0], 1),
        "readiness_s": round(readiness_s, 3),
        "readiness_cpu_s": round(readiness_cpu_s, 3),
        "readiness_json_mb": round(readiness_bytes / 1e6, 1),
        "readiness_full_texts_s": round(full_s, 3),
        "readiness_full_texts_cpu_s": round(full_cpu_s, 3),
        "readiness_full_texts_json_mb": round(full_bytes / 1e6, 1),
    }
    for key in ("callback_p95_ms", "callback_computed_p95_ms", "layout_p95_ms"):
        result[f"{key}_vs_baseline"] = round(result[key] / baseline, 1) if baseline else None
    print(json.dumps(result, indent=2))
    return report([Budget(name, result[key], limit, unit) for key, (name, limit, unit) in BUDGET.items()])


if __name__ == "__main__":
    sys.exit(main())
