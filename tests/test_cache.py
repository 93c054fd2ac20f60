"""The parse cache is never the truth: every change to the journal shows through it."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

import pytest

from reflect import cache as cache_module
from reflect.cache import FILE_NAME, Cache
from reflect.journal import Journal


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


def test_derived_data_is_reused_until_its_file_or_fingerprint_changes(log, data_dir):
    first = log("Acme", "Dev", "2026-01-10", "--went-wrong", "Rambled")
    log("Globex", "SRE", "2026-01-11")
    journal = Journal(data_dir)
    calls: list[str] = []

    def words(entry):
        calls.append(entry.id)
        return {"company": entry.reflection.company, "wrong": len(entry.reflection.went_wrong)}

    values, problems = journal.derive_all("words", "v1", words, cache=Cache())
    assert problems == [] and values[first] == {"company": "Acme", "wrong": 1}
    assert len(calls) == 2
    again, _ = journal.derive_all("words", "v1", words, cache=Cache())
    assert again == values and len(calls) == 2  # nothing read or computed
    other, _ = journal.derive_all("words", "v2", words, cache=Cache())
    assert other == values and len(calls) == 4  # a new fingerprint computes again

    path = data_dir / f"{first}.toml"
    path.write_text(path.read_text().replace('"Rambled"', '"Rambled", "Froze"'))
    changed, _ = journal.derive_all("words", "v2", words, cache=Cache())
    assert changed[first] == {"company": "Acme", "wrong": 2} and calls[-1] == first and len(calls) == 5
    uncached, _ = journal.derive_all("words", "v2", words)
    assert uncached == changed


def test_one_new_file_is_the_only_one_read_and_the_others_stay_cached(log, data_dir):
    ids = [log(c, "Dev", f"2026-01-1{i}", "--went-wrong", "Rambled") for i, c in enumerate(["Acme", "Globex", "Initech"])]
    journal = Journal(data_dir)
    journal.load_all(cache=Cache())  # as `reflect list` does: the parse cache holds all three
    calls: list[str] = []

    def company(entry):
        calls.append(entry.id)
        return (entry.reflection.company, len(entry.reflection.went_wrong))

    first, _ = journal.derive_all("company", "v1", company, cache=Cache())
    assert len(calls) == 3
    new = log("Hooli", "Dev", "2026-01-20")
    (data_dir / f"{ids[0]}.toml").unlink()
    second, _ = journal.derive_all("company", "v1", company, cache=Cache())
    assert calls[3:] == [new]  # only the new file was read
    assert list(second) == [ids[1], ids[2], new] and second[new] == ("Hooli", 0)
    assert second[ids[1]] == first[ids[1]] == ("Globex", 1)  # tuples stay tuples through the cache
    # The parse cache keeps the unchanged files and forgets the deleted one.
    with sqlite3.connect(cache_file()) as db:
        names = sorted(n for (n,) in db.execute("SELECT name FROM files"))
    assert names == sorted(f"{i}.toml" for i in (ids[1], ids[2]))
    third, _ = journal.derive_all("company", "v1", company, cache=Cache())
    assert third == second and len(calls) == 4


def test_files_changed_within_the_racy_window_are_computed_every_time(log, data_dir, monkeypatch):
    monkeypatch.setattr(cache_module, "RACY_SECONDS", 3600.0)
    log("Acme", "Dev", "2026-01-10")
    journal = Journal(data_dir)
    calls: list[str] = []

    def company(entry):
        calls.append(entry.id)
        return entry.reflection.company

    for _ in range(2):
        values, _ = journal.derive_all("company", "v1", company, cache=Cache())
        assert list(values.values()) == ["Acme"]
    assert len(calls) == 2  # a file just written could change again unseen: never served from the cache


def test_a_bad_file_read_on_every_run_does_not_prepare_the_shared_work(log, data_dir):
    """A bad file is read again each run; that alone must not make a warm run compile what
    computing many files needs (the taxonomy: about 0.15 s and 35 MiB for `reflect themes`)."""
    log("Acme", "Dev", "2026-01-10")
    (data_dir / "broken.toml").write_text('company = "Acme"\nrole = 3\n')
    journal = Journal(data_dir)
    prepared: list[int] = []
    for _ in range(2):
        values, problems = journal.derive_all(
            "company", "v1", lambda entry: entry.reflection.company, cache=Cache(), prepare=lambda: prepared.append(1)
        )
        assert list(values.values()) == ["Acme"] and {p.path.name for p in problems} == {"broken.toml"}
    assert prepared == []
