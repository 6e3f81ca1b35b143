"""The proposal workspaces applied to the data (issue 13): the planners' texts count.

The store keeps, per innovation identity and KIPP edition, what planners wrote (store/workspace.py);
`Store.workspaces()` lists them. Here they are laid over the canonical frame for one edition: the
proposal title over `name`, each section and evidence item over its column, on every row of that
innovation (a national-index export lists a running innovation again each year). The results of
every edition's proposals are added to the award history ("2021: Top 99"), so the exclusions of later
editions count them. Readiness, the score, the Word drafts and `readiness --json` all read the
frame made here, so the edited text is what counts everywhere.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analytics.kipp.editions import Edition, load_editions
from analytics.kipp.rules import text_keys_of
from loaders.schema import KIPP_SECTIONS, LIST_SEPARATOR
from loaders.text import text_key
from store.identity import IDENTITY_FIELDS, frame_identities
from store.workspace import ATTACHMENT_PREFIX, DRAFT, EVIDENCE_FIELDS, REPLICATION_FIELDS, RESULT

# A workspace field → the canonical column it overrides; attachment ticks go to TICKS_COLUMN, a column
# only the edition's frame has ("replication_statement; spbe_form"), read by the Word draft's checklist.
FIELD_COLUMNS = {"title": "name", **{key: key for key in (*KIPP_SECTIONS, *EVIDENCE_FIELDS, *REPLICATION_FIELDS)}}
TICKS_COLUMN = "workspace_attachments"
# The identity of a row whose name the proposal title replaced: the overlaid frame must still lead to
# its workspace (its status for `readiness --json`, /kipp's progress), which the new name would not.
IDENTITY_COLUMN = "workspace_identity"


def _identities(frame: pd.DataFrame, wanted: set[str]) -> pd.Series:
    """The identity of the rows that may have a workspace (their name's key is one of `wanted`'s);
    the others get "". Cheap on a large frame: only candidate rows get their full identity. A row
    renamed by its proposal title (apply_overlay) keeps the identity of its uploaded name."""
    result = pd.Series("", index=frame.index, dtype=object)
    if not wanted or frame.empty:
        return result
    names = {identity.split("|", 1)[0] for identity in wanted}
    candidates = np.isin(text_keys_of(frame["name"]), list(names))
    if candidates.any():
        result[candidates] = frame_identities(frame.loc[candidates].reindex(columns=list(IDENTITY_FIELDS))).to_numpy(dtype=object)
    if IDENTITY_COLUMN in frame:
        kept = frame[IDENTITY_COLUMN].to_numpy(dtype=object)
        renamed = pd.notna(kept)
        result[renamed] = kept[renamed]
    return result


def _positions(keys: pd.Series) -> dict[str, np.ndarray]:
    """Identity → the row positions holding it (rows without a candidate identity left out)."""
    values = keys.to_numpy(dtype=object)
    named = np.flatnonzero(values != "")
    if not len(named):
        return {}
    codes, uniques = pd.factorize(values[named])
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    return {key: named[order[bounds[n]:bounds[n + 1]]] for n, key in enumerate(uniques)}


def apply_overlay(frame: pd.DataFrame, workspaces, edition: Edition | int) -> pd.DataFrame:
    """`frame` with the workspaces of `edition` laid over it and every edition's results in the award
    history; `frame` itself when no workspace touches it (no copy). Only the columns it changes are
    copied (pandas shares the others), each written once as an array."""
    year = edition.year if isinstance(edition, Edition) else int(edition)
    awards = load_editions().result_awards
    edited = [w for w in workspaces if w["edition"] == year and w["values"]]
    won = [w for w in workspaces if w["status"] == RESULT and awards.get(w["result"])]
    if not edited and not won:
        return frame
    where = _positions(_identities(frame, {w["identity"] for w in edited + won}))
    columns: dict[str, np.ndarray] = {}

    def column(name: str) -> np.ndarray:
        if name not in columns:
            columns[name] = (frame[name].to_numpy(dtype=object, copy=True) if name in frame
                             else np.full(len(frame), None, dtype=object))
        return columns[name]

    for workspace in edited:
        rows = where.get(workspace["identity"])
        if rows is None:
            continue
        for field, value in workspace["values"].items():
            target = FIELD_COLUMNS.get(field)
            if target is None or target == "name" and not value.strip():
                continue    # an attachment tick, or an emptied title: the innovation's own name stands
            column(target)[rows] = value if value.strip() else None
            if target == "name":
                column(IDENTITY_COLUMN)[rows] = workspace["identity"]
        ticks = attachment_ticks(workspace)
        if ticks:
            column(TICKS_COLUMN)[rows] = LIST_SEPARATOR.join(sorted(ticks))
    for workspace in sorted(won, key=lambda w: w["edition"]):
        rows = where.get(workspace["identity"])
        if rows is not None:
            entry = f"{workspace['edition']}: {awards[workspace['result']]}"
            history = column("awards")
            history[rows] = [entry if text is None or text != text or not str(text).strip()
                             else f"{text}{LIST_SEPARATOR}{entry}" for text in history[rows]]
    if not columns:
        return frame
    result = frame.copy(deep=False)
    for name, values in columns.items():
        result[name] = pd.Series(values, index=frame.index, dtype=object)
    return result


def workspace_column(frame: pd.DataFrame, workspaces, edition: Edition) -> pd.Series:
    """Per row, its workspace for `edition` as `readiness --json` shows it, or None: {status, result,
    title_by, sections: [{key, by, at}] in the edition's form order (sections never edited left out)}."""
    own = {w["identity"]: w for w in workspaces if w["edition"] == edition.year}
    column = pd.Series([None] * len(frame), index=frame.index, dtype=object)
    if not own:
        return column
    keys = _identities(frame, set(own))
    for identity, workspace in own.items():
        rows = (keys == identity).to_numpy()
        if rows.any():
            info = describe(workspace, edition)
            column[rows] = [info] * int(rows.sum())
    return column


def describe(workspace: dict | None, edition: Edition) -> dict:
    """A workspace's status and who last edited each section, sections in the edition's form order."""
    workspace = workspace or {"status": DRAFT, "result": None, "editors": {}}
    editors = workspace.get("editors", {})
    sections = [{"key": section.key, **editors[section.key]} for section in edition.sections
                if section.key in editors]
    return {"status": workspace["status"], "result": workspace["result"], "sections": sections}


def preview(frame: pd.DataFrame, workspaces, edition: Edition, identity: str, typed: dict[str, str]) -> pd.DataFrame:
    """The rows of the innovation `identity`'s institution with the workspaces and, over them, the
    fields as typed (not saved yet): enough to judge that innovation's readiness as it is written
    (the title check looks only within the institution)."""
    keys = _identities(frame, {identity})
    own = frame[(keys == identity).to_numpy()]
    if own.empty:
        return own
    agency = own["agency"].iloc[0]
    same = frame["agency"].isna() if pd.isna(agency) else (frame["agency"] == agency)
    rows = frame[same.to_numpy() | (keys == identity).to_numpy()]
    live = [w for w in workspaces if not (w["identity"] == identity and w["edition"] == edition.year)]
    live.append({"identity": identity, "edition": edition.year, "status": DRAFT, "result": None,
                 "values": {**next((w["values"] for w in workspaces if w["identity"] == identity
                                    and w["edition"] == edition.year), {}), **typed}})
    return apply_overlay(rows, live, edition)


def same_titles(frame: pd.DataFrame, identity: str, title: str) -> pd.DataFrame:
    """The other innovations of `identity`'s institution (any year) whose name is `title` (case,
    spacing and punctuation ignored): KIPP refused the same title on two proposals."""
    key = text_key(title or "")
    keys = _identities(frame, {identity})
    own = frame[(keys == identity).to_numpy()]
    if not key or own.empty:
        return frame.iloc[0:0]
    agency = own["agency"].iloc[0]
    same = (text_keys_of(frame["name"]) == key) & (keys != identity).to_numpy()
    same &= (frame["agency"].isna() if pd.isna(agency) else frame["agency"] == agency).to_numpy()
    return frame[same]


def attachment_ticks(workspace: dict | None) -> set[str]:
    """The attachment keys ticked in a workspace's checklist."""
    values = (workspace or {}).get("values") or {}
    return {field[len(ATTACHMENT_PREFIX):] for field, value in values.items()
            if field.startswith(ATTACHMENT_PREFIX) and value}


def word_diff(before: str | None, after: str | None) -> list[tuple[str, str]]:
    """The change from `before` to `after` word by word: [("same"|"removed"|"added", text), ...]."""
    import difflib

    old, new = (before or "").split(), (after or "").split()
    pieces: list[tuple[str, str]] = []
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(a=old, b=new, autojunk=False).get_opcodes():
        if op == "equal":
            pieces.append(("same", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            pieces.append(("removed", " ".join(old[i1:i2])))
        if j2 > j1:
            pieces.append(("added", " ".join(new[j1:j2])))
    return pieces


def progress(readiness, frame: pd.DataFrame, workspaces, shortlisted: pd.DataFrame) -> pd.DataFrame:
    """Per institution, its proposals for the readiness' edition — the innovations on the shortlist or
    with a workspace of that edition, each counted once — and how many are complete (Siap), in review
    (ditinjau) and submitted (diajukan, or with a result). `readiness` was judged on `frame`."""
    from store.workspace import REVIEW, SUBMITTED

    edition = readiness.edition
    own = {w["identity"]: w["status"] for w in workspaces if w["edition"] == edition.year}
    table = readiness.table
    keys, status = np.full(len(table), "", dtype=object), np.full(len(table), None, dtype=object)
    if own:  # an identity is made of a few columns: only those are taken from the frame, not its every column
        named_frame = frame.reindex(columns=[*IDENTITY_FIELDS, IDENTITY_COLUMN]).loc[table.index]
        keys = _identities(named_frame, set(own)).to_numpy(dtype=object)
        named = np.flatnonzero(keys != "")
        status[named] = [own.get(key) for key in keys[named]]
    chosen = np.flatnonzero(table["id"].isin(set(shortlisted["id"])).to_numpy() | (status != None))  # noqa: E711
    picked, keys, status = table.iloc[chosen], keys[chosen], status[chosen]  # the proposals only, then
    rows = pd.DataFrame({"agency": picked["agency"].fillna("-").to_numpy(dtype=object),
                         "identity": np.where(keys != "", keys, picked["title_key"].to_numpy(dtype=object)),
                         "complete": (picked["status"] == "Siap").to_numpy(),
                         "review": status == REVIEW, "submitted": np.isin(status, [SUBMITTED, RESULT])})
    if rows.empty:
        return pd.DataFrame(columns=["agency", "proposals", "complete", "review", "submitted"])
    # one proposal per innovation: its records of several years count once (complete if any is)
    once = rows.groupby(["agency", "identity"], sort=False)[["complete", "review", "submitted"]].max()
    counts = once.groupby("agency").agg(proposals=("complete", "size"), complete=("complete", "sum"),
                                        review=("review", "sum"), submitted=("submitted", "sum"))
    return counts.astype(int).reset_index().sort_values(["proposals", "agency"], ascending=[False, True],
                                                         kind="stable").reset_index(drop=True)
