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
