"""The hard checks of KIPP readiness (DOMAIN.md §7), one vectorised function per rule.

Each rule looks at the whole frame at once and returns a `Check`: per row a state (pass, fail, or
missing information), a message code and the message's parameters. "Missing in the data" is its own
state and is never reported as failing the rule. Messages are rendered only when shown, from the
catalog's `kipp.msg.<code>` (i18n/catalog_kipp.py); dates stay dates until then. The words the rules
look for (the stage that can be proposed, running and stopped, the past winners' group, how awards are
written) are the edition's `terms`, read from data/reference/kipp_editions.toml.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analytics.kipp.editions import Edition, Terms
from i18n import Bilingual, placeholders, t, t_rows, template
from loaders.schema import LIST_SEPARATOR
from loaders.text import clean_text, text_key, text_keys

PASS, FAIL, MISSING = 1, 0, -1

_YEAR = re.compile(r"\b(19|20)\d{2}\b")
_NUMBER = re.compile(r"\b(\d{1,2})\b")


@dataclass
class Check:
    """One rule evaluated for every row: states, message codes and message parameters."""

    rule: str
    label_id: str
    label_en: str
    state: np.ndarray                                 # int8: PASS, FAIL or MISSING
    code: np.ndarray | pd.Categorical                 # message code per row (see `_coded`)
    params: dict[str, object] = field(default_factory=dict)  # arrays aligned with rows, or scalars

    def label(self, lang: str = "id") -> str:
        return Bilingual(self.label_id, self.label_en).pick(lang)

    def message(self, position: int, lang: str = "id") -> str:
        values = {key: value[position] if isinstance(value, np.ndarray) else value
                  for key, value in self.params.items()}
        return t(f"kipp.msg.{self.code[position]}", lang, **values)

    def messages(self, lang: str = "id") -> np.ndarray:
        """Every row's message at once."""
        texts, index = self.message_table(lang)
        return texts[index]

    def message_table(self, lang: str = "id") -> tuple[np.ndarray, np.ndarray]:
        """The distinct messages and, per row, which one is its: each message is written once per
        distinct set of the values it shows (one pass per distinct code)."""
        index = np.zeros(len(self.code), dtype=np.int64)
        texts: list[str] = []
        numbers, codes = pd.factorize(self.code)  # each code's rows from one pass, not one comparison per code
        order = np.argsort(numbers, kind="stable")
        bounds = np.searchsorted(numbers[order], np.arange(len(codes) + 1))
        for number, code in enumerate(codes):
            rows = order[bounds[number]:bounds[number + 1]]
            key = f"kipp.msg.{code}"
            varying = sorted(name for name in placeholders(template(key, lang))
                             if isinstance(self.params[name], np.ndarray))
            if varying:
                columns = pd.DataFrame({name: self.params[name][rows] for name in varying})
                groups = columns.groupby(varying, sort=False, dropna=False).ngroup().to_numpy()
                firsts = pd.Series(np.arange(len(rows))).groupby(groups, sort=True).first().to_numpy()
            else:
                groups, firsts = np.zeros(len(rows), dtype=np.int64), np.zeros(1, dtype=np.int64)
            index[rows] = len(texts) + groups
            texts += t_rows(key, lang, self.params, rows[firsts])
        return np.array(texts, dtype=object), index

    def as_dict(self, position: int, lang: str = "id") -> dict:
        """The check of one row in the shape of DESIGN.md §3: {rule, passed, missing, message}."""
        state = int(self.state[position])
        return {"rule": self.rule, "passed": None if state == MISSING else state == PASS,
                "missing": state == MISSING, "message": self.message(position, lang)}


def _coded(codes: list[str], index: np.ndarray) -> pd.Categorical:
    """Each row's message code, `codes[index]`, kept as the index into `codes`: grouping the rows by
    their code (Check.message_table) then needs no hashing of 100,000 texts."""
    return pd.Categorical.from_codes(np.asarray(index, dtype=np.int8), categories=codes)


