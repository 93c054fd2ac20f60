"""cli/lazy.py and app.py rely on typer's public API only; these tests pin each piece they use,
so that a typer which changes one fails here, by name, rather than in a user's terminal."""

from __future__ import annotations

import typer
import typer.main
from typer.core import TyperGroup
from typer.testing import CliRunner

from reflect.cli.app import ClickException, ReflectGroup, UsageError, app
from reflect.cli.lazy import LazyGroup


def hello(name: str = "you") -> None:
    """Say hello.

    Example: tool hello --name Ada
    """
    typer.echo(f"hello {name}")


def _group(**commands: str) -> typer.Typer:
    class Tool(LazyGroup):
        lazy_commands = commands

    tool = typer.Typer(cls=Tool, rich_markup_mode=None, add_completion=False)

    @tool.callback()
    def main() -> None:
        """A tool."""

    return tool


def test_typer_groups_are_click_groups_with_the_hooks_overridden():
    """TyperGroup is click's Group: list_commands, get_command, resolve_command, add_command and .commands."""
    for method in ("list_commands", "get_command", "resolve_command", "add_command", "format_commands"):
        assert callable(getattr(TyperGroup, method))
    assert issubclass(ReflectGroup, LazyGroup) and issubclass(LazyGroup, TyperGroup)
    assert isinstance(typer.main.get_command(app), ReflectGroup)


def test_a_typer_with_one_command_becomes_that_command_without_completion_options():
    single = typer.Typer(rich_markup_mode=None, add_completion=False)
    single.command("greet")(hello)
    command = typer.main.get_command(single)
    assert not hasattr(command, "commands") and command.name == "greet"
    assert [p.name for p in command.params] == ["name"]


def test_a_group_typer_made_without_completion_has_no_completion_options():
    from reflect.cli.config import config_app
    from reflect.cli.plan import plan_app

    for group in (plan_app, config_app):
        command = typer.main.get_command(group)
        names = {p.name for p in command.params}
        assert not {"install_completion", "show_completion"} & names
        assert command.rich_markup_mode is None  # plain help, no rich import


def test_commands_are_listed_in_order_and_built_when_asked(monkeypatch):
    tool = _group(hello="tests.cli.test_lazy:hello", world="tests.cli.test_lazy:hello")
    group = typer.main.get_command(tool)
    ctx = typer.Context(group)
    assert group.list_commands(ctx) == ["hello", "world"] and group.commands == {}
    command = group.get_command(ctx, "world")
    assert command.name == "world" and list(group.commands) == ["world"]
    assert group.get_command(ctx, "world") is command  # built once
    assert group.get_command(ctx, "nosuch") is None


def test_a_lazy_group_runs_and_documents_its_commands():
    tool = _group(hello="tests.cli.test_lazy:hello")
    result = CliRunner().invoke(tool, ["hello", "--name", "Ada"])
    assert result.exit_code == 0 and result.stdout == "hello Ada\n"
    shown = CliRunner().invoke(tool, ["--help"], terminal_width=80).stdout
    assert "hello  Say hello." in shown
    assert "Example: tool hello --name Ada" in CliRunner().invoke(tool, ["hello", "--help"]).stdout


def test_an_unknown_name_is_compared_with_every_command_not_only_those_built():
    """Where typer suggests a close name (0.20 and later), it sees unbuilt commands too."""
    tool = _group(hello="tests.cli.test_lazy:hello")
    group = typer.main.get_command(tool)
    result = CliRunner().invoke(tool, ["helo"])
    assert result.exit_code == 2 and "No such command 'helo'" in result.output
    if getattr(group, "suggest_commands", False):
        assert "Did you mean 'hello'?" in result.output


def test_clicks_exceptions_are_found_through_typers_bad_parameter():
    assert UsageError.__name__ == "UsageError" and ClickException.__name__ == "ClickException"
    assert issubclass(typer.BadParameter, UsageError) and issubclass(UsageError, ClickException)


def test_every_command_of_reflect_can_be_built():
    from tests.cli.commands import all_commands

    commands = all_commands()
    assert list(commands)[:3] == ["log", "list", "show"]
    assert all(command is not None and command.name == name for name, command in commands.items())
