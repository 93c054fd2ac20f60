"""``reflect demo``: a first look at what reflect gives back, on a sample journal."""

from __future__ import annotations

import typer

from reflect.cli import context

SHOWN = (("themes", []), ("plan", []))


def demo(ctx: typer.Context) -> None:
    """Build a sample journal in a new temporary directory and show what reflect finds in it.

    Your own journal is never read or touched.

    Example: reflect demo
    """
    from reflect.demo import build_demo

    journal, entries = build_demo()
    context.settings.data_dir = journal.root  # every command below reads the sample, not your journal
    context.note(f"A sample journal of {len(entries)} interviews was written to {journal.root}\n")
    root = ctx.find_root()
    commands = root.command.commands  # type: ignore[attr-defined]
    for name, args in SHOWN:
        context.out().rule(f"reflect {' '.join([name, *args])}", style="dim")
        with commands[name].make_context(name, list(args), parent=root) as sub:
            commands[name].invoke(sub)
    example = next((e for e in reversed(entries) if e.reflection.outcome == "rejected"), entries[-1])
    context.note(
        f"\nExplore it: reflect --data-dir {journal.root} list\n"
        f"            reflect --data-dir {journal.root} show {example.id}\n"
        "Start your own journal with: reflect log"
    )
