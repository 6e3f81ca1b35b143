"""Every app process learns of a new data version when it happens (with $REDIS_URL, on PostgreSQL).

The store announces each change of its data version (store/notices.py: PostgreSQL NOTIFY, sent when
the change commits, by whichever host or command made it). Each app process listens in a thread of
its own, started by its first request (a gunicorn worker forked from a --preload master starts its
own), and each notice makes its StoreSource ask the store again at the next request. While it
listens, the source asks on its own only every `dashboard.sources.PUSHED_POLL_SECONDS` (in case a
notice was lost); while it cannot listen (the link broke: tried again every `RETRY_SECONDS`), the
source polls as without notices. SQLite, files, or no $REDIS_URL: nothing changes (dashboard.sources).
"""

from __future__ import annotations

import logging
import os
import threading

RETRY_SECONDS = 2.0
log = logging.getLogger(__name__)


class VersionListener:
    """Listens for the store's notices on behalf of `source` (a StoreSource), one thread per process."""

    def __init__(self, source):
        self.source = source
        self._pid: int | None = None
        self._lock = threading.Lock()
        self._stopped = threading.Event()

    def ensure_running(self) -> None:
        """Start this process's listening thread unless it runs (a before_request hook: returns None)."""
        if self._pid == os.getpid():
            return None
        with self._lock:
            if self._pid != os.getpid():
                self._pid = os.getpid()
                threading.Thread(target=self._run, name="dasbor-version-notices", daemon=True).start()
        return None

    def _run(self) -> None:
        from store.notices import listen

        while not self._stopped.is_set():
            try:
                listen(self.source.store.engine, self.source.invalidate, lambda: self.source.set_pushed(True))
            except Exception as err:  # noqa: BLE001 - a broken link: poll meanwhile, listen again
                if not self._stopped.is_set():
                    log.warning("data-version notices: not listening (%s); polling until listening again", err)
            self.source.set_pushed(False)
            self._stopped.wait(RETRY_SECONDS)

    def stop(self) -> None:
        """Stop listening once the link breaks (tests: before their database is dropped)."""
        self._stopped.set()


def configure(server, source) -> None:
    """Listen for `source`'s store's notices in every process of `server` when $REDIS_URL is set and
    the store is PostgreSQL (before any other hook: /login's requests start it too)."""
    from dashboard.scale_out import enabled
    from dashboard.sources import StoreSource
    from store.notices import supported

    if not enabled() or not isinstance(source, StoreSource) or not supported(source.store.engine):
        return
    server.before_request(VersionListener(source).ensure_running)
