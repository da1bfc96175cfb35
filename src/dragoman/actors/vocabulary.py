"""The word lists of actor resolution (``data/words.yaml``), read once."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from dragoman.datafile import read_yaml
from dragoman.errors import ConfigError


@lru_cache(maxsize=1)
def _lists() -> dict[str, frozenset[str]]:
    path = resources.files("dragoman.actors") / "data" / "words.yaml"
    try:
        raw: dict[str, Any] = read_yaml(path.read_text(encoding="utf-8"))
        return {k: frozenset(str(w).lower() for w in v) for k, v in raw.items()}
    except (OSError, yaml.YAMLError, AttributeError, TypeError) as e:
        raise ConfigError(f"cannot read the actor word lists: {e}", source=str(path), hint="reinstall dragoman") from e


def words(name: str) -> frozenset[str]:
    """One list of ``words.yaml`` (``ranks``, ``place_nouns``, ``hyphen_qualifiers``, ``bland_adjectives``)."""
    try:
        return _lists()[name]
    except KeyError:
        raise ConfigError(f"no word list '{name}' in the actor word lists", hint="reinstall dragoman") from None


@lru_cache(maxsize=1)
def _translations() -> dict[str, dict[str, str]]:
    path = resources.files("dragoman.actors") / "data" / "translations.yaml"
    try:
        raw: dict[str, Any] = read_yaml(path.read_text(encoding="utf-8"))
        return {k: ({str(w).lower(): str(e) for w, e in v.items()} if isinstance(v, dict) else {str(w).lower(): str(w).lower() for w in v})
                for k, v in raw.items()}
    except (OSError, yaml.YAMLError, AttributeError, TypeError) as e:
        raise ConfigError(f"cannot read the name translations: {e}", source=str(path), hint="reinstall dragoman") from e


def translation(name: str) -> dict[str, str]:
    """One table of ``translations.yaml``: foreign words of group names and their English (``kinds``, ``words``,
    ``unions``), or a list as a table of its words (``of_words``, ``causes``)."""
    try:
        return _translations()[name]
    except KeyError:
        raise ConfigError(f"no table '{name}' in the name translations", hint="reinstall dragoman") from None


@lru_cache(maxsize=1)
def _people_lines() -> tuple[str, ...]:
    path = resources.files("dragoman.actors") / "data" / "people.txt"
    try:
        return tuple(w.strip().lower() for w in path.read_text(encoding="utf-8").splitlines()
                     if w.strip() and not w.startswith("#"))
    except OSError as e:
        raise ConfigError(f"cannot read the people words: {e}", source=str(path), hint="reinstall dragoman") from e


@lru_cache(maxsize=1)
def people_nouns() -> frozenset[str]:
    """``data/people.txt``'s nouns that name people besides the role words ("sides", "neighbours", "victims")."""
    return frozenset(w for w in _people_lines() if not w.startswith(("-", "!")))


@lru_cache(maxsize=1)
def _people_suffixes() -> tuple[tuple[str, ...], frozenset[str]]:
    lines = _people_lines()
    return tuple(w[1:] for w in lines if w.startswith("-")), frozenset(w[1:] for w in lines if w.startswith("!"))


def agentive(word: str, tag: str) -> bool:
    """Is a noun a plural with ``data/people.txt``'s suffix of people ("providers", "activists", "detainees"), not a
    thing that ends so ("numbers")?"""
    suffixes, things = _people_suffixes()
    return tag == "NNS" and word.endswith(suffixes) and word not in things


@lru_cache(maxsize=1)
def _portfolios() -> dict[str, str]:
    path = resources.files("dragoman.actors") / "data" / "portfolios.yaml"
    try:
        raw: dict[str, Any] = read_yaml(path.read_text(encoding="utf-8"))
        return {str(w).lower(): name for name, ws in raw.items() for w in ws}
    except (OSError, yaml.YAMLError, AttributeError, TypeError) as e:
        raise ConfigError(f"cannot read the portfolio words: {e}", source=str(path), hint="reinstall dragoman") from e


def portfolio(title: str | None) -> str | None:
    """The portfolio an official's title names (``data/portfolios.yaml``): "Defence Minister" → "defence",
    "North Macedonia's top diplomat" → "foreign"; None for a title that names none ("minister", "president")."""
    if not title:
        return None
    table = _portfolios()
    for w in title.lower().replace("'s", " ").split():
        if (name := table.get(w.strip(".,;:()\"'"))) is not None:
            return name
    return None
