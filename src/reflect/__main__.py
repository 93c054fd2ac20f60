"""Entry point for the ``reflect`` command and ``python -m reflect``."""

from __future__ import annotations

import sys


def main() -> None:
    from reflect.cli.app import app

    app(prog_name="reflect")


if __name__ == "__main__":
    sys.exit(main())
