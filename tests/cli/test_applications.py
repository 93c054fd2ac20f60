"""Applications, outcomes that arrive later, and what to do next, as a user meets them."""

import datetime as dt
import json
import os
import subprocess
import sys


def _journal(log):
    screen = log("Acme", "Backend Engineer", "2026-11-02", "--stage", "recruiter-screen", "--outcome", "advanced")
    onsite = log("Acme", "Backend Engineer", "2026-11-10", "--stage", "onsite")
    sre = log("Northwind Logistics", "Site Reliability Engineer", "2026-11-12", "--stage", "technical", "--outcome", "rejected")
    other = log("Globex", "Data Engineer", dt.date.today().isoformat(), "--stage", "phone-screen")
    return screen, onsite, sre, other


def test_an_outcome_that_arrives_later_is_recorded_and_a_bad_one_refused(log, reflect):
    screen, onsite, _, _ = _journal(log)
    result = reflect("outcome", onsite[:12], "rejected", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    shown = json.loads(reflect("show", onsite, "--json").stdout)
    assert (shown["outcome"], shown["outcome_on"]) == ("rejected", "2026-11-20")
    bad = reflect("outcome", onsite, "lunch")
    assert bad.exit_code == 2 and len(bad.stderr.strip().splitlines()) == 1 and "lunch" in bad.stderr
    early = reflect("outcome", onsite, "offer", "--date", "2026-11-01")
    assert early.exit_code == 2 and "before the interview" in early.stderr


def test_rounds_of_one_company_and_role_form_one_application(log, reflect):
    screen, onsite, sre, other = _journal(log)
    reflect("outcome", onsite, "offer")
    apps = json.loads(reflect("applications", "--json").stdout)
    acme = [a for a in apps if a["company"] == "Acme"]
    assert len(apps) == 3 and len(acme) == 1
    assert acme[0]["rounds"] == [screen, onsite] and acme[0]["outcome"] == "offer"
    only = json.loads(reflect("applications", "--json", "--outcome", "rejected").stdout)
    assert [a["rounds"] for a in only] == [[sre]]
    text = reflect("applications").stdout
    assert "Acme · Backend Engineer" in text and "recruiter-screen" in text


def test_join_and_split_when_the_rule_is_wrong(log, reflect):
    a = log("Acme", "Backend Engineer", "2026-01-02")
    b = log("Acme Corp", "Senior Backend Engineer", "2026-01-09")
    assert len(json.loads(reflect("applications", "--json").stdout)) == 2
    assert reflect("applications", "--join", a, "--join", b).exit_code == 0
    assert [x["rounds"] for x in json.loads(reflect("applications", "--json").stdout)] == [[a, b]]
    assert reflect("applications", "--split", b).exit_code == 0
    assert len(json.loads(reflect("applications", "--json").stdout)) == 2


def test_feedback_is_chased_for_decided_rounds_only(log, reflect):
    screen, onsite, sre, _ = _journal(log)
    chased = [c["id"] for c in json.loads(reflect("feedback", "--pending", "--json").stdout)]
    assert chased == [sre]


def test_today_shows_silent_applications_and_chases(log, reflect):
    _, onsite, sre, _ = _journal(log)
    log("Initech", "QA", (dt.date.today() + dt.timedelta(days=3)).isoformat(), "--stage", "onsite")
    todo = json.loads(reflect("today", "--json").stdout)
    assert [w["rounds"][-1] for w in todo["waiting"]][0] == onsite
    assert "chase or mark ghosted" in todo["waiting"][0]["status"]
    assert [c["id"] for c in todo["feedback_to_chase"]] == [sre]
    assert todo["upcoming"][0]["company"] == "Initech"
    assert "Next interview" in reflect("today").stdout


def test_today_never_breaks_a_command_across_lines(log, reflect, monkeypatch):
    ident = log("Initech Global", "Platform Engineer", "2026-11-02", "--outcome", "rejected")
    command = f"reflect feedback {ident} --status requested"  # runnable as printed
    monkeypatch.setenv("COLUMNS", "200")
    wide = reflect("today").stdout
    assert any(line.endswith(command) and "never requested" in line for line in wide.splitlines())  # fits: one line
    monkeypatch.setenv("COLUMNS", "90")
    narrow = reflect("today").stdout.splitlines()
    assert f"    {command}" in narrow  # too long for one line: the command on a line of its own, whole
    assert all(len(line) <= 90 for line in narrow)
    monkeypatch.setenv("COLUMNS", str(len(command) + 2))  # too narrow for the usual indent: less of it
    assert any(line.strip() == command for line in reflect("today").stdout.splitlines())
    monkeypatch.setenv("COLUMNS", "40")  # narrower than the command: whole on one line, for the terminal to wrap
    assert command in reflect("today").stdout.splitlines()
    ran = reflect(*command.split()[1:])  # and it runs as printed
    assert ran.exit_code == 0, ran.output
    assert "never requested" not in reflect("today").stdout


def test_next_round_is_prefilled(log, reflect):
    first = log("Acme", "Backend Engineer", "2026-11-02", "--stage", "recruiter-screen", "--tag", "remote")
    result = reflect("log", "--next", first, "--date", "2026-11-09", "--json")
    assert result.exit_code == 0, result.output
    shown = json.loads(reflect("show", json.loads(result.stdout)["id"], "--json").stdout)
    assert (shown["company"], shown["role"], shown["stage"], shown["tags"]) == ("Acme", "Backend Engineer", "phone-screen", ["remote"])


def test_list_at_80_columns_shows_names_whole_without_padding(log, data_dir):
    _journal(log)
    env = {**os.environ, "COLUMNS": "80", "REFLECT_DATA_DIR": str(data_dir)}
    out = subprocess.run([sys.executable, "-m", "reflect", "list"], env=env, capture_output=True, text=True).stdout
    lines = out.splitlines()
    assert "Site Reliability Engineer" in out and "Northwind Logistics" in out
    assert all(d in out for d in ("2026-11-02", "2026-11-10", "2026-11-12"))
    assert max(len(line) for line in lines) <= 80
    assert all(line == line.rstrip() for line in lines)


def test_names_in_other_scripts_get_readable_ids(log):
    assert log("株式会社テスト", "🚀🚀", "2026-01-01") == "2026-01-01-株式会社テスト-rocket-rocket"


def test_editing_the_date_renames_the_file(log, reflect, data_dir, monkeypatch, tmp_path):
    ident = log("Acme", "Dev", "2026-01-10")
    script = tmp_path / "ed.py"
    script.write_text("import sys,pathlib\np=pathlib.Path(sys.argv[1])\np.write_text(p.read_text().replace('2026-01-10','2026-01-12'))\n")
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    result = reflect("edit", ident)
    assert result.exit_code == 0, result.output
    assert "renamed" in result.stderr
    assert [p.name for p in data_dir.glob("*.toml")] == ["2026-01-12-acme-dev.toml"]
    assert json.loads(reflect("show", "2026-01-12", "--json").stdout)["id"] == "2026-01-12-acme-dev"


def test_migrate_makes_an_installation_path_relative_and_keeps_comments(log, reflect, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    path = data_dir / f"{ident}.toml"
    body = path.read_text().split("\n", 1)[1]
    path.write_text("#:schema file:///home/me/venv/site-packages/reflect/data/reflection.schema.json\n# mine\n" + body)
    assert reflect("migrate").exit_code == 0
    lines = path.read_text().splitlines()
    assert lines[:2] == ["#:schema ./reflection.schema.json", "# mine"]


def test_the_rule_keeps_rounds_close_in_time_and_splits_after_two_months(log, reflect):
    first = log("Acme", "Backend Engineer", "2026-01-05", "--outcome", "rejected")
    soon = log("ACME", "backend  engineer", "2026-03-20")  # any case and spacing; within 90 days
    later = log("Acme", "Backend Engineer", "2026-06-25")  # 97 days on: applied again
    rounds = sorted(a["rounds"] for a in json.loads(reflect("applications", "--json").stdout))
    assert rounds == [[first, soon], [later]]


def test_show_tells_when_the_outcome_arrived(log, reflect):
    ident = log("Acme", "Dev", "2026-01-05")
    reflect("outcome", ident, "offer", "--date", "2026-01-09")
    assert "offer on 2026-01-09" in reflect("show", ident).stdout


def test_migrate_renames_files_whose_names_state_old_facts(log, reflect, data_dir):
    ident = log("株式会社テスト", "Dev", "2026-01-10")
    stale = data_dir / "2026-01-10-x-dev.toml"  # what older versions named it
    (data_dir / f"{ident}.toml").rename(stale)
    imported = data_dir / "my-own-name.toml"  # not a name reflect gave: left alone
    imported.write_text(stale.read_text().replace("2026-01-10", "2026-01-11"))
    result = reflect("migrate")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in data_dir.glob("*.toml")) == [f"{ident}.toml", "my-own-name.toml"]
    assert list((data_dir / "backups").rglob("2026-01-10-x-dev.toml"))  # backed up first


def test_a_round_marked_rejected_is_not_passed_even_with_a_later_round(log, reflect):
    screen = log("Acme", "Backend Engineer", "2026-11-02", "--stage", "recruiter-screen", "--outcome", "advanced")
    phone = json.loads(reflect("log", "--next", screen, "--date", "2026-11-09", "--outcome", "rejected", "--json").stdout)["id"]
    assert reflect("log", "--next", phone, "--date", "2026-11-16", "--json").exit_code == 0
    rates = json.loads(reflect("stats", "--json").stdout)["applications"]["pass_rate_by_stage"]
    assert rates["recruiter-screen"] == {"rounds": 1, "passed": 1, "decided": 1, "rate": 1.0}
    assert rates["phone-screen"] == {"rounds": 1, "passed": 0, "decided": 1, "rate": 0.0}


def test_a_round_id_too_long_for_a_narrow_terminal_goes_whole_on_its_own_line(reflect, monkeypatch):
    monkeypatch.setenv("COLUMNS", "50")
    ident = "2026-11-20-initech-worldwide-senior-site-reliability-engineer"
    assert reflect("log", "--company", "Initech Worldwide", "--role", "Senior Site Reliability Engineer", "--date", "2026-11-20").exit_code == 0
    lines = reflect("applications").stdout.splitlines()
    assert f"       {ident}" in lines
    assert not any("\u2026" in line for line in lines)
    monkeypatch.setenv("COLUMNS", "120")
    assert any(line.endswith(f"pending  {ident}") for line in reflect("applications").stdout.splitlines())


def test_last_contact_reads_today_and_yesterday_in_words(reflect):
    import datetime as dt

    today = dt.date.today()
    assert reflect("log", "--company", "Acme", "--role", "Dev", "--date", today.isoformat()).exit_code == 0
    assert reflect("log", "--company", "Globex", "--role", "Dev", "--date", (today - dt.timedelta(days=1)).isoformat()).exit_code == 0
    out = reflect("applications").stdout
    assert "last contact today" in out and "last contact yesterday" in out and "0 days" not in out


def test_today_lists_the_next_steps_noted_in_the_last_two_weeks(reflect):
    import datetime as dt

    today = dt.date.today()
    recent, old = (today - dt.timedelta(days=2)).isoformat(), (today - dt.timedelta(days=30)).isoformat()
    assert reflect("log", "--company", "Tide", "--role", "Dev", "--date", recent, "--outcome", "offer", "--next-step", "Negotiate the offer").exit_code == 0
    assert reflect("log", "--company", "Old", "--role", "Dev", "--date", old, "--next-step", "Long forgotten").exit_code == 0
    out = reflect("today").stdout
    assert "Your next steps" in out and f"Negotiate the offer (Tide, {recent})" in out
    assert "Long forgotten" not in out
    steps = json.loads(reflect("today", "--json").stdout)["next_steps"]
    assert [s["text"] for s in steps] == ["Negotiate the offer"]
