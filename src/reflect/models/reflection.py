"""The reflection file format as pydantic models (schema version 2).

Models validate and nothing else: no files, no prompts, no printing. The
format is documented for users in docs/format.md; keep the two in step.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, Strict, ValidationError, ValidationInfo, field_validator

from reflect.errors import InvalidReflection, Problem
from reflect.vocab import FeedbackStatus, Format, GapKind, Outcome, QuestionKind, Stage

SCHEMA_VERSION = 2



def _not_a_number(value: Any) -> Any:
    # pydantic would read a number as seconds since 1970; in a hand-written file it is a mistake.
    if isinstance(value, (bool, int, float)):
        raise ValueError("expected a date like 2026-11-20")
    return value


# Strict: `true` or `2.0` where a whole number belongs is a mistake to report, not to coerce.
Rating = Annotated[int, Strict(), Field(ge=1, le=5, description="1 (poor) to 5 (excellent)")]
Text = Annotated[str, Field(min_length=1)]
Day = Annotated[dt.date, BeforeValidator(_not_a_number)]


class _Strict(BaseModel):
    # A typo in a hand-edited file must be reported, not silently dropped.
    model_config = ConfigDict(extra="forbid", populate_by_name=True, use_enum_values=False)


class Ratings(_Strict):
    """Self-assessment, each from 1 to 5."""

    preparation: Rating | None = None
    confidence: Rating | None = None
    performance: Rating | None = None
    fit: Rating | None = None
    mood: Rating | None = None


class Feedback(_Strict):
    """Feedback asked for and received. Treated as mandatory: reflect keeps chasing it."""

    status: FeedbackStatus = FeedbackStatus.NOT_REQUESTED
    requested_on: Day | None = None
    received_on: Day | None = None
    source: str | None = None
    text: str | None = None


class Prep(_Strict):
    """What was done to prepare, and for how long."""

    hours: Annotated[float, Strict(), Field(ge=0, le=10_000)] | None = None
    activities: list[str] = Field(default_factory=list)
    notes: str | None = None


class Gap(_Strict):
    """Something that was missing: a skill, experience, culture fit, preparation or delivery."""

    kind: GapKind
    detail: str = ""


class Question(_Strict):
    """A question asked in the interview."""

    text: Text
    kind: QuestionKind = QuestionKind.OTHER
    stumped: Annotated[bool, Strict()] = False
    answer_rating: Rating | None = None
    better_answer: str | None = None


_THEME_ID = re.compile(r"[a-z0-9][a-z0-9-]*")


def _theme_id(value: str) -> str:
    if not _THEME_ID.fullmatch(value):
        raise ValueError(f"{value!r} is not a theme id (lowercase letters, digits and dashes; see `reflect themes --list`)")
    return value


ThemeId = Annotated[str, AfterValidator(_theme_id), Field(json_schema_extra={"pattern": _THEME_ID.pattern.join("^$")})]


class ThemeDecisions(_Strict):
    """The user's word on this reflection's themes (schema 2): it beats the engine's."""

    confirmed: list[ThemeId] = Field(default_factory=list, description="themes you confirmed for this reflection")
    dismissed: list[ThemeId] = Field(default_factory=list, description="themes you said this reflection does not show")

    @field_validator("dismissed")
    @classmethod
    def _not_both(cls, value: list[str], info: ValidationInfo) -> list[str]:
        both = sorted(set(value) & set(info.data.get("confirmed", ())))
        if both:
            raise ValueError(f"{', '.join(both)} is also confirmed; a theme is either confirmed or dismissed")
        return value


