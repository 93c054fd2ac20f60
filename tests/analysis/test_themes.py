import datetime as dt
import json
import pickle
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reflect.analysis.taxonomy import build, get_taxonomy
from reflect.analysis.matcher import match_sentence
from reflect.analysis.themes import Scan, analyse, match_reflection, scan, themes_of
from reflect.views.themes_json import report_json
from reflect.config import CustomTheme, ThemesConfig
from reflect.errors import ConfigError
from reflect.models.entry import Entry
from reflect.models import Feedback, Gap, Question, Ratings, Reflection
from reflect.views.jsontext import dumps

TAX = get_taxonomy()


def themes(text: str) -> set[str]:
    return {theme for theme, _ in match_sentence(text, TAX)}


def refl(**fields) -> Reflection:
    fields.setdefault("company", "Acme")
    fields.setdefault("role", "Engineer")
    fields.setdefault("date", dt.date(2024, 3, 1))
    return Reflection(**fields)


@pytest.mark.parametrize(
    "text, expected",
    [
        ("I rambled on every answer", "conciseness"),
        ("my answers ran far too long", "conciseness"),
        ("I need to be more concise", "conciseness"),
        ("My answers were not concise", "conciseness"),
        ("I didn't research the company", "preparation-research"),
        ("I was so nervous my voice shook", "nerves-confidence"),
        ("I couldn't stop rambling", "conciseness"),
        ("They said I lacked confidence", "nerves-confidence"),
        ("The design round was a mess", "system-design"),
        ("I never once mentioned sharding", "system-design"),
        ("When they asked if I had questions I had nothing to ask", "questions-for-interviewer"),
        ("We felt you would be happier at a more structured company", "culture-fit"),
        ("I kept telling them I wasn't sure I was senior enough", "role-fit"),
        ("Didn't even glance at their website beforehand", "preparation-research"),
        ("I couldn't remember how a heap works", "technical-depth"),
        ("The interviewer kept glancing at the clock while I talked", "conciseness"),
        ("There was no clear thread to my answer", "clarity"),
        ("I never made clear which decisions were mine", "clarity"),
        ("Clearly I hadn't researched the company at all", "preparation-research"),  # "clearly" is not praise
        ("I signed without negotiating", "salary-negotiation"),  # not negotiating is the weakness
    ],
)
def test_weaknesses_are_found_in_their_usual_wordings(text, expected):
    assert expected in themes(text)


@pytest.mark.parametrize(
    "text",
    [
        "I wasn't nervous at all",
        "No problem with the coding part",
        "I kept my answers short",
        "I kept my answers concise and to the point",
        "I had researched the company thoroughly",
        "Nerves were not an issue",
        "I stayed calm throughout",
        "The system design round was with the CTO",
        "The take-home is a small CRUD app, due in a week",
        "I never felt out of my depth in the technical discussion",
        "I didn't struggle with the coding exercise",
        "My answers were clear and specific",
        "I explained my approach clearly",
        "I skipped the warm-up exercise",  # not a lack of warmth
        "I was worried I'd blank on SQL but I didn't",  # a worry that did not come true
        "I feared I would ramble, but that never happened",
        "Solved the coding problem in twenty minutes with tests",  # a problem to solve is no trouble
        "The design problem was about a parking garage",
    ],
)
def test_negated_and_positive_statements_are_not_weaknesses(text):
    assert themes(text) == set()


@pytest.mark.parametrize(
    "text", ["I was worried I'd blank on SQL but I didn't", "Solved the coding problem in twenty minutes with tests"]
)
def test_the_whole_engine_counts_nothing_in_a_worry_that_did_not_come_true_or_a_problem_solved(text):
    hits = match_reflection(refl(went_wrong=[text]), TAX)
    assert [h for h in hits if h.kind != "possible"] == []


