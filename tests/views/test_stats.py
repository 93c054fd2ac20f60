"""``reflect stats`` reads without colour and in a narrow terminal."""

from __future__ import annotations

import pytest


@pytest.fixture
def journal(log):
    log("Acme", "Dev", "2026-01-10", "--stage", "onsite", "--outcome", "rejected", "--prep", "2", "--confidence", "3", "--prep-hours", "4")
    log("Globex", "Dev", "2026-01-20", "--stage", "onsite", "--outcome", "rejected", "--prep", "3", "--confidence", "1")
    log("Initech", "Dev", "2026-03-05", "--stage", "onsite", "--outcome", "offer", "--prep", "5", "--confidence", "4", "--prep-hours", "8")
    log("Umbrella", "Dev", "2026-03-06", "--stage", "technical", "--outcome", "advanced", "--prep", "4", "--confidence", "4")


@pytest.mark.parametrize("columns", [40, 80, 120])
def test_every_average_is_shown_whatever_the_width(monkeypatch, reflect, journal, columns):
    monkeypatch.setenv("COLUMNS", str(columns))
    shown = reflect("stats").stdout
    assert "\u2026" not in shown  # nothing hidden behind an ellipsis
    assert all(len(line) <= columns for line in shown.splitlines())
    rejected = next(line for line in shown.splitlines() if line.startswith("rejected"))
    assert rejected.split()[1] == "2" and "2.5" in rejected and "2.0" in rejected and "4.0" in rejected
    assert "1 offer, 2 rejected" in " ".join(shown.split())


def test_outcomes_by_stage_read_without_colour(reflect, journal):
    """NO_COLOR is set for every test: each outcome has its own letter in the bars, and a key."""
    lines = reflect("stats").stdout.splitlines()
    onsite = next(line for line in lines if line.startswith("onsite"))
    assert onsite.split()[1] == "orr"  # one offer, two rejections
    assert next(line for line in lines if line.startswith("technical")).split()[1] == "a"
    legend = next(line for line in lines if "=offer" in line)
    assert sorted(legend.split()) == ["a=advanced", "o=offer", "r=rejected"]
