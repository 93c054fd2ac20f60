"""``reflect report``: one private, self-contained HTML page of the whole search."""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from tests.conftest import mode

NAMES = ("Dana Whitfield", "Priya Ramanathan")
COMPANIES = ("Acme", "Globex", "Initech", "Umbrella", "Hooli")
STAGES = ("recruiter-screen", "phone-screen", "technical", "onsite", "final")
OUTCOMES = ("rejected", "advanced", "rejected", "offer", "pending")
WRONG = (
    "I rambled and my answers were far too long.",
    "I was nervous and my mind went blank.",
    "My system design was shallow: I never discussed scaling.",
    "I did not research the company before the call.",
)


def journal_data(count: int = 40) -> list[dict]:
    """``count`` reflections over eight months, with interviewer names in the fields and in the text."""
    start = dt.date(2026, 3, 2)
    items = []
    for i in range(count):
        name = NAMES[i % 2]
        items.append(
            {
                "company": COMPANIES[i % 5],
                "role": "Backend Engineer",
                "date": (start + dt.timedelta(days=6 * i)).isoformat(),
                "stage": STAGES[i % 5],
                "outcome": OUTCOMES[(i * 3) % 5],
                "interviewers": [name],
                "ratings": {"preparation": 1 + i % 5, "confidence": 1 + (i * 2) % 5, "mood": 1 + (i * 3) % 5},
                "went_wrong": [WRONG[i % 4], f"{name.split()[0]} cut me off twice."],
                "questions": [{"text": "Design a rate limiter", "kind": "system-design", "stumped": i % 3 == 0, "answer_rating": 1 + i % 4}],
                "feedback": {"status": "not-requested"} if i % 4 else {"status": "received", "source": f"{name} by email", "text": "Answers ran long."},
                "prep": {"hours": float(i % 6)},
            }
        )
    return items


def write_journal(reflect, tmp_path: Path, count: int = 40) -> None:
    source = tmp_path / "import.json"
    source.write_text(json.dumps(journal_data(count)), encoding="utf-8")
    result = reflect("import", str(source))
    assert result.exit_code == 0, result.output


class _Svgs(HTMLParser):
    """The text inside each <svg> of a page, and every external reference."""

    def __init__(self) -> None:
        super().__init__()
        self.charts: list[str] = []
        self.depth = 0
        self.references: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag == "svg":
            self.depth += 1
            if self.depth == 1:
                self.charts.append("")
        for name, value in attrs:
            if name in ("src", "href", "xlink:href", "action", "srcset", "poster") and value and not value.startswith("#"):
                self.references.append(value)

    def handle_endtag(self, tag):  # type: ignore[no-untyped-def]
        if tag == "svg":
            self.depth -= 1

    def handle_data(self, data):  # type: ignore[no-untyped-def]
        if self.depth:
            self.charts[-1] += data + "\n"


def parse(page: str) -> _Svgs:
    parser = _Svgs()
    parser.feed(page)
    return parser


def test_report_is_a_private_page_with_charts_naming_the_top_themes(reflect, tmp_path):
    write_journal(reflect, tmp_path)
    target = tmp_path / "report.html"
    result = reflect("report", "--output", str(target))
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600
    page = target.read_text(encoding="utf-8")
    found = parse(page)
    assert found.references == []
    assert not re.search(r"https?:|<script|@import|url\(|<link|<img|<iframe", page, re.IGNORECASE)
    assert len(found.charts) >= 3
    top = [t["label"] for t in json.loads(reflect("themes", "--json").stdout)["themes"][:3]]
    assert len(top) == 3
    heatmap = next(text for text in found.charts if "Recurring themes by" in text)
    assert all(label in heatmap for label in top)
    # the top theme is named by the heatmap, the outcome contrast and the plan's progress
    assert sum(1 for text in found.charts if top[0] in text) >= 3
    # the private page names whom to ask for feedback
    assert "Dana Whitfield" in page