def test_a_taken_back_clause_needs_a_worry_before_it():
    assert themes("I rambled, but I didn't care") == {"conciseness"}
    assert themes("I thought I rambled, not once but twice") == {"conciseness"}
    assert themes("I didn't solve the coding problem") == {"coding"}


def test_went_well_is_never_read():
    r = refl(went_well=["I rambled and froze and had not prepared"])
    assert match_reflection(r, TAX) == []


def test_structure_counts_as_evidence_of_its_own_kind():
    r = refl(
        tags=["salary-negotiation"],
        ratings=Ratings(preparation=1, confidence=2),
        gaps=[Gap(kind="culture", detail="")],
        questions=[Question(text="Design a rate limiter", kind="system-design", stumped=True)],
    )
    hits = match_reflection(r, TAX)
    kinds = {(h.theme, h.kind) for h in hits}
    assert ("salary-negotiation", "tag") in kinds
    assert ("preparation-research", "rating") in kinds
    assert ("nerves-confidence", "rating") in kinds
    assert ("culture-fit", "gap") in kinds
    assert {("system-design", kind) for kind in ("question", "text", "model")} & kinds


def test_evidence_names_field_sentence_and_trigger():
    r = refl(went_wrong=["All good at first. Then I rambled for ten minutes."], feedback=Feedback(text="Too nervous."))
    hits = match_reflection(r, TAX)
    conc = [h for h in hits if h.theme == "conciseness"][0]
    assert conc.field == "went_wrong[0]"
    assert conc.text == "Then I rambled for ten minutes."
    assert conc.trigger
    assert any(h.field == "feedback.text" and h.theme == "nerves-confidence" for h in hits)


def test_scan_result_is_plain_data_for_a_cache():
    r = refl(went_wrong=["I rambled", "the design round went badly"], lessons=["look up the team"])
    result = scan(r, TAX)
    data = json.loads(json.dumps(result.to_data()))
    assert Scan.from_data(data) == result
    assert pickle.loads(pickle.dumps(result)) == result


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text())
def test_matching_never_raises_and_ignores_went_well(wrong, well):
    r = refl(went_wrong=[wrong], went_well=[well], lessons=[well + wrong])
    hits = match_reflection(r, TAX)
    assert all(h.field != "went_well" and not h.field.startswith("went_well") for h in hits)


def entry(n, outcome, wrong, date=None, stage="technical"):
    r = refl(
        company=f"C{n}", date=date or dt.date(2024, 1, 1) + dt.timedelta(days=10 * n), outcome=outcome,
        stage=stage, went_wrong=wrong,
    )
    return Entry(f"e{n:02d}", Path(f"/j/e{n:02d}.toml"), r)


def test_contrast_ranks_the_theme_that_costs_offers_first():
    entries = []
    for n in range(6):  # six rejections, conciseness in four
        wrong = ["I rambled and went on and on."] if n < 4 else ["I was nervous."]
        entries.append(entry(n, "rejected", wrong + (["I was nervous."] if n < 2 else [])))
    for n in range(6, 9):  # three offers, no conciseness, but nerves in all
        entries.append(entry(n, "offer", ["I was a bit nervous."]))
    report = analyse(entries, TAX)
    first = report.themes[0]
    assert first.id == "conciseness"
    assert first.rejected == (4, 6) and first.succeeded == (0, 3)
    assert first.rejections_only
    data = json.loads(dumps(report_json(report)))  # as `reflect themes --json` writes it
    assert data["analysed"] == 9
    assert data["themes"][0]["outcome_contrast"]["rejected"]["share"] == pytest.approx(4 / 6, abs=1e-3)
    assert {"id", "label", "count", "share", "interviews", "trend", "outcome_contrast", "evidence"} <= set(data["themes"][0])
    assert set(data["themes"][0]["evidence"][0]) >= {"id", "field", "text", "trigger"}


