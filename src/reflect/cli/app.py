"""The Typer application: it wires the commands together and is the one place
where errors become a message on stderr and an exit code."""

from __future__ import annotations

import sys

from collections.abc import Callable, Iterator, MutableMapping
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from typer.core import TyperGroup

from reflect.cli import context


class LazyCommands(MutableMapping):
    """A group's commands, each turned from its function into a click command on first use.

    Building a command means reading every option's annotations, which costs
    about a millisecond per command: ``reflect log`` builds one command, not all.
    """

    def __init__(self, ready: dict[str, Any], pending: dict[str, Any], build: Callable[[Any], Any], order: list[str] | None = None) -> None:
        self._ready = dict(ready)
        self._pending = dict(pending)
        known = [n for n in order or [] if n in ready or n in pending]  # the order of registration, groups in their place
        self._order = known + [n for n in [*ready, *pending] if n not in known]
        self._build = build

    def __getitem__(self, name: str) -> Any:
        if name not in self._ready:
            info = self._pending.pop(name)  # KeyError for an unknown name, as a dict would
            self._ready[name] = self._build(info)
        return self._ready[name]

    def __setitem__(self, name: str, command: Any) -> None:
        if name not in self._order:
            self._order.append(name)
        self._pending.pop(name, None)
        self._ready[name] = command

    def __delitem__(self, name: str) -> None:
        if self._ready.pop(name, None) is None and self._pending.pop(name, None) is None:
            raise KeyError(name)
        self._order.remove(name)

    def __iter__(self) -> Iterator[str]:
        return iter(list(self._order))

    def __len__(self) -> int:
        return len(self._order)

    def short_help(self, name: str, limit: int) -> tuple[str, bool] | None:
        """A command's one-line help and whether it is hidden, without building it."""
        from typer._click.core import make_default_short_help
        import inspect

        info = self._pending.get(name)
        if name not in self._ready and info is None:
            return None
        if name in self._ready or isinstance(info, typer.models.TyperInfo):  # a group is built to read its help
            command = self[name]
            return command.get_short_help_str(limit), command.hidden
        if info.short_help:
            return inspect.cleandoc(info.short_help), bool(info.hidden)
        text = info.help if info.help is not None else (inspect.getdoc(info.callback) or "")
        return make_default_short_help(inspect.cleandoc(text), limit).strip(), bool(info.hidden)


_PENDING: dict[str, Any] = {}
_ORDER: list[str] = []  # every command and group, in the order _register() gives them
_GROUP_AT: dict[str, int] = {}  # a group's name: how many commands were registered before it


class ReflectGroup(TyperGroup):
    """Turns every :class:`ReflectError` (and OS error) into one line and an exit code.

    Its commands are built lazily (see :class:`LazyCommands`).
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = LazyCommands(self.commands, _PENDING, _build, _ORDER)

    def format_commands(self, ctx, formatter) -> None:  # type: ignore[no-untyped-def]
        commands = self.commands
        if not isinstance(commands, LazyCommands):  # pragma: no cover - always lazy
            return super().format_commands(ctx, formatter)
        names = self.list_commands(ctx)
        if not names:
            return None
        limit = formatter.width - 6 - max(len(n) for n in names)
        rows = []
        for name in names:
            found = commands.short_help(name, limit)
            if found is not None and not found[1]:
                rows.append((name, found[0]))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)
        return None

    def main(self, *args: Any, standalone_mode: bool = True, **kwargs: Any) -> Any:
        """Like click's, but a usage error is one line on stderr, as every other error is."""
        if not standalone_mode:
            return super().main(*args, standalone_mode=False, **kwargs)
        try:
            from typer._click.exceptions import ClickException, UsageError
        except ImportError:  # pragma: no cover - typer versions that use click itself
            from click.exceptions import ClickException, UsageError
        try:
            code = super().main(*args, standalone_mode=False, **kwargs)
        except UsageError as error:
            if type(error).__name__ == "NoArgsIsHelpError":  # `reflect` alone shows the help
                error.show()
                sys.exit(0)
            message = error.format_message().replace("Value error, ", "")
            where = error.ctx.command_path if error.ctx is not None else "reflect"
            context.error(f"{message} (see `{where} --help`)")
            sys.exit(error.exit_code)
        except ClickException as error:
            context.error(error.format_message())
            sys.exit(error.exit_code)
        except typer.Abort:
            context.error("stopped: nothing was changed")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)

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
        except BrokenPipeError as error:
            if error.filename is not None or context.settings.debug:
                raise
            # The reader of our output stopped early (`reflect list | head`): stop too, quietly.
            context.discard_stdout()
            raise typer.Exit(0) from None
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
    data_dir: Annotated[
        Optional[Path],
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
    context.settings.data_dir = data_dir
    context.settings.debug = debug
    context.settings.no_cache = no_cache


def _register() -> None:
    """Every command and group, in the order ``reflect --help`` lists them."""
    from reflect.cli import brief, check, config, delete, demo, drill, edit, export, feedback, git, importing, init, listing, log, migrate, path, questions, schema, show, stats, themes
    from reflect.cli.plan import plan_app

    app.command("log")(log.log)
    app.command("list")(listing.list_reflections)
    app.command("show")(show.show)
    app.command("edit")(edit.edit)
    app.command("delete")(delete.delete)
    app.command("restore")(delete.restore)
    app.command("feedback")(feedback.feedback)
    app.command("themes")(themes.themes)
    _add_group(plan_app, "plan")
    app.command("questions")(questions.questions)
    app.command("stats")(stats.stats)
    app.command("brief")(brief.brief)
    app.command("drill")(drill.drill)
    app.command("check")(check.check)
    app.command("schema")(schema.schema)
    app.command("path")(path.path)
    app.command("export")(export.export)
    app.command("import")(importing.import_reflections)
    app.command("init")(init.init)
    app.command(
        "git", context_settings={"allow_extra_args": True, "ignore_unknown_options": True, "allow_interspersed_args": False}
    )(git.git)
    app.command("migrate")(migrate.migrate)
    _add_group(config.app, "config")
    app.command("demo")(demo.demo)


def _add_group(group: typer.Typer, name: str) -> None:
    """A group of commands, listed in help where it is registered (typer would put groups first)."""
    _GROUP_AT[name] = len(app.registered_commands)
    app.add_typer(group, name=name)


def _build(info: Any) -> Any:
    import typer.main

    if isinstance(info, typer.models.TyperInfo):  # a group, with all its commands, as typer builds it
        return typer.main.get_group_from_info(
            info,
            pretty_exceptions_short=app.pretty_exceptions_short,
            rich_markup_mode=app.rich_markup_mode,
            suggest_commands=app.suggest_commands,
        )
    return typer.main.get_command_from_info(
        info, pretty_exceptions_short=app.pretty_exceptions_short, rich_markup_mode=app.rich_markup_mode
    )


def _defer_commands() -> None:
    """Hand the registered commands and groups to :class:`ReflectGroup`, which builds
    them when used (a group with all its commands: about 2 ms each)."""
    from typer.main import get_command_name

    for info in app.registered_commands:
        _PENDING[info.name or get_command_name(info.callback.__name__)] = info
    _ORDER[:] = list(_PENDING)
    for name, index in sorted(_GROUP_AT.items(), key=lambda item: item[1], reverse=True):
        _ORDER.insert(index, name)
    for group in app.registered_groups:
        _PENDING[group.name] = group
    app.registered_commands = []
    app.registered_groups = []


_register()
_defer_commands()