def test_each_section_says_in_words_what_it_shows(reflect, tmp_path):
    write_journal(reflect, tmp_path)
    page = reflect("report", "--output", "-").stdout
    readings = re.findall(r'<section id="([a-z]+)"><h2>[^<]*</h2><p class="reading">(.*?)</p>', page)
    assert [anchor for anchor, _ in readings] == ["themes", "funnel", "prep", "mood", "plan", "questions", "feedback"]
    said = dict(readings)
    assert "came up most, in" in said["themes"] and "of 40 interviews" in said["themes"]
    assert said["funnel"].startswith("40 interviews:") and "as often at recruiter-screen as at final (8 each)" in said["funnel"]  # a tie
    assert "had preparation" in said["prep"]
    assert "your mood typically came back to usual within" in said["mood"]
    assert "questions stumped you" in said["questions"] or "question stumped you" in said["questions"]
    assert "Feedback is still to come for" in said["feedback"]


def test_redact_leaves_out_interviewer_names_and_feedback_sources(reflect, tmp_path):
    write_journal(reflect, tmp_path)
    private = reflect("report", "--output", "-").stdout
    assert "Dana Whitfield" in private and "Priya Ramanathan" in private  # beside each interview's mood
    page = reflect("report", "--redact", "--output", "-").stdout
    for word in ("Dana", "Whitfield", "Priya", "Ramanathan", "by email"):
        assert word not in page
    assert "Redacted for sharing" in page and "<th>ask</th>" not in page


def test_report_does_not_record_the_plan(reflect, tmp_path, data_dir):
    write_journal(reflect, tmp_path)
    page = reflect("report", "--output", "-").stdout
    assert not (data_dir / "state" / "plan.toml").exists()
    plan = json.loads(reflect("plan", "--json").stdout)["focus"]
    chart = page[page.index('data-chart="plan"') :]
    shown = re.findall(r'data-key="([^"]+)"', chart[: chart.index("</svg>")])
    assert shown == [f["theme"] for f in plan] and len(shown) == 3
    for action in (a for f in plan for a in f["actions"]):
        assert action["text"] in html.unescape(page)


def test_it_replaces_an_earlier_report_but_nothing_else_without_force(reflect, tmp_path):
    write_journal(reflect, tmp_path, 6)
    target = tmp_path / "report.html"
    assert reflect("report", "-O", str(target)).exit_code == 0
    assert reflect("report", "-O", str(target)).exit_code == 0  # an earlier report: replaced
    notes = tmp_path / "notes.html"
    notes.write_text("<p>my own notes</p>", encoding="utf-8")
    result = reflect("report", "-O", str(notes))
    assert result.exit_code == 2
    assert "not a reflect report" in result.stderr and "--force" in result.stderr
    assert notes.read_text(encoding="utf-8") == "<p>my own notes</p>"
    assert reflect("report", "-O", str(notes), "--force").exit_code == 0
    assert "<svg" in notes.read_text(encoding="utf-8") and mode(notes) == 0o600


def test_it_writes_into_an_existing_folder_only(reflect, tmp_path):
    write_journal(reflect, tmp_path, 3)
    result = reflect("report", "--output", str(tmp_path / "typo" / "report.html"))
    assert result.exit_code == 2 and "no folder" in result.stderr
    assert not (tmp_path / "typo").exists()
    result = reflect("report", "--output", str(tmp_path))
    assert result.exit_code == 2 and "is a folder" in result.stderr


def test_default_name_is_dated_in_the_current_directory(reflect, tmp_path, monkeypatch):
    write_journal(reflect, tmp_path, 4)
    monkeypatch.chdir(tmp_path)
    result = reflect("report")
    assert result.exit_code == 0, result.output
    made = tmp_path / f"reflect-report-{dt.date.today().isoformat()}.html"
    assert made.exists() and mode(made) == 0o600
    assert str(made.name) in result.stderr


