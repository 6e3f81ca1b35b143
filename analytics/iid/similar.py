"""The replication library: other regions' innovations (IID exports of other pemda, LAN directories,
with their region kept), searched for innovations like one of ours, and the urusan where this regency
has none while others have many (DOMAIN.md §8).

Similarity is TF-IDF over each innovation's name, description and urusan (scikit-learn, word 1-2 grams
with accents stripped, sublinear term frequency), compared by cosine. Among our own innovations a close
match is a possible duplicate; among other regions' a candidate to replicate.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analytics.filter_fields import own_region
from analytics.iid.evidence import SAMPLE_FOLDER
from loaders.text import text_key

SAMPLE_LIBRARY = SAMPLE_FOLDER / "replikasi"   # the synthetic replication library of the sample data

TEXT_COLUMNS = ("name", "description", "sector")
MIN_SCORE = 0.2          # below this, two innovations share only common words
SHOWN = ("id", "name", "agency", "region", "year", "sector", "stage")


def default_library(source_label: str) -> list[str]:
    """The library to use when none is named: the synthetic one while the data is the sample."""
    return [str(SAMPLE_LIBRARY)] if source_label == "sample" else []


def _texts(frame: pd.DataFrame) -> list[str]:
    parts = [frame[c].fillna("").astype(str) if c in frame else pd.Series("", index=frame.index)
             for c in TEXT_COLUMNS]
    return [" ".join(words) for words in zip(*parts)]


def _latest_per_innovation(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per innovation (name, agency and region, case and spacing ignored): its latest year."""
    keys = frame["name"].map(text_key) + "|" + frame["agency"].fillna("").map(text_key) + "|" + \
        frame["region"].fillna("").map(text_key)
    order = frame.assign(_key=keys).sort_values("year", ascending=False, kind="stable")
    return order.drop_duplicates("_key").drop(columns="_key")


@dataclass
class Matches:
    innovation: pd.Series     # the innovation asked about
    ours: pd.DataFrame        # SHOWN + score: this regency's, other than itself (possible duplicates)
    others: pd.DataFrame      # SHOWN + score: other regions' (candidates to replicate)


def _rank(pool: pd.DataFrame, query: str, limit: int, min_score: float) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(ours, others): the rows of `pool` like the text `query`, best first, at most `limit` of each."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    columns = [c for c in SHOWN if c in pool] + ["score"]
    if pool.empty or not query.strip():
        empty = pd.DataFrame(columns=columns)
        return empty, empty
    vectorizer = TfidfVectorizer(strip_accents="unicode", lowercase=True, ngram_range=(1, 2), sublinear_tf=True)
    try:
        matrix = vectorizer.fit_transform(_texts(pool) + [query])
    except ValueError:  # no word at all (only punctuation): nothing is like it
        empty = pd.DataFrame(columns=columns)
        return empty, empty
    scores = (matrix[:-1] @ matrix[-1].T).toarray().ravel()
    found = pool.assign(score=np.round(scores, 4)).loc[lambda f: f["score"] >= min_score]
    found = found.sort_values(["score", "year"], ascending=[False, False], kind="stable")
    mine = own_region(found["region"])
    return (found.loc[mine, columns].head(limit).reset_index(drop=True),
            found.loc[~mine, columns].head(limit).reset_index(drop=True))


def similar(frame: pd.DataFrame, library: pd.DataFrame, innovation_id: str, limit: int = 5,
            min_score: float = MIN_SCORE) -> Matches | None:
    """Innovations like `innovation_id` (an id of `frame`) in `frame` (ours) and in `library` plus the
    other regions' rows of `frame`; None when the id is not in `frame`."""
    asked = frame.loc[frame["id"] == innovation_id]
    if asked.empty:
        return None
    innovation = asked.iloc[0]
    pool = _latest_per_innovation(pd.concat([frame, library], ignore_index=True)).reset_index(drop=True)
    same = (pool["name"].map(text_key) == text_key(innovation["name"])) & (
        pool["agency"].fillna("").map(text_key) == text_key(innovation.get("agency") or "")) & (
        pool["region"].fillna("") == (innovation.get("region") or ""))
    ours, others = _rank(pool.loc[~same].reset_index(drop=True), _texts(asked.iloc[[0]])[0], limit, min_score)
    return Matches(innovation, ours, others)


def search(frame: pd.DataFrame, library: pd.DataFrame, text: str, limit: int = 10,
           min_score: float = 0.1) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(ours, others): innovations whose name, description and urusan are like the words `text`."""
    pool = _latest_per_innovation(pd.concat([frame, library], ignore_index=True)).reset_index(drop=True)
    return _rank(pool, text, limit, min_score)


def sector_gaps(frame: pd.DataFrame, library: pd.DataFrame, min_count: int = 3) -> pd.DataFrame:
    """Urusan in which this regency has no innovation at all while other regions have at least
    `min_count`: columns sector, count (their innovations, one per name and region) and regions."""
    ours = set(frame.loc[own_region(frame["region"]), "sector"].dropna())
    combined = pd.concat([frame, library], ignore_index=True)
    others = _latest_per_innovation(combined.loc[~own_region(combined["region"])])
    others = others.loc[others["sector"].notna() & ~others["sector"].isin(ours)]
    gaps = others.groupby("sector").agg(count=("id", "size"), regions=("region", "nunique")).reset_index()
    gaps = gaps.loc[gaps["count"] >= min_count]
    return gaps.sort_values(["count", "sector"], ascending=[False, True], kind="stable").reset_index(drop=True)
