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


def test_init_refuses_to_adopt_a_directory_that_is_not_a_journal(reflect, tmp_path):
    """`--data-dir /` or a link to /etc: init would make the folder 0700; it is refused unless --force."""
    import os
    import stat

    other = tmp_path / "etc-like"
    other.mkdir(mode=0o755)
    (other / "passwd").write_text("root:x:0:0\n")
    os.chmod(other, 0o755)
    link = tmp_path / "link"
    link.symlink_to(other)
    for target in (other, link):
        result = reflect("--data-dir", str(target), "init")
        assert result.exit_code == 1
        assert "is not empty and does not look like a journal (it holds 'passwd')" in result.stderr
        assert stat.S_IMODE(os.stat(other).st_mode) == 0o755
    assert reflect("--data-dir", str(other), "init", "--force").exit_code == 0
    assert stat.S_IMODE(os.stat(other).st_mode) == 0o700


def test_init_adopts_an_empty_directory_or_a_journal_without_force(reflect, log, data_dir):
    log()
    assert reflect("init").exit_code == 0
    empty = data_dir.parent / "empty"
    empty.mkdir()
    assert reflect("--data-dir", str(empty), "init").exit_code == 0
