from tests.conftest import mode


def test_init_creates_a_private_data_directory_with_only_the_schema_for_editors(reflect, data_dir):
    result = reflect("init")
    assert result.exit_code == 0
    assert f"Created {data_dir}" in result.stderr
    assert mode(data_dir) == 0o700
    # The copy that every file's `#:schema ./reflection.schema.json` line names.
    assert [p.name for p in data_dir.iterdir()] == ["reflection.schema.json"]
    assert mode(data_dir / "reflection.schema.json") == 0o600
    again = reflect("init")
    assert again.exit_code == 0 and f"Using {data_dir}" in again.stderr


def test_init_refuses_a_data_directory_that_is_a_file(reflect, data_dir):
    data_dir.write_text("not a folder")
    result = reflect("init")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    assert data_dir.read_text() == "not a folder"
