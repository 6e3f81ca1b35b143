"""The filter fields of a view, one row each: what `Filters`, the words describing a view, the filter bar,
its chips, download names and the CLI arguments all loop over.

Adding a filter is one row here plus its words in the catalog: `filter.<name>` (label of its control and
chip), `describe.<name>` (the words of captions and report headings, `{value}` filled in) and the CLI help
key of the row. A row's kind says how its value is held, parsed from the URL, matched against the frame and
offered in the filter bar:

    YEARS   a range of years: two URL keys and two CLI flags (e.g. --from/--to), one slider, one chip;
    MULTI   several values of a column (a tuple; the URL key and the CLI flag repeat), one dropdown;
    CHOICE  one value of a column (or, without a column, a page's own key such as /kipp's edition);
    TEXT    a literal search over `SEARCHED_COLUMNS` (written by /inovasi's search box, no control).

A row with `pages` is a page-level key: it is parsed like the others but is no filter of the rows (no
column, no chip, no words); its URL key belongs to those pages and its CLI flag to the `commands` named.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

YEARS, MULTI, CHOICE, TEXT = "years", "multi", "choice", "text"


def parse_year(text: str) -> int | None:
    """A year from the URL ("2016", "2016.0"), None when it is not one (a mangled link still opens)."""
    try:
        year = int(float(text))
    except ValueError:
        return None
    return year if 1900 <= year <= 2100 else None


def parse_text(text: str) -> str | None:
    return text or None


@functools.lru_cache(maxsize=1)
def home_region() -> str:
    """The regency this installation serves (data/reference/regency.toml)."""
    from loaders.reference import load_reference

    return load_reference().regency["name"]


def own_region(regions: pd.Series) -> np.ndarray:
    """This regency's rows: its name, or no region at all (the loaders give other governments' rows theirs)."""
    return (regions.isna() | (regions == home_region())).to_numpy(dtype=bool, na_value=True)


@dataclass(frozen=True)
class FilterField:
    """One filter of the view. `url` and `help` are pairs for a YEARS row (its start and end)."""

    key: str                                # the row's name: chip id, mask name, `Filters` attribute(s)
    url: str | tuple[str, str]              # URL query key(s); the CLI flag is "--" + the same name
    label: str                              # catalog key of the control's label and chip: "filter.<name>"
    column: str | None                      # the canonical column it narrows (None: a page-level key)
    kind: str                               # YEARS, MULTI, CHOICE or TEXT
    help: str | tuple[str, str]             # catalog key(s) of the CLI flag's help
    parse: Callable[[str], object] = parse_text   # URL text -> value (None drops it)
    format: Callable[[object], str] = str         # value -> URL text
    metavar: str = "NAME"
    pages: tuple[str, ...] = ()             # a page-level key: the pages whose URL carries it
    commands: tuple[str, ...] = ()          # ... and the CLI commands that take its flag
    # The rows a MULTI row keeps while the URL names no value (the region: this regency's own rows),
    # from the column's values; None keeps every row. Nothing of it shows in the URL, chips or words.
    unset: Callable[[pd.Series], np.ndarray] | None = None
    several_only: bool = False              # the filter bar shows its control only when the data holds 2+ values
    placeholder: str = "filter.all"         # catalog key of an empty dropdown's words

    @property
    def names(self) -> tuple[str, ...]:
        """The `Filters` attributes of the row: a YEARS row holds its two ends."""
        if self.kind == YEARS:
            return (f"{self.column}_from", f"{self.column}_to")
        return (self.key,)

    @property
    def urls(self) -> tuple[str, ...]:
        return self.url if isinstance(self.url, tuple) else (self.url,)

    @property
    def helps(self) -> tuple[str, ...]:
        return self.help if isinstance(self.help, tuple) else (self.help,)

    @property
    def dests(self) -> tuple[str, ...]:
        """The argparse attributes of its flags: a YEARS row's ends ("--from" is a keyword), else the URL name."""
        return self.names if self.kind == YEARS else self.urls

    @property
    def value_type(self) -> type:
        return int if self.parse is parse_year else str

    @property
    def default(self):
        return () if self.kind == MULTI else None

    @property
    def control_id(self) -> str:
        """The filter bar's control: "filter-years", "filter-agency", ..."""
        return "filter-" + self.label.removeprefix("filter.")

    @property
    def describe(self) -> str:
        """Catalog key of its words in captions: "describe.<name>" (YEARS: describe.year/years/since/until)."""
        return "describe." + self.label.removeprefix("filter.")

    @property
    def is_page_key(self) -> bool:
        return bool(self.pages)

    @property
    def in_filter_bar(self) -> bool:
        return not self.is_page_key and self.kind in (YEARS, MULTI, CHOICE)


FIELDS: tuple[FilterField, ...] = (
    FilterField("years", ("from", "to"), "filter.years", "year", YEARS, ("cli.filter.from", "cli.filter.to"),
                parse=parse_year, metavar="YEAR"),
    FilterField("agencies", "agency", "filter.agency", "agency", MULTI, "cli.filter.agency"),
    FilterField("sectors", "sector", "filter.sector", "sector", MULTI, "cli.filter.sector"),
    FilterField("stage", "stage", "filter.stage", "stage", CHOICE, "cli.filter.stage"),
    FilterField("kind", "kind", "filter.kind", "kind", CHOICE, "cli.filter.kind"),
    FilterField("form", "form", "filter.form", "form", CHOICE, "cli.filter.form"),
    FilterField("text", "q", "filter.text", None, TEXT, "cli.filter.q", metavar="TEXT"),
    # other governments' rows (LAN recaps, IID exports with Pemda): shown only when asked for by name
    FilterField("regions", "region", "filter.region", "region", MULTI, "cli.filter.region", unset=own_region,
                several_only=True, placeholder="filter.region_unset"),
    # /kipp's edition (default: the latest in data/reference/kipp_editions.toml)
    FilterField("edition", "edition", "kipp.edition", None, CHOICE, "cli.filter.edition", parse=parse_year,
                metavar="YEAR", pages=("/kipp",), commands=("readiness", "proposal", "chart", "report")),
)


def filter_rows(fields: tuple[FilterField, ...] | None = None) -> tuple[FilterField, ...]:
    """The rows that filter the frame (every row without a page scope)."""
    return tuple(f for f in (FIELDS if fields is None else fields) if not f.is_page_key)


def page_rows(fields: tuple[FilterField, ...] | None = None) -> tuple[FilterField, ...]:
    """The page-level keys."""
    return tuple(f for f in (FIELDS if fields is None else fields) if f.is_page_key)
