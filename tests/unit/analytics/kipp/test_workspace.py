"""The proposal workspaces laid over the data (analytics/kipp/workspace.py): the edited texts count
for readiness and the score, per edition; results feed the award-history rules of later editions;
`readiness --json` carries each innovation's workspace; titles are checked within the institution."""

from __future__ import annotations

import pandas as pd

from analytics.kipp.readiness import evaluate, to_dict
from analytics.kipp.workspace import apply_overlay, attachment_ticks, preview, same_titles, workspace_column
from analytics.kipp.editions import load_editions
from store.identity import identity_key
from tests.unit.analytics.kipp.test_readiness import make_frame, ready_row, words

IDENTITY = identity_key("Antrean Daring Puskesmas", "Dinas Kesehatan", None)


def workspace(edition: int = 2023, values: dict | None = None, status: str = "draf", result=None,
              identity: str = IDENTITY, editors: dict | None = None) -> dict:
    return {"identity": identity, "edition": edition, "status": status, "result": result,
            "values": values or {}, "editors": editors or {}}


def almost_ready_frame() -> pd.DataFrame:
    """The same innovation in two years (a national-index export repeats it), Significance missing."""
    return make_frame(ready_row(significance=None), ready_row(id="r2", year=2017, significance=None),
                      ready_row(id="x", name="Lain", significance=None))


def test_overlay_text_makes_an_almost_ready_innovation_ready_on_every_row_of_it():
    frame = almost_ready_frame()
    assert list(evaluate(frame, 2023).table["status"]) == ["Hampir siap"] * 3
    edited = apply_overlay(frame, [workspace(values={"significance": words(200)})], 2023)
    readiness = evaluate(edited, 2023)
    assert list(readiness.table["status"]) == ["Siap", "Siap", "Hampir siap"]
    assert readiness.table["score"].iloc[0] > evaluate(frame, 2023).table["score"].iloc[0]
    assert frame["significance"].isna().all()          # the uploaded frame itself is untouched


def test_overlay_belongs_to_its_edition_and_an_emptied_section_counts_as_missing():
    frame = make_frame(ready_row())
    assert apply_overlay(frame, [workspace(edition=2025, values={"summary": ""})], 2023) is frame
    emptied = apply_overlay(frame, [workspace(edition=2025, values={"summary": "  "})], 2025)
    assert evaluate(emptied, 2025).table["status"].iloc[0] == "Hampir siap"


def test_overlay_title_replaces_the_name_and_an_empty_title_keeps_it():
    frame = make_frame(ready_row())
    titled = apply_overlay(frame, [workspace(values={"title": "Antrean Daring Puskesmas Terpadu"})], 2023)
    assert titled["name"].iloc[0] == "Antrean Daring Puskesmas Terpadu"
    assert apply_overlay(frame, [workspace(values={"title": ""})], 2023)["name"].iloc[0] == "Antrean Daring Puskesmas"


def test_results_feed_the_award_history_of_later_editions_top_99_twice_is_excluded():
    frame = make_frame(ready_row())
    once = [workspace(edition=2021, status="hasil", result="top99")]
    twice = once + [workspace(edition=2022, status="hasil", result="top99")]
    assert evaluate(apply_overlay(frame, once, 2023), 2023).table["status"].iloc[0] == "Siap"
    excluded = apply_overlay(frame, twice, 2023)
    assert excluded["awards"].iloc[0] == "2021: Top 99; 2022: Top 99"
    assert evaluate(excluded, 2023).table["status"].iloc[0] == "Jalur khusus"
    # an edition judges only awards won before it; "tidak lolos" adds nothing
    assert evaluate(apply_overlay(frame, twice, 2022), 2022).table["status"].iloc[0] == "Siap"
    assert apply_overlay(frame, [workspace(edition=2021, status="hasil", result="tidak_lolos")], 2023) is frame


def test_every_result_has_an_award_the_rules_can_read_or_none():
    editions = load_editions()
    from store.workspace import RESULTS

    assert set(editions.result_awards) == set(RESULTS)
    for award in filter(None, editions.result_awards.values()):
        assert editions.latest.terms.award_key(award) is not None


def test_readiness_json_carries_the_workspace_status_and_editors_in_form_order():
    frame = almost_ready_frame()
    editors = {"significance": {"by": "sari", "at": "2026-12-05T01:00:00+00:00"},
               "summary": {"by": "budi", "at": "2026-12-05T00:50:00+00:00"}}
    spaces = [workspace(values={"significance": words(200)}, status="ditinjau", editors=editors)]
    edition = load_editions().get(2023)
    edited = apply_overlay(frame, spaces, edition)
    result = to_dict(evaluate(edited, edition), workspace=workspace_column(edited, spaces, edition))
    first, _, other = result["innovations"]
    assert first["workspace"] == {"status": "ditinjau", "result": None, "sections": [
        {"key": "summary", "by": "budi", "at": "2026-12-05T00:50:00+00:00"},
        {"key": "significance", "by": "sari", "at": "2026-12-05T01:00:00+00:00"}]}
    assert other["workspace"] is None