def _labelled(rule: str) -> tuple[str, str]:
    return template(f"kipp.rule.{rule}", "id"), template(f"kipp.rule.{rule}", "en")


def _present(series: pd.Series) -> np.ndarray:
    """Cells with a value; the markers people type for 'empty' ("-", "n/a", "tidak ada") are not one."""
    return map_unique(series, lambda text: clean_text(text) is not None, bool)


def _text(series: pd.Series) -> pd.Series:
    return series.astype(object).where(series.notna(), "").astype(str)


def _dates(series: pd.Series) -> pd.Series:
    return pd.to_datetime(series, errors="coerce").dt.normalize()


def _date_array(series: pd.Series) -> np.ndarray:
    """Dates as a datetime64 array: the catalog writes them out in the reader's language."""
    return series.to_numpy(dtype="datetime64[ns]")


def _text_values(series: pd.Series) -> np.ndarray:
    """`_text(series)` as an object array; a column of texts (or of nothing) is read as it is, not
    converted to texts first."""
    if isinstance(series.dtype, pd.StringDtype) or pd.api.types.infer_dtype(series, skipna=True) in ("string", "empty"):
        return series.to_numpy(dtype=object, na_value="")
    return _text(series).to_numpy(dtype=object)


def map_unique(series: pd.Series, function, dtype=object) -> np.ndarray:
    """`function` applied once per distinct text of `series` (empty cells as ""), spread to every row."""
    return _per_distinct(series, lambda uniques: [function(value) for value in uniques], dtype)


def text_keys_of(series: pd.Series) -> np.ndarray:
    """`map_unique(series, text_key)`, the distinct texts keyed all at once (loaders.text.text_keys)."""
    return _per_distinct(series, lambda uniques: text_keys(list(uniques)), object)


def _per_distinct(series: pd.Series, apply, dtype) -> np.ndarray:
    """`apply` (distinct texts -> their results, in order) once over the distinct texts of `series`."""
    codes, uniques = pd.factorize(_text_values(series))
    results = np.array(apply(uniques), dtype=dtype)
    return results[codes] if len(uniques) else np.empty(len(series), dtype=dtype)


def word_counts(series: pd.Series) -> np.ndarray:
    """Words per cell (runs of non-space characters); 0 for empty cells."""
    return map_unique(series, lambda text: len(text.split()) if clean_text(text) else 0, np.int64)


def conservative_dates(dates: pd.Series, precision: pd.Series) -> pd.Series:
    """A month- or year-precision date is stored as the first day of its period; the conservative
    reading for 'old enough' is the period's last day."""
    result = dates.copy()
    for level, offset in (("year", pd.offsets.YearEnd(0)), ("month", pd.offsets.MonthEnd(0))):
        mask = (precision == level).to_numpy() & dates.notna().to_numpy()
        if mask.any():
            result[mask] = dates[mask] + offset
    return result


# --- award history ------------------------------------------------------------------------------

def award_key(text: str, terms: Terms) -> str | None:
    """'TOP 40' / 'Top-40 KIPP' -> 'top 40'; 'Top Terpuji' -> 'top terpuji'; anything else None."""
    return terms.award_key(text)


@functools.lru_cache(maxsize=4096)
def parse_awards(text: str, terms: Terms) -> tuple[tuple[int | None, str, str], ...]:
    """'2017: Top 99; 2019: Top 45' -> ((2017, 'top 99', 'Top 99'), (2019, 'top 45', 'Top 45'))."""
    awards = []
    for item in re.split(r"\s*;\s*", text or ""):
        key = award_key(item, terms)
        if key is None:
            continue
        year = _YEAR.search(item)
        awards.append((int(year.group(0)) if year else None, key, key.title()))
    return tuple(awards)


