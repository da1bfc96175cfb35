"""Reading the YAML data files the stages ship with (lexicons, word lists, rules).

PyYAML's C loader (libyaml) when the installed PyYAML has it, its pure-Python safe loader otherwise: both build the
same data (plain scalars, lists and mappings, no Python objects), the C one about eight times faster, which a
process pays at every start.

Words stay words: YAML 1.1 reads a bare ``on``, ``off``, ``yes`` or ``no`` as a boolean, which would turn those
words of a word list into ``True`` and ``False`` (a list of function words would lose "on" and "no"). Only
``true`` and ``false`` are booleans here, as in YAML 1.2.
"""

from __future__ import annotations

import re
from typing import IO, Any

import yaml

_BASE: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_BOOL = "tag:yaml.org,2002:bool"


class _Loader(_BASE):
    """The safe loader with YAML 1.2's booleans: ``true`` and ``false`` only."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != _BOOL] for first, resolvers in _BASE.yaml_implicit_resolvers.items()
}
_Loader.add_implicit_resolver(_BOOL, re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF"))
_LOADER: Any = _Loader


def read_yaml(source: str | IO[str]) -> Any:
    """The data of a YAML document (a string or an open text file), loaded safely; raises ``yaml.YAMLError`` on
    bad YAML, as PyYAML's ``safe_load`` does."""
    return yaml.load(source, Loader=_LOADER)
