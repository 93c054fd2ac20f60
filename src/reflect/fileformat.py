"""Reflection files as text: TOML (and JSON) in, TOML out. No file system access here."""

from __future__ import annotations

import json
import tomllib
from pathlib import Path
from typing import Any

from reflect.errors import InvalidReflection, Problem
from reflect.models import Reflection, validate_reflection

SCHEMA_FILE = "reflection.schema.json"


def schema_path() -> Path:
    """The JSON Schema shipped inside the installed package."""
    return Path(__file__).parent / "data" / SCHEMA_FILE


def dumps(reflection: Reflection) -> str:
    """The TOML text of a reflection file, starting with a ``#:schema`` line for editors."""
    import tomli_w

    header = f"#:schema {schema_path().as_uri()}\n"
    data = reflection.to_data()
    # tomli_w writes "\r\n" inside a multi-line string as a bare newline, losing the
    # "\r": text holding one is written as escaped single-line strings instead.
    return header + tomli_w.dumps(data, multiline_strings=not _has_cr(data))


def _has_cr(value: Any) -> bool:
    if isinstance(value, str):
        return "\r" in value
    if isinstance(value, dict):
        return any(_has_cr(v) for v in value.values())
    if isinstance(value, list):
        return any(_has_cr(v) for v in value)
    return False


def decode(raw: bytes, path: Path | None = None) -> str:
    """Bytes of a file as text, or a problem naming where it stops being UTF-8."""
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]  # a byte-order mark, as some Windows editors write: not part of the text
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise InvalidReflection(
            [Problem(path, "", f"not UTF-8 text (bad byte at offset {error.start})")]
        ) from None


def parse_toml(text: str, path: Path | None = None) -> dict[str, Any]:
    """TOML text as data, or a one-line problem that says where the syntax breaks."""
    if "\x00" in text:
        raise InvalidReflection([Problem(path, "", "not a text file (contains NUL bytes)")])
    if not text.strip():
        raise InvalidReflection([Problem(path, "", "file is empty")])
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise InvalidReflection([Problem(path, "", f"not valid TOML: {error}")]) from None
    except RecursionError:
        raise InvalidReflection([Problem(path, "", "not valid TOML: values nested too deeply")]) from None


def parse_json(text: str, path: Path | None = None) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise InvalidReflection([Problem(path, "", f"not valid JSON: {error}")]) from None
    except RecursionError:
        raise InvalidReflection([Problem(path, "", "not valid JSON: values nested too deeply")]) from None


def loads(text: str, path: Path | None = None) -> Reflection:
    """A reflection from TOML text."""
    return validate_reflection(parse_toml(text, path), path)


def loads_any(text: str, path: Path | None = None) -> Reflection:
    """A reflection from TOML or JSON text (JSON when it starts with ``{``)."""
    if text.lstrip().startswith("{"):
        return validate_reflection(parse_json(text, path), path)
    return loads(text, path)


def json_schema() -> dict[str, Any]:
    """The JSON Schema of a reflection file, generated from the models.

    The copy shipped in ``data/`` must equal this; a test keeps them in step.
    """
    schema = Reflection.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "reflect: an interview reflection"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"
