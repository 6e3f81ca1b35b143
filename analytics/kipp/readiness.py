"""KIPP proposal readiness: for each innovation and a KIPP edition, a status, a score and its checks.

Plain pandas/numpy, no Dash (DESIGN.md §1): the page, the CLI's `readiness --json` and the proposal
drafts all call `evaluate` and read the same `Readiness` value.

Outcome (DOMAIN.md §7):
- **Siap**: every hard check passes;
- **Hampir siap**: nothing fails, some information is missing in the data;
- **Belum memenuhi syarat**: a rule fails on the facts (too young, Uji Coba, Berhenti, over a word limit, ...);
- **Jalur khusus**: a past winner, kept out of the general group by its award history.

An innovation adopted from another region is judged in the edition's replication group (its minimum
age and cap; analytics/kipp/replication.py), and its checklist says so.
"""

from __future__ import annotations

import functools
import json
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.kipp import replication, rules
from analytics.kipp.editions import Edition, load_editions
from analytics.kipp.statuses import ALMOST, NOT_ELIGIBLE, READY, SPECIAL, STATUSES
from analytics.kipp.rules import FAIL, MISSING, PASS, Check  # noqa: F401 (re-exported)

__all__ = ["STATUSES", "PASS", "FAIL", "MISSING", "Readiness", "evaluate", "summary", "shortlist", "status_counts", "main_gaps",
           "to_dict", "to_json", "write_json", "UnknownInnovation"]

_BASE_COLUMNS = ["id", "name", "agency", "agency_raw", "year", "stage", "status", "awards",
                 "launch_date", "launch_date_precision", "trial_date", "trial_date_precision"]


class UnknownInnovation(ValueError):
    """An innovation id that is not in the data."""

    def __init__(self, innovation_id: str):
        self.innovation_id = innovation_id
        super().__init__(f"Inovasi dengan id '{innovation_id}' tidak ada di data")


@dataclass(frozen=True)
class Readiness:
    """The readiness of every row of a frame for one edition.

    `table` keeps the frame's index and holds id, name, agency, year, group, status and score;
    `checks` hold, per rule, one state and message per row, in the same order as `table`.
    """

    edition: Edition
    table: pd.DataFrame
    checks: tuple[Check, ...]

    def __len__(self) -> int:
        return len(self.table)

    def position(self, innovation_id: str) -> int:
        """The row position of an innovation id; UnknownInnovation when it is not there."""
        matches = np.flatnonzero(self.table["id"].to_numpy(dtype=object) == str(innovation_id))
        if not len(matches):
            raise UnknownInnovation(str(innovation_id))
        return int(matches[0])

    def checks_for(self, position: int, lang: str = "id") -> list[dict]:
        return [check.as_dict(position, lang) for check in self.checks]

    def innovation(self, position: int, lang: str = "id") -> dict:
        """One innovation in the shape of DESIGN.md §3 (plus its group)."""
        row = self.table.iloc[position]
        return {"id": row["id"], "name": _plain(row["name"]), "agency": _plain(row["agency"]),
                "year": None if pd.isna(row["year"]) else int(row["year"]), "status": row["status"],
                "score": float(row["score"]), "group": row["group"], "checks": self.checks_for(position, lang)}

    def select(self, index) -> "Readiness":
        """The readiness of the rows with these index labels (e.g. of `Filters.apply(frame).index`)."""
        positions = self.table.index.get_indexer(pd.Index(index))
        positions = positions[positions >= 0]
        checks = tuple(Check(c.rule, c.label_id, c.label_en, c.state[positions], c.code[positions],
                             {k: v[positions] if isinstance(v, np.ndarray) else v for k, v in c.params.items()})
                       for c in self.checks)
        return Readiness(self.edition, self.table.iloc[positions], checks)


