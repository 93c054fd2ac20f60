"""The parse cache is never the truth: every change to the journal shows through it."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from reflect import cache as cache_module
from reflect.cache import FILE_NAME, Cache


@pytest.fixture(autouse=True)
def no_racy_window(monkeypatch: pytest.MonkeyPatch) -> None:
    # Files written by the tests are brand new; let the cache keep them at once.
    monkeypatch.setattr(cache_module, "RACY_SECONDS", -1.0)


def cache_file() -> Path:
    return Path(os.environ["REFLECT_CACHE_DIR"]) / FILE_NAME


def companies(reflect, *flags: str) -> list[str]:
    result = reflect(*flags, "list", "--json")
    assert result.exit_code == 0, result.output
    return sorted(r["company"] for r in json.loads(result.stdout))


def test_list_fills_a_private_cache_and_gives_the_same_answer(log, reflect):
    log("Acme", "Dev", "2026-01-10", "--went-wrong", "Rambled")
    log("Globex", "SRE", "2026-01-11", "--tag", "remote")
    cold = reflect("list", "--json").stdout
    assert cache_file().exists()
    assert oct(cache_file().stat().st_mode & 0o777) == "0o600"
    warm = reflect("list", "--json").stdout
    bypass = reflect("--no-cache", "list", "--json").stdout
    assert cold == warm == bypass
    assert "Rambled" in warm


def test_edits_deletes_restores_and_renames_show_through(log, reflect, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    log("Globex", "SRE", "2026-01-11")
    assert companies(reflect) == ["Acme", "Globex"]

    path = data_dir / f"{ident}.toml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace('"Acme"', '"Acne"'), encoding="utf-8")  # same size, edited in place
    assert companies(reflect) == ["Acne", "Globex"]

    assert reflect("delete", ident, "--yes").exit_code == 0
    assert companies(reflect) == ["Globex"]
    assert reflect("restore", ident).exit_code == 0
    assert companies(reflect) == ["Acne", "Globex"]

    path.rename(data_dir / "renamed.toml")
    result = reflect("list", "--json")
    assert sorted(r["id"] for r in json.loads(result.stdout)) == ["2026-01-11-globex-sre", "renamed"]


def test_a_bad_file_is_reported_on_every_run_even_with_a_warm_cache(log, reflect, data_dir):
    ident = log("Acme", "Dev", "2026-01-10")
    reflect("list", "--json")
    (data_dir / f"{ident}.toml").write_text('company = "Acme"\nrole = "Dev"\ndate = 2026-01-10\nsurprise = 1\n')
    for _ in range(2):
        result = reflect("list", "--json")
        assert result.exit_code == 0
        assert json.loads(result.stdout) == []
        assert f"{ident}.toml" in result.stderr and "unknown field" in result.stderr


def test_a_corrupt_cache_is_rebuilt_silently(log, reflect):
    log("Acme", "Dev", "2026-01-10")
    reflect("list", "--json")
    cache_file().write_bytes(b"this is not a database" * 100)
    result = reflect("list", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    assert [r["company"] for r in json.loads(result.stdout)] == ["Acme"]
    assert sqlite3.connect(cache_file()).execute("SELECT count(*) FROM files").fetchone() == (1,)


def test_a_deleted_or_unwritable_cache_is_harmless(log, reflect):
    log("Acme", "Dev", "2026-01-10")
    reflect("list", "--json")
    cache_file().unlink()
    assert companies(reflect) == ["Acme"]
    cache_file().unlink()
    cache_file().mkdir()  # cannot be opened as a database at all
    assert companies(reflect) == ["Acme"]


def test_a_locked_cache_is_bypassed(log, reflect):
    log("Acme", "Dev", "2026-01-10")
    reflect("list", "--json")
    holder = sqlite3.connect(cache_file(), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        log("Globex", "SRE", "2026-01-11")
        assert companies(reflect) == ["Acme", "Globex"]
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert companies(reflect) == ["Acme", "Globex"]


def test_cache_rows_from_another_version_of_the_code_are_dropped(log, reflect, monkeypatch):
    log("Acme", "Dev", "2026-01-10")
    reflect("list", "--json")
    db = sqlite3.connect(cache_file(), isolation_level=None)
    # A stale row claiming a different company: it must never be shown once the code changes.
    db.execute("UPDATE files SET reflection = replace(reflection, 'Acme', 'Stale')")
    db.close()
    monkeypatch.setattr(cache_module, "code_fingerprint", lambda: "another version")
    assert companies(reflect) == ["Acme"]


def test_no_cache_never_touches_the_cache(log, reflect):
    log("Acme", "Dev", "2026-01-10")
    assert companies(reflect, "--no-cache") == ["Acme"]
    assert not cache_file().exists()


def test_log_does_not_open_the_cache(log):
    log("Acme", "Dev", "2026-01-10")
    assert not cache_file().exists()


# --- names that are not UTF-8 -------------------------------------------------------------


@pytest.mark.parametrize("command", [["list"], ["stats"], ["plan"], ["brief"], ["export"], ["feedback", "--pending"], ["themes"]])
def test_a_file_name_and_data_dir_that_are_not_utf8_work_in_every_command(reflect, log, tmp_path, monkeypatch, command):
    """``société.toml`` in Latin-1 under ``café/``: the cache cannot keep such names as text; every
    command reads the journal anyway (it used to crash with a UnicodeEncodeError on every run)."""
    import os
    import shutil

    data = Path(os.fsdecode(os.fsencode(str(tmp_path)) + b"/caf\xe9/journal"))
    monkeypatch.setenv("REFLECT_DATA_DIR", str(data))
    ident = log("Acme", "Backend Engineer", "2026-11-20", "--outcome", "rejected", "--went-wrong", "I froze on the design question")
    shutil.copy(data / f"{ident}.toml", Path(os.fsdecode(os.fsencode(str(data)) + b"/soci\xe9t\xe9.toml")))
    for _ in range(2):  # cold, then through the cache
        result = reflect(*command)
        assert result.exit_code == 0, result.output
    assert "soci\\xe9t\\xe9" in reflect("list").stdout


@pytest.mark.parametrize("corruption", ["nested", "pattern", "theme"])
def test_a_corrupt_theme_cache_file_is_discarded_and_rebuilt(reflect, log, tmp_path, corruption):
    """200,000 nested brackets raised RecursionError, a malformed pattern a TypeError: the file is rebuilt."""
    log("Acme", "Engineer", "2026-11-20", "--went-wrong", "I rambled on the design question")
    assert reflect("themes").exit_code == 0
    cache = tmp_path / "cache"
    (taxonomy,) = cache.glob("taxonomy-*.json")
    (themes,) = cache.glob("themes-*.json")
    if corruption == "nested":
        taxonomy.write_text("[" * 200_000)
        themes.write_text("{\"a\":" * 200_000)
    elif corruption == "pattern":
        data = json.loads(taxonomy.read_text())
        patterns = [p for seconds in data["by_first"].values() for ps in seconds.values() for p in ps] + data["prefixed"]
        for number, pattern in enumerate(patterns):
            pattern[number % 3] = [1] if number % 3 == 2 else (["theme"] if number % 3 == 0 else 5)
        taxonomy.write_text(json.dumps(data))
    else:
        data = json.loads(themes.read_text())
        data["themes"][0]["triggers"] = [3]
        themes.write_text(json.dumps(data))
    log("Globex", "Engineer", "2026-11-21", "--went-wrong", "I rambled again")  # a cold scan needs the patterns
    result = reflect("themes")
    assert result.exit_code == 0, result.output
    assert "Conciseness" in result.stdout
    for path in (taxonomy, themes):
        assert isinstance(json.loads(path.read_text()), dict)
