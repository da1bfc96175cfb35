"""Reading the YAML data files the stages ship with (lexicons, word lists, rules).

PyYAML's C loader (libyaml) when the installed PyYAML has it, its pure-Python safe loader otherwise: both build the
same data (plain scalars, lists and mappings, no Python objects), the C one about eight times faster, which a
process pays at every start.
"""

from __future__ import annotations

from typing import IO, Any

import yaml

_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(source: str | IO[str]) -> Any:
    """The data of a YAML document (a string or an open text file), loaded safely; raises ``yaml.YAMLError`` on
    bad YAML, as PyYAML's ``safe_load`` does."""
    return yaml.load(source, Loader=_LOADER)
