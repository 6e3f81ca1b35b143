"""The evidence behind each indicator: a tier 0-3 per innovation (SID) and per government (SPD).

Two places give tiers. An innovation's own columns give some SID tiers (`DERIVE_RULES`, named by
the indicators' `derive` in iid_editions.toml): an SK in `decree` is tier 1 of the regulation
indicator, a video link tier 1 of the video, trial and launch dates the speed of creation, and so on —
always the lowest tier the data proves. An evidence sheet (loaders/iid_evidence.py: one row per
indicator and innovation, or per indicator for the government) says more and wins over the data; the
evidence entered in the dashboard (store/iid_evidence.py, by an editor with who and when) wins over both:
it is the latest deliberate word on one indicator, where a sheet is read again unchanged each time.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

import numpy as np
import pandas as pd

from loaders.errors import Issue
from loaders.schema import LIST_SEPARATOR
from loaders.text import text_key


SAMPLE_FOLDER = Path(__file__).resolve().parents[2] / "data" / "iid_sample"
SAMPLE_EVIDENCE = SAMPLE_FOLDER / "bukti_iid.csv"    # the synthetic evidence sheet of the sample data


def default_evidence(source_label: str) -> list[str]:
    """The evidence sheets to use when none is named: the synthetic one while the data is the sample
    (`Dataset.source_label` "sample"), else none (only what the innovations' columns show)."""
    return [str(SAMPLE_EVIDENCE)] if source_label == "sample" else []


@dataclass(frozen=True)
class EvidenceIssue(Issue):
    """A row of an evidence sheet that cannot be used (catalog `iid.evidence.<code>`)."""

    NAMESPACE: ClassVar[str] = "iid.evidence"


def _present(frame: pd.DataFrame, column: str) -> pd.Series:
    if column not in frame:
        return pd.Series(False, index=frame.index)
    values = frame[column].astype("string").str.strip()
    return values.notna() & (values != "") & (values != "-")


def _flag(column: str):
    """Tier 1 where the column holds anything (the lowest tier the data can prove)."""
    return lambda frame: _present(frame, column).astype(int)


REGULATION_WORDS = (  # (tier, words in text_key form), the highest first
    (3, ("perda", "peraturan daerah")),
    (2, ("perkada", "perbup", "perwali", "peraturan bupati", "peraturan walikota", "peraturan kepala daerah")),
)


def _regulation(frame: pd.DataFrame) -> pd.Series:
    """Perda 3, Perkada / Peraturan Bupati 2, an SK (or any regulation written) 1."""
    tiers = (_present(frame, "decree") | _present(frame, "regulation_level")).astype(int)
    if "regulation_level" in frame:
        keys = frame["regulation_level"].map(lambda v: text_key(v) if isinstance(v, str) else "")
        for tier, words in reversed(REGULATION_WORDS):
            hit = keys.map(lambda k: any(w in k for w in words))
            tiers = tiers.where(~hit.astype(bool), tier)
    return tiers


def _replication(frame: pd.DataFrame) -> pd.Series:
    """How many places replicated it (1, 2, 3 or more), from `replicated_by`."""
    if "replicated_by" not in frame:
        return pd.Series(0, index=frame.index)
    counts = frame["replicated_by"].map(
        lambda v: len([p for p in v.split(LIST_SEPARATOR.strip()) if p.strip() and p.strip() != "-"])
        if isinstance(v, str) else 0)
    return counts.clip(upper=3).astype(int)


SPEED_MONTHS = ((4, 3), (8, 2))  # up to 4 months from trial to launch: tier 3; up to 8: tier 2; more: 1


def _speed(frame: pd.DataFrame) -> pd.Series:
    """Months from the trial to the launch: 1-4 tier 3, 5-8 tier 2, 9 or more tier 1; unknown 0."""
    if "trial_date" not in frame or "launch_date" not in frame:
        return pd.Series(0, index=frame.index)
    trial, launch = pd.to_datetime(frame["trial_date"]), pd.to_datetime(frame["launch_date"])
    months = (launch.dt.year - trial.dt.year) * 12 + (launch.dt.month - trial.dt.month)
    known = months.notna() & (months >= 0)
    tiers = pd.Series(np.where(months <= SPEED_MONTHS[0][0], 3, np.where(months <= SPEED_MONTHS[1][0], 2, 1)),
                      index=frame.index)
    return tiers.where(known, 0).astype(int)


DERIVE_RULES = {
    "regulation": _regulation,
    "budget": _flag("budget"),
    "sop": _flag("sop"),
    "evaluation": _flag("evaluation"),
    "video": _flag("video_url"),
    "replication": _replication,
    "speed": _speed,
}


def derived_tiers(innovations: pd.DataFrame, edition) -> pd.DataFrame:
    """Innovation id × SID indicator key: the tier each innovation's own columns prove (0 when none)."""
    tiers = pd.DataFrame(0, index=innovations["id"].to_numpy(), columns=[i.key for i in edition.sid])
    for indicator in edition.sid:
        if indicator.derive:
            tiers[indicator.key] = DERIVE_RULES[indicator.derive](innovations).to_numpy()
    return tiers


ENTERED, SHEET, DATA = "entered", "sheet", "data"   # where a tier comes from (which wins: ENTERED, then SHEET)


@dataclass
class Evidence:
    """Tiers given as evidence: per (innovation id, indicator key) and per SPD indicator key, and where
    each came from (`sources`, same keys): {"source": "sheet", "file", "row", "document"} or
    {"source": "entered", "by", "at", "document"}."""

    sid: dict[tuple[str, str], int] = field(default_factory=dict)
    spd: dict[str, int] = field(default_factory=dict)
    issues: list[Issue] = field(default_factory=list)
    sources: dict = field(default_factory=dict)

    def over(self, other: "Evidence") -> "Evidence":
        """This evidence laid over `other`: where both give a tier, this one's counts."""
        return Evidence({**other.sid, **self.sid}, {**other.spd, **self.spd}, other.issues + self.issues,
                        {**other.sources, **self.sources})


def resolve_evidence(entries: pd.DataFrame, edition, ids, lang: str = "id") -> Evidence:
    """The rows of evidence sheets (loaders.iid_evidence.read_evidence) that apply to `edition`: the
    indicator by key or number, the innovation by id (only ids in `ids`); the other rows become
    warnings that name the file, row and column. A later row for the same place wins."""
    evidence = Evidence()
    by_key = {i.key: i for i in edition.indicators} | {i.number.lower(): i for i in edition.indicators}
    known_ids = set(ids)
    for row in entries.itertuples(index=False):
        if row.edition is not None and row.edition != edition.year:
            continue

        def warn(code: str, column: str, **params):
            evidence.issues.append(EvidenceIssue("warning", code, row.file, row.sheet, row.row, column,
                                                 tuple(params.items()), lang))

        indicator = by_key.get(str(row.indicator).strip().lower())
        if indicator is None:
            warn("unknown_indicator", row.indicator_column, value=row.indicator, edition=edition.label)
        elif indicator.aspect == "spd":
            if row.id:
                warn("spd_with_id", row.id_column, indicator=indicator.number)
            else:
                evidence.spd[indicator.key] = row.tier
                evidence.sources[indicator.key] = _sheet_source(row)
        elif not row.id:
            warn("sid_without_id", row.id_column, indicator=indicator.number)
        elif row.id not in known_ids:
            warn("unknown_id", row.id_column, id=row.id, edition=edition.label)
        else:
            evidence.sid[(row.id, indicator.key)] = row.tier
            evidence.sources[(row.id, indicator.key)] = _sheet_source(row)
    return evidence


def _sheet_source(row) -> dict:
    return {"source": SHEET, "file": row.file, "row": row.row, "document": row.document}


def entered_evidence(entries, edition, innovations: pd.DataFrame) -> Evidence:
    """The evidence entered in the dashboard (`Store.iid_evidence()` rows) that applies to `edition`:
    an innovation's SID tiers on every row of `innovations` (the edition's) with its identity, and the
    SPD tiers entered for this regency. Entries of indicators the edition does not have are left out."""
    from analytics.filter_fields import home_region
    from store.identity import frame_identities
    from store.iid_evidence import region_key

    evidence = Evidence()
    own = [e for e in entries if e["edition"] == edition.year and e["tier"] is not None]
    if not own:
        return evidence
    indicators = {i.key: i for i in edition.indicators}
    ids: dict[str, list[str]] = {}
    if len(innovations):
        for identity, innovation in zip(frame_identities(innovations), innovations["id"]):
            ids.setdefault(identity, []).append(innovation)
    home = region_key(home_region())
    for entry in own:
        indicator = indicators.get(entry["indicator"])
        if indicator is None:
            continue
        source = {"source": ENTERED, "by": entry["by"], "at": entry["at"], "document": entry["document"]}
        if indicator.aspect == "spd":
            if not entry["identity"] and entry["region"] == home:
                evidence.spd[indicator.key] = int(entry["tier"])
                evidence.sources[indicator.key] = source
            continue
        for innovation in ids.get(entry["identity"], ()):
            evidence.sid[(innovation, indicator.key)] = int(entry["tier"])
            evidence.sources[(innovation, indicator.key)] = source
    return evidence


def tier_source(evidence: Evidence | None, key, tier: int) -> dict | None:
    """Where the tier of `key` ((id, indicator) or an SPD indicator) comes from: the evidence's source,
    else {"source": "data"} for a tier the innovation's own columns show, else None (no evidence)."""
    source = (evidence.sources if evidence else {}).get(key)
    if source is not None:
        return source
    return {"source": DATA} if tier and isinstance(key, tuple) else None


def sid_tiers(innovations: pd.DataFrame, edition, evidence: Evidence | None = None) -> pd.DataFrame:
    """The SID tiers of `innovations`: derived from their columns, then the evidence sheets' over them."""
    tiers = derived_tiers(innovations, edition)
    for (innovation, key), tier in (evidence.sid.items() if evidence else ()):
        tiers.loc[innovation, key] = tier
    return tiers


def spd_tiers(edition, evidence: Evidence | None = None) -> dict[str, int]:
    """The SPD tiers: the evidence sheets', 0 where none was entered."""
    entered = evidence.spd if evidence else {}
    return {i.key: int(entered.get(i.key, 0)) for i in edition.spd}
