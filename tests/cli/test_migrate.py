"""reflect migrate: older files upgraded after a backup; newer files refused, never rewritten."""

import json
import shutil
import tomllib
from pathlib import Path

from reflect import migrations
from reflect.models import SCHEMA_VERSION

FIXTURE = Path(__file__).parent.parent / "fixtures" / "schema0" / "2025-06-01-initech-analyst.toml"
NEWER = 'schema = 3\ncompany = "Future"\nrole = "Dev"\ndate = 2030-01-01\nhologram = true\n'


def _journal_with_old_file(data_dir: Path) -> Path:
    data_dir.mkdir(parents=True, exist_ok=True)
    return Path(shutil.copy(FIXTURE, data_dir / FIXTURE.name))


def test_the_migration_steps_reach_the_current_schema():
    assert migrations.CURRENT == SCHEMA_VERSION


def test_an_old_file_is_read_through_its_migration_without_being_rewritten(reflect, data_dir):
    old = _journal_with_old_file(data_dir)
    before = old.read_bytes()
    shown = json.loads(reflect("show", "2025-06-01", "--json").stdout)
    assert shown["role"] == "Analyst" and shown["date"] == "2025-06-01" and shown["schema"] == 2
    assert shown["went_wrong"] == ["Froze on the TPS report question"]
    assert shown["feedback"] == {"status": "received", "source": "recruiter", "text": "Needs more SQL"}
    assert shown["ratings"] == {"confidence": 2, "mood": 1}
    assert reflect("check").exit_code == 0
    assert old.read_bytes() == before


def test_dry_run_reports_and_writes_nothing(reflect, data_dir):
    old = _journal_with_old_file(data_dir)
    before = old.read_bytes()
    result = reflect("migrate", "--dry-run")
    assert result.exit_code == 0
    assert f"{old}: would upgrade from schema 0 to 2" in result.stdout
    assert "  renamed position to role" in result.stdout
    assert old.read_bytes() == before
    assert not (data_dir / "backups").exists()


def test_migrate_backs_up_upgrades_and_reports_each_change(reflect, data_dir, log):
    old = _journal_with_old_file(data_dir)
    before = old.read_bytes()
    current = data_dir / f"{log()}.toml"
    current_before = current.read_bytes()
    result = reflect("migrate")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == f"{old}: upgraded from schema 0 to 2"
    for change in ("renamed position to role", "renamed interview_date to date", "renamed went_badly to went_wrong",
                   "renamed self_rating to ratings", "moved feedback text into the [feedback] table (status received)",
                   "schema 0 -> 2"):
        assert f"  {change}" in lines
    backup = Path(next(line for line in lines if line.startswith("  backup: ")).removeprefix("  backup: "))
    assert backup.read_bytes() == before and backup.parent.parent == data_dir / "backups"
    upgraded = tomllib.loads(old.read_text())
    assert upgraded["schema"] == 2 and upgraded["role"] == "Analyst" and upgraded["date"].isoformat() == "2025-06-01"
    assert "position" not in upgraded and upgraded["feedback"]["text"] == "Needs more SQL"
    assert current.read_bytes() == current_before  # a current file is not touched
    again = reflect("migrate")
    assert again.exit_code == 0 and again.stdout.strip() == "Nothing to migrate: every file is at schema 2."
    assert json.loads(reflect("list", "--json").stdout)[-1]["went_wrong"] == ["Froze on the TPS report question"]


def test_a_file_from_a_newer_reflect_is_refused_and_never_rewritten(reflect, data_dir, log):
    log()
    newer = data_dir / "2030-01-01-future-dev.toml"
    newer.write_text(NEWER)
    listed = reflect("list", "--json")
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 1
    assert "written by a newer reflect (schema 3; this version reads up to 2): upgrade reflect to read it" in listed.stderr
    shown = reflect("show", "2030")
    assert shown.exit_code == 1 and "upgrade reflect" in shown.stderr
    result = reflect("migrate")
    assert result.exit_code == 1
    assert f"{newer}: schema: written by a newer reflect (schema 3); left unchanged: upgrade reflect to read it" in result.stdout
    assert reflect("feedback", "2030", "--status", "requested").exit_code == 1
    assert newer.read_text() == NEWER


def test_an_old_file_that_is_invalid_after_upgrade_is_reported_and_left_alone(reflect, data_dir):
    data_dir.mkdir()
    broken = data_dir / "old.toml"
    broken.write_text('schema = 0\ncompany = "A"\nposition = "B"\nrole = "C"\ninterview_date = 2025-01-01\n')
    before = broken.read_bytes()
    result = reflect("migrate", "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["migrated"] == []
    assert report["problems"] == [f"{broken}: position: unknown field (check the spelling; see `reflect schema`)"]
    assert broken.read_bytes() == before


def test_upgrade_is_pure_and_leaves_current_data_alone():
    old = {"schema": 0, "company": "A", "position": "B", "interview_date": "2025-01-01", "feedback_from": "HR"}
    upgraded, changes = migrations.upgrade(old)
    assert old["position"] == "B"  # the input is not changed
    assert upgraded == {"schema": 2, "company": "A", "role": "B", "date": "2025-01-01", "feedback": {"source": "HR"}}
    assert changes[-1] == "schema 0 -> 2"
    current = {"schema": 2, "company": "A"}
    assert migrations.upgrade(current) == (current, [])
    assert migrations.upgrade({"schema": 9})[1] == []


def test_a_schema_1_file_is_read_and_migrate_upgrades_it_to_schema_2(reflect, data_dir):
    """Schema 2 adds the optional [themes] table; a schema 1 file reads as it is, and
    `reflect migrate` only rewrites its version."""
    data_dir.mkdir()
    old = data_dir / "2025-02-01-acme-dev.toml"
    old.write_text('schema = 1\ncompany = "Acme"\nrole = "Dev"\ndate = 2025-02-01\nwent_wrong = ["I rambled"]\n')
    assert reflect("check").exit_code == 0
    result = reflect("migrate")
    assert result.exit_code == 0 and "upgraded from schema 1 to 2" in result.stdout
    upgraded = tomllib.loads(old.read_text())
    assert upgraded["schema"] == 2 and upgraded["went_wrong"] == ["I rambled"] and "themes" not in upgraded
    assert reflect("confirm", "2025-02-01", "clarity").exit_code == 0
    assert tomllib.loads(old.read_text())["themes"] == {"confirmed": ["clarity"]}