def _exclusion_hits(awards, edition: Edition) -> list[str]:
    """The award-history exclusions of `edition` that these awards meet, as readable phrases."""
    earlier = [(year, key, label) for year, key, label in awards if year is None or year < edition.year]
    hits = []
    for rule in edition.exclusions:
        wanted = {award_key(result, edition.terms) for result in rule.results}
        matched = [(year, label) for year, key, label in earlier
                   if key in wanted and (not rule.years or year in rule.years)]
        if len(matched) >= rule.min_count:
            times = f" ×{len(matched)}" if rule.min_count > 1 else ""
            years = ", ".join(str(y) for y, _ in matched if y is not None)
            names = sorted({label for _, label in matched})
            hits.append(f"{'/'.join(names)}{times}" + (f" ({years})" if years else ""))
    return hits


def group_check(frame: pd.DataFrame, edition: Edition) -> tuple[Check, np.ndarray]:
    """Award history decides the group: a past winner cannot enter the general group (umum).

    Returns the check and each row's group key (the khusus group for past winners).
    """
    texts = _text(frame["awards"])
    terms = edition.terms
    hits = map_unique(texts, lambda text: "; ".join(_exclusion_hits(parse_awards(text, terms), edition)))
    excluded = hits != ""
    has_awards = map_unique(texts, lambda text: bool(parse_awards(text, terms)), bool)
    khusus = edition.group(terms.past_winner_group) is not None
    code = np.where(excluded, "group.khusus" if khusus else "group.no_khusus",
                    np.where(has_awards, "group.ok_awards", "group.ok")).astype(object)
    state = np.where(excluded, FAIL, PASS).astype(np.int8)
    groups = np.where(excluded, terms.past_winner_group, edition.default_group).astype(object)
    awards = texts.str.strip().to_numpy(dtype=object)
    return Check("group", *_labelled("group"), state, code,
                 {"hits": hits, "awards": awards, "edition": edition.label}), groups


# --- the other rules ----------------------------------------------------------------------------

def age_check(frame: pd.DataFrame, edition: Edition, groups: np.ndarray) -> Check:
    """Old enough at the edition's close, counted back from the close to the start of implementation."""
    close = pd.Timestamp(edition.close_date)
    by_group = {group.key: group.min_age_months.value for group in edition.groups}
    default = by_group[edition.default_group]
    months = np.array([by_group.get(g, default) for g in groups], dtype=np.int64)
    distinct, which = np.unique(months, return_inverse=True)
    cutoffs = np.array([(close - pd.DateOffset(months=int(m))).to_datetime64() for m in distinct], dtype="datetime64[us]")
    cutoff = pd.Series(cutoffs[which.reshape(-1)], index=frame.index)

    launch = _dates(frame["launch_date"])
    precision = frame["launch_date_precision"].astype(object)
    judged = conservative_dates(launch, precision)
    trial = _dates(frame["trial_date"])  # the first day of its period: the earliest it can have been
    has_launch = launch.notna().to_numpy()
    old_enough = (judged <= cutoff).to_numpy()
    trial_too_late = (launch.isna() & trial.notna() & (trial > cutoff)).to_numpy()

    state = np.where(has_launch, np.where(old_enough, PASS, FAIL),
                     np.where(trial_too_late, FAIL, MISSING)).astype(np.int8)
    year, month = precision.to_numpy() == "year", precision.to_numpy() == "month"
    code = np.select(
        [~has_launch & trial_too_late, ~has_launch, old_enough & year, old_enough & month, old_enough, year, month],
        ["age.young_trial", "age.missing", "age.ok_year", "age.ok_month", "age.ok", "age.young_year",
         "age.young_month"], "age.young").astype(object)
    return Check("age", *_labelled("age"), state, code, {
        "launch": _date_array(judged), "raw": _date_array(launch), "months": months, "close": close,
        "cutoff": _date_array(cutoff), "trial": _date_array(trial)})


def stage_check(frame: pd.DataFrame, terms: Terms) -> Check:
    """Only an innovation at the proposable stage (Penerapan) can be proposed."""
    stage = map_unique(frame["stage"], str.strip)
    state = np.where(stage == terms.proposable_stage, PASS, np.where(stage == "", MISSING, FAIL)).astype(np.int8)
    code = _coded(["stage.missing", "stage.fail", "stage.ok"], state + 1)
    return Check("stage", *_labelled("stage"), state, code, {"stage": map_unique(frame["stage"], _stage_words)})


