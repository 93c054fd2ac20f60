"""``reflect schema``: the JSON Schema of a reflection file."""

from __future__ import annotations


def schema() -> None:
    """Print the JSON Schema of a reflection file, for editors and validators.

    Example: reflect schema > reflection.schema.json
    """
    from reflect.fileformat import schema_path

    print(schema_path().read_text(encoding="utf-8"), end="")
