"""The user's settings as pydantic models; :mod:`reflect.config` reads and writes the file."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field

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
    private: list[str] = Field(default_factory=list, description="words `reflect report --redact` leaves out (names, projects, employers)")
    feedback_chase_days: Annotated[int, Field(ge=1, le=365)] = 7
    themes: ThemesConfig = Field(default_factory=ThemesConfig)
