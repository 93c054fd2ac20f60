import json


def test_list_is_newest_first_and_filters(log, reflect):
    log("Acme", "Dev", "2026-01-10", "--outcome", "rejected", "--tag", "remote", "--stage", "onsite")
    log("Globex", "SRE", "2026-03-01", "--outcome", "offer", "--went-well", "Great rapport")
    log("Acme", "Lead", "2026-02-01", "--outcome", "advanced")

    def ids(*args):
        result = reflect("list", "--json", *args)
        assert result.exit_code == 0, result.output
        return [r["id"] for r in json.loads(result.stdout)]

    assert ids() == ["2026-03-01-globex-sre", "2026-02-01-acme-lead", "2026-01-10-acme-dev"]
    assert ids("--company", "acme") == ["2026-02-01-acme-lead", "2026-01-10-acme-dev"]
    assert ids("--outcome", "offer") == ["2026-03-01-globex-sre"]
    assert ids("--stage", "onsite") == ["2026-01-10-acme-dev"]
    assert ids("--tag", "REMOTE") == ["2026-01-10-acme-dev"]
    assert ids("--since", "2026-02-01", "--until", "2026-02-28") == ["2026-02-01-acme-lead"]
    assert ids("--contains", "rapport") == ["2026-03-01-globex-sre"]


def test_filters_ignore_accents_both_ways(log, reflect):
    zurich = log("Zürich Re", "Actuary", "2026-01-10", "--went-wrong", "Blanked on the café question")
    log("Acme", "Dev", "2026-01-11")

    def ids(*args):
        result = reflect("list", "--json", *args)
        assert result.exit_code == 0, result.output
        return [r["id"] for r in json.loads(result.stdout)]

    assert ids("--company", "zurich") == ids("--company", "ZÜRICH") == [zurich]
    assert ids("--contains", "CAFE QUESTION") == [zurich]
    assert ids("--company", "zürichx") == []


def test_list_table_and_empty_journal(log, reflect):
    result = reflect("list")
    assert result.exit_code == 0
    assert "reflect log" in result.stderr
    log("Acme", "Dev", "2026-01-10")
    result = reflect("list")
    assert "2026-01-10-acme-dev" in result.stdout and "Acme" in result.stdout


def test_show_by_unique_prefix_and_ambiguity(log, reflect):
    log("Acme", "Dev", "2026-01-10", "--went-wrong", "Talked too long")
    log("Acme", "Lead", "2026-01-10")
    result = reflect("show", "2026-01-10-acme-d")
    assert result.exit_code == 0
    assert "Talked too long" in result.stdout
    ambiguous = reflect("show", "2026-01-10-acme")
    assert ambiguous.exit_code == 2
    assert "matches 2" in ambiguous.stderr
    missing = reflect("show", "nope")
    assert missing.exit_code == 1 and "no reflection" in missing.stderr


def test_ids_that_look_like_paths_are_refused(log, reflect):
    log("Acme", "Dev", "2026-01-10")
    for bad in ("../etc/passwd", "/etc/passwd", "a\x00b", ".hidden"):
        for command in ("show", "edit", "delete"):
            result = reflect(command, bad)
            assert result.exit_code == 2, (command, bad, result.output)
            assert "not a reflection id" in result.stderr


def test_user_text_is_never_read_as_markup_or_escape_codes(log, reflect):
    log("Acme", "Dev", "2026-01-10", "--went-wrong", "[bold red]not markup[/] \x1b[2Jclear")
    result = reflect("show", "2026-01-10-acme-dev")
    assert "[bold red]not markup[/]" in result.stdout
    assert "\x1b" not in result.stdout and "\\x1b[2Jclear" in result.stdout


def test_bad_file_is_skipped_with_a_warning_naming_it(log, reflect, data_dir):
    log("Acme", "Dev", "2026-01-10")
    (data_dir / "broken.toml").write_text('company = "X"\nrole = \n')
    result = reflect("list", "--json")
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.stdout)] == ["2026-01-10-acme-dev"]
    assert "broken.toml" in result.stderr


def test_show_prints_the_id_and_path_whole_in_a_narrow_terminal(reflect, data_dir, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    assert reflect("log", "--company", "Kestrel Games", "--role", "Backend Engineer", "--date", "2026-10-03").exit_code == 0
    lines = reflect("show", "2026-10-03-kestrel").stdout.splitlines()
    assert "  2026-10-03-kestrel-games-backend-engineer" in lines
    assert f"  {data_dir / '2026-10-03-kestrel-games-backend-engineer.toml'}" in lines
