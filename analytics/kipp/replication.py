"""KIPP replication-group readiness (issue 14): an innovation adopted from another region is judged
against the edition's replication group (kelompok replikasi: its own minimum age and cap per institution,
data/reference/kipp_editions.toml) instead of the general group.

An innovation is marked adopted by its `replicated_from` (the innovation it replicates, as named in the
replication library) and `replicated_from_region` (the government it came from): workspace settings
(store/workspace.py REPLICATION_FIELDS) laid over the record like any workspace text, or columns of the
data. The check says which group it is judged in and why; the age check reads the group it returns.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.kipp.editions import Edition
from analytics.kipp.rules import FAIL, MISSING, PASS, Check, _labelled, _text, map_unique
from loaders.text import text_key

ORIGIN, ORIGIN_REGION = "replicated_from", "replicated_from_region"
COLUMNS = (ORIGIN, ORIGIN_REGION)


def replication_check(frame: pd.DataFrame, edition: Edition, groups: np.ndarray) -> tuple[Check, np.ndarray]:
    """The replication check and each row's group: an adopted innovation in the general group moves to
    the edition's replication group, when it has one (a past winner stays where its awards put it).

    Codes: none (not adopted), ok / ok_no_region (judged in the replication group), no_region (the
    edition asks for the region it came from: missing information), own_region (adopted from this
    regency itself: fails), no_group (the edition has no replication group: the general group's rules),
    past_winner (its awards route it elsewhere)."""
    from analytics.filter_fields import home_region

    if ORIGIN not in frame or not frame[ORIGIN].notna().any():    # nothing adopted (the usual case): no text work
        none = np.full(len(frame), "replication.none", dtype=object)
        return Check("replication", *_labelled("replication"), np.full(len(frame), PASS, dtype=np.int8), none,
                     {"origin": "", "region": "", "edition": edition.label, "months": 0}), groups
    origin = _text(frame[ORIGIN]).str.strip().to_numpy(dtype=object)
    region = (_text(frame[ORIGIN_REGION]).str.strip().to_numpy(dtype=object) if ORIGIN_REGION in frame
              else np.full(len(frame), "", object))
    adopted = origin != ""
    group = edition.group(edition.terms.replication_group)
    required = bool(group is not None and group.origin_required is not None and group.origin_required.value)
    own = adopted & (map_unique(pd.Series(region), text_key) == text_key(home_region()))
    no_region = adopted & (region == "")
    general = groups == edition.default_group
    routed = adopted & general & (group is not None)
    no_group = adopted if group is None else np.zeros(len(frame), dtype=bool)
    code = np.select(
        [~adopted, no_group, adopted & ~general, own, no_region & required, no_region],
        ["replication.none", "replication.no_group", "replication.past_winner", "replication.own_region",
         "replication.no_region", "replication.ok_no_region"], "replication.ok").astype(object)
    state = np.where(code == "replication.own_region", FAIL,
                     np.where(code == "replication.no_region", MISSING, PASS)).astype(np.int8)
    params = {"origin": origin, "region": region, "edition": edition.label,
              "months": group.min_age_months.value if group is not None else 0}
    return (Check("replication", *_labelled("replication"), state, code, params),
            np.where(routed, group.key if group is not None else "", groups).astype(object))
