"""`reflect trash`: what was deleted, and removing it for good."""

import json
import os

import pexpect


def _delete(reflect, ident):
    assert reflect("delete", ident, "--yes").exit_code == 0


def test_trash_lists_the_deleted_reflections(reflect, log):
    acme, globex = log("Acme"), log("Globex")
    _delete(reflect, acme)
    result = reflect("trash")
    assert result.exit_code == 0
    assert acme in result.stdout and "Acme" in result.stdout
    assert globex not in result.stdout
    assert "1 reflection in the trash" in result.stderr
    rows = json.loads(reflect("trash", "--json").stdout)
    assert [row["id"] for row in rows] == [acme]


def test_trash_empty_removes_them_for_good_and_history_records_it(reflect, log, data_dir):
    assert reflect("init", "--git").exit_code == 0
    acme, globex = log("Acme"), log("Globex")
    _delete(reflect, acme)
    _delete(reflect, globex)
    result = reflect("trash", "empty", "--yes")
    assert result.exit_code == 0
    assert "Removed 2 reflections from the trash for good" in result.stderr
    assert list((data_dir / "trash").iterdir()) == []
    assert reflect("restore", acme).exit_code != 0
    subjects = reflect("git", "log", "--format=%s").stdout.splitlines()
    assert subjects[0] == "trash: emptied 2 reflections"


def test_trash_empty_older_than_keeps_what_was_deleted_recently(reflect, log, data_dir):
    import datetime as dt

    from reflect.journal import Journal

    acme, globex = log("Acme"), log("Globex")
    _delete(reflect, acme)
    _delete(reflect, globex)
    result = reflect("trash", "empty", "--older-than", "30d", "--yes")
    assert "Nothing to remove from the trash." in result.stderr
    assert sorted(p.stem for p in (data_dir / "trash").iterdir()) == sorted([acme, globex])
    later = dt.datetime.now() + dt.timedelta(days=31)
    removed = Journal(data_dir).empty_trash(dt.timedelta(days=30), now=later)
    assert sorted(p.stem for p in removed) == sorted([acme, globex])


def test_trash_empty_without_a_terminal_needs_yes_and_removes_nothing(reflect, log, data_dir):
    acme = log("Acme")
    _delete(reflect, acme)
    result = reflect("trash", "empty", input="")
    assert result.exit_code == 2
    assert "add --yes to confirm" in result.stderr
    assert (data_dir / "trash" / f"{acme}.toml").exists()
    assert "is not an age" in reflect("trash", "empty", "--older-than", "soon", "--yes").stderr


def test_trash_empty_asks_first_in_a_terminal(reflect, log, data_dir, tmp_path):
    import sys

    acme = log("Acme")
    _delete(reflect, acme)
    child = pexpect.spawn(sys.executable, ["-m", "reflect", "trash", "empty"], env=dict(os.environ), encoding="utf-8", timeout=30)
    child.expect(r"Remove 1 reflection from the trash for good\?")
    child.sendline("n")
    child.expect(pexpect.EOF)
    assert (data_dir / "trash" / f"{acme}.toml").exists()
    child = pexpect.spawn(sys.executable, ["-m", "reflect", "trash", "empty"], env=dict(os.environ), encoding="utf-8", timeout=30)
    child.expect(r"for good\?")
    child.sendline("y")
    child.expect(pexpect.EOF)
    assert not (data_dir / "trash" / f"{acme}.toml").exists()
