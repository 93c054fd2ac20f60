"""Indented JSON text, the same as ``json.dumps(data, indent=2, ensure_ascii=False, default=str)``, faster.

The standard library encodes with its C accelerator only without ``indent``;
with it, every value goes through nested Python generators. ``reflect themes
--json`` over 10,000 reflections prints hundreds of thousands of values, so
this writer builds the same text in one flat list (strings are still escaped
by the C encoder), and :func:`dump` hands it out in pieces instead of one
string of tens of megabytes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from json.encoder import encode_basestring
from typing import Any

FLUSH_PARTS = 4096
TABLE_CHUNK = 2000


class Table:
    """Rows of values under fixed column names, written as a list of objects: the same text
    as the list of dicts :meth:`to_list` gives, without making a dict per row.

    ``reflect themes --json`` writes 100,000 pieces of evidence at 10,000 reflections; each
    row is written with one ``%`` format of its encoded strings (rows of strings take that
    fast path; any other value is written the general way). Not a list, so that handing a
    table to :mod:`json` by mistake fails loudly instead of writing arrays.
    """

    __slots__ = ("columns", "rows")

    def __init__(self, columns: Sequence[str], rows: Sequence[Sequence[Any]]) -> None:
        self.columns = tuple(columns)
        self.rows = rows

    def __len__(self) -> int:
        return len(self.rows)

    def to_list(self) -> list[dict[str, Any]]:
        """The rows as plain dicts (for code that needs the data rather than the text)."""
        width = len(self.columns)
        for row in self.rows:
            if len(row) != width:
                raise ValueError(f"a row of {len(row)} values under {width} columns")
        return [dict(zip(self.columns, row)) for row in self.rows]


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
    text = _scalar(key)  # None, booleans and numbers read as they would as values
    if text is None:
        raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")
    return text


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


def _table(table: Table, out: _Out, newline: str, inner: str) -> None:
    """``table`` at ``newline``'s indent, :data:`TABLE_CHUNK` rows at a time."""
    rows = table.rows
    if not rows:
        out.append("[]")
        return
    field = inner + "  "
    heads = ["{" + field] + ["," + field] * (len(table.columns) - 1)
    template = "".join(
        (head + encode_basestring(_key(column))).replace("%", "%%") + ": %s" for head, column in zip(heads, table.columns)
    ) + inner + "}"
    separator = "," + inner
    out.append("[" + inner)
    for start in range(0, len(rows), TABLE_CHUNK):
        chunk = rows[start : start + TABLE_CHUNK]
        if start:
            out.append(separator)
        try:
            out.append(separator.join([template % tuple(map(encode_basestring, row)) for row in chunk]))
        except TypeError:  # a value that is not a string, or a row of the wrong length
            for number, row in enumerate(Table(table.columns, chunk).to_list()):
                if number:
                    out.append(separator)
                _encode(row, out, inner)
        out.flush()  # a chunk is large: hand it out now (a no-op for dumps)
    out.append(newline + "]")


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
    elif type(value) is Table:
        _table(value, out, newline, newline + "  ")
    elif isinstance(value, (list, tuple)):
        if not value:
            append("[]")
            return
        inner = newline + "  "
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
