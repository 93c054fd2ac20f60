"""The application itself: version and wiring."""

from importlib.metadata import version


def test_version_comes_from_the_package_metadata(reflect):
    assert reflect("--version").stdout.strip() == f"reflect {version('interview-reflect')}"


def test_a_command_is_built_alone_groups_included():
    """Running one command builds it, not the other commands nor the plan and config groups (about 2 ms each)."""
    import typer
    import typer.main

    from reflect.cli.app import app

    group = typer.main.get_command(app)
    group.main(["path"], prog_name="reflect", standalone_mode=False)
    assert sorted(group.commands) == ["path"]  # the commands click holds are the ones built
    assert {"plan", "config"} <= set(group.list_commands(typer.Context(group)))


def test_groups_built_on_use_keep_their_commands_and_help(reflect):
    shown = reflect("plan", "--help").stdout
    assert "Usage: reflect plan [OPTIONS] COMMAND" in shown and "done" in shown
    listed = reflect("--help").stdout.split("Commands:")[1]
    assert "  plan " in listed and "  config " in listed


def test_a_global_option_after_the_command_says_where_it_goes(reflect):
    result = reflect("list", "--data-dir", "/tmp/elsewhere")
    assert result.exit_code == 2
    assert "--data-dir goes before the command: reflect --data-dir ... list ..." in result.stderr
