"""Evidence sheet rows applied to an edition: by indicator number or key, per innovation or for the
government; rows that do not apply are warnings naming their place."""

from __future__ import annotations

from analytics.iid.editions import load_editions
from analytics.iid.evidence import resolve_evidence
from loaders.iid_evidence import read_evidence


def test_rows_apply_to_their_edition_by_number_or_key(tmp_path):
    path = tmp_path / "bukti.csv"
    path.write_text("tahun,id,indikator,tingkat\n2023,a,16,1\n,a,sid-35,2\n2024,a,17,3\n,,8,3\n2023,a,16,2\n",
                    encoding="utf-8")
    evidence = resolve_evidence(read_evidence([path]).entries, load_editions().get(2023), ["a"], "en")
    assert evidence.issues == []
    assert evidence.sid == {("a", "sid-16"): 2, ("a", "sid-35"): 2}   # a later row wins; 2024's is left out
    assert evidence.spd == {"spd-08": 3}


def test_rows_that_do_not_apply_are_warnings_with_their_place(tmp_path):
    path = tmp_path / "bukti.csv"
    path.write_text("id,indikator,tingkat\nzzz,16,1\n,16,1\na,8,3\na,99,1\n", encoding="utf-8")
    evidence = resolve_evidence(read_evidence([path]).entries, load_editions().get(2025), ["a"], "en")
    assert evidence.sid == {} and evidence.spd == {}
    assert [issue.to_line() for issue in evidence.issues] == [
        "WARNING bukti.csv › bukti › row 2 › id: No innovation with id 'zzz' in IID 2025; the row is left out.",
        "WARNING bukti.csv › bukti › row 3 › id: Indicator 16 is scored per innovation: fill in the innovation's id.",
        "WARNING bukti.csv › bukti › row 4 › id: Indicator 8 is scored for the government, not per innovation: leave "
        "the id empty.",
        "WARNING bukti.csv › bukti › row 5 › indikator: Indicator '99' is not in IID 2025; the row is left out.",
    ]


def _entry(indicator, tier, identity="", region="kabupaten muara enim", edition=2025, document=None):
    return {"edition": edition, "region": region, "identity": identity, "indicator": indicator, "tier": tier,
            "document": document, "version": 1, "by": "budi", "at": "2026-12-05T03:00:00+00:00"}


def test_entered_evidence_wins_over_the_sheets_which_win_over_the_data(tmp_path):
    """Entered (dashboard) > sheet > the innovation's own columns; each tier says where it came from."""
    import pandas as pd

    from analytics.dataset import canonical_frame
    from analytics.iid.evidence import entered_evidence, sid_tiers, tier_source
    from store.identity import identity_key

    edition = load_editions().get(2025)
    rows = canonical_frame([
        {"id": "a", "name": "Antrean Online", "agency": "Dinas Kesehatan", "region": "Kabupaten Muara Enim",
         "year": 2025, "stage": "Penerapan", "decree": "SK 1", "video_url": "https://youtu.be/x"},
        {"id": "b", "name": "Posyandu Lansia", "agency": "Dinas Kesehatan", "region": "Kabupaten Muara Enim",
         "year": 2025, "stage": "Penerapan"}])
    path = tmp_path / "bukti.csv"
    path.write_text("tahun,id,indikator,tingkat,bukti\n2025,a,16,2,Perbup 3\n2025,a,35,3,video HD\n2025,,1,1,RPJMD\n",
                    encoding="utf-8")
    sheets = resolve_evidence(read_evidence([path]).entries, edition, ["a", "b"], "en")
    a = identity_key("Antrean Online", "Dinas Kesehatan", "Kabupaten Muara Enim")
    entered = entered_evidence([
        _entry("sid-16", 3, a, document="Perda 1/2025"), _entry("sid-16", 0, "nobody|x|y"),
        _entry("spd-01", 3), _entry("spd-02a", 2, region="kota palembang"),     # another government's: not ours
        _entry("sid-17", 1, a, edition=2024), _entry("sid-99", 1, a), _entry("sid-18", None, a),
    ], edition, rows)
    evidence = entered.over(sheets)
    tiers = sid_tiers(rows, edition, evidence)
    assert tiers.loc["a", "sid-16"] == 3      # entered 3 over the sheet's 2 over the SK's 1
    assert tiers.loc["a", "sid-35"] == 3      # the sheet's 3 over the video link's 1
    assert tiers.loc["b"].sum() == 0
    assert evidence.spd == {"spd-01": 3}      # entered over the sheet's 1; Palembang's entry is not ours
    assert tier_source(evidence, ("a", "sid-16"), 3) == {
        "source": "entered", "by": "budi", "at": "2026-12-05T03:00:00+00:00", "document": "Perda 1/2025"}
    assert tier_source(evidence, ("a", "sid-35"), 3) == {"source": "sheet", "file": "bukti.csv", "row": 3,
                                                         "document": "video HD"}
    derived = pd.Series(tiers.loc["a"])
    assert derived["sid-33"] == 0 and tier_source(evidence, ("a", "sid-33"), 0) is None
    assert tier_source(evidence, ("a", "sid-18"), 1) == {"source": "data"}     # withdrawn entry: the data counts
    assert tier_source(evidence, "spd-03", 0) is None
