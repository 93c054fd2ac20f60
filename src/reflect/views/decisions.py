"""Plain lines for decisions on themes (``confirm``, ``dismiss``, ``undecide``, ``review``)."""

from __future__ import annotations

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


def suggestion(number: int, total: int, ident: str, theme: str, label: str, hits: list[Any]) -> RenderableType:
    """One suggested theme under review: where, which theme, and why it fired."""
    from rich.console import Group
    from rich.text import Text

    parts: list[RenderableType] = [
        Text.assemble(Text(f"\n[{number}/{total}] ", style="dim"), Text(neutral(ident), style="cyan"), "  ",
                      Text(neutral(label), style="bold"), Text(f" ({theme})", style="dim"))
    ]
    for hit in hits[:3]:
        parts.append(Text(f"   “{neutral(hit[2])}”", style="italic"))
        parts.append(Text(f"     {why(hit)}", style="dim"))
    return Group(*parts)


def why(hit: Any) -> str:
    """Why a hit fired, in words."""
    kind, trigger = hit[4], neutral(hit[3])
    if kind == "text":
        return f"matched: {trigger}"
    if kind == "learned":
        return f"like {trigger}"
    if kind == "possible":  # a lexicon phrase, or the model's words, that the engine doubts
        shown = trigger if trigger.startswith("model: ") else f"matched: {trigger}"
        return f"{shown} (possible: not counted until you confirm it)"
    return trigger


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
