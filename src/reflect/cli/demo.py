"""``reflect demo``: a first look at what reflect gives back, on a sample journal."""

from __future__ import annotations

from pathlib import Path

import typer

SHOWN = (("themes", []), ("plan", []))


def demo(ctx: typer.Context) -> None:
    """Build a sample journal in a new temporary directory and show what reflect finds in it.

    Your own journal is never read or touched. The sample stays for you to explore
    until the next `reflect demo`, which replaces it.

    Example: reflect demo
    """
    from reflect.cli.prompts import command_name
    from reflect.demo import build_demo, remove_old_demos

    app = ctx.obj
    journal, entries = build_demo()
    remove_old_demos(keep=journal.root)
    sample = app.elsewhere(journal.root)  # every command below reads the sample, not your journal
    app.note(f"A sample journal of {len(entries)} interviews was written to {journal.root}\n")
    root = ctx.find_root()
    for name, args in SHOWN:
        app.out.rule(f"reflect {' '.join([name, *args])}", style="dim")
        command = root.command.get_command(root, name)  # type: ignore[attr-defined]
        with command.make_context(name, list(args), parent=root, obj=sample) as sub:
            command.invoke(sub)
    example = next((e for e in reversed(entries) if e.reflection.outcome == "rejected"), entries[-1])
    app.note(hints(command_name(), journal.root, example.id))


def hints(command: str, sample: Path, example: str) -> str:
    """The closing words: commands that work as printed (``command`` is how reflect was started)."""
    import shlex

    where = shlex.quote(str(sample))
    return (
        f"\nExplore the sample: {command} --data-dir {where} list\n"
        f"                    {command} --data-dir {where} show {example}\n"
        f"It stays in {sample} until the next `{command} demo` replaces it.\n"
        f"Start your own journal with: {command} log"
    )
