import json

HAND_WRITTEN = """\
# Written by hand, as docs/format.md describes.
schema = 1
company = "Acme"
role = "Backend Engineer"
date = 2026-11-20
stage = "onsite"
format = "video"
outcome = "rejected"
interviewers = ["Dana"]
tags = ["remote"]
went_well = ["Good rapport"]
went_wrong = ["I rambled"]
lessons = ["Answer in two minutes"]
next_steps = ["Mock interview"]
fit_notes = "On-call heavy; not for me"

[ratings]
preparation = 2
confidence = 3
performance = 2
fit = 2
mood = 2

[feedback]
status = "received"
requested_on = 2026-11-21
received_on = 2026-11-25
source = "recruiter"
text = "Too long-winded"

[prep]
hours = 3.5
activities = ["LeetCode"]
notes = "Skipped company research"

[[gaps]]
kind = "skill"
detail = "never used Kafka"

[[questions]]
text = "Design a URL shortener"
kind = "system-design"
stumped = true
answer_rating = 2
better_answer = "Start from the read/write ratio"
"""


def test_hand_written_files_are_accepted(reflect, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "2026-11-20-acme.toml").write_text(HAND_WRITTEN)
    (data_dir / "minimal.toml").write_text('company = "A"\nrole = "B"\ndate = 2026-01-01\n')
    result = reflect("check")
    assert result.exit_code == 0, result.output
    assert "all valid" in result.stderr


def test_check_names_each_bad_file_and_field_and_exits_1(reflect, data_dir, log):
    log("Acme", "Dev", "2026-01-10")
    (data_dir / "typo.toml").write_text('company = "A"\nrole = "B"\ndate = 2026-01-01\noutcom = "offer"\n')
    (data_dir / "rating.toml").write_text('company = "A"\nrole = "B"\ndate = 2026-01-01\n[ratings]\nmood = 9\n')
    (data_dir / "date.toml").write_text('company = "A"\nrole = "B"\ndate = 2026-02-30\n')
    (data_dir / "binary.toml").write_bytes(b"\xff\xfe\x00junk")
    (data_dir / "empty.toml").write_text("")
    (data_dir / "dir.toml").mkdir()
    before = {p.name: p.read_bytes() for p in data_dir.glob("*.toml") if p.is_file()}
    result = reflect("check")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert f"{data_dir / 'typo.toml'}: outcom: unknown field (check the spelling; see `reflect schema`)" in lines
    assert any(line.startswith(f"{data_dir / 'rating.toml'}: ratings.mood:") for line in lines)
    for name in ("date.toml", "binary.toml", "empty.toml", "dir.toml"):
        assert any(line.startswith(str(data_dir / name)) for line in lines), name
    assert "Traceback" not in result.output
    # check never changes anything
    assert {p.name: p.read_bytes() for p in data_dir.glob("*.toml") if p.is_file()} == before
    data = json.loads(reflect("check", "--json").stdout)
    assert data["valid"] == 1


def test_path_and_schema(reflect, data_dir):
    assert reflect("path").stdout.strip() == str(data_dir)
    schema = json.loads(reflect("schema").stdout)
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"company", "role", "date"}


def test_data_dir_flag_beats_environment(reflect, tmp_path):
    other = tmp_path / "elsewhere"
    assert reflect("--data-dir", str(other), "path").stdout.strip() == str(other)


def test_messages_speak_of_the_file_not_of_python(reflect, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "types.toml").write_text(
        'company = 5\nrole = "B"\ndate = 2026-01-01T10:30:00\nstage = "panel"\n[[questions]]\ntext = ""\n'
    )
    (data_dir / "bom.toml").write_bytes(b'\xef\xbb\xbfcompany = "A"\nrole = "B"\ndate = 2026-01-01\n')
    lines = reflect("check").stdout.splitlines()
    where = str(data_dir / "types.toml")
    assert f"{where}: company: must be text in quotes" in lines
    assert f"{where}: date: must be a date like 2026-11-20, without a time" in lines
    assert any(line.startswith(f"{where}: stage: 'panel' is not allowed; use one of") for line in lines)
    assert f"{where}: questions[0].text: must not be empty" in lines
    assert not any("bom.toml" in line for line in lines)  # a byte-order mark is not an error


def test_check_says_which_files_migrate_would_bring_up_to_date(reflect, data_dir):
    data_dir.mkdir(parents=True)
    body = 'company = "A"\nrole = "B"\ndate = 2026-01-01\n'
    (data_dir / "2026-01-01-a-b.toml").write_text("#:schema file:///old/venv/site-packages/reflect/data/reflection.schema.json\n" + body)
    (data_dir / "2026-01-02-c-d.toml").write_text('company = "C"\nrole = "D"\ndate = 2026-01-02\n')
    result = reflect("check")
    assert result.exit_code == 0, result.output  # an older format is not a problem
    assert "1 file is of an older format: `reflect migrate` brings it up to date" in result.stderr
    assert json.loads(reflect("check", "--json").stdout)["outdated"] == [str(data_dir / "2026-01-01-a-b.toml")]
    assert reflect("migrate").exit_code == 0
    again = reflect("check")
    assert "older format" not in again.stderr and json.loads(reflect("check", "--json").stdout)["outdated"] == []


def test_a_decision_on_a_theme_nobody_knows_is_a_problem_of_its_file(reflect, data_dir, tmp_path, monkeypatch):
    data_dir.mkdir(parents=True)
    path = data_dir / "2026-01-01-a-b.toml"
    path.write_text('schema = 2\ncompany = "A"\nrole = "B"\ndate = 2026-01-01\n\n[themes]\ndismissed = ["preperation"]\nconfirmed = ["my-own"]\n')
    result = reflect("check")
    assert result.exit_code == 1
    assert f"{path}: themes.dismissed: no theme 'preperation'" in result.stdout
    assert f"{path}: themes.confirmed: no theme 'my-own'" in result.stdout
    assert "1 file checked in" in result.stderr  # the file is counted once, in the singular
    # a custom theme of the config is known
    config = tmp_path / "config.toml"
    config.write_text('[[themes.custom]]\nid = "my-own"\nlabel = "Mine"\ntriggers = ["mine"]\n')
    again = reflect("check")
    assert "my-own" not in again.stdout and "preperation" in again.stdout


def test_check_counts_as_older_only_what_migrate_would_change(reflect, data_dir):
    data_dir.mkdir(parents=True)
    (data_dir / "2026-01-01-a-b.toml").write_text('company = "Globex"\nrole = "B"\ndate = 2026-01-01\n')  # renamed by migrate
    (data_dir / "future.toml").write_text("#:schema file:///old/reflection.schema.json\nschema = 99\ncompany = \"F\"\nrole = \"B\"\ndate = 2026-01-01\n")
    outdated = json.loads(reflect("check", "--json").stdout)["outdated"]
    assert outdated == [str(data_dir / "2026-01-01-a-b.toml")]  # a newer schema is never touched by migrate
