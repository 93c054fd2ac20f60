import json
import os
import stat
import sys
import tomllib
from pathlib import Path

import pytest

EXAMPLE = """editor = "nano"
default_stage = "technical"
default_format = "video"
mantras = ["One interview is one data point."]
feedback_chase_days = 5

[themes]
disabled = ["salary-negotiation"]

[themes.triggers]
conciseness = ["waffled"]

[[themes.custom]]
id = "whiteboard"
label = "Whiteboard coding"
triggers = ["whiteboard"]
"""


@pytest.fixture
def config_path() -> Path:
    return Path(os.environ["REFLECT_CONFIG"])


@pytest.fixture
def editor(tmp_path, monkeypatch):
    """$EDITOR becomes a script that replaces the file with the given text (and keeps what it was shown)."""

    def use(text: str) -> Path:
        source, shown = tmp_path / "editor-output.txt", tmp_path / "editor-input.txt"
        source.write_text(text)
        script = tmp_path / "fake_editor.py"
        script.write_text(f"import sys, shutil\nshutil.copyfile(sys.argv[1], {str(shown)!r})\nshutil.copyfile({str(source)!r}, sys.argv[1])\n")
        monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
        return shown

    return use


def test_without_a_config_file_it_shows_the_path_and_an_example_of_every_key(reflect, config_path):
    result = reflect("config")
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0].startswith(f"# {config_path}")
    for key in ("editor", "default_stage", "default_format", "mantras", "feedback_chase_days", "[themes.triggers]", "[[themes.custom]]"):
        assert key in result.stdout
    assert "reflect config edit" in result.stderr
    assert not config_path.exists()
    assert reflect("config", "--path").stdout.strip() == str(config_path)


def test_the_example_is_valid_once_uncommented(reflect, config_path):
    from reflect.config import template

    lines = [ln[2:] if ln.startswith("# ") and "=" in ln or ln.startswith("# [") else ln for ln in template().splitlines()]
    uncommented = "\n".join(ln.split("  #")[0] for ln in lines)
    config_path.write_text(uncommented)
    assert reflect("config").exit_code == 0
    assert json.loads(reflect("config", "--json").stdout)["themes"]["custom"][0]["id"] == "whiteboard"


def test_it_shows_the_content_and_the_settings_in_effect(reflect, config_path):
    config_path.write_text(EXAMPLE)
    result = reflect("config")
    assert result.exit_code == 0 and "feedback_chase_days = 5" in result.stdout
    settings = json.loads(reflect("config", "--json").stdout)
    assert settings["default_stage"] == "technical" and settings["feedback_chase_days"] == 5


def test_a_bad_config_is_an_error_naming_the_key(reflect, log, config_path):
    config_path.write_text('feedback_chase_days = 0\ncolour = "blue"\n[[themes.custom]]\nid = "Bad Id"\nlabel = "x"\ntriggers = ["y"]\n')
    result = reflect("config")
    assert result.exit_code == 1
    assert "feedback_chase_days = 0" in result.stdout
    assert "feedback_chase_days: must be greater than or equal to 1" in result.stderr
    assert "colour: unknown key" in result.stderr
    assert "themes.custom[0].id:" in result.stderr
    other = reflect("feedback", "--pending")
    assert other.exit_code == 1 and "feedback_chase_days" in other.stderr and "reflect config edit" in other.stderr


def test_config_edit_starts_a_new_file_from_the_example_and_saves_it_private(reflect, config_path, editor):
    shown = editor(EXAMPLE)
    result = reflect("config", "edit")
    assert result.exit_code == 0, result.output
    assert "# default_stage" in shown.read_text()
    assert config_path.read_text() == EXAMPLE
    assert stat.S_IMODE(os.stat(config_path).st_mode) == 0o600
    assert tomllib.loads(config_path.read_text())["mantras"] == ["One interview is one data point."]


def test_config_edit_refuses_an_invalid_config_and_keeps_the_old_one_and_the_draft(reflect, config_path, editor):
    config_path.write_text('mantras = ["keep going"]\n')
    editor("default_stage = 'lunch'\n")
    result = reflect("config", "edit")
    assert result.exit_code == 1
    assert "default_stage:" in result.stderr
    assert config_path.read_text() == 'mantras = ["keep going"]\n'
    drafts = list(config_path.parent.glob("config-draft-*.toml"))
    assert len(drafts) == 1 and drafts[0].read_text() == "default_stage = 'lunch'\n"


def test_config_edit_can_repair_a_broken_config(reflect, config_path, editor):
    config_path.write_text('editor = 3\n')
    editor('editor = "nano"\n')
    result = reflect("config", "edit")
    assert result.exit_code == 0, result.output
    assert reflect("config").exit_code == 0



def test_two_config_edits_saving_at_the_same_moment_never_lose_one_silently(tmp_path, config_path):
    """Both editors close at once: one edit is saved, the other is refused with its text kept
    as a draft; never both "Saved" with one of them gone (ten rounds, real processes)."""
    import subprocess

    script = tmp_path / "racing_editor.py"
    script.write_text(
        "import os, sys, time\n"
        "mark, gate = sys.argv[1], sys.argv[2]\n"
        "with open(sys.argv[3], 'a') as f: f.write(f'\\n# edit {mark}\\n')\n"
        "open(gate + '.' + mark, 'w').close()\n"
        "while len([n for n in os.listdir(os.path.dirname(gate)) if n.startswith(os.path.basename(gate) + '.')]) < 2: time.sleep(0.001)\n"
    )
    config_path.write_text('default_stage = "technical"\n')
    for round_ in range(10):
        gate = tmp_path / f"gate{round_}"
        runs = []
        for mark in ("a", "b"):
            env = {**os.environ, "EDITOR": f"{sys.executable} {script} {mark}{round_} {gate}"}
            runs.append(subprocess.Popen([sys.executable, "-m", "reflect", "config", "edit"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True))
        outcomes = [run.communicate(timeout=60) for run in runs]
        saved = [f"{mark}{round_}" for mark, (_, err) in zip("ab", outcomes) if "Saved" in err]
        text = config_path.read_text()
        for mark in saved:
            assert f"# edit {mark}" in text, (round_, outcomes)
        assert len(saved) == 1, outcomes
        drafts = [p.read_text() for p in config_path.parent.glob("config-draft-*")]
        (lost,) = {"a", "b"} - {m[0] for m in saved}
        assert any(f"# edit {lost}{round_}" in d for d in drafts), outcomes
