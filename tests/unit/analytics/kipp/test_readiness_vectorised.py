"""The column-at-a-time readiness (messages once per distinct value, duplicate titles per set, the JSON
written from pieces) gives exactly what the row-by-row code it replaced gave: on the sample data and
on a random frame full of repeated titles, awards, partial dates and missing cells.

The `reference_*` functions are that row-by-row code, kept here as the definition of the results.
"""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

from analytics.kipp import rules
from analytics.kipp.readiness import FAIL, MISSING, PASS, evaluate, main_gaps, to_dict, to_json
from loaders.schema import KIPP_SECTIONS
from loaders.text import text_key


def reference_messages(check, lang: str) -> list[str]:
    return [check.message(position, lang) for position in range(len(check.code))]  # one row at a time


def reference_twins(frame: pd.DataFrame) -> tuple[list[int], list[str]]:
    text = rules._text
    key = rules.map_unique(frame["name"], text_key)
    agency = text(frame["agency"]).where(rules._present(frame["agency"]), text(frame["agency_raw"]))
    year = text(frame["year"]).str.replace(r"\.0$", "", regex=True)
    keys = pd.DataFrame({"agency": rules.map_unique(agency, text_key), "key": key}, index=frame.index)
    named = key != ""
    repeated = keys.duplicated(keep=False).to_numpy() & named
    same_year = keys.assign(year=year).duplicated(keep=False).to_numpy() & named
    count = [0] * len(frame)
    others = [""] * len(frame)
    if repeated.any():
        members = keys[repeated].assign(position=np.flatnonzero(repeated), year=year[repeated],
                                        label=(text(frame["id"]) + " (" + year + ")")[repeated])
        for _, group in members.groupby(["agency", "key"], sort=False):
            rows = list(group[["position", "year", "label"]].itertuples(index=False))
            for position, own_year, _ in rows:
                twins = [r.label for r in rows if r.position != position
                         and (r.year == own_year or not same_year[position])]
                count[position], others[position] = len(twins), ", ".join(twins)
    return count, others


def reference_gaps(readiness, lang: str, limit: int = 3) -> list[str]:
    states = np.column_stack([check.state for check in readiness.checks])
    labels = np.array([check.label(lang) for check in readiness.checks], dtype=object)
    gaps = []
    for row in states:
        order = list(np.flatnonzero(row == FAIL)) + list(np.flatnonzero(row == MISSING))
        names = list(labels[order[:limit]])
        if len(order) > limit:
            names.append(f"+{len(order) - limit}")
        gaps.append("; ".join(names))
    return gaps


def reference_innovations(readiness, lang: str) -> list[dict]:
    table = readiness.table
    plain = lambda v: None if v is None or (isinstance(v, float) and np.isnan(v)) else v  # noqa: E731
    messages = [reference_messages(c, lang) for c in readiness.checks]
    result = []
    for position, row in enumerate(table[["id", "name", "agency", "status", "score", "group"]].itertuples(index=False)):
        checks = [{"rule": c.rule, "passed": None if c.state[position] == MISSING else bool(c.state[position] == PASS),
                   "missing": bool(c.state[position] == MISSING), "message": texts[position]}
                  for c, texts in zip(readiness.checks, messages)]
        year = table["year"].iloc[position]
        result.append({"id": row.id, "name": plain(row.name), "agency": plain(row.agency),
                       "year": None if pd.isna(year) else int(year), "status": row.status,
                       "score": float(row.score), "group": row.group, "checks": checks})
    return result