def test_preview_judges_the_typed_text_before_it_is_saved():
    frame = almost_ready_frame()
    edition = load_editions().get(2023)
    rows = preview(frame, [], edition, IDENTITY, {"significance": words(120)})
    judged = evaluate(rows, edition).table
    assert list(judged.loc[judged["id"].isin(["r1", "r2"]), "status"]) == ["Siap", "Siap"]
    over = evaluate(preview(frame, [], edition, IDENTITY, {"significance": words(601)}), edition).table
    assert over.loc[over["id"] == "r1", "status"].item() == "Belum memenuhi syarat"


def test_same_titles_are_found_within_the_institution_only():
    frame = make_frame(ready_row(), ready_row(id="b", name="Posyandu Pintar"),
                       ready_row(id="c", name="Posyandu  pintar!", agency="Dinas Sosial"))
    found = same_titles(frame, IDENTITY, "POSYANDU PINTAR")
    assert list(found["id"]) == ["b"]
    assert same_titles(frame, IDENTITY, "Antrean Daring Puskesmas").empty   # its own name is no duplicate


def test_attachment_ticks():
    assert attachment_ticks(workspace(values={"attachment.spbe_form": "1", "attachment.video": "",
                                              "summary": "x"})) == {"spbe_form"}


def test_word_diff_marks_removed_and_added_words():
    from analytics.kipp.workspace import word_diff

    assert word_diff("antrean panjang di desa", "antrean pendek di kantor desa") == [
        ("same", "antrean"), ("removed", "panjang"), ("added", "pendek"), ("same", "di"), ("added", "kantor"),
        ("same", "desa")]
    assert word_diff(None, "baru") == [("added", "baru")]


def test_progress_counts_each_institutions_proposals_complete_in_review_and_submitted():
    from analytics.kipp.readiness import shortlist
    from analytics.kipp.workspace import progress

    frame = make_frame(ready_row(), ready_row(id="r2", year=2017),                       # one innovation, two years
                       ready_row(id="b", name="Posyandu Pintar", significance=None),      # almost ready, in review
                       ready_row(id="c", name="Sekolah Ramah", agency="Dinas Pendidikan"),  # ready, submitted
                       ready_row(id="d", name="Tanpa Usulan", agency="Dinas Sosial", significance=None))
    spaces = [workspace(status="ditinjau", identity=identity_key("Posyandu Pintar", "Dinas Kesehatan", None)),
              workspace(status="hasil", result="top99",
                        identity=identity_key("Sekolah Ramah", "Dinas Pendidikan", None))]
    readiness = evaluate(apply_overlay(frame, spaces, 2023), 2023)
    table = progress(readiness, frame, spaces, shortlist(readiness))
    assert table.to_dict("records") == [
        {"agency": "Dinas Kesehatan", "proposals": 2, "complete": 1, "review": 1, "submitted": 0},
        {"agency": "Dinas Pendidikan", "proposals": 1, "complete": 1, "review": 0, "submitted": 1}]


def test_a_proposal_title_keeps_the_workspace_found_for_readiness_json_and_the_progress():
    """The page and `readiness --json` read the overlaid frame, where the title replaced the name: the
    innovation must still lead to its workspace (status, editors) and count in its institution's progress."""
    from analytics.kipp.readiness import shortlist
    from analytics.kipp.workspace import progress

    frame = almost_ready_frame()
    spaces = [workspace(values={"title": "Antrean Tanpa Kertas", "significance": words(200)}, status="ditinjau",
                        editors={"significance": {"by": "sari", "at": "2026-12-05T01:00:00+00:00"}})]
    edition = load_editions().get(2023)
    edited = apply_overlay(frame, spaces, edition)
    assert edited["name"].tolist() == ["Antrean Tanpa Kertas", "Antrean Tanpa Kertas", "Lain"]
    column = workspace_column(edited, spaces, edition)
    assert [item and item["status"] for item in column] == ["ditinjau", "ditinjau", None]
    readiness = evaluate(edited, edition)
    table = progress(readiness, edited, spaces, shortlist(readiness))
    assert table.to_dict("records") == [
        {"agency": "Dinas Kesehatan", "proposals": 1, "complete": 1, "review": 1, "submitted": 0}]
