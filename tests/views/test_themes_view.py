import datetime as dt
from pathlib import Path

from rich.console import Console

from reflect.analysis.taxonomy import get_taxonomy
from reflect.analysis.themes import analyse
from reflect.models.entry import Entry
from reflect.models import Reflection
from reflect.views.themes import sparkline, theme_detail, themes_table


def render(renderable) -> str:
    console = Console(width=160, record=True, color_system=None)
    console.print(renderable)
    return console.export_text()


def entries():
    out = []
    for n in range(4):
        r = Reflection(
            company=f"C{n}", role="Dev", date=dt.date(2024, 1 + n, 3), outcome="rejected" if n < 3 else "offer",
            went_wrong=["I rambled about [bold]everything[/bold] for ages."],
        )
        out.append(Entry(f"id{n}", Path(f"id{n}.toml"), r))
    return out


def test_table_shows_ranked_theme_with_quote_kept_literal():
    text = render(themes_table(analyse(entries(), get_taxonomy())))
    assert "4 interviews analysed" in text
    assert "Conciseness" in text
    assert "[bold]everything[/bold]" in text  # user text is not markup
    assert "3/3 rejections" in text


def test_detail_lists_every_piece_of_evidence():
    report = analyse(entries(), get_taxonomy())
    text = render(theme_detail(report.theme("conciseness")))
    assert text.count("I rambled about") == 4
    assert "To practise" in text


def test_empty_journal_says_so():
    assert "No reflections" in render(themes_table(analyse([], get_taxonomy())))


def test_sparkline_height_follows_counts():
    line = sparkline([0, 1, 4]).plain
    assert line[0] == " " and line[2] == "█" and line[1] < line[2]


def test_a_long_note_is_quoted_around_the_words_that_made_it_evidence():
    long_note = (
        "The recruiter call started late, then the hiring manager walked me through the team's roadmap for ages, "
        "and when asked about my last project I rambled through every detail of the migration without a point."
    )
    many = [
        Entry(f"id{n}", Path(f"id{n}.toml"), Reflection(company=f"C{n}", role="Dev", date=dt.date(2024, 1 + n, 3), went_wrong=[long_note]))
        for n in range(3)
    ]
    text = render(themes_table(analyse(many, get_taxonomy())))
    assert "rambled" in text
    assert "…" in text  # cut, and said so
