"""The Typer application: it wires the commands together and is the one place
where errors become a message on stderr and an exit code."""

from __future__ import annotations

import sys
from typing import Annotated, Any, Optional

import typer

from reflect.cli.context import Application, discard_stdout
from reflect.cli.lazy import LazyGroup

# click's exceptions, from whichever click this typer is built on (typer 0.26 and later
# carry their own copy of click, older ones depend on click itself).
UsageError = typer.BadParameter.__base__
ClickException = UsageError.__base__


GLOBAL_OPTIONS = ("--data-dir", "--no-cache", "--debug")
"""Options of ``reflect`` itself, given before the command."""


class ReflectGroup(LazyGroup):
    """Turns every :class:`ReflectError` (and OS error) into one line and an exit code.

    Its commands are built when used (see :mod:`reflect.cli.lazy`), listed in the
    order of everyday use, groups (plan, config) where they belong.
    """

    lazy_commands = {
        "log": "reflect.cli.log:log",
        "list": "reflect.cli.listing:list_reflections",
        "show": "reflect.cli.show:show",
        "edit": "reflect.cli.edit:edit",
        "delete": "reflect.cli.delete:delete",
        "restore": "reflect.cli.delete:restore",
        "feedback": "reflect.cli.feedback:feedback",
        "outcome": "reflect.cli.outcome:outcome",
        "applications": "reflect.cli.applications:applications",
        "today": "reflect.cli.today:today",
        "trash": "reflect.cli.trash:trash_app",
        "drafts": "reflect.cli.drafts:drafts_app",
        "themes": "reflect.cli.themes:themes",
        "confirm": "reflect.cli.confirm:confirm",
        "dismiss": "reflect.cli.confirm:dismiss",
        "undecide": "reflect.cli.confirm:undecide",
        "review": "reflect.cli.review:review",
        "plan": "reflect.cli.plan:plan_app",
        "questions": "reflect.cli.questions:questions",
        "stats": "reflect.cli.stats:stats",
        "brief": "reflect.cli.brief:brief",
        "report": "reflect.cli.report:report",
        "drill": "reflect.cli.drill:drill",
        "check": "reflect.cli.check:check",
        "schema": "reflect.cli.schema:schema",
        "path": "reflect.cli.path:path",
        "export": "reflect.cli.export:export",
        "import": "reflect.cli.importing:import_reflections",
        "backup": "reflect.cli.backup:backup_app",
        "init": "reflect.cli.init:init",
        "git": "reflect.cli.git:git",
        "migrate": "reflect.cli.migrate:migrate",
        "config": "reflect.cli.config:config_app",
        "demo": "reflect.cli.demo:demo",
    }
    command_settings = {
        "git": {"context_settings": {"allow_extra_args": True, "ignore_unknown_options": True, "allow_interspersed_args": False}},
    }

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Like click's, but a usage error is one line on stderr, as every other error is."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except UsageError as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `reflect` alone shows the help
                error.show()
                sys.exit(0)
            message = error.format_message().replace("Value error, ", "").replace("Input should be", "must be")  # pydantic's wording, said as ours
            where = error.ctx.command_path if error.ctx is not None else "reflect"
            misplaced = next((o for o in GLOBAL_OPTIONS if f"No such option: {o}" in message), None)
            if misplaced is not None and where != "reflect":
                Application().error(f"{misplaced} goes before the command: reflect {misplaced} ... {where.split(' ', 1)[-1]} ...")
            else:
                Application().error(f"{message} (see `{where} --help`)")
            sys.exit(error.exit_code)
        except ClickException as error:
            Application().error(error.format_message())
            sys.exit(error.exit_code)
        except typer.Abort:
            Application().error("stopped: nothing was changed")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

    def invoke(self, ctx):  # type: ignore[no-untyped-def]
        from reflect.errors import Cancelled, InvalidReflection, ReflectError

        try:
            return super().invoke(ctx)
        except ReflectError as error:
            run = _application(ctx)
            if run.debug:
                raise
            if isinstance(error, Cancelled):
                run.note(error.message)  # the user said no, or reflect took the safe choice: not an error
            elif isinstance(error, InvalidReflection) and len(error.problems) > 1:
                for problem in error.problems:
                    run.error(str(problem))
            else:
                run.error(error.message)
            raise typer.Exit(error.exit_code) from None
        except BrokenPipeError as error:
            run = _application(ctx)
            if error.filename is not None or run.debug:
                raise
            # The reader of our output stopped early (`reflect list | head`): stop too, quietly.
            discard_stdout()
            raise typer.Exit(0) from None
        except OSError as error:
            run = _application(ctx)
            if run.debug:
                raise
            where = f"{error.filename}: " if error.filename else ""
            run.error(f"{where}{error.strerror or error}")
            raise typer.Exit(1) from None


def _application(ctx: typer.Context) -> Application:
    """The run's application, made by the callback; an error before it still needs a console."""
    return ctx.obj if isinstance(ctx.obj, Application) else Application()


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
    # Plain help: rich-formatted help costs about 80 ms of imports on every --help.
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def installed_version() -> str:
    """The version of the installed distribution (its metadata), else the source tree's."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("interview-reflect")
    except PackageNotFoundError:
        from reflect import __version__

        return __version__


def _version(value: bool) -> None:
    if value:
        typer.echo(f"reflect {installed_version()}")
        raise typer.Exit()


@app.callback()
def main(
    ctx: typer.Context,
    data_dir: Annotated[
        Optional[str],
        typer.Option("--data-dir", metavar="DIR", help="Where reflections live (default: $REFLECT_DATA_DIR, else your user data directory).", show_default=False),
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show the full traceback of an error.")] = False,
    no_cache: Annotated[
        bool, typer.Option("--no-cache", help="Read every reflection file, ignoring the parse cache (which is never the truth).")
    ] = False,
    version: Annotated[
        Optional[bool], typer.Option("--version", "-V", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = None,
) -> None:
    """A private journal for learning from job interviews."""
    ctx.obj = Application(data_dir, debug=debug, no_cache=no_cache)
