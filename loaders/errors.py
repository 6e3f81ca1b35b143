"""Problems found while loading, as values with a place (STYLE.md §6).

An `Issue` names the file, sheet, Excel row and column a person would look at, a stable `code`,
and a message in the user's language: the catalog's `loader.<code>` (i18n/catalog_loader.py).
`FileRejected` aborts one file and carries the same fields.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import ClassVar

from i18n import printable, t


@dataclass(frozen=True)
class Issue:
    severity: str            # "error" rejects the file; "warning" is reported, the row is kept
    code: str
    file: str
    sheet: str | None = None
    row: int | None = None    # Excel row number as the user sees it
    column: str | None = None  # header text as written, else the column letter
    params: tuple = ()        # (key, value) pairs for the message template
    lang: str = "id"

    NAMESPACE: ClassVar[str] = "loader"  # the catalog part that holds the messages of the codes

    @property
    def message(self) -> str:
        return t(f"{self.NAMESPACE}.{self.code}", self.lang, **dict(self.params))

    def to_dict(self) -> dict:
        data = asdict(self)
        return {"severity": data["severity"], "file": self.file, "sheet": self.sheet, "row": self.row,
                "column": self.column, "code": self.code, "message": self.message}

    def to_line(self) -> str:
        """One CLI line: 'ERROR data.xlsx › 2015 › baris 12 › Tahun: ...'."""
        line = f"{t(f'severity.{self.severity}', self.lang).upper()} {self.place}: {self.message}"
        return printable(line)

    @property
    def place(self) -> str:
        """Where to look: 'data.xlsx › 2015 › baris 12 › Tahun'."""
        return " › ".join(str(p) for p in [self.file, self.sheet, _row_label(self.row, self.lang), self.column] if p)  # a file or sheet name with a newline or ANSI code cannot forge lines


def _row_label(row: int | None, lang: str) -> str | None:
    return None if row is None else t("loader.place.row", lang, row=row)


class FileRejected(ValueError):
    """A file that cannot be used at all (empty, corrupt, protected, too large, ...), with the place
    (sheet, Excel row, column) when the reason has one."""

    def __init__(self, code: str, file: str, sheet: str | None = None, row: int | None = None,
                 column: str | None = None, **params):
        self.code, self.file, self.params = code, file, params
        self.sheet, self.row, self.column = sheet, row, column
        super().__init__(t(f"loader.{code}", "en", **params))

    def issue(self, lang: str = "id") -> Issue:
        return Issue("error", self.code, self.file, self.sheet, self.row, self.column,
                     params=tuple(self.params.items()), lang=lang)


def column_letter(index: int) -> str:
    """0 -> 'A', 27 -> 'AB'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters
