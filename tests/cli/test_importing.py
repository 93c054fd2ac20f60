import datetime as dt
import json
import os
import stat
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.vocab import FeedbackStatus, Format, GapKind, Outcome, QuestionKind, Stage


def _files(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.glob("*.toml")}


def test_a_json_export_imported_into_an_empty_journal_reproduces_it(log, reflect, tmp_path, monkeypatch):
    log("Acme", "Dev", "2026-01-10", "--outcome", "rejected", "--went-wrong", "Rambled", "--interviewer", "Dana")
    log("Acme", "Dev", "2026-01-10", "--outcome", "offer")  # same natural id: saved as -2
    log("Globex", "SRE", "2026-03-01", "--stumped", "coding:Reverse a list", "--prep-hours", "2.5")
    original = Path(os.environ["REFLECT_DATA_DIR"])
    export = tmp_path / "export.json"
    assert reflect("export", "--output", str(export)).exit_code == 0

    empty = tmp_path / "other"
    result = reflect("--data-dir", str(empty), "import", str(export))
    assert result.exit_code == 0, result.output
    assert _files(empty) == _files(original)
    assert {stat.S_IMODE(os.stat(p).st_mode) for p in empty.glob("*.toml")} == {0o600}
    assert "added 3" in result.stderr


def test_dry_run_shows_what_would_be_added_and_writes_nothing(log, reflect, tmp_path):
    log("Acme", "Dev", "2026-01-10")
    export = tmp_path / "export.json"
    reflect("export", "--output", str(export))
    empty = tmp_path / "other"
    result = reflect("--data-dir", str(empty), "import", str(export), "--dry-run")
    assert result.exit_code == 0
    assert "would add 2026-01-10-acme-dev" in result.stdout
    assert not empty.exists()


def test_reflections_already_held_are_skipped_and_taken_ids_get_the_next_free_name(log, reflect, tmp_path, data_dir):
    ident = log("Acme", "Dev", "2026-01-10", "--outcome", "rejected")
    export = tmp_path / "export.json"
    reflect("export", "--output", str(export))
    again = reflect("import", str(export))
    assert again.exit_code == 0
    assert f"already have {ident}" in again.stdout and len(_files(data_dir)) == 1

    # Another journal where that id holds a different interview.
    other = tmp_path / "other"
    reflect("--data-dir", str(other), "log", "--company", "Acme", "--role", "Dev", "--date", "2026-01-10", "--outcome", "offer")
    result = reflect("--data-dir", str(other), "import", str(export), "--json")
    steps = json.loads(result.stdout)["steps"]
    assert steps == [{"source": f"{export}:reflections[0]", "action": "rename", "wanted": ident, "id": f"{ident}-2"}]
    assert (other / f"{ident}-2.toml").read_bytes() == (data_dir / f"{ident}.toml").read_bytes()
    # Importing the same export twice adds nothing the second time.
    assert json.loads(reflect("--data-dir", str(other), "import", str(export), "--json").stdout)["steps"][0]["action"] == "have"


def test_every_rejected_record_is_reported_with_its_reason(reflect, tmp_path, data_dir):
    bad = tmp_path / "mixed.json"
    bad.write_text(json.dumps({"format": "reflect-export", "reflections": [
        {"id": "ok", "company": "Acme", "role": "Dev", "date": "2026-01-10"},
        {"company": "Acme", "date": "not a date"},
        {"id": "../escape", "company": "A", "role": "B", "date": "2026-01-10"},
        {"company": "A", "role": "B", "date": "2026-01-10", "colour": "blue"},
    ]}))  # fmt: skip
    result = reflect("import", str(bad))
    assert result.exit_code == 1
    assert "added ok" in result.stdout and (data_dir / "ok.toml").exists()
    errors = result.stderr.splitlines()
    assert any("reflections[1]: role: required field is missing; date:" in e for e in errors)
    assert any("reflections[2]: id: not a reflection id" in e for e in errors)
    assert any("reflections[3]: colour: unknown field" in e for e in errors)
    assert "rejected 3" in result.stderr
    assert not (tmp_path / "escape.toml").exists()


def test_a_folder_of_toml_and_json_files_keeps_toml_names_as_ids(reflect, tmp_path, data_dir):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "2026-02-02-initech-qa.toml").write_text('company = "Initech"\nrole = "QA"\ndate = 2026-02-02\n')
    (folder / "one.json").write_text(json.dumps({"company": "Hooli", "role": "PM", "date": "2026-02-03"}))
    (folder / "broken.toml").write_text("company = \n")
    (folder / "notes.txt").write_text("ignored")
    result = reflect("import", str(folder))
    assert result.exit_code == 1
    assert sorted(_files(data_dir)) == ["2026-02-02-initech-qa.toml", "2026-02-03-hooli-pm.toml"]
    assert "broken.toml: company: not valid TOML" in result.stderr
    assert _files(data_dir)["2026-02-02-initech-qa.toml"].startswith(b"#:schema ")


def test_importing_what_list_json_prints_works_too(log, reflect, tmp_path):
    log("Acme", "Dev", "2026-01-10")
    listing = tmp_path / "list.json"
    listing.write_text(reflect("list", "--json").stdout)
    result = reflect("--data-dir", str(tmp_path / "other"), "import", str(listing))
    assert result.exit_code == 0 and "added 2026-01-10-acme-dev" in result.stdout


