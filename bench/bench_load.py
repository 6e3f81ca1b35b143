"""Viewers at once on the dashboard over loopback: errors and response times, in one of two modes.

Each viewer is a loop: open one of the main pages (the index, /_dash-layout and the routing callback
that draws the page, as the browser asks for them) in one of a few dozen views (filters, language),
then change the filters twice (the page's refresh callback), waiting 0.5–1.5 s between actions as a
person reading would. Before measuring, each view of the mix is asked once (a running server has met
them; the view cache is shared by the workers and kept on disk across restarts). The load is
bounded: each viewer has at most one request in flight. Budget: 0 errors and p95 ≤ 500 ms.

- `--mode speedups` (the default): 50 viewers for 60 s on `gunicorn app:server -w 2`, with the
  speedups and, in the same run, without them ($DASBOR_SPEEDUPS=0: no view cache, no compression);
  the ratio is baseline p95 / p95.
- `--mode scale`: 100 viewers for 60 s on two app hosts (`gunicorn -w 1` each, folders of their own)
  on one store and one Redis ($REDIS_URL: the shared view cache; Debian's redis-server started here),
  each request sent to the next host in turn as a load balancer without sticky sessions does; then,
  in the same run, the same load on one of those hosts alone; the ratio is one host's p95 / two hosts'.

    .venv/bin/python bench/bench_load.py [--mode speedups|scale] [--viewers N] [--seconds 60] [--workers W]
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import random
import sys
import time
import urllib.request

from budgets import Budget, report
from servers import PAGES, gunicorn, hosts, percentile

BUDGET_P95_MS = 500.0
DEFAULTS = {"speedups": {"viewers": 50, "workers": 2}, "scale": {"viewers": 100, "workers": 1}}
CSRF_COOKIE = "dasbor_csrf"
SEARCHES = ["", "?from=2015&to=2017", "?from=2018", "?from=2020&to=2025", "?sector=Kesehatan",
            "?agency=Dinas+Kesehatan", "?stage=Penerapan", "?kind=Digital", "?lang=en", "?from=2016&lang=en",
            "?sector=Pendidikan&from=2017", "?agency=Dinas+Pendidikan&lang=en"]
PAGE_IDS = {"/": "home", "/tren": "tren", "/opd": "opd", "/urusan": "urusan", "/kipp": "kipp"}


def callbacks(base: str) -> dict[str, dict]:
    """The routing callback and each page's refresh, as /_dash-dependencies describes them."""
    with urllib.request.urlopen(base + "/_dash-dependencies", timeout=30) as response:
        dependencies = json.loads(response.read())
    found = {}
    for dependency in dependencies:
        first = dependency["output"].strip(".").split("...")[0]
        if first == "_pages_content.children":
            found["routing"] = dependency
        elif first.endswith("-rendered.data"):
            found[first.split("-rendered")[0]] = dependency
    return found


