"""The Indeks Inovasi Daerah of one edition, computed from evidence (plain pandas).

    SID of an innovation = the sum over indicators 16-35 of weight × tier (0-111, an export's "Kematangan")
    SPD                  = the sum over indicators 1-15 of weight × tier
    index                = (SPD + ΣSID / MAX(divisor_min, n) + count score) / maximum total × 100
    predikat             = the edition's band of the index rounded to 2 decimals

n counts this regency's innovations of the edition's year at an assessed stage. `assess` gives every
innovation's computed SID beside the export's reported Kematangan (and the difference); `what_if` ranks
evidence additions by the index points they add per document.
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from analytics.iid.editions import Band, Edition
from analytics.iid.evidence import Evidence, entered_evidence, resolve_evidence, sid_tiers, spd_tiers


@dataclass(frozen=True)
class IndexResult:
    n: int                 # innovations assessed
    divisor: int           # MAX(divisor_min, n)
    spd: float
    sid_sum: float
    sid_average: float     # sid_sum / divisor
    count_score: float     # the score of the number of innovations
    total: float
    index: float           # 0-100, rounded to 2 decimals
    band: Band
    exact: float = 0.0     # the index before rounding (what-if points are differences of it)

    def to_dict(self, lang: str = "id") -> dict:
        return {"n": self.n, "divisor": self.divisor, "spd": round(self.spd, 2), "sid_sum": round(self.sid_sum, 2),
                "sid_average": round(self.sid_average, 2), "count_score": round(self.count_score, 2),
                "total": round(self.total, 2), "index": self.index, "predikat": self.band.key,
                "predikat_label": self.band.label(lang)}


def compute_index(edition: Edition, spd: float, sid_scores) -> IndexResult:
    """The index of a government with SPD score `spd` and one SID score per assessed innovation."""
    scores = [float(s) for s in sid_scores]
    n = len(scores)
    divisor = max(int(edition.divisor_min.value), n)
    sid_sum = sum(scores)
    count_score = edition.count_per_innovation * min(n, edition.count_cap)
    total = spd + sid_sum / divisor + count_score
    exact = total / edition.max_total * 100
    index = round(exact, 2)
    return IndexResult(n, divisor, spd, sid_sum, sid_sum / divisor, count_score, total, index, edition.band(index),
                       exact)


def sid_scores(tiers: pd.DataFrame, edition: Edition) -> pd.Series:
    """Innovation id -> its SID score (weight × tier summed over the SID indicators)."""
    weights = pd.Series({i.key: float(i.weight.value) for i in edition.sid})
    return tiers[weights.index].mul(weights, axis=1).sum(axis=1)


def spd_score(tiers: dict[str, int], edition: Edition) -> float:
    return sum(i.score(tiers.get(i.key, 0)) for i in edition.spd)


@dataclass
class Assessment:
    edition: Edition
    innovations: pd.DataFrame   # id, name, agency, stage, assessed, sid, maturity, difference
    sid_tiers: pd.DataFrame     # id × SID indicator key
    spd_tiers: dict[str, int]
    result: IndexResult
    evidence: Evidence | None = None   # the sheets' and the entered evidence (where each tier came from)

    @property
    def assessed_ids(self) -> list[str]:
        return self.innovations.loc[self.innovations["assessed"], "id"].tolist()


def edition_innovations(frame: pd.DataFrame, edition: Edition) -> pd.DataFrame:
    """This regency's innovations reported in the edition's year, one row per id."""
    from analytics.filter_fields import own_region

    rows = frame[own_region(frame["region"]) & (frame["year"] == edition.year)]
    return rows.drop_duplicates("id").reset_index(drop=True)


def default_edition(frame: pd.DataFrame, editions) -> Edition:
    """The edition to show when none is asked for: the latest the regency's rows reach (Editions.reached)."""
    from analytics.filter_fields import own_region

    return editions.reached(frame.loc[own_region(frame["region"]), "year"].dropna().unique())