def test_filters_as_in_list(reflect, tmp_path):
    write_journal(reflect, tmp_path)
    page = reflect("report", "--company", "acme", "--since", "2026-05-01", "--output", "-").stdout
    assert "only: company acme; since 2026-05-01" in page
    assert "Globex" not in page and "Acme" in page
    contains = reflect("report", "--contains", "mind went blank", "--output", "-")
    assert contains.exit_code == 0, contains.output
    assert "10 interviews" in contains.stdout


def test_user_text_stays_text(log, reflect):
    log("<script>alert(1)</script>", "Dev \x1b[31m", "2026-11-20", "--outcome", "rejected", "--mood", "2",
        "--went-wrong", "I <b>rambled</b> & \"over-explained\"", "--went-wrong", "I rambled again")  # fmt: skip
    log("Acme", "Dev", "2026-11-21", "--went-wrong", "I rambled on and on", "--mood", "4")
    page = reflect("report", "--output", "-").stdout
    assert "<script" not in page and "<b>rambled" not in page and "\x1b" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page and "Dev \\x1b[31m" in page


def test_an_empty_journal_gives_a_page_that_says_so(reflect):
    result = reflect("report", "--output", "-")
    assert result.exit_code == 0, result.output
    assert "0 interviews, no interviews yet" in result.stdout
    assert "No weakness has come back" in result.stdout


def test_a_broken_plan_file_is_reported_and_left_alone(reflect, tmp_path, data_dir):
    write_journal(reflect, tmp_path, 6)
    (data_dir / "state").mkdir(exist_ok=True)
    broken = data_dir / "state" / "plan.toml"
    broken.write_text("garbage = [", encoding="utf-8")
    result = reflect("report", "--output", "-")
    assert result.exit_code == 0
    assert "plan.toml" in result.stderr and "without its progress" in result.stderr
    assert broken.read_text(encoding="utf-8") == "garbage = ["
    assert 'data-chart="plan"' in result.stdout


def test_redact_also_leaves_out_the_words_the_config_marks_private(log, reflect):
    import os

    for day in ("2026-10-01", "2026-10-08"):
        log("Acme", "Dev", day, "--outcome", "rejected", "--went-wrong", "I rambled about Project Falcon for ten minutes.")
    Path(os.environ["REFLECT_CONFIG"]).write_text('private = ["Project Falcon"]\n', encoding="utf-8")
    assert "Project Falcon" in reflect("report", "--output", "-").stdout
    assert "Project Falcon" not in reflect("report", "--redact", "--output", "-").stdout


def test_themes_you_confirmed_are_shown_as_such(log, reflect):
    first = log("Acme", "Dev", "2026-10-01", "--outcome", "rejected", "--went-wrong", "I rambled on and on.")
    log("Globex", "Dev", "2026-10-08", "--outcome", "rejected", "--went-wrong", "My answers went on and on.")
    assert "confirmed by you" not in reflect("report", "--output", "-").stdout
    assert reflect("confirm", first, "conciseness").exit_code == 0
    assert "1 confirmed by you" in reflect("report", "--output", "-").stdout


def test_the_outcome_tiles_add_up_to_the_interviews(log, reflect):
    log("Acme", "Dev", "2026-11-02", "--outcome", "offer")
    log("Globex", "Dev", "2026-11-03", "--outcome", "rejected")
    log("Initech", "Dev", "2026-11-04", "--outcome", "ghosted")
    page = reflect("report", "--output", "-").stdout
    tiles = dict((name, int(n)) for n, name in re.findall(r'<div class="tile"><b>(\d+)</b>([a-z]+)</div>', page))
    assert tiles["interviews"] == 3 and tiles["ghosted"] == 1
    assert sum(n for name, n in tiles.items() if name != "interviews") == 3
    assert "withdrew" not in tiles  # none: no empty tile for it


def test_dash_o_with_a_file_name_says_that_o_is_the_outcome_and_names_dash_capital_o(reflect, tmp_path):
    result = reflect("report", "-o", str(tmp_path / "report.html"))
    assert result.exit_code == 2
    assert "-o is --outcome; a file to write to is -O FILE" in result.stderr
    assert not (tmp_path / "report.html").exists()