def body(dependency: dict, values: dict) -> bytes:
    outputs = []
    for part in dependency["output"].strip(".").split("..."):
        element, prop = part.rsplit(".", 1)
        outputs.append({"id": json.loads(element) if element.startswith("{") else element, "property": prop})
    fill = lambda items: [{**item, "value": values.get(f"{item['id']}.{item['property']}")} for item in items]  # noqa: E731
    inputs = fill(dependency["inputs"])
    return json.dumps({"output": dependency["output"], "outputs": outputs, "inputs": inputs,
                       "state": fill(dependency.get("state", [])),
                       "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}).encode()


async def request(port: int, method: str, path: str, payload: bytes | None = None,
                  cookies: dict | None = None) -> int:
    """One HTTP/1.1 request (Connection: close), carrying the viewer's cookies and, on a POST, the CSRF
    token as the page sends it; cookies set by the answer are kept. Returns the status."""
    cookies = {} if cookies is None else cookies
    head = f"{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Encoding: gzip, br\r\nConnection: close\r\n"
    if cookies:
        head += "Cookie: " + "; ".join(f"{k}={v}" for k, v in cookies.items()) + "\r\n"
    if payload:
        head += f"Content-Type: application/json\r\nContent-Length: {len(payload)}\r\n"
        head += f"X-CSRFToken: {cookies.get(CSRF_COOKIE, '')}\r\n"
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write((head + "\r\n").encode() + (payload or b""))
    await writer.drain()
    data = await reader.read()
    writer.close()
    headers = data.split(b"\r\n\r\n", 1)[0].decode("latin-1").split("\r\n")
    for line in headers[1:]:
        name, _, value = line.partition(":")
        if name.lower() == "set-cookie":
            key, _, rest = value.strip().partition("=")
            cookies[key] = rest.split(";", 1)[0]
    return int(headers[0].split(" ", 2)[1]) if headers[0].startswith("HTTP/") else 0


def balancer(bases: list[str]):
    """The port of the next host in turn for each request (no stickiness: a viewer's page, layout and
    callbacks may each go to another host)."""
    ports = [int(base.rsplit(":", 1)[1]) for base in bases]
    turn = itertools.count()
    return lambda: ports[next(turn) % len(ports)]


async def viewer(next_port, deps: dict, deadline: float, times: list, errors: list, rng: random.Random) -> None:
    cookies: dict = {}

    async def timed(kind: str, method: str, path: str, payload: bytes | None = None) -> None:
        started = time.perf_counter()
        try:
            status = await request(next_port(), method, path, payload, cookies)
        except OSError as error:
            status, detail = 0, str(error)
        else:
            detail = ""
        times.append((kind, (time.perf_counter() - started) * 1000))
        if status not in (200, 204):
            errors.append((kind, status, detail))

    while time.monotonic() < deadline:
        path, search = rng.choice(PAGES), rng.choice(SEARCHES)
        await timed("page", "GET", path + search)
        await timed("layout", "GET", "/_dash-layout")
        await timed("routing", "POST", "/_dash-update-component",
                    body(deps["routing"], {"_pages_location.pathname": path, "_pages_location.search": search}))
        page = PAGE_IDS[path]
        for _ in range(2):
            await asyncio.sleep(rng.uniform(0.5, 1.5))
            if time.monotonic() >= deadline:
                return
            search = rng.choice(SEARCHES)
            await timed("filter", "POST", "/_dash-update-component",
                        body(deps[page], {"url.search": search, f"{page}-rendered.data": "?another-view"}))
        await asyncio.sleep(rng.uniform(0.5, 1.5))


async def warm_up(base: str) -> None:
    """Every view of the mix met once (as a server that has been running meets them): each worker
    reads the data, and with the speedups each view's answer is in the shared cache."""
    port = int(base.rsplit(":", 1)[1])
    deps = callbacks(base)
    cookies: dict = {}
    await request(port, "GET", "/", None, cookies)
    for path in PAGES:
        page = PAGE_IDS[path]
        for search in SEARCHES:
            await request(port, "POST", "/_dash-update-component",
                          body(deps["routing"], {"_pages_location.pathname": path, "_pages_location.search": search}),
                          cookies)
            await request(port, "POST", "/_dash-update-component",
                          body(deps[page], {"url.search": search, f"{page}-rendered.data": "?another-view"}), cookies)


async def run(bases: list[str], viewers: int, seconds: float) -> dict:
    deps = callbacks(bases[0])
    next_port = balancer(bases)
    times: list = []
    errors: list = []
    deadline = time.monotonic() + seconds
    await asyncio.gather(*[viewer(next_port, deps, deadline, times, errors, random.Random(i))
                           for i in range(viewers)])
    every = [ms for _, ms in times]
    kinds = sorted({kind for kind, _ in times})
    return {"hosts": len(bases), "requests": len(times), "errors": len(errors), "error_examples": errors[:3],
            "p50_ms": round(percentile(every, 0.5), 1), "p95_ms": round(percentile(every, 0.95), 1),
            "p95_ms_by_kind": {k: round(percentile([ms for kind, ms in times if kind == k], 0.95), 1) for k in kinds},
            "requests_per_s": round(len(times) / seconds, 1)}


def measure(bases: list[str], viewers: int, seconds: float) -> dict:
    """Every host warmed up (each process reads the data once), then the load spread over them."""
    for base in bases:
        asyncio.run(warm_up(base))
    return asyncio.run(run(bases, viewers, seconds))


def speedups_mode(args) -> tuple[dict, list[Budget]]:
    """With the speedups and without them ($DASBOR_SPEEDUPS=0), one `gunicorn -w W` each."""
    results = {}
    for label, speedups in (("speedups", True), ("baseline", False)):
        with gunicorn(speedups, args.workers) as base:
            results[label] = measure([base], args.viewers, args.seconds)
    p95 = results["speedups"]["p95_ms"]
    results["baseline_p95_over_speedups_p95"] = round(results["baseline"]["p95_ms"] / p95, 2) if p95 else None
    return results, [Budget(f"{args.viewers} viewers, errors", results["speedups"]["errors"], 0),
                     Budget(f"{args.viewers} viewers, p95", p95, BUDGET_P95_MS, "ms")]


def scale_mode(args) -> tuple[dict, list[Budget]]:
    """Two app hosts on one store and one Redis, then one host alone on its own store and Redis."""
    from tests.redis_server import RedisServer   # Debian's redis-server on a free port (tests/redis_server.py)

    results = {}
    for label, count in (("two_hosts", 2), ("one_host", 1)):
        redis = RedisServer().start()        # a fresh one each: nothing cached before the warm-up
        try:
            with hosts(count, args.workers, redis.url) as bases:
                results[label] = measure(bases, args.viewers, args.seconds)
        finally:
            redis.stop()
    two, one = results["two_hosts"], results["one_host"]
    results["one_host_p95_over_two_hosts_p95"] = round(one["p95_ms"] / two["p95_ms"], 2) if two["p95_ms"] else None
    results["two_hosts_requests_per_s_over_one_host"] = (
        round(two["requests_per_s"] / one["requests_per_s"], 2) if one["requests_per_s"] else None)
    name = f"{args.viewers} viewers on 2 hosts (-w {args.workers}) + Redis"
    return results, [Budget(f"{name}, errors", two["errors"], 0),
                     Budget(f"{name}, p95", two["p95_ms"], BUDGET_P95_MS, "ms")]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mode", choices=sorted(DEFAULTS), default="speedups")
    parser.add_argument("--viewers", type=int, help="default: 50 (speedups), 100 (scale)")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--workers", type=int, help="gunicorn workers per host; default: 2 (speedups), 1 (scale)")
    args = parser.parse_args(argv)
    for key, value in DEFAULTS[args.mode].items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    results, budgets = (scale_mode if args.mode == "scale" else speedups_mode)(args)
    results["budget"] = {"errors": 0, "p95_ms": BUDGET_P95_MS}
    print(json.dumps(results, indent=2))
    return report(budgets)


if __name__ == "__main__":
    sys.exit(main())
