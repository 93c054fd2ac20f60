"""Plain lines for decisions on themes (``confirm``, ``dismiss``, ``undecide``, ``review``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rich.console import RenderableType

from reflect.views.safe import neutral


def decided(ident: str, confirmed: list[str], dismissed: list[str], learned: list[dict[str, str]], undone: list[str] | None = None) -> str:
    """A reflection's decisions after a change (``undone``: those taken back, when that was
    the change), and the wordings it taught."""
    parts = [f"{neutral(ident)}: confirmed {', '.join(confirmed) or 'none'}; dismissed {', '.join(dismissed) or 'none'}"]
    if undone is not None:
        parts.insert(0, f"{neutral(ident)}: took back {', '.join(undone)}" if undone else f"{neutral(ident)}: nothing to take back")
    for item in learned:
        verb = "will suggest" if item["kind"] == "confirmed" else "will no longer suggest"
        parts.append(f"  learned: notes like “{neutral(item['text'])}” {verb} {item['theme']}")
    return "\n".join(parts)


Said = Callable[[str, str], str]
"""The words of a sentence that a trigger phrase matched (see ``Matcher.said``)."""


def suggestion(number: int, total: int, ident: str, theme: str, label: str, hits: list[Any], said: Said | None = None) -> RenderableType:
    """One suggested theme under review: where, which theme, and why it fired."""
    from rich.console import Group
    from rich.text import Text

    from reflect.views.layout import hanging

    # Wrapped lines start under their first word, never back at the margin.
    head = Text.assemble(Text(neutral(ident), style="cyan"), "  ", Text(neutral(label), style="bold"), Text(f" ({theme})", style="dim"))
    parts: list[RenderableType] = [Text(""), hanging(Text(f"[{number}/{total}] ", style="dim"), head)]
    for hit in hits[:3]:
        parts.append(hanging("“", Text(f"{neutral(hit[2])}”", style="italic"), 3))
        parts.append(hanging("", Text(why(hit[4], hit[3], hit[2], said), style="dim"), 5))
    return Group(*parts)


def why(kind: str, trigger: str, text: str = "", said: Said | None = None, marked: bool = True) -> str:
    """Why a hit fired, in words: for a trigger phrase, the user's own words it matched in
    ``text`` (found by ``said``); for a learned wording, the wording; for a model, the
    words it weighed most, as ``text`` writes them (found by ``said`` too).
    ``marked``: a possible hit says it does not count yet."""
    if kind == "learned":
        shown = f"like {neutral(trigger)}"
    elif trigger.startswith(("model: ", "note: ")):  # the words a model weighed, as written
        shown = neutral((said(text, trigger) if said is not None and text else "") or trigger)
    elif kind in ("text", "possible"):
        words = said(text, trigger) if said is not None and text else ""
        shown = f"matched “{neutral(words)}”" if words else f"matched: {neutral(trigger)}"
    else:  # the structure: "tag conciseness", "low preparation rating"
        shown = neutral(trigger)
    return f"{shown} (possible: not counted until you confirm it)" if kind == "possible" and marked else shown


def learned_lines(wordings: list[Any]) -> list[str]:
    """`reflect themes --learned`: each wording, numbered for `--forget N`."""
    if not wordings:
        return ["Nothing learned yet: confirm or dismiss themes (reflect review) to teach reflect your wording."]
    lines = []
    for number, w in enumerate(wordings, 1):
        verb = "suggests" if w.kind == "confirmed" else "no longer suggests"
        lines.append(f"{number:>3}. {verb} {w.theme}: “{neutral(w.text)}” (from {neutral(w.source)}, {w.on})")
    lines.append("Forget one with: reflect themes --forget N")
    return lines
