"""Bad files and hostile input: each is named in one line, and nothing else stops working."""

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reflect.errors import InvalidReflection
from reflect.journal import MAX_FILE_BYTES, Journal, parse_file

GOOD = 'company = "Acme"\nrole = "Dev"\ndate = 2026-01-10\n'

# name -> (content, words the one-line message must contain)
BAD_FILES = {
    "empty.toml": (b"", "empty"),
    "blank.toml": (b"  \n\n", "empty"),
    "truncated.toml": (b'company = "Acme"\nrole = "De', "not valid TOML"),
    "wrong-type.toml": (b'company = "A"\nrole = "B"\ndate = 2026-01-01\n[ratings]\nmood = "high"\n', "ratings.mood"),
    "bool-rating.toml": (b'company = "A"\nrole = "B"\ndate = 2026-01-01\n[ratings]\nmood = true\n', "ratings.mood"),
    "list-as-text.toml": (b'company = "A"\nrole = "B"\ndate = 2026-01-01\ntags = "remote"\n', "tags"),
    "number-date.toml": (b'company = "A"\nrole = "B"\ndate = 0\n', "date"),
    "unknown-key.toml": (b'company = "A"\nrole = "B"\ndate = 2026-01-01\nsalary = 1\n', "salary: unknown field"),
    "feb-30.toml": (b'company = "A"\nrole = "B"\ndate = 2026-02-30\n', "Invalid date"),
    "missing-role.toml": (b'company = "A"\ndate = 2026-01-01\n', "role: required field is missing"),
    "latin1.toml": ('company = "Société"\nrole = "B"\ndate = 2026-01-01\n'.encode("latin-1"), "not UTF-8"),
    "binary.toml": (bytes(range(256)) * 4, "not UTF-8"),
    "nul.toml": (b'company = "A"\x00\x00\x00', "NUL"),
    "deep.toml": (b"x = " + b"[" * 5000 + b"]" * 5000, "nested too deeply"),
    "newer.toml": (b'schema = 7\ncompany = "A"\nrole = "B"\ndate = 2026-01-01\n', "upgrade reflect"),
    "array.toml": (b'[[company]]\nname = "A"\n', "company"),
}


def _corpus(root: Path) -> dict[str, bytes]:
    root.mkdir(parents=True, exist_ok=True)
    (root / "2026-01-10-acme-dev.toml").write_text(GOOD)
    for name, (content, _) in BAD_FILES.items():
        (root / name).write_bytes(content)
    return {p.name: p.read_bytes() for p in root.iterdir() if p.is_file()}


def test_every_bad_file_is_named_in_one_line_and_the_good_one_still_reads(reflect, data_dir):
    before = _corpus(data_dir)
    result = reflect("check")
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    lines = result.stdout.splitlines()
    for name, (_, words) in BAD_FILES.items():
        mine = [line for line in lines if line.startswith(f"{data_dir / name}:")]
        assert mine, f"{name} not reported"
        assert any(words in line for line in mine), (name, mine)
    listed = reflect("list", "--json")
    assert listed.exit_code == 0
    assert [e["id"] for e in json.loads(listed.stdout)] == ["2026-01-10-acme-dev"]
    # one warning line per bad file, each naming it
    warnings = [line for line in listed.stderr.splitlines() if line.startswith("warning: skipped")]
    assert len(warnings) == len(BAD_FILES)
    assert reflect("show", "2026-01-10-acme-dev").exit_code == 0
    assert {p.name: p.read_bytes() for p in data_dir.iterdir() if p.is_file()} == before


def test_a_huge_file_is_refused_by_its_size_without_being_read(reflect, data_dir, monkeypatch):
    data_dir.mkdir(parents=True)
    huge = data_dir / "huge.toml"
    with open(huge, "wb") as handle:
        handle.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    (data_dir / "2026-01-10-acme-dev.toml").write_text(GOOD)

    real_open = os.open
    def no_open_of_huge(path, *args, **kwargs):  # noqa: E306
        assert Path(path) != huge, "the huge file was opened"
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", no_open_of_huge)
    result = reflect("check")
    assert result.exit_code == 1
    assert f"{huge}: file is 52,428,800 bytes, above the {MAX_FILE_BYTES:,}-byte limit; not read" in result.stdout
    assert "1 with problems" in result.stderr


