"""The /data preview's comparison (dashboard.components.comparison): values as people read them."""

from dashboard.components.comparison import value_text


def test_compared_dates_are_written_out_by_the_one_formatter():
    assert value_text("launch_date", "2018-03-08", "id") == "8 Maret 2018"
    assert value_text("launch_date", "2018-04", "en") == "April 2018"
    assert value_text("trial_date", "2017", "id") == "2017"
    assert value_text("stage", "Uji Coba", "id") == "Uji Coba"
    assert value_text("launch_date", "", "en") == "(empty)"


def _texts(component) -> list[str]:
    """Every string inside a Dash component tree, in order."""
    if isinstance(component, str):
        return [component]
    children = getattr(component, "children", None)
    children = children if isinstance(children, list) else [children] if children is not None else []
    return [text for child in children for text in _texts(child)]


def _by_id(component, wanted):
    if getattr(component, "id", None) == wanted:
        return component
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children] if children is not None else []:
        found = _by_id(child, wanted)
        if found is not None:
            return found
    return None


def test_a_stored_year_that_replacing_would_empty_values_is_told_field_by_field_with_why():
    from dashboard.components.comparison import create_comparison
    from loaders.reference import load_reference

    changed = {"name": "Inovasi 1", "agency": "Dinas Kesehatan", "file": "revisi.xlsx", "sheet": "2019", "row": 3,
               "fields": ["trial_date", "trial_date_precision"], "values": {"trial_date": ["2019-03-01", ""]},
               "blanked": {"trial_date": "no_column"}}
    year = {"year": 2019, "stored": 3, "incoming": 3, "same": 2, "changed": 1, "new": 0, "absent": 0,
            "blanked": [{"field": "trial_date", "reason": "no_column", "count": 1},
                        {"field": "description", "reason": "empty", "count": 2}],
            "rows": {"same": [], "changed": [changed], "new": [], "absent": []}}
    shown = create_comparison({"overlap": [2019], "years": [year]}, "en", load_reference().column_label)
    assert _texts(_by_id(shown, "edit-compare-blanked-2019")) == [
        "If year 2019 is replaced, these stored values are emptied:",
        "Trial date: 1 innovations, because the file has no such column",
        "Description: 2 innovations, because its cells are empty in the file"]
    assert _texts(_by_id(shown, "edit-compare-changed-2019"))[-1] == (
        "Trial date: “1 March 2019” → “(empty)” (emptied: the file has no such column)")
    # a year not stored yet loses nothing: no warning
    new_year = {**year, "stored": 0}
    assert _by_id(create_comparison({"overlap": [], "years": [new_year]}, "en", load_reference().column_label),
                  "edit-compare-blanked-2019") is None
