"""The docs and the application agree: every command the docs name exists, and every command is documented."""

import re
from pathlib import Path

import pytest

from tests.cli.commands import all_commands

ROOT = Path(__file__).resolve().parent.parent
DOCS = sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]
COMMANDS_MD = ROOT / "docs" / "commands.md"
# In code only (inline or fenced), so that prose such as "reflect keeps" is not a command.
CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)
INVOCATION = re.compile(r"(?<![\w./-])reflect((?:[ \t]+--data-dir[ \t]+\S+)?)[ \t]+([a-z][a-z-]*)(?:[ \t]+([a-z][a-z-]*))?")


def _placeholders() -> set[str]:
    """Commands whose section in commands.md is still a marked placeholder (being built elsewhere)."""
    text = COMMANDS_MD.read_text(encoding="utf-8")
    return set(re.findall(r"^### reflect ([a-z-]+)\n\n\*Placeholder", text, re.MULTILINE))


def _named(path: Path) -> list[tuple[str, str | None]]:
    found = []
    for block in CODE.findall(path.read_text(encoding="utf-8")):
        block = re.sub(r"(^|\s)#.*", "", block)  # shell comments are prose
        for match in INVOCATION.finditer(block):
            found.append((match.group(2), match.group(3)))
    return found


@pytest.mark.parametrize("path", DOCS, ids=lambda p: p.name)
def test_every_command_the_docs_name_exists(path):
    commands = all_commands()
    allowed = _placeholders()
    named = _named(path)
    for command, sub in named:
        assert command in commands or command in allowed, f"{path.name} names `reflect {command}`, which does not exist"
        target = commands.get(command)
        if sub and hasattr(target, "commands"):
            assert sub in target.commands, f"{path.name} names `reflect {command} {sub}`, which does not exist"


def test_every_command_is_documented_in_commands_md():
    text = COMMANDS_MD.read_text(encoding="utf-8")
    headings = set(re.findall(r"^### reflect ([a-z-]+)", text, re.MULTILINE))
    headings |= {n for pair in re.findall(r"^### reflect ([a-z-]+) and reflect ([a-z-]+)", text, re.MULTILINE) for n in pair}
    for name, command in all_commands().items():
        assert name in headings, f"`reflect {name}` has no section in docs/commands.md"
        assert name not in _placeholders(), f"`reflect {name}` exists now: replace its placeholder in docs/commands.md"
        for sub in getattr(command, "commands", {}):
            assert f"reflect {name} {sub}" in text, f"`reflect {name} {sub}` is not in docs/commands.md"


def test_every_screenshot_the_docs_show_exists_and_the_script_makes_it():
    script = (ROOT / "scripts" / "screenshots.py").read_text(encoding="utf-8")
    for path in DOCS:
        for image in re.findall(r"\]\((images/[^)]+\.svg)\)", path.read_text(encoding="utf-8")):
            assert (path.parent / image).is_file(), f"{path.name} shows {image}: run scripts/screenshots.py"
            assert f'Shot("{Path(image).stem}"' in script, f"{image} is not made by scripts/screenshots.py"


def test_the_checks_above_can_fail(tmp_path):
    fake = tmp_path / "fake.md"
    fake.write_text("Run `reflect frobnicate --now`; reflect keeps files.\n```sh\nreflect --data-dir x list  # reflect on it\nreflect config edit\n```\n")
    assert _named(fake) == [("frobnicate", None), ("list", None), ("config", "edit")]


def test_ids_in_the_examples_are_those_of_the_screenshot_journal(tmp_path, reflect):
    """Ids in commands.md exist in the journal the screenshots show (an id or a unique start of one)."""
    import datetime as dt
    import json

    from reflect.demo import build_demo

    script = (ROOT / "scripts" / "screenshots.py").read_text(encoding="utf-8")
    today = dt.date(*map(int, re.search(r"SAMPLE_TODAY = dt\.date\((\d+), (\d+), (\d+)\)", script).groups()))
    journal, entries = build_demo(tmp_path / "journal", today=today)
    ids = [e.id for e in entries]
    plan = json.loads(reflect("--data-dir", str(journal.root), "plan", "--json", "--top", "20").stdout)
    actions = {a["id"] for focus in plan["focus"] for a in focus["actions"]}
    text = "\n".join(CODE.findall(COMMANDS_MD.read_text(encoding="utf-8")))
    named = set(re.findall(r"\b\d{4}-\d\d-\d\d-[a-z0-9-]+", text))
    assert named, "commands.md shows no reflection id"
    for ident in named:
        assert len([i for i in ids if i.startswith(ident)]) == 1, f"commands.md uses {ident}, not an id of the screenshot journal"
    for action in re.findall(r"reflect plan (?:start|done|skip) (\S+)", text):
        assert action in actions, f"commands.md uses action {action}, which the screenshot journal's plan does not have"
