"""The user's decisions applied to what the engine found (pure: no files)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from reflect.analysis import decisions
from reflect.analysis.taxonomy import get_taxonomy
from reflect.analysis.themes import Hit, analyse
from tests.analysis.entries import entry

RAMBLED = Hit("conciseness", "went_wrong[0]", "I rambled on and on.", "rambl", "text")
NERVOUS = Hit("nerves-confidence", "went_wrong[1]", "I was nervous.", "nervous", "text")
TAGGED = Hit("coding", "tags", "tagged coding", "tag coding", "tag")


def test_a_dismissed_theme_loses_every_hit_and_the_others_stay():
    assert decisions.apply([RAMBLED, NERVOUS, TAGGED], [], ["conciseness"]) == [NERVOUS, TAGGED]


def test_a_confirmed_theme_without_a_hit_gets_one_quoting_its_note_or_the_user():
    added = decisions.apply([RAMBLED], ["clarity", "conciseness"], [], {"clarity": "My point got lost."})
    assert added == [RAMBLED, ("clarity", "themes.confirmed", "My point got lost.", "confirmed by you", "confirmed")]
    assert decisions.apply([], ["coding"], [])[0][2] == "confirmed by you"


@given(st.lists(st.sampled_from(["conciseness", "clarity", "coding", "nerves-confidence"]), unique=True), st.integers(0, 4))
def test_decisions_always_win(themes, split):
    confirmed, dismissed = themes[:split], themes[split:]
    found = {h[0] for h in decisions.apply([RAMBLED, NERVOUS, TAGGED], confirmed, dismissed)}
    assert set(confirmed) <= found and not set(dismissed) & found


def test_agreement_counts_only_the_suggestions_decided_on():
    rows = [(("conciseness", "clarity"), ("conciseness",), ("clarity",)), (("coding",), (), ()), (("enthusiasm",), ("enthusiasm", "role-fit"), ())]
    assert decisions.agreement(rows) == (2, 3)


def test_analyse_marks_confirmed_evidence_and_counts_agreement():
    taxonomy = get_taxonomy(None)
    entries = [
        entry("a", "2026-01-10", went_wrong=["I rambled on and on."], themes={"confirmed": ["conciseness"]}),
        entry("b", "2026-01-12", went_wrong=["My answers were far too long."], themes={"dismissed": ["conciseness"]}),
        entry("c", "2026-01-14", went_wrong=["I went on and on and on."], themes={"confirmed": ["coding"]}),
    ]
    report = analyse(entries, taxonomy, min_count=1)
    conciseness = report.theme("conciseness")
    assert conciseness.interviews == ["c", "a"] and conciseness.confirmed == 1
    assert {(e.id, e.status) for e in conciseness.evidence} == {("a", "confirmed"), ("c", "suggested")}
    coding = report.theme("coding")
    assert [(e.id, e.kind, e.status) for e in coding.evidence] == [("c", "confirmed", "confirmed")]
    assert report.agreement == (1, 2)
