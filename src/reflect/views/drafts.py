"""What ``reflect drafts`` shows: each kept draft on a line, and how to carry it on."""

from __future__ import annotations


def draft_lines(rows: list[dict[str, str]]) -> list[str]:
    """Two plain lines a draft (never wrapped: the second is a command or a path to copy):
    name, when, what it is (and the company, role and date a log names); then the command
    that continues it, or where it is."""
    lines = []
    for row in rows:
        about = f"  {row['about']}" if row["kind"] in {"log", "editor"} and row["about"] else ""
        lines.append(f"{row['name']}  {row['updated'][:16].replace('T', ' ')}  {row['what']}{about}")
        lines.append(f"    continue: {row['resume']}" if row["resume"] else f"    {row['path']}")
    return lines
