"""`reflect drafts`: what was kept when a save did not happen, and discarding it."""

import json
import os
import stat
import time


def _failed_log(reflect, tmp_path, monkeypatch, *companies):
    """Guided-log drafts as a failed save leaves them (in the state directory)."""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("REFLECT_DATA_DIR", str(blocker / "journal"))
    for number, company in enumerate(companies):
        if number:
            time.sleep(1.1)  # drafts are named by the second
        assert reflect("log", "--company", company, "--role", "Dev", "--date", "2026-11-20").exit_code == 1
    blocker.unlink()
    monkeypatch.setenv("REFLECT_DATA_DIR", str(blocker / "journal"))


def test_drafts_lists_each_kept_log_with_its_facts_and_the_command_that_continues_it(reflect, tmp_path, monkeypatch):
    _failed_log(reflect, tmp_path, monkeypatch, "Acme", "Globex")
    result = reflect("drafts")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert "Globex \u00b7 Dev \u00b7 2026-11-20" in lines[0] and "guided log, not saved" in lines[0]
    assert "Acme" in lines[2]
    newer = lines[0].split()[0]
    assert lines[1].strip() == f"continue: reflect log --resume --draft {newer}"
    assert "2 drafts" in result.stderr
    rows = json.loads(reflect("drafts", "--json").stdout)
    assert [row["about"] for row in rows] == ["Globex \u00b7 Dev \u00b7 2026-11-20", "Acme \u00b7 Dev \u00b7 2026-11-20"]
    assert {row["kind"] for row in rows} == {"log"}


def test_resume_without_a_terminal_and_several_drafts_names_them_and_saves_nothing(reflect, tmp_path, monkeypatch):
    _failed_log(reflect, tmp_path, monkeypatch, "Acme", "Globex")
    result = reflect("log", "--resume")
    assert result.exit_code == 2
    assert "2 log drafts to continue: choose one with --draft NAME" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert json.loads(reflect("list", "--json").stdout) == []
    assert len(json.loads(reflect("drafts", "--json").stdout)) == 2


def test_discard_needs_yes_without_a_terminal_then_removes_only_the_one_named(reflect, tmp_path, monkeypatch):
    _failed_log(reflect, tmp_path, monkeypatch, "Acme", "Globex")
    acme = json.loads(reflect("drafts", "--json").stdout)[1]
    refused = reflect("drafts", "discard", acme["name"], input="")
    assert refused.exit_code == 2 and "add --yes to confirm" in refused.stderr
    assert os.path.exists(acme["path"])
    done = reflect("drafts", "discard", acme["name"], "--yes")
    assert done.exit_code == 0 and "Removed 1 draft for good" in done.stderr
    assert not os.path.exists(acme["path"])
    left = json.loads(reflect("drafts", "--json").stdout)
    assert [row["about"] for row in left] == ["Globex \u00b7 Dev \u00b7 2026-11-20"]
    resumed = reflect("log", "--resume", "--json")  # one left: no choice to make
    assert resumed.exit_code == 0, resumed.output
    assert json.loads(resumed.stdout)["id"] == "2026-11-20-globex-dev"


def test_discard_of_an_unknown_or_ambiguous_name_is_one_line_and_removes_nothing(reflect, tmp_path, monkeypatch):
    _failed_log(reflect, tmp_path, monkeypatch, "Acme", "Globex")
    unknown = reflect("drafts", "discard", "log-1999", "--yes")
    assert unknown.exit_code == 1
    assert "no draft named 'log-1999'; drafts: log-" in unknown.stderr
    ambiguous = reflect("drafts", "discard", "log-", "--yes")
    assert ambiguous.exit_code == 2 and "matches 2 drafts" in ambiguous.stderr
    assert len(json.loads(reflect("drafts", "--json").stdout)) == 2


def test_an_edit_that_could_not_be_saved_is_listed_with_its_reflection_and_file(reflect, data_dir):
    assert reflect("log", "--company", "Acme", "--role", "Dev", "--date", "2026-11-20").exit_code == 0
    from reflect.journal import Journal

    kept = Journal(data_dir).save_draft("2026-11-20-acme-dev", 'company = "Acme"\n')
    result = reflect("drafts")
    assert result.exit_code == 0
    first, second = result.stdout.splitlines()
    assert first.startswith(kept.stem) and "edit of 2026-11-20-acme-dev, not saved" in first
    assert second.strip() == f"continue: reflect edit 2026-11-20-acme-dev --draft {kept.stem}"
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600


def test_no_drafts_is_said_plainly(reflect):
    result = reflect("drafts")
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "0 drafts" in result.stderr


def test_discard_in_a_terminal_asks_and_no_keeps_the_draft(reflect, tmp_path, monkeypatch):
    import sys

    import pexpect

    _failed_log(reflect, tmp_path, monkeypatch, "Acme")
    (row,) = json.loads(reflect("drafts", "--json").stdout)

    def run(answer):
        child = pexpect.spawn(sys.executable, ["-m", "reflect", "drafts", "discard", row["name"][:12]], env=dict(os.environ), encoding="utf-8", timeout=30)
        child.expect(r"Remove 1 draft \(log-\S+\) for good\?")
        child.sendline(answer)
        child.expect(pexpect.EOF)
        child.close()
        return child.exitstatus

    assert run("n") != 0
    assert os.path.exists(row["path"])
    assert run("y") == 0
    assert not os.path.exists(row["path"])


def test_an_editor_draft_continued_with_from_file_is_removed_once_saved(reflect, data_dir):
    from reflect.journal import Journal

    assert reflect("log", "--company", "Acme", "--role", "Dev").exit_code == 0
    kept = Journal(data_dir).save_draft("new", 'company = "Initech"\nrole = "QA"\ndate = 2026-11-20\n')
    (row,) = [r for r in json.loads(reflect("drafts", "--json").stdout) if r["kind"] == "editor"]
    assert row["resume"] == f"reflect log --from-file {kept}"
    saved = reflect("log", "--from-file", str(kept))
    assert saved.exit_code == 0, saved.output
    assert not kept.exists() and f"Removed its draft {kept.name}" in saved.stderr
    assert [r["kind"] for r in json.loads(reflect("drafts", "--json").stdout)] == []
    assert reflect("log", "--from-file", str(kept)).exit_code != 0  # not saved twice
