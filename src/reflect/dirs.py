"""Where reflect keeps its data, config and cache: each resolved in exactly one function."""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "reflect"


def expand(value: str | Path, what: str) -> Path:
    """``value`` as a path, ``~`` and ``~user`` expanded; one clear error for an empty path
    (which would mean the current directory) or a user that does not exist."""
    from reflect.errors import UsageError

    if not str(value).strip():
        raise UsageError(f"{what} is empty: give a directory (an empty path would mean the current one)")
    try:
        return Path(value).expanduser()
    except RuntimeError:
        raise UsageError(f"{what}: cannot expand {str(value)!r}: no such user's home directory") from None


def data_dir(flag: Path | str | None = None) -> Path:
    """The journal's directory: ``--data-dir``, else ``REFLECT_DATA_DIR``, else the platform's."""
    if flag is not None:
        return expand(flag, "--data-dir")
    env = os.environ.get("REFLECT_DATA_DIR")
    if env:
        return expand(env, "REFLECT_DATA_DIR")
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False))


def config_file() -> Path:
    """The config file: ``REFLECT_CONFIG``, else ``config.toml`` in the platform's config dir."""
    env = os.environ.get("REFLECT_CONFIG")
    if env:
        return expand(env, "REFLECT_CONFIG")
    from platformdirs import user_config_dir

    return Path(user_config_dir(APP_NAME, appauthor=False)) / "config.toml"


def cache_dir() -> Path:
    """The cache directory: ``REFLECT_CACHE_DIR``, else the platform's. Never the truth."""
    env = os.environ.get("REFLECT_CACHE_DIR")
    if env:
        return expand(env, "REFLECT_CACHE_DIR")
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))


def state_dir() -> Path:
    """Where reflect keeps what must outlive a run when the data directory cannot take it
    (a log draft when the journal is read-only): ``REFLECT_STATE_DIR``, else the platform's."""
    env = os.environ.get("REFLECT_STATE_DIR")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_state_dir

    return Path(user_state_dir(APP_NAME, appauthor=False))
