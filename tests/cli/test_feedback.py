import datetime as dt
import json


def test_feedback_lifecycle(log, reflect):
    ident = log("Acme", "Dev", "2026-01-10", "--outcome", "rejected")
    pending = json.loads(reflect("feedback", "--pending", "--json").stdout)
    assert [(p["id"], p["reason"]) for p in pending] == [(ident, "never requested")]

    result = reflect("feedback", ident, "--status", "requested", "--date", "2026-01-11")
    assert result.exit_code == 0, result.output
    pending = json.loads(reflect("feedback", "--pending", "--json").stdout)
    assert pending[0]["reason"].startswith("requested") and "not received" in pending[0]["reason"]

    result = reflect("feedback", ident, "--text", "Answers were too long", "--source", "recruiter")
    assert result.exit_code == 0
    shown = json.loads(reflect("show", ident, "--json").stdout)
    assert shown["feedback"]["status"] == "received"
    assert shown["feedback"]["requested_on"] == "2026-01-11"
    assert shown["feedback"]["received_on"] == dt.date.today().isoformat()
    assert shown["feedback"]["text"] == "Answers were too long"
    assert json.loads(reflect("feedback", "--pending", "--json").stdout) == []


def test_recent_request_is_not_chased_yet(log, reflect):
    today = dt.date.today().isoformat()
    ident = log("Acme", "Dev", today)
    reflect("feedback", ident, "--status", "requested")
    assert json.loads(reflect("feedback", "--pending", "--json").stdout) == []


def test_feedback_without_anything_to_record_is_usage_error(log, reflect):
    ident = log()
    result = reflect("feedback", ident)
    assert result.exit_code == 2


def test_more_feedback_is_added_never_overwritten(log, reflect):
    ident = log("Acme", "Dev", "2026-01-10", "--feedback", "Good fundamentals, answers too long")
    assert reflect("feedback", ident, "--text", "").exit_code == 2
    result = reflect("feedback", ident, "--text", "HR added: more enthusiasm please", "--source", "HR")
    assert result.exit_code == 0
    fb = json.loads(reflect("show", ident, "--json").stdout)["feedback"]
    assert fb["text"] == "Good fundamentals, answers too long\n\nHR added: more enthusiasm please"
    assert fb["received_on"] == "2026-01-10"  # the first arrival date stays


def test_received_feedback_is_not_turned_back_into_requested(log, reflect):
    ident = log("Acme", "Dev", "2026-01-10", "--feedback", "Too long")
    before = reflect("show", ident, "--json").stdout
    result = reflect("feedback", ident, "--status", "requested")
    assert result.exit_code == 2 and "already received" in result.stderr
    assert reflect("show", ident, "--json").stdout == before


def test_feedback_from_a_second_person_keeps_the_first_persons_name(log, reflect):
    ident = log("Acme")
    assert reflect("feedback", ident, "--text", "Answers ran long", "--source", "recruiter").exit_code == 0
    assert reflect("feedback", ident, "--text", "Strong on design", "--source", "hiring manager").exit_code == 0
    feedback = json.loads(reflect("show", ident, "--json").stdout)["feedback"]
    assert feedback["source"] == "recruiter; hiring manager"
    assert feedback["text"] == "Answers ran long\n\nhiring manager: Strong on design"
