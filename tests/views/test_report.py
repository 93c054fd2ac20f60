"""The report's views, handed data directly: escaping, theme decisions, the application funnel."""

from __future__ import annotations

import datetime as dt
import html
from pathlib import Path
from types import SimpleNamespace

from hypothesis import given
from hypothesis import strategies as st

from reflect.models.entry import Entry
from reflect.views.report_sections import _funnel_reading, applications_funnel, periods_of, themes_section
from reflect.views.report_text import Out
from reflect.views.safe import neutral


@given(st.text())
def test_any_text_becomes_inert_html_that_reads_the_same(text):
    shown = Out()(text)
    assert not set("<>\"'") & set(shown)
    assert html.unescape(shown) == neutral(text)


@given(st.sampled_from(["Dana Whitfield", "Jo Li", "Ana-Maria Pop"]), st.text(" .,;!?()\n0123456789_\u20ac-", max_size=20))
def test_redacting_leaves_no_part_of_an_interviewer_name(name, around):
    shown = html.unescape(Out(names=[name])(f"{around}{name}{around} and {name.split()[0]} again"))
    assert name not in shown and "[interviewer]" in shown
    for part in name.split():
        if len(part) >= 3:
            assert part not in shown


def _theme(ident, label, confirmed=0):
    return SimpleNamespace(
        id=ident, label=label, count=3, verdict="steady", months={"2026-10": 1, "2026-11": 2}, confirmed=confirmed, best_quote=lambda avoid=frozenset(): None
    )


def test_themes_you_confirmed_say_on_how_many_interviews():
    report = SimpleNamespace(
        themes=[_theme("conciseness", "Conciseness", confirmed=2), _theme("clarity", "Clarity")],
        months=["2026-10", "2026-11"],
        analysed=4,
    )
    body = themes_section(report, [], Out()).body
    assert "3\u00d7 \u00b7 steady \u00b7 2 confirmed by you" in body
    assert '<g class="row" data-theme="clarity">' in body and "Clarity" in body


def _entry(n, application, stage, outcome):
    reflection = SimpleNamespace(
        date=dt.date(2026, 11, n), stage=stage, outcome=outcome, application=application, company=f"Company {n}", role="Engineer"
    )
    return Entry(f"e{n}", Path(f"e{n}.toml"), reflection)  # type: ignore[arg-type]


def test_applications_funnel_counts_how_far_each_application_got():
    entries = [
        _entry(1, "acme", "phone-screen", "advanced"),
        _entry(2, "acme", "onsite", "offer"),
        _entry(3, "globex", "phone-screen", "rejected"),
        _entry(4, "initech", "recruiter-screen", "pending"),
    ]
    shown = applications_funnel(entries, Out())
    assert "Of 3 applications, 1 reached the onsite stage; 1 offer." in shown
    assert "2 of 3" in shown  # phone-screen
    assert "1 of 3" in shown and "3 of 3" not in shown  # a recruiter screen only Initech had, not all three


def test_long_searches_are_shown_by_quarter_then_by_year():
    months = [f"{y}-{m:02d}" for y in range(2020, 2026) for m in range(1, 13)]
    labels, periods = periods_of(months[:24])
    assert labels == months[:24]
    labels, periods = periods_of(months[:48])
    assert labels[:2] == ["2020 Q1", "2020 Q2"] and periods[0] == ["2020-01", "2020-02", "2020-03"]
    labels, _ = periods_of(months + [f"2026-{m:02d}" for m in range(1, 13)] + [f"2027-{m:02d}" for m in range(1, 13)] + [f"2028-{m:02d}" for m in range(1, 13)] + [f"2029-{m:02d}" for m in range(1, 13)])
    assert labels[:2] == ["2020", "2021"]


def test_the_funnel_never_names_one_stage_for_a_tie():
    def reading(by_stage):
        return _funnel_reading(SimpleNamespace(total=6, outcomes={"rejected": 4}, by_stage=by_stage))

    assert "Rejections came as often at phone-screen as at onsite (2 each)." in reading(
        {"phone-screen": {"rejected": 2}, "onsite": {"rejected": 2}}
    )
    assert "Most rejections came at the onsite stage (3 of 4)." in reading({"phone-screen": {"rejected": 1}, "onsite": {"rejected": 3}})
    assert "Most rejections came at phone-screen and onsite (2 each of 5)." in reading(
        {"phone-screen": {"rejected": 2}, "onsite": {"rejected": 2}, "final": {"rejected": 1}}
    )
