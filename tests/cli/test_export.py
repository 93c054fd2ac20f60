import csv
import io
import json
import os
import stat

from markdown_it import MarkdownIt


def _journal(log):
    log("Acme", "Backend Engineer", "2026-11-20", "--stage", "onsite", "--outcome", "rejected",
        "--interviewer", "Dana Lee", "--went-wrong", "I rambled; Dana looked bored",
        "--feedback", "=Answers ran long", "--feedback-source", "recruiter Sam",
        "--stumped", "system-design:Design a URL shortener", "--tag", "remote", "--tag", "fintech")  # fmt: skip
    log("Globex", "SRE", "2026-10-01", "--outcome", "offer", "--went-well", "* great rapport [not a link](x)")


def test_json_export_holds_every_reflection_with_its_id(log, reflect):
    _journal(log)
    result = reflect("export")
    assert result.exit_code == 0, result.output
    document = json.loads(result.stdout)
    assert document["format"] == "reflect-export" and document["count"] == 2
    first = document["reflections"][0]
    assert first["id"] == "2026-11-20-acme-backend-engineer"
    assert first["interviewers"] == ["Dana Lee"] and first["feedback"]["source"] == "recruiter Sam"


def test_export_takes_the_filters_of_list(log, reflect):
    _journal(log)
    document = json.loads(reflect("export", "--outcome", "offer").stdout)
    assert [r["id"] for r in document["reflections"]] == ["2026-10-01-globex-sre"]
    assert json.loads(reflect("export", "--tag", "FINTECH").stdout)["count"] == 1


def test_csv_is_one_row_per_interview_with_lists_joined(log, reflect):
    _journal(log)
    result = reflect("export", "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(result.stdout, newline="")))
    assert [r["company"] for r in rows] == ["Acme", "Globex"]
    assert rows[0]["tags"] == "remote; fintech"
    assert rows[0]["stumped_questions"] == "Design a URL shortener"
    # a leading = would be run as a formula by a spreadsheet
    assert rows[0]["feedback_text"] == "'=Answers ran long"
    assert (rows[0]["outcome_on"], rows[0]["application"]) == ("", "")


def test_csv_and_markdown_say_when_the_outcome_came_and_which_application(log, reflect):
    first = log("Acme", "Dev", "2026-11-02")
    second = log("Acme Corp", "Senior Dev", "2026-11-09")
    assert reflect("applications", "--join", first, "--join", second).exit_code == 0
    assert reflect("outcome", second, "rejected", "--date", "2026-11-20").exit_code == 0
    rows = list(csv.DictReader(io.StringIO(reflect("export", "--format", "csv").stdout, newline="")))
    assert [(r["outcome"], r["outcome_on"]) for r in rows] == [("rejected", "2026-11-20"), ("pending", "")]
    assert rows[0]["application"] == rows[1]["application"] != ""
    text = reflect("export", "--format", "markdown").stdout
    assert "**Outcome:** rejected (2026-11-20)" in text and f"**Application:** {rows[0]['application']}" in text


def test_markdown_has_one_section_per_interview_and_user_text_stays_text(log, reflect):
    _journal(log)
    text = reflect("export", "--format", "markdown").stdout
    tokens = MarkdownIt().parse(text)
    headings = [tokens[i + 1].content for i, t in enumerate(tokens) if t.tag == "h2" and t.type == "heading_open"]
    assert headings == ["2026-10-01: Globex, SRE", "2026-11-20: Acme, Backend Engineer"]
    html = MarkdownIt().render(text)
    assert "<a " not in html and "* great rapport [not a link](x)" in html


def test_redact_drops_interviewers_and_feedback_sources_everywhere(log, reflect):
    _journal(log)
    for fmt in ("json", "markdown", "csv"):
        result = reflect("export", "--format", fmt, "--redact")
        assert result.exit_code == 0
        assert "Dana" not in result.stdout and "Sam" not in result.stdout, fmt
        assert "Lee" not in result.stdout, fmt
    document = json.loads(reflect("export", "--redact").stdout)
    acme = document["reflections"][0]
    assert "interviewers" not in acme and "source" not in acme["feedback"]
    assert acme["went_wrong"] == ["I rambled; [interviewer] looked bored"]


def test_output_file_is_private_and_never_silently_replaced(log, reflect, tmp_path):
    _journal(log)
    target = tmp_path / "out.csv"
    result = reflect("export", "--format", "csv", "--output", str(target))
    assert result.exit_code == 0 and "Exported 2" in result.stderr
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    before = target.read_bytes()
    again = reflect("export", "--output", str(target))
    assert again.exit_code == 2 and "--force" in again.stderr
    assert target.read_bytes() == before
    assert reflect("export", "--output", str(target), "--force").exit_code == 0
    assert json.loads(target.read_text())["count"] == 2


def test_export_refuses_to_write_over_a_reflection_or_into_the_data_directory(reflect, log, data_dir):
    ident = log()
    target = data_dir / f"{ident}.toml"
    before = target.read_bytes()
    for output in (target, data_dir / "export.toml", data_dir / "trash" / "x.json"):
        result = reflect("export", "--force", "--output", str(output))
        assert result.exit_code == 2
        assert "is inside the data directory" in result.stderr
    assert target.read_bytes() == before
    assert sorted(p.name for p in data_dir.iterdir() if not p.name.startswith(".")) == [f"{ident}.toml", "reflection.schema.json"]
    assert reflect("check").exit_code == 0
