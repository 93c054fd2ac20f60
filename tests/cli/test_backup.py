"""`reflect backup`: everything reflect keeps in one file, optionally encrypted, and back."""

import importlib.util
import os
import shutil
import sys
from pathlib import Path

import pexpect
import pytest

from tests.conftest import mode

PASSPHRASE = "correct horse battery staple"


@pytest.fixture
def journal(reflect, log, data_dir, tmp_path):
    """A journal with reflections, a deleted one, a draft, plan progress, a drill schedule and a config."""
    acme = log("Acme", "Engineer", "2026-11-20", "--outcome", "rejected", "--went-wrong", "I rambled on the design question")
    log("Globex", "Engineer", "2026-11-21", "--outcome", "rejected", "--went-wrong", "I rambled again, too long")
    deleted = log("Initech", "Analyst", "2026-11-22")
    assert reflect("delete", deleted, "--yes").exit_code == 0
    (data_dir / "drafts").mkdir(exist_ok=True)
    (data_dir / "drafts" / f"{acme}-20261120-120000.toml").write_text("company = \"Acme\"  # unfinished\n")
    (data_dir / "state").mkdir(exist_ok=True)
    (data_dir / "state" / "plan.toml").write_text("# plan progress\n")
    (data_dir / "state" / "drill.toml").write_text("# drill schedule\n")
    Path(os.environ["REFLECT_CONFIG"]).write_text('default_stage = "technical"\n')
    return data_dir


def _files(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and p.name != ".lock"}


def test_a_backup_restored_into_an_empty_journal_gives_back_everything(reflect, journal, tmp_path, monkeypatch):
    target = tmp_path / "journal.backup"
    result = reflect("backup", "create", str(target))
    assert result.exit_code == 0, result.output
    assert mode(target) == 0o600
    before, config = _files(journal), Path(os.environ["REFLECT_CONFIG"]).read_bytes()
    assert {"trash", "drafts", "state"} <= {Path(name).parts[0] for name in before}
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("REFLECT_CONFIG", str(tmp_path / "fresh-config.toml"))
    result = reflect("--data-dir", str(fresh), "backup", "restore", str(target))
    assert result.exit_code == 0, result.output
    assert _files(fresh) == before
    assert (tmp_path / "fresh-config.toml").read_bytes() == config
    assert mode(fresh / "state") == 0o700 and mode(fresh / "state" / "plan.toml") == 0o600


def test_a_restore_over_local_changes_never_overwrites_and_says_so(reflect, journal, tmp_path):
    target = tmp_path / "journal.backup"
    assert reflect("backup", "create", str(target)).exit_code == 0
    changed = next(journal.glob("*.toml"))
    changed.write_text(changed.read_text() + "# my newer note\n")
    removed = next((journal / "trash").glob("*.toml"))
    removed.unlink()
    result = reflect("backup", "restore", str(target))
    assert result.exit_code == 1
    assert f"kept yours: {changed} differs from the backup's copy (not overwritten)" in result.stderr
    assert "Restored 1," in result.stderr
    assert changed.read_text().endswith("# my newer note\n")
    assert removed.exists()
    assert "already exists" in reflect("backup", "create", str(target)).stderr


def test_a_backup_inside_the_data_directory_is_refused(reflect, journal):
    result = reflect("backup", "create", str(journal / "backup.tgz"))
    assert result.exit_code == 1
    assert "inside the data directory" in result.stderr


def test_a_file_that_is_not_a_backup_or_holds_a_path_outside_is_refused(reflect, journal, tmp_path):
    import io
    import tarfile

    junk = tmp_path / "junk"
    junk.write_bytes(b"not a backup")
    assert "not a reflect backup" in reflect("backup", "restore", str(junk)).stderr
    evil = tmp_path / "evil.tgz"
    with tarfile.open(evil, "w:gz") as archive:
        for name, data in (("reflect-backup.json", b'{"format": "reflect-backup", "version": 1}'), ("journal/../../escaped.toml", b"x")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
    result = reflect("backup", "restore", str(evil))
    assert result.exit_code == 1
    assert "unexpected entry" in result.stderr
    assert not (tmp_path / "escaped.toml").exists()


needs_pyrage = pytest.mark.skipif(importlib.util.find_spec("pyrage") is None, reason="encrypted backups need pyrage")


@pytest.fixture
def encrypted(reflect, journal, tmp_path, monkeypatch):
    target = tmp_path / "journal.backup.age"
    monkeypatch.setenv("REFLECT_BACKUP_PASSPHRASE", PASSPHRASE)
    result = reflect("backup", "create", str(target), "--encrypt")
    assert result.exit_code == 0, result.output
    assert "(encrypted)" in result.stderr
    return target


@needs_pyrage
def test_an_encrypted_backup_is_age_and_holds_no_plain_text(encrypted):
    raw = encrypted.read_bytes()
    assert raw.startswith(b"age-encryption.org/v1\n-> scrypt ")
    assert b"rambled" not in raw and b"Acme" not in raw
    assert mode(encrypted) == 0o600


@needs_pyrage
def test_a_wrong_passphrase_writes_nothing_and_the_right_one_restores(reflect, encrypted, journal, tmp_path, monkeypatch):
    fresh = tmp_path / "fresh"
    monkeypatch.setenv("REFLECT_CONFIG", str(tmp_path / "fresh-config.toml"))
    monkeypatch.setenv("REFLECT_BACKUP_PASSPHRASE", "wrong")
    result = reflect("--data-dir", str(fresh), "backup", "restore", str(encrypted))
    assert result.exit_code == 1
    assert "wrong passphrase (or a damaged file): nothing was restored" in result.stderr
    assert not fresh.exists() and not (tmp_path / "fresh-config.toml").exists()
    monkeypatch.delenv("REFLECT_BACKUP_PASSPHRASE")
    result = reflect("--data-dir", str(fresh), "backup", "restore", str(encrypted), input="")
    assert result.exit_code == 2
    assert "stdin is not a terminal: set $REFLECT_BACKUP_PASSPHRASE" in result.stderr
    monkeypatch.setenv("REFLECT_BACKUP_PASSPHRASE", PASSPHRASE)
    assert reflect("--data-dir", str(fresh), "backup", "restore", str(encrypted)).exit_code == 0
    assert _files(fresh) == _files(journal)


@needs_pyrage
def test_the_passphrase_is_asked_twice_in_a_terminal(journal, tmp_path, monkeypatch):
    monkeypatch.delenv("REFLECT_BACKUP_PASSPHRASE", raising=False)
    target = tmp_path / "typed.age"
    child = pexpect.spawn(sys.executable, ["-m", "reflect", "backup", "create", str(target), "--encrypt"], env=dict(os.environ), encoding="utf-8", timeout=60)
    child.expect("Passphrase: ")
    child.sendline(PASSPHRASE)
    child.expect("Passphrase again: ")
    child.sendline("something else")
    child.expect(pexpect.EOF)
    assert "the two passphrases differ" in child.before
    assert not target.exists()


@needs_pyrage
@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed (apt install age)")
def test_the_age_command_decrypts_a_backup(encrypted, tmp_path):
    import tarfile

    plain = tmp_path / "plain.tar.gz"
    child = pexpect.spawn("age", ["-d", "-o", str(plain), str(encrypted)], encoding="utf-8", timeout=60)
    child.expect("(?i)passphrase")
    child.sendline(PASSPHRASE)
    child.expect(pexpect.EOF)
    with tarfile.open(plain) as archive:
        names = archive.getnames()
    assert "reflect-backup.json" in names and "config/config.toml" in names
    assert any(n.startswith("journal/state/") for n in names)