class Reflection(_Strict):
    """One interview and what was learnt from it."""

    schema_version: Annotated[int, Strict()] = Field(default=SCHEMA_VERSION, alias="schema", ge=1)
    company: Text
    role: Text
    date: Day
    stage: Stage | None = None
    format: Format | None = None
    outcome: Outcome = Outcome.PENDING
    outcome_on: Day | None = None  # when the outcome arrived (`reflect outcome ID OUTCOME --date`)
    # Which application a round belongs to, when the usual rule (same company and role,
    # close in time) is wrong: rounds with the same value form one (analysis/applications.py).
    application: Annotated[str, Field(min_length=1)] | None = None
    interviewers: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    ratings: Ratings = Field(default_factory=Ratings)
    went_well: list[str] = Field(default_factory=list)
    went_wrong: list[str] = Field(default_factory=list)
    gaps: list[Gap] = Field(default_factory=list)
    questions: list[Question] = Field(default_factory=list)
    feedback: Feedback = Field(default_factory=Feedback)
    prep: Prep = Field(default_factory=Prep)
    fit_notes: str | None = None
    lessons: list[str] = Field(default_factory=list)
    next_steps: list[str] = Field(default_factory=list)
    themes: ThemeDecisions = Field(default_factory=ThemeDecisions)

    @field_validator("company", "role")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("must not be blank")
        return value

    @field_validator("schema_version")
    @classmethod
    def _known_schema(cls, value: int) -> int:
        if value > SCHEMA_VERSION:
            raise ValueError(
                f"written by a newer reflect (schema {value}; this version reads up to "
                f"{SCHEMA_VERSION}): upgrade reflect to read it"
            )
        return value

    def to_data(self) -> dict[str, Any]:
        """The reflection as plain data in file order, leaving out what is unset or empty."""
        data = self.model_dump(mode="python", by_alias=True, exclude_none=True)
        return _prune(data)

    def to_json_data(self) -> dict[str, Any]:
        """Like :meth:`to_data`, with dates as ISO strings, for JSON output."""
        return _prune(self.model_dump(mode="json", by_alias=True, exclude_none=True))


def _prune(data: dict[str, Any]) -> dict[str, Any]:
    """Drop empty lists and tables so a file shows only what the user wrote."""
    pruned: dict[str, Any] = {}
    for key, value in data.items():
        if isinstance(value, dict):
            value = _prune(value)
        elif isinstance(value, list):
            value = [_prune(v) if isinstance(v, dict) else v for v in value]
        if value in ({}, []):
            continue
        pruned[key] = value
    return pruned


def problems_from(error: ValidationError, path: Any = None) -> list[Problem]:
    """One :class:`Problem` per field that failed, named the way it is written in the file."""
    problems = []
    for item in error.errors(include_url=False):
        loc = "".join(_loc_part(p) for p in item["loc"]).lstrip(".") or "(top level)"
        problems.append(Problem(path, loc, _message(item)))
    return problems


# Pydantic's wording speaks of Python; these speak of the file the user wrote.
_PLAIN = {
    "extra_forbidden": "unknown field (check the spelling; see `reflect schema`)",
    "missing": "required field is missing",
    "string_type": "must be text in quotes",
    "int_type": "must be a whole number",
    "int_parsing": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_type": "must be a number",
    "float_parsing": "must be a number",
    "bool_type": "must be true or false",
    "bool_parsing": "must be true or false",
    "list_type": "must be a list, like [\"one\", \"two\"]",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "date_type": "must be a date like 2026-11-20",
    "date_parsing": "must be a date like 2026-11-20",
    "date_from_datetime_parsing": "must be a date like 2026-11-20",
    "date_from_datetime_inexact": "must be a date like 2026-11-20, without a time",
    "string_too_short": "must not be empty",
}


def _message(item: Any) -> str:
    kind, message = item["type"], item["msg"]
    if kind in _PLAIN:
        return _PLAIN[kind]
    if kind == "enum":
        expected = item.get("ctx", {}).get("expected", "")
        return f"{item.get('input')!r} is not allowed; use one of {expected}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return message.replace("Input should be", "must be")
    if kind == "value_error":
        return message.removeprefix("Value error, ")
    return message.replace("Input should be", "must be")


def _loc_part(part: str | int) -> str:
    if isinstance(part, int):
        return f"[{part}]"
    return ".schema" if part == "schema_version" else f".{part}"


def validate_reflection(data: Any, path: Any = None) -> Reflection:
    """Validate plain data (from TOML, JSON or flags) into a :class:`Reflection`."""
    if not isinstance(data, dict):
        raise InvalidReflection([Problem(path, "", "expected a table of fields")])
    from reflect.migrations import upgrade

    try:
        data, _ = upgrade(data)  # older schemas are read through their migration, in memory
        return Reflection.model_validate(data)
    except ValidationError as error:
        raise InvalidReflection(problems_from(error, path)) from None
    except RecursionError:
        raise InvalidReflection([Problem(path, "", "values nested too deeply")]) from None
