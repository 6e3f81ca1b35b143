"""Compressed, cacheable responses: the JavaScript and CSS compressed once, dynamic JSON and HTML on the fly.

Static files (Dash's component suites and /assets/) are compressed the first time they are asked for
(brotli when the browser accepts it, else gzip, both at a high level) and kept in memory and under
the instance folder, so every gunicorn worker and every restart reuses the same bytes and no request
pays for compressing 1.5 MB of Plotly again. Flask-Compress compresses every response anew at a low
level; measured on this machine (README, "Performance") that costs ~90 ms of CPU per Plotly bundle
served, against nothing here.

Fingerprinted URLs (Dash's `…v4_4_1m123….js` and `/assets/…?m=<mtime>`) are cached by the browser
for a year; the others are revalidated (weak ETag, so a compressed copy still earns a 304).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import threading
from pathlib import Path

import flask

STATIC_PREFIXES = ("/_dash-component-suites/", "/assets/")
COMPRESSIBLE = ("text/javascript", "application/javascript", "text/css", "application/json", "text/html",
                "image/svg+xml", "text/plain")
MIN_BYTES = 1024          # smaller bodies are not worth a header and a CPU cycle
DYNAMIC_GZIP_LEVEL = 6    # callbacks and pages: fast; static files: the best level, once
ONE_YEAR = 365 * 24 * 3600

try:  # brotli is optional: gzip alone still works
    import brotli
except ImportError:  # pragma: no cover - brotli is in requirements.txt
    brotli = None


def _accepted(request) -> list[str]:
    """The encodings this request accepts that we can make, best first."""
    encodings = request.accept_encodings
    offered = ["br"] if brotli is not None else []
    return [name for name in [*offered, "gzip"] if encodings[name] > 0]


def _compress(data: bytes, encoding: str, static: bool) -> bytes:
    if encoding == "br":
        return brotli.compress(data, quality=9 if static else 4)
    return gzip.compress(data, compresslevel=9 if static else DYNAMIC_GZIP_LEVEL, mtime=0)


def is_fingerprinted(request) -> bool:
    """Dash names component-suite files with their version and mtime; /assets/ URLs carry `?m=<mtime>`."""
    if request.path.startswith("/_dash-component-suites/"):
        from dash.fingerprint import check_fingerprint

        return check_fingerprint(request.path)[1]
    return request.path.startswith("/assets/") and "m" in request.args


class StaticStore:
    """Compressed copies of static files, by (path, query, ETag, encoding): in memory and on disk."""

    def __init__(self, folder: Path | None):
        self.folder = folder
        self._memory: dict[str, bytes] = {}
        self._lock = threading.Lock()

    def get(self, key: str, encoding: str, read) -> bytes:
        name = hashlib.sha256(f"{key}|{encoding}".encode()).hexdigest()
        found = self._memory.get(name)
        if found is not None:
            return found
        path = self.folder / f"{name}.{encoding}" if self.folder else None
        if path is not None and path.exists():
            found = path.read_bytes()
        else:
            found = _compress(read(), encoding, static=True)
            if path is not None:
                self._write(path, found)
        with self._lock:
            self._memory[name] = found
        return found

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
        temporary.write_bytes(data)
        os.replace(temporary, path)  # atomic: another worker reads the old file or the new one


def _body(response) -> bytes:
    response.direct_passthrough = False  # send_file hands a file wrapper; read it
    return response.get_data()


def compress_response(response):
    """The after_request hook: compress what is worth it, and say how long browsers may keep it."""
    request = flask.request
    mimetype = response.mimetype or ""
    static = request.path.startswith(STATIC_PREFIXES)
    if static and response.status_code in (200, 304) and is_fingerprinted(request):
        response.headers["Cache-Control"] = f"public, max-age={ONE_YEAR}, immutable"
    if (response.status_code != 200 or request.method != "GET" and not request.path.startswith("/_dash-")
            or not mimetype.startswith(COMPRESSIBLE) or "Content-Encoding" in response.headers):
        return response
    response.vary.add("Accept-Encoding")
    encodings = _accepted(request)
    if not encodings or (response.content_length is not None and response.content_length < MIN_BYTES):
        return response
    encoding = encodings[0]
    if static:
        etag, _ = response.get_etag()
        key = f"{request.path}?{request.query_string.decode()}|{etag}"
        data = flask.current_app.extensions["dasbor_static"].get(key, encoding, lambda: _body(response))
        if etag:
            response.set_etag(etag, weak=True)  # one entity, several encodings: a weak validator
    else:
        if response.direct_passthrough:
            return response
        body = response.get_data()
        if len(body) < MIN_BYTES:
            return response
        encoding = "gzip"  # dynamic bodies: gzip at level 6 costs well under a millisecond per 50 kB
        data = _compress(body, encoding, static=False)
    response.close()
    response.set_data(data)
    response.headers["Content-Encoding"] = encoding
    response.headers.pop("Accept-Ranges", None)  # ranges would be of the compressed bytes: none offered
    return response


def configure(server, folder: Path | None) -> None:
    """Compress the responses of `server`; compressed static files are kept under `folder`."""
    server.extensions["dasbor_static"] = StaticStore(folder)
    server.after_request(compress_response)