def test_a_missing_source_is_an_error(reflect, tmp_path):
    result = reflect("import", str(tmp_path / "nope.json"))
    assert result.exit_code == 1 and "no such file" in result.stderr


# Any valid reflection survives a JSON export and an import unchanged.

_text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=30)
_name = _text.filter(lambda s: s.strip() != "")
_day = st.dates(dt.date(1990, 1, 1), dt.date(2100, 12, 31))
_rating = st.none() | st.integers(1, 5)
_reflection = st.fixed_dictionaries(
    {"company": _name, "role": _name, "date": _day},
    optional={
        "stage": st.sampled_from([s.value for s in Stage]),
        "format": st.sampled_from([f.value for f in Format]),
        "outcome": st.sampled_from([o.value for o in Outcome]),
        "interviewers": st.lists(_text, max_size=3),
        "tags": st.lists(_text, max_size=3),
        "went_well": st.lists(_text, max_size=3),
        "went_wrong": st.lists(_text, max_size=3),
        "lessons": st.lists(_text, max_size=2),
        "next_steps": st.lists(_text, max_size=2),
        "fit_notes": _text,
        "ratings": st.fixed_dictionaries({k: _rating for k in ("preparation", "confidence", "performance", "fit", "mood")}),
        "gaps": st.lists(st.fixed_dictionaries({"kind": st.sampled_from([g.value for g in GapKind]), "detail": _text}), max_size=2),
        "questions": st.lists(st.fixed_dictionaries(
            {"text": _text.filter(bool)},
            optional={"kind": st.sampled_from([q.value for q in QuestionKind]), "stumped": st.booleans(),
                      "answer_rating": _rating, "better_answer": st.none() | _text}), max_size=2),
        "feedback": st.fixed_dictionaries({}, optional={
            "status": st.sampled_from([f.value for f in FeedbackStatus]), "requested_on": _day, "received_on": _day,
            "source": _text, "text": _text}),
        "prep": st.fixed_dictionaries({}, optional={
            "hours": st.floats(0, 10_000, allow_nan=False), "activities": st.lists(_text, max_size=2), "notes": _text}),
    },
)  # fmt: skip


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=_reflection)
def test_any_valid_reflection_survives_json_export_and_import(reflect, data):
    from reflect.journal import Journal
    from reflect.models import Reflection

    reflection = Reflection.model_validate(data)
    with tempfile.TemporaryDirectory() as tmp:
        source, target, export = Path(tmp, "a"), Path(tmp, "b"), Path(tmp, "export.json")
        entry = Journal(source).add(reflection)
        assert reflect("--data-dir", str(source), "export", "--output", str(export)).exit_code == 0
        result = reflect("--data-dir", str(target), "import", str(export))
        assert result.exit_code == 0, result.output
        imported = Journal(target).get(entry.id)
        assert imported.reflection == reflection
        assert imported.path.read_bytes() == entry.path.read_bytes()


def test_csv_and_markdown_exports_are_refused_with_a_hint(reflect, tmp_path):
    for name in ("journal.csv", "journal.md"):
        path = tmp_path / name
        path.write_text("id,company\n")
        result = reflect("import", str(path))
        assert result.exit_code == 1
        assert "import a JSON export" in result.output


def test_one_record_with_a_300_character_id_is_rejected_and_the_others_imported_and_committed(reflect, log, tmp_path, data_dir):
    import json as json_module

    for company in ("Acme", "Globex", "Initech"):
        log(company)
    export = json_module.loads(reflect("export").stdout)
    export["reflections"][1]["id"] = "x" * 300
    source = tmp_path / "export.json"
    source.write_text(json_module.dumps(export))
    other = tmp_path / "other"
    assert reflect("--data-dir", str(other), "init", "--git").exit_code == 0
    result = reflect("--data-dir", str(other), "import", str(source))
    assert result.exit_code == 1
    assert "rejected" in result.stderr and "id is 300 bytes long, above the 200-byte limit" in result.stderr
    assert "added 2, already had 0, rejected 1" in result.stderr
    assert len(list(other.glob("*.toml"))) == 2
    status = reflect("--data-dir", str(other), "git", "status", "--porcelain")
    assert status.stdout.strip() == ""


def test_a_reflection_too_large_to_read_back_is_refused_when_importing_with_the_limit_named(reflect, log, tmp_path, data_dir):
    import json as json_module

    log("Acme")
    export = json_module.loads(reflect("export").stdout)
    big = dict(export["reflections"][0], id="big", company="Big", went_wrong=["y" * 1_300_000])
    export["reflections"].append(big)
    source = tmp_path / "export.json"
    source.write_text(json_module.dumps(export))
    for _ in range(2):  # a second import adds no unreadable copy either
        result = reflect("import", str(source))
        assert "above the 1,048,576-byte limit" in result.stderr
        assert result.exit_code == 1
    assert sorted(p.name for p in data_dir.glob("*.toml")) == [f"{export['reflections'][0]['id']}.toml"]
    assert reflect("check").exit_code == 0
