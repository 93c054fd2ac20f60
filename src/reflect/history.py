"""History through git: when the data directory is a git repository, every change
reflect makes is committed with a message that says what happened.

Git is never required. Outside a repository nothing here runs a process; when a
commit fails (git missing, a hook refusing, a lock held), the change the user made
is already safely on disk and the failure comes back as a warning string.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from collections.abc import Iterable
from pathlib import Path

from reflect import atomic
from reflect.errors import ReflectError

# The identity used for commits when git has none configured (as on a fresh machine).
FALLBACK_NAME = "reflect"
FALLBACK_EMAIL = "reflect@localhost"
GIT_TIMEOUT = 60
STALE_GIT_LOCK_SECONDS = 120
LEFTOVER_SECONDS = 5
GIT_WAIT_SECONDS = 5
"""How long a write waits for a live git's lock (an orphaned `git add` finishing) before giving up."""
"""A file uncommitted for longer than this was left by an interrupted write; a newer one may
belong to a writer still waiting for the lock to commit it."""

GITIGNORE = """\
# Written by `reflect init --git`: reflect's private working files stay out of history.
/drafts/
/backups/
/.lock
.*.tmp
"""

_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f]+")


def clean(text: str) -> str:
    """User text made fit for a one-line commit message: no control characters, lower case."""
    return " ".join(_UNSAFE.sub(" ", text).split()).lower()


def git_env() -> dict[str, str]:
    """The environment for git: pathspecs literal, no variable pointing git at another repository."""
    env = {k: v for k, v in os.environ.items() if k not in {"GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE"}}
    env["GIT_LITERAL_PATHSPECS"] = "1"
    env.setdefault("GIT_TERMINAL_PROMPT", "0")
    return env


class GitMissing(ReflectError):
    """git is not installed (or not on PATH)."""


