"""Every command explains itself."""

import pytest

from reflect.cli.app import app


def _commands():
    import typer.main

    group = typer.main.get_command(app)
    return sorted(group.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(reflect, name):
    result = reflect(name, "--help")
    assert result.exit_code == 0
    assert "Example" in result.stdout, f"`reflect {name} --help` should show an example"


def test_top_level_help_and_version(reflect):
    from reflect import __version__

    assert reflect("--version").stdout.strip() == f"reflect {__version__}"
    result = reflect("--help")
    for name in _commands():
        assert name in result.stdout


@pytest.mark.parametrize(
    "args, needle",
    [
        (("log", "--company", "A", "--role", "B", "--stage", "panel"), "'panel' is not one of"),
        (("list", "--bogus"), "No such option: --bogus"),
        (("nosuch",), "No such command 'nosuch'"),
    ],
)
def test_usage_errors_are_one_line_with_a_pointer_to_help(reflect, args, needle):
    result = reflect(*args)
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: ") and needle in line and "--help" in line
