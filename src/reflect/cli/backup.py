"""``reflect backup``: everything reflect keeps in one file, optionally encrypted, and back."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Annotated

import typer

from reflect.cli.options import group

PASSPHRASE_VARIABLE = "REFLECT_BACKUP_PASSPHRASE"

backup_app = group(
    no_args_is_help=True,
    invoke_without_command=False,
    help="Full backups: reflections, trash, drafts, plan and drill progress, and the config, in one file.\n\n"
    "Example: reflect backup create ~/journal.backup --encrypt",
)


@backup_app.command("create")
def create(
    ctx: typer.Context,
    output: Annotated[Path, typer.Argument(metavar="FILE", help="Where to write the backup (mode 0600).", show_default=False)],
    encrypt: Annotated[bool, typer.Option("--encrypt", help=f"Protect it with a passphrase (asked twice, or ${PASSPHRASE_VARIABLE}); the age format.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Replace FILE if it already exists.")] = False,
) -> None:
    """Write everything reflect keeps into one file (0600); with --encrypt, under a passphrase.

    The git history is not included (push it, or copy .git). An encrypted backup is
    in the age format: `age -d FILE > backup.tar.gz` opens it without reflect.

    Example: reflect backup create ~/journal.backup --encrypt
    """
    from reflect import backup
    from reflect.dirs import config_file

    app = ctx.obj
    passphrase = _passphrase(app, confirm=True) if encrypt else None
    count = backup.create(app.journal, config_file(), output, passphrase, force=force)
    app.note(f"Backed up {count} file{'s' if count != 1 else ''} to {output}{' (encrypted)' if encrypt else ''}")


@backup_app.command("restore")
def restore(
    ctx: typer.Context,
    source: Annotated[Path, typer.Argument(metavar="FILE", help="A backup made by `reflect backup create`.", show_default=False)],
) -> None:
    """Bring back every file of a backup that is missing; never overwrite one that differs.

    Works into an empty data directory or an existing journal. A file that differs
    from the backup's copy is left as it is and named (exit status 1). An encrypted
    backup asks for its passphrase (or reads $REFLECT_BACKUP_PASSPHRASE); a wrong one
    writes nothing.

    Example: reflect backup restore ~/journal.backup
    """
    from reflect import backup
    from reflect.dirs import config_file

    app = ctx.obj
    passphrase = _passphrase(app, confirm=False) if backup.is_encrypted(source) else None
    report = backup.restore(app.journal, config_file(), backup.read(source, passphrase))
    for path in report.differing:
        app.warn(f"kept yours: {path} differs from the backup's copy (not overwritten)")
    app.note(f"Restored {len(report.restored)}, already the same {len(report.same)}, differing (kept yours) {len(report.differing)}")
    if report.differing:
        raise typer.Exit(1)


def _passphrase(app, confirm: bool) -> str:  # type: ignore[no-untyped-def]
    """The passphrase from the environment, else asked in the terminal (twice to set one)."""
    from reflect.errors import UsageError

    given = os.environ.get(PASSPHRASE_VARIABLE)
    if given:
        return given
    if not app.stdin_is_terminal():
        raise UsageError(f"a passphrase is needed and stdin is not a terminal: set ${PASSPHRASE_VARIABLE}")
    import getpass

    first = getpass.getpass("Passphrase: ")
    if confirm and getpass.getpass("Passphrase again: ") != first:
        raise UsageError("the two passphrases differ: nothing was written")
    if not first:
        raise UsageError("the passphrase is empty: nothing was written")
    return first