class History:
    """The git history of one data directory (possibly none)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    @property
    def enabled(self) -> bool:
        """True when the data directory itself is a git repository."""
        return os.path.lexists(self.root / ".git")

    @staticmethod
    def git_path() -> str:
        found = shutil.which("git")
        if found is None:
            raise GitMissing("git is not installed (or not on PATH): install git to keep a history")
        return found

    def _identity(self, git: str) -> list[str]:
        """``-c user.name=... -c user.email=...`` for what git has no value for, else nothing."""
        have = set()
        done = subprocess.run(
            [git, "-C", str(self.root), "config", "--get-regexp", r"^user\.(name|email)$"],
            capture_output=True, text=True, errors="surrogateescape", env=git_env(), timeout=GIT_TIMEOUT, check=False,
        )
        for line in done.stdout.splitlines():
            key, _, value = line.partition(" ")
            if value.strip():
                have.add(key.lower())
        if os.environ.get("GIT_COMMITTER_NAME") and os.environ.get("GIT_AUTHOR_NAME"):
            have.add("user.name")
        if (os.environ.get("GIT_COMMITTER_EMAIL") and os.environ.get("GIT_AUTHOR_EMAIL")) or os.environ.get("EMAIL"):
            have.add("user.email")
        extra = []
        if "user.name" not in have:
            extra += ["-c", f"user.name={FALLBACK_NAME}"]
        if "user.email" not in have:
            extra += ["-c", f"user.email={FALLBACK_EMAIL}"]
        return extra

    def _git(self, git: str, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [git, "-C", str(self.root), *args],
            capture_output=True, text=True, errors="surrogateescape", env=git_env(), stdin=subprocess.DEVNULL,
            timeout=GIT_TIMEOUT, check=False,
        )

    def _clear_stale_index_lock(self) -> None:
        # Called with reflect's own lock held. An index.lock is left by a git killed
        # mid-commit and blocks every later commit; but a live git (the user's own
        # `git commit`, waiting in its editor) holds one too, and removing that loses
        # its commit. So the lock goes only when no git process works in this repository;
        # where processes cannot be seen (no /proc), only when it is old.
        lock = self.root / ".git" / "index.lock"
        deadline = time.monotonic() + GIT_WAIT_SECONDS
        while True:
            try:
                age = time.time() - lock.stat().st_mtime
            except OSError:
                return
            busy = git_running_in(self.root)
            if busy is False or (busy is None and age > STALE_GIT_LOCK_SECONDS):
                try:
                    lock.unlink()
                except OSError:
                    pass
                return
            if busy is None or time.monotonic() > deadline:
                return  # the commit fails with git's own message, and a later write commits it
            time.sleep(0.05)  # a git at work (one orphaned by a killed reflect, say) finishes soon

    def record(self, message: str, paths: Iterable[Path]) -> str | None:
        """Commit the given files (added, changed or removed) with ``message``.

        Then whatever earlier writes left uncommitted (a process killed between its
        write and its commit, a commit refused while a lock was held) is committed too,
        in a second commit that says so; files changed in the last
        :data:`LEFTOVER_SECONDS` are left to the writer that may still be about to commit
        them. Returns None on success or when there is no repository; otherwise a
        one-line warning. Never raises for a git failure: the files are already written.
        """
        if not self.enabled:
            return None
        rel = []
        for path in paths:
            try:
                rel.append(str(Path(path).relative_to(self.root)))
            except ValueError:
                continue
        if not rel:
            return None
        return self._commit(message, rel, everything=False)

    def commit_leftovers(self) -> str | None:
        """Commit everything interrupted writes left uncommitted (after a rerun import or
        migrate that had nothing new to write); None or a one-line warning."""
        if not self.enabled:
            return None
        return self._commit("", [], everything=True)

    def _commit(self, message: str, rel: list[str], everything: bool) -> str | None:
        try:
            git = self.git_path()
        except GitMissing as error:
            return f"not recorded in history: {error.message}"
        try:
            with atomic.locked(self.root):
                self._clear_stale_index_lock()
                if rel:
                    problem = self._commit_paths(git, message, rel)
                    if problem:
                        return problem
                leftovers = self._leftovers(git, everything)
                if leftovers:
                    count = len(leftovers)
                    note = f"recover: {count} file{'s' if count != 1 else ''} left uncommitted by an interrupted change"
                    return self._commit_paths(git, note, leftovers)
        except (OSError, subprocess.SubprocessError) as error:
            return f"not recorded in history: {error}"
        return None

    def _commit_paths(self, git: str, message: str, rel: list[str]) -> str | None:
        present = [p for p in rel if os.path.lexists(self.root / p)]
        gone = [p for p in rel if p not in present]
        steps = []
        if present:
            steps.append(("add", "--", *present))
        if gone:
            steps.append(("rm", "--cached", "--quiet", "--ignore-unmatch", "--", *gone))
        for step in steps:
            done = self._git(git, *step)
            if done.returncode != 0:
                return f"not recorded in history: git {step[0]} failed: {_first_line(done)}"
        staged = self._git(git, "diff", "--cached", "--no-renames", "--name-only", "-z", "--", *rel)
        changed = [p for p in staged.stdout.split("\0") if p]
        if staged.returncode != 0 or not changed:
            return None
        done = self._git(git, *self._identity(git), "commit", "--quiet", "--no-edit", "-m", message, "--only", "--", *changed)
        if done.returncode != 0:
            return f"not recorded in history: git commit failed: {_first_line(done)}"
        return None

    def _leftovers(self, git: str, everything: bool) -> list[str]:
        """Files changed, added or removed but not committed (.gitignore keeps drafts, backups
        and temporary files out); unless ``everything``, only those untouched for a while."""
        done = self._git(git, "status", "--porcelain", "-z", "--no-renames", "--untracked-files=all")
        if done.returncode != 0 or not done.stdout:
            return []
        # No other reflect waiting for the journal's lock: nobody is about to commit what is left.
        everything = everything or other_writers(self.root) is False
        found = []
        recent = time.time() - LEFTOVER_SECONDS
        for item in done.stdout.split("\0"):
            if len(item) < 4:
                continue
            path = item[3:]
            try:
                info = os.lstat(self.root / path)
            except OSError:
                found.append(path)  # removed
                continue
            if everything or info.st_mtime < recent:
                found.append(path)
        return found

    def _broken(self, git: str) -> bool:
        """A ``.git`` that git does not take for a repository (``init`` killed half-way)."""
        return not (self.root / ".git" / "HEAD").is_file() or self._git(git, "rev-parse", "--git-dir").returncode != 0

    def init(self) -> list[str]:
        """Make the data directory a git repository (if it is not one) and commit what is there.

        Returns what was done, one line each. Raises :class:`GitMissing` without git.
        """
        git = self.git_path()
        done_lines = []
        atomic.ensure_dir(self.root)
        with atomic.locked(self.root):
            repair = self.enabled and self._broken(git)
            if not self.enabled or repair:
                # --shared=0600: history stays as private as the journal, whatever the umask.
                # On a half-made .git (init killed), git init fills in what is missing.
                done = self._git(git, "init", "--quiet", "--shared=0600")
                if done.returncode != 0:
                    raise ReflectError(f"git init failed in {self.root}: {_first_line(done)}")
                done_lines.append(f"Repaired the half-made git repository in {self.root}" if repair else f"Made {self.root} a git repository")
            self._clear_stale_index_lock()
            ignore = self.root / ".gitignore"
            if not os.path.lexists(ignore):
                atomic.replace(ignore, GITIGNORE.encode())
                done_lines.append(f"Wrote {ignore}")
            done = self._git(git, "add", "--all", "--", ".")
            if done.returncode != 0:
                raise ReflectError(f"git add failed in {self.root}: {_first_line(done)}")
            staged = self._git(git, "diff", "--cached", "--name-only", "-z")
            count = len([p for p in staged.stdout.split("\0") if p.endswith(".toml") and "/" not in p])
            if staged.stdout.strip("\0"):
                message = f"init: history of {count} reflection{'s' if count != 1 else ''}"
                done = self._git(git, *self._identity(git), "commit", "--quiet", "--no-edit", "-m", message)
                if done.returncode != 0:
                    raise ReflectError(f"git commit failed in {self.root}: {_first_line(done)}")
                done_lines.append(f"Committed: {message}")
        return done_lines

    def run(self, args: list[str]) -> int:
        """Run ``git ARGS`` inside the data directory with the terminal; returns git's exit code."""
        import sys

        git = self.git_path()
        if not self.root.is_dir():
            from reflect.errors import NotFound

            raise NotFound(f"{self.root} does not exist yet: create it with `reflect init --git`")
        command = [git, "-C", str(self.root), *self._identity(git), *args]
        env = {k: v for k, v in git_env().items() if k != "GIT_LITERAL_PATHSPECS"}
        try:
            sys.stdout.fileno()
            sys.stderr.fileno()
        except (AttributeError, OSError, ValueError):
            # Output is not a real file (captured): pass git's output on as text.
            done = subprocess.run(command, capture_output=True, env=env, stdin=subprocess.DEVNULL, check=False)
            sys.stdout.write(done.stdout.decode("utf-8", "replace"))
            sys.stderr.write(done.stderr.decode("utf-8", "replace"))
            return done.returncode
        sys.stdout.flush()
        return subprocess.run(command, env=env, check=False).returncode


