"""Writing a reflection in the user's editor, with validation and a kept draft."""

from __future__ import annotations

import os
import shlex
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from reflect.errors import Cancelled, InvalidConfig, InvalidReflection, ReflectError, UsageError

if TYPE_CHECKING:
    from reflect.cli.context import Application

T = TypeVar("T")


def editor_command(app: Application) -> list[str]:
    """The editor: config ``editor``, else ``$VISUAL``, else ``$EDITOR``, else a common one."""
    configured = _configured_editor(app) or os.environ.get("VISUAL") or os.environ.get("EDITOR")
    if configured:
        return shlex.split(configured)
    if not app.stdin_is_terminal():
        # A terminal editor started without a terminal waits for keys that never come.
        raise UsageError("no editor set and no terminal to run one in: set $EDITOR (or `editor` in the config)")
    for fallback in ("nano", "vi"):
        from shutil import which

        if which(fallback):
            return [fallback]
    raise UsageError("no editor found: set $EDITOR (for example `export EDITOR=nano`)")


def _configured_editor(app: Application) -> str | None:
    """The config's editor; a broken config must not stop `reflect config edit` from fixing it."""
    from reflect.errors import ConfigError

    try:
        return app.config.editor
    except ConfigError:
        return None


def run_editor(app: Application, text: str, workdir: Path) -> str:
    """Open ``text`` in the editor in a private temporary file; return what was saved."""
    from reflect.atomic import ensure_dir

    ensure_dir(workdir)
    fd, name = tempfile.mkstemp(prefix=".edit-", suffix=".toml", dir=workdir)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
        try:
            completed = subprocess.run([*editor_command(app), name], check=False)
        except FileNotFoundError as error:
            raise UsageError(f"cannot start the editor {error.filename!r}: check $EDITOR") from None
        if completed.returncode != 0:
            raise Cancelled(f"the editor exited with status {completed.returncode}: nothing was saved")
        return Path(name).read_text(encoding="utf-8", errors="surrogateescape")
    finally:
        Path(name).unlink(missing_ok=True)


def edited_copy(path: Path) -> Path:
    """How problems in the edited text name it: their line numbers are the edit's, not the
    file's, which stays as it was until the edit is valid."""
    return Path(f"your edit of {path.name}")


def edit_until_valid(
    app: Application, text: str, parse: Callable[[str], T], keep_draft: Callable[[str], Path], workdir: Path,
    unchanged_is_none: bool = True,
) -> tuple[str, T] | None:
    """Edit until ``parse`` accepts the text; None if the user changed nothing (with
    ``unchanged_is_none``; a draft taken up is to be saved even unchanged).

    On giving up, the text is kept as a draft and :class:`ReflectError` is raised.
    """
    original = text
    while True:
        text = run_editor(app, text, workdir)
        if text == original and unchanged_is_none:
            return None
        try:
            return text, parse(_utf8(text))
        except (InvalidReflection, InvalidConfig) as error:
            for problem in error.problems:
                app.error(str(problem))
            if app.stdin_is_terminal() and _confirm(app, "Reopen the editor to fix it?"):
                continue
            draft = keep_draft(text)
            raise ReflectError(f"not saved; your text is kept as a draft: {draft}") from None


def _utf8(text: str) -> str:
    """The editor's text, if it is UTF-8 (bytes that are not were read as surrogates)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        from reflect.errors import Problem

        where = text[: error.start].count("\n") + 1
        raise InvalidReflection([Problem(None, "", f"line {where}: not UTF-8 text (save the file as UTF-8)")]) from None
    return text


def _confirm(app: Application, question: str) -> bool:
    """Yes or no; anything else is asked again, so that a typo never throws the edit away."""
    while True:
        try:
            answer = app.err.input(f"{question} [Y/n] ").strip().lower()
        except (EOFError, KeyboardInterrupt):
            return False
        if answer in {"", "y", "yes", "n", "no"}:
            return answer in {"", "y", "yes"}
        app.err.print("Please answer y or n.", markup=False)
