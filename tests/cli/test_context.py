"""The Application: one per run, made from the global options, each part made once."""

from __future__ import annotations

import pytest

from reflect.cli.context import Application


def test_each_part_is_made_on_first_use_and_then_reused(data_dir):
    app = Application()
    assert "journal" not in vars(app) and "config" not in vars(app)  # nothing read when it is made
    assert app.journal is app.journal and app.journal.root == data_dir
    assert app.config is app.config and app.cache is app.cache and app.cache is not None
    assert app.out is app.out and app.err is app.err and app.out is not app.err


def test_the_global_options_are_kept(tmp_path):
    app = Application(tmp_path / "elsewhere", debug=True, no_cache=True)
    assert app.cache is None and app.journal.root == tmp_path / "elsewhere"
    sample = app.elsewhere(tmp_path / "sample")
    assert (sample.data_dir, sample.debug, sample.no_cache) == (tmp_path / "sample", True, True)


@pytest.fixture
def counted(monkeypatch):
    """How often a run loads the config, opens a parse cache and reads the journal."""
    import reflect.cache
    import reflect.config
    from reflect.journal import Journal

    counts = {"config": 0, "cache": 0, "load": 0}
    depth = {name: 0 for name in counts}

    def count(name, real):
        def wrapper(*args, **kwargs):
            counts[name] += depth[name] == 0  # load_all calls itself: one read counts once
            depth[name] += 1
            try:
                return real(*args, **kwargs)
            finally:
                depth[name] -= 1

        return wrapper

    monkeypatch.setattr(reflect.config, "load_config", count("config", reflect.config.load_config))
    monkeypatch.setattr(reflect.cache.Cache, "__init__", count("cache", reflect.cache.Cache.__init__))
    monkeypatch.setattr(Journal, "load_all", count("load", Journal.load_all))
    return counts


def test_themes_reads_the_config_and_opens_the_cache_once(reflect, log, counted):
    log("Acme", "Dev", "2026-01-10", "--went-wrong", "I rambled on and on")
    counted.update(config=0, cache=0, load=0)
    result = reflect("themes", "no-such-theme")
    assert result.exit_code == 2 and "no theme 'no-such-theme'" in result.stderr
    assert (counted["config"], counted["cache"]) == (1, 1)


def test_plan_with_a_calendar_reads_the_journal_once(reflect, log, counted):
    log("Acme", "Dev", "2026-01-10", "--went-wrong", "I rambled on and on")
    log("Hooli", "Dev", "2026-02-10", "--went-wrong", "I rambled again")
    counted.update(config=0, cache=0, load=0)
    result = reflect("plan", "--ics", "-")
    assert result.exit_code == 0 and "BEGIN:VCALENDAR" in result.stdout
    assert counted["load"] == 1 and counted["config"] == 1


def test_debug_is_read_from_the_run_not_from_a_global(runner):
    from reflect.cli.app import app
    from reflect.errors import NotFound

    shown = runner.invoke(app, ["show", "nope"])
    assert shown.exit_code == 1 and shown.stderr.startswith("error: no reflection 'nope'")
    raised = runner.invoke(app, ["--debug", "show", "nope"])
    assert isinstance(raised.exception, NotFound)
    again = runner.invoke(app, ["show", "nope"])  # the next run starts from its own options
    assert again.exit_code == 1 and not isinstance(again.exception, NotFound)


def test_output_to_a_file_or_pipe_has_no_padding_to_the_terminal_width(log, reflect):
    for company in ("Acme", "Globex"):
        log(company, "Backend Engineer", "2026-10-01", "--outcome", "rejected", "--went-wrong", "I rambled on and on about the design.")
    for args in (("themes",), ("plan",), ("feedback", "--pending"), ("stats",)):
        result = reflect(*args)
        assert result.exit_code == 0, result.output
        padded = [line for line in result.stdout.splitlines() if line != line.rstrip(" ")]
        assert padded == [], (args, padded[:3])
