"""Every command explains itself."""

import pytest

from tests.cli.commands import all_commands


def _commands():
    return sorted(all_commands())


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


def test_commands_are_listed_in_a_stable_order_groups_in_their_place(reflect):
    """The order of everyday use, as registered: recording first, groups (plan, config) where they belong."""
    help_text = reflect("--help").stdout
    listed = [line.split()[0] for line in help_text.split("Commands:")[1].splitlines() if line.startswith("  ") and line.split()]
    assert listed[:7] == ["log", "list", "show", "edit", "delete", "restore", "feedback"]
    assert listed.index("themes") < listed.index("plan") < listed.index("questions")
    assert listed.index("config") > listed.index("check")
    assert sorted(listed) == _commands()


@pytest.mark.parametrize("command", [(), ("log",), ("list",), ("show",), ("feedback",), ("themes",), ("plan",), ("plan", "done"),
                                     ("drill",), ("brief",), ("export",), ("import",), ("git",), ("restore",)])  # fmt: skip
def test_option_values_are_named_for_people(reflect, command):
    """No type names from the code (<list[str]>, <int range>, {reflection_id}) in place of what to type."""
    shown = reflect(*command, "--help").stdout
    for noise in ("<str>", "<list[str]>", "<int range>", "<float range>", "<path>", "_id}", "_id]"):
        usage_and_options = shown.split("Arguments:")[0] + shown.split("Options:")[-1]
        assert noise not in usage_and_options, (command, noise)


def test_ratings_and_dates_say_what_they_take(reflect):
    shown = reflect("log", "--help").stdout
    assert "--prep 1-5" in shown and "--mood 1-5" in shown and "--date DATE" in shown and "--went-wrong TEXT" in shown
    assert "reflect show [OPTIONS] {ID}" in reflect("show", "--help").stdout