def _stage_words(stage: str) -> Bilingual:
    """A stage as the messages cite it: the official term, and in English its label after it
    ("Uji Coba (trial)"), as the proposable stage is cited ("Penerapan (implementation)")."""
    from loaders.reference import load_reference

    stage = stage.strip()
    english = load_reference().enum_labels.get("stage", {}).get(stage)
    return Bilingual(stage, f"{stage} ({english.lower()})" if english else stage)


def running_check(frame: pd.DataFrame, terms: Terms) -> Check:
    """Still running passes, stopped fails; anything else is not known (information missing)."""
    status = map_unique(frame["status"], str.strip)
    state = np.where(status == terms.running_status, PASS,
                     np.where(status == terms.stopped_status, FAIL, MISSING)).astype(np.int8)
    code = _coded(["running.missing", "running.fail", "running.ok"], state + 1)
    return Check("running", *_labelled("running"), state, code)


def title_check(frame: pd.DataFrame, key: np.ndarray | None = None) -> Check:
    """One title per proposal within an institution (KIPP 2018 rejected the same title on two proposals).

    Two records of one institution with the same title in the same year fail: they would be two
    proposals under one title (or one innovation counted twice). The same title in other years is the
    same innovation reported again (national-index exports repeat running innovations every year): it
    passes, and the message names the other records so that only one proposal is made. `key`: the
    titles' text_key when already made (evaluate keeps it for the shortlist).
    """
    key = text_keys_of(frame["name"]) if key is None else key
    agency = pd.Series(np.where(_present(frame["agency"]), _text_values(frame["agency"]),
                                _text_values(frame["agency_raw"])), index=frame.index, dtype=object)
    year = pd.Series(map_unique(frame["year"], lambda text: text.removesuffix(".0")), index=frame.index)
    keys = pd.DataFrame({"agency": text_keys_of(agency), "key": key}, index=frame.index)
    named = key != ""
    title = _codes(keys["agency"], keys["key"])  # (institution, title) and (…, year) as integers: duplicates
    repeated = pd.Series(title).duplicated(keep=False).to_numpy() & named  # found by hashing numbers
    same_year = pd.Series(_codes(title, year)).duplicated(keep=False).to_numpy() & named
    count, others = _twins(keys, year, repeated, same_year, frame["id"])
    state = np.where(~named, MISSING, np.where(same_year, FAIL, PASS)).astype(np.int8)
    code = np.select([~named, same_year, repeated], ["title.missing", "title.duplicate", "title.other_years"],
                     "title.ok").astype(object)
    shown = np.where(map_unique(agency, str.strip) != "", agency.to_numpy(dtype=object), "-")
    return Check("title", *_labelled("title"), state, code, {"agency": shown, "count": count, "others": others})


def _codes(first, second) -> np.ndarray:
    """One integer per distinct pair of values (of two columns of texts or codes), row by row."""
    a, b = pd.factorize(np.asarray(first))[0], pd.factorize(np.asarray(second))[0]
    return a.astype(np.int64) * (int(b.max(initial=0)) + 1) + b


