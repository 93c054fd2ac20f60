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
