"""Entry point for the ``reflect`` command and ``python -m reflect``."""

from __future__ import annotations

import os
import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        # The most common way to check an install: answer without loading the CLI.
        from reflect import __version__

        sys.stdout.write(f"reflect {__version__}\n")
        return
    from reflect.cli.app import app

    try:
        app(prog_name="reflect")
    except SystemExit as done:
        _exit(done.code)
    _exit(0)


def _exit(code: object) -> None:
    """Leave without tearing down every object one by one (a third of a second after
    loading 10,000 reflections). All files reflect writes are complete and synced
    before a command returns; only the standard streams need flushing."""
    if code is None:
        status = 0
    elif isinstance(code, int):
        status = code
    else:
        sys.stderr.write(f"{code}\n")
        status = 1
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (BrokenPipeError, ValueError):
            status = status or 1
    os._exit(status)


if __name__ == "__main__":
    sys.exit(main())
