"""The user's settings: ``config.toml`` in the platform's config dir, or ``REFLECT_CONFIG``."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reflect.errors import ConfigError
from reflect.vocab import Format, Stage


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CustomTheme(_Strict):
    """A theme of the user's own, matched like the built-in ones."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9-]*$")]
    label: str
    description: str = ""
    triggers: list[str] = Field(min_length=1)
    positives: list[str] = Field(default_factory=list, description="the good form, e.g. 'tidy diagram'")
    actions: list[str] = Field(default_factory=list)


class ThemesConfig(_Strict):
    disabled: list[str] = Field(default_factory=list, description="built-in theme ids to switch off")
    triggers: dict[str, list[str]] = Field(
        default_factory=dict, description="extra trigger phrases for existing themes, by theme id"
    )
    positives: dict[str, list[str]] = Field(
        default_factory=dict, description="extra positive forms for existing themes, by theme id"
    )
    custom: list[CustomTheme] = Field(default_factory=list)


class Config(_Strict):
    editor: str | None = Field(default=None, description="editor command; overrides $VISUAL and $EDITOR")
    default_stage: Stage | None = None
    default_format: Format | None = None
    mantras: list[str] = Field(default_factory=list, description="shown after a rejection")
    feedback_chase_days: Annotated[int, Field(ge=1, le=365)] = 7
    themes: ThemesConfig = Field(default_factory=ThemesConfig)


def load_config(path: Path | None = None) -> Config:
    """The user's config, or the defaults when there is no config file."""
    from reflect.dirs import config_file
    from reflect.models import problems_from

    path = path or config_file()
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return Config()
    except OSError as error:
        raise ConfigError(f"{path}: cannot read config: {error.strerror}") from None
    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from None
    try:
        return Config.model_validate(data)
    except ValidationError as error:
        problem = problems_from(error, path)[0]
        raise ConfigError(f"{problem} (config file)") from None
