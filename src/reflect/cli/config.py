"""``reflect config``: where the settings live, what they say, and editing them safely."""

from __future__ import annotations

from typing import Annotated

import typer

from reflect.cli.options import group

config_app = group()


@config_app.callback(invoke_without_command=True)
def show(
    ctx: typer.Context,
    path_only: Annotated[bool, typer.Option("--path", help="Print only the config file's path.")] = False,
    json_output: Annotated[bool, typer.Option("--json", help="Print the settings in effect (defaults included) as JSON.")] = False,
) -> None:
    """Show the config file's path and content (a commented example if there is none yet).

    Example: reflect config; reflect config edit
    """
    if ctx.invoked_subcommand is not None:
        return
    from reflect.dirs import config_file

    path = config_file()
    app = ctx.obj
    if path_only:
        print(path)
    elif json_output:
        app.print_json(app.config.model_dump(mode="json"))
    else:
        _show(app, path)


def _show(app, path) -> None:  # type: ignore[no-untyped-def]
    from reflect.config import parse_config, template

    exists = path.is_file()
    text = path.read_text(encoding="utf-8", errors="replace") if exists else template()
    app.line(f"# {path}" + ("" if exists else "  (not created yet: these are the keys, all commented out)"))
    for line in text.rstrip("\n").split("\n"):
        app.line(line)
    if exists:
        _report_problems(app, lambda: parse_config(text, path))
    else:
        app.note("Create it with `reflect config edit`.")


def _report_problems(app, check) -> None:  # type: ignore[no-untyped-def]
    """Every problem of an invalid config, one line each, naming the key; exit 1."""
    from reflect.errors import InvalidConfig

    try:
        check()
    except InvalidConfig as error:
        for problem in error.problems:
            app.error(str(problem))
        raise typer.Exit(1) from None


@config_app.command("edit")
def edit(ctx: typer.Context) -> None:
    """Open the config file in your editor; it is saved only if it is valid.

    A new config starts from a commented example of every key. If the edited
    text is invalid you can reopen the editor; if you give up, the file stays as
    it was and your text is kept as a draft next to it.

    Example: EDITOR=nano reflect config edit
    """
    from reflect.cli.editing import edit_until_valid, edited_copy
    from reflect.config import parse_config, save_config_draft, save_config_text, template
    from reflect.dirs import config_file

    path = config_file()
    original = path.read_bytes() if path.is_file() else None
    text = original.decode("utf-8", errors="replace") if original is not None else template()
    app = ctx.obj
    edited = edit_until_valid(app, text, lambda t: parse_config(t, edited_copy(path)), lambda t: save_config_draft(path, t), path.parent)
    if edited is None:
        app.note(f"No changes to {path}.")
        return
    save_config_text(path, edited[0], original)
    app.note(f"Saved {path}")