def evaluate(frame: pd.DataFrame, edition: Edition | int | None = None) -> Readiness:
    """Judge every innovation of `frame` (canonical columns) against `edition` (default: the latest).

    Duplicate titles are looked for within `frame`, so pass the whole data and `select` a view after.
    """
    if not isinstance(edition, Edition):
        edition = load_editions().get(edition)
    needed = list(dict.fromkeys(_BASE_COLUMNS + list(replication.COLUMNS) + [s.key for s in edition.sections]
                                + [c for a in edition.checked_attachments for c in a.columns]))
    data = frame.reindex(columns=needed)
    group, groups = rules.group_check(data, edition)
    adopted, groups = replication.replication_check(data, edition, groups)   # adopted: the replication group
    title_key = rules.text_keys_of(data["name"])
    sections = rules.section_checks(data, edition)
    checks = (rules.age_check(data, edition, groups), rules.stage_check(data, edition.terms), group,
              rules.title_check(data, title_key), rules.running_check(data, edition.terms), *sections,
              *rules.attachment_checks(data, edition), adopted)   # added last: earlier checks keep their places

    states = np.column_stack([check.state for check in checks]) if len(data) else np.empty((0, len(checks)))
    khusus = group.state == FAIL
    failed = (np.delete(states, checks.index(group), axis=1) == FAIL).any(axis=1)  # a past win routes, not fails
    missing = (states == MISSING).any(axis=1)
    status = np.select([khusus, failed, missing], [SPECIAL.name, NOT_ELIGIBLE.name, ALMOST.name],
                       READY.name)

    ids = data["id"].astype(object).where(data["id"].notna(), pd.Series(data.index.astype(str), index=data.index))
    table = pd.DataFrame({
        "id": ids.astype(str).to_numpy(dtype=object),
        "name": data["name"].astype(object).where(data["name"].notna(), None).to_numpy(dtype=object),
        "agency": data["agency"].astype(object).where(data["agency"].notna(), None).to_numpy(dtype=object),
        "year": pd.array(pd.to_numeric(data["year"], errors="coerce").round(), dtype="Int64"),
        "group": groups,
        "status": status.astype(object),
        "score": _score(sections, edition),
        "title_key": title_key,
    }, index=frame.index)
    return Readiness(edition, table, checks)


def _score(sections: list[Check], edition: Edition) -> np.ndarray:
    """0-100 from the section weights: each section's share of its content present, counting words
    only up to the limit, full once it uses `full_credit_share` of the allowance."""
    if not sections or not len(sections[0].state):
        return np.zeros(len(sections[0].state) if sections else 0)
    weights = np.array([s.weight.value for s in edition.sections], dtype=float)
    limits = np.array([s.max_words.value for s in edition.sections], dtype=float)
    words = np.column_stack([check.params["words"] for check in sections]).astype(float)
    fill = np.minimum(1.0, np.minimum(words, limits) / (edition.full_credit_share * limits))
    total = weights.sum()
    score = 100 * (fill * weights).sum(axis=1) / total if total else 100 * fill.mean(axis=1)
    return np.round(score, 1)


def summary(readiness: Readiness) -> dict[str, int]:
    """Count per status, every status present, in the order Siap, Hampir siap, Belum, Jalur khusus."""
    counts = readiness.table["status"].value_counts()
    return {status: int(counts.get(status, 0)) for status in STATUSES}


def shortlist(readiness: Readiness, within_cap: bool = True) -> pd.DataFrame:
    """Per institution, the Siap innovations ranked by score (then name), respecting the edition's cap
    per group (KIPP 2021: at most 10 umum + 5 replikasi). An innovation recorded in several years is
    proposed once (its best-scoring, latest record). `within_cap=False` also returns those beyond the
    cap, flagged."""
    ready = readiness.table[readiness.table["status"] == READY.name]
    ready = ready.sort_values(["score", "year"], ascending=False, kind="stable", na_position="last").drop_duplicates(
        ["agency", "title_key"])
    caps = {group.key: group.cap.value for group in readiness.edition.groups if group.cap is not None}
    ranked = ready.assign(agency=ready["agency"].fillna("-")).sort_values(
        ["agency", "group", "score", "name"], ascending=[True, True, False, True], kind="stable")
    ranked["rank"] = ranked.groupby(["agency", "group"], sort=False).cumcount() + 1
    cap = ranked["group"].map(caps)
    ranked["cap"] = cap.astype("Int64")
    ranked["within_cap"] = cap.isna() | (ranked["rank"] <= cap)
    columns = ["agency", "group", "rank", "id", "name", "year", "score", "cap", "within_cap"]
    result = ranked[columns]
    return (result[result["within_cap"]] if within_cap else result).reset_index(drop=True)


def status_counts(readiness: Readiness, by: str) -> pd.DataFrame:
    """Innovations per `by` (e.g. "year", "agency") and status: one row per value (sorted; a missing
    agency as "-", a missing year left out), one column per status (as `pd.crosstab` of the two
    reindexed to STATUSES, counted with np.bincount)."""
    return count_table(*status_codes(readiness, by), by)


