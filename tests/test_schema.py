"""The shipped JSON Schema matches the models, and what reflect writes validates against it."""

import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import tomllib

import pytest

from reflect import fileformat

jsonschema = pytest.importorskip("jsonschema")


def _as_json(value):
    """TOML data the way taplo hands it to a JSON Schema validator: dates as ISO strings."""
    if isinstance(value, dict):
        return {k: _as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_as_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime, dt.time)):
        return value.isoformat()
    return value


def _validator():
    schema = json.loads(fileformat.schema_path().read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def test_the_shipped_schema_is_the_one_the_models_give():
    assert fileformat.schema_path().read_text(encoding="utf-8") == fileformat.json_schema_text()


def test_schema_command_prints_the_shipped_file(reflect):
    assert reflect("schema").stdout == fileformat.schema_path().read_text(encoding="utf-8")


def test_files_reflect_writes_point_to_the_schema_and_validate_against_it(log, data_dir):
    ident = log("Acme", "Dev", "2026-01-10", "--stage", "onsite", "--outcome", "rejected", "--interviewer", "Dana",
                "--feedback", "Too long", "--gap", "skill:Kafka", "--stumped", "system-design:Design a cache",
                "--prep-hours", "3", "--confidence", "2")  # fmt: skip
    text = (data_dir / f"{ident}.toml").read_text()
    first = text.splitlines()[0]
    # Relative to the file: the same wherever the data directory is moved or synced.
    assert first == "#:schema ./reflection.schema.json"
    assert (data_dir / "reflection.schema.json").read_text(encoding="utf-8") == fileformat.json_schema_text()
    validator = _validator()
    assert list(validator.iter_errors(_as_json(tomllib.loads(text)))) == []


def test_the_schema_catches_what_the_models_refuse():
    validator = _validator()
    good = {"company": "Acme", "role": "Dev", "date": "2026-01-10"}
    assert validator.is_valid(good)
    for bad in ({**good, "stage": "lunch"}, {**good, "colour": "blue"}, {"company": "Acme"},
                {**good, "ratings": {"mood": 6}}, {**good, "date": "not a date"}):  # fmt: skip
        assert not validator.is_valid(bad), bad


def test_optional_fields_are_their_value_not_a_choice_with_null():
    # TOML has no null: a choice with null only makes editors' messages vague.
    text = fileformat.json_schema_text()
    assert '"null"' not in text and "anyOf" not in text


TAPLO = shutil.which("taplo") or shutil.which("taplo", path=os.path.dirname(sys.executable))


@pytest.mark.skipif(TAPLO is None, reason="taplo is not installed (pip install taplo)")
def test_taplo_names_the_allowed_values_of_a_bad_file(log, data_dir):
    ident = log("Acme", "Dev", "2026-01-10", "--stage", "onsite")
    good = data_dir / f"{ident}.toml"
    bad = data_dir / "2026-01-11-acme-dev.toml"
    bad.write_text(good.read_text().replace('stage = "onsite"', 'stage = "lunch"\nformat = "fax"\n[ratings]\nmood = 6'))
    elsewhere = data_dir.parent  # run from another folder: the schema is found from the file's own
    ok = subprocess.run([TAPLO, "check", str(good)], cwd=elsewhere, capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    checked = subprocess.run([TAPLO, "check", str(bad)], cwd=elsewhere, capture_output=True, text=True)
    said = checked.stdout + checked.stderr
    assert checked.returncode == 1
    assert '"lunch" is not one of ["recruiter-screen","phone-screen"' in said
    assert '"fax" is not one of ["in-person","video","phone","async"]' in said
    assert "6 is greater than the maximum of 5" in said
    assert "anyOf" not in said
