import pytest

import datetime as dt
import json
import tomllib

from tests.conftest import mode


def test_log_with_flags_writes_one_private_valid_file(reflect, data_dir):
    result = reflect(
        "log", "--company", "Acme", "--role", "Backend Engineer", "--date", "2026-11-20",
        "--stage", "onsite", "--outcome", "rejected", "--went-wrong", "I rambled on the system design question",
    )
    assert result.exit_code == 0, result.output
    files = list(data_dir.glob("*.toml"))
    assert [f.name for f in files] == ["2026-11-20-acme-backend-engineer.toml"]
    assert mode(files[0]) == 0o600
    assert mode(data_dir) == 0o700
    data = tomllib.loads(files[0].read_text())
    assert data["schema"] == 2
    assert data["stage"] == "onsite"
    assert data["went_wrong"] == ["I rambled on the system design question"]
    listed = json.loads(reflect("list", "--json").stdout)
    assert [r["id"] for r in listed] == ["2026-11-20-acme-backend-engineer"]


def test_every_documented_flag_lands_in_the_file(reflect, data_dir):
    result = reflect(
        "log", "--company", "Globex", "--role", "SRE", "--date", "2026-10-01", "--stage", "technical",
        "--format", "video", "--outcome", "advanced", "--interviewer", "Ana", "--interviewer", "Bo",
        "--tag", "remote", "--went-well", "Clear intro", "--went-wrong", "Froze on Kafka",
        "--lesson", "Practise out loud", "--next-step", "Read DDIA ch. 5", "--gap", "skill:never used Kafka",
        "--question", "system-design:Design a rate limiter", "--stumped", "What is your biggest weakness?",
        "--feedback", "Strong basics, answers long", "--prep", "2", "--confidence", "3", "--performance", "3",
        "--fit", "4", "--mood", "2", "--prep-hours", "3.5", "--fit-notes", "Good team", "--json",
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(reflect("show", json.loads(result.stdout)["id"], "--json").stdout)
    assert shown["interviewers"] == ["Ana", "Bo"]
    assert shown["gaps"] == [{"kind": "skill", "detail": "never used Kafka"}]
    assert shown["questions"][0] == {"text": "Design a rate limiter", "kind": "system-design", "stumped": False}
    assert shown["questions"][1]["stumped"] is True
    assert shown["feedback"] == {"status": "received", "received_on": "2026-10-01", "text": "Strong basics, answers long"}
    assert shown["ratings"] == {"preparation": 2, "confidence": 3, "performance": 3, "fit": 4, "mood": 2}
    assert shown["prep"] == {"hours": 3.5}
    assert shown["format"] == "video"


def test_without_a_terminal_a_missing_required_field_is_a_usage_error(reflect, data_dir):
    result = reflect("log", "--role", "SRE")
    assert result.exit_code == 2
    assert "--company" in result.stderr
    assert "Traceback" not in result.output
    assert not data_dir.exists() or not list(data_dir.glob("*.toml"))


def test_an_empty_required_field_is_named_as_empty(reflect, data_dir):
    result = reflect("log", "--company", "", "--role", "Dev")
    assert result.exit_code == 2 and "--company: must not be empty" in result.stderr
    blank = reflect("log", "--company", "   ")
    assert blank.exit_code == 2
    assert blank.stderr.strip().splitlines() == ["error: --company: must not be empty; missing --role (required when reflect cannot ask: stdin is not a terminal)"]
    assert not data_dir.exists() or not list(data_dir.rglob("*.toml"))  # neither a reflection nor a draft


def test_saved_says_the_stage_and_outcome_as_recorded(reflect):
    result = reflect("log", "--company", "Acme", "--role", "Dev", "--stage", "screening", "--outcome", "hired")
    assert result.exit_code == 0, result.output
    assert "stage phone-screen, outcome offer" in result.output  # the words given, as reflect understood them


def test_a_decided_round_dated_in_the_future_is_queried_but_saved(reflect):
    later = (dt.date.today() + dt.timedelta(days=30)).isoformat()
    result = reflect("log", "--company", "Acme", "--role", "Dev", "--date", later, "--outcome", "rejected")
    assert result.exit_code == 0, result.output
    assert f"dated {later}, in the future, but its outcome is already rejected" in result.stderr
    upcoming = reflect("log", "--company", "Globex", "--role", "Dev", "--date", later)  # an interview to come
    assert upcoming.exit_code == 0 and "in the future" not in upcoming.stderr


def test_date_defaults_to_today_and_accepts_words(reflect):
    import datetime as dt

    out = json.loads(reflect("log", "--company", "A", "--role", "B", "--date", "yesterday", "--json").stdout)
    assert out["id"].startswith((dt.date.today() - dt.timedelta(days=1)).isoformat())
    out = json.loads(reflect("log", "--company", "A", "--role", "B", "--json").stdout)
    assert out["id"].startswith(dt.date.today().isoformat())


def test_bad_values_are_one_line_errors(reflect):
    for args, needle in (
        (("--date", "2026-02-30"), "--date"),
        (("--gap", "nonsense"), "--gap"),
        (("--mood", "7"), "--mood"),
        (("--stage", "lunch"), "--stage"),
    ):
        result = reflect("log", "--company", "A", "--role", "B", *args)
        assert result.exit_code == 2, (args, result.output)
        assert needle in result.stderr
        assert "Traceback" not in result.output


def test_same_name_twice_never_overwrites(log, data_dir):
    first = log("Acme", "Dev", "2026-11-20")
    second = log("Acme", "Dev", "2026-11-20")
    assert (first, second) == ("2026-11-20-acme-dev", "2026-11-20-acme-dev-2")
    assert len(list(data_dir.glob("*.toml"))) == 2


def test_names_are_ascii_slugs(log):
    assert log("Société Générale", "Ingénieur / Données", "2026-01-02") == "2026-01-02-societe-generale-ingenieur-donnees"


def test_rejection_gets_acknowledgement_mantras_and_a_next_step(reflect, tmp_path):
    (tmp_path / "config.toml").write_text('mantras = ["One interview is not my worth."]\n')
    result = reflect("log", "--company", "Acme", "--role", "Dev", "--outcome", "rejected")
    assert result.exit_code == 0
    assert "hurts" in result.stdout
    assert "One interview is not my worth." in result.stdout
    assert "reflect feedback" in result.stdout and "--status requested" in result.stdout


def test_from_file_toml_and_json_stdin(reflect, tmp_path, data_dir):
    toml_file = tmp_path / "in.toml"
    toml_file.write_text('company = "Initech"\nrole = "QA"\ndate = 2026-03-04\noutcome = "offer"\n')
    assert reflect("log", "--from-file", str(toml_file)).exit_code == 0
    result = reflect("log", "--from-file", "-", "--json", input=json.dumps({"company": "Hooli", "role": "PM", "date": "2026-03-05"}))
    assert result.exit_code == 0, result.output
    assert sorted(p.stem for p in data_dir.glob("*.toml")) == ["2026-03-04-initech-qa", "2026-03-05-hooli-pm"]


def test_from_file_invalid_names_file_and_field(reflect, tmp_path, data_dir):
    bad = tmp_path / "bad.toml"
    bad.write_text('company = "Initech"\nrole = "QA"\ndate = 2026-03-04\nratings = { mood = 9 }\n')
    result = reflect("log", "--from-file", str(bad))
    assert result.exit_code == 1
    assert f"{bad}: ratings.mood:" in result.stderr
    assert not list(data_dir.glob("*.toml"))


def test_editor_writes_reflection_from_template(reflect, data_dir, tmp_path, monkeypatch):
    script = tmp_path / "ed.py"
    script.write_text(
        "import sys, pathlib\np = pathlib.Path(sys.argv[1])\n"
        "t = p.read_text().replace('company = \"\"', 'company = \"Umbrella\"').replace('role = \"\"', 'role = \"Chemist\"')\n"
        "p.write_text(t)\n"
    )
    import sys

    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = reflect("log", "--editor", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"].endswith("-umbrella-chemist")


def test_config_defaults_fill_stage_and_format(reflect, tmp_path):
    (tmp_path / "config.toml").write_text('default_stage = "technical"\ndefault_format = "video"\n')
    out = json.loads(reflect("log", "--company", "A", "--role", "B", "--json").stdout)
    shown = json.loads(reflect("show", out["id"], "--json").stdout)
    assert (shown["stage"], shown["format"]) == ("technical", "video")
    out = json.loads(reflect("log", "--company", "A", "--role", "B", "--stage", "final", "--json").stdout)
    assert json.loads(reflect("show", out["id"], "--json").stdout)["stage"] == "final"


def test_bad_config_is_one_line_naming_the_key(reflect, tmp_path):
    (tmp_path / "config.toml").write_text('default_stage = "lunch"\n')
    result = reflect("log", "--company", "A", "--role", "B")
    assert result.exit_code == 1
    assert "default_stage" in result.stderr and "config.toml" in result.stderr


def test_flags_beside_from_file_override_its_fields(reflect, tmp_path):
    source = tmp_path / "in.toml"
    source.write_text('company = "Initech"\nrole = "QA"\ndate = 2026-03-04\nwent_wrong = ["Slow start"]\n')
    out = json.loads(reflect("log", "--from-file", str(source), "--company", "Hooli", "--outcome", "offer", "--json").stdout)
    shown = json.loads(reflect("show", out["id"], "--json").stdout)
    assert (shown["company"], shown["outcome"], shown["went_wrong"]) == ("Hooli", "offer", ["Slow start"])


def test_flags_take_the_words_people_use(reflect):
    import datetime as dt

    result = reflect(
        "log", "--company", "A", "--role", "B", "--stage", "on site", "--format", "zoom", "--outcome", "no reply",
        "--date", "2 days ago", "--prep-hours", "about 4", "--json",
    )
    assert result.exit_code == 0, result.output
    shown = json.loads(reflect("show", json.loads(result.stdout)["id"], "--json").stdout)
    assert (shown["stage"], shown["format"], shown["outcome"]) == ("onsite", "video", "ghosted")
    assert shown["date"] == (dt.date.today() - dt.timedelta(days=2)).isoformat()
    assert shown["prep"] == {"hours": 4.0}


def test_a_kind_written_without_its_dash_is_still_the_kind(reflect):
    result = reflect("log", "--company", "A", "--role", "B", "--stumped", "systemdesign:Design X",
                     "--question", "Tell me about a time: you failed", "--json")
    assert result.exit_code == 0, result.output
    shown = json.loads(reflect("show", json.loads(result.stdout)["id"], "--json").stdout)
    assert shown["questions"][0] == {"text": "Tell me about a time: you failed", "kind": "other", "stumped": False}
    assert shown["questions"][1] == {"text": "Design X", "kind": "system-design", "stumped": True}


@pytest.mark.parametrize(
    ("flag", "value", "suggestion"),
    [("--gap", "skills:foo", "'skill'"), ("--stumped", "sytem-design: Design X", "'system-design'"),
     ("--question", "behavorial: Tell me", "'behavioral'")],
)
def test_a_kind_that_is_almost_known_is_refused_with_a_suggestion(reflect, data_dir, flag, value, suggestion):
    result = reflect("log", "--company", "A", "--role", "B", flag, value)
    assert result.exit_code == 2
    assert flag in result.stderr and f"did you mean {suggestion}" in result.stderr
    assert "Traceback" not in result.output
    assert not list(data_dir.glob("*.toml"))


@pytest.mark.parametrize(("args", "needle"), [(("--prep-hours", "lots"), "like 4, 4.5, about 4"),
                                              (("--date", "someday"), "2 days ago"),
                                              (("--format", "carrier pigeon"), "zoom")])
def test_unreadable_flags_say_how_to_write_them(reflect, args, needle):
    result = reflect("log", "--company", "A", "--role", "B", *args)
    assert result.exit_code == 2
    assert needle in result.stderr and "could not convert" not in result.stderr


def test_acknowledgements_after_rejections_rotate_and_never_repeat_in_a_row(reflect):
    said = []
    for n in range(6):
        out = reflect("log", "--company", f"Co{n}", "--role", "Dev", "--outcome", "rejected").stdout
        said.append(out.split("\n\n", 1)[1].splitlines()[0])
    assert all(a != b for a, b in zip(said, said[1:]))
    assert len(set(said)) >= 3


def test_ghosted_gets_its_own_word_and_a_follow_up_step(reflect, tmp_path):
    (tmp_path / "config.toml").write_text('mantras = ["Silence is not a verdict on me."]\n')
    result = reflect("log", "--company", "Initech", "--role", "QA", "--outcome", "ghosted")
    assert result.exit_code == 0
    assert "hurts" not in result.stdout
    assert "Initech" in result.stdout and "Silence is not a verdict on me." in result.stdout
    assert "follow-up" in result.stdout and "reflect feedback" in result.stdout


def test_a_failed_save_keeps_the_answers_as_a_draft_and_says_how_to_resume(reflect, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("REFLECT_DATA_DIR", str(blocker / "journal"))
    result = reflect("log", "--company", "Acme", "--role", "Dev", "--went-wrong", "Rambled about Kafka")
    assert result.exit_code == 1
    assert "not saved" in result.stderr and "log --resume" in result.stderr
    (draft,) = (tmp_path / "state" / "drafts").glob("log-*.toml")
    assert "Rambled about Kafka" in draft.read_text()
    blocker.unlink()
    resumed = reflect("log", "--resume", "--json")  # no terminal: the draft is saved as it is
    assert resumed.exit_code == 0, resumed.output
    shown = json.loads(reflect("show", json.loads(resumed.stdout)["id"], "--json").stdout)
    assert shown["went_wrong"] == ["Rambled about Kafka"]
    assert not draft.exists()


def test_resume_without_a_draft_is_one_clear_line(reflect):
    result = reflect("log", "--resume")
    assert result.exit_code == 1
    assert "no log draft to continue" in result.stderr


def test_resume_takes_a_named_draft_and_leaves_the_others(reflect, tmp_path, monkeypatch):
    import time

    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("REFLECT_DATA_DIR", str(blocker / "journal"))
    for company in ("Acme", "Globex"):
        assert reflect("log", "--company", company, "--role", "Dev").exit_code == 1
        time.sleep(1.1)  # drafts are named by the second
    older, newer = sorted((tmp_path / "state" / "drafts").glob("log-*.toml"))
    blocker.unlink()
    result = reflect("log", "--resume", "--draft", older.stem, "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["id"].endswith("-acme-dev")
    assert not older.exists() and newer.exists()
    assert reflect("log", "--resume", "--draft", "log-1999").exit_code == 1


def test_the_next_step_command_is_printed_whole_at_any_width(reflect, monkeypatch):
    monkeypatch.setenv("COLUMNS", "60")
    result = reflect("log", "--company", "Acme", "--role", "Backend Engineer", "--date", "2026-11-20", "--outcome", "rejected")
    assert result.exit_code == 0, result.output
    assert "feedback 2026-11-20-acme-backend-engineer --status requested" in result.stdout


def test_ghosted_after_feedback_was_asked_for_is_not_told_to_follow_up_again(reflect):
    result = reflect("log", "--company", "Initech", "--role", "QA", "--outcome", "ghosted", "--feedback", "Recruiter said the role was paused")
    assert result.exit_code == 0
    assert "follow-up" not in result.stdout and "let it go" in result.stdout and "reflect themes" in result.stdout


def test_the_words_log_reads_are_read_the_same_by_outcome_and_the_filters(reflect, log):
    ident = log("Acme", "Dev", "2026-11-20", "--stage", "technical interview")
    assert reflect("outcome", ident, "no reply").exit_code == 0
    shown = json.loads(reflect("show", ident, "--json").stdout)
    assert (shown["stage"], shown["outcome"]) == ("technical", "ghosted")
    listed = json.loads(reflect("list", "--outcome", "no reply", "--stage", "technical round", "--json").stdout)
    assert [r["id"] for r in listed] == [ident]
    assert json.loads(reflect("list", "--stage", "on site", "--json").stdout) == []
    bad = reflect("list", "--outcome", "maybe")
    assert bad.exit_code == 2 and "'maybe' is not one of pending" in bad.stderr


def test_the_saved_id_and_path_are_printed_whole_at_any_width(reflect, monkeypatch, data_dir):
    monkeypatch.setenv("COLUMNS", "50")
    result = reflect("log", "--company", "Initech Worldwide", "--role", "Senior Site Reliability Engineer", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Saved 2026-11-20-initech-worldwide-senior-site-reliability-engineer" in lines
    assert f"  {data_dir / '2026-11-20-initech-worldwide-senior-site-reliability-engineer.toml'}" in lines
