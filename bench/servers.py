"""The dashboard as production runs it, for the benchmarks: `gunicorn app:server -w 2` on a free
loopback port, with its own instance folder (a store seeded from the sample data), with the speedups
on or off ($DASBOR_SPEEDUPS=0: no compression, no long-lived static caching, no view cache, Plotly's
full bundle — the baseline measured in the same run); or several such app hosts on one store and one
Redis (`hosts`, README "Production layout").
"""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ["/", "/tren", "/opd", "/urusan", "/kipp"]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(speedups: bool, workers: int = 2):
    """Yield the base URL of a fresh gunicorn serving the sample data; stop it afterwards."""
    with hosts(1, workers, speedups=speedups) as bases:
        yield bases[0]


@contextlib.contextmanager
def hosts(count: int, workers: int = 2, redis_url: str | None = None, speedups: bool = True):
    """Yield the base URLs of `count` gunicorn app hosts (`-w workers` each) as the production layout
    runs them: each with an instance folder of its own, all on one store (a SQLite file seeded from the
    sample) with one secret key, and on the Redis at `redis_url` when given ($REDIS_URL); stop them
    afterwards."""
    from store.database import open_store

    with tempfile.TemporaryDirectory(prefix="dasbor-bench-") as folder:
        store_url = f"sqlite:///{Path(folder) / 'dasbor.sqlite3'}"
        open_store(store_url, seed=True).close()
        env = {**os.environ, "DATABASE_URL": store_url, "DASBOR_ANONYMOUS_VIEW": "1",
               "DASBOR_SECRET_KEY": secrets.token_hex(32), "DASBOR_SPEEDUPS": "1" if speedups else "0"}
        for name in ("DASBOR_DATA", "REDIS_URL", "DASBOR_LOG_LEVEL"):   # logged as production logs
            env.pop(name, None)
        if redis_url:
            env["REDIS_URL"] = redis_url
        with contextlib.ExitStack() as stack:
            bases = [stack.enter_context(_host(Path(folder) / f"host-{number}", env, workers))
                     for number in range(count)]
            yield bases


@contextlib.contextmanager
def _host(instance: Path, env: dict, workers: int):
    instance.mkdir(mode=0o700)
    port = free_port()
    log = open(instance / "gunicorn.log", "w")
    process = subprocess.Popen([sys.executable, "-m", "gunicorn", "app:server", "-w", str(workers),
                                "-b", f"127.0.0.1:{port}", "--timeout", "120"],
                               cwd=ROOT, env={**env, "DASBOR_INSTANCE": str(instance)}, stdout=log,
                               stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait(url, process, instance / "gunicorn.log")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=30)
        log.close()


def _wait(url: str, process, log: Path, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"gunicorn stopped:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url + "/", timeout=10) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"gunicorn did not answer in {timeout} s:\n{log.read_text()[-3000:]}")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))] if ordered else float("nan")
