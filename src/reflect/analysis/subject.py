"""Whose weakness a sentence describes: the candidate's, or someone else's.

After a rejection people write about the interviewer as much as about themselves:
"the interviewer was nervous and rambled", "the recruiter joined late", "their
question had a bug in it". Those are not the candidate's weaknesses, and a theme
found in them must not count against the candidate.

The rule reads the words before the place a theme was found, nearest first, across
the sentence's clauses (a clause without a subject of its own, "... and rambled",
shares the one before it):

* a word for the candidate ("I", "my", "me", "you" in reported feedback) decides:
  the candidate's. "They said I rambled" and "the panel made me nervous" are;
* a word that reports what someone said or thought ("said", "told", "feedback",
  "felt") decides the same way: what follows it is their view of the candidate
  ("their feedback: too long-winded");
* a word for someone else ("the interviewer", "he", "she", "they", "their", "the
  recruiter", "the panel", "the company", "the other candidate") decides: not the
  candidate's, unless it reacts to what the candidate was doing ("the interviewer kept
  glancing at the clock while I talked");
* nothing at all (a note without a subject, "rambled on the design question"): the
  candidate's, since a journal's notes are about its writer.
"""

from __future__ import annotations

from reflect.analysis.text import NEGATORS, Token

CANDIDATE, OTHER = "candidate", "other"

CANDIDATE_WORDS = frozenset("i me my mine myself im ive id you your yours yourself".split())
SUBJECT_WORDS = frozenset("i im ive id".split())  # the candidate as the one who did it, never an object
# What someone said or thought of the candidate: what follows is about the candidate.
REPORTING_STEMS = frozenset(
    """
    said say says told tell tells feedback verdict comment comments remark remarks note noted
    mention mentioned felt feel feels thought think thinks reason reasons concern concerns
    impression impressions critique criticism response wrote write writes
    according
    """.split()
)
OTHER_WORDS = frozenset(
    """
    he him his she her hers they them their theirs interviewer interviewers recruiter recruiters
    panel panelist panelists panellist panellists manager managers hr company companies firm
    employer employers boss cto ceo cfo coo vp founder founders director directors host hosts
    guy guys woman women man men lady gentleman person people team teams staff receptionist
    engineer engineers lead leads interviewee interviewees candidates organisation organization
    office culture environment atmosphere offer package link video connection wifi internet audio
    camera microphone mic laptop software platform codebase project exercise assignment starter template
    zoom skype webex call calls stream feed screen browser app
    """.split()
)
# Someone else as the object of a verb, not the one who did it.
OTHER_OBJECTS = frozenset("them him her their his".split())
# "answers to my questions", "asked me": a word for the candidate after one of these is
# an object, not the one who did something, and decides nothing.
PREPOSITIONS = frozenset("to of about for on with from at by into over than like".split())
WHILE_WORDS = frozenset(("while", "as"))
SPEAKING_STEMS = frozenset("talk spoke speak answer explain went kept rambl describ present walk".split())
# "the other candidate", "an internal candidate": someone else; "the candidate" in
# feedback is the user.
OTHER_CANDIDATE_BEFORE = frozenset("other another internal successful stronger chosen external".split())


def whose(tokens: list[Token], start: int, end: int | None = None) -> str:
    """:data:`CANDIDATE` or :data:`OTHER`: whose weakness the words of ``tokens`` from
    ``start`` (to ``end``) describe; indexes into ``tokens``, stop words included."""
    for i in range(start, (end if end is not None else start) + 1):
        if _other_candidate(tokens, i):
            return OTHER  # the phrase itself names someone else: "another candidate with more experience"
    skip_to = start
    for i in range(start - 1, -1, -1):
        if i >= skip_to:
            continue
        word = tokens[i].word
        if _withheld_from_candidate(tokens, i) and tokens[i].clause == tokens[start].clause:
            skip_to = i - 1  # "the recruiter never told me the salary range": the recruiter did not
            continue
        if word in CANDIDATE_WORDS:
            if i > 0 and tokens[i - 1].word in PREPOSITIONS and word not in SUBJECT_WORDS:
                continue  # "talked over me": an object; but "I" never is ("her eyes glazed over; I talked")
            return CANDIDATE
        if word in REPORTING_STEMS:
            return CANDIDATE
        if word in OTHER_OBJECTS and i > 0 and not tokens[i - 1].stop and tokens[i - 1].clause == tokens[i].clause:
            continue  # "I accepted their number", "I bored them": what was done to them, by someone else
        if word in OTHER_WORDS or _other_candidate(tokens, i):
            return CANDIDATE if _reacting_to_candidate(tokens, end if end is not None else start) else OTHER
    return CANDIDATE


def _reacting_to_candidate(tokens: list[Token], end: int) -> bool:
    """ "The interviewer kept glancing at the clock while I talked": someone else's
    reaction to what the candidate was doing says something about the candidate."""
    for i in range(end + 1, len(tokens) - 1):
        if tokens[i].word in WHILE_WORDS and tokens[i + 1].word in ("i", "my"):
            return any(t.stem in SPEAKING_STEMS for t in tokens[i + 2 : i + 5])
    return False


def _withheld_from_candidate(tokens: list[Token], i: int) -> bool:
    """ "Never told me", "did not tell me": what follows in that clause was kept from the
    candidate, so "me" and the telling decide nothing and the one who withheld it is the
    subject. A later clause has its own ("they never told me why; probably rambled")."""
    return (
        tokens[i].word == "me"
        and i >= 2
        and tokens[i - 1].word in REPORTING_STEMS
        and tokens[i - 2].word in NEGATORS
    )


def _other_candidate(tokens: list[Token], i: int) -> bool:
    return tokens[i].word == "candidate" and i > 0 and tokens[i - 1].word in OTHER_CANDIDATE_BEFORE


def about_others(tokens: list[Token]) -> bool:
    """Whether a sentence speaks only of someone else: a word for someone else and none
    for the candidate, nor any report of what was said of them."""
    others = False
    for i, token in enumerate(tokens):
        word = token.word
        if word in CANDIDATE_WORDS or word in REPORTING_STEMS:
            return False
        if word in OTHER_WORDS or _other_candidate(tokens, i):
            others = True
    return others
