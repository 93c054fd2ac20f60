"""``reflect themes`` through the cache: the same answer warm, cold and without it,
and every change to the journal or the taxonomy shows through on the next run."""

from __future__ import annotations

import json
import marshal
import os
import sqlite3
import sys
from pathlib import Path

import pytest

from reflect import cache as cache_module


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # Files written by the tests are brand new; let the cache keep them at once.
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)


def cache_dir() -> Path:
    return Path(os.environ["REFLECT_CACHE_DIR"])


def _journal(log) -> list[str]:
    return [
        log("Acme", "Dev", "2026-10-01", "--outcome", "rejected", "--went-wrong", "I rambled on the design question."),
        log("Globex", "SRE", "2026-10-05", "--outcome", "rejected", "--went-wrong", "My answers went on and on."),
        log("Initech", "Dev", "2026-10-09", "--outcome", "offer", "--went-wrong", "The whiteboard marker kept dying."),
        log("Hooli", "Dev", "2026-10-12", "--outcome", "rejected", "--went-wrong", "The whiteboard marker died again."),
    ]


def themes_json(reflect, *args: str) -> dict:
    result = reflect(*args, "themes", "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def snapshot() -> dict:
    """The journal's theme summaries as the cache keeps them: {file name: (stat key, summary)}."""
    with sqlite3.connect(cache_dir() / cache_module.FILE_NAME) as db:
        parts = db.execute("SELECT data FROM snapshots WHERE kind='themes' ORDER BY part").fetchall()
    return {name: entry for (blob,) in parts for name, entry in marshal.loads(blob)[2].items()}


def theme_ids(data: dict) -> list[str]:
    return [t["id"] for t in data["themes"]]


def test_warm_cold_and_no_cache_give_the_same_json(log, reflect):
    _journal(log)
    cold = reflect("themes", "--json").stdout
    warm = reflect("themes", "--json").stdout
    bypass = reflect("--no-cache", "themes", "--json").stdout
    assert cold == warm == bypass
    assert "conciseness" in theme_ids(json.loads(warm))
    # The compiled taxonomy and the per-file summaries are kept in the cache directory.
    assert list(cache_dir().glob("taxonomy-*.json")) and list(cache_dir().glob("themes-*.json"))
    assert len(snapshot()) == 4


def test_filters_and_one_theme_read_the_same_through_the_cache(log, reflect):
    _journal(log)
    reflect("themes", "--json")
    for args in (["--outcome", "rejected"], ["--company", "acme"], ["--since", "2026-10-04"], ["conciseness"]):
        warm = reflect("themes", "--json", *args)
        bypass = reflect("--no-cache", "themes", "--json", *args)
        assert warm.exit_code == bypass.exit_code == 0, warm.output
        assert warm.stdout == bypass.stdout


def test_an_edit_shows_on_the_next_warm_run(log, reflect, data_dir):
    ids = _journal(log)
    assert themes_json(reflect)["themes"][0]["count"] == 2
    path = data_dir / f"{ids[2]}.toml"
    path.write_text(path.read_text(encoding="utf-8").replace("The whiteboard marker kept dying.", "I rambled for ages."))
    data = themes_json(reflect)
    conciseness = next(t for t in data["themes"] if t["id"] == "conciseness")
    assert conciseness["count"] == 3 and ids[2] in conciseness["interviews"]
    assert reflect("themes", "--json").stdout == reflect("--no-cache", "themes", "--json").stdout


def test_a_deleted_file_leaves_the_result(log, reflect, data_dir):
    ids = _journal(log)
    assert "conciseness" in theme_ids(themes_json(reflect))
    (data_dir / f"{ids[0]}.toml").unlink()
    data = themes_json(reflect)
    assert data["analysed"] == 3 and "conciseness" not in theme_ids(data)


def test_a_new_trigger_in_the_config_shows_on_the_next_run(log, reflect):
    _journal(log)
    assert "whiteboard-gear" not in json.dumps(themes_json(reflect))
    Path(os.environ["REFLECT_CONFIG"]).write_text(
        '[[themes.custom]]\nid = "whiteboard-gear"\nlabel = "Whiteboard gear"\ntriggers = ["whiteboard marker"]\n',
        encoding="utf-8",
    )
    data = themes_json(reflect)
    assert "whiteboard-gear" in theme_ids(data)
    Path(os.environ["REFLECT_CONFIG"]).write_text('[themes.triggers]\nconciseness = ["whiteboard marker"]\n', encoding="utf-8")
    data = themes_json(reflect)
    assert next(t for t in data["themes"] if t["id"] == "conciseness")["count"] == 4
    assert data == themes_json(reflect, "--no-cache")


def test_a_corrupt_cache_is_rebuilt_silently(log, reflect):
    _journal(log)
    expected = reflect("themes", "--json").stdout
    for path in cache_dir().glob("*.json"):
        path.write_text('{"key": "', encoding="utf-8")
    result = reflect("themes", "--json")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == expected
    (cache_dir() / cache_module.FILE_NAME).write_bytes(b"not a database" * 100)
    result = reflect("themes", "--json")
    assert result.exit_code == 0 and result.stderr == "" and result.stdout == expected
    assert reflect("themes", "--json").stdout == expected


def test_damaged_summaries_are_computed_again(log, reflect):
    _journal(log)
    expected = reflect("themes", "--json").stdout
    files = snapshot()
    names = sorted(files)
    files[names[0]] = (files[names[0]][0], {"facts": 1})  # not a summary
    files[names[1]] = (files[names[1]][0], (1, [], [], {}))  # facts that are not facts
    files[names[2]] = (files[names[2]][0], (files[names[2]][1][0], [("conciseness", "went_wrong")], [], {}))  # a short hit
    files[names[3]] = "not an entry"
    for blob in (marshal.dumps((cache_module.SNAPSHOT_FORMAT, list(sys.version_info[:2]), files)), b"\x00garbage", b""):
        with sqlite3.connect(cache_dir() / cache_module.FILE_NAME) as db:
            db.execute("UPDATE snapshots SET data=? WHERE kind='themes'", (blob,))
        result = reflect("themes", "--json")
        assert result.exit_code == 0 and result.stderr == "" and result.stdout == expected
        assert len(snapshot()) == 4  # written again, whole


def test_plan_and_brief_are_the_same_through_the_cache(log, reflect):
    _journal(log)
    for args in (["plan", "--json"], ["brief", "Acme", "--json"]):
        cold = reflect(*args).stdout
        warm = reflect(*args).stdout
        assert cold == warm == reflect("--no-cache", *args).stdout, args
    assert '"conciseness"' in reflect("brief", "--json").stdout


def test_themes_list_shows_every_theme_and_custom_ones(reflect, tmp_path):
    import json

    (tmp_path / "config.toml").write_text(
        '[themes]\ndisabled = ["salary-negotiation"]\n'
        '[[themes.custom]]\nid = "whiteboard"\nlabel = "Whiteboard"\ntriggers = ["whiteboard froze"]\n'
    )
    listed = {t["id"]: t for t in json.loads(reflect("themes", "--list", "--json").stdout)}
    assert "conciseness" in listed and "whiteboard" in listed and "salary-negotiation" not in listed
    assert listed["whiteboard"]["builtin"] is False
    text = reflect("themes", "--list").stdout
    assert "conciseness" in text and "Whiteboard  (yours)" in text


def test_unknown_theme_id_points_to_the_list(reflect, log):
    log("Acme", "Dev", "2026-01-10", "--went-wrong", "I rambled")
    result = reflect("themes", "nosuch")
    assert result.exit_code == 2 and "reflect themes --list" in result.stderr  # a mistyped name, as in `reflect confirm`
    absent = reflect("themes", "salary-negotiation")
    assert absent.exit_code == 1 and "does not appear in these reflections" in absent.stderr


def report(reflect, *args: str) -> dict:
    result = reflect("themes", "--json", *args)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_notes_about_someone_else_raise_no_theme_but_the_same_words_about_me_do(log, reflect):
    log("Acme", "Dev", "2026-10-01", "--outcome", "rejected", "--went-wrong", "The interviewer was nervous and rambled a lot.")
    log("Globex", "Dev", "2026-10-02", "--outcome", "rejected", "--went-wrong", "The recruiter was rude and joined late.")
    log("Hooli", "Dev", "2026-10-02", "--went-wrong", "The recruiter never told me the salary range until the very end.")
    assert report(reflect, "--min-count", "1")["themes"] == []
    log("Initech", "Dev", "2026-10-03", "--outcome", "rejected", "--went-wrong", "I was nervous and rambled a lot.")
    found = {t["id"]: t["interviews"] for t in report(reflect, "--min-count", "1")["themes"]}
    assert set(found) == {"conciseness", "nerves-confidence"}
    assert all(len(ids) == 1 and ids[0].endswith("initech-dev") for ids in found.values())


def test_a_theme_the_engine_is_not_sure_of_is_shown_apart_and_never_counted(log, reflect):
    """A short note with a clarity phrase and nothing else to go on: on notes from real
    accounts, such lone hits are right too rarely to count, and the note model does not
    back it."""
    log("Acme", "Dev", "2026-10-01", "--outcome", "rejected", "--went-wrong", "Lost my train of thought twice.")
    log("Globex", "Dev", "2026-10-02", "--outcome", "rejected", "--went-wrong", "Lost my train of thought twice.")
    data = report(reflect, "--min-count", "1")
    assert data["themes"] == []
    assert [p["id"] for p in data["possible"]] == ["clarity"]
    assert data["possible"][0]["interviews"] == 2
    evidence = data["possible"][0]["evidence"][0]
    assert evidence["kind"] == "possible" and evidence["trigger"] == "lost my train of thought"
    shown = reflect("themes", "--min-count", "1")
    assert "Possible (not counted" in shown.stdout and "clarity" in shown.stdout
    plan = reflect("plan", "--json")
    assert "clarity" not in plan.stdout


def test_a_theme_only_possible_opens_with_its_evidence_and_how_to_settle_it(log, reflect):
    log("Acme", "Dev", "2026-10-01", "--outcome", "rejected", "--went-wrong", "Lost my train of thought twice.")
    log("Globex", "Dev", "2026-10-02", "--outcome", "rejected", "--went-wrong", "Lost my train of thought twice.")
    shown = reflect("themes", "clarity")
    assert shown.exit_code == 0, shown.output
    assert "not counted; possible in 2 interviews" in shown.stdout
    assert "2026-10-01-acme-dev" in shown.stdout and "2026-10-02-globex-dev" in shown.stdout
    assert "“Lost my train of thought twice.”" in shown.stdout and "reflect review" in shown.stdout
    data = report(reflect, "clarity")
    assert data["count"] == 0 and data["possible"]["interviews"] == 2
    assert {e["id"] for e in data["possible"]["evidence"]} == {"2026-10-01-acme-dev", "2026-10-02-globex-dev"}
    absent = reflect("themes", "salary-negotiation")
    assert absent.exit_code == 1 and "does not appear" in absent.stderr


def test_two_themes_do_not_show_the_same_quote_when_one_has_another(log, reflect):
    log("Acme", "Dev", "2026-10-01", "--went-wrong", "I rambled on every answer.", "--went-wrong", "I hadn't researched the company at all.")
    log("Globex", "Dev", "2026-10-08", "--went-wrong", "I rambled far too long and hadn't researched the company at all.")
    data = report(reflect)
    found = {t["id"] for t in data["themes"]}
    assert {"conciseness", "preparation-research"} <= found
    quotes = {t["id"]: t["best_quote"]["text"] for t in data["themes"]}
    assert quotes["conciseness"] != quotes["preparation-research"]  # the same in --json as on screen
    shown = reflect("themes").stdout
    assert shown.count("“I rambled far too long and hadn't researched the company at all.”") == 1
    assert "“I rambled on every answer.”" in shown or "“I hadn't researched the company at all.”" in shown


def test_one_interview_is_counted_in_the_singular(log, reflect):
    log("Acme", "Dev", "2026-10-01", "--outcome", "rejected", "--went-wrong", "I rambled and never got to the point.")
    shown = reflect("themes", "--min-count", "1")
    assert shown.exit_code == 0, shown.output
    assert "1 interview analysed" in shown.stdout and "1 of 1 interview (100%)" in shown.stdout
    assert "1 interviews" not in shown.stdout


def test_themes_below_the_minimum_are_named_and_a_counted_one_is_not_also_possible(log, reflect):
    for n, company in enumerate(("Acme", "Globex")):
        log(company, "Dev", f"2026-10-0{n + 1}", "--went-wrong", "I rambled and never got to the point.")
    log("Initech", "Dev", "2026-10-05", "--went-wrong", "I froze and my mind went blank on the first question.",
        "--went-wrong", "Lost my train of thought twice.", "--went-wrong", "I rambled and never got to the point.",
        "--went-wrong", "Need to be more concise.")
    shown = reflect("themes")
    assert shown.exit_code == 0, shown.output
    assert "Counted in fewer than 2 interviews: nerves-confidence (1) (reflect themes --min-count 1)" in shown.stdout
    data = report(reflect, "--min-count", "1")
    counted = {(t["id"], e["id"]) for t in data["themes"] for e in t["evidence"]}
    possible = {(p["id"], e["id"]) for p in data["possible"] for e in p["evidence"]}
    assert ("conciseness", "2026-10-05-initech-dev") not in possible  # "more concise" is doubted, but the theme counts there
    assert counted and not counted & possible


def test_one_themes_view_shows_its_possible_evidence_apart(log, reflect):
    log("Acme", "Dev", "2026-10-01", "--went-wrong", "I rambled and never got to the point.")
    log("Globex", "Dev", "2026-10-02", "--went-wrong", "I rambled and never got to the point.")
    log("Initech", "Dev", "2026-10-03", "--went-wrong", "Need to be more concise.")
    shown = reflect("themes", "conciseness")
    assert shown.exit_code == 0, shown.output
    counted, _, possible = shown.stdout.partition("Possible, not counted")
    assert "2026-10-01-acme-dev" in counted and "2026-10-03-initech-dev" not in counted
    assert "2026-10-03-initech-dev" in possible and "Need to be more concise." in possible


def test_an_explanation_quotes_the_words_the_user_wrote_not_the_trigger(log, reflect):
    log("Acme", "Dev", "2026-10-01", "--went-wrong", "I could see her eyes glaze over while I went on about my thesis.")
    log("Globex", "Dev", "2026-10-02", "--went-wrong", "I didn't prepare for the salary question at all.")
    conciseness = reflect("themes", "conciseness", "--min-count", "1")
    assert conciseness.exit_code == 0, conciseness.output
    assert "matched “see her eyes glaze”" in conciseness.stdout  # the taxonomy's phrase is "could see the eyes glaze"
    preparation = reflect("themes", "preparation-research", "--min-count", "1")
    assert "matched “didn't prepare”" in preparation.stdout


def test_a_decision_on_an_unknown_theme_is_warned_of_not_silently_ignored(log, reflect, data_dir):
    ident = log("Acme", "Dev", "2026-10-01", "--went-wrong", "I rambled and never got to the point.")
    path = data_dir / f"{ident}.toml"
    path.write_text(path.read_text() + '\n[themes]\nconfirmed = ["concisness"]\n')
    shown = reflect("themes", "--min-count", "1")
    assert shown.exit_code == 0, shown.output
    assert f"{ident}: [themes]: no theme 'concisness': did you mean conciseness?" in shown.stderr
