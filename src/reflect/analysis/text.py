"""Text handling for theme matching: sentences, normalisation, tokens, stems, negation words.

Everything here is pure and cheap. A sentence becomes a list of :class:`Token`;
each token keeps its stem, whether it is a stop word, and which clause of the
sentence it sits in (clauses end at commas, semicolons and words like "but"),
because negation ("I wasn't nervous") reaches only as far as its own clause.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Stop words dropped before matching, so that "my answers were too long" and
# "answers too long" read the same. Negations, degree words (too, more, less)
# and particles (up, off, out) are kept: they carry meaning for themes.
STOP_WORDS = frozenset(
    """
    a an the i my mine us our ours you your yours he him his she her hers
    they them their theirs it its itself this that these those there here
    am is are was were be been being have has had having do does did doing
    will would shall could can may might
    and or if then so as at by for from in into onto of to with about than
    such just really quite bit kind sort also even still some any all each every
    what which who whom whose when where how while
    very pretty rather somewhat lot lots bit one ones thing things something anything
    s d m ll re ve t
    """.split()
)

# Words that negate what follows them within a clause.
NEGATORS = frozenset(
    "not no never nor without none nothing neither nobody hardly barely scarcely".split()
)

# Words that, between a negator and a phrase, cancel the negation:
# "I couldn't stop rambling", "I couldn't hide my nerves", "not only ... but".
NEGATION_BREAKERS = frozenset(
    "stop help avoid hide shake control overcom calm quit only get rid keep".split()
)

# Words that, before a *positive* phrase, say it was lacking:
# "poor preparation", "little research", "lack of confidence", "failed to prepare".
DEFICIENCY_BEFORE = frozenset(
    """
    lack lacked lacking absence absent insuffici inadequ poor poorli weak weaker weakest
    low lower littl limit minim zero fail forgot forget neglect skip skipped less
    bad badli terribl shaki thin vagu superfici shallow miss inconsist generic unconvinc irrelev bland mediocr sloppi unclear hollow canned
    """.split()
)

# Words that, after a *positive* phrase, say it was lacking:
# "my preparation was minimal", "confidence was low", "research: none".
DEFICIENCY_AFTER = frozenset(
    """
    lack lacking insuffici inadequ poor weak low littl limit minim zero none nothing
    bad terribl shaki thin vagu superfici shallow miss absent nonexist generic unfocus unconvinc irrelev mediocr sloppi
    """.split()
)

# Words that, before a positive phrase, turn it into something to improve:
# "be more concise", "I should have researched them", "need to prepare".
IMPROVE_MARKERS = frozenset(
    "should need must ought more better improv tri practic learn wish work focus rememb next".split()
)

CLAUSE_WORDS = frozenset("but although though however yet whereas except".split())

# Stems that say something went badly. A theme's topic word ("the design round",
# "salary") is only a weakness in a sentence that says something went badly: one with
# a weakness phrase, a negation, or one of these words not itself negated. "The design
# round was a mess" is a hit, "the design round was with the CTO" is not.
TROUBLE_CUES = frozenset(
    """
    struggl fail bomb tank flop botch messi mess fumbl stuck stumbl blank froze freez poor poorli
    weak bad badli terribl aw rough wrong incorrect mistak slow slower confus lost shaki rusti
    shallow vagu thin incomplet unfinish disast apart flounder trip stump miss forgot forget skip
    neglect overlook hard harder difficult tough tricki wors worst embarrass mortifi trainwreck
    issu troubl concern improv lack gap sloppi clumsi awkward pain brutal dread horribl
    disappoint underwhelm nowher blew screw unprepar unsur unclear hesit panick panic clueless
    guess guessed bluf bluff struggle derail unravel collaps crumbl crash sank sink sunk
    letdown setback weakest weaker suboptim ineffici naiv clunki hacki messier buggi broke broken
    below short ignor unnot nudg hint restart tangl silent flag worri
    """.split()
)

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u02bc": "'", "`": "'", "\u201c": '"', "\u201d": '"'})
_CONTRACTIONS = [
    (re.compile(r"\bcan't\b|\bcannot\b"), "can not"),
    (re.compile(r"\bwon't\b"), "will not"),
    (re.compile(r"\bshan't\b"), "shall not"),
    (re.compile(r"\bain't\b"), "is not"),
    (re.compile(r"n't\b"), " not"),
    (re.compile(r"\b(didnt|doesnt|dont|wasnt|werent|isnt|arent|couldnt|wouldnt|shouldnt|hadnt|hasnt|havent)\b"), None),
]
# For each pattern of _CONTRACTIONS, strings one of which every match of it contains:
# only "cannot" matches without an apostrophe, but for the last pattern, each of whose
# words holds one of _NT_NEEDLES.
_NT_NEEDLES = ("dnt", "snt", "dont", "rent", "vent")
_CONTRACTION_NEEDLES = (("can't", "cannot"), ("won't",), ("shan't",), ("ain't",), ("n't",), _NT_NEEDLES)
# Every match starts with a space, a closing quote or a bracket: the lookahead in front
# says so, and lets each other place fail at one test instead of three (same matches).
_SENTENCE_END = re.compile(r"(?=[\s\"')\]])(?:(?<=[.!?])[\"')\]]*\s+|\n+|(?<=\S)\s+-{1,2}\s+(?=[A-Z]))")
_TOKEN = re.compile(r"[a-z0-9]+|[,;:()\"]|\s-{1,2}\s|\u2014|\u2013")
_CLAUSE_PUNCT = frozenset(",;:()\"") | {"\u2014", "\u2013"}


@dataclass(frozen=True, slots=True)
class Token:
    word: str
    stem: str
    stop: bool
    clause: int


def split_sentences(text: str) -> list[str]:
    """Sentences of a note, trimmed, empty ones dropped."""
    parts = _SENTENCE_END.split(text.strip())
    return [p.strip() for p in parts if p and p.strip()]


def normalise(text: str) -> str:
    """Lowercase ASCII-ish text with straight quotes and contractions spelled out."""
    if text.isascii():  # NFKC leaves ASCII as it is, and of the quotes only ` is ASCII
        if "`" in text:
            text = text.translate(_QUOTES)
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKC", text).translate(_QUOTES).lower()
    # Each substitution runs only when the text holds a string that every match of it
    # contains (most sentences have no apostrophe): the same text, without a regular
    # expression pass that cannot match.
    if "'" in text or "cannot" in text:
        for (pattern, replacement), needles in zip(_CONTRACTIONS, _CONTRACTION_NEEDLES):
            for needle in needles:
                if needle in text:
                    text = pattern.sub(_spell_out if replacement is None else replacement, text)
                    break
    else:
        for needle in _NT_NEEDLES:
            if needle in text:
                text = _CONTRACTIONS[-1][0].sub(_spell_out, text)
                break
    return text


def _spell_out(match: re.Match[str]) -> str:
    return match.group(1)[:-1].removesuffix("n") + " not"


_stemmer = None


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """The Snowball (English) stem of one lowercase word, cached."""
    global _stemmer
    if _stemmer is None:
        import snowballstemmer

        _stemmer = snowballstemmer.stemmer("english")
    return _stemmer.stemWord(word)


# A piece of _TOKEN's is a word when it starts with one of these; else it ends a clause
# (punctuation, a dash standing between spaces).
_WORD_START = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
# Tokens are immutable, and a word in a given clause is always the same token: each is
# made once (one dict of words per clause number) instead of once per sentence.
_TOKENS: list[dict[str, Token]] = []
_TOKENS_MAX = 100_000
_token_count = 0


def _clause_tokens(clause: int) -> dict[str, Token]:
    global _token_count
    if _token_count > _TOKENS_MAX:
        _TOKENS.clear()
        _token_count = 0
    while len(_TOKENS) <= clause:
        _TOKENS.append({})
    return _TOKENS[clause]


def _new_token(known: dict[str, Token], piece: str, clause: int) -> Token:
    global _token_count
    _token_count += 1
    token = known[piece] = Token(piece, stem(piece), piece in STOP_WORDS or piece in CLAUSE_WORDS, clause)
    return token


def tokenize(sentence: str) -> list[Token]:
    """Word tokens of one sentence with stems, stop-word flags and clause numbers."""
    tokens: list[Token] = []
    clause = 0
    known = _clause_tokens(0)  # never holds punctuation or a clause word: those are looked at below
    for piece in _TOKEN.findall(normalise(sentence)):
        token = known.get(piece)
        if token is None:
            if piece[0] not in _WORD_START:
                clause += 1
                known = _clause_tokens(clause)
                continue
            if piece in CLAUSE_WORDS:
                clause += 1
                known = _clause_tokens(clause)
                token = Token(piece, stem(piece), True, clause)
            else:
                token = _new_token(known, piece, clause)
        tokens.append(token)
    return tokens


@lru_cache(maxsize=16384)
def _stems(text: str) -> tuple[str, ...]:
    return tuple(t.stem for t in tokenize(text) if not t.stop)


def stems(text: str) -> list[str]:
    """Content stems of a phrase (stop words dropped): how triggers are compiled."""
    return list(_stems(text))
