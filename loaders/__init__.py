"""Loaders: the regency's spreadsheets → one canonical pandas frame with provenance and issues.

    result = load_paths(["data/sample"])
    result.frame      # canonical columns (loaders.schema), rows of the files that were accepted
    result.issues     # every problem, with file, sheet, Excel row and column
    result.files      # per file: status and, per sheet, header row, record count, mapping, skip reason

A file with any error is rejected whole: none of its rows reach the frame.
"""

from loaders.load import LoadResult, FileReport, SheetReport, load_paths, data_version, expand_paths, SAMPLE_DIR
from loaders.errors import Issue, FileRejected
from loaders.reference import load_reference

__all__ = ["LoadResult", "FileReport", "SheetReport", "load_paths", "data_version", "expand_paths",
           "SAMPLE_DIR", "Issue", "FileRejected", "load_reference"]
