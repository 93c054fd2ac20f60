"""Whose weakness a sentence describes (analysis/subject.py)."""

from __future__ import annotations

import pytest

from reflect.analysis.subject import CANDIDATE, OTHER, whose
from reflect.analysis.text import tokenize


def _whose(sentence: str, word: str) -> str:
    tokens = tokenize(sentence)
    place = [t.word for t in tokens].index(word)
    return whose(tokens, place)


@pytest.mark.parametrize(
    ("sentence", "word", "expected"),
    [
        ("I rambled on the design question.", "rambled", CANDIDATE),
        ("Rambled on the design question.", "rambled", CANDIDATE),
        ("The interviewer was nervous and rambled a lot.", "rambled", OTHER),
        ("They said I rambled.", "rambled", CANDIDATE),
        ("He talked over me the whole time.", "talked", OTHER),
        ("The interviewer kept glancing at the clock while I talked.", "glancing", CANDIDATE),
        # "I" is never an object: "over" before it does not make it one
        ("Her eyes glazed over; I talked far too long.", "talked", CANDIDATE),
        ("Her eyes glazed over; I talked far too long.", "glazed", OTHER),
        ("Zoom froze twice on their end.", "froze", OTHER),  # the tool froze, not the candidate
        ("I froze on the call.", "froze", CANDIDATE),
        # what was kept from the candidate is the one who kept it back's doing
        ("The recruiter never told me the salary range.", "salary", OTHER),
        ("They didn't tell me the salary until the offer.", "salary", OTHER),
        ("They told me the salary talk went badly.", "salary", CANDIDATE),
        ("You couldn't tell me why you picked the database.", "database", CANDIDATE),
        ("They never told me why, probably rambled too long.", "rambled", CANDIDATE),
        # someone else as the object of what the candidate did
        ("I accepted their number without negotiating.", "negotiating", CANDIDATE),
        ("I bored them with a long story.", "story", CANDIDATE),
        ("The interviewer ignored her notes and rambled.", "rambled", OTHER),
        ("The interviewer talked over (me) and rambled on.", "rambled", OTHER),
        ('The interviewer kept talking over "me" and rambled.', "rambled", OTHER),
    ],
)
def test_whose(sentence, word, expected):
    assert _whose(sentence, word) == expected
