"""The shipped JSON Schema matches the models, and what reflect writes validates against it."""

import datetime as dt
import json
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
    assert first == f"#:schema {fileformat.schema_path().as_uri()}"
    validator = _validator()
    assert list(validator.iter_errors(_as_json(tomllib.loads(text)))) == []


def test_the_schema_catches_what_the_models_refuse():
    validator = _validator()
    good = {"company": "Acme", "role": "Dev", "date": "2026-01-10"}
    assert validator.is_valid(good)
    for bad in ({**good, "stage": "lunch"}, {**good, "colour": "blue"}, {"company": "Acme"},
                {**good, "ratings": {"mood": 6}}, {**good, "date": "not a date"}):  # fmt: skip
        assert not validator.is_valid(bad), bad
