"""Indented JSON text, the same as ``json.dumps(data, indent=2, ensure_ascii=False, default=str)``, faster.

The standard library encodes with its C accelerator only without ``indent``;
with it, every value goes through nested Python generators. ``reflect themes
--json`` over 10,000 reflections prints hundreds of thousands of values, so
this writer builds the same text in one flat list (strings are still escaped
by the C encoder), and :func:`dump` hands it out in pieces instead of one
string of tens of megabytes.
"""

from __future__ import annotations

from collections.abc import Callable
from json.encoder import encode_basestring
from typing import Any

FLUSH_PARTS = 4096
RECORDS_CHUNK = 2000


class Records(list):  # type: ignore[type-arg]
    """A list the caller promises holds only non-empty dicts whose values are str, int,
    float, bool or None (rows of a table: the evidence of a theme). Written as any list
    is, but in one call of the C encoder per few thousand rows instead of one per row."""

    __slots__ = ()


class _Out(list):
    """The text so far, in parts; handed to ``write`` every :data:`FLUSH_PARTS` parts."""

    def __init__(self, write: Callable[[str], object] | None) -> None:
        super().__init__()
        self.write = write

    def flush(self) -> None:
        if self.write is not None:
            self.write("".join(self))
            self.clear()


def dumps(data: Any) -> str:
    """``json.dumps(data, indent=2, ensure_ascii=False, default=str)``."""
    out = _Out(None)
    _encode(data, out, "\n")
    return "".join(out)


def dump(data: Any, write: Callable[[str], object]) -> None:
    """The text of :func:`dumps`, handed to ``write`` piece by piece (so it is never all in memory)."""
    out = _Out(write)
    _encode(data, out, "\n")
    out.flush()


def _key(key: Any) -> str:
    """A dict key as :mod:`json` writes it: strings as they are, a few scalars as text, nothing else."""
    if isinstance(key, str):
        return key
    if isinstance(key, float):
        return _float(key)
    if key is True:
        return "true"
    if key is False:
        return "false"
    if key is None:
        return "null"
    if isinstance(key, int):
        return int.__repr__(key)
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def _float(value: float) -> str:
    if value != value:
        return "NaN"
    if value == float("inf"):
        return "Infinity"
    if value == -float("inf"):
        return "-Infinity"
    return float.__repr__(value)


def _scalar(value: Any) -> str | None:
    if isinstance(value, str):
        return encode_basestring(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float):
        return _float(value)
    return None


_SCALARS = frozenset({str, int, float, bool, type(None)})
_flat_encoders: dict[str, Callable[[Any], str]] = {}


def _flat(value: dict[str, Any] | list[Any], inner: str) -> str | None:
    """A container holding only plain scalars, written by the C encoder in one call
    (its item separator carries the newline and indent); None for any other."""
    for item in value.values() if type(value) is dict else value:
        if type(item) not in _SCALARS:
            return None
    encode = _flat_encoders.get(inner)
    if encode is None:
        encode = _flat_encoders[inner] = _flat_encoder("," + inner)
    return encode(value)


def _flat_encoder(separator: str) -> Callable[[Any], str]:
    import json.encoder

    make = json.encoder.c_make_encoder
    if make is None:  # no C accelerator: the slower public way, same text
        return json.JSONEncoder(ensure_ascii=False, separators=(separator, ": ")).encode

    def refuse(value: Any) -> Any:
        raise TypeError(value)

    # What JSONEncoder.encode does for a container, without building an encoder per call.
    chunks = make(None, refuse, encode_basestring, None, ": ", separator, False, False, True)
    return lambda value: "".join(chunks(value, 0))


def _records(rows: Records, out: _Out, newline: str, inner: str) -> None:
    """``rows`` at ``newline``'s indent: each chunk of rows is encoded in one C call with the
    separator of their items; since the encoder escapes every newline inside a string, that
    separator after a ``}`` and before a ``{`` can only stand between two rows."""
    field = inner + "  "
    separator = "," + field
    encode = _flat_encoders.get(field)
    if encode is None:
        encode = _flat_encoders[field] = _flat_encoder(separator)
    between = "}" + separator + "{"
    joint = inner + "}," + inner + "{" + field
    out.append("[" + inner + "{" + field)
    for start in range(0, len(rows), RECORDS_CHUNK):
        if start:
            out.append(joint)
        text = encode(rows[start : start + RECORDS_CHUNK])
        out.append(text[2:-2].replace(between, joint))
        out.flush()  # a chunk is large: hand it out now (a no-op for dumps)
    out.append(inner + "}" + newline + "]")


def _encode(value: Any, out: _Out, newline: str) -> None:
    append = out.append
    if isinstance(value, dict):
        if not value:
            append("{}")
            return
        inner = newline + "  "
        if type(value) is dict:
            text = _flat(value, inner)
            if text is not None:
                append("{" + inner + text[1:-1] + newline + "}")
                return
        separator = "{" + inner
        for key, item in value.items():
            append(separator)
            separator = "," + inner
            append(encode_basestring(key if type(key) is str else _key(key)))
            append(": ")
            text = _scalar(item)
            if text is None:
                _encode(item, out, inner)
            else:
                append(text)
            if len(out) >= FLUSH_PARTS:
                out.flush()  # type: ignore[attr-defined]
        append(newline + "}")
    elif isinstance(value, (list, tuple)):
        if not value:
            append("[]")
            return
        inner = newline + "  "
        if type(value) is Records:
            _records(value, out, newline, inner)
            return
        if type(value) is list:
            text = _flat(value, inner)
            if text is not None:
                append("[" + inner + text[1:-1] + newline + "]")
                return
        separator = "[" + inner
        for item in value:
            append(separator)
            separator = "," + inner
            text = _scalar(item)
            if text is None:
                _encode(item, out, inner)
            else:
                append(text)
            if len(out) >= FLUSH_PARTS:
                out.flush()  # type: ignore[attr-defined]
        append(newline + "]")
    else:
        text = _scalar(value)
        if text is None:
            text = _scalar(str(value))  # default=str
        append(text)  # type: ignore[arg-type]
