import json
from types import SimpleNamespace

import pytest


@pytest.fixture
def journal(log):
    """A dozen interviews; the first Acme round went badly, the user is about to go back."""
    log("Acme", "Backend Engineer", "2026-01-10", "--stage", "phone-screen", "--outcome", "advanced",
        "--question", "about-me:Walk me through your CV", "--stumped", "behavioral:Tell me about a conflict with a colleague",
        "--feedback", "Good energy but answers ran long", "--went-wrong", "I rambled on the conflict story",
        "--performance", "3")
    for i, company in enumerate(["Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne", "Tyrell", "Cyberdyne", "Soylent", "Wonka"]):
        extra = ["--stage", "onsite" if i % 2 else "technical", "--outcome", "rejected" if i % 3 == 0 else "advanced",
                 "--went-wrong", "My answers ran long again"]
        if i == 1:
            extra += ["--stumped", "system-design:Design a rate limiter"]
        if i == 2:
            extra += ["--stumped", "coding:Find the median of two sorted arrays"]
        log(company, "Backend Engineer" if i % 2 else "Data Engineer", f"2026-02-{i + 1:02d}", *extra)
    return log("Acme Corp", "Backend Engineer", "2026-01-20", "--stage", "technical", "--outcome", "advanced",
               "--stumped", "coding:Implement an LRU cache")


def brief_json(reflect, *args) -> dict:
    result = reflect("brief", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_second_acme_interview_names_earlier_questions_and_feedback(reflect, journal):
    data = brief_json(reflect, "acme", "--stage", "onsite")
    assert data["analysed"] == 12
    assert [p["date"] for p in data["past_interviews"]] == ["2026-01-20", "2026-01-10"]
    first = data["past_interviews"][1]
    assert first["feedback"]["text"] == "Good energy but answers ran long"
    assert {q["text"] for q in first["questions"]} == {"Walk me through your CV", "Tell me about a conflict with a colleague"}
    # onsite brings system design, coding and behavioural questions; the Acme ones first
    stumped = [q["text"] for q in data["stumped_questions"]]
    assert set(stumped[:2]) == {"Tell me about a conflict with a colleague", "Implement an LRU cache"}
    assert "Design a rate limiter" in stumped
    assert data["stage_kinds"] == ["system-design", "coding", "behavioral", "technical"]

    text = reflect("brief", "Acme", "--stage", "onsite").stdout
    assert "Earlier interviews with Acme" in text
    assert "Good energy but answers ran long" in text and "Tell me about a conflict with a colleague" in text


def test_stage_picks_the_kinds_of_question(reflect, journal):
    data = brief_json(reflect, "Acme", "--stage", "phone-screen")
    assert [q["text"] for q in data["stumped_questions"]] == ["Tell me about a conflict with a colleague"]


def test_unknown_company_gives_a_general_brief(reflect, journal):
    data = brief_json(reflect, "Nowhere Ltd", "--role", "Backend Engineer")
    assert data["past_interviews"] == []
    assert data["similar_interviews"] and all(p["role"] == "Backend Engineer" for p in data["similar_interviews"])
    assert any("No earlier interview with Nowhere Ltd" in n for n in data["needs"])
    assert reflect("brief").exit_code == 0


def test_empty_journal_says_what_it_needs(reflect):
    result = reflect("brief", "Acme")
    assert result.exit_code == 0
    assert "Your journal is empty" in result.stdout and "reflect log" in result.stdout


def test_mantras_and_markdown(reflect, journal, tmp_path):
    (tmp_path / "config.toml").write_text('mantras = ["Rejection is redirection"]\n')
    markdown = reflect("brief", "Acme", "--markdown").stdout
    assert markdown.startswith("# Brief for your next interview at Acme (Backend Engineer)")
    assert "## Earlier interviews with Acme" in markdown
    assert "- Rejection is redirection" in markdown
    assert brief_json(reflect, "Acme")["mantras"] == ["Rejection is redirection"]


def test_markdown_escapes_user_text(reflect, log):
    log("Acme", "Dev", "2026-01-10", "--stumped", "coding:Use *stars* and [links](x) | pipes")
    markdown = reflect("brief", "Acme", "--markdown").stdout
    assert r"Use \*stars\* and \[links\](x) \| pipes" in markdown


def test_weaknesses_come_with_a_reminder_made_from_the_numbers(journal):
    from reflect.analysis.brief import weaknesses_from_report
    from reflect.cli.context import Application

    entries = Application().journal.load_all().entries
    newest = [e.id for e in entries[:6]]
    report = SimpleNamespace(themes=[SimpleNamespace(id="conciseness", label="Conciseness", count=9, interviews=newest[:4]),
                                     SimpleNamespace(id="made-up", label="Something else", count=2, interviews=[entries[-1].id])])
    conciseness, other = weaknesses_from_report(report, entries)
    assert conciseness.reminder == "answer in under two minutes, headline first: you ran long in 4 of your last 6"
    assert (other.count, other.of_last) == (2, 12)  # not in the last six: counted over the journal
    assert other.reminder.endswith("it came up in 2 of your last 12")


def test_with_the_theme_engine_the_top_weakness_is_named(reflect, journal):
    data = brief_json(reflect, "Acme")
    top = data["weaknesses"][0]
    assert top["theme"] == "conciseness"
    assert "of your last 6" in top["reminder"]


def test_checklist_from_the_plan_or_a_note_that_it_is_missing(reflect, log):
    import importlib.util

    log("Acme", "Dev", "2026-01-10", "--gap", "preparation:never read their engineering blog")
    data = brief_json(reflect, "Acme")
    if importlib.util.find_spec("reflect.analysis.plan") is None:
        assert data["plan_available"] is False and data["checklist"] is None
        assert "plan not available" in reflect("brief", "Acme").stdout
    else:
        assert any("never read their engineering blog" in item for item in data["checklist"])


def test_brief_and_plan_agree_on_the_top_weaknesses(reflect, log):
    import json

    for n, company in enumerate(["A1", "A2", "A3", "A4"]):
        log(company, "Dev", f"2026-0{n + 1}-10", "--outcome", "rejected", "--went-wrong", "I rambled and my answers ran long")
    for n, company in enumerate(["B1", "B2", "B3"]):
        log(company, "Dev", f"2026-0{n + 5}-10", "--outcome", "offer", "--went-wrong", "I was nervous at the start")
    log("C1", "Dev", "2026-08-10", "--outcome", "rejected", "--went-wrong", "I hadn't researched the company")
    log("C2", "Dev", "2026-08-20", "--outcome", "offer", "--went-wrong", "I had not researched their product")
    plan = [f["theme"] for f in json.loads(reflect("plan", "--json").stdout)["focus"]]
    brief = [w["theme"] for w in json.loads(reflect("brief", "--json").stdout)["weaknesses"]]
    assert brief[: len(plan)] == plan
