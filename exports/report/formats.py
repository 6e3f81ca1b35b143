"""The report's file formats as a table (format → writer, media type, extension), and writing a
report of a view to a file or to bytes through it.

Adding a format is one row here and one writer module that reads only exports.report.model.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from charts.views import Context, download_name
from exports.errors import UnknownFormat
from exports.report.build import Progress, build_report, render_images
from exports.report.docx import write_docx
from exports.report.model import Report
from exports.report.pdf import write_pdf


@dataclass(frozen=True)
class ReportFormat:
    key: str                                    # "pdf": what `fmt` and the download buttons name
    media_type: str
    extension: str                              # with the dot
    write: Callable[[Report, Path], None]       # writes the whole file at the path it is given


FORMATS = {fmt.key: fmt for fmt in (
    ReportFormat("pdf", "application/pdf", ".pdf", write_pdf),
    ReportFormat("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx",
                 write_docx),
)}


def report_format(fmt: str) -> ReportFormat:
    """The format named `fmt` (case-insensitive); UnknownFormat (a ValueError) names the ones there are."""
    key = fmt.lower()
    if key not in FORMATS:
        raise UnknownFormat("report", key, FORMATS)
    return FORMATS[key]


def report_filename(ctx: Context, fmt: str) -> str:
    """ "laporan-inovasi_2016.pdf" style names, from the same slugs as the chart images."""
    name = download_name("laporan", ctx.filters).replace("inovasi-laporan", "laporan-inovasi", 1)
    return name + report_format(fmt).extension


def write_report(ctx: Context, path: str | os.PathLike, fmt: str | None = None,
                 progress: Progress | None = None, today: dt.date | None = None) -> Path:
    """Write the report of `ctx` to `path` as pdf or docx (by `fmt`, else the suffix), atomically."""
    path = Path(path)
    writer = report_format(fmt or path.suffix.lstrip("."))
    report = render_images(build_report(ctx, today), progress)
    temporary = path.with_name(f".{path.name}.tmp")
    writer.write(report, temporary)
    temporary.replace(path)
    if progress:
        total = len([c for c in report.charts() if not c.empty]) + 1
        progress(total, total)
    return path


def report_bytes(ctx: Context, fmt: str, progress: Progress | None = None) -> tuple[bytes, str]:
    """The report as bytes in memory, with its file name (for a download)."""
    with tempfile.TemporaryDirectory(prefix="dasbor-report-") as folder:
        path = write_report(ctx, Path(folder) / f"report.{fmt}", fmt, progress)
        return path.read_bytes(), report_filename(ctx, fmt)