def random_frame(rows: int, seed: int = 3) -> pd.DataFrame:
    """Titles repeated within and across years and agencies, awards, day/month/year dates, gaps."""
    rng = np.random.default_rng(seed)
    pick = lambda values: [values[i] for i in rng.integers(0, len(values), rows)]  # noqa: E731
    words = lambda n: " ".join(["kata"] * int(n)) if n else None  # noqa: E731
    frame = pd.DataFrame({
        "id": [f"r{i}" for i in range(rows)],
        "name": pick(["Antrean Daring", "antrean  daring", "Posyandu Pintar", "Sikat Gigi", None, "-", "Lapor Cepat"]),
        "agency": pick(["Dinas Kesehatan", "Dinas Pendidikan", None, "-"]),
        "agency_raw": pick(["DINKES", "Disdik", None]),
        "year": pick([2016, 2017, 2018, 2019, None]),
        "stage": pick(["Penerapan", "Uji Coba", "Inisiatif", None]),
        "status": pick(["Berjalan", "Berhenti", None]),
        "awards": pick([None, "2017: Top 99", "2019: Top 45; 2020: Top 99", "Top Terpuji", "juara lomba"]),
        "launch_date": pd.to_datetime(pick(["2015-03-04", "2017-11-01", "2021-06-30", "2023-01-01", None])),
        "launch_date_precision": pick(["day", "month", "year", None]),
        "trial_date": pd.to_datetime(pick(["2014-02-01", "2022-08-17", None])),
        "trial_date_precision": pick(["day", "month", None]),
        "decree": pick(["SK No. 1/2017", None, "tidak ada"]),
        "video_url": pick(["https://youtu.be/x", None]),
        "form": pick(["Pelayanan Publik", None]),
        "sdgs": pick(["3", "SDG 4; Air Bersih dan Sanitasi Layak", "lainnya", None]),
        **{key: [words(n) for n in rng.integers(0, 900, rows) * rng.integers(0, 2, rows)] for key in KIPP_SECTIONS},
    })
    return frame


def sample_frame() -> pd.DataFrame:
    from loaders import SAMPLE_DIR, load_paths

    return load_paths([SAMPLE_DIR], lang="id").frame


@pytest.fixture(scope="module", params=["sample", "random"])
def frame(request):
    return sample_frame() if request.param == "sample" else random_frame(1500)


@pytest.mark.parametrize("edition", [2018, 2023])
def test_duplicate_titles_name_the_same_twins_as_before(frame, edition):
    readiness = evaluate(frame, edition)
    title = next(check for check in readiness.checks if check.rule == "title")
    count, others = reference_twins(frame.reindex(columns=list(dict.fromkeys([*frame.columns, "agency_raw"]))))
    assert title.params["count"].tolist() == count
    assert title.params["others"].tolist() == others
    assert sum(count) > 0  # the frame really has duplicates to name


@pytest.mark.parametrize("lang", ["id", "en"])
def test_every_message_is_the_one_filled_row_by_row(frame, lang):
    readiness = evaluate(frame, 2023)
    for check in readiness.checks:
        assert check.messages(lang).tolist() == reference_messages(check, lang), check.rule


def test_main_gaps_are_the_ones_listed_row_by_row(frame):
    readiness = evaluate(frame, 2021)
    assert main_gaps(readiness, "en") == reference_gaps(readiness, "en")


def test_the_json_is_the_one_built_row_by_row(frame):
    readiness = evaluate(frame, 2023)
    data = to_dict(readiness, "id", filters={"query": "?from=2016"})
    assert data["innovations"] == reference_innovations(readiness, "id")
    assert data["filters"] == {"query": "?from=2016"}
    assert list(data) == ["edition", "edition_label", "closes", "summary", "innovations",
                          "shortlist", "filters"]
    text = to_json(readiness, "id")
    assert text.count("\n") == len(readiness) + 2  # one innovation per line, between the head and the tail
    assert json.loads(text)["innovations"] == data["innovations"]


@pytest.mark.parametrize("by", ["year", "agency"])
def test_status_counts_are_the_crosstab(frame, by):
    """status_counts counts with np.bincount what pd.crosstab of the value and the status gives."""
    from analytics.kipp.readiness import STATUSES, status_counts

    table = evaluate(frame, 2023).table
    table = table.assign(agency=table["agency"].fillna("-")) if by == "agency" else table
    expected = pd.crosstab(table[by], table["status"]).reindex(columns=list(STATUSES), fill_value=0)
    pd.testing.assert_frame_equal(status_counts(evaluate(frame, 2023), by), expected, check_dtype=False,
                                  check_index_type=False, check_column_type=False)
