"""Making user text harmless to show in a terminal."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, C1 controls (which include CSI, 0x9b),
# the lone surrogates that stand for undecodable bytes in file names (a raw
# 0x9b byte in a name would otherwise reach the terminal as it is), and the
# bidirectional controls (U+202E, right-to-left override, makes text read
# backwards: "evil.txt" shown as "txt.live").
BIDI = "\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
_CONTROL = re.compile(f"[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\udc80-\\udcff{BIDI}]")


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if 0x600 <= code < 0xDC80:
        return f"\\u{code:04x}"
    return f"\\x{code - 0xDC00 if code >= 0xDC80 else code:02x}"


def neutral(text: str) -> str:
    """Text with control characters shown as visible escapes, so that what a user
    stored (an escape sequence pasted by accident, say) cannot drive the terminal."""
    return _CONTROL.sub(_visible, text)


def json_safe(dumped: str) -> str:
    """JSON text with DEL and C1 controls escaped (json.dumps leaves them raw
    when ensure_ascii is off); they can only occur inside strings, where an
    escape means the same character."""
    return json_safe_bytes(dumped).decode("utf-8")


def json_safe_bytes(dumped: str) -> bytes:
    """:func:`json_safe`, encoded as UTF-8 (the text is encoded once, not once to check it
    and once more to write it: 30 MB of ``reflect themes --json`` at 10,000 reflections)."""
    try:
        # Fast path for large output: DEL is the byte 0x7f in UTF-8 and C1 controls start
        # with 0xc2; lone surrogates cannot be encoded at all. Searching bytes is cheap.
        raw = dumped.encode("utf-8")
        if b"\x7f" not in raw and b"\xc2" not in raw:
            return raw
    except UnicodeEncodeError:
        pass
    return _JSON_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped).encode("utf-8")


_JSON_UNSAFE = re.compile(r"[\x7f-\x9f\ud800-\udfff]")


_BIDI_ONLY = re.compile(f"[{BIDI}]")


def json_for_terminal(dumped: str) -> str:
    """JSON text with the bidirectional controls escaped too (``\\u202e``, the same character
    to a JSON reader): for a terminal, where they would reorder what is shown. Not used for
    pipes and files, where searching 30 MB for them would cost more than it protects."""
    return _BIDI_ONLY.sub(lambda m: f"\\u{ord(m.group()):04x}", dumped)
