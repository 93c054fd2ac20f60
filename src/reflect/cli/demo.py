"""``reflect demo``: a first look at what reflect gives back, on a sample journal."""

from __future__ import annotations

import typer

SHOWN = (("themes", []), ("plan", []))


def demo(ctx: typer.Context) -> None:
    """Build a sample journal in a new temporary directory and show what reflect finds in it.

    Your own journal is never read or touched.

    Example: reflect demo
    """
    from reflect.demo import build_demo

    app = ctx.obj
    journal, entries = build_demo()
    sample = app.elsewhere(journal.root)  # every command below reads the sample, not your journal
    app.note(f"A sample journal of {len(entries)} interviews was written to {journal.root}\n")
    root = ctx.find_root()
    for name, args in SHOWN:
        app.out.rule(f"reflect {' '.join([name, *args])}", style="dim")
        command = root.command.get_command(root, name)  # type: ignore[attr-defined]
        with command.make_context(name, list(args), parent=root, obj=sample) as sub:
            command.invoke(sub)
    example = next((e for e in reversed(entries) if e.reflection.outcome == "rejected"), entries[-1])
    app.note(
        f"\nExplore it: reflect --data-dir {journal.root} list\n"
        f"            reflect --data-dir {journal.root} show {example.id}\n"
        "Start your own journal with: reflect log"
    )
