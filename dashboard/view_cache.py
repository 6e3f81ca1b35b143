"""Answers of the view callbacks, cached per (view, filters, data version, language) for every worker.

A view callback draws a page from the URL: the page routing (`_pages_content`, except /data, whose
panel depends on who asks and on the store's history) and each page's refresh, whose first output is
`<page>-rendered` (dashboard.components.page), and the table behind a chart (`chart-table`,
built when "lihat tabel" opens it). Its answer depends only on what the request carries
(the view's outputs, the URL's search with the filters and `lang`, the page's inputs and states),
on the data version, on the role asking and on the code drawing it (the project's files), so the JSON body Dash sends back is kept under a hash of
exactly those, gzip-compressed, in a diskcache FanoutCache in the instance folder shared by all gunicorn workers
(size: $DASBOR_VIEW_CACHE_MB, default 256). A new data version simply stops matching old entries,
which age out. Nothing else is cached: downloads, uploads, and the editor's callbacks always run.
The app shell (/_dash-layout: the filter bar of the data version, the account of who asks) is kept
the same way, per data version and user. With $REDIS_URL (dashboard/scale_out.py) the cache is in
Redis instead, shared by every app host, each answer kept for `REDIS_TTL_SECONDS`; when Redis does not
answer, the view is drawn as if it were not cached (never an error page for a cache).
"""

from __future__ import annotations

import functools
import gzip
import hashlib
import json
import logging
import os
from pathlib import Path

import flask

CACHE_ENV = "DASBOR_VIEW_CACHE_MB"
DEFAULT_MB = 256
CALLBACK_PATH = "/_dash-update-component"
LAYOUT_PATH = "/_dash-layout"
ROUTING_OUTPUT = "_pages_content.children"
VIEW_TYPES = ("chart-table",)  # pattern-matching outputs that draw a view
UNCACHED_PATHS = ("/data",)
EXTENSION = "dasbor_view_cache"
HIT_HEADER = "X-Dasbor-View-Cache"  # "hit" or "miss": for the tests and benchmarks
REDIS_TTL_SECONDS = 3600   # old data versions' answers are never asked for again: let them go
log = logging.getLogger(__name__)


class RedisViewCache:
    """The view cache in Redis (get/set as diskcache's): keys under dasbor:view:, each for an hour."""

    def __init__(self, client, ttl: int = REDIS_TTL_SECONDS):
        from dashboard.scale_out import KEY_PREFIX

        self.client, self.ttl, self.prefix = client, ttl, KEY_PREFIX + "view:"

    def get(self, key: str) -> bytes | None:
        import redis

        try:
            return self.client.get(self.prefix + key)
        except redis.RedisError as err:
            log.warning("view cache: Redis did not answer (%s); drawing the view", err)
            return None

    def set(self, key: str, value: bytes) -> None:
        import redis

        try:
            self.client.set(self.prefix + key, value, ex=self.ttl)
        except redis.RedisError as err:
            log.warning("view cache: Redis did not keep an answer (%s)", err)


def open_cache(folder: Path):
    """The shared cache: in Redis with $REDIS_URL, else under `folder` (created on first use, its
    owner's only: it holds drawn views)."""
    from dashboard.scale_out import client, enabled

    if enabled():
        return RedisViewCache(client())
    from diskcache import FanoutCache

    Path(folder).mkdir(mode=0o700, parents=True, exist_ok=True)
    Path(folder).chmod(0o700)
    megabytes = float(os.environ.get(CACHE_ENV) or DEFAULT_MB)
    return FanoutCache(str(folder), shards=4, timeout=1, size_limit=int(megabytes * 1024 * 1024),
                       eviction_policy="least-recently-stored")


def _values(items) -> list:
    return [[item.get("id"), item.get("property"), item.get("value")] for item in items or [] if isinstance(item, dict)]


def is_view_callback(body: dict) -> bool:
    """Does this callback request draw a view (see the module's docstring)?"""
    output = body.get("output")
    if not isinstance(output, str):
        return False
    first = output.strip(".").split("...")[0]
    if first == ROUTING_OUTPUT:
        pathname = next((value for id_, prop, value in _values(body.get("inputs"))
                         if prop == "pathname"), None) or "/"
        return not str(pathname).startswith(UNCACHED_PATHS)
    element = first.rsplit(".", 1)[0]
    if element.startswith("{"):
        try:
            return json.loads(element).get("type") in VIEW_TYPES
        except (ValueError, AttributeError):
            return False
    return element.endswith("-rendered")


@functools.lru_cache(maxsize=1)
def code_version() -> str:
    """The project's code, catalog and reference data as of this process (names, sizes, mtimes):
    an upgrade never answers from the cache of the version before."""
    root = Path(__file__).resolve().parent.parent
    files = sorted(path for pattern in ("*.py", "*/*.py", "*/*/*.py", "data/reference/*") for path in root.glob(pattern)
                   if ".venv" not in path.parts)
    stamp = [(str(path.relative_to(root)), path.stat().st_size, path.stat().st_mtime_ns) for path in files]
    return hashlib.sha256(json.dumps(stamp).encode()).hexdigest()[:16]


def view_key(body: dict, data_version: str, role: str | None) -> str:
    """The hash of everything a view's answer depends on."""
    parts = [body.get("output"), _values(body.get("inputs")), _values(body.get("state")), data_version, role,
             code_version()]
    return hashlib.sha256(json.dumps(parts, sort_keys=True, default=str).encode()).hexdigest()


def _request_key() -> str | None:
    request = flask.request
    from dashboard.auth import current_role, current_user
    from dashboard.sources import current_dataset

    if request.method == "GET" and request.path == LAYOUT_PATH:
        body = {"output": LAYOUT_PATH, "inputs": [{"id": "user", "value": current_user()}]}
    elif request.method == "POST" and request.path == CALLBACK_PATH:
        body = request.get_json(silent=True)
        if not isinstance(body, dict) or not is_view_callback(body):
            return None
    else:
        return None
    return view_key(body, current_dataset().version, current_role())


def _send(packed: bytes, status: str) -> flask.Response:
    """The kept (gzip) answer, as is when the browser takes gzip, else unpacked."""
    accepts = flask.request.accept_encodings["gzip"] > 0
    response = flask.Response(packed if accepts else gzip.decompress(packed), mimetype="application/json")
    if accepts:
        response.headers["Content-Encoding"] = "gzip"
    response.vary.add("Accept-Encoding")
    response.headers[HIT_HEADER] = status
    return response


def answer_from_cache():
    """before_request: answer a view callback from the cache when its answer is there."""
    key = _request_key()
    if key is None:
        return None
    flask.g.dasbor_view_key = key
    packed = flask.current_app.extensions[EXTENSION].get(key)
    return None if packed is None else _send(packed, "hit")


def keep_answer(response):
    """after_request: keep a view's answer, compressed once (200 only; 204 'nothing to change' is cheap)."""
    key = flask.g.pop("dasbor_view_key", None)
    if key is None or response.headers.get(HIT_HEADER) == "hit":
        return response
    if response.status_code != 200 or response.direct_passthrough or "Content-Encoding" in response.headers:
        return response
    packed = gzip.compress(response.get_data(), compresslevel=6, mtime=0)
    flask.current_app.extensions[EXTENSION].set(key, packed)
    return _send(packed, "miss")


def configure(server, folder: Path) -> None:
    """Cache the view callbacks of `server` under `folder` (after the login guard has run)."""
    server.extensions[EXTENSION] = open_cache(folder)
    server.before_request(answer_from_cache)
    server.after_request(keep_answer)