def assess(frame: pd.DataFrame, edition: Edition, evidence: Evidence | None = None) -> Assessment:
    """The edition's index for the regency's rows of `frame` (the canonical frame), with `evidence`."""
    rows = edition_innovations(frame, edition)
    tiers = sid_tiers(rows, edition, evidence)
    scores = sid_scores(tiers, edition)
    assessed = rows["stage"].isin(edition.assessed_stages.value).to_numpy()
    spd = spd_tiers(edition, evidence)
    maturity = pd.to_numeric(rows["maturity"], errors="coerce") if "maturity" in rows else pd.Series(
        float("nan"), index=rows.index)
    table = pd.DataFrame({
        "id": rows["id"], "name": rows["name"], "agency": rows["agency"], "stage": rows["stage"],
        "assessed": assessed, "sid": scores.to_numpy(), "maturity": maturity.to_numpy(dtype=float),
    })
    table["difference"] = table["sid"] - table["maturity"]
    result = compute_index(edition, spd_score(spd, edition), table.loc[table["assessed"], "sid"])
    return Assessment(edition, table, tiers, spd, result, evidence)


def assess_with_sheets(frame: pd.DataFrame, edition: Edition, paths, lang: str = "id", entered=()):
    """(assessment, issues): `assess` with the evidence sheets in `paths` (loaders/iid_evidence.py) and,
    over them, the evidence `entered` in the dashboard (Store.iid_evidence(); it wins where both give a
    tier). A sheet with an error is left out whole; rows that do not apply to the edition are warnings."""
    from loaders.iid_evidence import read_evidence

    sheets = read_evidence(paths, lang)
    innovations = edition_innovations(frame, edition)
    evidence = resolve_evidence(sheets.entries, edition, innovations["id"], lang)
    evidence = entered_evidence(entered, edition, innovations).over(evidence)
    return assess(frame, edition, evidence), sheets.issues + evidence.issues


@dataclass(frozen=True)
class Move:
    """One evidence addition: raise `indicator` to `tier` for `ids` (SPD: for the government)."""

    indicator: str          # key
    tier: int
    ids: tuple[str, ...]    # the innovations that get the document (empty for SPD)
    documents: int          # how many documents it takes
    points: float           # index points added
    index: float            # the index after it

    @property
    def per_document(self) -> float:
        return self.points / self.documents


def describe_move(move: Move, edition: Edition, lang: str = "id") -> str:
    """'16. Regulasi inovasi daerah: tingkat 1 (SK …) untuk 6 inovasi: +0,09'."""
    from i18n import format_number, t

    indicator = edition.indicator(move.indicator)
    key = "iid.ui.move_spd" if indicator.aspect == "spd" else "iid.ui.move_sid"
    return t(key, lang, indicator=f"{indicator.number}. {indicator.label(lang)}", tier=move.tier,
             tier_text=indicator.tiers[move.tier - 1], count=move.documents,
             points=format_number(move.points, lang, 2))


def what_if(assessment: Assessment, limit: int | None = 10) -> list[Move]:
    """Evidence additions ranked by index points per document, then by points.

    A SID move raises one indicator by one tier for every assessed innovation at the tier below ("add
    the SK for the 6 innovations without one"); an SPD move raises one government indicator by one tier.
    Statistics (income, the audit opinion, the months an innovation took) are measured, not documented,
    and moves that add nothing are left out."""
    edition, base = assessment.edition, assessment.result
    scores = assessment.innovations.set_index("id")["sid"]
    assessed = assessment.assessed_ids
    tiers = assessment.sid_tiers.loc[assessed]
    spd = spd_score(assessment.spd_tiers, edition)
    moves = []
    for indicator in (i for i in edition.sid if i.kind == "document"):
        current = tiers[indicator.key]
        for tier in range(1, 4):
            ids = tuple(current.index[current == tier - 1])
            if not ids:
                continue
            raised = scores[assessed].copy()
            raised[list(ids)] += float(indicator.weight.value)
            after = compute_index(edition, spd, raised)
            moves.append(Move(indicator.key, tier, ids, len(ids), after.exact - base.exact, after.index))
    for indicator in (i for i in edition.spd if i.kind == "document"):
        tier = assessment.spd_tiers.get(indicator.key, 0) + 1
        if tier <= 3:
            after = compute_index(edition, spd + float(indicator.weight.value), scores[assessed])
            moves.append(Move(indicator.key, tier, (), 1, after.exact - base.exact, after.index))
    moves = [m for m in moves if m.points > 1e-9]
    order = {i.key: n for n, i in enumerate(edition.indicators)}
    moves.sort(key=lambda m: (-round(m.per_document, 9), -round(m.points, 9), order[m.indicator], m.tier))
    return moves if limit is None else moves[:limit]
