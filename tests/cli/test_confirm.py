"""reflect confirm, dismiss and undecide: the user's word on a reflection's themes wins
everywhere and teaches the engine their wording (driven through the real CLI)."""

from __future__ import annotations

import json
import tempfile
import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

RAMBLED = "I rambled on and on."
HELICOPTER = "I was helicoptering over every detail of the rollout plan."
LATER = "Helicoptering over the details of the rollout again."


def _evidence(reflect, theme: str, data_dir=None) -> list[dict]:
    args = ("--data-dir", str(data_dir)) if data_dir else ()
    result = reflect(*args, "themes", "--json", "--min-count", "1")
    assert result.exit_code == 0, result.output
    found = [t for t in json.loads(result.stdout)["themes"] if t["id"] == theme]
    return found[0]["evidence"] if found else []


def test_dismiss_removes_a_theme_the_engine_found_and_show_carries_it(reflect, log, data_dir):
    ident = log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    assert [e["id"] for e in _evidence(reflect, "conciseness")] == [ident]
    result = reflect("dismiss", ident[:10], "conciseness", "--json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["dismissed"] == ["conciseness"]
    assert _evidence(reflect, "conciseness") == []
    shown = json.loads(reflect("show", ident, "--json").stdout)
    assert shown["themes"] == {"dismissed": ["conciseness"]} and shown["schema"] == 2
    assert tomllib.loads((data_dir / f"{ident}.toml").read_text())["themes"] == {"dismissed": ["conciseness"]}
    assert reflect("check").exit_code == 0


def test_confirm_adds_a_theme_the_engine_did_not_find_with_its_note_as_confirmed_evidence(reflect, log):
    ident = log("Acme", "Dev", "2026-01-10", "--went-wrong", HELICOPTER)
    assert _evidence(reflect, "attitude-professionalism") == []
    assert reflect("confirm", ident, "attitude-professionalism").exit_code == 0
    evidence = _evidence(reflect, "attitude-professionalism")
    assert [(e["id"], e["kind"], e["status"], e["text"]) for e in evidence] == [(ident, "confirmed", "confirmed", HELICOPTER)]


def test_confirming_a_possible_theme_makes_its_evidence_count(reflect, log):
    unsure = "Lost my train of thought twice."  # clarity, but only possible on its own
    ident = log("Acme", "Dev", "2026-01-10", "--went-wrong", unsure)
    before = json.loads(reflect("themes", "--json", "--min-count", "1").stdout)
    assert [p["id"] for p in before["possible"]] == ["clarity"] and _evidence(reflect, "clarity") == []
    assert reflect("confirm", ident, "clarity").exit_code == 0
    after = json.loads(reflect("themes", "--json", "--min-count", "1").stdout)
    assert after["possible"] == []
    evidence = _evidence(reflect, "clarity")
    assert [(e["id"], e["kind"], e["status"], e["text"]) for e in evidence] == [(ident, "text", "confirmed", unsure)]


def test_a_later_note_in_the_words_of_a_confirmed_one_is_suggested_for_its_theme(reflect, log):
    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", HELICOPTER)
    later = log("Globex", "SRE", "2026-01-12", "--went-wrong", LATER)
    other = log("Initech", "SRE", "2026-01-14", "--went-wrong", "The office was cold.")
    assert later not in [e["id"] for e in _evidence(reflect, "attitude-professionalism")]  # not before
    result = reflect("confirm", first, "attitude-professionalism")
    assert "learned" in result.stdout and HELICOPTER in result.stdout
    evidence = {e["id"]: e for e in _evidence(reflect, "attitude-professionalism")}
    assert set(evidence) == {first, later}  # not the note in other words
    assert (evidence[later]["kind"], evidence[later]["status"], evidence[later]["text"]) == ("learned", "suggested", LATER)
    assert other not in evidence
    listed = json.loads(reflect("themes", "--learned", "--json").stdout)
    assert [(w["theme"], w["kind"], w["source"]) for w in listed] == [("attitude-professionalism", "confirmed", first)]
    # Forgetting the wording takes the suggestion back; the decision on `first` stays.
    assert reflect("themes", "--forget", "1").exit_code == 0
    assert [e["id"] for e in _evidence(reflect, "attitude-professionalism")] == [first]


def test_a_dismissed_wording_stops_being_suggested_for_that_theme(reflect, log):
    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", "My answers rambled on about the billing migration.")
    later = log("Globex", "SRE", "2026-01-12", "--went-wrong", "My answers rambled on about the billing migration again.")
    assert {e["id"] for e in _evidence(reflect, "conciseness")} == {first, later}
    assert reflect("dismiss", first, "conciseness").exit_code == 0
    assert _evidence(reflect, "conciseness") == []
    # ... unless the user says otherwise on that reflection: a decision beats what was learned.
    assert reflect("confirm", later, "conciseness").exit_code == 0
    assert [(e["id"], e["status"]) for e in _evidence(reflect, "conciseness")] == [(later, "confirmed")]


def test_undecide_takes_a_decision_back_and_forgets_what_it_taught(reflect, log):
    ident = log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    reflect("dismiss", ident, "conciseness")
    undone = reflect("undecide", ident, "conciseness")
    assert undone.exit_code == 0 and f"{ident}: took back conciseness" in undone.stdout
    again = reflect("undecide", ident, "conciseness", "--json")
    assert json.loads(again.stdout)["undone"] == []
    assert f"{ident}: nothing to take back" in reflect("undecide", ident, "conciseness").stdout
    assert [e["status"] for e in _evidence(reflect, "conciseness")] == ["suggested"]
    assert json.loads(reflect("themes", "--learned", "--json").stdout) == []
    assert "themes" not in json.loads(reflect("show", ident, "--json").stdout)


@pytest.mark.parametrize(("args", "message"), [
    (("confirm", "2026-01-10", "no-such-theme"), "no theme 'no-such-theme'"),
    (("dismiss", "1999", "conciseness"), "no reflection '1999'"),
    (("confirm", "2026-01-10", "Not A Theme"), "no theme 'Not A Theme'"),
    (("confirm", "2026-01-10", "nerves"), "no theme 'nerves': did you mean nerves-confidence?"),
    (("dismiss", "2026-01-10", "preperation-research"), "did you mean preparation-research?"),
])
def test_an_unknown_theme_or_id_is_one_line_and_a_non_zero_exit(reflect, log, data_dir, args, message):
    ident = log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    before = (data_dir / f"{ident}.toml").read_bytes()
    result = reflect(*args)
    assert result.exit_code != 0
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.output
    assert (data_dir / f"{ident}.toml").read_bytes() == before


def test_themes_say_how_many_hits_are_confirmed_and_how_often_the_user_agreed(reflect, log):
    a = log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    b = log("Globex", "SRE", "2026-01-12", "--went-wrong", "My answers were far too long.")
    log("Initech", "SRE", "2026-01-14", "--went-wrong", "I went on and on and on.")
    reflect("confirm", a, "conciseness")
    reflect("dismiss", b, "conciseness")
    report = json.loads(reflect("themes", "--json").stdout)
    assert report["agreement"] == {"confirmed": 1, "decided": 2}
    table = reflect("themes", "--min-count", "1").stdout
    assert "You confirmed 1 of 2 suggestions" in table and "1 confirmed by you" in table


def test_an_export_imported_into_an_empty_journal_gives_the_same_themes(reflect, log, tmp_path):
    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", HELICOPTER, "--went-wrong", RAMBLED)
    log("Globex", "SRE", "2026-01-12", "--went-wrong", LATER)
    reflect("confirm", first, "attitude-professionalism")
    reflect("dismiss", first, "conciseness")
    exported = tmp_path / "export.json"
    exported.write_text(reflect("export", "--format", "json").stdout)
    other = tmp_path / "other"
    assert reflect("--data-dir", str(other), "import", str(exported)).exit_code == 0
    mine = json.loads(reflect("themes", "--json", "--min-count", "1").stdout)
    theirs = json.loads(reflect("--data-dir", str(other), "themes", "--json", "--min-count", "1").stdout)
    assert mine["themes"] == theirs["themes"] and mine["themes"]
    assert json.loads(reflect("--data-dir", str(other), "show", first, "--json").stdout)["themes"] == {
        "confirmed": ["attitude-professionalism"], "dismissed": ["conciseness"]}


def test_a_theme_both_confirmed_and_dismissed_is_an_error_naming_the_field(reflect, data_dir):
    data_dir.mkdir()
    (data_dir / "2026-01-10-acme.toml").write_text(
        'schema = 2\ncompany = "Acme"\nrole = "Dev"\ndate = 2026-01-10\n\n[themes]\nconfirmed = ["clarity"]\ndismissed = ["clarity"]\n')
    result = reflect("check")
    assert result.exit_code == 1
    assert "themes.dismissed: clarity is also confirmed" in result.stdout


def test_plan_and_brief_count_decisions(reflect, log):
    for day in ("2026-01-10", "2026-01-12", "2026-01-14"):
        ident = log("Acme", "Dev", day, "--went-wrong", RAMBLED, "--outcome", "rejected")
        reflect("dismiss", ident, "conciseness")
    plan = json.loads(reflect("plan", "--json").stdout)
    assert "conciseness" not in json.dumps(plan["focus"])


_ids = st.lists(st.sampled_from(["conciseness", "clarity", "coding", "system-design", "role-fit", "enthusiasm"]), unique=True, max_size=6)
_tables = _ids.flatmap(lambda ids: st.integers(0, len(ids)).map(lambda k: {"confirmed": ids[:k], "dismissed": ids[k:]}))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(table=_tables)
def test_any_decisions_survive_toml_and_export_and_import(reflect, table):
    from reflect.journal import Journal
    from reflect.models import validate_reflection

    reflection = validate_reflection({"company": "Acme", "role": "Dev", "date": "2026-01-10", "went_wrong": [RAMBLED], "themes": table})
    with tempfile.TemporaryDirectory() as tmp:
        source, target, export = Path(tmp, "a"), Path(tmp, "b"), Path(tmp, "export.json")
        entry = Journal(source).add(reflection)
        assert Journal(source).get(entry.id).reflection.themes == reflection.themes
        assert reflect("--data-dir", str(source), "export", "--output", str(export)).exit_code == 0
        assert reflect("--data-dir", str(target), "import", str(export)).exit_code == 0
        imported = Journal(target).get(entry.id)
        assert imported.reflection == reflection
        assert imported.path.read_bytes() == entry.path.read_bytes()
        shown = json.loads(reflect("--data-dir", str(target), "themes", "--json", "--min-count", "1").stdout)
        found = {t["id"] for t in shown["themes"]}
        assert set(table["confirmed"]) <= found and not set(table["dismissed"]) & found


def test_ids_and_themes_complete_in_the_shell(log):
    from tests.cli.test_complete import _complete

    log("Acme", "Dev", "2026-01-10")
    assert _complete("reflect confirm 2026-01") == ["2026-01-10-acme-dev"]
    assert _complete("reflect dismiss 2026-01-10-acme-dev conc") == ["conciseness"]
    assert _complete("reflect undecide 2026-01-10-acme-dev clarity nerv") == ["nerves-confidence"]


def test_markdown_and_csv_exports_show_the_decisions(reflect, log):
    import csv
    import io

    ident = log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    reflect("confirm", ident, "clarity", "coding")
    reflect("dismiss", ident, "conciseness")
    assert "**Confirmed:** clarity, coding · **Dismissed:** conciseness" in reflect("export", "--format", "markdown").stdout
    (row,) = csv.DictReader(io.StringIO(reflect("export", "--format", "csv").stdout))
    assert (row["confirmed_themes"], row["dismissed_themes"]) == ("clarity; coding", "conciseness")


def test_show_names_the_decisions(reflect, log):
    ident = log("Acme", "Dev", "2026-01-10", "--went-wrong", RAMBLED)
    reflect("confirm", ident, "clarity")
    reflect("dismiss", ident, "conciseness")
    shown = reflect("show", ident).stdout
    assert "Themes" in shown and "confirmed: clarity" in shown and "dismissed: conciseness" in shown


def test_what_was_learned_is_private_and_a_broken_file_is_reported_never_reset(reflect, log, tmp_path):
    from tests.conftest import mode

    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", HELICOPTER)
    reflect("confirm", first, "attitude-professionalism")
    learned = tmp_path / "learned.toml"  # beside the config (REFLECT_CONFIG)
    assert mode(learned) == 0o600 and HELICOPTER in learned.read_text()
    learned.write_text("[[wording]]\ntheme = 'Not an id'\n")
    for args in (("themes", "--json"), ("themes", "--learned"), ("confirm", first, "clarity")):
        result = reflect(*args)
        assert result.exit_code == 1 and f"{learned}: " in result.stderr and "Traceback" not in result.output
    checked = reflect("check")
    assert checked.exit_code == 1 and f"{learned}: " in checked.stdout
    assert learned.read_text() == "[[wording]]\ntheme = 'Not an id'\n"


def test_a_note_about_the_interviewer_is_never_learned_from_a_confirmation(reflect, log):
    bored = "The interviewer was clearly bored and kept checking his phone."
    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", bored)
    result = reflect("confirm", first, "nerves-confidence")
    assert result.exit_code == 0, result.output
    assert "learned" not in result.output
    log("Globex", "SRE", "2026-01-12", "--went-wrong", "The interviewer was bored the whole time, kept checking his phone.")
    assert {e["id"] for e in _evidence(reflect, "nerves-confidence")} == {first}


def test_confirm_with_words_teaches_those_words(reflect, log):
    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", "The office was cold.", "--went-wrong", "I hovered over my reviewer's shoulder.")
    later = log("Globex", "SRE", "2026-01-12", "--went-wrong", "Hovered over their shoulder during pairing.")
    result = reflect("confirm", first, "attitude-professionalism", "--words", "hovered over shoulder")
    assert result.exit_code == 0, result.output
    assert {e["id"] for e in _evidence(reflect, "attitude-professionalism")} == {first, later}
    refused = reflect("confirm", first, "clarity", "--words", "the")
    assert refused.exit_code == 2 and "--words" in refused.stderr
