import sys
from pathlib import Path

import pytest


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """Point $EDITOR at a script that replaces the file with the given text."""

    def use(text: str) -> None:
        source = tmp_path / "editor-output.txt"
        source.write_text(text)
        script = tmp_path / "fake_editor.py"
        script.write_text(f"import sys, shutil\nshutil.copyfile({str(source)!r}, sys.argv[1])\n")
        monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")

    return use


def test_valid_edit_is_saved_verbatim(log, reflect, editor, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    new = '# my own comment\ncompany = "Acme"\nrole = "Dev"\ndate = 2026-01-10\noutcome = "offer"\n'
    editor(new)
    result = reflect("edit", ident)
    assert result.exit_code == 0, result.output
    assert (data_dir / f"{ident}.toml").read_text() == new


def test_invalid_edit_keeps_original_byte_for_byte_and_the_draft(log, reflect, editor, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    path = data_dir / f"{ident}.toml"
    before = path.read_bytes()
    editor('company = "Acme"\nrole = \n')  # invalid TOML
    result = reflect("edit", ident)
    assert result.exit_code == 1
    assert path.read_bytes() == before
    drafts = list((data_dir / "drafts").glob("*.toml"))
    assert len(drafts) == 1
    first, rest = drafts[0].read_text().split("\n", 1)
    assert first.startswith("#:base sha256=") and rest == 'company = "Acme"\nrole = \n'  # what it began from, then the edit
    assert str(drafts[0]) in result.stderr


def test_edit_with_a_field_error_names_the_field(log, reflect, editor, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    editor('company = "Acme"\nrole = "Dev"\ndate = 2026-01-10\nstage = "lunch"\n')
    result = reflect("edit", ident)
    assert result.exit_code == 1
    assert "stage:" in result.stderr


def test_a_broken_edit_is_named_as_the_edit_whose_lines_the_error_counts(log, reflect, editor, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    editor('company = "Acme"\n\n\nrole = = "Dev"\n')
    result = reflect("edit", ident)
    assert result.exit_code == 1
    # line 4 is the edit's line: the file itself was not touched, so it is not the one named
    assert f"your edit of {ident}.toml: role: not valid TOML" in result.stderr and "line 4" in result.stderr
    assert f"{data_dir / ident}.toml:" not in result.stderr


def test_unchanged_edit_changes_nothing(log, reflect, data_dir, monkeypatch):
    ident = log("Acme", "Dev", "2026-01-10")
    monkeypatch.setenv("EDITOR", "true")
    before = (data_dir / f"{ident}.toml").read_bytes()
    result = reflect("edit", ident)
    assert result.exit_code == 0
    assert "No changes" in result.stderr
    assert (data_dir / f"{ident}.toml").read_bytes() == before


def test_file_changed_during_edit_is_kept_and_edit_becomes_a_draft(log, reflect, data_dir, tmp_path, monkeypatch):
    ident = log("Acme", "Dev", "2026-01-10")
    path: Path = data_dir / f"{ident}.toml"
    someone_else = 'company = "Acme"\nrole = "Dev"\ndate = 2026-01-10\noutcome = "rejected"\n'
    script = tmp_path / "slow_editor.py"
    script.write_text(
        "import sys, pathlib\n"
        f"pathlib.Path({str(path)!r}).write_text({someone_else!r})\n"
        "p = pathlib.Path(sys.argv[1]); p.write_text(p.read_text().replace('schema = 2', 'schema = 2\\nfit_notes = \"mine\"'))\n"
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = reflect("edit", ident)
    assert result.exit_code == 1
    assert path.read_text() == someone_else
    drafts = list((data_dir / "drafts").glob("*.toml"))
    assert len(drafts) == 1 and 'fit_notes = "mine"' in drafts[0].read_text()


def test_without_editor_and_terminal_it_refuses_instead_of_hanging(log, reflect, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    result = reflect("edit", ident)
    assert result.exit_code == 2
    assert "$EDITOR" in result.stderr


def test_an_edit_too_large_to_read_back_is_refused_and_kept_as_a_draft(log, reflect, editor, data_dir):
    ident = log()
    path = data_dir / f"{ident}.toml"
    before = path.read_bytes()
    editor(before.decode().replace("\noutcome = ", '\nlessons = ["' + "z" * 1_100_000 + '"]\noutcome = ', 1))
    result = reflect("edit", ident)
    assert result.exit_code == 1
    assert "above the 1,048,576-byte limit; not saved, your version is kept as a draft" in result.stderr
    assert path.read_bytes() == before
    (draft,) = (data_dir / "drafts").glob(f"{ident}-*.toml")
    assert draft.stat().st_size > 1_100_000
    assert reflect("check").exit_code == 0


def test_an_unexpected_answer_to_reopen_is_asked_again_and_yes_fixes_the_edit(log, data_dir, tmp_path):
    import os

    import pexpect

    ident = log("Acme", "Dev", "2026-01-10")
    fixed = 'company = "Acme"\nrole = "Dev"\ndate = 2026-01-10\noutcome = "offer"\n'
    script = tmp_path / "two_tries.py"  # first a broken file, then a valid one
    script.write_text(
        "import sys, pathlib\n"
        f"seen = pathlib.Path({str(tmp_path / 'seen')!r})\n"
        f"text = {fixed!r} if seen.exists() else 'role = \\n'\n"
        "seen.touch()\n"
        "pathlib.Path(sys.argv[1]).write_text(text)\n"
    )
    env = dict(os.environ, EDITOR=f"{sys.executable} {script}")
    child = pexpect.spawn(sys.executable, ["-m", "reflect", "edit", ident], env=env, encoding="utf-8", timeout=30)
    child.expect(r"Reopen the editor to fix it\? \[Y/n\]")
    child.sendline("yse")
    child.expect("Please answer y or n.")
    child.expect(r"Reopen the editor to fix it\? \[Y/n\]")
    child.sendline("y")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0
    assert (data_dir / f"{ident}.toml").read_text() == fixed
    assert not list((data_dir / "drafts").glob("*.toml"))


def test_an_edit_kept_as_a_draft_is_taken_up_again_with_draft_and_saved(log, reflect, editor, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    editor('company = "Acme"\nrole = \n')  # invalid: given up, kept as a draft
    assert reflect("edit", ident).exit_code == 1
    (kept,) = (data_dir / "drafts").glob("*.toml")
    listed = reflect("drafts").stdout
    assert f"continue: reflect edit {ident} --draft {kept.stem}" in listed
    fixed = 'company = "Acme"\nrole = "Dev"\ndate = 2026-01-10\noutcome = "rejected"\n'
    editor(fixed)
    result = reflect("edit", ident, "--draft", kept.stem)
    assert result.exit_code == 0, result.output
    assert (data_dir / f"{ident}.toml").read_text() == fixed
    assert not kept.exists()


def test_a_draft_of_another_reflection_is_refused_in_one_line(log, reflect, editor, data_dir):
    acme, globex = log("Acme", "Dev", "2026-01-10"), log("Globex", "Dev", "2026-01-11")
    editor('company = "Acme"\nrole = \n')
    assert reflect("edit", acme).exit_code == 1
    (kept,) = (data_dir / "drafts").glob("*.toml")
    result = reflect("edit", globex, "--draft", kept.stem)
    assert result.exit_code == 2
    assert f"draft {kept.stem} is not an edit of {globex} (it is: edit of {acme})" in result.stderr
    assert kept.exists()


def test_closing_the_editor_on_a_broken_file_unchanged_says_it_is_still_broken(reflect, data_dir, monkeypatch, tmp_path):
    data_dir.mkdir(parents=True, exist_ok=True)
    broken = data_dir / "2026-01-10-acme-dev.toml"
    broken.write_text('company = "Acme"\nrole = \n')
    script = tmp_path / "leave_it.py"
    script.write_text("pass\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = reflect("edit", "2026-01-10-acme")
    assert result.exit_code == 1
    assert "2026-01-10-acme-dev.toml" in result.stderr and "No changes" not in result.stderr
    assert broken.read_text() == 'company = "Acme"\nrole = \n'


def test_an_editor_that_writes_bytes_that_are_not_utf8_is_refused_and_the_bytes_kept(log, reflect, data_dir, tmp_path, monkeypatch):
    ident = log("Acme", "Dev", "2026-01-10")
    path = data_dir / f"{ident}.toml"
    before = path.read_bytes()
    script = tmp_path / "latin1.py"
    script.write_text("import sys\nopen(sys.argv[1], 'wb').write(b'company = \"Caf\\xe9\"\\nrole = \"Dev\"\\ndate = 2026-01-10\\n')\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = reflect("edit", ident)
    assert result.exit_code == 1
    assert "not UTF-8" in result.stderr and "Traceback" not in result.output
    assert path.read_bytes() == before
    (kept,) = (data_dir / "drafts").glob("*.toml")
    assert kept.read_bytes().endswith(b'company = "Caf\xe9"\nrole = "Dev"\ndate = 2026-01-10\n')


def test_a_draft_never_undoes_a_change_made_after_it_was_kept(log, reflect, editor, data_dir):
    ident = log("Acme", "Dev", "2026-01-10", "--outcome", "advanced")
    editor('company = "Acme"\nrole = \n')
    assert reflect("edit", ident).exit_code == 1
    (kept,) = (data_dir / "drafts").glob("*.toml")
    assert reflect("outcome", ident, "offer").exit_code == 0
    changed = (data_dir / f"{ident}.toml").read_bytes()
    editor('company = "Acme"\nrole = "Dev"\ndate = 2026-01-10\noutcome = "advanced"\n')
    result = reflect("edit", ident, "--draft", kept.stem)
    assert result.exit_code == 1
    assert "changed after this edit was kept" in result.stderr
    assert (data_dir / f"{ident}.toml").read_bytes() == changed
    assert kept.exists()


def test_giving_up_again_on_a_draft_keeps_one_draft_not_two(log, reflect, editor, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    editor('company = "Acme"\nrole = \n')
    assert reflect("edit", ident).exit_code == 1
    (kept,) = (data_dir / "drafts").glob("*.toml")
    editor('company = "Acme"\nrole = "still broken\n')
    assert reflect("edit", ident, "--draft", kept.stem).exit_code == 1
    (again,) = (data_dir / "drafts").glob("*.toml")
    assert again == kept and again.read_text().endswith('role = "still broken\n')


def test_a_draft_taken_up_and_still_invalid_offers_to_reopen_and_stays_kept(log, reflect, editor, data_dir, tmp_path):
    import os

    import pexpect

    ident = log("Acme", "Dev", "2026-01-10")
    editor('company = "Acme"\nrole = \n')
    assert reflect("edit", ident).exit_code == 1
    (kept,) = (data_dir / "drafts").glob("*.toml")
    script = tmp_path / "leave_it.py"
    script.write_text("pass\n")
    env = dict(os.environ, EDITOR=f"{sys.executable} {script}")
    child = pexpect.spawn(sys.executable, ["-m", "reflect", "edit", ident, "--draft", kept.stem], env=env, encoding="utf-8", timeout=30)
    child.expect(r"Reopen the editor to fix it\? \[Y/n\]")
    child.sendline("n")
    child.expect("kept as a draft")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert [p.name for p in (data_dir / "drafts").glob("*.toml")] == [kept.name]
