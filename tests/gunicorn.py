"""`gunicorn app:server -w 2` as production runs it, on a free loopback port with its own SQLite store
in a temporary folder (tests start and stop it), and a small HTTP client that keeps cookies, sends
the CSRF token as the page would and can speak from another loopback address (127.0.0.2, ...)."""

from __future__ import annotations

import http.client
import json
import os
import socket
import subprocess
import sys
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Gunicorn:
    """The server process: `start()`, `wait_ready()`, `stop()`, `log()`; `url` is its address;
    `options` are more of gunicorn's own (`"--timeout", "2"`)."""

    def __init__(self, instance: Path, *options: str, **env: str):
        self.instance = instance
        self.options = list(options)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = instance / "gunicorn.log"
        inherited = {name: value for name, value in os.environ.items()
                     if name not in ("DATABASE_URL", "DASBOR_DATA", "REDIS_URL")}   # only what the test gives
        self.env = {**inherited, "DASBOR_INSTANCE": str(instance), "DASBOR_TEST_SHOW_PID": "1", **env}
        self.process = None

    def start(self) -> "Gunicorn":
        self._log = self.log_path.open("w")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "app:server", "-w", "2", "-b", f"127.0.0.1:{self.port}", *self.options],
            cwd=ROOT, env=self.env, stdout=self._log, stderr=subprocess.STDOUT)
        return self

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn stopped:\n{self.log()}")
            try:
                Client(self).get("/login")
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer in {timeout} s:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-6000:]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


class Response:
    def __init__(self, raw: http.client.HTTPResponse):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read()

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", errors="replace")

    def json(self):
        return json.loads(self.body)

    @property
    def worker(self) -> str | None:
        return self.headers.get("X-Dasbor-Worker")


class Client:
    """One browser: its cookies, a new connection per request (so both workers answer), from
    `address` (any 127.x.y.z reaches the server on 127.0.0.1)."""

    def __init__(self, server: Gunicorn, address: str = "127.0.0.1"):
        self.server = server
        self.address = address
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, body: bytes | None = None, headers: dict | None = None) -> Response:
        connection = http.client.HTTPConnection("127.0.0.1", self.server.port, timeout=30,
                                                source_address=(self.address, 0))
        try:
            sent = dict(headers or {})
            if self.cookies:
                sent["Cookie"] = "; ".join(f"{name}={value}" for name, value in self.cookies.items())
            connection.request(method, path, body=body, headers=sent)
            response = Response(connection.getresponse())
        finally:
            connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or morsel["expires"].startswith("Thu, 01 Jan 1970"):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, path: str) -> Response:
        return self.request("GET", path)

    def token(self) -> str:
        if "dasbor_csrf" not in self.cookies:
            self.get("/login")
        return self.cookies["dasbor_csrf"]

    def post_form(self, path: str, fields: dict) -> Response:
        return self.request("POST", path, urlencode(fields).encode(),
                            {"Content-Type": "application/x-www-form-urlencoded"})

    def post_json(self, path: str, body, token: str | None = None) -> Response:
        headers = {"Content-Type": "application/json"}
        if token is not None:
            headers["X-CSRFToken"] = token
        return self.request("POST", path, json.dumps(body).encode(), headers)

    def callback(self, body) -> Response:
        """POST /_dash-update-component as Dash's renderer does (the token from the cookie as a header)."""
        return self.post_json("/_dash-update-component", body, self.token())

    def login(self, name: str, password: str, next_path: str | None = None, query: str = "") -> Response:
        """The form as a browser submits it: GET /login (its token and next), then POST."""
        import html
        import re

        page = self.get("/login" + query).text
        field = lambda name: html.unescape(re.search(rf'name="{name}" value="([^"]*)"', page).group(1))  # noqa: E731
        fields = {"csrf_token": field("csrf_token"), "next": field("next"), "name": name, "password": password}
        if next_path is not None:
            fields["next"] = next_path
        return self.post_form("/login" + query, fields)


def callback_body(dependencies: list[dict], first_output: str, values: dict) -> dict:
    """The body Dash's renderer posts for the callback (of /_dash-dependencies) whose first output is
    `first_output`: each input and state valued from `values` ("id.property" → value, else None),
    the first input named as the one that changed."""
    dependency = next(d for d in dependencies if d["output"].strip(".").split("...")[0].split("@")[0] == first_output)
    parts = dependency["output"].strip(".").split("...")
    outputs = [{"id": part.rsplit(".", 1)[0], "property": part.rsplit(".", 1)[1]} for part in parts]
    valued = lambda items: [{**item, "value": values.get(f"{item['id']}.{item['property']}")} for item in items]  # noqa: E731
    inputs = valued(dependency["inputs"])
    return {"output": dependency["output"], "outputs": outputs if len(outputs) > 1 else outputs[0],
            "inputs": inputs, "state": valued(dependency["state"]),
            "changedPropIds": [f"{inputs[0]['id']}.{inputs[0]['property']}"]}