def test_min_count_and_trend():
    early = [entry(n, "rejected", ["I rambled."], date=dt.date(2024, 1, 5 + n)) for n in range(4)]
    late = [entry(n + 4, "rejected", ["The interview went fine."], date=dt.date(2024, 3, 5 + n)) for n in range(4)]
    report = analyse(early + late, TAX, min_count=2)
    conc = report.theme("conciseness")
    assert conc.verdict == "improving"
    assert conc.months == {"2024-01": 4, "2024-02": 0, "2024-03": 0}
    assert conc.first_seen == "2024-01-05" and conc.last_seen == "2024-01-08"
    assert analyse(early[:1], TAX, min_count=2).themes == []


def test_emerging_pairs_recur_without_a_theme():
    wrong = ["The receptionist misplaced my visitor badge."]
    entries = [entry(n, "rejected", wrong) for n in range(3)]
    report = analyse(entries, TAX)
    assert any(e.words == "visitor badge" and e.count == 3 for e in report.emerging)


def test_config_adds_disables_and_validates():
    config = ThemesConfig(
        disabled=["salary-negotiation"],
        triggers={"conciseness": ["filibuster"]},
        custom=[CustomTheme(id="whiteboard", label="Whiteboard", triggers=["whiteboard marker"])],
    )
    tax = build(config)
    assert "salary-negotiation" not in tax.themes
    r = refl(went_wrong=["I filibustered.", "The whiteboard marker died."], tags=["salary-negotiation"])
    assert themes_of(r, tax) == {"conciseness", "whiteboard"}
    with pytest.raises(ConfigError):
        build(ThemesConfig(disabled=["no-such-theme"]))
    with pytest.raises(ConfigError):
        build(ThemesConfig(triggers={"no-such-theme": ["x"]}))


def test_a_thousand_reflections_count_each_theme_once_per_interview_that_holds_it():
    texts = [
        "I rambled through the system design and never discussed tradeoffs.",
        "They said I came across as nervous and hadn't researched the company.",
        "I couldn't finish the coding problem and missed an edge case.",
        "When asked why I wanted the job I gave a vague answer about growth.",
    ]
    entries = [entry(n, "rejected", [texts[n % 4], texts[(n + 1) % 4]], date=dt.date(2023, 1, 1) + dt.timedelta(days=n % 700)) for n in range(1000)]
    report = analyse(entries, TAX)
    # each note is in 500 of the 1,000 (speed is measured by benchmarks/, not here)
    assert {t.id: t.count for t in report.themes} == {
        "coding": 500, "conciseness": 500, "enthusiasm": 500, "nerves-confidence": 500, "preparation-research": 500, "system-design": 500,
    }


@given(st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=24), st.integers(min_value=0, max_value=60))
def test_the_trend_verdict_never_contradicts_the_sparkline_it_is_shown_beside(counts, interviews):
    from reflect.analysis.themes import verdict

    said = verdict(counts, interviews)
    if interviews < 4 or len(counts) < 2 or sum(counts) < 3:
        assert said == "too few to tell"
        return
    half = len(counts) // 2
    earlier, recent = sum(counts[:half]), sum(counts[-half:])
    assert said != "worsening" or recent > earlier
    assert said != "improving" or (recent < earlier and counts[-1] == 0)
    assert said != "too few to tell"


def test_a_falling_sparkline_reads_improving_and_a_rising_one_worsening():
    from reflect.analysis.themes import verdict

    assert verdict([3, 2, 0, 0], 8) == "improving"
    assert verdict([0, 0, 1, 3], 8) == "worsening"
    assert verdict([1, 1, 1, 1], 8) == "steady"
    assert verdict([2], 9) == "too few to tell"
    assert verdict([0, 0, 0, 1], 8) == verdict([1, 0, 0, 0], 8) == "too few to tell"  # one interview is no trend
    assert verdict([1, 0, 0, 1], 8) == verdict([0, 0, 1, 1], 8) == "too few to tell"  # nor are two
    assert verdict([1, 1, 0, 0, 1], 8) == "steady"  # back in the latest month: not improving
