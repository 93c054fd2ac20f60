"""The user's settings: ``config.toml`` in the platform's config dir, or ``REFLECT_CONFIG``."""

from __future__ import annotations

import tomllib
from pathlib import Path

from pydantic import ValidationError

from reflect.errors import ConfigError, InvalidConfig, Problem
from reflect.models.config import Config, CustomTheme, ThemesConfig


def load_config(path: Path | None = None) -> Config:
    """The user's config, or the defaults when there is no config file."""
    from reflect.dirs import config_file

    path = path or config_file()
    from reflect.atomic import unsafe_place

    unsafe = unsafe_place(path, directory=False)
    if unsafe:
        # Whoever can change the config chooses the editor reflect runs.
        raise ConfigError(f"{unsafe}: not read; make it yours and private (chmod 600) or move it away")
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror}") from None
    try:
        return parse_config(raw.decode("utf-8"), path)
    except UnicodeDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    except InvalidConfig as error:
        raise ConfigError(f"{error.problems[0]} (config file; fix it with `reflect config edit`)") from None


def parse_config(text: str, path: Path | None = None) -> Config:
    """Config from TOML text; :class:`InvalidConfig` names every bad key."""
    from reflect.models import problems_from

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidConfig([Problem(path, "", f"not valid TOML: {error}")]) from None
    try:
        return Config.model_validate(data)
    except ValidationError as error:
        problems = problems_from(error, path)
        raise InvalidConfig([_config_wording(p) for p in problems]) from None


def _config_wording(problem: Problem) -> Problem:
    key = problem.field.replace(".[", "[")
    message = problem.message
    if message.startswith("unknown field"):
        message = "unknown key (check the spelling; `reflect config` shows an example of every key)"
    return Problem(problem.path, key, message)


def template() -> str:
    """A commented config file naming every key, for a user who has none yet."""
    return (Path(__file__).parent / "data" / "config.toml").read_text(encoding="utf-8")


def save_config_text(path: Path, text: str, original: bytes | None) -> None:
    """Write the config atomically (0600), unless it changed since ``original`` was read.

    On a conflict the new text is kept next to it as a draft, and :class:`ConfigError` is raised.
    """
    from reflect import atomic

    atomic.ensure_dir(path.parent)
    # Compare-then-replace under a lock (the journal's kind, in the config's folder): two
    # editors saving at the same moment must not both see the old file and both "save".
    with atomic.locked(path.parent):
        current = path.read_bytes() if path.exists() else None
        if current != original:
            draft = save_config_draft(path, text)
            raise ConfigError(f"{path} changed since it was opened; it was left as it is and your version is kept: {draft}")
        if original is None:
            try:
                atomic.write_file(path, text.encode("utf-8"))
            except FileExistsError:
                draft = save_config_draft(path, text)
                raise ConfigError(f"{path} appeared while you were editing; your version is kept: {draft}") from None
        else:
            atomic.replace(path, text.encode("utf-8"))


def save_config_draft(path: Path, text: str) -> Path:
    """Keep config text that could not be saved, next to the config file."""
    import datetime as dt

    from reflect import atomic

    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    return atomic.create_new(atomic.ensure_dir(path.parent), f"{path.stem}-draft-{stamp}", text.encode("utf-8"))
