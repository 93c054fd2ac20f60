"""Reflection files as text: TOML (and JSON) in, TOML out. No file system access here."""

from __future__ import annotations

import json
import re
import tomllib
from pathlib import Path
from typing import Any

from reflect.errors import InvalidReflection, Problem
from reflect.models import Reflection, validate_reflection

SCHEMA_FILE = "reflection.schema.json"
#: The first line of every file reflect writes. It names the copy of the schema kept
#: beside the files in the data directory, relative to the file, so that it holds
#: wherever the directory is moved or synced (taplo resolves it from the file's folder).
SCHEMA_LINE = f"#:schema ./{SCHEMA_FILE}"


def schema_path() -> Path:
    """The JSON Schema shipped inside the installed package."""
    return Path(__file__).parent / "data" / SCHEMA_FILE


def dumps(reflection: Reflection) -> str:
    """The TOML text of a reflection file, starting with a ``#:schema`` line for editors."""
    import tomli_w

    header = SCHEMA_LINE + "\n"
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
        raise InvalidReflection([Problem(path, _key_at(text, str(error)), f"not valid TOML: {_plain(str(error))}")]) from None
    except RecursionError:
        raise InvalidReflection([Problem(path, "", "not valid TOML: values nested too deeply")]) from None


_AT_LINE = re.compile(r"\(at line (\d+), column \d+\)")
_KEY = re.compile(r"""^\s*([A-Za-z0-9_\-]+|"[^"]*"|'[^']*')\s*=""")
_TABLE = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?")


def _key_at(text: str, message: str) -> str:
    """The key on the line a TOML error names ("date", "feedback.text"), so that the
    problem names its field; "" when the line holds none."""
    at = _AT_LINE.search(message)
    lines = text.splitlines()
    if at is None or not 0 < int(at.group(1)) <= len(lines):
        return ""
    number = int(at.group(1))
    key = _KEY.match(lines[number - 1])
    if key is None:
        return ""
    table = next((t.group(1) for t in map(_TABLE.match, reversed(lines[: number - 1])) if t), "")
    name = key.group(1).strip("\"'")
    return f"{table}.{name}" if table else name


def _plain(message: str) -> str:
    """tomllib's wording, said plainly where it is obscure."""
    return message.replace("Cannot overwrite a value", "a key given twice (or a value set twice)")


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
    schema = _without_null(Reflection.model_json_schema(by_alias=True))
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "reflect: an interview reflection"
    return schema


def json_schema_text() -> str:
    return json.dumps(json_schema(), indent=2, sort_keys=True) + "\n"


def _without_null(node: Any) -> Any:
    """The schema as TOML sees it: TOML has no null, so an optional field is simply its
    value's schema (and may be left out). Pydantic writes ``anyOf [value, null]``, which
    makes taplo say only "not valid under any of the schemas listed in the 'anyOf'
    keyword" instead of naming the allowed values."""
    if isinstance(node, list):
        return [_without_null(item) for item in node]
    if not isinstance(node, dict):
        return node
    node = {key: _without_null(value) for key, value in node.items()}
    choices = node.get("anyOf")
    if isinstance(choices, list) and {"type": "null"} in choices:
        rest = [choice for choice in choices if choice != {"type": "null"}]
        del node["anyOf"]
        if len(rest) == 1:
            node = {**rest[0], **node}
        else:
            node["anyOf"] = rest
        if node.get("default", 0) is None:
            del node["default"]
    return node


def fix_schema_line(text: str) -> str | None:
    """``text`` with its first line made :data:`SCHEMA_LINE` when it is a ``#:schema``
    line naming anything else (the path of one installation, as older versions wrote);
    None when there is nothing to change. Only that line changes: comments stay."""
    first, newline, rest = text.partition("\n")
    if not first.startswith("#:schema") or first.rstrip("\r") == SCHEMA_LINE:
        return None
    ending = "\r" if first.endswith("\r") else ""
    return SCHEMA_LINE + ending + newline + rest
