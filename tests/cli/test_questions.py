import json


def _log_json(reflect, tmp_path, name, data):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = reflect("log", "--from-file", str(path), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)["id"]


def test_bank_groups_wordings_puts_stumped_first_and_tracks_answers(reflect, tmp_path):
    _log_json(reflect, tmp_path, "a", {
        "company": "Acme", "role": "Dev", "date": "2026-03-01",
        "questions": [
            {"text": "Design a URL shortener", "kind": "system-design", "stumped": True, "answer_rating": 2},
            {"text": "Why do you want to work here?", "kind": "about-me", "answer_rating": 4},
        ],
    })
    _log_json(reflect, tmp_path, "b", {
        "company": "Globex", "role": "Dev", "date": "2026-04-01",
        "questions": [
            {"text": "How would you design a URL shortening service?", "kind": "system-design",
             "answer_rating": 4, "better_answer": "Start from the read/write ratio, then the key scheme."},
            {"text": "Why do you want to work here?", "kind": "about-me"},
            {"text": "Why do you want to work here?", "kind": "about-me"},
        ],
    })
    bank = json.loads(reflect("questions", "--json").stdout)
    assert [g["text"] for g in bank] == ["How would you design a URL shortening service?", "Why do you want to work here?"]
    design = bank[0]
    assert design["count"] == 2 and design["stumped"] == 1 and design["kind"] == "system-design"
    assert design["wordings"] == ["How would you design a URL shortening service?", "Design a URL shortener"]
    assert design["ratings"] == [{"date": "2026-03-01", "rating": 2}, {"date": "2026-04-01", "rating": 4}]
    assert design["better_answer"].startswith("Start from the read/write ratio")
    assert bank[1]["count"] == 3

    table = reflect("questions")
    assert table.exit_code == 0
    assert "URL shortening" in table.stdout and "stumped" in table.stdout and "2 \u2192 4" in table.stdout
    assert "read/write ratio" in table.stdout

    only = json.loads(reflect("questions", "--stumped", "--json").stdout)
    assert [g["text"] for g in only] == [design["text"]]
    assert json.loads(reflect("questions", "--kind", "about-me", "--json").stdout)[0]["count"] == 3


def test_unrelated_questions_stay_apart(log, reflect):
    log("Acme", "Dev", "2026-01-10", "--stumped", "Design a rate limiter", "--question", "Design a chat system")
    bank = json.loads(reflect("questions", "--json").stdout)
    assert sorted(g["text"] for g in bank) == ["Design a chat system", "Design a rate limiter"]


def test_empty_bank_says_how_to_fill_it(log, reflect):
    result = reflect("questions")
    assert result.exit_code == 0 and "reflect log --stumped" in result.stderr
    log("Acme", "Dev", "2026-01-10", "--stumped", "Reverse a linked list")
    result = reflect("questions", "--kind", "culture")
    assert result.exit_code == 0 and "No question matches" in result.stderr


def test_user_text_cannot_drive_the_terminal(log, reflect):
    log("Acme", "Dev", "2026-01-10", "--stumped", "Evil \x1b[31mred")
    result = reflect("questions")
    assert "\x1b" not in result.stdout and "\\x1b" in result.stdout


def test_a_narrow_terminal_gets_one_block_per_question_with_no_word_broken(reflect, log, monkeypatch):
    log("Pied", "SRE", "2026-11-20", "--stumped", "coding:Explain idempotency requirements for a marketplace payments API")
    monkeypatch.setenv("COLUMNS", "50")
    out = reflect("questions").stdout
    for word in ("idempotency", "requirements", "marketplace"):
        assert word in out
    assert "  coding \u00b7 asked 1" in out.splitlines()
    assert all(len(line) <= 50 for line in out.splitlines())
