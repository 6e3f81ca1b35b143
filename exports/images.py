"""Charts as PNG (2× scale), SVG and PDF, rendered on the server by kaleido with the system Chromium.

One warm headless browser per process serves every image (starting Chromium costs ~1.5 s, an image
~0.15 s). It is Debian's Chromium named by $BROWSER_PATH, else /usr/bin/chromium: kaleido is never
asked to download a browser, MathJax (a CDN script) is switched off, and plotly.js comes from the
installed plotly package, so rendering works offline, headless and as root (choreographer passes
--no-sandbox unless the sandbox is asked for).

The title stating the finding, the active filters in words and the source are drawn *inside* the
image, so a chart pasted into a report still says what it shows.
"""

from __future__ import annotations

import asyncio
import atexit
import datetime as dt
import os
import textwrap
import threading
from pathlib import Path

import plotly.graph_objects as go

from analytics.dataset import source_caption
from i18n import format_date, t
from charts.views import Context

BROWSER_ENV = "BROWSER_PATH"
DEFAULT_BROWSER = "/usr/bin/chromium"
MEDIA_TYPES = {"png": "image/png", "svg": "image/svg+xml", "pdf": "application/pdf"}
IMAGE_WIDTH = 1000   # CSS pixels; a PNG at scale 2 is 2000 px wide, sharp on paper
PNG_SCALE = 2
RENDER_TIMEOUT = 60
RELOAD_EVERY = 50    # images a tab renders before kaleido's clean-page reload (see _warm_kaleido_class)


class ImageExportError(ValueError):
    """A chart image could not be made (no Chromium, or the browser failed)."""


def browser_path() -> str:
    """The Chromium the exports use: $BROWSER_PATH, else Debian's /usr/bin/chromium."""
    return os.environ.get(BROWSER_ENV) or DEFAULT_BROWSER


def chromium_available() -> bool:
    """True when a Chromium executable exists where `browser_path()` says (the UI says so plainly when not)."""
    path = Path(browser_path())
    return path.is_file() and os.access(path, os.X_OK)


class ChartRenderer:
    """A kaleido browser kept open on its own event-loop thread; `render` is thread-safe.

    kaleido's `start_sync_server` is not used: its one shared return queue can hand a result to the
    wrong caller when two threads (two Dash requests) render at once; futures cannot.
    """

    def __init__(self, path: str | None = None, tabs: int = 1, timeout: float = RENDER_TIMEOUT):
        self.path, self.tabs, self.timeout = path or browser_path(), tabs, timeout
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido = None
        self._lock = threading.Lock()

    @property
    def running(self) -> bool:
        """True while the browser is open."""
        return self._kaleido is not None

    def start(self) -> None:
        """Open the browser (once; later calls return at once)."""
        with self._lock:
            if self._kaleido is not None:
                return
            if not Path(self.path).is_file():
                raise ImageExportError(f"Chromium tidak ditemukan di {self.path} (atur {BROWSER_ENV})")
            loop = asyncio.new_event_loop()
            threading.Thread(target=loop.run_forever, name="kaleido", daemon=True).start()

            async def open_browser():
                browser = _warm_kaleido_class()(path=self.path, n=self.tabs, timeout=self.timeout, mathjax=False)
                await browser.open()
                return browser

            try:
                self._kaleido = asyncio.run_coroutine_threadsafe(open_browser(), loop).result(self.timeout)
            except Exception as err:
                loop.call_soon_threadsafe(loop.stop)
                raise ImageExportError(f"Chromium tidak dapat dijalankan: {err}") from err
            self._loop = loop

    def submit(self, figure: go.Figure | dict, fmt: str, scale: float = 1, width: int | None = None,
               height: int | None = None):
        """Start rendering one figure; returns a concurrent Future of its bytes."""
        self.start()
        opts = {"format": fmt, "scale": scale}
        if width:
            opts["width"] = width
        if height:
            opts["height"] = height
        return asyncio.run_coroutine_threadsafe(self._kaleido.calc_fig(figure, opts=opts), self._loop)

    def render(self, figure: go.Figure | dict, fmt: str, scale: float = 1, width: int | None = None,
               height: int | None = None) -> bytes:
        """The image bytes of `figure`; a browser that died is restarted once."""
        for attempt in (1, 2):
            try:
                return self.submit(figure, fmt, scale, width, height).result(self.timeout + 5)
            except ImageExportError:
                raise
            except Exception as err:
                self.close()
                if attempt == 2:
                    raise ImageExportError(f"Grafik tidak dapat digambar: {err}") from err
        raise AssertionError("unreachable")

    def close(self) -> None:
        """Close the browser and stop its loop (an idle renderer can start again later)."""
        with self._lock:
            browser, loop = self._kaleido, self._loop
            self._kaleido = self._loop = None
        if browser is None or loop is None:
            return
        try:
            asyncio.run_coroutine_threadsafe(browser.close(), loop).result(10)
        except Exception:  # noqa: BLE001 - a dead browser is closed already
            pass
        loop.call_soon_threadsafe(loop.stop)


