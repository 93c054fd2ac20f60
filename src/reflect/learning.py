"""The store of what the theme engine learned from the user: ``state/learned.toml``.

Plain TOML read without pydantic (``reflect themes`` reads it on its fast path), written
through :func:`reflect.state.write_state`. A file that does not read is an error naming
it, never reset: it holds what the user taught. It is the user's own: never shipped,
never exported.
"""

from __future__ import annotations

import tomllib
from typing import TYPE_CHECKING

from reflect.errors import BadState
from reflect.models.learned import Wording, parse_wordings

if TYPE_CHECKING:
    from reflect.journal import Journal

LEARNED_FILE = "learned.toml"
HEADER = (
    "# What reflect learned from your decisions on themes (see docs/themes.md): each wording\n"
    "# suggests its theme (confirmed) or stops suggesting it (dismissed) for notes in the same words.\n"
    "# Undo one with `reflect themes --forget N`.\n"
)


def load_learned(journal: Journal) -> list[Wording]:
    """Every wording learned in this journal, oldest first (none when there is no file)."""
    path = journal.state / LEARNED_FILE
    advice = "fix it by hand or move it away (it holds what reflect learned from your decisions)"
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return []
    except OSError as failure:
        raise BadState(f"{path}: cannot read: {failure.strerror}") from None
    try:
        return parse_wordings(tomllib.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as failure:
        raise BadState(f"{path}: not valid TOML ({failure}); {advice}") from None
    except ValueError as failure:
        raise BadState(f"{path}: {failure}; {advice}") from None


def save_learned(journal: Journal, wordings: list[Wording], message: str, record: bool = True) -> None:
    import tomli_w

    from reflect import atomic
    from reflect.state import write_state

    body = tomli_w.dumps({"wording": [w.to_data() for w in wordings]}) if wordings else ""
    data = (HEADER + body).encode("utf-8")
    if record:
        write_state(journal, LEARNED_FILE, data, message)
    else:
        atomic.replace(journal.own_dir(journal.state) / LEARNED_FILE, data)


def learned_path(journal: Journal):  # type: ignore[no-untyped-def]
    return journal.state / LEARNED_FILE
