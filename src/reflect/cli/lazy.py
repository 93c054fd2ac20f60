"""A typer group whose commands are imported and built only when used.

Building a command means importing its module and reading every option's
annotations (about a millisecond a command, two for a group): ``reflect log``
builds one command, not all. It relies on public API only, pinned by
tests/cli/test_lazy.py: ``typer.core.TyperGroup`` (a click ``Group``) with
click's ``list_commands``/``get_command``/``resolve_command``, and
``typer.main.get_command`` to turn a ``typer.Typer`` into a click command.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

import typer
import typer.main
from typer.core import TyperGroup


class LazyGroup(TyperGroup):
    """Subclasses name their commands in ``lazy_commands``, in the order help lists them:
    name -> ``"module:attribute"``, a command's function or a ``typer.Typer`` group;
    ``command_settings``: name -> keyword arguments of ``Typer.command`` for that command."""

    lazy_commands: dict[str, str] = {}
    command_settings: dict[str, dict[str, Any]] = {}

    def list_commands(self, ctx: Any) -> list[str]:
        added = [name for name in super().list_commands(ctx) if name not in self.lazy_commands]
        return [*self.lazy_commands, *added]

    def get_command(self, ctx: Any, name: str) -> Any:
        if name in self.lazy_commands and name not in self.commands:
            self.add_command(self._build(name), name)
        return super().get_command(ctx, name)

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in self.lazy_commands:
            # An unknown name: typer suggests the closest of the commands built so far.
            for name in self.lazy_commands:
                self.get_command(ctx, name)
        return super().resolve_command(ctx, args)

    def _build(self, name: str) -> Any:
        module, _, attribute = self.lazy_commands[name].partition(":")
        target = getattr(import_module(module), attribute)
        if not isinstance(target, typer.Typer):
            # Plain help, as the top-level group's; typer adds completion options only where asked.
            single = typer.Typer(rich_markup_mode=None, add_completion=False)
            single.command(name, **self.command_settings.get(name, {}))(target)
            target = single
        command = typer.main.get_command(target)
        command.name = name
        return command
