"""The watcher's YAML list files (feeds, rules): read, with errors that name the file and the fix."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from dragoman.errors import ConfigError


def read_list(path: str | Path, key: str, what: str, hint: str) -> list[Any]:
    """The ``key:`` list of a YAML file (or the file's top-level list). ``what`` names the file in errors
    ("the feed list"); ``hint`` says how to write the list when there is none."""
    import yaml

    p = Path(path)
    try:
        data = yaml.safe_load(p.read_text(encoding="utf-8"))
    except OSError as e:
        raise ConfigError(f"cannot read {what}: {e.strerror or e}", source=str(p), hint="check the path") from e
    except (yaml.YAMLError, ValueError) as e:  # a timestamp YAML cannot read (2020-13-01) is a ValueError
        raise ConfigError(f"invalid YAML: {e}", source=str(p), hint="fix the syntax") from e
    except UnicodeDecodeError as e:
        raise ConfigError(f"{what} is not UTF-8 text", source=str(p)) from e
    if isinstance(data, list):
        data = {key: data}
    if not isinstance(data, dict) or not isinstance(data.get(key), list):
        raise ConfigError(f"no '{key}:' list in the file", source=str(p), hint=hint)
    return data[key]