def other_writers(root: Path) -> bool | None:
    """Whether another process has the journal's lock file open (a reflect writing, or waiting
    to commit what it wrote); None where processes cannot be seen (no ``/proc``)."""
    proc = Path("/proc")
    if not (proc / "self" / "fd").is_dir():
        return None
    lock = os.path.join(os.path.realpath(root), ".lock")
    for entry in os.scandir(proc):
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            for fd in os.scandir(f"{entry.path}/fd"):
                if os.readlink(fd.path) == lock:
                    return True
        except OSError:
            continue  # gone since listed, or another user's process
    return False


def git_running_in(root: Path) -> bool | None:
    """Whether a git process works in ``root`` (its directory, or a file open there);
    None where processes cannot be seen (no ``/proc``)."""
    proc = Path("/proc")
    if not (proc / "self" / "fd").is_dir():
        return None
    where = os.path.realpath(root)

    def inside(path: str) -> bool:
        return path == where or path.startswith(where + os.sep)

    for entry in os.scandir(proc):
        if not entry.name.isdigit() or int(entry.name) == os.getpid():
            continue
        try:
            if not Path(entry.path, "comm").read_text().startswith("git"):
                continue
            if inside(os.path.realpath(os.readlink(f"{entry.path}/cwd"))):
                return True
            for fd in os.scandir(f"{entry.path}/fd"):
                if inside(os.readlink(fd.path)):
                    return True
        except OSError:
            continue  # gone since listed, or another user's process
    return False


def _first_line(done: subprocess.CompletedProcess[str]) -> str:
    text = (done.stderr or done.stdout or "").strip()
    lines = [line for line in text.splitlines() if line.strip()]
    return _UNSAFE.sub(" ", lines[0]) if lines else f"exit status {done.returncode}"