def status_codes(readiness: Readiness, by: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per row, the code of its `by` value (-1 for a missing year), the values (sorted; a missing
    agency as "-") and the code of its status (its place in STATUSES): what `count_table` counts, so
    a view's counts can be taken from the whole data's codes (charts.readiness_views)."""
    keys = readiness.table[by].fillna("-") if by == "agency" else readiness.table[by]
    codes, values = pd.factorize(keys, sort=True)
    return codes, values, pd.Categorical(readiness.table["status"], categories=list(STATUSES)).codes


def count_table(codes: np.ndarray, values, status: np.ndarray, by: str) -> pd.DataFrame:
    """The counts of `status_counts` from `status_codes` (of every row, or of the rows of a view):
    the values no row has left out."""
    known = (codes >= 0) & (status >= 0)
    width = len(STATUSES)
    counts = np.bincount(codes[known] * width + status[known], minlength=len(values) * width)
    frame = pd.DataFrame(counts.reshape(len(values), width), index=pd.Index(values, name=by),
                         columns=pd.Index(list(STATUSES), name="status"))
    return frame[frame.to_numpy().sum(axis=1) > 0]


def main_gaps(readiness: Readiness, lang: str = "id", limit: int = 3) -> list[str]:
    """Per row, the labels of its failed checks, then its missing ones ('Umur inovasi; SK …'),
    written once per distinct pattern of check states."""
    if not len(readiness):
        return []
    states = np.column_stack([check.state for check in readiness.checks])
    labels = np.array([check.label(lang) for check in readiness.checks], dtype=object)
    patterns, inverse = np.unique(states, axis=0, return_inverse=True)
    texts = []
    for row in patterns:
        order = list(np.flatnonzero(row == FAIL)) + list(np.flatnonzero(row == MISSING))
        names = list(labels[order[:limit]])
        if len(order) > limit:
            names.append(f"+{len(order) - limit}")
        texts.append("; ".join(names))
    return list(np.array(texts, dtype=object)[inverse.reshape(-1)])


def to_dict(readiness: Readiness, lang: str = "id", filters: dict | None = None,
            workspace: pd.Series | None = None) -> dict:
    """The JSON of `python app.py readiness --json` as Python values (see json_parts)."""
    return json.loads(to_json(readiness, lang, filters, workspace))


def to_json(readiness: Readiness, lang: str = "id", filters: dict | None = None,
            workspace: pd.Series | None = None) -> str:
    """The JSON of `python app.py readiness --json` as one text (see write_json)."""
    return "".join(json_parts(readiness, lang, filters, workspace))


def write_json(readiness: Readiness, stream, lang: str = "id", filters: dict | None = None,
               workspace: pd.Series | None = None) -> None:
    """Write the JSON of `python app.py readiness --json` to `stream`, piece by piece."""
    stream.writelines(json_parts(readiness, lang, filters, workspace))


def json_parts(readiness: Readiness, lang: str = "id", filters: dict | None = None,
               workspace: pd.Series | None = None):
    """The JSON of `python app.py readiness --json` (DESIGN.md §3: each check {"rule", "passed",
    "missing", "message"}), plus the edition's facts and the shortlist, in pieces, one innovation per
    line. Written column by column: each check's JSON is made once per distinct (state, message) and a
    row's checks once per distinct combination of those, so 100,000 innovations are written in well
    under a second (bench/bench_dashboard.py) although the text is large (about 290 MB). `workspace`
    (analytics.kipp.workspace.workspace_column, by the frame's index) adds each innovation's proposal
    workspace: its status and who last edited each section, or null."""
    edition = readiness.edition
    checks = [_check_pieces(check, lang) for check in readiness.checks]
    head = {"edition": edition.year, "edition_label": edition.label, "closes": edition.close_date.isoformat(),
            "summary": summary(readiness)}
    tail = {"shortlist": _records(shortlist(readiness))}
    if filters is not None:
        tail["filters"] = filters
    lines = _innovation_lines(readiness, checks, workspace)
    yield _string(head)[:-1] + ', "innovations": ['
    if lines is not None:
        yield "\n"
        yield from lines
        yield "\n"
    yield "], " + _string(tail)[1:] + "\n"


def _check_pieces(check, lang: str) -> tuple[list[str], np.ndarray]:
    """The check's distinct JSON objects ({"rule", "passed", "missing", "message"}) and, per row,
    which one is its."""
    texts, index = check.message_table(lang)
    combined = index * 3 + (check.state.astype(np.int64) + 1)  # state is -1, 0 or 1
    codes, uniques = pd.factorize(combined)
    rule = _string(check.rule)
    passed = {MISSING: "null", PASS: "true", FAIL: "false"}
    pieces = []
    for value in uniques.tolist():
        state = int(value % 3) - 1
        missing = "true" if state == MISSING else "false"
        pieces.append(f'{{"rule": {rule}, "passed": {passed[state]}, "missing": {missing}, '
                      f'"message": {_string(str(texts[value // 3]))}}}')
    return pieces, codes


def _innovation_lines(readiness: Readiness, checks: list[tuple[list[str], np.ndarray]],
                      workspace: pd.Series | None = None):
    """Each innovation as one line of JSON (its facts, then its checks) in two pieces, or None when
    there are none."""
    table = readiness.table
    if not len(table):
        return None
    year_codes, year_values = pd.factorize(table["year"], use_na_sentinel=False)
    years = np.array(["null" if pd.isna(year) else str(int(year)) for year in year_values], dtype=object)
    strings = [_each_string(table[name]) if name in ("id", "name") else _strings(table[name])  # ids and names
               for name in ("id", "name", "agency", "status", "group")]  # are nearly all distinct: no grouping
    score_codes, score_values = pd.factorize(table["score"].astype(float))  # a few hundred distinct scores
    scores = np.array([repr(float(score)) for score in score_values], dtype=object)[score_codes].tolist()
    which = np.zeros(len(table), dtype=np.int64)  # the row's combination of check pieces, numbered
    for pieces, codes in checks:
        which, _ = pd.factorize(which * len(pieces) + codes)
    firsts = pd.Series(np.arange(len(which))).groupby(which, sort=True).first().to_numpy()
    chosen = [np.array(pieces, dtype=object)[codes[firsts]].tolist() for pieces, codes in checks]  # check by check
    joined = np.array(["[" + ", ".join(parts) + "]},\n" for parts in zip(*chosen)], dtype=object)
    heads = [f'{{"id": {i}, "name": {n}, "agency": {a}, "year": {y}, "status": {s}, "score": {score}, '
             f'"group": {g}{w}, "checks": '
             for i, n, a, y, s, score, g, w in zip(*strings[:3], years[year_codes].tolist(), strings[3], scores,
                                                    strings[4], _workspace_strings(table, workspace))]
    # Each line in two pieces, the head and its row's shared checks text: the checks (most of the
    # bytes) are never copied per row before they are written.
    lines = [""] * (2 * len(heads))
    lines[0::2], lines[1::2] = heads, joined[which].tolist()
    lines[-1] = lines[-1][:-2]
    return lines


_string = functools.partial(json.dumps, ensure_ascii=False)


def _workspace_strings(table: pd.DataFrame, workspace: pd.Series | None) -> list[str]:
    """', "workspace": {...}' per row of `table` (null where none); "" each without a workspace column."""
    if workspace is None:
        return [""] * len(table)
    values = workspace.reindex(table.index).tolist()
    return [', "workspace": null' if value is None or value != value else ', "workspace": ' + _string(value)
            for value in values]


def _strings(column: pd.Series) -> list[str]:
    """Each value as a JSON string (null when missing), each distinct value encoded once."""
    codes, uniques = pd.factorize(column.astype(object), use_na_sentinel=True)
    encoded = np.array(list(map(json.encoder.encode_basestring, map(str, uniques))) + ["null"], dtype=object)
    return encoded[codes].tolist()  # a missing value's code, -1, picks the last: null


def _each_string(column: pd.Series) -> list[str]:
    """`_strings(column)` value by value, for a column whose values are nearly all distinct."""
    encode = json.encoder.encode_basestring
    return ["null" if value is None else encode(str(value))
            for value in column.to_numpy(dtype=object, na_value=None).tolist()]


def _plain(value):
    return None if value is None or (isinstance(value, float) and np.isnan(value)) else value


def _records(frame: pd.DataFrame) -> list[dict]:
    records = frame.astype(object).where(frame.notna(), None).to_dict("records")
    return [{k: (v.item() if isinstance(v, np.generic) else v) for k, v in r.items()} for r in records]

