"""Browser tests: the real app (`python app.py serve`) on a free port, driven by Debian's Chromium.

The server's log is attached to every failing test's report; each page fixture records console
errors, page errors and any request that leaves the machine, and tests end by asserting none.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from contextlib import contextmanager
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """`python app.py serve` on a free port with its own store: a fresh SQLite file in `instance`;
    `env`: more environment variables for the server alone."""

    def __init__(self, log_path: Path, instance: Path | None = None, env: dict | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = log_path
        environment = {k: v for k, v in os.environ.items()
                       if k not in ("DASBOR_DATA", "DATABASE_URL", "DASBOR_ANONYMOUS_VIEW")}
        environment["DASBOR_INSTANCE"] = str(instance or log_path.parent / "instance")
        environment.update(env or {})
        self._log = log_path.open("w")
        self.process = subprocess.Popen([sys.executable, "app.py", "serve", "--port", str(self.port)], cwd=ROOT,
                                        stdout=self._log, stderr=subprocess.STDOUT, env=environment)

    def wait_ready(self, timeout: float = 90) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server stopped:\n{self.log()}")
            try:
                with urllib.request.urlopen(self.url + "/", timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError(f"the server did not answer in {timeout} s:\n{self.log()}")

    def log(self) -> str:
        self._log.flush()
        return self.log_path.read_text(errors="replace")[-8000:]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        self._log.close()


@contextmanager
def seeded_server(folder: Path, users: dict[str, str], password: str, env: dict | None = None):
    """A server on a store of its own in `folder`: the sample, and `users` (name → role) with `password`
    (`env`: more environment variables for the server)."""
    from store.database import open_store

    (folder / "instance").mkdir()
    store = open_store(f"sqlite:///{folder / 'instance' / 'dasbor.sqlite3'}", seed=True)
    for name, role in users.items():
        store.add_user(name, role, password)
    store.close()
    server = Server(folder / "server.log", folder / "instance", env)
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def server(tmp_path_factory):
    server = Server(tmp_path_factory.mktemp("server") / "server.log")
    try:
        server.wait_ready()
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class Page:
    """A Playwright page that records what went wrong in the browser."""

    def __init__(self, browser, server, viewport):
        self.server = server
        self.context = browser.new_context(viewport=viewport)
        self.page = self.context.new_page()
        self.problems: list[str] = []
        self.page.on("console", lambda m: self.problems.append(f"console {m.type}: {m.text}")
                     if m.type == "error" else None)
        self.page.on("pageerror", lambda error: self.problems.append(f"page error: {error}"))
        self.page.on("request", self._check_request)

    def _check_request(self, request) -> None:
        if not request.url.startswith((self.server.url, "data:", "blob:")):
            self.problems.append(f"request left the machine: {request.url}")

    def open(self, path: str) -> None:
        """Go to `path` and wait until the page's content and its callbacks have settled."""
        self.page.goto(self.server.url + path)
        self.page.wait_for_selector("#_pages_content > *", state="attached", timeout=30000)
        self.settle()

    def settle(self) -> None:
        self.page.wait_for_load_state("networkidle")
        self.page.wait_for_function("!document.querySelector('[data-dash-is-loading=\"true\"]')", timeout=30000)

    def assert_clean(self) -> None:
        assert not self.problems, "\n".join(self.problems)


def log_in_as(browser, server, name: str, password: str) -> Page:
    """A desktop page logged in through the login form (from '/', which sends it to /login)."""
    import re

    wrapper = Page(browser, server, DESKTOP)
    wrapper.page.goto(server.url + "/")
    wrapper.page.wait_for_url(re.compile(r"/login\?next=/"))
    wrapper.page.fill("#login-name", name)
    wrapper.page.fill("#login-password", password)
    wrapper.page.click("#login-submit")
    wrapper.page.wait_for_selector("#_pages_content > *", state="attached", timeout=30000)
    wrapper.settle()
    return wrapper


@pytest.fixture
def page(browser, server):
    wrapper = Page(browser, server, DESKTOP)
    yield wrapper
    wrapper.context.close()


@pytest.fixture
def phone(browser, server):
    wrapper = Page(browser, server, PHONE)
    yield wrapper
    wrapper.context.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    server = item.funcargs.get("server") if hasattr(item, "funcargs") else None
    if report.failed and server is not None:
        report.sections.append(("server log", server.log()))