def _warm_kaleido_class():
    """kaleido reloads its page (and re-parses 4 MB of plotly.js) after every image, which is a third
    to two thirds of an image's time. `Plotly.toImage` already purges the plot it drew, so a tab is
    reloaded only every RELOAD_EVERY images; the output is byte-identical (checked in the bench)."""
    import kaleido

    if not hasattr(kaleido.Kaleido, "_return_kaleido_tab"):  # another kaleido: keep its own behaviour
        return kaleido.Kaleido

    class WarmKaleido(kaleido.Kaleido):
        _renders = 0

        async def _return_kaleido_tab(self, tab) -> None:
            self._renders += 1
            if self._renders % RELOAD_EVERY == 0:
                await super()._return_kaleido_tab(tab)
            else:
                await self.tabs_ready.put(tab)

    return WarmKaleido


_renderer: ChartRenderer | None = None
_renderer_pid: int | None = None
_renderer_lock = threading.Lock()


def renderer() -> ChartRenderer:
    """This process's renderer (a forked worker gets its own: a browser cannot cross a fork)."""
    global _renderer, _renderer_pid
    with _renderer_lock:
        if _renderer is None or _renderer_pid != os.getpid():
            _renderer, _renderer_pid = ChartRenderer(), os.getpid()
        return _renderer


def shutdown() -> None:
    """Close this process's browser (at exit, and in tests)."""
    if _renderer is not None and _renderer_pid == os.getpid():
        _renderer.close()


atexit.register(shutdown)


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False)) or text


def framed_figure(figure: go.Figure, title: str, filters_text: str, footer: str,
                  width: int = IMAGE_WIDTH) -> go.Figure:
    """A copy of `figure` with the title, the filters in words (top) and the source line (bottom) drawn in;
    without a footer (the report states the source once, on its cover) the bottom margin is the axis's."""
    framed = go.Figure(figure)
    chars = max(40, width // 10)
    title_html, subtitle_html = _wrap(title, chars), _wrap(filters_text, int(chars * 1.25))
    title_lines, subtitle_lines = title_html.count("<br>") + 1, subtitle_html.count("<br>") + 1
    legend = sum(1 for trace in framed.data if trace.showlegend is not False) > 1
    axis_on_top = framed.layout.xaxis.side == "top"  # the heatmap's years sit above the plot
    top = 44 + 24 * title_lines + 19 * subtitle_lines + (34 if legend else 0) + (52 if axis_on_top else 0)
    bottom = 56 if axis_on_top or not footer else 96
    plot_height = int(framed.layout.height or 400)
    framed.update_layout(
        width=width, height=plot_height + top + bottom - 24,
        title=dict(text=f"<b>{title_html}</b>", x=0.012, xanchor="left", y=1, yanchor="top", yref="container",
                   pad=dict(t=16),
                   font=dict(size=19), subtitle=dict(text=subtitle_html, font=dict(size=14, color="#495057"))),
        margin=dict(t=top, b=bottom, l=16, r=32),
    )
    if not footer:
        return framed
    framed.add_annotation(text=_wrap(footer, int(chars * 1.4)), xref="paper", yref="paper", x=1, y=0,
                          xanchor="right", yanchor="top", yshift=-(bottom - 34), showarrow=False, align="right",
                          font=dict(size=12, color="#495057"))
    return framed


def image_footer(ctx: Context, today: dt.date | None = None) -> str:
    """ "Sumber: data contoh (sintetis) · Dasbor Inovasi Kabupaten Muara Enim · 8 Maret 2018"."""
    today = today or dt.date.today()
    return t("export.image_footer", ctx.lang, source=source_caption(ctx.dataset, ctx.lang),
             date=format_date(today, "day", ctx.lang))


def filters_in_words(ctx: Context) -> str:
    """The view's filters in words, with sector and value labels in the view's language."""
    return ctx.filters.describe(ctx.lang, ctx.dataset.labeler(ctx.lang))


def export_figure(name: str, ctx: Context) -> tuple[go.Figure, str]:
    """The framed figure of chart `name` under `ctx` and its file name (without extension)."""
    from charts.views import render

    rendered = render(name, ctx)
    return framed_figure(rendered.figure, rendered.title, filters_in_words(ctx), image_footer(ctx)), rendered.filename


def chart_image(name: str, ctx: Context, fmt: str = "png") -> tuple[bytes, str]:
    """The image of chart `name` under `ctx` as `fmt` (png at scale 2, svg, pdf) and its file name."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in MEDIA_TYPES:
        raise ImageExportError(f"format tidak dikenal: {fmt} (pilih {', '.join(MEDIA_TYPES)})")
    figure, filename = export_figure(name, ctx)
    data = renderer().render(figure, fmt, scale=PNG_SCALE if fmt == "png" else 1)
    return data, f"{filename}.{fmt}"


def figure_images(figures: list[go.Figure], fmt: str = "png", scale: float = PNG_SCALE) -> list[bytes]:
    """Several figures at once (the browser's tabs work in parallel), in order."""
    active = renderer()
    futures = [active.submit(figure, fmt, scale) for figure in figures]
    try:
        return [future.result(active.timeout + 5) for future in futures]
    except Exception as err:  # noqa: BLE001 - retried one by one, which restarts a dead browser
        if isinstance(err, ImageExportError):
            raise
        return [active.render(figure, fmt, scale) for figure in figures]
