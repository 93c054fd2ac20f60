import json


def test_delete_needs_confirmation_without_a_terminal(log, reflect, data_dir):
    ident = log()
    result = reflect("delete", ident)
    assert result.exit_code == 1
    assert "--yes" in result.stderr
    assert not result.stderr.startswith("error")  # the safe choice, said plainly: nothing went wrong
    assert (data_dir / f"{ident}.toml").exists()


def test_delete_moves_to_trash_and_restore_brings_it_back(log, reflect, data_dir):
    ident = log()
    content = (data_dir / f"{ident}.toml").read_bytes()
    result = reflect("delete", ident, "--yes")
    assert result.exit_code == 0
    assert not (data_dir / f"{ident}.toml").exists()
    assert (data_dir / "trash" / f"{ident}.toml").read_bytes() == content
    assert json.loads(reflect("list", "--json").stdout) == []
    result = reflect("restore", ident)
    assert result.exit_code == 0, result.output
    assert (data_dir / f"{ident}.toml").read_bytes() == content


def test_restore_never_overwrites_a_reflection_with_the_same_id(log, reflect, data_dir):
    ident = log()
    reflect("delete", ident, "--yes")
    log()  # the same id is free again and taken
    result = reflect("restore", ident)
    assert result.exit_code == 0
    assert len(list(data_dir.glob("*.toml"))) == 2


def test_restore_without_an_id_lists_the_trash(log, reflect):
    assert "empty" in reflect("restore").stderr
    ident = log()
    reflect("delete", ident, "--yes")
    assert reflect("restore").stdout.split() == [ident]
