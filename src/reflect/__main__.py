"""Entry point for the ``reflect`` command and ``python -m reflect``."""

from __future__ import annotations

import sys


def main() -> None:
    if sys.argv[1:] in (["--version"], ["-V"]):
        # The most common way to check an install: answer without loading the CLI.
        from reflect import __version__

        sys.stdout.write(f"reflect {__version__}\n")
        return
    from reflect.cli.app import app

    app(prog_name="reflect")


if __name__ == "__main__":
    sys.exit(main())