def test_a_directory_named_like_a_reflection_is_reported(reflect, data_dir):
    (data_dir / "x.toml").mkdir(parents=True)
    (data_dir / "2026-01-10-acme-dev.toml").write_text(GOOD)
    result = reflect("list", "--json")
    assert result.exit_code == 0
    assert f"{data_dir / 'x.toml'}: is a directory" in result.stderr
    assert reflect("show", "x").exit_code == 1


def test_a_symlink_out_of_the_data_directory_is_not_followed(reflect, data_dir, tmp_path):
    secret = tmp_path / "outside" / "secret.toml"
    secret.parent.mkdir()
    secret.write_text('company = "Outside"\nrole = "Leak"\ndate = 2026-01-01\nfit_notes = "private"\n')
    before = secret.read_bytes()
    data_dir.mkdir()
    (data_dir / "2026-01-10-acme-dev.toml").write_text(GOOD)
    (data_dir / "link.toml").symlink_to(secret)
    listed = reflect("list", "--json")
    assert [e["id"] for e in json.loads(listed.stdout)] == ["2026-01-10-acme-dev"]
    assert "symbolic link, not followed" in listed.stderr
    for command in (("show", "link"), ("edit", "link"), ("feedback", "link", "--status", "requested")):
        result = reflect(*command)
        assert result.exit_code == 1, command
        assert "symbolic link, not followed" in result.stderr
        assert "Outside" not in result.output and "private" not in result.output
    assert secret.read_bytes() == before


def test_a_symlinked_trash_is_not_written_through(reflect, log, data_dir, tmp_path):
    ident = log()
    outside = tmp_path / "outside"
    outside.mkdir()
    (data_dir / "trash").symlink_to(outside, target_is_directory=True)
    result = reflect("delete", ident, "--yes")
    assert result.exit_code == 1
    assert "symbolic link" in result.stderr
    assert list(outside.iterdir()) == []
    assert (data_dir / f"{ident}.toml").exists()


@pytest.mark.parametrize("bad_id", ["../outside", "../../etc/passwd", "/etc/passwd", "a/../../b", "x\x00y", "..", ".", ".lock", "..\\x"])
@pytest.mark.parametrize("command", [("show",), ("edit",), ("delete", "--yes"), ("restore",), ("feedback", "--status", "requested")])
def test_ids_that_are_paths_are_refused(reflect, log, data_dir, tmp_path, bad_id, command):
    log()
    (tmp_path / "outside.toml").write_text(GOOD)
    result = reflect(command[0], bad_id, *command[1:])
    assert result.exit_code == 2, result.output
    assert result.stderr.startswith("error: ")
    assert len(result.stderr.strip().splitlines()) == 1
    assert (tmp_path / "outside.toml").read_text() == GOOD
    assert "Traceback" not in result.output


ESCAPES = "bold \x1b[31mred\x1b[0m \x1b]0;pwned\x07 clear\x1b[2J csi\x9b1m bell\x07 del\x7f"


def test_control_characters_are_stored_as_written_and_shown_neutralised(reflect, log, data_dir):
    ident = log("Acme\x1b[2J", "Dev\x1b]0;title\x07", "2026-01-10", "--went-wrong", ESCAPES, "--feedback", ESCAPES, "--feedback-source", "re\x1bcruiter")
    import tomllib

    stored = tomllib.loads((data_dir / f"{ident}.toml").read_text())
    assert stored["went_wrong"] == [ESCAPES]
    assert stored["company"] == "Acme\x1b[2J"
    for args in (("show", ident), ("list",), ("feedback", "--pending"), ("list", "--json"), ("show", ident, "--json")):
        result = reflect(*args)
        assert result.exit_code == 0, args
        for raw in ("\x1b", "\x07", "\x9b", "\x7f"):
            assert raw not in result.output, (args, raw)
    shown = reflect("show", ident).stdout
    assert "\\x1b[31mred" in shown and "\\x9b1m" in shown
    assert json.loads(reflect("show", ident, "--json").stdout)["went_wrong"] == [ESCAPES]


