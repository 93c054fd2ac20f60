"""The Typer application: it wires the commands together and is the one place
where errors become a message on stderr and an exit code."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer
from typer.core import TyperGroup

from reflect.cli import context


class ReflectGroup(TyperGroup):
    """Turns every :class:`ReflectError` (and OS error) into one line and an exit code."""

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        from reflect.errors import InvalidReflection, ReflectError

        try:
            return super().invoke(ctx)
        except ReflectError as error:
            if context.settings.debug:
                raise
            if isinstance(error, InvalidReflection) and len(error.problems) > 1:
                for problem in error.problems:
                    context.error(str(problem))
            else:
                context.error(error.message)
            raise typer.Exit(error.exit_code) from None
        except OSError as error:
            if context.settings.debug:
                raise
            where = f"{error.filename}: " if error.filename else ""
            context.error(f"{where}{error.strerror or error}")
            raise typer.Exit(1) from None


app = typer.Typer(
    name="reflect",
    cls=ReflectGroup,
    help="A private journal for learning from job interviews.\n\n"
    "Log a reflection after each interview, then let reflect find the weaknesses "
    "that keep coming back and turn them into a plan.\n\n"
    "Example: reflect log --company Acme --role 'Backend Engineer' --outcome rejected",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        from reflect import __version__

        typer.echo(f"reflect {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    data_dir: Annotated[
        Optional[Path],
        typer.Option("--data-dir", help="Where reflections live (default: $REFLECT_DATA_DIR, else your user data directory).", show_default=False),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback of an error.")] = False,
    version: Annotated[
        Optional[bool], typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """A private journal for learning from job interviews."""
    context.settings.data_dir = data_dir
    context.settings.debug = debug


def _register() -> None:
    from reflect.cli import check, delete, edit, feedback, git, init, listing, log, migrate, path, schema, show

    app.command("log")(log.log)
    app.command("list")(listing.list_reflections)
    app.command("show")(show.show)
    app.command("edit")(edit.edit)
    app.command("delete")(delete.delete)
    app.command("restore")(delete.restore)
    app.command("feedback")(feedback.feedback)
    app.command("check")(check.check)
    app.command("path")(path.path)
    app.command("schema")(schema.schema)
    app.command("init")(init.init)
    app.command("migrate")(migrate.migrate)
    app.command(
        "git", context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "allow_interspersed_args": False}
    )(git.git)


_register()
