"""``reflect show``: each fact once, in words."""

from __future__ import annotations


def _feedback_line(reflect, ident: str) -> str:
    lines = reflect("show", ident).stdout.splitlines()
    return lines[lines.index("Feedback") + 1].strip()


def test_feedback_dates_are_said_once_with_on(reflect, log):
    ident = log("Acme", "Dev", "2026-08-10", "--outcome", "rejected")
    assert _feedback_line(reflect, ident) == "\u2022 not requested"
    assert reflect("feedback", ident, "--status", "requested", "--date", "2026-08-12").exit_code == 0
    assert _feedback_line(reflect, ident) == "\u2022 requested on 2026-08-12"
    assert reflect("feedback", ident, "--text", "Answers ran long", "--source", "recruiter", "--date", "2026-08-20").exit_code == 0
    assert _feedback_line(reflect, ident) == "\u2022 requested on 2026-08-12, received on 2026-08-20, from recruiter"


def test_id_and_path_each_on_a_line_of_their_own(reflect, log):
    ident = log("Acme", "Dev", "2026-08-10")
    lines = [line.strip() for line in reflect("show", ident).stdout.splitlines()]
    assert ident in lines
    assert any(line.endswith(f"{ident}.toml") for line in lines)