def test_escape_sequences_in_file_names_and_bad_files_are_neutralised(reflect, data_dir):
    data_dir.mkdir()
    evil = data_dir / "evil\x1b[2J\x1b]0;x\x07.toml"
    evil.write_text('company = "A"\nrole = "B"\ndate = 2026-01-01\nbad\x1b[31m = 1\n')
    for args in (("list",), ("check",), ("show", "evil"), ("delete", "evil", "--yes")):
        result = reflect(*args)
        assert "\x1b" not in result.output and "\x07" not in result.output, args
        assert "\\x1b" in result.output, args


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(raw=st.binary(max_size=2000))
def test_fuzz_arbitrary_bytes_only_ever_raise_invalid_reflection(raw, tmp_path):
    path = tmp_path / "fuzz.toml"
    path.write_bytes(raw)
    try:
        Journal(tmp_path).read(path)
    except InvalidReflection as error:
        assert error.problems and error.message


TOMLISH = st.lists(
    st.sampled_from([
        'company = "A"', 'role = "B"', "date = 2026-01-01", "date = 2026-02-30", "schema = 0", "schema = 2",
        "schema = -1", "schema = true", "[ratings]", "mood = 9", "mood = 3", "[[questions]]", 'text = ""',
        "stumped = 1", "[feedback]", 'status = "lost"', "received_on = 1", "position = \"P\"",
        "interview_date = 2026-01-01", 'feedback = "x"', "feedback_from = 3", "[prep]", "hours = -1",
        "hours = nan", "hours = inf", "tags = [1, 2]", "x = [[[[1]]]]", "= 1", '"', "[[gaps]]", 'kind = "x"',
        "date = 2026-01-01T10:00:00Z", "date = 10:00:00", "\x1b[2J", "\\u0000",
    ]),
    max_size=14,
).map("\n".join)


@settings(max_examples=400, deadline=None)
@given(text=TOMLISH)
def test_fuzz_tomlish_text_only_ever_raises_invalid_reflection(text):
    try:
        parse_file(Path("f.toml"), text.encode())
    except InvalidReflection as error:
        assert error.message


def test_a_symlinked_drafts_folder_is_not_written_through(reflect, log, data_dir, tmp_path, monkeypatch):
    ident = log()
    outside = tmp_path / "outside"
    outside.mkdir()
    (data_dir / "drafts").symlink_to(outside, target_is_directory=True)
    monkeypatch.setenv("EDITOR", "true")
    result = reflect("edit", ident)
    assert result.exit_code == 1
    assert "symbolic link" in result.stderr and len(result.stderr.splitlines()) == 1
    assert list(outside.iterdir()) == []


def test_undecodable_bytes_in_file_names_never_reach_the_terminal_raw(reflect, data_dir):
    data_dir.mkdir()
    good = 'company = "A"\nrole = "B"\ndate = 2026-01-01\n'
    with open(os.path.join(os.fsencode(data_dir), b"\x9b2J-csi.toml"), "wb") as handle:
        handle.write(good.encode())
    with open(os.path.join(os.fsencode(data_dir), b"\xff-broken.toml"), "wb") as handle:
        handle.write(b"x")
    for args in (("list",), ("check",), ("list", "--json"), ("check", "--json"), ("show", "\udc9b2J")):
        result = reflect(*args)
        assert "Traceback" not in result.output, args
        for text in (result.stdout, result.stderr):
            assert not any(0xDC80 <= ord(c) <= 0xDCFF or 0x80 <= ord(c) <= 0x9F for c in text), args
    assert "\\x9b2J-csi" in reflect("list").stdout
    assert "\\xff-broken.toml: not valid TOML" in reflect("check").stdout
    assert json.loads(reflect("list", "--json").stdout)[0]["id"] == "\udc9b2J-csi"