def _twins(keys: pd.DataFrame, year: pd.Series, repeated: np.ndarray, same_year: np.ndarray,
           ids: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Per row, how many other records share its title (same institution) and their labels ("id (year)"):
    a same-year duplicate names its same-year twins; any other repeated title, the records of every
    year. Rows are grouped per set of records at once; only the labels are joined row by row."""
    count = np.zeros(len(keys), dtype=np.int64)
    others = np.full(len(keys), "", dtype=object)
    if not repeated.any():
        return count, others
    positions = np.flatnonzero(repeated)
    members = keys.iloc[positions].assign(year=np.where(same_year[positions], year.to_numpy(dtype=object)[positions],
                                                        "*"))
    sets = members.groupby(["agency", "key", "year"], sort=False).ngroup().to_numpy()
    whole = members.groupby(["agency", "key"], sort=False).ngroup().to_numpy()
    own = (_text(ids).to_numpy(dtype=object)[positions] + " (" + year.to_numpy(dtype=object)[positions] + ")")
    index = pd.Series(np.arange(len(positions)))
    by_whole = index.groupby(whole, sort=True).agg(list).to_numpy(dtype=object)
    by_set = index.groupby(sets, sort=True).agg(list).to_numpy(dtype=object)
    pooled = np.where(same_year[positions], by_set[sets], by_whole[whole])
    count[positions] = [len(pool) - 1 for pool in pooled]
    others[positions] = [", ".join(own[j] for j in pool if j != i) for i, pool in enumerate(pooled)]
    return count, others


def section_checks(frame: pd.DataFrame, edition: Edition) -> list[Check]:
    """Every section of the edition's form present and within its word limit."""
    checks = []
    for section in edition.sections:
        words = word_counts(frame[section.key])
        limit = section.max_words.value
        state = np.where(words == 0, MISSING, np.where(words > limit, FAIL, PASS)).astype(np.int8)
        code = _coded(["section.missing", "section.over", "section.ok"], state + 1)
        checks.append(Check(f"section.{section.key}", section.label_id, section.label_en, state, code, {
            "words": words, "max_words": limit, "label": Bilingual(section.label_id, section.label_en),
            "must": Bilingual(section.must_contain_id, section.must_contain_en)}))
    return checks


def attachment_checks(frame: pd.DataFrame, edition: Edition) -> list[Check]:
    """Each required attachment the data can show (SK, video, category, SDGs) is present."""
    checks = []
    for attachment in edition.checked_attachments:
        column = _first_present([frame[name] for name in attachment.columns])
        present = _present(column)
        if attachment.kind == "sdgs":
            numbers = map_unique(column, lambda text: ", ".join(str(n) for n in parse_sdgs(text)))
            found = numbers != ""
            state = np.where(found, PASS, MISSING).astype(np.int8)
            code = _coded(["attachment.missing", "attachment.sdgs_unknown", "attachment.sdgs_ok"],
                          np.where(found, 2, present.astype(np.int8)))
            value = np.where(found, numbers, _text_values(column))
        else:
            state = np.where(present, PASS, MISSING).astype(np.int8)
            code = _coded(["attachment.missing", "attachment.ok"], present.astype(np.int8))
            value = map_unique(column, lambda text: text.strip()[:80])
        checks.append(Check(f"attachment.{attachment.key}", attachment.label_id, attachment.label_en,
                            state, code, {"label": Bilingual(attachment.label_id, attachment.label_en),
                                          "value": value}))
    return checks


def _first_present(columns: list[pd.Series]) -> pd.Series:
    """Per row, the value of the first column that has one."""
    result = columns[0].astype(object)
    for other in columns[1:]:
        result = result.where(_present(result), other.astype(object))
    return result


# --- SDGs ---------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=1)
def _sdg_names() -> dict[str, int]:
    from loaders.reference import load_reference

    names = {}
    for row in load_reference().sdgs:
        for name in (row["name_id"], row["name_en"]):
            names[text_key(name)] = int(row["number"])
    return names


@functools.lru_cache(maxsize=4096)
def parse_sdgs(text: str) -> tuple[int, ...]:
    """SDG numbers 1-17 in 'SDG 3; Pendidikan Berkualitas; 6' -> (3, 4, 6). Items are separated by
    LIST_SEPARATOR (names contain commas); an item is a name (Indonesian or English) or numbers."""
    names = _sdg_names()
    found: set[int] = set()
    for item in (text or "").split(LIST_SEPARATOR.strip()):
        key = text_key(item)
        if not key:
            continue
        named = [number for name, number in names.items() if name in key]
        if named:
            found.update(named)
            continue
        found.update(n for n in (int(m) for m in _NUMBER.findall(key)) if 1 <= n <= 17)
    return tuple(sorted(found))
