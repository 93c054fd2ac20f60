from rich.console import Console

from reflect.analysis.resilience import analyse
from reflect.views.resilience import resilience_view, spark
from tests.analysis.entries import entry


def render(renderable) -> str:
    console = Console(width=100, record=True, no_color=True)
    console.print(renderable)
    return console.export_text()


def test_view_marks_rejections_and_days_to_recover():
    entries = [
        entry("a", "2026-01-01", "Acme", outcome="advanced", ratings={"mood": 4, "confidence": 4}),
        entry("b", "2026-01-05", "Globex", outcome="rejected", ratings={"mood": 2, "confidence": 2}),
        entry("c", "2026-01-09", "Initech", ratings={"mood": 4}),
    ]
    text = render(resilience_view(analyse(entries)))
    assert "✗" in text.splitlines()[3]
    assert "Globex" in text and "after 4 days" in text


def test_view_without_ratings_says_what_it_needs():
    text = render(resilience_view(analyse([entry("a", "2026-01-01")])))
    assert "no mood or confidence ratings yet" in text


def test_spark_shows_missing_ratings():
    assert spark([1, None, 5]) == "▂·█"


def test_user_text_cannot_drive_the_terminal():
    entries = [entry("a", "2026-01-01", "Evil\x1b[2J", outcome="rejected", ratings={"mood": 1}),
               entry("b", "2026-01-02", "Ok", ratings={"mood": 5})]
    text = render(resilience_view(analyse(entries)))
    assert "\x1b" not in text and "\\x1b" in text
