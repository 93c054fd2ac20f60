"""Making user text harmless to show in a terminal."""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and C1 controls (which include CSI, 0x9b).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def neutral(text: str) -> str:
    """Text with control characters shown as visible escapes, so that what a user
    stored (an escape sequence pasted by accident, say) cannot drive the terminal."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}", text)


def json_safe(dumped: str) -> str:
    """JSON text with DEL and C1 controls escaped (json.dumps leaves them raw
    when ensure_ascii is off); they can only occur inside strings, where an
    escape means the same character."""
    return re.sub(r"[\x7f-\x9f]", lambda m: f"\\u{ord(m.group()):04x}", dumped)
