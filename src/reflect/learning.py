"""The store of what the theme engine learned from the user: ``learned.toml`` beside the
user's config (``reflect path`` names the config).

It is the user's own, like the config: it follows them from journal to journal (an
export imported into a new journal reads the same), and it is never shipped, never
exported and never committed to a journal's history. Plain TOML read without pydantic
(``reflect themes`` reads it on its fast path). A file that does not read is an error
naming it, never reset: it holds what the user taught.
"""

from __future__ import annotations

from pathlib import Path

from reflect.errors import BadState
from reflect.models.learned import Wording, parse_wordings

LEARNED_FILE = "learned.toml"
HEADER = (
    "# What reflect learned from your decisions on themes (see docs/themes.md): each wording\n"
    "# suggests its theme (confirmed) or stops suggesting it (dismissed) for notes in the same words.\n"
    "# List them with `reflect themes --learned`; forget one with `reflect themes --forget N`.\n"
)


def learned_path() -> Path:
    """Beside the config file: ``learned.toml`` in reflect's config directory."""
    from reflect.dirs import config_file

    return config_file().with_name(LEARNED_FILE)


def load_learned() -> list[Wording]:
    """Every wording learned, oldest first (none when there is no file)."""
    path = learned_path()
    advice = "fix it by hand or move it away (it holds what reflect learned from your decisions)"
    try:
        raw = path.read_bytes()
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as failure:
        raise BadState(f"{path}: cannot read: {failure.strerror}") from None
    import tomllib  # only when there is something learned: the usual run reads no file

    try:
        return parse_wordings(tomllib.loads(raw.decode("utf-8")))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as failure:
        raise BadState(f"{path}: not valid TOML ({failure}); {advice}") from None
    except ValueError as failure:
        raise BadState(f"{path}: {failure}; {advice}") from None


def save_learned(wordings: list[Wording]) -> Path:
    """Write every wording, atomically and private (0600)."""
    import tomli_w

    from reflect import atomic

    path = learned_path()
    body = tomli_w.dumps({"wording": [w.to_data() for w in wordings]}) if wordings else ""
    atomic.ensure_dir(path.parent)
    atomic.replace(path, (HEADER + body).encode("utf-8"))
    return path
