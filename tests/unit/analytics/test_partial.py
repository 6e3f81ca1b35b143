"""The current year is partial (analytics/partial.py and its use by metrics, the KPI cards, the
finding sentence and the YoY chart): it says how far its data runs and is compared with the same
period of the year before, or not at all — never as a fall of a half year against a whole one."""

from __future__ import annotations

import datetime as dt
import math

import pytest

from analytics import metrics, partial
from analytics.dataset import make_dataset
from analytics.filters import Filters
from analytics.partial import PartialYear, partial_year, same_day
from charts.views import Context, render
from dashboard.components import kpi
from tests.unit.dashboard_frames import frame_of

ON = dt.date(2026, 7, 15)


def recorded(dated_2025: bool = True):
    """2024: 100 and 2025: 120 innovations recorded through their year; 2026: 60 recorded by 29 April
    (every other day) — 40 of 2025's were recorded by 29 April 2025."""
    rows = [{"year": 2024, "agency": "Dinas Kesehatan"} for _ in range(100)]
    rows += [{"year": 2025, "agency": "Dinas Kesehatan",
              "input_date": dt.date(2025, 1, 1) + dt.timedelta(days=3 * i) if dated_2025 else None}
             for i in range(120)]
    rows += [{"year": 2026, "agency": "Dinas Pendidikan", "input_date": dt.date(2026, 1, 1) + dt.timedelta(days=2 * i)}
             for i in range(60)]
    return frame_of(rows)


@pytest.fixture
def on_15_july_2026(monkeypatch):
    monkeypatch.setattr(partial, "today", lambda: ON)


def test_partial_year_runs_to_its_last_recording_and_counts_the_same_period_before():
    assert partial_year(recorded(), 2026, ON) == PartialYear(2026, dt.date(2026, 4, 29), 40)
    assert partial_year(recorded(), 2025, ON) is None                  # 2025 has ended
    assert partial_year(recorded(), 2026, dt.date(2026, 2, 1)).until == dt.date(2026, 1, 31)   # not after today
    assert partial_year(recorded(dated_2025=False), 2026, ON).same_period is None   # cannot tell


def test_same_day_of_a_leap_day_is_the_28th():
    assert same_day(dt.date(2028, 2, 29), 2027) == dt.date(2027, 2, 28)


def test_summary_and_finding_compare_a_partial_year_with_the_same_period():
    summary = metrics.summarise(recorded(), Filters(), on=ON)
    assert (summary.year, summary.count, summary.previous, summary.change, summary.until) == (
        2026, 60, 40, 0.5, dt.date(2026, 4, 29))       # not 60 against 120 (−50%)
    finding = metrics.main_finding(recorded(), on=ON)
    assert (finding.kind, finding.count, finding.previous, finding.ratio, finding.until) == (
        "up", 60, 40, 0.5, dt.date(2026, 4, 29))


def test_a_partial_year_that_cannot_be_compared_is_not():
    summary = metrics.summarise(recorded(dated_2025=False), Filters(), on=ON)
    assert (summary.change, summary.until) == (None, dt.date(2026, 4, 29))
    finding = metrics.main_finding(recorded(dated_2025=False), on=ON)
    assert (finding.kind, finding.ratio, finding.previous) == ("partial", None, 120)


def test_year_over_year_takes_the_same_period_for_the_partial_year():
    counts = metrics.counts_by_year(recorded())
    same = metrics.year_over_year(counts, partial_year(recorded(), 2026, ON))
    assert same[["year", "previous", "until"]].values.tolist() == [[2025, 100, None], [2026, 40, dt.date(2026, 4, 29)]]
    assert same["change_pct"].round(2).tolist() == [0.2, 0.5]
    unknown = metrics.year_over_year(counts, partial_year(recorded(dated_2025=False), 2026, ON))
    assert math.isnan(unknown["change_pct"].iloc[1])


def _strings(component) -> list[str]:
    children = getattr(component, "children", None)
    children = children if isinstance(children, list) else [children]
    return [c for c in children if isinstance(c, str)] + [s for c in children if hasattr(c, "to_plotly_json")
                                                            for s in _strings(c)]


def _view(frame, **filters) -> Context:
    return Context.build(make_dataset(frame, "uji", "sample"), Filters(**filters))


def test_kpis_and_the_finding_say_how_far_the_year_runs(on_15_july_2026):
    ctx = _view(recorded())
    texts = [s for card in kpi.create_kpi_cards(ctx) for s in _strings(card)]
    assert "Tahun 2024–2026 (2026 sampai 29 April 2026)" in texts
    assert "Perubahan 2026 dibanding periode yang sama 2025" in texts and "+50,0%" in texts
    assert "40 inovasi pada 2025 sampai 29 April 2025; data 2026 sampai 29 April 2026" in texts
    assert kpi.finding_sentence(ctx) == "Sampai 29 April 2026, jumlah inovasi 2026 naik 50,0% dari periode yang sama 2025."
    english = _view(recorded(dated_2025=False), lang="en")
    texts = [s for card in kpi.create_kpi_cards(english) for s in _strings(card)]
    assert "2026 is not complete yet" in texts and "−50,0%" not in texts and "-50.0%" not in texts
    assert kpi.finding_sentence(english) == ("2026 data only runs up to 29 April 2026: 60 innovations so far "
                                             "(2025: 120 in the whole year).")


def test_the_yoy_chart_compares_the_partial_year_over_the_same_period(on_15_july_2026):
    rendered = render("yoy", _view(recorded()))
    assert rendered.title == ("Kenaikan terbesar pada 2026: +50% (data 2026 sampai 29 April 2026, dibanding periode "
                              "yang sama)")
    assert rendered.table.iloc[:, 0].tolist() == ["2025", "2026 (sampai 29 April 2026)"]
    assert list(rendered.figure.data[0].marker.pattern.shape) == ["", "/"]
    undated = render("yoy", _view(recorded(dated_2025=False)))
    assert list(undated.figure.data[0].x) == [2025]            # no bar at all for 2026: not a fall
    assert undated.title == "Kenaikan terbesar pada 2025: +20%"


def test_the_reports_kpis_say_how_far_the_year_runs(on_15_july_2026):
    from exports.report.build import kpi_table

    rows = dict(kpi_table(_view(recorded())).frame.values.tolist())
    assert rows["Perubahan 2026 dibanding periode yang sama 2025"] == "+50,0% (40 → 60)"
    assert rows["Data 2026 sampai"] == "29 April 2026"
